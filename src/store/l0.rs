//! The L0 log: every question the bot answered or tried to, and what the
//! user clicked next. Feeds `/stats` and the knowledge-base to-do list.

use chrono::{DateTime, Utc};
use sqlx::any::AnyRow;

use super::convert::{ms, sf, Col};
use super::error::{Bad, Doing, StoreError};
use super::Store;
use crate::i18n::Locale;
use crate::tickets::{ChannelId, GuildId, L0ExchangeId, TicketId, UserId};

#[derive(Debug, Clone, PartialEq)]
pub struct NewL0Exchange {
    pub guild: GuildId,
    pub user: UserId,
    /// Where the question was asked.
    pub channel: ChannelId,
    pub question: String,
    pub locale: Locale,
    /// The article shown as the answer, if the match was confident.
    pub article: Option<String>,
    /// The matcher's score of the best article (0 when nothing matched).
    pub confidence: f64,
    /// Candidate article ids offered when not confident (up to three).
    pub candidates: Vec<String>,
    /// The question was small talk of this kind (`greeting`, `thanks`, …;
    /// see `knowledge::SmallTalk`) and got a reply in kind.
    pub small_talk: Option<String>,
}

/// What the user did with an L0 answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum L0Click {
    Nothing,
    /// "Solved": the answer helped.
    Solved,
    /// "Talk to a human".
    TalkToHuman,
    /// One of the candidates: its article id.
    Candidate(String),
}

impl L0Click {
    fn name(&self) -> &'static str {
        match self {
            L0Click::Nothing => "nothing",
            L0Click::Solved => "solved",
            L0Click::TalkToHuman => "human",
            L0Click::Candidate(_) => "candidate",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct L0Exchange {
    pub id: L0ExchangeId,
    pub guild: GuildId,
    pub user: UserId,
    pub channel: ChannelId,
    pub question: String,
    pub locale: Locale,
    pub article: Option<String>,
    pub confidence: f64,
    pub candidates: Vec<String>,
    /// See [`NewL0Exchange::small_talk`].
    pub small_talk: Option<String>,
    /// The user's latest click.
    pub click: L0Click,
    pub clicked_at: Option<DateTime<Utc>>,
    /// The ticket opened from this exchange, if any.
    pub ticket: Option<TicketId>,
    pub asked_at: DateTime<Utc>,
}

impl L0Exchange {
    /// The articles this exchange showed the user, for the handoff digest.
    pub fn articles_tried(&self) -> Vec<String> {
        let mut tried: Vec<String> = self.article.iter().cloned().collect();
        if let L0Click::Candidate(a) = &self.click {
            tried.push(a.clone());
        }
        for c in &self.candidates {
            if !tried.contains(c) {
                tried.push(c.clone());
            }
        }
        tried
    }
}

const COLUMNS: &str = "id, guild_id, user_id, channel_id, question, locale, article_id, \
    confidence, candidates, small_talk, click, clicked_article_id, clicked_at, ticket_id, \
    asked_at";

impl Store {
    /// Records what the user clicked (the latest click counts). `false` if
    /// the exchange does not exist.
    pub async fn mark_l0_click(
        &self,
        id: L0ExchangeId,
        click: &L0Click,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let article = match click {
            L0Click::Candidate(a) => Some(a.as_str()),
            _ => None,
        };
        let done = sqlx::query(
            "UPDATE l0_exchanges SET click = $1, clicked_article_id = $2, clicked_at = $3 \
             WHERE id = $4",
        )
        .bind(click.name())
        .bind(article)
        .bind(ms(at))
        .bind(id.0)
        .execute(&self.pool)
        .await
        .doing("recording an L0 click")?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn l0_exchange(&self, id: L0ExchangeId) -> Result<Option<L0Exchange>, StoreError> {
        const DOING: &str = "loading an L0 exchange";
        let sql = format!("SELECT {COLUMNS} FROM l0_exchanges WHERE id = $1");
        let row = sqlx::query(&sql)
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await
            .doing(DOING)?;
        row.as_ref().map(exchange_from_row).transpose().doing(DOING)
    }

    /// The L0 exchange a ticket was opened from, if any.
    pub async fn l0_exchange_for_ticket(
        &self,
        ticket: TicketId,
    ) -> Result<Option<L0Exchange>, StoreError> {
        const DOING: &str = "loading a ticket's L0 exchange";
        let sql =
            format!("SELECT {COLUMNS} FROM l0_exchanges WHERE ticket_id = $1 ORDER BY id LIMIT 1");
        let row = sqlx::query(&sql)
            .bind(ticket.0)
            .fetch_optional(&self.pool)
            .await
            .doing(DOING)?;
        row.as_ref().map(exchange_from_row).transpose().doing(DOING)
    }

    /// A guild's exchanges asked in `[since, until)`, oldest first (for the
    /// knowledge-base report).
    pub async fn l0_exchanges(
        &self,
        guild: GuildId,
        since: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<Vec<L0Exchange>, StoreError> {
        const DOING: &str = "loading L0 exchanges";
        let sql = format!(
            "SELECT {COLUMNS} FROM l0_exchanges \
             WHERE guild_id = $1 AND asked_at >= $2 AND asked_at < $3 ORDER BY asked_at, id"
        );
        let rows = sqlx::query(&sql)
            .bind(sf(guild.0))
            .bind(ms(since))
            .bind(ms(until))
            .fetch_all(&self.pool)
            .await
            .doing(DOING)?;
        rows.iter()
            .map(exchange_from_row)
            .collect::<Result<_, _>>()
            .doing(DOING)
    }
}

fn exchange_from_row(row: &AnyRow) -> Result<L0Exchange, Bad> {
    let click = match row.text("click")?.as_str() {
        "nothing" => L0Click::Nothing,
        "solved" => L0Click::Solved,
        "human" => L0Click::TalkToHuman,
        "candidate" => L0Click::Candidate(row.opt_text("clicked_article_id")?.unwrap_or_default()),
        other => return Err(Bad(format!("click: {other:?}"))),
    };
    Ok(L0Exchange {
        id: L0ExchangeId(row.i64("id")?),
        guild: GuildId(row.u64("guild_id")?),
        user: UserId(row.u64("user_id")?),
        channel: ChannelId(row.u64("channel_id")?),
        question: row.text("question")?,
        locale: row.locale("locale")?,
        article: row.opt_text("article_id")?,
        confidence: sqlx::Row::try_get::<f64, _>(row, "confidence")?,
        candidates: row.json("candidates")?,
        small_talk: row.opt_text("small_talk")?,
        click,
        clicked_at: row.opt_time("clicked_at")?,
        ticket: row.opt_i64("ticket_id")?.map(TicketId),
        asked_at: row.time("asked_at")?,
    })
}
