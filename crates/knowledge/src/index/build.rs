//! Building an [`Index`] from a loaded knowledge base.

use super::analyzer::{SynonymTable, Token, Unit};
use super::typo::TypoIndex;
use super::vocab::{TermId, Vocab};
use super::{Example, Index, Keyword, Place, MAX_PHRASE};
use crate::fxhash::FxHashMap;
use crate::load::KnowledgeBase;
use crate::render::{plain_text, split_passages};
use crate::text::{fold, is_stop_word, split_words, stem};

/// BM25's idf: how rare a term is among `n` articles when `df` use it.
pub(super) fn idf(n: usize, df: f32) -> f32 {
    let n = n as f32;
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// A distinct word seen while building, analysed once.
struct Seen {
    word: Box<str>,
    stem: Box<str>,
    stop: bool,
    /// Its term, once interned.
    term: Option<TermId>,
    /// Already offered to the typo index.
    in_typo: bool,
    /// Some synonym entry starts with this stem.
    may_start_phrase: bool,
}

impl Token for &Seen {
    fn stem(&self) -> &str {
        &self.stem
    }
    fn stop(&self) -> bool {
        self.stop
    }
    fn may_start_phrase(&self) -> bool {
        self.may_start_phrase
    }
}

#[derive(Default)]
struct Builder {
    vocab: Vocab,
    synonyms: SynonymTable,
    /// Folded word → its entry in `seen`: real text repeats words, so
    /// each is stemmed once.
    seen_at: FxHashMap<Box<str>, u32>,
    seen: Vec<Seen>,
    /// Reused buffer of word numbers.
    ids: Vec<u32>,
    /// Every (term, place), grouped into posting lists at the end.
    places: Vec<(TermId, Place)>,
    keywords: Vec<Keyword>,
    example_terms: Vec<(u32, Vec<TermId>)>,
    /// The examples' function words (see `function`).
    function_words: super::function::Builder,
    passage_terms: Vec<Vec<TermId>>,
    /// Per article: where its passages start and end in `passage_terms`.
    article_passages: Vec<(u32, u32)>,
    typo_words: Vec<(String, String)>,
    df: Vec<u32>,
    example_counts: Vec<u16>,
    tally: Tally,
}

/// Per-term scratch for one text at a time, indexed by term: a hash map
/// per passage or article costs more than the indexing around it.
#[derive(Default)]
struct Tally {
    /// The round in which a term was last seen.
    seen_in: Vec<u32>,
    round: u32,
    counts: Vec<u16>,
    /// Terms with a count, in order of first count.
    counted: Vec<TermId>,
}

impl Tally {
    /// Starts a round of [`first_time`](Self::first_time).
    fn new_round(&mut self) {
        self.round = self.round.wrapping_add(1);
        if self.round == 0 {
            self.seen_in.fill(0);
            self.round = 1;
        }
    }

    /// Whether `t` is new in this round.
    fn first_time(&mut self, t: TermId) -> bool {
        let t = t as usize;
        if self.seen_in.len() <= t {
            self.seen_in.resize(t + 1, 0);
        }
        std::mem::replace(&mut self.seen_in[t], self.round) != self.round
    }

    /// Drops repeats, keeping first appearances in order.
    fn distinct(&mut self, terms: &mut Vec<TermId>) {
        self.new_round();
        terms.retain(|&t| self.first_time(t));
    }

    fn count(&mut self, t: TermId) {
        let at = t as usize;
        if self.counts.len() <= at {
            self.counts.resize(at + 1, 0);
        }
        if self.counts[at] == 0 {
            self.counted.push(t);
        }
        self.counts[at] = self.counts[at].saturating_add(1);
    }

    /// Every counted term with its count, clearing the counts.
    fn take_counts(&mut self) -> Vec<(TermId, u16)> {
        let counted = std::mem::take(&mut self.counted);
        counted
            .into_iter()
            .map(|t| (t, std::mem::take(&mut self.counts[t as usize])))
            .collect()
    }
}

impl Builder {
    /// The terms of `text`, every occurrence, in order; remembers its
    /// words for typo look-ups when `key` is set.
    fn term_sequence(&mut self, text: &str, key: bool) -> Vec<TermId> {
        self.folded_term_sequence(&fold(text), key)
    }

    /// [`term_sequence`](Self::term_sequence) of already folded text.
    fn folded_term_sequence(&mut self, folded: &str, key: bool) -> Vec<TermId> {
        let mut ids = std::mem::take(&mut self.ids);
        ids.clear();
        for w in split_words(folded) {
            let id = match self.seen_at.get(w) {
                Some(&id) => id,
                None => {
                    let id = u32::try_from(self.seen.len()).unwrap_or(u32::MAX);
                    let stem = stem(w);
                    self.seen.push(Seen {
                        word: w.into(),
                        may_start_phrase: self.synonyms.starts_phrase(&stem),
                        stem: stem.into(),
                        stop: is_stop_word(w),
                        term: None,
                        in_typo: false,
                    });
                    self.seen_at.insert(w.into(), id);
                    id
                }
            };
            ids.push(id);
        }
        let units = {
            let tokens: Vec<&Seen> = ids.iter().map(|&id| &self.seen[id as usize]).collect();
            self.synonyms.apply(&tokens)
        };
        let result = self.terms_of_units(&units, &ids, key);
        self.ids = ids;
        result
    }

    fn terms_of_units(&mut self, units: &[Unit], ids: &[u32], key: bool) -> Vec<TermId> {
        let mut out = Vec::with_capacity(units.len());
        for &unit in units {
            let term = match unit {
                Unit::Concept { term, .. } => term,
                Unit::Word(i) => {
                    let seen = &mut self.seen[ids[i] as usize];
                    let term = match seen.term {
                        Some(t) => t,
                        None => {
                            let t = self.vocab.intern(&seen.stem);
                            seen.term = Some(t);
                            t
                        }
                    };
                    if key && !seen.in_typo {
                        seen.in_typo = true;
                        self.typo_words
                            .push((seen.word.to_string(), seen.stem.to_string()));
                        self.typo_words
                            .push((seen.stem.to_string(), seen.stem.to_string()));
                    }
                    term
                }
            };
            out.push(term);
        }
        out
    }

    fn place(&mut self, term: TermId, place: Place) {
        self.places.push((term, place));
    }

    /// The distinct terms of `text`, in order of first appearance.
    fn terms(&mut self, text: &str, key: bool) -> Vec<TermId> {
        let mut out = self.term_sequence(text, key);
        self.tally.distinct(&mut out);
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
                let place = Place::Keyword {
                    article: n,
                    keyword,
                    slot,
                };
                self.place(*t, place);
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
        for t in &title {
            self.place(*t, Place::Title { article: n });
        }
        all.extend(&title);
        let mut in_examples: FxHashMap<TermId, u16> = FxHashMap::default();
        for text in &article.examples {
            let folded = fold(text);
            let mut terms = self.folded_term_sequence(&folded, true);
            self.tally.distinct(&mut terms);
            self.function_words.add_example(split_words(&folded));
            for t in &terms {
                let c = in_examples.entry(*t).or_default();
                *c = c.saturating_add(1);
            }
            let example = u32::try_from(self.example_terms.len()).unwrap_or(u32::MAX);
            for t in &terms {
                self.place(
                    *t,
                    Place::Example {
                        article: n,
                        example,
                    },
                );
            }
            all.extend(&terms);
            self.example_terms.push((n, terms));
        }
        for (t, count) in in_examples {
            self.place(t, Place::Examples { article: n, count });
        }
        self.example_counts
            .push(u16::try_from(article.examples.len()).unwrap_or(u16::MAX));
        // The body, passage by passage; its word counts are the passages'.
        let first_passage = u32::try_from(self.passage_terms.len()).unwrap_or(u32::MAX);
        let body = fold(&plain_text(&article.body));
        for passage in split_passages(&body) {
            let mut terms = self.folded_term_sequence(passage, false);
            for &t in &terms {
                self.tally.count(t);
            }
            self.tally.distinct(&mut terms);
            if terms.len() < 2 {
                continue;
            }
            self.passage_terms.push(terms);
        }
        let end = u32::try_from(self.passage_terms.len()).unwrap_or(u32::MAX);
        self.article_passages.push((first_passage, end));
        all.sort_unstable();
        all.dedup();
        let key_terms = all.len();
        for (t, count) in self.tally.take_counts() {
            self.place(t, Place::Body { article: n, count });
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
        let pattern_list = pattern_list(&kb);
        // Patterns compile on the other core while the articles are read.
        let (mut b, patterns) = std::thread::scope(|scope| {
            let patterns = scope.spawn(move || super::patterns::Patterns::build(pattern_list));
            let mut b = Builder::default();
            b.synonyms = SynonymTable::build(&kb.synonyms, &mut b.vocab);
            b.typo_words.extend(b.synonyms.words().iter().cloned());
            for n in 0..kb.articles.len() {
                b.add_article(u32::try_from(n).unwrap_or(u32::MAX), &kb);
            }
            (b, patterns.join())
        });
        // A panic there is a bug, not bad input: no patterns then.
        let patterns = patterns.unwrap_or_default();
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
        let (function_words, example_function) = std::mem::take(&mut b.function_words).finish();
        let examples = b
            .example_terms
            .iter()
            .zip(example_function)
            .map(|((article, terms), function)| Example {
                article: *article,
                norm: norm(&mut terms.iter().copied()),
                function,
            })
            .collect();
        let passages = b
            .passage_terms
            .into_iter()
            .map(|terms| super::passages::Passage {
                norm: norm(&mut terms.iter().copied()),
                terms: terms.into_boxed_slice(),
            })
            .collect();
        // The typo index needs only the words: build it on the other core
        // while the posting lists are sorted.
        let typo_words = std::mem::take(&mut b.typo_words);
        let (postings, typo) = std::thread::scope(|scope| {
            let typo = scope.spawn(move || TypoIndex::build(typo_words));
            let postings = group_postings(b.places, b.vocab.len());
            (postings, typo.join())
        });
        // A panic there is a bug, not bad input: no typo tolerance then.
        let typo = typo.unwrap_or_default();

        let mut language_names: Vec<Box<str>> = Vec::new();
        let languages = kb
            .articles
            .iter()
            .map(|a| {
                let Some(primary) = a.locale.as_deref().map(primary_language) else {
                    return 0;
                };
                let at = match language_names.iter().position(|l| *l == primary) {
                    Some(at) => at,
                    None => {
                        language_names.push(primary);
                        language_names.len() - 1
                    }
                };
                u8::try_from(at + 1).unwrap_or(u8::MAX)
            })
            .collect();
        let by_id = kb
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), u32::try_from(i).unwrap_or(u32::MAX)))
            .collect();
        let small_talk_articles = small_talk_articles(&kb);
        Index {
            small_talk_articles,
            by_id,
            typo,
            idf: idfs,
            df: b.df,
            idf_ref: idf(n.max(1), 1.0),
            postings,
            keywords: b.keywords,
            examples,
            function_words,
            example_counts: b.example_counts,
            passages,
            article_passages: b.article_passages,
            patterns,
            languages,
            language_names,
            vocab: b.vocab,
            known_words: b.seen_at,
            known: b
                .seen
                .into_iter()
                .map(|s| super::KnownWord {
                    stop: s.stop,
                    stem: s.stem,
                    readings: std::sync::OnceLock::new(),
                })
                .collect(),
            synonyms: b.synonyms,
            articles: kb.articles,
        }
    }
}

