//! From what the postings walk accumulated to ranked articles. Every
//! touched article gets a score from a few numbers; only the best few get
//! their full evidence written out.

use super::accumulate::ratio;
use super::function::{self, QuestionFunction};
use super::passages::QueryTerms;
use super::query::{QueryWord, Ranked};
use super::score::{self, Evidence};
use super::scratch::{ArticleAcc, Scratch, MAX_WORDS};
use super::Index;

/// Candidates whose passages are compared with the question.
const PASSAGE_SHORTLIST: usize = 6;

struct Scored {
    score: f32,
    article: u32,
    inputs: score::Inputs,
}

/// Per-question totals the scores are relative to.
struct Totals {
    /// Sum of the question words' weights.
    mass: f32,
    /// Euclidean norm of the question's weights (for cosines).
    norm: f32,
    unknown: f32,
}

impl Index {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn collect(
        &self,
        words: &[QueryWord],
        function: &QuestionFunction,
        language: Option<&str>,
        locale: Option<&str>,
        keep: usize,
        explain: bool,
        s: &mut Scratch,
    ) -> Vec<Ranked> {
        let totals = Totals {
            mass: words.iter().take(MAX_WORDS).map(|q| q.weight).sum(),
            norm: words
                .iter()
                .take(MAX_WORDS)
                .map(|q| q.weight * q.weight)
                .sum::<f32>()
                .sqrt(),
            unknown: words
                .iter()
                .take(MAX_WORDS)
                .filter(|q| q.alts.is_empty())
                .map(|q| q.weight)
                .sum(),
        };
        self.nearest_texts(&totals, function, s);
        let bag = score::Bag::new(self.idf_ref, totals.mass);
        let question_language = language.and_then(|l| self.language_code(l));
        let locale_code = locale.map(|l| self.language_code(l));
        // First every touched article without passages, then passages for
        // the best few (a passage refines; it cannot find an article).
        let shortlist = keep.max(PASSAGE_SHORTLIST);
        let mut scored: Vec<Scored> = Vec::with_capacity(shortlist + 1);
        // Once the shortlist is full, an article with only its words to
        // go on (no examples, no pattern) and covering less than `floor`
        // scores below the shortlist's last and cannot enter it: its
        // score is not worked out (most touched articles are such).
        let mut floor = f32::NEG_INFINITY;
        for (at, &article) in s.touched_articles.iter().enumerate() {
            let own = self.languages[article as usize];
            if let Some(wanted) = locale_code {
                // An article without a locale serves everyone.
                if own != 0 && Some(own) != wanted {
                    continue;
                }
            }
            let a = &s.articles[at];
            let covered = covered(a, words);
            if covered < floor && !a.pattern && a.examples == [0.0; 3] {
                continue;
            }
            let inputs = score::Inputs {
                bag: bag.of(covered),
                examples: a.examples.iter().sum::<f32>() / 3.0,
                passage: 0.0,
                pattern: a.pattern,
                language_mismatch: question_language.is_some_and(|q| own != 0 && own != q),
            };
            let score = score::score(&inputs);
            if score > 0.0 {
                let candidate = Scored {
                    score,
                    article,
                    inputs,
                };
                if keep_best(&mut scored, candidate, shortlist) && scored.len() >= shortlist {
                    floor = scored
                        .last()
                        .map_or(f32::NEG_INFINITY, |c| bag.below(c.score));
                }
            }
        }
        let query_terms = QueryTerms::new(words, totals.norm);
        for c in &mut scored {
            c.inputs.passage = self.closest_passage(c.article, &query_terms);
            c.score = score::score(&c.inputs);
        }
        scored.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.article.cmp(&b.article)));
        scored.truncate(keep);
        // The decision reads how much of the question the best candidate
        // lacks altogether, so its explanation is always worked out.
        scored
            .into_iter()
            .enumerate()
            .map(|(rank, c)| Ranked {
                article: c.article,
                score: c.score,
                evidence: self.evidence(
                    c.article,
                    words,
                    &totals,
                    &c.inputs,
                    explain,
                    rank == 0,
                    s,
                ),
            })
            .collect()
    }

    /// Each touched article's three closest examples, function words
    /// counted (see `function`).
    fn nearest_texts(&self, totals: &Totals, function: &QuestionFunction, s: &mut Scratch) {
        let question_norm = (totals.norm * totals.norm + function.norm2).sqrt();
        for i in 0..s.touched_examples.len() {
            let example = s.touched_examples[i];
            let ex = &self.examples[example as usize];
            let Some(at) = s.slot(ex.article) else {
                continue;
            };
            let dot =
                s.examples[example as usize].dot + function::dot(function, &ex.function.words);
            let norm = (ex.norm * ex.norm + ex.function.norm2).sqrt();
            let cos = ratio(dot, question_norm * norm);
            let a = &mut s.articles[at];
            if cos > a.examples[2] {
                a.examples[2] = cos;
                a.examples.sort_by(|x, y| y.total_cmp(x));
            }
        }
    }

    /// `explain`: everything, for `kb ask --explain`; `explained`: at least
    /// how much of the question it explains (the decision needs it).
    #[allow(clippy::too_many_arguments)]
    fn evidence(
        &self,
        article: u32,
        words: &[QueryWord],
        t: &Totals,
        inputs: &score::Inputs,
        explain: bool,
        explained_too: bool,
        s: &Scratch,
    ) -> Evidence {
        let a = &s.articles[s.slot(article).unwrap_or_default()];
        let covered = covered(a, words);
        let keyword = s
            .touched_keywords
            .iter()
            .enumerate()
            .filter(|_| explain)
            .map(|(at, &k)| (k, at, &self.keywords[k as usize]))
            .filter(|(_, at, kw)| {
                kw.article == article
                    && u32::from(s.keywords[*at].mask).count_ones() as usize == kw.terms.len()
            })
            .map(|(k, _, kw)| (k, kw))
            .max_by(|(_, x), (_, y)| x.mass.total_cmp(&y.mass))
            .map(|(k, _)| k);
        Evidence {
            coverage: ratio(covered, t.mass),
            mass: covered / self.idf_ref,
            examples: a.examples,
            passage: inputs.passage,
            pattern: a.pattern,
            language_mismatch: inputs.language_mismatch,
            keyword,
            in_keywords: ratio(a.in_keywords, t.mass),
            in_title: ratio(a.in_title, t.mass),
            in_examples: ratio(a.in_examples, t.mass),
            in_body: ratio(a.in_body, t.mass),
            unknown: ratio(t.unknown, t.mass),
            explained: if explain {
                let topics = s.articles.iter().fold(0, |m, a| m | a.explained);
                explained(a, words, topics, self.idf_ref)
            } else if explained_too {
                // `elsewhere` looks at every touched article: explanations only.
                explained(a, words, 0, self.idf_ref)
            } else {
                score::Explained::default()
            },
        }
    }

    /// The number standing for a language in `languages` (0: none known).
    fn language_code(&self, language: &str) -> Option<u8> {
        let primary = super::build::primary_language(language);
        self.language_names
            .iter()
            .position(|l| **l == *primary)
            .and_then(|i| u8::try_from(i + 1).ok())
    }
}

