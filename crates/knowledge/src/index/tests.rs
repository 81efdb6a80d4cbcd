//! Behaviour of the matcher as a user would notice it.

use std::path::PathBuf;

use super::*;
use crate::article::FieldLines;
use crate::load::KnowledgeBase;
use crate::synonyms::{SynonymGroup, Synonyms};

struct A<'a> {
    id: &'a str,
    title: &'a str,
    keywords: &'a [&'a str],
    patterns: &'a [&'a str],
    examples: &'a [&'a str],
    locale: Option<&'a str>,
    body: &'a str,
}

const BASE: A<'static> = A {
    id: "",
    title: "",
    keywords: &[],
    patterns: &[],
    examples: &[],
    locale: None,
    body: "",
};

fn article(a: &A) -> Article {
    let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect();
    Article {
        id: ArticleId::new(a.id).unwrap(),
        title: a.title.into(),
        body: a.body.into(),
        keywords: strings(a.keywords),
        patterns: strings(a.patterns),
        examples: strings(a.examples),
        tags: vec![],
        locale: a.locale.map(str::to_owned),
        source: PathBuf::from(format!("{}.md", a.id)),
        lines: FieldLines::default(),
    }
}

fn sample() -> Index {
    let articles = [
        A {
            id: "reset-password",
            title: "Reset your password",
            keywords: &["reset password", "forgot password"],
            examples: &["I can't log in, I forgot my password"],
            locale: Some("en"),
            body: "Open **Settings → Security** and press *Reset password*. The link works for an hour.",
            ..BASE
        },
        A {
            id: "ru/reset-password",
            title: "Как сбросить пароль",
            keywords: &["сбросить пароль", "забыть пароль"],
            locale: Some("ru"),
            body: "Нажмите «Забыли пароль?» на странице входа и перейдите по ссылке из письма.",
            ..BASE
        },
        A {
            id: "refund",
            title: "Refund policy",
            keywords: &["refund", "money back"],
            patterns: &["charged (twice|two times)"],
            locale: Some("en"),
            body: "Monthly plans are refunded in full within 3 days. Card refunds take 5–10 banking days.",
            ..BASE
        },
        A {
            id: "parking",
            title: "Парковка",
            keywords: &["парковка", "парковочное место", "шлагбаум"],
            locale: Some("ru"),
            body: "Парковка во дворе, въезд через шлагбаум по номеру машины. Место можно арендовать на месяц.",
            ..BASE
        },
        A {
            id: "printer",
            title: "Printing and scanning",
            keywords: &["printer", "print document", "scan"],
            locale: Some("en"),
            body: "Printers are on every floor. Send a file from the app; 100 pages a month are free.",
            ..BASE
        },
        A {
            id: "meeting-room",
            title: "Book a meeting room",
            keywords: &["book meeting room", "conference room"],
            locale: Some("en"),
            body: "Rooms are booked by the hour in the app. Cancel up to an hour before for free.",
            ..BASE
        },
    ];
    let kb = KnowledgeBase {
        articles: articles.iter().map(article).collect(),
        synonyms: Synonyms {
            groups: vec![
                SynonymGroup {
                    entries: vec!["refund".into(), "возврат".into(), "вернуть деньги".into()],
                    line: 1,
                },
                SynonymGroup {
                    entries: vec!["meeting room".into(), "переговорка".into()],
                    line: 2,
                },
            ],
            source: None,
        },
    };
    Index::build(kb)
}

fn answer(index: &Index, q: &str) -> Option<String> {
    index.ask(q, None).answer.map(|a| a.to_string())
}

#[test]
fn a_plain_question_gets_its_article() {
    let index = sample();
    assert_eq!(
        answer(&index, "how do I reset my password").as_deref(),
        Some("reset-password")
    );
    assert_eq!(
        answer(&index, "как сбросить пароль").as_deref(),
        Some("ru/reset-password")
    );
}

