//! Text → terms: words, stems, stop words, synonym groups. The same steps
//! run when indexing and when querying, so both sides meet in one place.

use std::collections::HashMap;

use super::vocab::{TermId, Vocab};
use crate::knowledge::synonyms::Synonyms;
use crate::knowledge::text::{is_stop_word, stem, words};

/// One word of a text after stemming.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub word: String,
    pub stem: String,
    pub stop: bool,
    /// Position in the text (counting every word), for phrase order.
    pub pos: u32,
    /// 1, or less when the word was corrected from a typo.
    pub strength: f32,
}

/// What a text turns into: synonym phrases collapsed to their group, stop
/// words dropped.
#[derive(Debug, Clone, PartialEq)]
pub enum Unit {
    /// A word or phrase of a synonym group: the group's term.
    Concept {
        term: TermId,
        pos: u32,
        strength: f32,
    },
    /// Any other content word.
    Word(Word),
}

impl Unit {
    pub fn pos(&self) -> u32 {
        match self {
            Unit::Concept { pos, .. } => *pos,
            Unit::Word(w) => w.pos,
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
    by_first: HashMap<String, Vec<Phrase>>,
    /// Every stem of every entry, with the words it came from.
    words: Vec<(String, String)>,
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

    /// Whether `stem` is part of some synonym entry.
    pub fn knows_stem(&self, stem: &str) -> bool {
        self.words.iter().any(|(_, s)| s == stem)
    }

    /// The words of all entries with their stems (for typo look-ups).
    pub fn words(&self) -> &[(String, String)] {
        &self.words
    }

    /// Collapses synonym phrases and drops stop words. A phrase may skip stop
    /// words of the text (`вернуть мне деньги` is `вернуть деньги`).
    pub fn apply(&self, words: Vec<Word>) -> Vec<Unit> {
        let mut out = Vec::with_capacity(words.len());
        let mut i = 0;
        while i < words.len() {
            if let Some((term, next)) = self.match_at(&words, i) {
                let strength = words[i..next]
                    .iter()
                    .map(|w| w.strength)
                    .fold(1.0, f32::min);
                out.push(Unit::Concept {
                    term,
                    pos: words[i].pos,
                    strength,
                });
                i = next;
                continue;
            }
            let w = &words[i];
            if !w.stop {
                out.push(Unit::Word(w.clone()));
            }
            i += 1;
        }
        out
    }

    fn match_at(&self, words: &[Word], start: usize) -> Option<(TermId, usize)> {
        let phrases = self.by_first.get(&words[start].stem)?;
        'phrase: for phrase in phrases {
            let mut at = start + 1;
            for want in &phrase.stems[1..] {
                loop {
                    let w = words.get(at)?;
                    at += 1;
                    if &w.stem == want {
                        break;
                    }
                    if !w.stop {
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
pub fn analyze_words(text: &str) -> Vec<Word> {
    words(text)
        .into_iter()
        .enumerate()
        .map(|(pos, word)| Word {
            stop: is_stop_word(&word),
            stem: stem(&word),
            pos: u32::try_from(pos).unwrap_or(u32::MAX),
            strength: 1.0,
            word,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::synonyms::SynonymGroup;

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
        t.apply(analyze_words(text))
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
    fn stop_words_are_dropped() {
        let (t, _) = table(&[]);
        assert_eq!(concepts(&t, "how do I reset the password").len(), 2);
    }
}
