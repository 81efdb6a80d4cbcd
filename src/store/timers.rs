//! Timers: rows with a due time, run by the scheduler of whichever process
//! takes them first. They survive restarts: a timer due while every bot
//! was down is taken at the next step.
//!
//! Running one is claim, run, finish:
//! 1. [`Store::take_due_timers`] marks due timers as taken for
//!    [`TIMER_LEASE_SECS`] with one conditional update; two processes
//!    stepping at once never take the same timer.
//! 2. The bot runs it through a domain transition (`lifecycle::sla_breach`,
//!    `lifecycle::auto_close`), which does nothing if the ticket moved on.
//! 3. [`Store::finish_timer`] marks it done.
//!
//! A process that dies between 1 and 3 leaves the timer taken; when the
//! lease ends another process takes it again, so a timer is never lost. The
//! transition's version check keeps a re-run from acting twice.

use chrono::{DateTime, Duration, Utc};
use sqlx::any::AnyRow;

use super::convert::{ms, on_shards, sf, Col};
use super::error::{Bad, Doing, StoreError};
use super::Store;
use crate::config::ShardRange;
use crate::tickets::{GuildId, Level, TicketId, TimerId, TimerKind, UserId};

/// How long a taken timer is reserved for the process that took it.
pub const TIMER_LEASE_SECS: i64 = 300;

/// What a timer is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimerSubject {
    Ticket(TicketId),
    User(UserId),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timer {
    pub id: TimerId,
    pub kind: TimerKind,
    pub guild: GuildId,
    pub subject: TimerSubject,
    /// For SLA reminders: the level whose role to ping.
    pub level: Option<Level>,
    pub generation: i64,
    pub due_at: DateTime<Utc>,
    /// How many times it has been taken (more than 1: a runner died).
    pub attempts: u32,
}

/// A timer the bot schedules itself (ticket timers are scheduled by the
/// store as tickets change).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTimer {
    pub kind: TimerKind,
    pub guild: GuildId,
    pub subject: TimerSubject,
    pub generation: i64,
    pub due_at: DateTime<Utc>,
}

const COLUMNS: &str = "id, kind, guild_id, subject_id, level, generation, due_at, attempts";

