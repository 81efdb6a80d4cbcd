//! The handoff digest posted in a new case thread when a ticket moves
//! between levels: everything the next level needs without scrolling.

use crate::bot::mentions;
use poise::serenity_prelude::CreateEmbed;

use super::{clip, priority_name, quote, when};
use crate::i18n::Locale;
use crate::tickets::HandoffDigest;
use crate::tr;

const FIELD_MAX: usize = 1024;

/// `readable`: whether the bot can read the user's messages at all (the
/// Message Content intent); if not, the digest says so.
pub fn embed(
    locale: Locale,
    d: &HandoffDigest,
    previous_thread: Option<u64>,
    readable: bool,
) -> CreateEmbed {
    let title = tr!(
        locale,
        "digest-title",
        number = d.number.to_string(),
        from = d.from.to_string(),
        to = d.to.to_string()
    );
    let title = clip(&title, 256);
    let mut fields: Vec<Field> = vec![
        (
            tr!(locale, "digest-reason"),
            clip(&quote(&d.reason), FIELD_MAX),
            false,
        ),
        (
            tr!(locale, "digest-question"),
            clip(&quote(&d.question), FIELD_MAX),
            false,
        ),
        (tr!(locale, "card-user"), mentions::user_tag(d.opener), true),
        (
            tr!(locale, "card-priority"),
            priority_name(locale, d.priority),
            true,
        ),
    ];
    if let Some(topic) = super::intake::topic_line(&d.intake, true) {
        fields.push((tr!(locale, "card-topic"), topic, true));
    }
    if let Some(by) = d.moved_by {
        fields.push((tr!(locale, "digest-moved-by"), mentions::user_tag(by), true));
    }
    let cues: Vec<&String> = d
        .urgency_cues
        .iter()
        .chain(d.frustration_cues.iter())
        .collect();
    if !cues.is_empty() {
        let cues: Vec<String> = cues.iter().map(|c| format!("“{c}”")).collect();
        fields.push((
            tr!(locale, "card-cues"),
            clip(&cues.join(", "), FIELD_MAX),
            false,
        ));
    }
    // Intake answers at every level; kept shorter than other fields, as
    // the digest's fields share Discord's 6,000 characters.
    if let Some(answers) = super::intake::answers_text(&d.intake, 700) {
        fields.push((tr!(locale, "card-intake"), answers, false));
    }
    let articles = if d.articles_tried.is_empty() {
        tr!(locale, "digest-none")
    } else {
        d.articles_tried
            .iter()
            .map(|a| format!("• {a}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    fields.push((
        tr!(locale, "digest-articles"),
        clip(&articles, FIELD_MAX),
        false,
    ));
    if d.last_user_messages.is_empty() && !readable {
        // Not "no messages": Discord hid them from the bot.
        fields.push((
            tr!(locale, "digest-last-messages"),
            tr!(locale, "digest-messages-unreadable"),
            false,
        ));
    }
    if !d.last_user_messages.is_empty() {
        let lines: Vec<String> = d
            .last_user_messages
            .iter()
            .map(|q| format!("{} {}", when(q.at, 't'), clip(&q.text, 300)))
            .collect();
        fields.push((
            tr!(locale, "digest-last-messages"),
            clip(&lines.join("\n"), FIELD_MAX),
            false,
        ));
    }
    if !d.notes.is_empty() {
        let lines: Vec<String> = d
            .notes
            .iter()
            .map(|n| {
                let author = n.author.map(mentions::user_tag).unwrap_or_default();
                format!("{} {author}: {}", n.level, clip(&n.text, 300))
            })
            .collect();
        fields.push((
            tr!(locale, "digest-notes"),
            clip(&lines.join("\n"), FIELD_MAX),
            false,
        ));
    }
    if let Some(th) = previous_thread {
        fields.push((
            tr!(locale, "digest-previous"),
            mentions::channel_tag(th),
            false,
        ));
    }
    fit_embed_total(chars(&title), &mut fields);
    fields.into_iter().fold(
        CreateEmbed::new().title(title).colour(0xEB459E),
        |e, (name, value, inline)| e.field(name, value, inline),
    )
}

/// A field: name, value, inline.
type Field = (String, String, bool);

/// Discord refuses a message whose embeds hold more than 6,000 characters
/// in all (50035), and every field may be near its own 1,024: the longest
/// values give way, a little each, until the digest fits. A margin under
/// the limit, as Discord does not say how it counts characters beyond the
/// basic plane.
const EMBED_TOTAL_BUDGET: usize = 5_900;

fn chars(text: &str) -> usize {
    text.chars().count()
}

fn fit_embed_total(title: usize, fields: &mut [Field]) {
    loop {
        let total: usize = title
            + fields
                .iter()
                .map(|(n, v, _)| chars(n) + chars(v))
                .sum::<usize>();
        let excess = total.saturating_sub(EMBED_TOTAL_BUDGET);
        let Some(longest) = fields.iter_mut().max_by_key(|f| chars(&f.1)) else {
            return;
        };
        let len = chars(&longest.1);
        // Nothing left over, or nothing left worth clipping.
        if excess == 0 || len <= 200 {
            return;
        }
        longest.1 = clip(&longest.1, len - excess.min(len / 2));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tickets::handoff::DigestNote;
    use crate::tickets::{Level, Priority, Quote, TicketNumber, UserId};

    #[test]
    fn a_digest_with_every_field_at_its_longest_fits_discords_6000_characters() {
        let long = "x".repeat(3000);
        let at = chrono::DateTime::from_timestamp(1_700_000_000, 0).unwrap();
        let d = HandoffDigest {
            number: TicketNumber(7),
            opener: UserId(1),
            priority: Priority::Urgent,
            urgency_cues: vec![long.clone(); 5],
            frustration_cues: vec![long.clone(); 5],
            question: long.clone(),
            articles_tried: vec![long.clone(); 5],
            last_user_messages: (0..10)
                .map(|_| Quote {
                    at,
                    text: long.clone(),
                })
                .collect(),
            notes: (0..10)
                .map(|_| DigestNote {
                    level: Level::L1,
                    author: Some(UserId(2)),
                    at,
                    text: long.clone(),
                })
                .collect(),
            from: Level::L1,
            to: Level::L2,
            moved_by: Some(UserId(2)),
            reason: long.clone(),
            intake: Default::default(),
        };
        let json = serde_json::to_value(embed(Locale::Ru, &d, Some(5), true)).unwrap();
        let text = |v: &serde_json::Value| v.as_str().map(chars).unwrap_or(0);
        let total = text(&json["title"])
            + json["fields"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| text(&f["name"]) + text(&f["value"]))
                .sum::<usize>();
        assert!(total <= 6000, "{total} characters");
        // Everything is still there, only shorter.
        assert_eq!(json["fields"].as_array().unwrap().len(), 10);
    }
}
