//! `/stats`: L0 counts in SQL, ticket numbers computed in Rust from the
//! timelines (`tickets::stats`).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::convert::{ms, sf};
use super::error::{Doing, StoreError};
use super::read::event_from_row;
use super::Store;
use crate::tickets::stats::{compute, TicketStats};
use crate::tickets::{GuildId, TicketEvent};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct L0Stats {
    /// Questions L0 received.
    pub questions: u64,
    /// Answered with a confident article.
    pub answered: u64,
    /// The user clicked "Solved".
    pub confirmed_helpful: u64,
    /// The user clicked "Talk to a human".
    pub handed_to_human: u64,
    /// Small talk ("hi", "thanks"), replied to in kind (counted in
    /// `questions`, never in `answered`).
    pub small_talk: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stats {
    pub since: DateTime<Utc>,
    pub until: DateTime<Utc>,
    pub l0: L0Stats,
    pub tickets: TicketStats,
}

impl Store {
    /// Guilds with an L0 question or a ticket event in `[since, until)`,
    /// in id order (for `supportline stats` across every server).
    pub async fn active_guilds(
        &self,
        since: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<Vec<GuildId>, StoreError> {
        let ids: Vec<i64> = sqlx::query_scalar(
            "SELECT guild_id FROM l0_exchanges WHERE asked_at >= $1 AND asked_at < $2 \
             UNION SELECT guild_id FROM ticket_events WHERE at >= $1 AND at < $2",
        )
        .bind(ms(since))
        .bind(ms(until))
        .fetch_all(&self.pool)
        .await
        .doing("listing active guilds")?;
        let mut guilds: Vec<GuildId> = ids.into_iter().map(|id| GuildId(id as u64)).collect();
        guilds.sort();
        guilds.dedup();
        Ok(guilds)
    }

    /// When the newest question or ticket event happened, by the clock of
    /// the bot that recorded it (a sandbox's clock moves with `wait`).
    pub async fn latest_activity(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        let newest: Option<i64> = sqlx::query_scalar(
            "SELECT MAX(at) FROM (SELECT MAX(asked_at) AS at FROM l0_exchanges \
             UNION ALL SELECT MAX(at) AS at FROM ticket_events) AS latest",
        )
        .fetch_one(&self.pool)
        .await
        .doing("finding the newest activity")?;
        Ok(newest.and_then(DateTime::<Utc>::from_timestamp_millis))
    }

    /// The numbers of `/stats` for `[since, until)`.
    pub async fn stats(
        &self,
        guild: GuildId,
        since: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<Stats, StoreError> {
        const DOING: &str = "computing statistics";
        // COUNT, not SUM: SUM of a BIGINT is NUMERIC in PostgreSQL, which
        // the Any driver cannot read.
        let (questions, answered, solved, human, small_talk): (i64, i64, i64, i64, i64) =
            sqlx::query_as(
                "SELECT COUNT(*), \
             COUNT(CASE WHEN answered = 1 THEN 1 END), \
             COUNT(CASE WHEN click = 'solved' THEN 1 END), \
             COUNT(CASE WHEN click = 'human' THEN 1 END), \
             COUNT(CASE WHEN small_talk IS NOT NULL THEN 1 END) \
             FROM l0_exchanges WHERE guild_id = $1 AND asked_at >= $2 AND asked_at < $3",
            )
            .bind(sf(guild.0))
            .bind(ms(since))
            .bind(ms(until))
            .fetch_one(&self.pool)
            .await
            .doing(DOING)?;

        // The whole history of every ticket with an event in the window.
        let rows = sqlx::query(
            "SELECT id, ticket_id, at, actor_id, level, data FROM ticket_events \
             WHERE ticket_id IN (SELECT DISTINCT ticket_id FROM ticket_events \
                                 WHERE guild_id = $1 AND at >= $2 AND at < $3) \
             ORDER BY ticket_id, id",
        )
        .bind(sf(guild.0))
        .bind(ms(since))
        .bind(ms(until))
        .fetch_all(&self.pool)
        .await
        .doing(DOING)?;
        let mut histories: BTreeMap<i64, Vec<TicketEvent>> = BTreeMap::new();
        for row in &rows {
            let stored = event_from_row(row).doing(DOING)?;
            histories
                .entry(stored.ticket.0)
                .or_default()
                .push(stored.event);
        }
        let histories: Vec<Vec<TicketEvent>> = histories.into_values().collect();

        let count = |n: i64| u64::try_from(n).unwrap_or(0);
        Ok(Stats {
            since,
            until,
            l0: L0Stats {
                questions: count(questions),
                answered: count(answered),
                confirmed_helpful: count(solved),
                handed_to_human: count(human),
                small_talk: count(small_talk),
            },
            tickets: compute(&histories, since, until),
        })
    }
}
