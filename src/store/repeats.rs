//! What ran more than once: how the bench checks that several processes on
//! one database never took one outbox step or one timer twice.

use super::convert::{placeholders, sf};
use super::error::{Doing, StoreError};
use super::Store;
use crate::tickets::GuildId;

/// Outbox steps and timers of some guilds, by how often they were taken.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Repeats {
    pub steps: u64,
    pub steps_done: u64,
    pub steps_failed: u64,
    /// Taken more than once: retried after a failure, or after a runner's
    /// lease ran out (a step made so that a repeat changes nothing).
    pub steps_taken_again: u64,
    pub timers_fired: u64,
    pub timers_taken_again: u64,
}

impl Store {
    /// [`Repeats`] of the outbox steps and timers of `guilds`.
    pub async fn repeats(&self, guilds: &[GuildId]) -> Result<Repeats, StoreError> {
        const DOING: &str = "counting repeated Discord steps and timers";
        if guilds.is_empty() {
            return Ok(Repeats::default());
        }
        let list = placeholders(guilds.len());
        let steps_sql = format!(
            "SELECT COUNT(*), \
             COALESCE(SUM(CASE WHEN status = 'done' THEN 1 ELSE 0 END), 0), \
             COALESCE(SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END), 0), \
             COALESCE(SUM(CASE WHEN attempts > 1 THEN 1 ELSE 0 END), 0) \
             FROM effects WHERE guild_id IN ({list})"
        );
        let mut steps = sqlx::query_as::<_, (i64, i64, i64, i64)>(&steps_sql);
        for g in guilds {
            steps = steps.bind(sf(g.0));
        }
        let (all, done, failed, again) = steps.fetch_one(&self.pool).await.doing(DOING)?;
        let timers_sql = format!(
            "SELECT COALESCE(SUM(CASE WHEN done_at IS NOT NULL THEN 1 ELSE 0 END), 0), \
             COALESCE(SUM(CASE WHEN attempts > 1 THEN 1 ELSE 0 END), 0) \
             FROM timers WHERE guild_id IN ({list})"
        );
        let mut timers = sqlx::query_as::<_, (i64, i64)>(&timers_sql);
        for g in guilds {
            timers = timers.bind(sf(g.0));
        }
        let (fired, taken_again) = timers.fetch_one(&self.pool).await.doing(DOING)?;
        let n = |v: i64| u64::try_from(v).unwrap_or(0);
        Ok(Repeats {
            steps: n(all),
            steps_done: n(done),
            steps_failed: n(failed),
            steps_taken_again: n(again),
            timers_fired: n(fired),
            timers_taken_again: n(taken_again),
        })
    }
}
