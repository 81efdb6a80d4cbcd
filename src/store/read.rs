//! Reading tickets and their timelines, and turning rows into domain
//! values. Every query that returns tickets goes through
//! [`tickets_from_rows`], so a ticket always comes with its cases.

use sqlx::any::AnyRow;
use sqlx::AnyConnection;

use super::convert::{on_shards, placeholders, sf, Col};
use super::error::{Bad, Doing, StoreError};
use super::Store;
use crate::config::ShardRange;
use crate::tickets::{
    CaseThread, ChannelId, CloseReason, Cues, EventId, EventKind, GuildId, Level, LevelSet,
    MessageId, Priority, RoleId, SlaClock, Status, Ticket, TicketEvent, TicketId, TicketIntake,
    TicketNumber, TicketSource, UserId,
};

/// The most tickets one queue page returns.
pub const QUEUE_LIMIT: i64 = 100;

pub(crate) const TICKET_COLUMNS: &str = "id, guild_id, number, opener_id, subject, question, \
    locale, priority, urgency_cues, frustration_cues, source, level, levels_seen, status, \
    assignee_id, user_thread_id, case_card_id, case_thread_id, case_opened_at, opened_at, \
    level_reached_at, first_response_at, sla_breached_at, resolve_requested_at, closed_at, \
    close_reason, version, waiting_since, waiting_reminded_at, sla_spent_secs, sla_resumed_at, \
    intake_topic, intake_team_id, intake_answers, close_requested_at";

/// An event as stored: its id (order within the ticket) and ticket.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredEvent {
    pub id: EventId,
    pub ticket: TicketId,
    pub event: TicketEvent,
}

impl Store {
    pub async fn ticket(&self, id: TicketId) -> Result<Option<Ticket>, StoreError> {
        let mut conn = self.conn().await?;
        load_ticket(&mut conn, id).await
    }

    /// `#42` in a guild.
    pub async fn ticket_by_number(
        &self,
        guild: GuildId,
        number: TicketNumber,
    ) -> Result<Option<Ticket>, StoreError> {
        let sql =
            format!("SELECT {TICKET_COLUMNS} FROM tickets WHERE guild_id = $1 AND number = $2");
        let q = sqlx::query(&sql).bind(sf(guild.0)).bind(number.0 as i64);
        self.one(q, "loading a ticket by number").await
    }

    /// The ticket whose user thread `thread` is.
    pub async fn ticket_by_user_thread(
        &self,
        thread: ChannelId,
    ) -> Result<Option<Ticket>, StoreError> {
        let sql = format!("SELECT {TICKET_COLUMNS} FROM tickets WHERE user_thread_id = $1");
        let q = sqlx::query(&sql).bind(sf(thread.0));
        self.one(q, "loading a ticket by its user thread").await
    }

    /// The ticket `thread` is (or was) a case thread of. Compare with
    /// `ticket.case` to know whether it is the current case.
    pub async fn ticket_by_case_thread(
        &self,
        thread: ChannelId,
    ) -> Result<Option<Ticket>, StoreError> {
        let sql = format!(
            "SELECT {TICKET_COLUMNS} FROM tickets \
             WHERE id = (SELECT ticket_id FROM ticket_cases WHERE thread_id = $1)"
        );
        let q = sqlx::query(&sql).bind(sf(thread.0));
        self.one(q, "loading a ticket by a case thread").await
    }

    /// A user's tickets that are not closed, oldest first.
    pub async fn open_tickets_for_user(
        &self,
        guild: GuildId,
        user: UserId,
    ) -> Result<Vec<Ticket>, StoreError> {
        let sql = format!(
            "SELECT {TICKET_COLUMNS} FROM tickets \
             WHERE guild_id = $1 AND opener_id = $2 AND status <> 'closed' ORDER BY opened_at, id"
        );
        let q = sqlx::query(&sql).bind(sf(guild.0)).bind(sf(user.0));
        self.many(q, "loading a user's open tickets").await
    }

