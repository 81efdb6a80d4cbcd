//! Text handling shared by indexing and querying.

mod language;
mod normalize;
mod segment;
mod stem;
mod stopwords;

pub use language::language_of;
pub use normalize::{fold, is_blank, normalize, words, Script};
pub use segment::split_words;
pub use stem::{min_related_prefix, related, stem, stem_in};
pub use stopwords::{is_stop_word, stop_words};
