use super::*;
use crate::insight::fixtures::{busy, empty};

#[test]
fn the_terminal_report_has_every_number_in_english() {
    let text = plain_text(&busy(), Locale::En);
    for expected in [
        "Support statistics, 2026-10-26 – 2026-11-25 (30 days)",
        "Questions: 40",
        "Answered: 30 (75%)",
        "Confirmed helpful: 20 (67%)",
        "Asked for a human: 6",
        "Opened: 12, reopened: 1, closed: 10",
        "Average rating: 4.5 (4 ratings)",
        "SLA breaches: 2",
        "L1\n  Received: 12, resolved: 8, escalated: 3",
        "Escalation rate: 25%",
        "First response: median 4 min, 90th percentile 1 h 5 min",
        "Resolution: median 3 h, 90th percentile 1 d 6 h",
        "L2\n  Received: 3, resolved: 2, escalated: 1",
        "Escalation rate: 33%",
        "L4\n  Received: 0, resolved: 0, escalated: 0",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
}

#[test]
fn the_russian_report_speaks_russian_with_russian_units() {
    let text = plain_text(&busy(), Locale::Ru);
    for expected in [
        "Статистика поддержки, 2026-10-26 – 2026-11-25 (30 дней)",
        "Вопросов: 40",
        "Средняя оценка: 4,5 (4 оценки)",
        "Первый ответ: медиана 4 мин, 90-й процентиль 1 ч 5 мин",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
}

#[test]
fn a_level_without_data_shows_dashes_not_zeros() {
    let text = plain_text(&empty(), Locale::En);
    assert!(text.contains("Answered: 0 (—)"), "{text}");
    assert!(text.contains("Average rating: — (0 ratings)"), "{text}");
    assert!(text.contains("Escalation rate: —"), "{text}");
    assert!(
        text.contains("First response: median —, 90th percentile —"),
        "{text}"
    );
}

#[test]
fn the_embed_fits_discords_limits_in_both_languages() {
    for locale in Locale::ALL {
        for stats in [busy(), empty()] {
            let embed = embed_fields(&stats, locale);
            assert_eq!(embed.fields.len(), 6, "L0, tickets, L1–L4");
            assert!(embed.fields.len() <= MAX_FIELDS);
            assert!(embed.total_chars() <= MAX_EMBED_TOTAL);
            for f in &embed.fields {
                assert!(!f.name.is_empty() && !f.value.is_empty());
                assert!(f.name.chars().count() <= MAX_FIELD_NAME);
                assert!(f.value.chars().count() <= MAX_FIELD_VALUE);
            }
        }
    }
    let embed = embed_fields(&busy(), Locale::En);
    assert_eq!(embed.fields[2].name, "L1");
    assert!(embed.fields[0].value.contains("Questions: 40"));
}

#[test]
fn a_too_long_value_is_cut_with_an_ellipsis() {
    let long = "x".repeat(2_000);
    let cut_text = cut(&long, MAX_FIELD_VALUE);
    assert_eq!(cut_text.chars().count(), MAX_FIELD_VALUE);
    assert!(cut_text.ends_with('…'));
}

#[test]
fn small_talk_has_its_own_line_only_where_it_came_up() {
    let quiet = plain_text(&busy(), Locale::En);
    assert!(!quiet.contains("Small talk"), "{quiet}");
    let mut chatty = busy();
    chatty.l0.small_talk = 3;
    let text = plain_text(&chatty, Locale::En);
    assert!(text.contains("Small talk (greetings, thanks): 3"), "{text}");
    let ru = plain_text(&chatty, Locale::Ru);
    assert!(
        ru.contains("Болтовня (приветствия, благодарности): 3"),
        "{ru}"
    );
}