    /// The tickets at `level` that are not closed: urgent first, then
    /// oldest first; at most [`QUEUE_LIMIT`].
    pub async fn queue(&self, guild: GuildId, level: Level) -> Result<Vec<Ticket>, StoreError> {
        let sql = format!(
            "SELECT {TICKET_COLUMNS} FROM tickets \
             WHERE guild_id = $1 AND level = $2 AND status <> 'closed' \
             ORDER BY CASE priority WHEN 'urgent' THEN 0 ELSE 1 END, opened_at, id LIMIT $3"
        );
        let q = sqlx::query(&sql)
            .bind(sf(guild.0))
            .bind(i64::from(level))
            .bind(QUEUE_LIMIT);
        self.many(q, "loading a level's queue").await
    }

    /// Every ticket of the guild that is not closed, oldest first (for a
    /// check of their threads after a restart).
    pub async fn open_tickets(&self, guild: GuildId) -> Result<Vec<Ticket>, StoreError> {
        let sql = format!(
            "SELECT {TICKET_COLUMNS} FROM tickets \
             WHERE guild_id = $1 AND status <> 'closed' ORDER BY opened_at, id"
        );
        self.many(sqlx::query(&sql).bind(sf(guild.0)), "loading open tickets")
            .await
    }

    /// Every ticket not closed, in every guild on `shards` (`None`: every
    /// guild), oldest first (for the reconciler's check after a restart).
    pub async fn open_tickets_everywhere(
        &self,
        shards: Option<&ShardRange>,
    ) -> Result<Vec<Ticket>, StoreError> {
        let sql = format!(
            "SELECT {TICKET_COLUMNS} FROM tickets WHERE status <> 'closed'{} \
             ORDER BY opened_at, id",
            on_shards("guild_id", shards)
        );
        self.many(sqlx::query(&sql), "loading every open ticket")
            .await
    }

    /// A ticket's whole timeline, in order.
    pub async fn events(&self, ticket: TicketId) -> Result<Vec<StoredEvent>, StoreError> {
        const DOING: &str = "loading a ticket's timeline";
        let rows = sqlx::query(
            "SELECT id, ticket_id, at, actor_id, level, data FROM ticket_events \
             WHERE ticket_id = $1 ORDER BY id",
        )
        .bind(ticket.0)
        .fetch_all(&self.pool)
        .await
        .doing(DOING)?;
        rows.iter()
            .map(event_from_row)
            .collect::<Result<_, _>>()
            .doing(DOING)
    }

    pub(crate) async fn conn(&self) -> Result<sqlx::pool::PoolConnection<sqlx::Any>, StoreError> {
        self.pool
            .acquire()
            .await
            .doing("getting a database connection")
    }

    async fn one<'q>(
        &self,
        q: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
        doing: &str,
    ) -> Result<Option<Ticket>, StoreError> {
        Ok(self.many(q, doing).await?.pop())
    }

    async fn many<'q>(
        &self,
        q: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
        doing: &str,
    ) -> Result<Vec<Ticket>, StoreError> {
        let mut conn = self.conn().await?;
        let rows = q.fetch_all(&mut *conn).await.doing(doing)?;
        tickets_from_rows(&mut conn, &rows, doing).await
    }
}

pub(crate) async fn load_ticket(
    conn: &mut AnyConnection,
    id: TicketId,
) -> Result<Option<Ticket>, StoreError> {
    const DOING: &str = "loading a ticket";
    let sql = format!("SELECT {TICKET_COLUMNS} FROM tickets WHERE id = $1");
    let rows = sqlx::query(&sql)
        .bind(id.0)
        .fetch_all(&mut *conn)
        .await
        .doing(DOING)?;
    Ok(tickets_from_rows(conn, &rows, DOING).await?.pop())
}

