//! Typo tolerance: a SymSpell-style deletion index over the words and
//! stems of the knowledge base. A question word of 5–8 letters may be one
//! edit away from a known word, 9 or more letters two edits; shorter words
//! must be exact. Swapping two neighbouring letters counts as one edit.
//! Words longer than any real word get no typo tolerance: their deletions
//! would cost time cubic in their length (see `limits`).

use super::limits::{spend, MAX_TYPO_STORED, MAX_TYPO_WORD};

#[derive(Debug, Clone, Default)]
pub struct TypoIndex {
    /// (known word or stem, the stem it stands for).
    words: Vec<(Box<str>, Box<str>)>,
    /// One entry per (word, deletion): the deletion's hash in the top 40
    /// bits, the word's number in the low 24; sorted.
    deletes: Vec<u64>,
    /// `deletes[buckets[b]..buckets[b + 1]]` hold the hashes whose top
    /// `bits` bits are `b`: a look-up is one jump and a short scan.
    buckets: Vec<u32>,
    bits: u32,
}

/// Word numbers live in the low 24 bits of an entry.
const WORD_BITS: u32 = 24;
const WORD_MASK: u64 = (1 << WORD_BITS) - 1;

/// How many edits a question word of `len` letters may carry.
pub fn allowed_edits(len: usize) -> usize {
    match len {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// How deep to index a stored word of `len` letters: two edits are allowed
/// from 9 letters, and a stored word one letter shorter can still be two
/// edits away, so two deletions from 8.
fn depth(len: usize) -> usize {
    if len >= 8 {
        2
    } else {
        1
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
            .filter(|(w, _)| (4..=MAX_TYPO_STORED).contains(&w.chars().count()))
            .take(WORD_MASK as usize)
            .map(|(w, t)| (w.into_boxed_str(), t.into_boxed_str()))
            .collect();
        let total: usize = words
            .iter()
            .map(|(w, _)| {
                let n = w.chars().count();
                1 + n + if depth(n) == 2 { n * (n - 1) / 2 } else { 0 }
            })
            .sum();
        let mut deletes: Vec<u64> = Vec::with_capacity(total);
        let mut chars = Vec::new();
        for (n, (word, _)) in words.iter().enumerate() {
            chars.clear();
            chars.extend(word.chars());
            let n = n as u64;
            for_each_delete(&chars, depth(chars.len()), &mut |h| {
                deletes.push((h & !WORD_MASK) | n);
            });
        }
        deletes.sort_unstable();
        deletes.dedup();
        deletes.shrink_to_fit();
        let bits = (usize::BITS - deletes.len().max(16).leading_zeros()).clamp(4, 24) - 1;
        let mut buckets = vec![0u32; (1usize << bits) + 1];
        for h in &deletes {
            buckets[(h >> (64 - bits)) as usize + 1] += 1;
        }
        for b in 1..buckets.len() {
            buckets[b] += buckets[b - 1];
        }
        TypoIndex {
            words,
            deletes,
            buckets,
            bits,
        }
    }

    /// Stems of the known words within the allowed edits of `word`, at
    /// the closest distance found: (stem, edits).
    pub fn lookup(&self, word: &str) -> Vec<(&str, usize)> {
        let chars: Vec<char> = word.chars().collect();
        let max = allowed_edits(chars.len());
        if max == 0 || chars.len() > MAX_TYPO_WORD || self.deletes.is_empty() {
            return Vec::new();
        }
        let mut candidates: Vec<u32> = Vec::new();
        for_each_delete(&chars, max, &mut |h| {
            let b = (h >> (64 - self.bits)) as usize;
            let range = self.buckets[b] as usize..self.buckets[b + 1] as usize;
            for &entry in &self.deletes[range] {
                if entry & !WORD_MASK == h & !WORD_MASK {
                    candidates.push((entry & WORD_MASK) as u32);
                }
            }
        });
        candidates.sort_unstable();
        candidates.dedup();
        let mut best: Vec<(&str, usize)> = Vec::new();
        let mut best_distance = max + 1;
        let mut known = Vec::new();
        for n in candidates {
            let (text, stem) = &self.words[n as usize];
            known.clear();
            known.extend(text.chars());
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
/// deleting one character, and, with `depth` 2, two characters. (Equal
/// strings from different deletions give equal hashes.)
fn for_each_delete(chars: &[char], depth: usize, f: &mut impl FnMut(u64)) {
    let n = chars.len();
    f(hash_without(chars, n, n));
    for i in 0..n {
        f(hash_without(chars, i, n));
        if depth >= 2 {
            for j in i + 1..n {
                f(hash_without(chars, i, j));
            }
        }
    }
}

/// FNV-1a over the characters except those at `skip_a` and `skip_b`.
fn hash_without(chars: &[char], skip_a: usize, skip_b: usize) -> u64 {
    spend(chars.len());
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, c) in chars.iter().enumerate() {
        if i == skip_a || i == skip_b {
            continue;
        }
        for byte in (*c as u32).to_le_bytes() {
            h ^= u64::from(byte);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    // FNV's top bits mix poorly; fold the low half in before bucketing.
    h ^ (h << 29) ^ (h >> 31)
}

/// Optimal string alignment distance: insertions, deletions, substitutions
/// and swaps of neighbours, each one edit.
pub fn osa_distance(a: &[char], b: &[char]) -> usize {
    let (n, m) = (a.len(), b.len());
    spend(n * m);
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
    fn words_longer_than_any_real_word_get_no_typo_fixes() {
        let long = "abcdefghij".repeat(3);
        let i = index(&[&long, "abcdefghijklmnopqrstuvw"]);
        // A stored word this long is not indexed at all.
        assert!(i.lookup(&long[1..]).is_empty());
        assert_eq!(i.lookup("abcdefghijklmnopqrstuvx").len(), 1);
        assert!(i.lookup(&"abcdefghijklmnopqrstuvwxyz".repeat(2)).is_empty());
    }

    #[test]
    fn a_knowledge_base_word_of_thousands_of_letters_costs_nothing_to_index() {
        crate::index::limits::take();
        let long = "abcdefghij".repeat(1_000);
        let i = index(&[&long, "password"]);
        let work = crate::index::limits::take();
        // "password": 1 + 8 + 28 strings of at most 8 letters.
        assert!(work < 400, "{work}");
        assert_eq!(i.lookup("pasword").len(), 1);
    }

    #[test]
    fn short_words_must_be_exact() {
        let i = index(&["plan", "card"]);
        assert!(i.lookup("plam").is_empty());
        assert!(i.lookup("crad").is_empty());
    }
}
