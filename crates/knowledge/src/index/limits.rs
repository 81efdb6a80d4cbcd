//! Bounds on what one question may cost, so that cost grows at most
//! linearly with the question and never without limit: a hostile message
//! (one word of thousands of letters, an essay) costs about what an
//! ordinary one does. Typo look-ups are quadratic in a word's length and
//! derivation look-ups too, so they are only tried on words of plausible
//! length; the question itself is read up to a length and a word count.
//!
//! [`spend`] counts the work done (characters hashed and compared), per
//! thread, so that tests can check how cost grows without timing anything.

use std::cell::Cell;

/// Characters of a question that are read (Discord's longest message is
/// 4,000 with Nitro; a longer text is not a question).
pub(super) const MAX_QUESTION_CHARS: usize = 4_000;

/// Words (stop words included) that go to matching; only the first
/// `scratch::MAX_WORDS` content words among them count anyway.
pub(super) const MAX_QUESTION_WORDS: usize = 64;

/// The longest question word tried for typos. Real words are shorter
/// (`достопримечательность` has 21 letters); the look-up makes about
/// n²/2 deletions of a word of n letters.
pub(super) const MAX_TYPO_WORD: usize = 24;

/// The longest knowledge-base word in the typo index: a stored word at
/// most two edits longer than a question word that may be tried.
pub(super) const MAX_TYPO_STORED: usize = MAX_TYPO_WORD + 2;

/// The longest word a question may use: a longer one (a token, a hash, a
/// run of letters) is no word any article explains, and is dropped before
/// matching. Derived-form look-ups cost per character of each prefix, so
/// they never see a longer stem either.
pub(super) const MAX_WORD: usize = 48;

/// The part of `question` that is read: its first [`MAX_QUESTION_CHARS`].
pub(super) fn head(question: &str) -> &str {
    match question.char_indices().nth(MAX_QUESTION_CHARS) {
        Some((at, _)) => &question[..at],
        None => question,
    }
}

thread_local! {
    static WORK: Cell<u64> = const { Cell::new(0) };
}

/// Records `units` of work (characters hashed or compared).
pub(super) fn spend(units: usize) {
    WORK.with(|w| w.set(w.get().wrapping_add(units as u64)));
}

/// The work recorded on this thread since the last call.
#[cfg(test)]
pub(super) fn take() -> u64 {
    WORK.with(|w| w.replace(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_head_of_a_question_is_cut_on_a_character_boundary() {
        let long = "я".repeat(MAX_QUESTION_CHARS + 10);
        assert_eq!(head(&long).chars().count(), MAX_QUESTION_CHARS);
        assert_eq!(head("short"), "short");
    }
}