/// Adds `c` to `best` (best first, at most `limit`) if it is among the
/// best: a few comparisons per article, where sorting or selecting over
/// all touched articles cost more than scoring them.
/// Whether it was added.
fn keep_best(best: &mut Vec<Scored>, c: Scored, limit: usize) -> bool {
    let ahead = |x: &Scored| x.score > c.score || (x.score == c.score && x.article < c.article);
    if best.len() >= limit && best.last().is_none_or(ahead) {
        return false;
    }
    let at = best.partition_point(ahead);
    best.insert(at, c);
    best.truncate(limit);
    true
}

/// The question weight an article explains: each word at its best place.
fn covered(a: &ArticleAcc, words: &[QueryWord]) -> f32 {
    words
        .iter()
        .zip(&a.best)
        .map(|(q, best)| q.weight * best)
        .sum()
}

/// How much of the question's information the article explains in its
/// keywords, title or examples, and how much it leaves unexplained, in
/// units of `unit`; `topics` marks the words some candidate explains.
fn explained(a: &ArticleAcc, words: &[QueryWord], topics: u32, unit: f32) -> score::Explained {
    let mut e = score::Explained::default();
    for (i, q) in words.iter().take(MAX_WORDS).enumerate() {
        if a.explained & (1 << i) != 0 {
            e.explained += q.information;
        } else {
            e.unexplained += q.information;
            if a.best[i] <= 0.0 {
                e.absent += q.information;
            }
            if topics & (1 << i) != 0 {
                e.elsewhere += q.information;
            }
        }
    }
    let unit = unit.max(f32::MIN_POSITIVE);
    score::Explained {
        explained: e.explained / unit,
        unexplained: e.unexplained / unit,
        absent: e.absent / unit,
        elsewhere: e.elsewhere / unit,
    }
}
