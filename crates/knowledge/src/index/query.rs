//! One question against the index: which words it has, where they occur,
//! and the evidence each touched article collects.

use std::borrow::Cow;

use super::analyzer::{Unit, Word};
use super::limits::{self, MAX_QUESTION_WORDS, MAX_WORD};
use super::score::{self, Evidence, Strength};
use super::scratch::with_scratch;
use super::typo::allowed_edits;
use super::vocab::TermId;
use super::Index;
use crate::text::{fold, is_blank, is_stop_word, split_words, stem, Script};

/// A content word of the question and the terms it may stand for.
#[derive(Debug, Clone)]
pub(super) struct QueryWord {
    pub pos: u32,
    /// How much the word matters: the idf of its best reading, or the
    /// weight of an unknown word.
    pub weight: f32,
    /// (term, strength in (0, 1]), strongest first.
    pub alts: Vec<(TermId, f32)>,
    /// How much the word says about what the question is after, for
    /// judging an article that does not explain it: its weight, less for
    /// a short unknown word (often slang, a name or a typo).
    pub information: f32,
}

/// At most this many derived stems stand in for one question word.
const MAX_DERIVED: usize = 4;

/// An article with its evidence and score.
#[derive(Debug, Clone)]
pub(super) struct Ranked {
    pub article: u32,
    pub score: f32,
    pub evidence: Evidence,
}

impl Index {
    pub(super) fn query_words(&self, folded: &[&str]) -> Vec<QueryWord> {
        let (mut words, mut known): (Vec<Word>, Vec<Option<u32>>) = folded
            .iter()
            .map(|&word| match self.known_words.get(word) {
                Some(&n) => {
                    let known = &self.known[n as usize];
                    let stem = Cow::Borrowed(&*known.stem);
                    let word = Cow::Borrowed(word);
                    if known.stop {
                        (Word::stop(word, stem), None)
                    } else {
                        (Word::new(word, stem), Some(n))
                    }
                }
                None => {
                    limits::spend(word.len());
                    let stem = Cow::Owned(stem(word));
                    if is_stop_word(word) {
                        (Word::stop(Cow::Borrowed(word), stem), None)
                    } else {
                        (Word::new(Cow::Borrowed(word), stem), None)
                    }
                }
            })
            .unzip();
        // Typos are fixed before synonyms, so that `meetng room` still
        // reads as the phrase `meeting room`. A word with several equally
        // close fixes keeps them all as weaker readings.
        let mut ambiguous: Vec<(usize, Vec<(String, usize)>)> = Vec::new();
        for (i, w) in words.iter_mut().enumerate() {
            if w.stop
                || known[i].is_some()
                || self.vocab.get(&w.stem).is_some()
                || self.synonyms.knows_stem(&w.stem)
            {
                continue;
            }
            let fixes = self.typo_fixes(&w.word, &w.stem);
            if let [(stem, edits)] = fixes.as_slice() {
                w.strength = Strength::typo(*edits);
                w.stem = Cow::Owned(stem.clone());
                known[i] = None;
            } else if !fixes.is_empty() {
                ambiguous.push((i, fixes));
            }
        }
        let units = self.synonyms.apply(&words);
        let mut out: Vec<QueryWord> = Vec::with_capacity(units.len());
        for unit in units {
            let pos = u32::try_from(unit.first()).unwrap_or(u32::MAX);
            let alts = match unit {
                Unit::Concept { term, strength, .. } => vec![(term, strength)],
                Unit::Word(i) => {
                    let w = &words[i];
                    let mut alts = match known[i] {
                        Some(n) => self.known_readings(n, w.strength),
                        None => self.readings(&w.stem, w.strength),
                    };
                    for (_, fixes) in ambiguous.iter().filter(|(at, _)| *at == i) {
                        for (stem, edits) in fixes {
                            for (t, s) in self.readings(stem, Strength::typo(*edits)) {
                                if !alts.iter().any(|(a, _)| *a == t) {
                                    alts.push((t, s));
                                }
                            }
                        }
                    }
                    alts
                }
            };
            let weight = match alts.first() {
                Some(&(t, s)) => self.idf[t as usize] * s,
                None => self.idf_ref * score::UNKNOWN_WORD_WEIGHT,
            };
            // A repeated word says nothing new.
            if !alts.is_empty() && out.iter().any(|q| q.alts.first() == alts.first()) {
                continue;
            }
            let information = match unit {
                Unit::Word(i) if alts.is_empty() => {
                    weight * score::unknown_information(words[i].word.chars().count())
                }
                _ => weight,
            };
            out.push(QueryWord {
                pos,
                weight,
                alts,
                information,
            });
        }
        out
    }

