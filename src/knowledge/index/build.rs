//! Building an [`Index`] from a loaded knowledge base.

use std::collections::HashMap;

use regex::RegexSetBuilder;

use super::analyzer::{analyze_words, SynonymTable, Unit};
use super::typo::TypoIndex;
use super::vocab::{TermId, Vocab};
use super::{Example, Index, Keyword, Place, MAX_PHRASE};
use crate::knowledge::load::KnowledgeBase;
use crate::knowledge::render::{passages, plain_text};

/// Patterns of all articles together may compile larger than one alone.
const PATTERN_SET_SIZE_LIMIT: usize = 64 * 1024 * 1024;

/// BM25's idf: how rare a term is among `n` articles when `df` use it.
pub(super) fn idf(n: usize, df: f32) -> f32 {
    let n = n as f32;
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

#[derive(Default)]
struct Builder {
    vocab: Vocab,
    synonyms: SynonymTable,
    places: Vec<(TermId, Place)>,
    keywords: Vec<Keyword>,
    example_terms: Vec<(u32, Vec<TermId>)>,
    passage_terms: Vec<(u32, Vec<TermId>)>,
    typo_words: Vec<(String, String)>,
    df: Vec<u32>,
    example_counts: Vec<u16>,
}

impl Builder {
    /// The distinct terms of `text`, in order of first appearance;
    /// remembers its words for typo look-ups when `key` is set.
    fn terms(&mut self, text: &str, key: bool) -> Vec<TermId> {
        let units = self.synonyms.apply(analyze_words(text));
        let mut out = Vec::with_capacity(units.len());
        for unit in units {
            let term = match unit {
                Unit::Concept { term, .. } => term,
                Unit::Word(w) => {
                    let term = self.vocab.intern(&w.stem);
                    if key {
                        self.typo_words.push((w.word, w.stem.clone()));
                        self.typo_words.push((w.stem.clone(), w.stem));
                    }
                    term
                }
            };
            if !out.contains(&term) {
                out.push(term);
            }
        }
        out
    }

    fn add_article(&mut self, n: u32, kb: &KnowledgeBase) {
        let article = &kb.articles[n as usize];
        let mut all: Vec<TermId> = Vec::new();
        for (source, text) in article.keywords.iter().enumerate() {
            let mut terms = self.terms(text, true);
            terms.truncate(MAX_PHRASE);
            if terms.is_empty() {
                continue;
            }
            let keyword = u32::try_from(self.keywords.len()).unwrap_or(u32::MAX);
            for (slot, t) in terms.iter().enumerate() {
                let slot = u8::try_from(slot).unwrap_or(u8::MAX);
                self.places.push((*t, Place::Keyword { keyword, slot }));
            }
            all.extend(&terms);
            self.keywords.push(Keyword {
                article: n,
                source: u32::try_from(source).unwrap_or(u32::MAX),
                terms: terms.into_boxed_slice(),
                mass: 0.0,
            });
        }
        let title = self.terms(&article.title, true);
        self.places
            .extend(title.iter().map(|t| (*t, Place::Title { article: n })));
        all.extend(&title);
        let mut in_examples: HashMap<TermId, u16> = HashMap::new();
        for text in &article.examples {
            let terms = self.terms(text, true);
            for t in &terms {
                *in_examples.entry(*t).or_default() += 1;
            }
            let example = u32::try_from(self.example_terms.len()).unwrap_or(u32::MAX);
            self.places
                .extend(terms.iter().map(|t| (*t, Place::Example { example })));
            all.extend(&terms);
            self.example_terms.push((n, terms));
        }
        for (t, count) in in_examples {
            self.places.push((t, Place::Examples { article: n, count }));
        }
        self.example_counts
            .push(u16::try_from(article.examples.len()).unwrap_or(u16::MAX));
        for passage in passages(&article.body) {
            let terms = self.terms(&passage, false);
            if terms.len() < 2 {
                continue;
            }
            let number = u32::try_from(self.passage_terms.len()).unwrap_or(u32::MAX);
            self.places.extend(
                terms
                    .iter()
                    .map(|t| (*t, Place::Passage { passage: number })),
            );
            self.passage_terms.push((n, terms));
        }
        let mut counts: HashMap<TermId, u16> = HashMap::new();
        for unit in self
            .synonyms
            .apply(analyze_words(&plain_text(&article.body)))
        {
            let term = match unit {
                Unit::Concept { term, .. } => term,
                Unit::Word(w) => self.vocab.intern(&w.stem),
            };
            let c = counts.entry(term).or_default();
            *c = c.saturating_add(1);
        }
        let mut body: Vec<(TermId, u16)> = counts.into_iter().collect();
        body.sort_unstable();
        all.sort_unstable();
        all.dedup();
        let key_terms = all.len();
        for &(t, count) in &body {
            self.places.push((t, Place::Body { article: n, count }));
            if all[..key_terms].binary_search(&t).is_err() {
                all.push(t);
            }
        }
        for t in all {
            let t = t as usize;
            if self.df.len() <= t {
                self.df.resize(t + 1, 0);
            }
            self.df[t] += 1;
        }
    }
}

impl Index {
    /// Indexes every article and the synonyms of `kb`.
    pub fn build(kb: KnowledgeBase) -> Index {
        let mut b = Builder::default();
        b.synonyms = SynonymTable::build(&kb.synonyms, &mut b.vocab);
        b.typo_words.extend(b.synonyms.words().iter().cloned());
        for n in 0..kb.articles.len() {
            b.add_article(u32::try_from(n).unwrap_or(u32::MAX), &kb);
        }
        b.vocab.finish();
        let n = kb.articles.len();
        b.df.resize(b.vocab.len(), 0);

        let idfs: Vec<f32> = b.df.iter().map(|&df| idf(n, df as f32)).collect();
        let norm = |terms: &mut dyn Iterator<Item = TermId>| {
            terms.map(|t| idfs[t as usize].powi(2)).sum::<f32>().sqrt()
        };
        for k in &mut b.keywords {
            k.mass = k.terms.iter().map(|t| idfs[*t as usize]).sum();
        }
        let examples = b
            .example_terms
            .iter()
            .map(|(article, terms)| Example {
                article: *article,
                norm: norm(&mut terms.iter().copied()),
            })
            .collect();
        let passages = b
            .passage_terms
            .iter()
            .map(|(article, terms)| Example {
                article: *article,
                norm: norm(&mut terms.iter().copied()),
            })
            .collect();
        let postings = group_postings(b.places, b.vocab.len());
        let (patterns, pattern_article) = pattern_set(&kb);
        let by_id = kb
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), u32::try_from(i).unwrap_or(u32::MAX)))
            .collect();
        Index {
            by_id,
            typo: TypoIndex::build(b.typo_words),
            idf: idfs,
            df: b.df,
            idf_ref: idf(n.max(1), 1.0),
            postings,
            keywords: b.keywords,
            examples,
            example_counts: b.example_counts,
            passages,
            patterns,
            pattern_article,
            vocab: b.vocab,
            synonyms: b.synonyms,
            articles: kb.articles,
        }
    }
}

fn group_postings(mut places: Vec<(TermId, Place)>, terms: usize) -> Vec<Box<[Place]>> {
    places.sort_unstable();
    let mut out: Vec<Vec<Place>> = vec![Vec::new(); terms];
    for (t, p) in places {
        out[t as usize].push(p);
    }
    out.into_iter().map(Vec::into_boxed_slice).collect()
}

fn pattern_set(kb: &KnowledgeBase) -> (Option<regex::RegexSet>, Vec<u32>) {
    let mut owners = Vec::new();
    let mut patterns = Vec::new();
    for (n, a) in kb.articles.iter().enumerate() {
        for p in &a.patterns {
            patterns.push(p.as_str());
            owners.push(u32::try_from(n).unwrap_or(u32::MAX));
        }
    }
    if patterns.is_empty() {
        return (None, owners);
    }
    match RegexSetBuilder::new(&patterns)
        .case_insensitive(true)
        .size_limit(PATTERN_SET_SIZE_LIMIT)
        .build()
    {
        Ok(set) => (Some(set), owners),
        Err(e) => {
            tracing::warn!(error = %e, "patterns disabled: together they do not compile");
            (None, Vec::new())
        }
    }
}
