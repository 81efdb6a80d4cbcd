//! Text → terms: words, stems, stop words, synonym groups. The same steps
//! run when indexing and when querying, so both sides meet in one place.

use std::borrow::Cow;

use crate::fxhash::{FxHashMap, FxHashSet};

use super::vocab::{TermId, Vocab};
use crate::synonyms::Synonyms;
#[cfg(test)]
use crate::text::is_stop_word;
use crate::text::{stem, words};

/// One word of a text after stemming.
#[derive(Debug, Clone, PartialEq)]
pub struct Word<'a> {
    /// Borrowed from the question.
    pub word: Cow<'a, str>,
    /// Borrowed from the index for words it knows.
    pub stem: Cow<'a, str>,
    pub stop: bool,
    /// 1, or less when the word was corrected from a typo.
    pub strength: f32,
}

impl<'a> Word<'a> {
    pub fn new(word: Cow<'a, str>, stem: Cow<'a, str>) -> Self {
        Word {
            word,
            stem,
            stop: false,
            strength: 1.0,
        }
    }

    /// A stop word: kept for phrase matching, never a term.
    pub fn stop(word: Cow<'a, str>, stem: Cow<'a, str>) -> Self {
        Word {
            stem,
            word,
            stop: true,
            strength: 1.0,
        }
    }
}

/// What synonym matching needs to know of a word.
pub trait Token {
    fn stem(&self) -> &str;
    fn stop(&self) -> bool;
    fn strength(&self) -> f32 {
        1.0
    }
    /// `false` when this word surely starts no synonym entry (saves a
    /// look-up); `true` when unsure.
    fn may_start_phrase(&self) -> bool {
        true
    }
}

impl Token for Word<'_> {
    fn stem(&self) -> &str {
        &self.stem
    }
    fn stop(&self) -> bool {
        self.stop
    }
    fn strength(&self) -> f32 {
        self.strength
    }
}

/// What a text turns into: synonym phrases collapsed to their group, stop
/// words dropped. Numbers are positions in the word list (which counts
/// stop words too, so they also serve for phrase order).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Unit {
    /// A word or phrase of a synonym group, starting at word `first`.
    Concept {
        term: TermId,
        first: usize,
        strength: f32,
    },
    /// Any other content word.
    Word(usize),
}

impl Unit {
    pub fn first(&self) -> usize {
        match *self {
            Unit::Concept { first, .. } => first,
            Unit::Word(i) => i,
        }
    }
}

/// A synonym entry as stems, and the group it stands for.
#[derive(Debug, Clone)]
struct Phrase {
    stems: Vec<String>,
    term: TermId,
}

/// Synonym groups, looked up by the first stem of each entry.
#[derive(Debug, Clone, Default)]
pub struct SynonymTable {
    by_first: FxHashMap<String, Vec<Phrase>>,
    /// Every word of every entry, with its stem.
    words: Vec<(String, String)>,
    stems: FxHashSet<String>,
}

impl SynonymTable {
    /// Registers every group: one term per group, and each single-word entry's
    /// stem pointing at it (so typo and derivation look-ups find the group).
    pub fn build(synonyms: &Synonyms, vocab: &mut Vocab) -> Self {
        let mut table = SynonymTable::default();
        for (n, group) in synonyms.groups.iter().enumerate() {
            if group.entries.len() < 2 {
                continue;
            }
            let term = vocab.concept(n);
            for entry in &group.entries {
                let entry_words = words(entry);
                let stems: Vec<String> = entry_words.iter().map(|w| stem(w)).collect();
                for (w, s) in entry_words.iter().zip(&stems) {
                    table.words.push((w.clone(), s.clone()));
                    table.stems.insert(s.clone());
                }
                let Some(first) = stems.first().cloned() else {
                    continue;
                };
                if stems.len() == 1 {
                    vocab.alias(&first, term);
                }
                let phrases = table.by_first.entry(first).or_default();
                if !phrases.iter().any(|p| p.stems == stems) {
                    phrases.push(Phrase { stems, term });
                    // Longest first, so "log in" wins over "log".
                    phrases.sort_by_key(|p| std::cmp::Reverse(p.stems.len()));
                }
            }
        }
        table
    }

    /// Whether some synonym entry starts with `stem`.
    pub fn starts_phrase(&self, stem: &str) -> bool {
        self.by_first.contains_key(stem)
    }

    /// Whether `stem` is part of some synonym entry.
    pub fn knows_stem(&self, stem: &str) -> bool {
        self.stems.contains(stem)
    }

