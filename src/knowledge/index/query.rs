//! One question against the index: which words it has, where they occur,
//! and the evidence each touched article collects.

use super::analyzer::{analyze_words, Unit};
use super::score::{self, Evidence, Strength};
use super::scratch::{with_scratch, Scratch};
use super::typo::allowed_edits;
use super::vocab::TermId;
use super::{Index, Place, CANDIDATES};
use crate::knowledge::article::same_language;
use crate::knowledge::text::{normalize, Script};

/// A content word of the question and the terms it may stand for.
#[derive(Debug, Clone)]
pub(super) struct QueryWord {
    pub pos: u32,
    /// How much the word matters: the idf of its best reading, or the
    /// weight of an unknown word.
    pub weight: f32,
    /// (term, strength in (0, 1]), strongest first.
    pub alts: Vec<(TermId, f32)>,
}

/// An article with its evidence and score.
#[derive(Debug, Clone)]
pub(super) struct Ranked {
    pub article: u32,
    pub score: f32,
    pub evidence: Evidence,
}

impl Index {
    pub(super) fn query_words(&self, question: &str) -> Vec<QueryWord> {
        let mut words = analyze_words(question);
        // Typos are fixed before synonyms, so that `meetng room` still
        // reads as the phrase `meeting room`. A word with several equally
        // close fixes keeps them all as weaker readings.
        let mut ambiguous: Vec<(u32, Vec<(String, usize)>)> = Vec::new();
        for w in &mut words {
            if w.stop || self.vocab.get(&w.stem).is_some() || self.synonyms.knows_stem(&w.stem) {
                continue;
            }
            let fixes = self.typo_fixes(&w.word, &w.stem);
            if let [(stem, edits)] = fixes.as_slice() {
                w.strength = Strength::typo(*edits);
                w.stem = stem.clone();
            } else if !fixes.is_empty() {
                ambiguous.push((w.pos, fixes));
            }
        }
        let units = self.synonyms.apply(words);
        let mut out: Vec<QueryWord> = Vec::with_capacity(units.len());
        for unit in units {
            let pos = unit.pos();
            let alts = match unit {
                Unit::Concept { term, strength, .. } => vec![(term, strength)],
                Unit::Word(w) => {
                    let mut alts = self.readings(&w.stem, w.strength);
                    for (_, fixes) in ambiguous.iter().filter(|(p, _)| *p == w.pos) {
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
            out.push(QueryWord { pos, weight, alts });
        }
        out
    }

    /// Known stems a typo or two away from a word (tried as written and
    /// as stemmed), the closest only.
    fn typo_fixes(&self, word: &str, stem: &str) -> Vec<(String, usize)> {
        if allowed_edits(word.chars().count()) == 0 {
            return Vec::new();
        }
        let mut fixes: Vec<(String, usize)> = self
            .typo
            .lookup(word)
            .into_iter()
            .chain(if stem != word {
                self.typo.lookup(stem)
            } else {
                Vec::new()
            })
            .map(|(s, d)| (s.to_owned(), d))
            .collect();
        let closest = fixes.iter().map(|f| f.1).min().unwrap_or(0);
        fixes.retain(|f| f.1 == closest);
        fixes.sort();
        fixes.dedup();
        fixes
    }

    /// The terms a stem may stand for: itself and stems derived from the
    /// same root, each at most `strength`.
    fn readings(&self, stem: &str, strength: f32) -> Vec<(TermId, f32)> {
        let mut alts = Vec::new();
        if let Some(t) = self.vocab.get(stem) {
            alts.push((t, strength));
        }
        for t in self.vocab.related(stem) {
            alts.push((t, strength * Strength::RELATED));
        }
        alts
    }

    /// Every article the question touches, best first, with evidence.
    pub(super) fn rank(&self, question: &str, locale: Option<&str>) -> Vec<Ranked> {
        let words = self.query_words(question);
        let language = question_language(question);
        let mut matched_patterns = Vec::new();
        if let Some(set) = &self.patterns {
            let normalized = normalize(question);
            matched_patterns.extend(
                set.matches(&normalized)
                    .iter()
                    .map(|i| self.pattern_article[i]),
            );
        }
        let mut ranked = with_scratch(|s| {
            self.accumulate(&words, &matched_patterns, s);
            self.collect(&words, language, &matched_patterns, locale, s)
        });
        ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.article.cmp(&b.article)));
        ranked
    }

    fn accumulate(&self, words: &[QueryWord], patterns: &[u32], s: &mut Scratch) {
        s.begin(
            self.articles.len(),
            self.keywords.len(),
            self.examples.len(),
            self.passages.len(),
        );
        for &a in patterns {
            s.article(a);
        }
        // Pass 1: keyword places only (they come first in each posting
        // list), so that pass 2 knows how complete each phrase is.
        for q in words {
            for &(term, strength) in &q.alts {
                let idf = self.idf[term as usize];
                for place in self.postings[term as usize].iter() {
                    let Place::Keyword { keyword, slot } = *place else {
                        break;
                    };
                    let k = s.keyword(keyword);
                    let bit = 1u16 << slot;
                    if k.mask & bit == 0 {
                        k.mask |= bit;
                        k.matched += idf * strength;
                        k.pos[slot as usize] = q.pos;
                    }
                }
            }
        }
        for i in 0..s.touched_keywords.len() {
            let keyword = s.touched_keywords[i];
            let len = self.keywords[keyword as usize].terms.len();
            let k = &mut s.keywords[keyword as usize];
            let found = u32::from(k.mask).count_ones() as usize;
            k.place = score::keyword_place(found, len, &k.pos[..len.min(k.pos.len())]);
        }
        // Pass 2: every place; each word counts once per article, at the
        // strength of the best place it is found in.
        let common = score::common_df(self.articles.len());
        for q in words {
            let word = s.next_word();
            for &(term, strength) in &q.alts {
                let skip_body = self.df[term as usize] > common;
                let idf = self.idf[term as usize];
                for place in self.postings[term as usize].iter() {
                    match *place {
                        Place::Keyword { keyword, .. } => {
                            let kw = &self.keywords[keyword as usize];
                            let place = s.keywords[keyword as usize].place;
                            touch(s, kw.article, word, strength * place);
                            let a = s.article(kw.article);
                            if a.keyword_word != word {
                                a.keyword_word = word;
                                a.in_keywords += q.weight * strength;
                            }
                        }
                        Place::Title { article } => {
                            touch(s, article, word, strength * Strength::TITLE);
                            let a = s.article(article);
                            if a.title_word != word {
                                a.title_word = word;
                                a.title_covered += q.weight * strength;
                            }
                        }
                        Place::Examples { article, count } => {
                            let of = self.example_counts[article as usize];
                            touch(s, article, word, strength * Strength::examples(count, of));
                            let a = s.article(article);
                            if a.example_word != word {
                                a.example_word = word;
                                a.example_covered += q.weight * strength;
                            }
                        }
                        Place::Example { example } => {
                            let e = s.example(example);
                            if e.word != word {
                                e.word = word;
                                e.dot += q.weight * idf * strength;
                            }
                        }
                        Place::Passage { passage } => {
                            if skip_body {
                                break;
                            }
                            let e = s.passage(passage);
                            if e.word != word {
                                e.word = word;
                                e.dot += q.weight * idf * strength;
                            }
                        }
                        Place::Body { article, count } => {
                            if skip_body {
                                break;
                            }
                            touch(s, article, word, strength * Strength::body(count));
                            let a = s.article(article);
                            if a.body_word != word {
                                a.body_word = word;
                                a.body_covered += q.weight * strength;
                            }
                        }
                    }
                }
            }
            for i in 0..s.word_articles.len() {
                let article = s.word_articles[i];
                let a = s.article(article);
                a.covered += q.weight * a.word_best;
            }
        }
    }

    fn collect(
        &self,
        words: &[QueryWord],
        language: Option<&'static str>,
        patterns: &[u32],
        locale: Option<&str>,
        s: &mut Scratch,
    ) -> Vec<Ranked> {
        let query_mass: f32 = words.iter().map(|q| q.weight).sum();
        let query_norm: f32 = words
            .iter()
            .map(|q| q.weight * q.weight)
            .sum::<f32>()
            .sqrt();
        let unknown: f32 = words
            .iter()
            .filter(|q| q.alts.is_empty())
            .map(|q| q.weight)
            .sum();
        let mut evidence: Vec<(u32, Evidence)> = Vec::with_capacity(s.touched_articles.len());
        for i in 0..s.touched_articles.len() {
            let article = s.touched_articles[i];
            s.articles[article as usize].slot = u32::try_from(i).unwrap_or(u32::MAX);
            let a = &s.articles[article as usize];
            let e = Evidence {
                coverage: ratio(a.covered, query_mass),
                mass: a.covered / self.idf_ref,
                in_keywords: ratio(a.in_keywords, query_mass),
                in_title: ratio(a.title_covered, query_mass),
                in_examples: ratio(a.example_covered, query_mass),
                in_body: ratio(a.body_covered, query_mass),
                pattern: patterns.contains(&article),
                language_mismatch: language.is_some_and(|l| {
                    let own = self.articles[article as usize].locale.as_deref();
                    own.is_some_and(|own| !same_language(own, l))
                }),
                unknown: ratio(unknown, query_mass),
                ..Evidence::default()
            };
            evidence.push((article, e));
        }
        let slot = |s: &Scratch, article: u32| {
            let a = &s.articles[article as usize];
            (a.stamp == s.stamp).then_some(a.slot as usize)
        };
        for &keyword in &s.touched_keywords {
            let kw = &self.keywords[keyword as usize];
            let complete = u32::from(s.keywords[keyword as usize].mask).count_ones() as usize
                == kw.terms.len();
            if let (true, Some(at)) = (complete, slot(s, kw.article)) {
                let e = &mut evidence[at].1;
                let better = e
                    .keyword
                    .is_none_or(|k| self.keywords[k as usize].mass < kw.mass);
                if better {
                    e.keyword = Some(keyword);
                }
            }
        }
        for &example in &s.touched_examples {
            let ex = &self.examples[example as usize];
            if let Some(at) = slot(s, ex.article) {
                let cos = ratio(s.examples[example as usize].dot, query_norm * ex.norm);
                evidence[at].1.add_example(cos);
            }
        }
        for &passage in &s.touched_passages {
            let ps = &self.passages[passage as usize];
            if let Some(at) = slot(s, ps.article) {
                let cos = ratio(s.passages[passage as usize].dot, query_norm * ps.norm);
                let e = &mut evidence[at].1;
                e.passage = e.passage.max(cos);
            }
        }
        let mut ranked: Vec<Ranked> = evidence
            .into_iter()
            .filter(|(a, _)| self.articles[*a as usize].serves(locale))
            .map(|(article, evidence)| Ranked {
                article,
                score: score::score(&evidence),
                evidence,
            })
            .filter(|r| r.score > 0.0)
            .collect();
        let keep = CANDIDATES.max(2) * 4;
        if ranked.len() > keep {
            ranked.select_nth_unstable_by(keep, |a, b| b.score.total_cmp(&a.score));
            ranked.truncate(keep);
        }
        ranked
    }
}

/// Records that `article` has the current query word with `strength`.
fn touch(s: &mut Scratch, article: u32, word: u32, strength: f32) {
    let a = s.article(article);
    if a.word != word {
        a.word = word;
        a.word_best = strength;
        s.word_articles.push(article);
    } else if strength > a.word_best {
        a.word_best = strength;
    }
}

fn ratio(a: f32, b: f32) -> f32 {
    if b > 0.0 {
        (a / b).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// `ru` or `en` when the question's letters are mostly of one script.
pub(super) fn question_language(question: &str) -> Option<&'static str> {
    let (mut latin, mut cyrillic) = (0usize, 0usize);
    for w in crate::knowledge::text::words(question) {
        match Script::of(&w) {
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
