//! Per-thread working memory for one question: accumulators indexed by
//! article, keyword and example number, valid only when their stamp is the
//! current question's. Nothing is cleared between questions, so a question
//! costs what it touches, not what the index holds.

use std::cell::RefCell;

#[derive(Debug, Clone, Copy, Default)]
pub(super) struct ArticleAcc {
    pub stamp: u32,
    /// The query word whose best strength `word_best` holds.
    pub word: u32,
    pub word_best: f32,
    /// Share-of-question numerators.
    pub covered: f32,
    pub title_covered: f32,
    pub title_word: u32,
    pub body_covered: f32,
    pub body_word: u32,
    pub example_covered: f32,
    pub example_word: u32,
    pub in_keywords: f32,
    pub keyword_word: u32,
    /// Where this article's evidence sits in the question's list.
    pub slot: u32,
}

#[derive(Debug, Clone, Copy, Default)]
pub(super) struct KeywordAcc {
    pub stamp: u32,
    pub mask: u16,
    pub matched: f32,
    /// Question position of each slot's match, for phrase order.
    pub pos: [u32; super::MAX_PHRASE],
    /// How strongly a word found in this phrase counts (see
    /// `score::keyword_place`).
    pub place: f32,
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
    /// Current query word, unique across questions (for "seen for this word").
    pub word: u32,
    pub articles: Vec<ArticleAcc>,
    pub keywords: Vec<KeywordAcc>,
    pub examples: Vec<ExampleAcc>,
    pub passages: Vec<ExampleAcc>,
    pub touched_articles: Vec<u32>,
    pub touched_keywords: Vec<u32>,
    pub touched_examples: Vec<u32>,
    pub touched_passages: Vec<u32>,
    pub word_articles: Vec<u32>,
}

impl Scratch {
    /// Starts a question over an index of these sizes.
    pub fn begin(&mut self, articles: usize, keywords: usize, examples: usize, passages: usize) {
        if self.stamp == u32::MAX || self.word > u32::MAX - 1_000_000 {
            *self = Scratch::default();
        }
        self.stamp += 1;
        grow(&mut self.articles, articles);
        grow(&mut self.keywords, keywords);
        grow(&mut self.examples, examples);
        grow(&mut self.passages, passages);
        self.touched_articles.clear();
        self.touched_keywords.clear();
        self.touched_examples.clear();
        self.touched_passages.clear();
    }

    pub fn next_word(&mut self) -> u32 {
        self.word += 1;
        self.word_articles.clear();
        self.word
    }

    /// The accumulator of `article`, reset if this question has not touched it.
    pub fn article(&mut self, article: u32) -> &mut ArticleAcc {
        let stamp = self.stamp;
        let acc = &mut self.articles[article as usize];
        if acc.stamp != stamp {
            *acc = ArticleAcc {
                stamp,
                ..ArticleAcc::default()
            };
            self.touched_articles.push(article);
        }
        acc
    }

    pub fn keyword(&mut self, keyword: u32) -> &mut KeywordAcc {
        let stamp = self.stamp;
        let acc = &mut self.keywords[keyword as usize];
        if acc.stamp != stamp {
            *acc = KeywordAcc {
                stamp,
                ..KeywordAcc::default()
            };
            self.touched_keywords.push(keyword);
        }
        acc
    }

    pub fn example(&mut self, example: u32) -> &mut ExampleAcc {
        let stamp = self.stamp;
        let acc = &mut self.examples[example as usize];
        if acc.stamp != stamp {
            *acc = ExampleAcc {
                stamp,
                ..ExampleAcc::default()
            };
            self.touched_examples.push(example);
        }
        acc
    }
}

impl Scratch {
    pub fn passage(&mut self, passage: u32) -> &mut ExampleAcc {
        let stamp = self.stamp;
        let acc = &mut self.passages[passage as usize];
        if acc.stamp != stamp {
            *acc = ExampleAcc {
                stamp,
                ..ExampleAcc::default()
            };
            self.touched_passages.push(passage);
        }
        acc
    }
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