    /// The words of all entries with their stems (for typo look-ups).
    pub fn words(&self) -> &[(String, String)] {
        &self.words
    }

    /// Collapses synonym phrases and drops stop words. A phrase may skip
    /// stop words of the text (`вернуть мне деньги` is `вернуть деньги`).
    pub fn apply<T: Token>(&self, words: &[T]) -> Vec<Unit> {
        let mut out = Vec::with_capacity(words.len());
        let mut i = 0;
        while i < words.len() {
            if let Some((term, next)) = self.match_at(words, i) {
                let strength = words[i..next]
                    .iter()
                    .map(Token::strength)
                    .fold(1.0, f32::min);
                out.push(Unit::Concept {
                    term,
                    first: i,
                    strength,
                });
                i = next;
                continue;
            }
            if !words[i].stop() {
                out.push(Unit::Word(i));
            }
            i += 1;
        }
        out
    }

    fn match_at<T: Token>(&self, words: &[T], start: usize) -> Option<(TermId, usize)> {
        if !words[start].may_start_phrase() {
            return None;
        }
        let phrases = self.by_first.get(words[start].stem())?;
        'phrase: for phrase in phrases {
            let mut at = start + 1;
            for want in &phrase.stems[1..] {
                loop {
                    let Some(w) = words.get(at) else {
                        continue 'phrase;
                    };
                    at += 1;
                    if w.stem() == want {
                        break;
                    }
                    if !w.stop() {
                        continue 'phrase;
                    }
                }
            }
            return Some((phrase.term, at));
        }
        None
    }
}

/// Splits, folds and stems a text.
#[cfg(test)]
pub fn analyze_words(text: &str) -> Vec<Word<'static>> {
    words(text)
        .into_iter()
        .map(|word| Word {
            stop: is_stop_word(&word),
            stem: Cow::Owned(stem(&word)),
            strength: 1.0,
            word: Cow::Owned(word),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synonyms::SynonymGroup;

    fn table(groups: &[&[&str]]) -> (SynonymTable, Vocab) {
        let synonyms = Synonyms {
            groups: groups
                .iter()
                .map(|g| SynonymGroup {
                    entries: g.iter().map(|s| s.to_string()).collect(),
                    line: 1,
                })
                .collect(),
            source: None,
        };
        let mut vocab = Vocab::default();
        let t = SynonymTable::build(&synonyms, &mut vocab);
        (t, vocab)
    }

    fn concepts(t: &SynonymTable, text: &str) -> Vec<Option<TermId>> {
        t.apply(&analyze_words(text))
            .into_iter()
            .map(|u| match u {
                Unit::Concept { term, .. } => Some(term),
                Unit::Word(_) => None,
            })
            .collect()
    }

    #[test]
    fn a_phrase_of_a_group_becomes_the_group() {
        let (t, v) = table(&[&["login", "log in", "войти"]]);
        let login = v.get("login").unwrap();
        assert_eq!(concepts(&t, "Can't log in to the app"), [Some(login), None]);
        assert_eq!(concepts(&t, "не могу войти"), [None, Some(login)]);
    }

    #[test]
    fn a_phrase_may_skip_stop_words_but_not_content_words() {
        let (t, _) = table(&[&["вернуть деньги", "refund"]]);
        assert_eq!(concepts(&t, "вернуть мне деньги").len(), 1);
        assert_eq!(concepts(&t, "вернуть старые деньги").len(), 3);
    }

    #[test]
    fn log_out_is_not_log_in() {
        let (t, _) = table(&[&["login", "log in"]]);
        assert_eq!(concepts(&t, "log out"), [None]);
    }

    #[test]
    fn a_shorter_entry_matches_where_a_longer_one_runs_out_of_words() {
        let (t, v) = table(&[&["sign in now", "signin"], &["sign", "autograph"]]);
        let autograph = v.get("autograph").unwrap();
        assert_eq!(concepts(&t, "sign"), [Some(autograph)]);
    }

    #[test]
    fn a_phrase_may_contain_stop_words_in_any_form() {
        // "having" is a stop word whose stem is "have".
        let (t, _) = table(&[&["having trouble", "struggle"]]);
        assert_eq!(concepts(&t, "I am having trouble").len(), 1);
    }

    #[test]
    fn stop_words_are_dropped() {
        let (t, _) = table(&[]);
        assert_eq!(concepts(&t, "how do I reset the password").len(), 2);
    }
}
