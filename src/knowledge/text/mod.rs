//! Text handling shared by indexing and querying.

mod normalize;
mod stem;
mod stopwords;

pub use normalize::{fold, normalize, words, Script};
pub use stem::{min_related_prefix, related, stem, stem_in};
pub use stopwords::{is_stop_word, stop_words};
