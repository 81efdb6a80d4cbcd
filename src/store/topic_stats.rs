//! `/stats` per topic (issue 14.6): tickets opened in a window, by the
//! topic chosen at intake, and how many of them are closed.

use chrono::{DateTime, Utc};

use super::convert::{ms, sf, Col};
use super::error::{Bad, Doing, StoreError};
use super::Store;
use crate::tickets::GuildId;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicCount {
    pub topic: String,
    pub opened: u64,
    pub closed: u64,
}

impl Store {
    /// Tickets opened in `[since, until)` with a topic, most first.
    pub async fn topic_counts(
        &self,
        guild: GuildId,
        since: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<Vec<TopicCount>, StoreError> {
        const DOING: &str = "counting tickets by topic";
        let rows = sqlx::query(
            "SELECT intake_topic, CAST(COUNT(*) AS BIGINT) AS opened, \
             CAST(SUM(CASE WHEN status = 'closed' THEN 1 ELSE 0 END) AS BIGINT) AS closed \
             FROM tickets WHERE guild_id = $1 AND opened_at >= $2 AND opened_at < $3 \
             AND intake_topic IS NOT NULL \
             GROUP BY intake_topic ORDER BY opened DESC, intake_topic",
        )
        .bind(sf(guild.0))
        .bind(ms(since))
        .bind(ms(until))
        .fetch_all(&self.pool)
        .await
        .doing(DOING)?;
        rows.iter()
            .map(|r| -> Result<TopicCount, Bad> {
                Ok(TopicCount {
                    topic: r.text("intake_topic")?,
                    opened: r.u64("opened")?,
                    closed: r.u64("closed")?,
                })
            })
            .collect::<Result<_, _>>()
            .doing(DOING)
    }
}
