//! Patterns of all articles, run only where they can match: each pattern's
//! possible first letters (the literal prefixes of its matches) go into one
//! Aho-Corasick automaton, and only patterns whose prefix occurs in the
//! question are run. Patterns are compiled with the index, so that no
//! question waits for one to compile.
//!
//! A compiled pattern keeps only its NFA, about 20 KB; a `regex::Regex`
//! keeps lazy DFAs and caches of about 150 KB, which for thousands of
//! patterns is most of the matcher's memory. A short question runs on the
//! NFA simulation (a few µs) with one cache per thread; a long one on a
//! forward lazy DFA with a fresh cache (slower to start, linear after).

use std::cell::RefCell;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use regex_automata::hybrid::dfa::DFA;
use regex_automata::nfa::thompson::pikevm::{self, PikeVM};
use regex_automata::{Anchored, Input};
use regex_syntax::hir::literal::{ExtractKind, Extractor};

use crate::parse::compile_pattern;

struct Pattern {
    article: u32,
    /// `None` for a pattern that does not compile (`kb check` reports it).
    compiled: Option<Compiled>,
}

/// One pattern's NFA, run by whichever engine suits the text.
struct Compiled {
    vm: PikeVM,
    /// `None` where the lazy DFA cannot take the pattern.
    dfa: Option<DFA>,
}

/// Texts up to this many bytes run on the Pike VM: it starts at once but
/// costs time per byte and NFA state; the lazy DFA builds its states as
/// it goes, which pays off on longer texts only.
const SHORT_TEXT: usize = 256;

/// The lazy DFA's cache for one match (allocated per match, so the index
/// does not hold it): states beyond it are rebuilt, never an error.
const DFA_CACHE: usize = 64 * 1024;

impl Compiled {
    fn new(pattern: &str) -> Option<Compiled> {
        let nfa = compile_pattern(pattern).ok()?;
        let dfa = DFA::builder()
            .configure(
                DFA::config()
                    .cache_capacity(DFA_CACHE)
                    .skip_cache_capacity_check(true)
                    .minimum_cache_clear_count(None),
            )
            .build_from_nfa(nfa.clone())
            .ok();
        Some(Compiled {
            vm: PikeVM::new_from_nfa(nfa).ok()?,
            dfa,
        })
    }

    /// Whether the pattern matches `text` anywhere, or with `at`, a match
    /// starting at that byte offset.
    fn is_match(&self, text: &str, at: Option<usize>) -> bool {
        let mut input = Input::new(text).earliest(true);
        if let Some(at) = at {
            input = input.range(at..).anchored(Anchored::Yes);
        }
        let run_vm = || run_pike_vm(&self.vm, input.clone());
        let Some(dfa) = self
            .dfa
            .as_ref()
            .filter(|_| text.len() - input.start() > SHORT_TEXT)
        else {
            return run_vm();
        };
        match dfa.try_search_fwd(&mut dfa.create_cache(), &input) {
            Ok(found) => found.is_some(),
            // The lazy DFA gave up (it does on some Unicode look-arounds):
            // the Pike VM never does.
            Err(_) => run_vm(),
        }
    }
}

thread_local! {
    /// One Pike VM cache per thread, fitted to each pattern in turn: making
    /// a fresh one costs more than a short search.
    static VM_CACHE: RefCell<Option<pikevm::Cache>> = const { RefCell::new(None) };
}

fn run_pike_vm(vm: &PikeVM, input: Input<'_>) -> bool {
    VM_CACHE.with(|slot| match slot.try_borrow_mut() {
        Ok(mut slot) => {
            let cache = slot.get_or_insert_with(|| vm.create_cache());
            cache.reset(vm);
            vm.is_match(cache, input)
        }
        Err(_) => vm.is_match(&mut vm.create_cache(), input),
    })
}

#[derive(Default)]
pub(super) struct Patterns {
    patterns: Vec<Pattern>,
    /// Automaton over the prefixes; `owner[i]` is the pattern of prefix `i`.
    prefixes: Option<AhoCorasick>,
    owner: Vec<u32>,
    /// Patterns without a usable prefix: always run.
    always: Vec<u32>,
}

impl Patterns {
    /// `(pattern, article)` pairs.
    pub fn build(list: Vec<(String, u32)>) -> Self {
        let mut literals: Vec<String> = Vec::new();
        let mut owner = Vec::new();
        let mut always = Vec::new();
        let mut patterns = Vec::with_capacity(list.len());
        for (n, (source, article)) in list.into_iter().enumerate() {
            let n = u32::try_from(n).unwrap_or(u32::MAX);
            match prefixes(&source) {
                Some(found) => {
                    for literal in found {
                        literals.push(literal);
                        owner.push(n);
                    }
                }
                None => always.push(n),
            }
            patterns.push(Pattern {
                compiled: Compiled::new(&source),
                article,
            });
        }
        let prefixes = if literals.is_empty() {
            None
        } else {
            // A DFA: every question is scanned, and a few hundred KB for
            // thousands of prefixes buys a scan several times faster.
            let ac = AhoCorasick::builder()
                .kind(Some(AhoCorasickKind::DFA))
                .build(&literals);
            match ac {
                Ok(ac) => Some(ac),
                Err(e) => {
                    tracing::warn!(error = %e, "pattern prefilter disabled");
                    always = (0..u32::try_from(patterns.len()).unwrap_or(u32::MAX)).collect();
                    None
                }
            }
        };
        Patterns {
            patterns,
            prefixes,
            owner,
            always,
        }
    }

