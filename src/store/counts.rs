//! What an operator's scrape reads (`/metrics`, `/healthz`): a ping and a
//! few counts over indexed columns, cheap enough to run on every scrape.

use super::effects::EffectStatus;
use super::error::{Bad, Doing, StoreError};
use super::Store;
use crate::tickets::{Level, Status};

/// How many tickets, of every guild, sit at one level in one state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TicketCount {
    pub level: Level,
    pub status: Status,
    pub count: u64,
}

/// The work waiting in the database.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Backlog {
    pub tickets: Vec<TicketCount>,
    /// Auto-closes, SLA reminders and cooldowns not yet run or cancelled.
    pub timers_pending: u64,
    /// Outbox steps not yet done on Discord (nor refused for good).
    pub effects_pending: u64,
}

impl Store {
    /// Whether the database answers at all.
    pub async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1")
            .execute(&self.pool)
            .await
            .doing("pinging the database")?;
        Ok(())
    }

    /// Tickets by level and state, timers and outbox steps pending.
    pub async fn backlog(&self) -> Result<Backlog, StoreError> {
        let rows: Vec<(i64, String, i64)> = sqlx::query_as(
            "SELECT level, status, COUNT(*) FROM tickets GROUP BY level, status \
             ORDER BY level, status",
        )
        .fetch_all(&self.pool)
        .await
        .doing("counting tickets by level and state")?;
        let mut tickets = Vec::with_capacity(rows.len());
        for (level, status, count) in rows {
            let level = Level::try_from(level)
                .map_err(|_| Bad(format!("ticket level {level}")))
                .doing("counting tickets by level and state")?;
            let status = Status::parse(&status)
                .ok_or_else(|| Bad(format!("ticket status {status:?}")))
                .doing("counting tickets by level and state")?;
            tickets.push(TicketCount {
                level,
                status,
                count: count.max(0) as u64,
            });
        }
        let timers: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM timers WHERE done_at IS NULL AND cancelled_at IS NULL",
        )
        .fetch_one(&self.pool)
        .await
        .doing("counting pending timers")?;
        let effects: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM effects WHERE status = $1")
            .bind(EffectStatus::Pending.as_str())
            .fetch_one(&self.pool)
            .await
            .doing("counting pending Discord steps")?;
        Ok(Backlog {
            tickets,
            timers_pending: timers.max(0) as u64,
            effects_pending: effects.max(0) as u64,
        })
    }
}
