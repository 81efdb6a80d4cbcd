//! Per-thread working memory for one question: accumulators indexed by
//! article, keyword and example number, valid only when their
//! stamp is the current question's. Nothing is cleared between questions,
//! so a question costs what it touches, not what the index holds.

use std::cell::RefCell;

/// At most this many content words of a question count (a longer
/// question is an essay; its first words say what it is about).
pub(super) const MAX_WORDS: usize = 24;
// `ArticleAcc::explained` has a bit per word.
const _: () = assert!(MAX_WORDS <= 32);

#[derive(Debug, Clone, Copy)]
pub(super) struct ArticleAcc {
    /// Per question word: the strength of its best place in the article.
    pub best: [f32; MAX_WORDS],
    /// Question weight found in keywords, title, examples, body (each
    /// word once, marked by its stamp).
    pub in_keywords: f32,
    pub keyword_word: u32,
    pub in_title: f32,
    pub title_word: u32,
    pub in_examples: f32,
    pub example_word: u32,
    pub in_body: f32,
    pub body_word: u32,
    /// Cosines of the three closest examples, best first.
    pub examples: [f32; 3],
    /// A pattern of the article matches the question.
    pub pattern: bool,
    /// Bit `i`: question word `i` is in the article's keywords, title or
    /// examples (what the article says it is about; the body is not).
    pub explained: u32,
}

impl Default for ArticleAcc {
    fn default() -> Self {
        ArticleAcc {
            best: [0.0; MAX_WORDS],
            in_keywords: 0.0,
            keyword_word: 0,
            in_title: 0.0,
            title_word: 0,
            in_examples: 0.0,
            example_word: 0,
            in_body: 0.0,
            body_word: 0,
            examples: [0.0; 3],
            pattern: false,
            explained: 0,
        }
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub(super) struct KeywordAcc {
    pub mask: u16,
    pub matched: f32,
    /// Per slot: the question position of its match (for phrase order),
    /// which question word it was, and how strongly.
    pub pos: [u32; super::MAX_PHRASE],
    pub word: [u8; super::MAX_PHRASE],
    pub strength: [f32; super::MAX_PHRASE],
}

#[derive(Debug, Clone, Copy, Default)]
pub(super) struct ExampleAcc {
    pub stamp: u32,
    pub word: u32,
    pub dot: f32,
}

#[derive(Debug, Default)]
pub(super) struct Scratch {
    /// Current question; 0 is never current.
    pub stamp: u32,
    /// Stamp of the current question's first word; word `i` is `words + i`
    /// (unique across questions, for "seen for this word" marks).
    pub words: u32,
    /// Per article and per keyword: the question that last touched it, and
    /// where its accumulator sits in the dense lists below. The dense lists
    /// keep a question's working set small and warm in the cache.
    article_stamps: Vec<(u32, u32)>,
    keyword_stamps: Vec<(u32, u32)>,
    /// Accumulators of the touched articles, in `touched_articles` order.
    pub articles: Vec<ArticleAcc>,
    /// Accumulators of the touched keywords, in `touched_keywords` order.
    pub keywords: Vec<KeywordAcc>,
    pub examples: Vec<ExampleAcc>,
    pub touched_articles: Vec<u32>,
    pub touched_keywords: Vec<u32>,
    pub touched_examples: Vec<u32>,
}

impl Scratch {
    /// Starts a question over an index of these sizes.
    pub fn begin(&mut self, articles: usize, keywords: usize, examples: usize) {
        if self.stamp == u32::MAX || self.words > u32::MAX - 2 * MAX_WORDS as u32 {
            *self = Scratch::default();
        }
        self.stamp += 1;
        self.words += MAX_WORDS as u32 + 1;
        grow(&mut self.article_stamps, articles);
        grow(&mut self.keyword_stamps, keywords);
        self.articles.clear();
        self.keywords.clear();
        grow(&mut self.examples, examples);
        self.touched_articles.clear();
        self.touched_keywords.clear();
        self.touched_examples.clear();
    }

    /// Whether this question has touched `article`.
    pub fn has(&self, article: u32) -> bool {
        self.article_stamps[article as usize].0 == self.stamp
    }

    /// Where `article`'s accumulator is in `articles`, if touched.
    pub fn slot(&self, article: u32) -> Option<usize> {
        let (stamp, slot) = self.article_stamps[article as usize];
        (stamp == self.stamp).then_some(slot as usize)
    }

    /// The accumulator of `article`, new if this question has not touched it.
    pub fn article(&mut self, article: u32) -> &mut ArticleAcc {
        let entry = &mut self.article_stamps[article as usize];
        if entry.0 != self.stamp {
            *entry = (self.stamp, self.articles.len() as u32);
            self.articles.push(ArticleAcc::default());
            self.touched_articles.push(article);
        }
        &mut self.articles[entry.1 as usize]
    }

    pub fn keyword(&mut self, keyword: u32) -> &mut KeywordAcc {
        let entry = &mut self.keyword_stamps[keyword as usize];
        if entry.0 != self.stamp {
            *entry = (self.stamp, self.keywords.len() as u32);
            self.keywords.push(KeywordAcc::default());
            self.touched_keywords.push(keyword);
        }
        &mut self.keywords[entry.1 as usize]
    }

    pub fn example(&mut self, example: u32) -> &mut ExampleAcc {
        fresh(
            &mut self.examples,
            &mut self.touched_examples,
            self.stamp,
            example,
        )
    }
}

fn fresh<'a>(
    all: &'a mut [ExampleAcc],
    touched: &mut Vec<u32>,
    stamp: u32,
    n: u32,
) -> &'a mut ExampleAcc {
    let acc = &mut all[n as usize];
    if acc.stamp != stamp {
        *acc = ExampleAcc {
            stamp,
            ..ExampleAcc::default()
        };
        touched.push(n);
    }
    acc
}

fn grow<T: Default + Clone>(v: &mut Vec<T>, len: usize) {
    if v.len() < len {
        v.resize(len, T::default());
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Runs `f` with this thread's scratch memory.
pub(super) fn with_scratch<R>(f: impl FnOnce(&mut Scratch) -> R) -> R {
    SCRATCH.with(|s| match s.try_borrow_mut() {
        Ok(mut s) => f(&mut s),
        // Re-entered on the same thread (not done today): use a fresh one.
        Err(_) => f(&mut Scratch::default()),
    })
}
