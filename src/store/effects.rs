//! The outbox: Discord steps written with the change that needs them, in
//! its transaction (`apply`, `open_ticket`), then carried out by the bot.
//!
//! A ticket's steps run one at a time, in the order they were written:
//! [`Store::take_effect`] hands out only the oldest pending step of a
//! ticket, under a lease of [`EFFECT_LEASE_SECS`] taken with one
//! conditional update, so two processes never run one step and a later
//! step never overtakes an earlier one. A runner that dies lets its lease
//! expire; the next one carries on, from the `progress` the step saved.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use sqlx::any::AnyRow;
use sqlx::AnyConnection;

use super::convert::{ms, on_shards, sf, Col};
use super::error::{Bad, Doing, StoreError};
use super::Store;
use crate::config::ShardRange;
use crate::tickets::{Effect, EffectId, GuildId, Ticket, TicketId};

/// How long a taken step is reserved for the runner that took it.
pub const EFFECT_LEASE_SECS: i64 = 30;

/// What a step has made so far (`"card" → message id`), so that a retry
/// finds it instead of making it again.
pub type Progress = BTreeMap<String, u64>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EffectStatus {
    Pending,
    Done,
    /// Discord refused it for good (missing permission, unknown channel):
    /// reported, never retried.
    Failed,
}

impl EffectStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            EffectStatus::Pending => "pending",
            EffectStatus::Done => "done",
            EffectStatus::Failed => "failed",
        }
    }

    pub fn parse(s: &str) -> Option<EffectStatus> {
        [
            EffectStatus::Pending,
            EffectStatus::Done,
            EffectStatus::Failed,
        ]
        .into_iter()
        .find(|st| st.as_str() == s)
    }
}

/// A step as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredEffect {
    pub id: EffectId,
    pub ticket: TicketId,
    pub guild: GuildId,
    pub effect: Effect,
    pub progress: Progress,
    pub status: EffectStatus,
    /// How many times it was taken (more than 1: retried).
    pub attempts: u32,
    pub last_error: Option<String>,
    /// Not to be tried before (a retry's backoff).
    pub next_at: DateTime<Utc>,
    /// Reserved for the runner that took it until then.
    pub taken_until: Option<DateTime<Utc>>,
}

const COLUMNS: &str =
    "id, ticket_id, guild_id, data, progress, status, attempts, last_error, next_at, taken_until";

/// Writes `effects` for `ticket` (inside the caller's transaction).
pub(crate) async fn insert_effects(
    conn: &mut AnyConnection,
    ticket: &Ticket,
    effects: &[Effect],
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    const DOING: &str = "writing a ticket's Discord steps";
    for e in effects {
        let data = serde_json::to_string(e).map_err(|err| StoreError::Corrupt {
            doing: DOING.into(),
            detail: err.to_string(),
        })?;
        sqlx::query(
            "INSERT INTO effects (ticket_id, guild_id, kind, data, next_at, created_at) \
             VALUES ($1, $2, $3, $4, $5, $5)",
        )
        .bind(ticket.id.0)
        .bind(sf(ticket.guild.0))
        .bind(e.name())
        .bind(data)
        .bind(ms(now))
        .execute(&mut *conn)
        .await
        .doing(DOING)?;
    }
    Ok(())
}

impl Store {
    /// Takes the oldest pending step of `ticket` if it is due and nobody
    /// holds it; `None` when there is none, it waits for a retry, or
    /// another runner has it (which then runs the rest too).
    pub async fn take_effect(
        &self,
        ticket: TicketId,
        now: DateTime<Utc>,
    ) -> Result<Option<StoredEffect>, StoreError> {
        const DOING: &str = "taking a ticket's next Discord step";
        // The outer conditions are checked again by PostgreSQL on a row
        // another process updated meanwhile: the slower one gets nothing.
        let sql = format!(
            "UPDATE effects SET taken_until = $1, attempts = attempts + 1 \
             WHERE id = (SELECT id FROM effects WHERE ticket_id = $2 AND status = 'pending' \
                         ORDER BY id LIMIT 1) \
             AND status = 'pending' AND next_at <= $3 \
             AND (taken_until IS NULL OR taken_until <= $3) \
             RETURNING {COLUMNS}"
        );
        let row = sqlx::query(&sql)
            .bind(ms(now + Duration::seconds(EFFECT_LEASE_SECS)))
            .bind(ticket.0)
            .bind(ms(now))
            .fetch_optional(&self.pool)
            .await
            .doing(DOING)?;
        row.as_ref().map(effect_from_row).transpose().doing(DOING)
    }

    /// Remembers what a taken step has made so far.
    pub async fn save_progress(&self, id: EffectId, progress: &Progress) -> Result<(), StoreError> {
        let json = serde_json::to_string(progress).unwrap_or_else(|_| "{}".into());
        sqlx::query("UPDATE effects SET progress = $1 WHERE id = $2")
            .bind(json)
            .bind(id.0)
            .execute(&self.pool)
            .await
            .doing("saving a Discord step's progress")?;
        Ok(())
    }

