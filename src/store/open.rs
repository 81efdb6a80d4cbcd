//! Opening a ticket: idempotent, and with the per-user limit and cooldown
//! enforced by the database, in one transaction.

use chrono::{DateTime, Utc};
use sqlx::AnyConnection;

use super::apply::{insert_events, reconcile_timers};
use super::convert::{ms, sf};
use super::effects::insert_effects;
use super::error::{Doing, StoreError};
use super::read::{load_ticket, tickets_from_rows, TICKET_COLUMNS};
use super::settings::load_settings;
use super::Store;
use crate::tickets::{
    effects, retry_at, EventKind, Level, LevelSet, NewTicket, Status, Ticket, TicketEvent,
    TicketId, TicketSource,
};

/// Idempotency keys of openings are stored as `open:` + the caller's key,
/// apart from the keys of [`Store::claim_key`].
pub const OPEN_KEY_PREFIX: &str = "open:";

#[derive(Debug, Clone, PartialEq)]
pub enum OpenOutcome {
    Opened(Ticket),
    /// This key or this source already opened a ticket (a replayed event,
    /// a double click): that ticket, unchanged.
    AlreadyOpened(Ticket),
    /// The user has `limit` tickets open already: these.
    LimitReached {
        limit: u32,
        open: Vec<Ticket>,
    },
    /// The user opened a ticket too recently; they may again at `until`.
    Cooldown {
        until: DateTime<Utc>,
    },
    /// The user opened `limit` tickets in the last 24 hours (the server's
    /// rate limit); they may again at `until`.
    DailyLimit {
        limit: u32,
        until: DateTime<Utc>,
    },
}

impl Store {
    /// Opens a ticket at L1 unless `idempotency_key` (the interaction or
    /// gateway event id) or the ticket's source already opened one, the
    /// user is at their open-ticket limit, or in their cooldown. Schedules
    /// the L1 SLA reminder. The bot then creates the user thread and case
    /// and records them with `attach_user_thread` / `attach_case`.
    pub async fn open_ticket(
        &self,
        new: NewTicket,
        idempotency_key: &str,
        now: DateTime<Utc>,
    ) -> Result<OpenOutcome, StoreError> {
        const DOING: &str = "opening a ticket";
        let key = format!("{OPEN_KEY_PREFIX}{idempotency_key}");
        let mut tx = self.pool.begin().await.doing(DOING)?;

        // 1. The key. A second transaction with the same key waits here
        //    until the first commits or rolls back.
        let fresh = sqlx::query(
            "INSERT INTO idempotency_keys (idem_key, ticket_id, created_at) VALUES ($1, NULL, $2) \
             ON CONFLICT DO NOTHING",
        )
        .bind(&key)
        .bind(ms(now))
        .execute(&mut *tx)
        .await
        .doing(DOING)?;
        if fresh.rows_affected() == 0 {
            let id: Option<i64> =
                sqlx::query_scalar("SELECT ticket_id FROM idempotency_keys WHERE idem_key = $1")
                    .bind(&key)
                    .fetch_one(&mut *tx)
                    .await
                    .doing(DOING)?;
            tx.rollback().await.doing(DOING)?;
            let ticket = match id {
                Some(id) => self.ticket(TicketId(id)).await?,
                None => None,
            };
            return ticket
                .map(OpenOutcome::AlreadyOpened)
                .ok_or_else(|| StoreError::Corrupt {
                    doing: DOING.into(),
                    detail: format!("idempotency key {key:?} without a ticket"),
                });
        }

        // 2. Lock this user's row: from here on, their openings are one at
        //    a time in every process, and each sees the one before.
        let last_opened: Option<i64> = sqlx::query_scalar(
            "INSERT INTO user_openings (guild_id, user_id, last_opened_at) VALUES ($1, $2, NULL) \
             ON CONFLICT (guild_id, user_id) DO UPDATE SET last_opened_at = user_openings.last_opened_at \
             RETURNING last_opened_at",
        )
        .bind(sf(new.guild.0))
        .bind(sf(new.opener.0))
        .fetch_one(&mut *tx)
        .await
        .doing(DOING)?;

        // 3. Refusals, most helpful first.
        let open = open_for_user(&mut tx, &new).await?;
        if let Some(same) = open.iter().find(|t| t.source == new.source) {
            let same = same.clone();
            tx.rollback().await.doing(DOING)?;
            return Ok(OpenOutcome::AlreadyOpened(same));
        }
        let settings = load_settings(&mut tx, new.guild).await?;
        if open.len() >= settings.ticket_limit as usize {
            tx.rollback().await.doing(DOING)?;
            let limit = settings.ticket_limit;
            return Ok(OpenOutcome::LimitReached { limit, open });
        }
        if let Some(last) = last_opened.and_then(DateTime::from_timestamp_millis) {
            let until = last + settings.cooldown;
            if now < until {
                tx.rollback().await.doing(DOING)?;
                return Ok(OpenOutcome::Cooldown { until });
            }
        }

        let per_day = settings.service.tickets_per_day;
        if let Some(until) = daily_retry(&mut tx, &new, per_day, now).await? {
            tx.rollback().await.doing(DOING)?;
            return Ok(OpenOutcome::DailyLimit {
                limit: per_day,
                until,
            });
        }

        // 4. Open it.
        let ticket = insert_ticket(&mut tx, &new, now).await?;
        let opened = TicketEvent {
            at: now,
            actor: Some(new.opener),
            level: Level::L1,
            kind: EventKind::Opened {
                priority: new.priority,
            },
        };
        insert_events(&mut tx, &ticket, &[opened]).await?;
        sqlx::query(
            "UPDATE user_openings SET last_opened_at = $1 WHERE guild_id = $2 AND user_id = $3",
        )
        .bind(ms(now))
        .bind(sf(new.guild.0))
        .bind(sf(new.opener.0))
        .execute(&mut *tx)
        .await
        .doing(DOING)?;
        sqlx::query("UPDATE idempotency_keys SET ticket_id = $1 WHERE idem_key = $2")
            .bind(ticket.id.0)
            .bind(&key)
            .execute(&mut *tx)
            .await
            .doing(DOING)?;
        if let TicketSource::L0Exchange(exchange) = new.source {
            sqlx::query("UPDATE l0_exchanges SET ticket_id = $1 WHERE id = $2 AND guild_id = $3")
                .bind(ticket.id.0)
                .bind(exchange.0)
                .bind(sf(new.guild.0))
                .execute(&mut *tx)
                .await
                .doing(DOING)?;
        }
        insert_effects(&mut tx, &ticket, &effects::opening(), now).await?;
        reconcile_timers(&mut tx, &ticket, now).await?;
        tx.commit().await.doing(DOING)?;
        Ok(OpenOutcome::Opened(ticket))
    }
}

