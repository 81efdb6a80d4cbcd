//! The numbers of `/stats` as text, in two shapes from one set of
//! sections: plain text for `supportline stats`, and embed fields for the
//! bot (Discord allows at most 25 fields, 256 characters per name, 1,024
//! per value and 6,000 in all).

use crate::i18n::Locale;
use crate::store::Stats;
use crate::tickets::stats::{Durations, LevelStats};
use crate::tr;

use super::format::{date, decimal, no_data, opt_duration, opt_percent, percent_of};

/// Discord's limits on an embed.
pub const MAX_FIELDS: usize = 25;
pub const MAX_FIELD_NAME: usize = 256;
pub const MAX_FIELD_VALUE: usize = 1_024;
pub const MAX_EMBED_TOTAL: usize = 6_000;
pub const MAX_TITLE: usize = 256;

/// One embed field: a title and a (multi-line) value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedField {
    pub name: String,
    pub value: String,
}

/// What `/stats` puts in its embed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatsEmbed {
    pub title: String,
    pub fields: Vec<EmbedField>,
}

impl StatsEmbed {
    /// Characters counted against Discord's 6,000 per embed.
    pub fn total_chars(&self) -> usize {
        self.title.chars().count()
            + self
                .fields
                .iter()
                .map(|f| f.name.chars().count() + f.value.chars().count())
                .sum::<usize>()
    }
}

/// A titled block of lines: L0, tickets, then one per level.
struct Section {
    title: String,
    lines: Vec<String>,
}

/// The report's title: the window and its length in days.
pub fn title(stats: &Stats, locale: Locale) -> String {
    let days = (stats.until - stats.since).num_days();
    tr!(
        locale,
        "stats-title",
        since = date(stats.since),
        until = date(stats.until),
        days = days
    )
}

fn sections(stats: &Stats, locale: Locale) -> Vec<Section> {
    let l0 = &stats.l0;
    let t = &stats.tickets;
    let mut out = vec![
        Section {
            title: tr!(locale, "stats-section-l0"),
            lines: vec![
                tr!(locale, "stats-l0-questions", count = l0.questions),
                tr!(
                    locale,
                    "stats-l0-answered",
                    count = l0.answered,
                    percent = percent_of(l0.answered, l0.questions, locale)
                ),
                tr!(
                    locale,
                    "stats-l0-confirmed",
                    count = l0.confirmed_helpful,
                    percent = percent_of(l0.confirmed_helpful, l0.answered, locale)
                ),
                tr!(locale, "stats-l0-human", count = l0.handed_to_human),
            ]
            .into_iter()
            // Only where small talk came up: most servers' reports stay as they were.
            .chain(
                (l0.small_talk > 0)
                    .then(|| tr!(locale, "stats-l0-small-talk", count = l0.small_talk)),
            )
            .collect(),
        },
        Section {
            title: tr!(locale, "stats-section-tickets"),
            lines: vec![
                tr!(
                    locale,
                    "stats-tickets-flow",
                    opened = t.opened,
                    reopened = t.reopened,
                    closed = t.closed
                ),
                tr!(
                    locale,
                    "stats-rating",
                    average = t
                        .ratings
                        .average
                        .map_or_else(|| no_data(locale), |a| decimal(a, locale)),
                    count = t.ratings.count
                ),
                tr!(locale, "stats-sla-breaches", count = t.sla_breaches),
                tr!(
                    locale,
                    "stats-waiting-on-user",
                    median = opt_duration(t.time.waiting_on_user.median, locale),
                    p90 = opt_duration(t.time.waiting_on_user.p90, locale),
                    total = opt_duration(
                        (t.time.waiting_on_user.count > 0).then_some(t.time.waiting_total),
                        locale
                    )
                ),
            ],
        },
    ];
    out.extend(
        t.levels
            .iter()
            .map(|l| level_section(l, t.time.level(l.level), locale)),
    );
    out
}

fn level_section(l: &LevelStats, stay: &Durations, locale: Locale) -> Section {
    Section {
        title: l.level.to_string(),
        lines: vec![
            tr!(
                locale,
                "stats-level-flow",
                received = l.received,
                resolved = l.resolved,
                escalated = l.escalated
            ),
            tr!(
                locale,
                "stats-level-escalation-rate",
                rate = opt_percent(l.escalation_rate, locale)
            ),
            tr!(
                locale,
                "stats-level-first-response",
                median = opt_duration(l.first_response.median, locale),
                p90 = opt_duration(l.first_response.p90, locale)
            ),
            tr!(
                locale,
                "stats-level-resolution",
                median = opt_duration(l.resolution.median, locale),
                p90 = opt_duration(l.resolution.p90, locale)
            ),
            tr!(
                locale,
                "stats-level-time",
                median = opt_duration(stay.median, locale),
                p90 = opt_duration(stay.p90, locale)
            ),
            tr!(locale, "stats-sla-breaches", count = l.sla_breaches),
        ],
    }
}

/// The report for a terminal: the title, then each section's heading and
/// its lines indented.
pub fn plain_text(stats: &Stats, locale: Locale) -> String {
    let mut out = title(stats, locale);
    out.push('\n');
    for section in sections(stats, locale) {
        out.push('\n');
        out.push_str(&section.title);
        out.push('\n');
        for line in section.lines {
            out.push_str("  ");
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// The report as an embed: one field per section (six in all), each cut
/// to Discord's limits should a translation ever grow that long.
pub fn embed_fields(stats: &Stats, locale: Locale) -> StatsEmbed {
    let fields = sections(stats, locale)
        .into_iter()
        .take(MAX_FIELDS)
        .map(|s| EmbedField {
            name: cut(&s.title, MAX_FIELD_NAME),
            value: cut(&s.lines.join("\n"), MAX_FIELD_VALUE),
        })
        .collect();
    StatsEmbed {
        title: cut(&title(stats, locale), MAX_TITLE),
        fields,
    }
}

/// At most `max` characters, with an ellipsis when cut.
fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

#[cfg(test)]
#[path = "stats_report_tests.rs"]
mod tests;
