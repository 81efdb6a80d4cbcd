//! Walking the postings of a question's words, once per reading: which
//! articles it touches and how strongly each word meets each of them.

use super::query::QueryWord;
use super::score::{self, Strength};
use super::scratch::{Scratch, MAX_WORDS};
use super::vocab::TermId;
use super::{Index, Place};

/// One reading of one question word.
#[derive(Clone, Copy)]
struct Reading {
    /// The word's number in the question (< `MAX_WORDS`).
    word: usize,
    pos: u32,
    weight: f32,
    term: TermId,
    strength: f32,
}

impl Index {
    pub(super) fn accumulate(&self, words: &[QueryWord], patterns: &[u32], s: &mut Scratch) {
        s.begin(
            self.articles.len(),
            self.keywords.len(),
            self.examples.len(),
        );
        for &a in patterns {
            s.article(a).pattern = true;
        }
        // Candidates come from the question's rarer words: a word in more
        // than `common` articles only adds to articles found otherwise (it
        // could not lift an article into the lead on its own, and walking
        // its postings is what makes a big knowledge base slow).
        let common = score::common_df(self.articles.len());
        let readings: Vec<Reading> = words
            .iter()
            .take(MAX_WORDS)
            .enumerate()
            .flat_map(|(word, q)| {
                q.alts.iter().map(move |&(term, strength)| Reading {
                    word,
                    pos: q.pos,
                    weight: q.weight,
                    term,
                    strength,
                })
            })
            .collect();
        let is_common = |r: &Reading| self.df[r.term as usize] > common;
        if readings.iter().all(is_common) {
            self.seed_from_rarest(&readings, s);
        }
        for r in readings.iter().filter(|r| !is_common(r)) {
            self.walk(r, true, s);
        }
        for r in readings.iter().filter(|r| is_common(r)) {
            self.walk(r, false, s);
        }
        self.credit_keywords(s);
    }

    /// With only common words, the rarest one's keyword and title places
    /// are the candidates.
    fn seed_from_rarest(&self, readings: &[Reading], s: &mut Scratch) {
        let Some(rarest) = readings.iter().min_by_key(|r| self.df[r.term as usize]) else {
            return;
        };
        for place in self.postings[rarest.term as usize].iter() {
            if !matches!(place, Place::Keyword { .. } | Place::Title { .. }) {
                break;
            }
            s.article(place.article());
        }
    }

    /// One reading's postings; `create` lets it add articles, otherwise it
    /// only adds to articles already touched (and skips body places).
    fn walk(&self, r: &Reading, create: bool, s: &mut Scratch) {
        let stamp = s.words + r.word as u32;

        let idf = self.idf[r.term as usize];
        for place in self.postings[r.term as usize].iter() {
            let article = place.article();
            if !create {
                // A common word adds to the articles found, through their
                // keywords, titles and example sets; its place in single
                // examples and bodies is not worth the walk.
                if matches!(place, Place::Example { .. } | Place::Body { .. }) {
                    break;
                }
                if !s.has(article) {
                    continue;
                }
            }
            match *place {
                Place::Keyword { keyword, slot, .. } => {
                    let k = s.keyword(keyword);
                    let bit = 1u16 << slot;
                    if k.mask & bit == 0 {
                        let slot = slot as usize;
                        k.mask |= bit;
                        k.matched += idf * r.strength;
                        k.pos[slot] = r.pos;
                        k.word[slot] = r.word as u8;
                        k.strength[slot] = r.strength;
                    }
                    let a = s.article(article);
                    a.explained |= 1 << r.word;
                    if a.keyword_word != stamp {
                        a.keyword_word = stamp;
                        a.in_keywords += r.weight * r.strength;
                    }
                }
                Place::Title { .. } => {
                    let a = s.article(article);
                    credit(a, r, Strength::TITLE);
                    a.explained |= 1 << r.word;
                    if a.title_word != stamp {
                        a.title_word = stamp;
                        a.in_title += r.weight * r.strength;
                    }
                }
                Place::Examples { count, .. } => {
                    let of = self.example_counts[article as usize];
                    let a = s.article(article);
                    credit(a, r, Strength::examples(count, of));
                    a.explained |= 1 << r.word;
                    if a.example_word != stamp {
                        a.example_word = stamp;
                        a.in_examples += r.weight * r.strength;
                    }
                }
                Place::Example { example, .. } => {
                    let e = s.example(example);
                    if e.word != stamp {
                        e.word = stamp;
                        e.dot += r.weight * idf * r.strength;
                    }
                }
                Place::Body { count, .. } => {
                    if !create {
                        break;
                    }
                    let a = s.article(article);
                    credit(a, r, Strength::body(count));
                    if a.body_word != stamp {
                        a.body_word = stamp;
                        a.in_body += r.weight * r.strength;
                    }
                }
            }
        }
    }

    /// Once every word is in, each keyword phrase knows how complete it
    /// is: its words get their keyword-place strength.
    fn credit_keywords(&self, s: &mut Scratch) {
        for i in 0..s.touched_keywords.len() {
            let keyword = s.touched_keywords[i];
            let kw = &self.keywords[keyword as usize];
            let k = s.keywords[i];
            let len = kw.terms.len();
            let found = u32::from(k.mask).count_ones() as usize;
            let place = score::keyword_place(found, len, &k.pos[..len.min(k.pos.len())]);
            let Some(at) = s.slot(kw.article) else {
                continue;
            };
            let a = &mut s.articles[at];
            for slot in 0..len.min(k.pos.len()) {
                if k.mask & (1 << slot) != 0 {
                    let best = &mut a.best[k.word[slot] as usize];
                    *best = best.max(k.strength[slot] * place);
                }
            }
        }
    }
}

/// Records that the reading's word is in the article at `place` strength.
fn credit(a: &mut super::scratch::ArticleAcc, r: &Reading, place: f32) {
    let best = &mut a.best[r.word];
    *best = best.max(r.strength * place);
}

pub(super) fn ratio(a: f32, b: f32) -> f32 {
    if b > 0.0 {
        (a / b).clamp(0.0, 1.0)
    } else {
        0.0
    }
}