#[test]
fn case_yo_punctuation_and_spacing_never_change_the_result() {
    let index = sample();
    let plain = index.ask("where is the printer", None);
    for variant in [
        "WHERE IS THE PRINTER???",
        "  where   is the printer ",
        "where, is: the printer!",
    ] {
        let other = index.ask(variant, None);
        assert_eq!(other.answer, plain.answer, "{variant}");
        assert_eq!(other.confidence, plain.confidence, "{variant}");
    }
}

#[test]
fn inflected_forms_match_in_both_languages() {
    let index = sample();
    for q in ["сбросить пароля", "сбросила паролем", "забыла пароль"]
    {
        assert_eq!(
            answer(&index, q).as_deref(),
            Some("ru/reset-password"),
            "{q}"
        );
    }
    assert_eq!(
        answer(&index, "resetting passwords").as_deref(),
        Some("reset-password")
    );
    assert_eq!(
        answer(&index, "где парковочные места").as_deref(),
        Some("parking")
    );
}

#[test]
fn a_single_typo_in_a_long_word_still_matches() {
    let index = sample();
    assert_eq!(
        answer(&index, "how to reset my pasword").as_deref(),
        Some("reset-password")
    );
    assert_eq!(answer(&index, "где парковкка").as_deref(), Some("parking"));
    assert_eq!(
        answer(&index, "the prniter is broken").as_deref(),
        Some("printer")
    );
}

#[test]
fn a_synonym_matches_a_keyword_written_with_another() {
    let index = sample();
    // `возврат` is in the `refund` group; the article only says "refund".
    let top = &index.ask("как оформить возврат", None).candidates[0];
    assert_eq!(top.id.as_str(), "refund");
    // A phrase synonym, inflected.
    let top = &index
        .ask("можно забронировать переговорку?", None)
        .candidates[0];
    assert_eq!(top.id.as_str(), "meeting-room");
}

#[test]
fn a_phrase_in_order_scores_more_than_out_of_order() {
    let index = sample();
    let score = |q: &str| {
        index
            .search(q, 5)
            .into_iter()
            .find(|c| c.id.as_str() == "reset-password")
            .map(|c| c.score)
            .unwrap_or(0.0)
    };
    assert!(score("reset password now") > score("password now reset"));
}

#[test]
fn a_pattern_match_is_strong_evidence() {
    let index = sample();
    assert_eq!(
        answer(&index, "I was charged two times this month").as_deref(),
        Some("refund")
    );
}

#[test]
fn an_unrelated_question_gets_no_answer() {
    let index = sample();
    for q in [
        "what is the weather tomorrow",
        "привет",
        "lol",
        "",
        "как сварить борщ",
    ] {
        let a = index.ask(q, None);
        assert_eq!(a.answer, None, "{q}");
        assert!((0.0..=1.0).contains(&a.confidence), "{q}");
    }
}

#[test]
fn confidence_is_between_zero_and_one_and_candidates_are_best_first() {
    let index = sample();
    let a = index.ask("forgot my password, how do I reset it", None);
    assert!((0.0..=1.0).contains(&a.confidence));
    assert!(a.confidence >= ANSWER_THRESHOLD);
    assert!(a.candidates.windows(2).all(|w| w[0].score >= w[1].score));
    assert!(a.candidates.len() <= CANDIDATES);
}

#[test]
fn a_locale_restricts_the_articles_considered() {
    let index = sample();
    let a = index.ask("reset password", Some("ru"));
    assert!(a
        .candidates
        .iter()
        .all(|c| c.id.as_str() != "reset-password"));
    assert_eq!(
        index
            .ask("reset password", Some("en-GB"))
            .answer
            .map(|a| a.to_string())
            .as_deref(),
        Some("reset-password")
    );
}

#[test]
fn rare_words_weigh_more_than_common_ones() {
    let index = sample();
    // "room" is in two articles' text, "шлагбаум" in one: the rare one decides.
    let a = index.ask("шлагбаум room", None);
    assert_eq!(a.candidates[0].id.as_str(), "parking");
}