impl Store {
    /// Schedules a timer; `false` if this (kind, guild, subject,
    /// generation) was scheduled before.
    pub async fn schedule_timer(&self, t: &NewTimer) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "INSERT INTO timers (kind, guild_id, subject_id, level, generation, due_at) \
             VALUES ($1, $2, $3, NULL, $4, $5) ON CONFLICT DO NOTHING",
        )
        .bind(t.kind.as_str())
        .bind(sf(t.guild.0))
        .bind(subject_id(t.subject))
        .bind(t.generation)
        .bind(ms(t.due_at))
        .execute(&self.pool)
        .await
        .doing("scheduling a timer")?;
        Ok(done.rows_affected() == 1)
    }

    /// Takes up to `limit` timers due at `now`, earliest first, for this
    /// process: of the guilds on its `shards` (`None`: every guild), so
    /// that a guild's timers run where its events arrive. The scheduler
    /// calls it in a loop; tests call it with any `now`.
    pub async fn take_due_timers(
        &self,
        shards: Option<&ShardRange>,
        now: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<Timer>, StoreError> {
        const DOING: &str = "taking due timers";
        // The outer conditions repeat the inner ones on purpose: PostgreSQL
        // re-checks them on a row another process updated meanwhile, so the
        // slower process skips the timers the faster one took.
        let sql = format!(
            "UPDATE timers SET taken_until = $1, attempts = attempts + 1 \
             WHERE id IN (SELECT id FROM timers \
                          WHERE done_at IS NULL AND cancelled_at IS NULL AND due_at <= $2 \
                          AND (taken_until IS NULL OR taken_until <= $2){mine} \
                          ORDER BY due_at, id LIMIT $3) \
             AND done_at IS NULL AND cancelled_at IS NULL \
             AND (taken_until IS NULL OR taken_until <= $2) \
             RETURNING {COLUMNS}",
            mine = on_shards("guild_id", shards)
        );
        let rows = sqlx::query(&sql)
            .bind(ms(now + Duration::seconds(TIMER_LEASE_SECS)))
            .bind(ms(now))
            .bind(i64::from(limit))
            .fetch_all(&self.pool)
            .await
            .doing(DOING)?;
        let mut timers: Vec<Timer> = rows
            .iter()
            .map(timer_from_row)
            .collect::<Result<_, _>>()
            .doing(DOING)?;
        timers.sort_by_key(|t| (t.due_at, t.id));
        Ok(timers)
    }

    /// Marks a taken timer done; `false` if it was already done or was
    /// cancelled while it ran (a row is done or cancelled, never both).
    pub async fn finish_timer(&self, id: TimerId, now: DateTime<Utc>) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE timers SET done_at = $1 WHERE id = $2 AND done_at IS NULL \
             AND cancelled_at IS NULL",
        )
        .bind(ms(now))
        .bind(id.0)
        .execute(&self.pool)
        .await
        .doing("finishing a timer")?;
        Ok(done.rows_affected() == 1)
    }

    /// Cancels the pending timers of `kind` about `subject`. Returns how many.
    pub async fn cancel_timers(
        &self,
        kind: TimerKind,
        guild: GuildId,
        subject: TimerSubject,
        now: DateTime<Utc>,
    ) -> Result<u64, StoreError> {
        let done = sqlx::query(
            "UPDATE timers SET cancelled_at = $1 WHERE kind = $2 AND guild_id = $3 \
             AND subject_id = $4 AND done_at IS NULL AND cancelled_at IS NULL",
        )
        .bind(ms(now))
        .bind(kind.as_str())
        .bind(sf(guild.0))
        .bind(subject_id(subject))
        .execute(&self.pool)
        .await
        .doing("cancelling timers")?;
        Ok(done.rows_affected())
    }

    /// A ticket's timers that are neither done nor cancelled.
    pub async fn pending_timers(&self, ticket: TicketId) -> Result<Vec<Timer>, StoreError> {
        const DOING: &str = "loading a ticket's timers";
        let sql = format!(
            "SELECT {COLUMNS} FROM timers WHERE subject_id = $1 AND kind IN ('auto_close', 'sla_reminder', 'waiting_reminder', 'waiting_close') \
             AND done_at IS NULL AND cancelled_at IS NULL ORDER BY due_at, id"
        );
        let rows = sqlx::query(&sql)
            .bind(ticket.0)
            .fetch_all(&self.pool)
            .await
            .doing(DOING)?;
        rows.iter()
            .map(timer_from_row)
            .collect::<Result<_, _>>()
            .doing(DOING)
    }
}

fn subject_id(subject: TimerSubject) -> i64 {
    match subject {
        TimerSubject::Ticket(t) => t.0,
        TimerSubject::User(u) => sf(u.0),
    }
}

fn timer_from_row(row: &AnyRow) -> Result<Timer, Bad> {
    let kind = row.parsed("kind", TimerKind::parse)?;
    let subject_id = row.i64("subject_id")?;
    let subject = match kind {
        TimerKind::AutoClose
        | TimerKind::SlaReminder
        | TimerKind::WaitingReminder
        | TimerKind::WaitingClose => TimerSubject::Ticket(TicketId(subject_id)),
        TimerKind::CooldownExpiry => TimerSubject::User(UserId(subject_id as u64)),
    };
    let level = match row.opt_i64("level")? {
        None => None,
        Some(n) => Some(Level::try_from(n).map_err(|e| Bad(format!("level: {e}")))?),
    };
    Ok(Timer {
        id: TimerId(row.i64("id")?),
        kind,
        guild: GuildId(row.u64("guild_id")?),
        subject,
        level,
        generation: row.i64("generation")?,
        due_at: row.time("due_at")?,
        attempts: u32::try_from(row.i64("attempts")?).unwrap_or(u32::MAX),
    })
}