    /// Known stems a typo or two away from a word (tried as written and
    /// as stemmed), the closest only.
    fn typo_fixes(&self, word: &str, stem: &str) -> Vec<(String, usize)> {
        if allowed_edits(word.chars().count()) == 0 {
            return Vec::new();
        }
        // The word as written first; its stem only if that finds nothing
        // (`забранировал` is far from any word but near `забронирова`).
        let mut found = self.typo.lookup(word);
        if found.is_empty() && stem != word {
            found = self.typo.lookup(stem);
        }
        let mut fixes: Vec<(String, usize)> =
            found.into_iter().map(|(s, d)| (s.to_owned(), d)).collect();
        let closest = fixes.iter().map(|f| f.1).min().unwrap_or(0);
        fixes.retain(|f| f.1 == closest);
        fixes.sort();
        fixes.dedup();
        fixes
    }

    /// [`readings`](Self::readings) of a word the knowledge base uses,
    /// remembered.
    fn known_readings(&self, n: u32, strength: f32) -> Vec<(TermId, f32)> {
        let known = &self.known[n as usize];
        let readings = known
            .readings
            .get_or_init(|| self.readings(&known.stem, 1.0).into());
        readings.iter().map(|&(t, s)| (t, s * strength)).collect()
    }

    /// The terms a stem may stand for: itself and stems derived from the
    /// same root, each at most `strength`.
    fn readings(&self, stem: &str, strength: f32) -> Vec<(TermId, f32)> {
        let mut alts = Vec::new();
        if let Some(t) = self.vocab.get(stem) {
            alts.push((t, strength));
        }
        // Derived forms of a common word would only add noise and time.
        let common = score::common_df(self.articles.len());
        for t in self
            .vocab
            .related(stem)
            .into_iter()
            .filter(|t| self.df[*t as usize] <= common)
            .take(MAX_DERIVED)
        {
            alts.push((t, strength * Strength::RELATED));
        }
        alts
    }

    /// The best `keep` articles for `question`, best first; `explain`
    /// fills in which keyword matched.
    pub(super) fn rank(
        &self,
        question: &str,
        locale: Option<&str>,
        keep: usize,
        explain: bool,
    ) -> Vec<Ranked> {
        // Zero-width characters, emoji or punctuation alone ask nothing.
        if is_blank(question) {
            return Vec::new();
        }
        // Only the head of a long question is read, so that its cost is
        // bounded (see `limits`).
        let text = fold(limits::head(question));
        self.rank_words(&text, split_words(&text), locale, keep, explain)
    }

    /// [`rank`](Self::rank) of a question that is not blank, folded
    /// (`text`) and split into `folded` words.
    pub(super) fn rank_words(
        &self,
        text: &str,
        mut folded: Vec<&str>,
        locale: Option<&str>,
        keep: usize,
        explain: bool,
    ) -> Vec<Ranked> {
        limits::spend(text.len());
        folded.retain(|w| w.chars().count() <= MAX_WORD);
        folded.truncate(MAX_QUESTION_WORDS);
        let language = question_language(&folded);
        let matched_patterns = self.patterns.matching(&folded.join(" "));
        let words = self.query_words(&folded);
        let function = self.function_words.of_question(&folded);
        with_scratch(|s| {
            self.accumulate(&words, &matched_patterns, s);
            self.collect(&words, &function, language, locale, keep, explain, s)
        })
    }
}

/// `ru` or `en` when the question's letters are mostly of one script.
pub(super) fn question_language(words: &[&str]) -> Option<&'static str> {
    let (mut latin, mut cyrillic) = (0usize, 0usize);
    for w in words {
        match Script::of(w) {
            Script::Latin => latin += w.len(),
            Script::Cyrillic => cyrillic += w.chars().count(),
            Script::Other => {}
        }
    }
    if cyrillic > 2 * latin {
        Some("ru")
    } else if latin > 2 * cyrillic {
        Some("en")
    } else {
        None
    }
}
