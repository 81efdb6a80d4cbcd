use chrono::{TimeZone, Utc};

use super::*;
use crate::knowledge::{Article, ArticleId, KnowledgeBase};
use crate::tickets::{ChannelId, GuildId, L0ExchangeId, UserId};

fn exchange(question: &str, article: Option<&str>, click: L0Click) -> L0Exchange {
    L0Exchange {
        id: L0ExchangeId(1),
        guild: GuildId(1),
        user: UserId(2),
        channel: ChannelId(3),
        question: question.into(),
        locale: Locale::En,
        article: article.map(str::to_owned),
        confidence: if article.is_some() { 0.8 } else { 0.2 },
        candidates: vec!["billing-refunds".into()],
        small_talk: None,
        click,
        clicked_at: None,
        ticket: None,
        asked_at: Utc.with_ymd_and_hms(2026, 11, 1, 12, 0, 0).unwrap(),
    }
}

fn unanswered(q: &str) -> L0Exchange {
    exchange(q, None, L0Click::Nothing)
}

#[test]
fn only_unanswered_and_unhelpful_questions_are_listed() {
    assert_eq!(gap(&unanswered("x")), Some(GapReason::Unanswered));
    assert_eq!(
        gap(&exchange("x", Some("a"), L0Click::TalkToHuman)),
        Some(GapReason::Unhelpful)
    );
    assert_eq!(gap(&exchange("x", Some("a"), L0Click::Solved)), None);
    assert_eq!(gap(&exchange("x", Some("a"), L0Click::Nothing)), None);
    // A candidate that finally solved it is no gap either.
    assert_eq!(gap(&exchange("x", None, L0Click::Solved)), None);
}

#[test]
fn similar_wordings_form_one_group_counted_together() {
    let log = vec![
        unanswered("How do I export my invoices?"),
        unanswered("how do i export my invoices"),
        unanswered("Exporting invoices"),
        unanswered("Can I change my username?"),
        exchange(
            "export invoice to pdf",
            Some("billing-refunds"),
            L0Click::TalkToHuman,
        ),
        exchange("What is the weather", Some("a"), L0Click::Solved),
    ];
    let groups = report(&log, None);
    assert_eq!(groups.len(), 2, "{groups:#?}");
    let invoices = &groups[0];
    assert_eq!(invoices.representative, "How do I export my invoices?");
    assert_eq!(invoices.count, 4);
    assert_eq!((invoices.unanswered, invoices.unhelpful), (3, 1));
    let others: Vec<(&str, usize)> = invoices
        .others
        .iter()
        .map(|w| (w.text.as_str(), w.count))
        .collect();
    assert_eq!(
        others,
        vec![("Exporting invoices", 1), ("export invoice to pdf", 1)]
    );
    assert_eq!(groups[1].representative, "Can I change my username?");
    assert_eq!(groups[1].count, 1);
}

#[test]
fn different_questions_stay_apart() {
    let log = vec![
        unanswered("reset password"),
        unanswered("forgot my login email"),
        unanswered("delete my account"),
    ];
    let groups = report(&log, None);
    assert_eq!(groups.len(), 3);
    assert!(groups.iter().all(|g| g.count == 1 && g.others.is_empty()));
}

#[test]
fn russian_word_forms_group_by_stem() {
    let mut a = unanswered("Как удалить аккаунт?");
    let mut b = unanswered("удаление аккаунта");
    let mut c = unanswered("Удалить аккаунты");
    for e in [&mut a, &mut b, &mut c] {
        e.locale = Locale::Ru;
    }
    let groups = report(&[a, b, c], None);
    assert_eq!(groups.len(), 1, "{groups:#?}");
    assert_eq!(groups[0].count, 3);
}

#[test]
fn without_the_knowledge_base_the_closest_article_is_what_the_bot_saw() {
    let log = vec![
        unanswered("refund please"),
        exchange(
            "refund please now",
            Some("billing-refunds"),
            L0Click::TalkToHuman,
        ),
    ];
    let groups = report(&log, None);
    let closest = groups[0].closest.as_ref().unwrap();
    assert_eq!(closest.article, "billing-refunds");
    assert_eq!(closest.confidence, 0.8);
    assert_eq!(closest.title, None);
}

fn article(id: &str, title: &str, body: &str) -> Article {
    Article {
        id: ArticleId::new(id).unwrap(),
        title: title.into(),
        body: body.into(),
        keywords: vec![],
        patterns: vec![],
        examples: vec![],
        tags: vec![],
        locale: None,
        source: Default::default(),
        lines: Default::default(),
    }
}

#[test]
fn with_the_knowledge_base_the_closest_article_is_the_matchers_best_guess() {
    let kb = KnowledgeBase {
        articles: vec![
            article(
                "invoices",
                "Invoices and receipts",
                "Download invoices from the billing page.",
            ),
            article(
                "avatars",
                "Changing your avatar",
                "Upload a picture in your profile.",
            ),
        ],
        ..Default::default()
    };
    let index = Index::build(kb);
    let groups = report(&[unanswered("export invoices as csv")], Some(&index));
    let closest = groups[0].closest.as_ref().unwrap();
    assert_eq!(closest.article, "invoices");
    assert_eq!(closest.title.as_deref(), Some("Invoices and receipts"));
    assert!((0.0..=1.0).contains(&closest.confidence));
}

#[test]
fn groups_are_sorted_by_how_often_they_were_asked() {
    let log = vec![
        unanswered("dark mode"),
        unanswered("api rate limits"),
        unanswered("api rate limit"),
        unanswered("API rate limits?"),
    ];
    let groups = report(&log, None);
    assert_eq!(groups[0].representative, "api rate limits");
    assert_eq!(groups[0].count, 3);
    assert_eq!(groups[1].representative, "dark mode");
}
