//! Persisting decisions: one transaction per change, led by a conditional
//! update on the ticket's version, with the events, the Discord steps they
//! need (the outbox) and the ticket's timers.

use chrono::{DateTime, Utc};
use sqlx::AnyConnection;

use super::convert::{ms, opt_ms, sf};
use super::effects::insert_effects;
use super::error::{Doing, StoreError, TransitionError};
use super::read::{load_ticket, StoredEvent};
use super::settings::load_settings;
use super::Store;
use crate::tickets::effects;
use crate::tickets::timers::ticket_timers;
use crate::tickets::{
    ChannelId, Decision, EventId, Level, MessageId, Ticket, TicketEvent, TicketId, TimerKind,
};

/// How often [`Store::transition`] re-reads and re-decides after losing a
/// race before giving up with [`TransitionError::Busy`].
pub const MAX_TRANSITION_ATTEMPTS: usize = 8;

/// A change that was stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub before: Ticket,
    /// The ticket as stored now (its version is one higher, unless there
    /// were no events and nothing was written).
    pub after: Ticket,
    pub events: Vec<StoredEvent>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ApplyOutcome {
    Applied(Box<Change>),
    /// Someone changed the ticket since it was read; nothing was written.
    Conflict,
}

impl Store {
    /// Reads the ticket, lets `decide` choose the events (a domain
    /// transition), and stores them with a conditional update. When another
    /// change got there first, it re-reads and decides again on the new
    /// state, so the loser of two simultaneous claims gets the domain's
    /// answer "already claimed by @winner". An empty decision stores
    /// nothing and returns the ticket unchanged.
    pub async fn transition<F>(&self, id: TicketId, decide: F) -> Result<Change, TransitionError>
    where
        F: Fn(&Ticket) -> Decision,
    {
        for _ in 0..MAX_TRANSITION_ATTEMPTS {
            let ticket = self
                .ticket(id)
                .await?
                .ok_or(TransitionError::NotFound(id))?;
            let events = decide(&ticket).map_err(TransitionError::Refused)?;
            if let ApplyOutcome::Applied(change) = self.apply(&ticket, events).await? {
                return Ok(*change);
            }
        }
        Err(TransitionError::Busy(id))
    }

    /// Stores `events` decided on `before` (as read, with its version):
    /// the ticket's new state, its events and its timers in one
    /// transaction, or [`ApplyOutcome::Conflict`] if the ticket changed
    /// since. Prefer [`Store::transition`], which retries.
    pub async fn apply(
        &self,
        before: &Ticket,
        events: Vec<TicketEvent>,
    ) -> Result<ApplyOutcome, StoreError> {
        const DOING: &str = "storing a ticket change";
        if events.is_empty() {
            return Ok(ApplyOutcome::Applied(Box::new(Change {
                before: before.clone(),
                after: before.clone(),
                events: vec![],
            })));
        }
        let after = before.after(&events);
        let mut tx = self.pool.begin().await.doing(DOING)?;
        // First statement a write: SQLite takes its write lock here, and
        // PostgreSQL locks the row, so the version check cannot race.
        let updated = sqlx::query(
            "UPDATE tickets SET priority = $1, level = $2, levels_seen = $3, status = $4, \
             assignee_id = $5, user_thread_id = $6, case_card_id = $7, case_thread_id = $8, \
             case_opened_at = $9, level_reached_at = $10, first_response_at = $11, \
             sla_breached_at = $12, resolve_requested_at = $13, closed_at = $14, \
             close_reason = $15, waiting_since = $18, waiting_reminded_at = $19, \
             sla_spent_secs = $20, sla_resumed_at = $21, close_requested_at = $22, version = version + 1 \
             WHERE id = $16 AND version = $17",
        )
        .bind(after.priority.as_str())
        .bind(i64::from(after.level))
        .bind(after.levels_seen.bits())
        .bind(after.status.as_str())
        .bind(after.assignee.map(|u| sf(u.0)))
        .bind(after.user_thread.map(|c| sf(c.0)))
        .bind(after.case.map(|c| sf(c.card.0)))
        .bind(after.case.map(|c| sf(c.thread.0)))
        .bind(after.case.map(|c| ms(c.opened_at)))
        .bind(ms(after.level_reached_at))
        .bind(opt_ms(after.first_response_at))
        .bind(opt_ms(after.sla_breached_at))
        .bind(opt_ms(after.resolve_requested_at))
        .bind(opt_ms(after.closed_at))
        .bind(after.close_reason.map(|r| r.as_str()))
        .bind(before.id.0)
        .bind(before.version)
        .bind(opt_ms(after.sla_clock.waiting_since))
        .bind(opt_ms(after.sla_clock.reminded_at))
        .bind(after.sla_clock.spent.num_seconds())
        .bind(opt_ms(after.sla_clock.resumed_at))
        .bind(opt_ms(after.close_requested_at))
        .execute(&mut *tx)
        .await
        .doing(DOING)?;
        if updated.rows_affected() == 0 {
            tx.rollback().await.doing(DOING)?;
            return Ok(ApplyOutcome::Conflict);
        }
        let stored = insert_events(&mut tx, &after, &events).await?;
        let now = events.last().map_or_else(Utc::now, |e| e.at);
        // The Discord steps the change needs, in the same transaction: a
        // crash after the commit leaves them to be carried out.
        insert_effects(&mut tx, &after, &effects::needed(before, &events), now).await?;
        let after = load_ticket(&mut tx, before.id)
            .await?
            .ok_or_else(|| StoreError::Corrupt {
                doing: DOING.into(),
                detail: format!("ticket {} vanished", before.id),
            })?;
        reconcile_timers(&mut tx, &after, now).await?;
        tx.commit().await.doing(DOING)?;
        Ok(ApplyOutcome::Applied(Box::new(Change {
            before: before.clone(),
            after,
            events: stored,
        })))
    }

