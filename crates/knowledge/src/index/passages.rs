//! Body passages against a question: the cosine of the closest one. Only
//! the best few candidates are compared (a passage can only refine an
//! article the question's words already found), so passages need no
//! posting lists of their own.

use super::query::QueryWord;
use super::scratch::MAX_WORDS;
use super::vocab::TermId;
use super::Index;

/// A passage of a body as the set of its terms.
pub(super) struct Passage {
    /// Euclidean norm of its idf vector.
    pub norm: f32,
    pub terms: Box<[TermId]>,
}

/// A question's readings sorted by term, for quick look-ups.
pub(super) struct QueryTerms {
    /// (term, question word, weight · strength).
    terms: Vec<(TermId, usize, f32)>,
    /// Bit `t % 64` set for every term `t`: most passage words are not in
    /// the question, and this says so without a search.
    filter: u64,
    norm: f32,
}

impl QueryTerms {
    pub fn new(words: &[QueryWord], norm: f32) -> Self {
        let mut terms: Vec<(TermId, usize, f32)> = words
            .iter()
            .take(MAX_WORDS)
            .enumerate()
            .flat_map(|(i, q)| q.alts.iter().map(move |&(t, s)| (t, i, q.weight * s)))
            .collect();
        terms.sort_unstable_by_key(|(t, _, _)| *t);
        let filter = terms.iter().fold(0u64, |f, (t, _, _)| f | 1 << (t % 64));
        QueryTerms {
            terms,
            filter,
            norm,
        }
    }
}

impl Index {
    /// Cosine of the article's closest passage to the question.
    pub(super) fn closest_passage(&self, article: u32, q: &QueryTerms) -> f32 {
        let (start, end) = self.article_passages[article as usize];
        let mut best = 0.0f32;
        let mut per_word = [0.0f32; MAX_WORDS];
        if q.norm <= 0.0 {
            return 0.0;
        }
        for passage in &self.passages[start as usize..end as usize] {
            let mut dot = 0.0;
            let mut hits = 0;
            for &t in passage.terms.iter() {
                if q.filter & (1 << (t % 64)) == 0 {
                    continue;
                }
                let from = q.terms.partition_point(|(qt, _, _)| *qt < t);
                for &(_, word, w) in q.terms[from..].iter().take_while(|(qt, _, _)| *qt == t) {
                    // A word counts once, by its best reading here.
                    let v = w * self.idf[t as usize];
                    if v > per_word[word] {
                        dot += v - per_word[word];
                        per_word[word] = v;
                        hits += 1;
                    }
                }
            }
            if hits > 0 {
                per_word.fill(0.0);
                if passage.norm > 0.0 {
                    best = best.max((dot / (q.norm * passage.norm)).clamp(0.0, 1.0));
                }
            }
        }
        best
    }
}
