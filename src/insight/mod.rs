//! Insight: what the bot and the command line show about how support is
//! going. Statistics as text and as a chart, ticket transcripts as HTML,
//! and the knowledge-base to-do list. Pure functions of domain data (no
//! Discord, no SQL): the bot and `supportline stats` / `kb report` feed
//! them what the store read.

pub mod chart;
pub mod format;
pub mod kb_report;
pub mod mentions;
pub mod stats_report;
pub mod transcript_html;

#[cfg(test)]
mod fixtures;

pub use chart::{ladder_chart, ChartError, CHART_SIZE};
pub use kb_report::{report as kb_report, Closest, GapReason, QuestionGroup};
pub use stats_report::{embed_fields, plain_text, EmbedField, StatsEmbed};