    /// The step is carried out.
    pub async fn finish_effect(&self, id: EffectId, now: DateTime<Utc>) -> Result<(), StoreError> {
        self.end_effect(id, EffectStatus::Done, now, None).await
    }

    /// Discord refused the step for good: it stays failed, with why.
    pub async fn fail_effect(
        &self,
        id: EffectId,
        now: DateTime<Utc>,
        error: &str,
    ) -> Result<(), StoreError> {
        self.end_effect(id, EffectStatus::Failed, now, Some(error))
            .await
    }

    async fn end_effect(
        &self,
        id: EffectId,
        status: EffectStatus,
        now: DateTime<Utc>,
        error: Option<&str>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE effects SET status = $1, finished_at = $2, taken_until = NULL, \
             last_error = COALESCE($3, last_error) WHERE id = $4 AND status = 'pending'",
        )
        .bind(status.as_str())
        .bind(ms(now))
        .bind(error)
        .bind(id.0)
        .execute(&self.pool)
        .await
        .doing("finishing a Discord step")?;
        Ok(())
    }

    /// The step failed for now: released, to be taken again at `next_at`.
    pub async fn retry_effect(
        &self,
        id: EffectId,
        next_at: DateTime<Utc>,
        error: &str,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE effects SET taken_until = NULL, next_at = $1, last_error = $2 \
             WHERE id = $3 AND status = 'pending'",
        )
        .bind(ms(next_at))
        .bind(error)
        .bind(id.0)
        .execute(&self.pool)
        .await
        .doing("postponing a Discord step")?;
        Ok(())
    }

    /// Makes the ticket's pending steps due now, whatever their backoff
    /// (the person is back and waiting).
    pub async fn hurry_effects(
        &self,
        ticket: TicketId,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE effects SET next_at = $1 WHERE ticket_id = $2 AND status = 'pending' \
             AND next_at > $1",
        )
        .bind(ms(now))
        .bind(ticket.0)
        .execute(&self.pool)
        .await
        .doing("hurrying a ticket's Discord steps")?;
        Ok(())
    }

    /// Writes steps for a ticket outside a transition (the reconciler's
    /// repairs: a case missing from its level, a card to refresh).
    pub async fn add_effects(
        &self,
        ticket: &Ticket,
        effects: &[Effect],
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let mut conn = self.conn().await?;
        insert_effects(&mut conn, ticket, effects, now).await
    }

    /// Tickets whose oldest pending step is due and free, oldest ticket
    /// first, in the guilds on `shards` (`None`: every guild): what a
    /// sweep (the scheduler, the start-up) carries on with. A guild's steps
    /// are run by the process its events reach.
    pub async fn tickets_with_due_effects(
        &self,
        shards: Option<&ShardRange>,
        now: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<TicketId>, StoreError> {
        let sql = format!(
            "SELECT e.ticket_id FROM effects e WHERE e.status = 'pending' \
             AND e.id = (SELECT MIN(h.id) FROM effects h \
                         WHERE h.ticket_id = e.ticket_id AND h.status = 'pending') \
             AND e.next_at <= $1 AND (e.taken_until IS NULL OR e.taken_until <= $1){} \
             ORDER BY e.ticket_id LIMIT $2",
            on_shards("e.guild_id", shards)
        );
        let ids: Vec<i64> = sqlx::query_scalar(&sql)
            .bind(ms(now))
            .bind(i64::from(limit))
            .fetch_all(&self.pool)
            .await
            .doing("finding tickets with Discord steps to run")?;
        Ok(ids.into_iter().map(TicketId).collect())
    }

    /// Every step of a ticket, in order.
    pub async fn effects(&self, ticket: TicketId) -> Result<Vec<StoredEffect>, StoreError> {
        const DOING: &str = "loading a ticket's Discord steps";
        let sql = format!("SELECT {COLUMNS} FROM effects WHERE ticket_id = $1 ORDER BY id");
        let rows = sqlx::query(&sql)
            .bind(ticket.0)
            .fetch_all(&self.pool)
            .await
            .doing(DOING)?;
        rows.iter()
            .map(effect_from_row)
            .collect::<Result<_, _>>()
            .doing(DOING)
    }
}

fn effect_from_row(row: &AnyRow) -> Result<StoredEffect, Bad> {
    Ok(StoredEffect {
        id: EffectId(row.i64("id")?),
        ticket: TicketId(row.i64("ticket_id")?),
        guild: GuildId(row.u64("guild_id")?),
        effect: serde_json::from_str(&row.text("data")?)?,
        progress: serde_json::from_str(&row.text("progress")?)?,
        status: row.parsed("status", EffectStatus::parse)?,
        attempts: u32::try_from(row.i64("attempts")?).unwrap_or(u32::MAX),
        last_error: row.opt_text("last_error")?,
        next_at: row.time("next_at")?,
        taken_until: row.opt_time("taken_until")?,
    })
}
