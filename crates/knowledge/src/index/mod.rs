//! The matcher: an inverted index from terms (stems and synonym groups) to
//! the places they occur (keywords, titles, examples, bodies), and the
//! question → answer decision.
//!
//! How a question is decided (details in `docs/knowledge.md`):
//! 1. `query`: the question is folded, split into words, stemmed by
//!    script; typos in unknown words are fixed (one edit for 5–8 letters,
//!    two from 9); synonym phrases become their group; stop words drop.
//!    Each word then stands for its term and terms derived from its root.
//! 2. `accumulate`: the postings of the rarer words find the candidate
//!    articles; every word then credits each candidate with the strength
//!    of its best place there (a complete keyword phrase, then the title,
//!    the examples, the body); example vectors collect dot products.
//!    Patterns run on the normalised question (`patterns`).
//! 3. `collect`: one score per candidate (`score`): how much and what
//!    share of the question it explains, nearest examples (function
//!    words counted there, `function`), the closest body passage
//!    (`passages`, shortlist only), patterns.
//! 4. `score::decide`: the confidence grows with the best score less a
//!    little of the runner-up's; below one global threshold the matcher
//!    answers nothing.

mod accumulate;
mod analyzer;
mod build;
mod collect;
mod function;
mod limits;
mod passages;
mod patterns;
mod query;
mod score;
mod scratch;
mod typo;
mod vocab;

use std::collections::HashMap;

use super::article::{Article, ArticleId};
use crate::small_talk::{small_talk, small_talk_in, SmallTalk};
use crate::text::{fold, is_blank, split_words};
use analyzer::SynonymTable;
use typo::TypoIndex;
use vocab::{TermId, Vocab};

pub use score::ANSWER_THRESHOLD;

/// The decision for one question.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// The article to send on its own, or `None` when no article fits well
    /// enough (offer `candidates` and a human instead).
    pub answer: Option<ArticleId>,
    /// How sure the matcher is of its best candidate, in [0, 1].
    pub confidence: f32,
    /// The best few articles, best first (possibly empty).
    pub candidates: Vec<Candidate>,
    /// The question is only small talk (a greeting, thanks, "are you a
    /// bot?"): reply in kind, not with an article. Then `answer` is `None`
    /// and `candidates` empty.
    pub small_talk: Option<SmallTalk>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub id: ArticleId,
    pub title: String,
    /// The matcher's raw score (higher is better; not a probability).
    pub score: f32,
}

/// How many candidates an answer lists.
pub const CANDIDATES: usize = 5;

/// A searchable, immutable index over one version of a knowledge base.
/// Cheap to share (`Arc`); build a new one to change it.
pub struct Index {
    articles: Vec<Article>,
    by_id: HashMap<ArticleId, u32>,
    vocab: Vocab,
    /// Every word the knowledge base uses (as written, folded) → its entry
    /// in `known`: questions need not stem or look up again the words the
    /// knowledge base knows.
    known_words: crate::fxhash::FxHashMap<Box<str>, u32>,
    known: Vec<KnownWord>,
    synonyms: SynonymTable,
    typo: TypoIndex,
    /// Per term: inverse document frequency, and how many articles use it.
    idf: Vec<f32>,
    df: Vec<u32>,
    /// The weight of a word found in a single article: the scale on which
    /// one strong, specific match is worth 1.
    idf_ref: f32,
    /// Per term: where it occurs, keyword places first, body places last.
    postings: Vec<Box<[Posting]>>,
    keywords: Vec<Keyword>,
    examples: Vec<Example>,
    /// Function words of the examples (see `function`).
    function_words: function::FunctionWords,
    /// Body passages (sentences, list items) as terms, and per article the
    /// range of its passages; the best candidates are compared with them.
    passages: Vec<passages::Passage>,
    article_passages: Vec<(u32, u32)>,
    /// Per article: how many examples it has.
    example_counts: Vec<u16>,
    patterns: patterns::Patterns,
    /// Per article: its locale's primary language as a number into
    /// `language_names` (plus one; 0 when it has no locale).
    languages: Vec<u8>,
    language_names: Vec<Box<str>>,
    /// Kinds of small talk some article is written for (an example or a
    /// keyword that is itself, say, a greeting): the knowledge base answers
    /// those itself, and the built-in reply steps aside.
    small_talk_articles: Vec<SmallTalk>,
}

/// Where a term occurs. Ordered so that keyword places come first and body
/// places last in each posting list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Place {
    /// Keyword number, and the slot of the term in that phrase.
    Keyword {
        article: u32,
        keyword: u32,
        slot: u8,
    },
    Title {
        article: u32,
    },
    /// In `count` of the article's examples.
    Examples {
        article: u32,
        count: u16,
    },
    /// In this one example (for nearest-example similarity).
    Example {
        article: u32,
        example: u32,
    },
    Body {
        article: u32,
        count: u16,
    },
}

impl Place {
    fn article(self) -> u32 {
        match self {
            Place::Keyword { article, .. }
            | Place::Title { article }
            | Place::Examples { article, .. }
            | Place::Example { article, .. }
            | Place::Body { article, .. } => article,
        }
    }
}

type Posting = Place;

/// A keyword phrase as terms (stop words dropped, at most `MAX_PHRASE`).
#[derive(Debug, Clone)]
struct Keyword {
    article: u32,
    /// Its place in the article's `keywords`.
    source: u32,
    terms: Box<[TermId]>,
    /// Sum of the terms' idf.
    mass: f32,
}

/// A word of the knowledge base.
struct KnownWord {
    stem: Box<str>,
    stop: bool,
    /// Its readings (term and derived terms, see `Index::readings`) once
    /// first needed.
    readings: std::sync::OnceLock<Box<[(TermId, f32)]>>,
}

