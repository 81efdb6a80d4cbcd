//! L0: the knowledge engine. Loads Markdown articles (see
//! `../shared/knowledge-format.md`), indexes them, answers questions in
//! English and Russian or knows that it can't, and reloads live.
//!
//! Knows nothing of Discord, SQL or the command line.

mod article;
mod check;
mod fxhash;
mod index;
mod live;
mod load;
mod parse;
mod problem;
mod render;
mod small_talk;
mod synonyms;
pub mod synthetic;
pub mod text;
mod walk;
mod yaml;

pub use article::{same_language, Article, ArticleId, FieldLines};
pub use check::check;
pub use index::{
    Answer, Candidate, Explanation, Index, SharedKeyword, ANSWER_THRESHOLD, CANDIDATES,
};
pub use live::{LiveError, LiveKnowledge};
pub use load::{is_article_file, load, KnowledgeBase, Limits, LoadReport, Loader};
pub use parse::compile_pattern;
pub use problem::{LoadError, LoadErrorKind, Problem, ProblemArg, Severity};
pub use render::{
    fits_embed, passages, plain_text, render_for_discord, EMBED_DESCRIPTION_LIMIT,
    EMBED_TITLE_LIMIT,
};
pub use small_talk::SmallTalk;
pub use synonyms::{SynonymGroup, Synonyms};