/// The kinds of small talk some article's keyword or example is (an
/// article written for greetings answers greetings).
fn small_talk_articles(kb: &KnowledgeBase) -> Vec<crate::small_talk::SmallTalk> {
    let mut kinds = Vec::new();
    for a in &kb.articles {
        for text in a.keywords.iter().chain(&a.examples) {
            if let Some(k) = crate::small_talk::small_talk(text) {
                if !kinds.contains(&k) {
                    kinds.push(k);
                }
            }
        }
    }
    kinds
}

/// One posting list per term, each in `Place` order (keywords first): a
/// counting sort by term, then each (short) list sorted.
fn group_postings(places: Vec<(TermId, Place)>, terms: usize) -> Vec<Box<[Place]>> {
    let mut counts = vec![0usize; terms];
    for (t, _) in &places {
        counts[*t as usize] += 1;
    }
    let mut lists: Vec<Vec<Place>> = counts.iter().map(|&c| Vec::with_capacity(c)).collect();
    for (t, p) in places {
        lists[t as usize].push(p);
    }
    lists
        .into_iter()
        .map(|mut list| {
            list.sort_unstable();
            list.into_boxed_slice()
        })
        .collect()
}

/// `en` of `en-GB`, `pt` of `PT_br`.
pub(super) fn primary_language(locale: &str) -> Box<str> {
    locale
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
        .into_boxed_str()
}

fn pattern_list(kb: &KnowledgeBase) -> Vec<(String, u32)> {
    let mut out = Vec::new();
    for (n, a) in kb.articles.iter().enumerate() {
        for p in &a.patterns {
            out.push((p.clone(), u32::try_from(n).unwrap_or(u32::MAX)));
        }
    }
    out
}
