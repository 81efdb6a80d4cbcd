//! Typo tolerance: a SymSpell-style deletion index over the words and
//! stems of the knowledge base. A question word of 5–8 letters may be one
//! edit away from a known word, 9 or more letters two edits; shorter words
//! must be exact. Swapping two neighbouring letters counts as one edit.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

#[derive(Debug, Clone, Default)]
pub struct TypoIndex {
    /// (known word or stem, the stem it stands for).
    words: Vec<(Box<str>, Box<str>)>,
    /// (hash of a word with some letters deleted, word number), sorted.
    deletes: Vec<(u64, u32)>,
}

/// How many edits a question word of `len` letters may carry.
pub fn allowed_edits(len: usize) -> usize {
    match len {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

impl TypoIndex {
    /// Indexes `words`: (a known word or stem, its stem); duplicates are
    /// fine.
    pub fn build(mut words: Vec<(String, String)>) -> Self {
        words.sort_unstable();
        words.dedup_by(|a, b| a.0 == b.0);
        let words: Vec<(Box<str>, Box<str>)> = words
            .into_iter()
            .filter(|(w, _)| w.chars().count() >= 4)
            .map(|(w, t)| (w.into_boxed_str(), t.into_boxed_str()))
            .collect();
        let mut deletes = Vec::new();
        for (n, (word, _)) in words.iter().enumerate() {
            let chars: Vec<char> = word.chars().collect();
            // A stored word one letter shorter than a 9-letter question word
            // can still be two edits away, so store two deletions from 7 up.
            let depth = if chars.len() >= 7 { 2 } else { 1 };
            let n = u32::try_from(n).unwrap_or(u32::MAX);
            for_each_delete(&chars, depth, &mut |h| deletes.push((h, n)));
        }
        deletes.sort_unstable();
        deletes.dedup();
        TypoIndex { words, deletes }
    }

    /// Stems of the known words within the allowed edits of `word`, at
    /// the closest distance found: (stem, edits).
    pub fn lookup(&self, word: &str) -> Vec<(&str, usize)> {
        let chars: Vec<char> = word.chars().collect();
        let max = allowed_edits(chars.len());
        if max == 0 {
            return Vec::new();
        }
        let mut candidates: Vec<u32> = Vec::new();
        for_each_delete(&chars, max, &mut |h| {
            let start = self.deletes.partition_point(|(d, _)| *d < h);
            for (d, n) in &self.deletes[start..] {
                if *d != h {
                    break;
                }
                candidates.push(*n);
            }
        });
        candidates.sort_unstable();
        candidates.dedup();
        let mut best: Vec<(&str, usize)> = Vec::new();
        let mut best_distance = max + 1;
        for n in candidates {
            let (known, stem) = &self.words[n as usize];
            let known: Vec<char> = known.chars().collect();
            let d = osa_distance(&chars, &known);
            if d == 0 || d > max {
                continue;
            }
            if d < best_distance {
                best_distance = d;
                best.clear();
            }
            if d == best_distance && !best.iter().any(|(t, _)| *t == &**stem) {
                best.push((stem, d));
            }
        }
        best
    }
}

/// Calls `f` with the hash of `chars` itself and of every string made by
/// deleting up to `depth` characters.
fn for_each_delete(chars: &[char], depth: usize, f: &mut impl FnMut(u64)) {
    f(hash(chars));
    let mut level: Vec<Vec<char>> = vec![chars.to_vec()];
    for _ in 0..depth {
        let mut next = Vec::new();
        for s in &level {
            for i in 0..s.len() {
                let mut d = s.clone();
                d.remove(i);
                f(hash(&d));
                next.push(d);
            }
        }
        next.sort_unstable();
        next.dedup();
        level = next;
    }
}

fn hash(chars: &[char]) -> u64 {
    let mut h = DefaultHasher::new();
    chars.hash(&mut h);
    h.finish()
}

/// Optimal string alignment distance: insertions, deletions, substitutions
/// and swaps of neighbours, each one edit.
pub fn osa_distance(a: &[char], b: &[char]) -> usize {
    let (n, m) = (a.len(), b.len());
    let mut prev2 = vec![0usize; m + 1];
    let mut prev: Vec<usize> = (0..=m).collect();
    let mut cur = vec![0usize; m + 1];
    for i in 1..=n {
        cur[0] = i;
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[m]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(words: &[&str]) -> TypoIndex {
        TypoIndex::build(
            words
                .iter()
                .map(|w| (w.to_string(), w.to_uppercase()))
                .collect(),
        )
    }

    fn d(a: &str, b: &str) -> usize {
        osa_distance(
            &a.chars().collect::<Vec<_>>(),
            &b.chars().collect::<Vec<_>>(),
        )
    }

    #[test]
    fn a_swap_of_neighbours_is_one_edit() {
        assert_eq!(d("chnage", "change"), 1);
        assert_eq!(d("пароль", "праоль"), 1);
        assert_eq!(d("kitten", "sitting"), 3);
    }

    #[test]
    fn one_typo_in_a_word_of_five_to_eight_letters_is_found() {
        let i = index(&["change", "address", "пароль"]);
        assert_eq!(i.lookup("chnage"), [("CHANGE", 1)]);
        assert_eq!(i.lookup("adress"), [("ADDRESS", 1)]);
        assert_eq!(i.lookup("пороль"), [("ПАРОЛЬ", 1)]);
    }

    #[test]
    fn two_typos_need_nine_letters() {
        let i = index(&["бронирование", "account"]);
        assert_eq!(i.lookup("бранировние"), [("БРОНИРОВАНИЕ", 2)]);
        assert!(i.lookup("acount").len() == 1);
        assert!(i.lookup("akkount").is_empty());
    }

    #[test]
    fn short_words_must_be_exact() {
        let i = index(&["plan", "card"]);
        assert!(i.lookup("plam").is_empty());
        assert!(i.lookup("crad").is_empty());
    }
}