    /// Articles with a pattern matching the normalised question.
    pub fn matching(&self, normalized: &str) -> Vec<u32> {
        // (pattern, where its match must start): a pattern with prefixes
        // can only match where one of them occurs, so it is tried anchored
        // there, which fails fast; the others are tried anywhere.
        let mut runs: Vec<(u32, Option<usize>)> = self.always.iter().map(|&n| (n, None)).collect();
        if let Some(ac) = &self.prefixes {
            runs.extend(
                ac.find_overlapping_iter(normalized)
                    .map(|m| (self.owner[m.pattern().as_usize()], Some(m.start()))),
            );
        }
        runs.sort_unstable();
        runs.dedup();
        let mut matched: Option<u32> = None;
        let mut articles: Vec<u32> = Vec::new();
        for (n, at) in runs {
            if matched == Some(n) {
                continue;
            }
            let p = &self.patterns[n as usize];
            if p.compiled
                .as_ref()
                .is_some_and(|c| c.is_match(normalized, at))
            {
                matched = Some(n);
                articles.push(p.article);
            }
        }
        articles.dedup();
        articles
    }
}

/// The literal prefixes every match of `pattern` starts with (lower case),
/// or `None` when there is no short finite set of them.
fn prefixes(pattern: &str) -> Option<Vec<String>> {
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(pattern)
        .ok()?;
    let seq = Extractor::new().kind(ExtractKind::Prefix).extract(&hir);
    let literals = seq.literals()?;
    if literals.is_empty() || literals.len() > 64 {
        return None;
    }
    let mut out = Vec::with_capacity(literals.len());
    for literal in literals {
        let text = std::str::from_utf8(literal.as_bytes()).ok()?;
        if text.chars().count() < 2 {
            return None;
        }
        out.push(text.to_lowercase());
    }
    out.sort();
    out.dedup();
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(list: &[(&str, u32)]) -> Patterns {
        Patterns::build(list.iter().map(|(p, a)| (p.to_string(), *a)).collect())
    }

    #[test]
    fn only_patterns_that_match_report_their_article() {
        let p = set(&[
            ("card (was |got )?declined", 1),
            ("удал\\w* (мой )?аккаунт", 2),
        ]);
        assert_eq!(p.matching("my card was declined"), [1]);
        assert_eq!(p.matching("как удалить мой аккаунт"), [2]);
        assert!(p.matching("card accepted").is_empty());
    }

    #[test]
    fn patterns_are_case_insensitive() {
        let p = set(&[("Pass ?Word", 1)]);
        assert_eq!(p.matching("reset password"), [1]);
    }

    #[test]
    fn a_pattern_without_a_literal_prefix_still_runs() {
        let p = set(&[(".*(refund|money back)", 7), ("\\d+ ?€", 8)]);
        assert!(p.always.len() == 2, "{:?}", p.always);
        assert_eq!(p.matching("i want a refund"), [7]);
        assert_eq!(p.matching("it cost 20 €"), [8]);
    }

    #[test]
    fn long_questions_match_as_short_ones_do() {
        let p = set(&[("удал\\w* (мой )?аккаунт", 2), ("\\bcard\\b.*declined", 3)]);
        let filler = "и ещё немного слов ".repeat(40);
        assert!(filler.len() > SHORT_TEXT);
        assert_eq!(p.matching(&format!("{filler} удалить мой аккаунт")), [2]);
        assert_eq!(
            p.matching(&format!("удалить {filler} аккаунт")),
            Vec::<u32>::new()
        );
        assert_eq!(p.matching(&format!("my card {filler} was declined")), [3]);
        // The prefix occurs twice; only the second occurrence matches.
        assert_eq!(
            p.matching(&format!("удалено {filler} удалить аккаунт")),
            [2]
        );
    }

    #[test]
    fn a_pattern_is_tried_at_each_place_its_prefix_occurs() {
        let p = set(&[("card (was |got )?declined", 1)]);
        assert_eq!(p.matching("card ok, but my card got declined"), [1]);
        assert!(p.matching("card ok, declined later").is_empty());
    }

    #[test]
    fn prefixes_are_extracted_from_alternations() {
        assert_eq!(
            prefixes("(app|приложени\\w*) (crash|вылета)").unwrap(),
            ["app crash", "app вылета", "приложени"]
        );
        assert_eq!(prefixes("a"), None);
    }
}
