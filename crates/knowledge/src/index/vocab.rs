//! The vocabulary: every stem the knowledge base uses, numbered, plus one
//! term per synonym group. Sorted stems answer "which stems start like
//! this one" for derivation matching without scanning everything.

use super::limits::{spend, MAX_WORD};
use crate::fxhash::FxHashMap;
use crate::text::{min_related_prefix, related, Script};

pub type TermId = u32;

#[derive(Debug, Clone, Default)]
pub struct Vocab {
    /// Stem (or synonym-group name) → term.
    by_stem: FxHashMap<Box<str>, TermId>,
    names: Vec<Box<str>>,
    /// All stems with their terms, sorted; filled by `finish`.
    sorted: Vec<(Box<str>, TermId)>,
}

/// At most this many derived stems per query word: a short stem can start
/// hundreds of words in a large knowledge base.
const MAX_RELATED: usize = 12;

impl Vocab {
    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn get(&self, stem: &str) -> Option<TermId> {
        self.by_stem.get(stem).copied()
    }

    #[cfg(test)]
    pub fn name(&self, term: TermId) -> &str {
        self.names.get(term as usize).map_or("", |n| n)
    }

    /// The term of `stem`, numbering it if new.
    pub fn intern(&mut self, stem: &str) -> TermId {
        if let Some(t) = self.get(stem) {
            return t;
        }
        let t = self.push(stem);
        self.by_stem.insert(stem.into(), t);
        t
    }

    /// The term of synonym group `n`. Its name cannot clash with a stem.
    pub fn concept(&mut self, n: usize) -> TermId {
        self.push(&format!("\u{1}group{n}"))
    }

    /// Makes `stem` mean `term` (a single-word synonym). The first group
    /// that claims a stem keeps it.
    pub fn alias(&mut self, stem: &str, term: TermId) {
        self.by_stem.entry(stem.into()).or_insert(term);
    }

    fn push(&mut self, name: &str) -> TermId {
        let t = TermId::try_from(self.names.len()).unwrap_or(TermId::MAX);
        self.names.push(name.into());
        t
    }

    /// Prepares the sorted stem list; call once all text is interned.
    pub fn finish(&mut self) {
        self.sorted = self.by_stem.iter().map(|(s, t)| (s.clone(), *t)).collect();
        self.sorted.sort_unstable();
    }

    /// Terms whose stems look derived from the same root as `stem`
    /// (`брон` ~ `бронирован`), excluding `stem`'s own term. A stem
    /// longer than any real word has none (each of its prefixes would be
    /// looked up).
    pub fn related(&self, stem: &str) -> Vec<TermId> {
        let chars: Vec<(usize, char)> = stem.char_indices().collect();
        if chars.len() > MAX_WORD {
            return Vec::new();
        }
        let script = Script::of(stem);
        let min = min_related_prefix(script);
        if script == Script::Other || chars.len() < min {
            return Vec::new();
        }
        // Each prefix is hashed, and then the neighbours compared.
        spend(chars.len() * chars.len());
        let own = self.get(stem);
        let mut out: Vec<TermId> = Vec::new();
        let add = |t: TermId, out: &mut Vec<TermId>| {
            if Some(t) != own && !out.contains(&t) && out.len() < MAX_RELATED {
                out.push(t);
            }
        };
        // Shorter stems that `stem` extends: its prefixes.
        for &(end, _) in chars.iter().skip(min).rev() {
            if let Some(t) = self.get(&stem[..end]) {
                add(t, &mut out);
            }
        }
        // Stems that share all but (at most) the last character of `stem`.
        let base_len = if chars.len() > min {
            chars[chars.len() - 1].0
        } else {
            stem.len()
        };
        let base = &stem[..base_len];
        let start = self.sorted.partition_point(|(s, _)| &**s < base);
        for (s, t) in self.sorted[start..].iter().take(4 * MAX_RELATED) {
            if !s.starts_with(base) {
                break;
            }
            if related(stem, s) {
                add(*t, &mut out);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab(stems: &[&str]) -> Vocab {
        let mut v = Vocab::default();
        for s in stems {
            v.intern(s);
        }
        v.finish();
        v
    }

    #[test]
    fn longer_and_shorter_derivations_are_found() {
        let v = vocab(&["брон", "бронирован", "парол", "переговорн"]);
        let names = |stem: &str| -> Vec<String> {
            v.related(stem)
                .iter()
                .map(|t| v.name(*t).to_owned())
                .collect()
        };
        assert_eq!(names("бронирова"), ["брон", "бронирован"]);
        assert_eq!(names("переговорк"), ["переговорн"]);
        assert!(names("пар").is_empty());
    }

    #[test]
    fn a_stem_is_not_related_to_itself() {
        let v = vocab(&["printer", "print"]);
        let related = v.related("print");
        assert_eq!(related, [v.get("printer").unwrap()]);
    }
}