/// Longest keyword phrase, in content words, that is matched as a phrase.
const MAX_PHRASE: usize = 8;

#[derive(Debug, Clone)]
struct Example {
    article: u32,
    /// Euclidean norm of the example's idf vector.
    norm: f32,
    function: function::ExampleFunction,
}

impl Index {
    /// Every article, in load order.
    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    pub fn len(&self) -> usize {
        self.articles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// The article with this id.
    pub fn article(&self, id: &str) -> Option<&Article> {
        let n = *self.by_id.get(id)?;
        self.articles.get(n as usize)
    }

    /// Decides what to answer to `question`: small talk (unless an article
    /// is written for that kind), else the matcher's decision. With
    /// `locale`, only articles serving that locale are considered.
    pub fn ask(&self, question: &str, locale: Option<&str>) -> Answer {
        // Folded and split once, for small talk and for matching; only the
        // head of a long question is read, so that its cost is bounded (see
        // `limits`).
        let text = fold(limits::head(question));
        let words = split_words(&text);
        let kind =
            small_talk_in(question, &words).filter(|k| !self.small_talk_articles.contains(k));
        if let Some(kind) = kind {
            return Self::small_talk_answer(kind);
        }
        let ranked = if is_blank(question) {
            Vec::new()
        } else {
            self.rank_words(&text, words, locale, CANDIDATES.max(2), false)
        };
        self.decide(&ranked)
    }

    fn small_talk_answer(kind: SmallTalk) -> Answer {
        Answer {
            answer: None,
            confidence: 0.0,
            candidates: Vec::new(),
            small_talk: Some(kind),
        }
    }

    /// The kind of small talk `question` is, unless the knowledge base has
    /// an article for that kind.
    pub fn small_talk(&self, question: &str) -> Option<SmallTalk> {
        small_talk(question).filter(|k| !self.small_talk_articles.contains(k))
    }

    /// The matcher's decision alone, small talk or not (for servers that
    /// turned small talk off).
    pub fn match_articles(&self, question: &str, locale: Option<&str>) -> Answer {
        let ranked = self.rank(question, locale, CANDIDATES.max(2), false);
        self.decide(&ranked)
    }

    fn decide(&self, ranked: &[query::Ranked]) -> Answer {
        let decision = score::decide(ranked);
        Answer {
            answer: decision
                .answer
                .map(|n| self.articles[n as usize].id.clone()),
            confidence: decision.confidence,
            candidates: ranked
                .iter()
                .take(CANDIDATES)
                .map(|r| self.candidate(r.article, r.score))
                .collect(),
            small_talk: None,
        }
    }

    /// For staff: the best `limit` articles for `query`, however weak.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Candidate> {
        self.rank(query, None, limit, false)
            .iter()
            .take(limit)
            .map(|r| self.candidate(r.article, r.score))
            .collect()
    }

    /// What the matcher saw for each of the best candidates (for tuning
    /// articles; `kb ask --explain`).
    pub fn explain(&self, question: &str, locale: Option<&str>) -> Vec<Explanation> {
        self.rank(question, locale, CANDIDATES, true)
            .into_iter()
            .take(CANDIDATES)
            .map(|r| {
                let article = &self.articles[r.article as usize];
                let keyword = r.evidence.keyword.and_then(|k| {
                    let source = self.keywords[k as usize].source as usize;
                    article.keywords.get(source).cloned()
                });
                Explanation {
                    id: article.id.clone(),
                    score: r.score,
                    keyword,
                    evidence: r.evidence.describe(),
                }
            })
            .collect()
    }

    fn candidate(&self, article: u32, score: f32) -> Candidate {
        let a = &self.articles[article as usize];
        Candidate {
            id: a.id.clone(),
            title: a.title.clone(),
            score: (score * 1000.0).round() / 1000.0,
        }
    }
}

/// Keyword phrases that mean the same to the matcher (after stemming,
/// stop words and synonyms) in more than one article: (article number,
/// keyword number) pairs.
pub type SharedKeyword = Vec<(usize, usize)>;

impl Index {
    /// Keywords that several articles share: a question with that phrase
    /// cannot tell them apart.
    pub fn shared_keywords(&self) -> Vec<SharedKeyword> {
        let mut by_terms: HashMap<Vec<TermId>, SharedKeyword> = HashMap::new();
        for k in &self.keywords {
            let mut terms = k.terms.to_vec();
            terms.sort_unstable();
            let uses = by_terms.entry(terms).or_default();
            if !uses.iter().any(|(a, _)| *a == k.article as usize) {
                uses.push((k.article as usize, k.source as usize));
            }
        }
        let mut shared: Vec<SharedKeyword> = by_terms
            .into_values()
            .filter(|uses| uses.len() > 1)
            .collect();
        shared.sort();
        shared
    }

    /// Keywords that turn into no words at all (only stop words), which
    /// can never match: (article number, keyword number).
    pub fn empty_keywords(&self) -> Vec<(usize, usize)> {
        let mut present: Vec<(usize, usize)> = self
            .keywords
            .iter()
            .map(|k| (k.article as usize, k.source as usize))
            .collect();
        present.sort_unstable();
        let mut out = Vec::new();
        for (a, article) in self.articles.iter().enumerate() {
            for k in 0..article.keywords.len() {
                if present.binary_search(&(a, k)).is_err() {
                    out.push((a, k));
                }
            }
        }
        out
    }
}

/// Why an article scored what it did.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    pub id: ArticleId,
    pub score: f32,
    /// The most telling keyword the question has completely, if any.
    pub keyword: Option<String>,
    pub evidence: Vec<(&'static str, f32)>,
}

#[cfg(test)]
#[path = "cost_tests.rs"]
mod cost_tests;
#[cfg(test)]
#[path = "tests.rs"]
mod tests;