/// When the user may open a ticket again under a limit of `per_day`
/// tickets in 24 hours (counted in the user's row lock, so two processes
/// agree); `None` when they may now or there is no limit.
async fn daily_retry(
    conn: &mut AnyConnection,
    new: &NewTicket,
    per_day: u32,
    now: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, StoreError> {
    const DOING: &str = "counting a user's tickets of the day";
    if per_day == 0 {
        return Ok(None);
    }
    let day = chrono::Duration::days(1);
    let rows: Vec<i64> = sqlx::query_scalar(
        "SELECT opened_at FROM tickets WHERE guild_id = $1 AND opener_id = $2          AND opened_at > $3 ORDER BY opened_at",
    )
    .bind(sf(new.guild.0))
    .bind(sf(new.opener.0))
    .bind(ms(now - day))
    .fetch_all(&mut *conn)
    .await
    .doing(DOING)?;
    let times: Vec<DateTime<Utc>> = rows
        .into_iter()
        .filter_map(DateTime::from_timestamp_millis)
        .collect();
    Ok(retry_at(&times, per_day, day))
}

async fn open_for_user(
    conn: &mut AnyConnection,
    new: &NewTicket,
) -> Result<Vec<Ticket>, StoreError> {
    const DOING: &str = "checking a user's open tickets";
    let sql = format!(
        "SELECT {TICKET_COLUMNS} FROM tickets \
         WHERE guild_id = $1 AND opener_id = $2 AND status <> 'closed' ORDER BY opened_at, id"
    );
    let rows = sqlx::query(&sql)
        .bind(sf(new.guild.0))
        .bind(sf(new.opener.0))
        .fetch_all(&mut *conn)
        .await
        .doing(DOING)?;
    tickets_from_rows(conn, &rows, DOING).await
}

/// Takes the guild's next number and inserts the ticket at L1.
async fn insert_ticket(
    conn: &mut AnyConnection,
    new: &NewTicket,
    now: DateTime<Utc>,
) -> Result<Ticket, StoreError> {
    const DOING: &str = "storing a new ticket";
    // Taken last: the counter row is the one lock every opening in the
    // guild shares, so it is held as briefly as possible.
    let number: i64 = sqlx::query_scalar(
        "INSERT INTO guild_counters (guild_id, last_ticket_number) VALUES ($1, 1) \
         ON CONFLICT (guild_id) DO UPDATE \
         SET last_ticket_number = guild_counters.last_ticket_number + 1 \
         RETURNING last_ticket_number",
    )
    .bind(sf(new.guild.0))
    .fetch_one(&mut *conn)
    .await
    .doing(DOING)?;
    let json = |cues: &Vec<String>| serde_json::to_string(cues).unwrap_or_else(|_| "[]".into());
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO tickets (guild_id, number, opener_id, subject, question, locale, priority, \
         urgency_cues, frustration_cues, source, level, levels_seen, status, opened_at, \
         level_reached_at, version, intake_topic, intake_team_id, intake_answers) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, 1, \
         $15, $16, $17) RETURNING id",
    )
    .bind(sf(new.guild.0))
    .bind(number)
    .bind(sf(new.opener.0))
    .bind(&new.subject)
    .bind(&new.question)
    .bind(new.locale.code())
    .bind(new.priority.as_str())
    .bind(json(&new.cues.urgency))
    .bind(json(&new.cues.frustration))
    .bind(new.source.key())
    .bind(i64::from(Level::L1))
    .bind(LevelSet::of(&[Level::L1]).bits())
    .bind(Status::Open.as_str())
    .bind(ms(now))
    .bind(new.intake.topic.as_deref())
    .bind(new.intake.team.map(|r| sf(r.0)))
    .bind(serde_json::to_string(&new.intake.answers).unwrap_or_else(|_| "[]".into()))
    .fetch_one(&mut *conn)
    .await
    .doing(DOING)?;
    load_ticket(conn, TicketId(id))
        .await?
        .ok_or_else(|| StoreError::Corrupt {
            doing: DOING.into(),
            detail: format!("ticket {id} vanished"),
        })
}
