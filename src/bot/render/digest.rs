//! The handoff digest posted in a new case thread when a ticket moves
//! between levels: everything the next level needs without scrolling.

use crate::bot::mentions;
use poise::serenity_prelude::CreateEmbed;

use super::{clip, priority_name, quote, when};
use crate::i18n::Locale;
use crate::tickets::HandoffDigest;
use crate::tr;

const FIELD_MAX: usize = 1024;

pub fn embed(locale: Locale, d: &HandoffDigest, previous_thread: Option<u64>) -> CreateEmbed {
    let title = tr!(
        locale,
        "digest-title",
        number = d.number.to_string(),
        from = d.from.to_string(),
        to = d.to.to_string()
    );
    let mut e = CreateEmbed::new()
        .title(clip(&title, 256))
        .colour(0xEB459E)
        .field(
            tr!(locale, "digest-reason"),
            clip(&quote(&d.reason), FIELD_MAX),
            false,
        )
        .field(
            tr!(locale, "digest-question"),
            clip(&quote(&d.question), FIELD_MAX),
            false,
        )
        .field(tr!(locale, "card-user"), mentions::user_tag(d.opener), true)
        .field(
            tr!(locale, "card-priority"),
            priority_name(locale, d.priority),
            true,
        );
    if let Some(topic) = super::intake::topic_line(&d.intake, true) {
        e = e.field(tr!(locale, "card-topic"), topic, true);
    }
    if let Some(by) = d.moved_by {
        e = e.field(tr!(locale, "digest-moved-by"), mentions::user_tag(by), true);
    }
    let cues: Vec<&String> = d
        .urgency_cues
        .iter()
        .chain(d.frustration_cues.iter())
        .collect();
    if !cues.is_empty() {
        let cues: Vec<String> = cues.iter().map(|c| format!("“{c}”")).collect();
        e = e.field(
            tr!(locale, "card-cues"),
            clip(&cues.join(", "), FIELD_MAX),
            false,
        );
    }
    // Intake answers at every level; kept shorter than other fields, as
    // the digest's fields share Discord's 6,000 characters.
    if let Some(answers) = super::intake::answers_text(&d.intake, 700) {
        e = e.field(tr!(locale, "card-intake"), answers, false);
    }
    let articles = if d.articles_tried.is_empty() {
        tr!(locale, "digest-none")
    } else {
        d.articles_tried
            .iter()
            .map(|a| format!("• `{a}`"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    e = e.field(
        tr!(locale, "digest-articles"),
        clip(&articles, FIELD_MAX),
        false,
    );
    if !d.last_user_messages.is_empty() {
        let lines: Vec<String> = d
            .last_user_messages
            .iter()
            .map(|q| format!("{} {}", when(q.at, 't'), clip(&q.text, 300)))
            .collect();
        e = e.field(
            tr!(locale, "digest-last-messages"),
            clip(&lines.join("\n"), FIELD_MAX),
            false,
        );
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
        e = e.field(
            tr!(locale, "digest-notes"),
            clip(&lines.join("\n"), FIELD_MAX),
            false,
        );
    }
    if let Some(th) = previous_thread {
        e = e.field(
            tr!(locale, "digest-previous"),
            mentions::channel_tag(th),
            false,
        );
    }
    e
}
