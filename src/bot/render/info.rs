//! `/ticket info` and `/ticket queue`.

use crate::bot::mentions;
use poise::serenity_prelude::CreateEmbed;

use super::{clip, level_name, status_name, when};
use crate::i18n::Locale;
use crate::tickets::{Level, Ticket};
use crate::tr;

/// The ticket as its reader may see it: staff get the case threads too.
pub fn embed(locale: Locale, t: &Ticket, for_staff: bool) -> CreateEmbed {
    let mut e = super::card::embed(locale, t);
    if for_staff {
        let cases: Vec<String> = t
            .all_cases()
            .map(|c| format!("{} <#{}>", c.level, c.thread))
            .collect();
        if !cases.is_empty() {
            e = e.field(
                tr!(locale, "info-cases"),
                clip(&cases.join(" → "), 1024),
                false,
            );
        }
    }
    e
}

pub fn queue(locale: Locale, level: Level, tickets: &[Ticket]) -> String {
    if tickets.is_empty() {
        return tr!(locale, "queue-empty", level = level.to_string());
    }
    let mut lines = vec![tr!(
        locale,
        "queue-title",
        level = level.to_string(),
        name = level_name(locale, level),
        count = tickets.len()
    )];
    for t in tickets {
        let who = match t.assignee {
            Some(a) => mentions::user_tag(a),
            None => tr!(locale, "card-nobody"),
        };
        // The case thread's name is "#N subject": its link names the
        // ticket once; without a case, the number and subject do.
        let ticket = match &t.case {
            Some(c) => mentions::channel_tag(c.thread),
            None => format!("**{}** {}", t.number, clip(&t.subject, 60)),
        };
        let mut line = format!(
            "{ticket} · {} · {} · {}",
            status_name(locale, t.status),
            who,
            when(t.level_reached_at, 'R'),
        );
        // The topic and the team it routed to (issue 14.1).
        if let Some(topic) = super::intake::topic_line(&t.intake, true) {
            line.push_str(" · ");
            line.push_str(&topic);
        }
        lines.push(line);
    }
    clip(&lines.join("\n"), 1900)
}