#[test]
fn search_returns_weak_candidates_too() {
    let index = sample();
    let found = index.search("in the app", 3);
    assert!(!found.is_empty());
    assert_eq!(found.len(), 2);
    assert_eq!(index.ask("in the app", None).answer, None);
}

#[test]
fn articles_are_found_by_id() {
    let index = sample();
    assert_eq!(index.article("refund").unwrap().title, "Refund policy");
    assert!(index.article("nope").is_none());
    assert_eq!(index.articles().len(), 6);
}

#[test]
fn an_empty_index_answers_nothing() {
    let index = Index::build(KnowledgeBase::default());
    assert!(index.is_empty());
    let a = index.ask("anything at all", None);
    assert_eq!(a.answer, None);
    assert!(a.candidates.is_empty());
}

#[test]
fn explanations_name_the_matched_keyword() {
    let index = sample();
    let e = index.explain("I forgot my password", None);
    assert_eq!(e[0].id.as_str(), "reset-password");
    assert_eq!(e[0].keyword.as_deref(), Some("forgot password"));
}

#[test]
fn a_synonym_phrase_with_an_inflected_stop_word_matches_in_questions() {
    let kb = KnowledgeBase {
        articles: vec![article(&A {
            id: "help",
            title: "Getting unstuck",
            keywords: &["struggle"],
            body: "Ask in the help channel.",
            ..BASE
        })],
        synonyms: Synonyms {
            // "having" is a stop word whose stem is "have".
            groups: vec![SynonymGroup {
                entries: vec!["having trouble".into(), "struggle".into()],
                line: 1,
            }],
            source: None,
        },
    };
    let index = Index::build(kb);
    assert_eq!(answer(&index, "having trouble").as_deref(), Some("help"));
}

fn evidence_of(e: &Explanation, name: &str) -> f32 {
    e.evidence
        .iter()
        .find(|(n, _)| *n == name)
        .map_or(f32::NAN, |(_, v)| *v)
}

#[test]
fn explanations_show_what_the_question_has_that_the_article_does_not_explain() {
    let index = sample();
    for (explained, with_other_topic) in [
        (
            "I forgot my password",
            "I forgot my password for the refund",
        ),
        ("сбросить пароль", "сбросить пароль от парковки"),
    ] {
        let all = &index.explain(explained, None)[0];
        assert!(all.id.as_str().ends_with("reset-password"), "{explained}");
        assert!(evidence_of(all, "explained") > 0.0, "{explained}");
        assert_eq!(evidence_of(all, "unexplained"), 0.0, "{explained}");

        let e = index.explain(with_other_topic, None);
        let other = e
            .iter()
            .find(|c| c.id.as_str().ends_with("reset-password"))
            .expect("the password article is still a candidate");
        // The other topic is absent from the password article and is
        // another article's keyword.
        assert!(evidence_of(other, "absent") > 0.0, "{with_other_topic}");
        assert!(evidence_of(other, "elsewhere") > 0.0, "{with_other_topic}");
    }
}

#[test]
fn function_words_tell_apart_two_articles_whose_examples_share_a_topic() {
    // "when" and "how" are stop words: they find nothing, but among the
    // examples of two oil-change articles they say which one is asked.
    let articles = [
        A {
            id: "oil-when",
            title: "Oil change: when",
            examples: &["when should i change the oil", "when is the oil change due"],
            ..BASE
        },
        A {
            id: "oil-how",
            title: "Oil change: how",
            examples: &["how should i change the oil", "how is the oil change done"],
            ..BASE
        },
        A {
            id: "tyres",
            title: "Tyre pressure",
            examples: &["what should the tyre pressure be"],
            ..BASE
        },
    ];
    let kb = KnowledgeBase {
        articles: articles.iter().map(article).collect(),
        synonyms: Synonyms::default(),
    };
    let index = Index::build(kb);
    let first = |q: &str| index.ask(q, None).candidates[0].id.to_string();
    assert_eq!(first("when should the oil be changed"), "oil-when");
    assert_eq!(first("how should the oil be changed"), "oil-how");
}
