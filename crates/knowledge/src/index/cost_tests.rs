//! What one question costs, counted (characters hashed and compared, see
//! `limits`), not timed: a hostile question of any length costs at most a
//! fixed amount of work per character, and ten times longer questions at
//! most about ten times more.

use super::limits;
use super::*;
use crate::synthetic::{hostile_question, synthetic};

/// Work per character of an ordinary question of unknown 12-letter words
/// (stemming, typo and derivation look-ups) is about 100.
const PER_CHAR: u64 = 250;

fn work_of(index: &Index, question: &str) -> u64 {
    limits::take();
    std::hint::black_box(index.ask(question, None));
    limits::take()
}

fn assert_linear(one_word: bool) {
    let index = Index::build(synthetic(300, 0, 3).kb);
    let mut last: Option<(usize, u64)> = None;
    // Shortest first: before the bound, 1,000 letters took seconds.
    for chars in [100, 1_000, 10_000] {
        let question = hostile_question(chars, one_word, 7);
        let work = work_of(&index, &question);
        assert!(
            work <= PER_CHAR * chars as u64,
            "{chars} characters (one word: {one_word}) cost {work}"
        );
        if let Some((before, before_work)) = last {
            let growth = chars / before;
            assert!(
                work <= (growth as u64 + 2) * before_work.max(1),
                "{chars} characters cost {work}, {before} cost {before_work}"
            );
        }
        last = Some((chars, work));
    }
}

#[test]
fn one_long_word_costs_work_linear_in_its_length() {
    assert_linear(true);
}

#[test]
fn a_long_question_of_many_words_costs_work_linear_in_its_length() {
    assert_linear(false);
}

#[test]
fn a_long_question_still_finds_what_its_first_words_ask() {
    let index = Index::build(synthetic(300, 50, 3).kb);
    let plain = synthetic(300, 50, 3).questions;
    let question = plain
        .iter()
        .find(|q| index.ask(q, None).answer.is_some())
        .expect("some synthetic question is answered");
    let padded = format!("{question} {}", hostile_question(10_000, true, 1));
    assert_eq!(
        index.ask(&padded, None).answer,
        index.ask(question, None).answer
    );
}

#[test]
fn a_question_without_letters_is_empty() {
    let index = Index::build(synthetic(50, 0, 3).kb);
    for question in ["\u{200B}\u{200B}\u{200D}", "?!?", "👋👋"] {
        let answer = index.ask(question, None);
        assert_eq!(answer.answer, None);
        assert!(answer.candidates.is_empty(), "{question:?}");
    }
}