/// Maps ticket rows and attaches their earlier cases (one more query).
pub(crate) async fn tickets_from_rows(
    conn: &mut AnyConnection,
    rows: &[AnyRow],
    doing: &str,
) -> Result<Vec<Ticket>, StoreError> {
    let mut tickets: Vec<Ticket> = rows
        .iter()
        .map(ticket_from_row)
        .collect::<Result<_, _>>()
        .doing(doing)?;
    if tickets.is_empty() {
        return Ok(tickets);
    }
    let sql = format!(
        "SELECT ticket_id, thread_id, level, card_message_id, opened_at FROM ticket_cases \
         WHERE ticket_id IN ({}) ORDER BY opened_at, thread_id",
        placeholders(tickets.len())
    );
    let mut q = sqlx::query(&sql);
    for t in &tickets {
        q = q.bind(t.id.0);
    }
    let case_rows = q.fetch_all(&mut *conn).await.doing(doing)?;
    for row in &case_rows {
        let (ticket, case) = case_from_row(row).doing(doing)?;
        if let Some(t) = tickets.iter_mut().find(|t| t.id == ticket) {
            if t.case.map(|c| c.thread) != Some(case.thread) {
                t.previous_cases.push(case);
            }
        }
    }
    Ok(tickets)
}

fn ticket_from_row(row: &AnyRow) -> Result<Ticket, Bad> {
    let case = match (
        row.opt_u64("case_card_id")?,
        row.opt_u64("case_thread_id")?,
        row.opt_time("case_opened_at")?,
    ) {
        (Some(card), Some(thread), Some(opened_at)) => Some(CaseThread {
            level: row.level("level")?,
            card: MessageId(card),
            thread: ChannelId(thread),
            opened_at,
        }),
        _ => None,
    };
    let close_reason = match row.opt_text("close_reason")? {
        None => None,
        Some(s) => Some(CloseReason::parse(&s).ok_or_else(|| Bad(format!("close_reason: {s:?}")))?),
    };
    Ok(Ticket {
        id: TicketId(row.i64("id")?),
        guild: GuildId(row.u64("guild_id")?),
        number: TicketNumber(row.u64("number")?),
        opener: UserId(row.u64("opener_id")?),
        subject: row.text("subject")?,
        question: row.text("question")?,
        locale: row.locale("locale")?,
        priority: row.parsed("priority", Priority::parse)?,
        cues: Cues {
            urgency: row.json("urgency_cues")?,
            frustration: row.json("frustration_cues")?,
        },
        source: row.parsed("source", TicketSource::parse)?,
        level: row.level("level")?,
        levels_seen: LevelSet::from_bits(row.i64("levels_seen")?),
        status: row.parsed("status", Status::parse)?,
        assignee: row.opt_u64("assignee_id")?.map(UserId),
        user_thread: row.opt_u64("user_thread_id")?.map(ChannelId),
        case,
        previous_cases: Vec::new(),
        opened_at: row.time("opened_at")?,
        level_reached_at: row.time("level_reached_at")?,
        first_response_at: row.opt_time("first_response_at")?,
        sla_breached_at: row.opt_time("sla_breached_at")?,
        resolve_requested_at: row.opt_time("resolve_requested_at")?,
        close_requested_at: row.opt_time("close_requested_at")?,
        intake: TicketIntake {
            topic: row.opt_text("intake_topic")?,
            team: row.opt_u64("intake_team_id")?.map(RoleId),
            answers: row.json("intake_answers")?,
        },
        closed_at: row.opt_time("closed_at")?,
        close_reason,
        sla_clock: SlaClock {
            waiting_since: row.opt_time("waiting_since")?,
            reminded_at: row.opt_time("waiting_reminded_at")?,
            spent: chrono::Duration::seconds(row.i64("sla_spent_secs")?),
            resumed_at: row.opt_time("sla_resumed_at")?,
        },
        version: row.i64("version")?,
    })
}

fn case_from_row(row: &AnyRow) -> Result<(TicketId, CaseThread), Bad> {
    Ok((
        TicketId(row.i64("ticket_id")?),
        CaseThread {
            level: row.level("level")?,
            card: MessageId(row.u64("card_message_id")?),
            thread: ChannelId(row.u64("thread_id")?),
            opened_at: row.time("opened_at")?,
        },
    ))
}

pub(crate) fn event_from_row(row: &AnyRow) -> Result<StoredEvent, Bad> {
    let kind: EventKind = row.json("data")?;
    Ok(StoredEvent {
        id: EventId(row.i64("id")?),
        ticket: TicketId(row.i64("ticket_id")?),
        event: TicketEvent {
            at: row.time("at")?,
            actor: row.opt_u64("actor_id")?.map(UserId),
            level: row.level("level")?,
            kind,
        },
    })
}