    /// Records the user thread the bot created for a new ticket. `false`
    /// when the ticket already has one or is closed: the bot should then
    /// delete the thread it made.
    pub async fn attach_user_thread(
        &self,
        ticket: TicketId,
        thread: ChannelId,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE tickets SET user_thread_id = $1, version = version + 1 \
             WHERE id = $2 AND user_thread_id IS NULL AND status <> 'closed'",
        )
        .bind(sf(thread.0))
        .bind(ticket.0)
        .execute(&self.pool)
        .await
        .doing("recording a ticket's user thread")?;
        Ok(done.rows_affected() == 1)
    }

    /// Records the case card and thread the bot posted for the ticket's
    /// current `level`. `false` when the ticket has moved to another level
    /// meanwhile, already has a case there, or is closed: the bot should
    /// then archive what it posted.
    pub async fn attach_case(
        &self,
        ticket: TicketId,
        level: Level,
        card: MessageId,
        thread: ChannelId,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        const DOING: &str = "recording a ticket's case thread";
        let mut tx = self.pool.begin().await.doing(DOING)?;
        let done = sqlx::query(
            "UPDATE tickets SET case_card_id = $1, case_thread_id = $2, case_opened_at = $3, \
             version = version + 1 \
             WHERE id = $4 AND level = $5 AND case_thread_id IS NULL AND status <> 'closed'",
        )
        .bind(sf(card.0))
        .bind(sf(thread.0))
        .bind(ms(now))
        .bind(ticket.0)
        .bind(i64::from(level))
        .execute(&mut *tx)
        .await
        .doing(DOING)?;
        if done.rows_affected() == 0 {
            tx.rollback().await.doing(DOING)?;
            return Ok(false);
        }
        sqlx::query(
            "INSERT INTO ticket_cases (thread_id, ticket_id, level, card_message_id, opened_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(sf(thread.0))
        .bind(ticket.0)
        .bind(i64::from(level))
        .bind(sf(card.0))
        .bind(ms(now))
        .execute(&mut *tx)
        .await
        .doing(DOING)?;
        tx.commit().await.doing(DOING)?;
        Ok(true)
    }
}

/// Appends events to the timeline; returns them with their ids.
pub(crate) async fn insert_events(
    conn: &mut AnyConnection,
    ticket: &Ticket,
    events: &[TicketEvent],
) -> Result<Vec<StoredEvent>, StoreError> {
    const DOING: &str = "appending to a ticket's timeline";
    let mut stored = Vec::with_capacity(events.len());
    for e in events {
        let data = serde_json::to_string(&e.kind).map_err(|err| StoreError::Corrupt {
            doing: DOING.into(),
            detail: err.to_string(),
        })?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO ticket_events (ticket_id, guild_id, at, actor_id, level, kind, data) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(ticket.id.0)
        .bind(sf(ticket.guild.0))
        .bind(ms(e.at))
        .bind(e.actor.map(|u| sf(u.0)))
        .bind(i64::from(e.level))
        .bind(e.kind.name())
        .bind(data)
        .fetch_one(&mut *conn)
        .await
        .doing(DOING)?;
        stored.push(StoredEvent {
            id: EventId(id),
            ticket: ticket.id,
            event: e.clone(),
        });
    }
    Ok(stored)
}

/// Makes the ticket's pending timers match what its state calls for
/// (`tickets::timers::ticket_timers`): schedules the wanted ones (once per
/// generation) and cancels the rest.
pub(crate) async fn reconcile_timers(
    conn: &mut AnyConnection,
    ticket: &Ticket,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    const DOING: &str = "rescheduling a ticket's timers";
    let settings = load_settings(conn, ticket.guild).await?;
    let wanted = ticket_timers(ticket, &settings);
    for kind in TimerKind::OF_TICKETS {
        let plan = wanted.iter().find(|p| p.kind == kind);
        // Cancel every pending timer of this kind except the wanted one
        // (i64::MIN never matches a real generation).
        let keep = plan.map_or(i64::MIN, |p| p.generation);
        sqlx::query(
            "UPDATE timers SET cancelled_at = $1 \
             WHERE kind = $2 AND guild_id = $3 AND subject_id = $4 AND generation <> $5 \
             AND done_at IS NULL AND cancelled_at IS NULL",
        )
        .bind(ms(now))
        .bind(kind.as_str())
        .bind(sf(ticket.guild.0))
        .bind(ticket.id.0)
        .bind(keep)
        .execute(&mut *conn)
        .await
        .doing(DOING)?;
        if let Some(p) = plan {
            sqlx::query(
                "INSERT INTO timers (kind, guild_id, subject_id, level, generation, due_at) \
                 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
            )
            .bind(kind.as_str())
            .bind(sf(ticket.guild.0))
            .bind(ticket.id.0)
            .bind(p.level.map(i64::from))
            .bind(p.generation)
            .bind(ms(p.due_at))
            .execute(&mut *conn)
            .await
            .doing(DOING)?;
        }
    }
    Ok(())
}
