//! What the bot shows: embeds, buttons and texts, in a given language.
//! Pure functions of domain values, so they are tested without Discord.

pub mod answer;
pub mod card;
pub mod digest;
pub mod info;
pub mod intake;
pub mod names;
pub mod problems;
pub mod refusal;

use chrono::{DateTime, Utc};

use crate::i18n::Locale;
use crate::tickets::{Level, Priority, Status};
use crate::tr;

/// A Discord timestamp that each reader sees in their own time zone.
pub fn when(at: DateTime<Utc>, style: char) -> String {
    format!("<t:{}:{style}>", at.timestamp())
}

pub fn level_name(locale: Locale, level: Level) -> String {
    match level {
        Level::L1 => tr!(locale, "level-1"),
        Level::L2 => tr!(locale, "level-2"),
        Level::L3 => tr!(locale, "level-3"),
        Level::L4 => tr!(locale, "level-4"),
    }
}

pub fn status_name(locale: Locale, status: Status) -> String {
    match status {
        Status::Open => tr!(locale, "status-open"),
        Status::Resolving => tr!(locale, "status-resolving"),
        Status::Closed => tr!(locale, "status-closed"),
    }
}

pub fn priority_name(locale: Locale, priority: Priority) -> String {
    match priority {
        Priority::Normal => tr!(locale, "priority-normal"),
        Priority::Urgent => tr!(locale, "priority-urgent"),
    }
}

/// A duration as people say it: "15 min", "1 h", "1 h 30 min", "2 d".
pub fn duration(locale: Locale, d: chrono::Duration) -> String {
    let minutes = (d.num_seconds() / 60).max(1);
    let (days, hours, mins) = (minutes / 1440, (minutes % 1440) / 60, minutes % 60);
    let mut parts = Vec::new();
    if days > 0 {
        parts.push(tr!(locale, "unit-days", n = days));
    }
    if hours > 0 {
        parts.push(tr!(locale, "unit-hours", n = hours));
    }
    if mins > 0 && days == 0 {
        parts.push(tr!(locale, "unit-minutes", n = mins));
    }
    parts.join(" ")
}

/// Cuts `text` to at most `max` characters, with an ellipsis when cut.
pub fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Quotes user text as a Markdown block quote.
pub fn quote(text: &str) -> String {
    text.lines()
        .map(|l| format!("> {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    #[test]
    fn durations_read_naturally_in_both_languages() {
        assert_eq!(duration(Locale::En, Duration::minutes(15)), "15 min");
        assert_eq!(duration(Locale::En, Duration::hours(1)), "1 h");
        assert_eq!(duration(Locale::En, Duration::minutes(90)), "1 h 30 min");
        assert_eq!(duration(Locale::En, Duration::days(1)), "1 d");
        assert_eq!(duration(Locale::Ru, Duration::hours(4)), "4 ч");
    }

    #[test]
    fn clipping_keeps_short_text_and_marks_cut_text() {
        assert_eq!(clip("short", 10), "short");
        assert_eq!(clip("абвгдежз", 5), "абвг…");
    }
}
