//! Group commit of L0 exchanges: every `/ask` records its exchange before
//! its answer is sent (the answer's buttons carry the exchange's id, and a
//! logged question must survive a crash once the person saw an answer
//! pointing at it). Written one by one, each is a statement and a commit
//! of its own (on SQLite a flush of the write-ahead log) on the answer's
//! path, and concurrent questions queue for SQLite's one writer.
//!
//! Instead, a question waiting to be written joins a queue; whoever gets
//! the turn to write takes the whole queue and writes it in **one**
//! multi-row `INSERT … RETURNING`, one commit, then hands each waiter its
//! id. Questions that arrive during a write are the next batch. Alone, a
//! question is written as before (a batch of one); under load, one commit
//! serves many. Nobody's answer goes out before the commit that holds its
//! row: durability is unchanged.
//!
//! `RETURNING`'s row order is unspecified (SQLite and PostgreSQL alike),
//! so each returned row is matched to its waiter by its content: two
//! exchanges alike in every column are interchangeable.

use std::sync::{Mutex, MutexGuard};

use sqlx::any::AnyRow;
use tokio::sync::oneshot;

use super::convert::{flag, ms, sf, Col};
use super::error::{Bad, Doing, StoreError};
use super::l0::NewL0Exchange;
use super::Store;
use crate::tickets::L0ExchangeId;

/// Rows in one statement at most (11 parameters each: far below SQLite's
/// and PostgreSQL's limits).
const MAX_BATCH: usize = 64;

const DOING: &str = "recording an L0 exchange";

/// The exchanges waiting to be written, and the turn to write them.
#[derive(Debug, Default)]
pub(crate) struct L0Writes {
    waiting: Mutex<Vec<Waiting>>,
    turn: tokio::sync::Mutex<()>,
}

#[derive(Debug)]
struct Waiting {
    row: Row,
    done: oneshot::Sender<Result<L0ExchangeId, StoreError>>,
}

/// An exchange as its columns hold it.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    guild: i64,
    user: i64,
    channel: i64,
    question: String,
    locale: String,
    article: Option<String>,
    confidence: f64,
    candidates: String,
    small_talk: Option<String>,
    asked_at: i64,
}

impl Row {
    fn new(e: &NewL0Exchange, at: chrono::DateTime<chrono::Utc>) -> Row {
        Row {
            guild: sf(e.guild.0),
            user: sf(e.user.0),
            channel: sf(e.channel.0),
            question: e.question.clone(),
            locale: e.locale.code().to_owned(),
            article: e.article.clone(),
            confidence: e.confidence,
            candidates: serde_json::to_string(&e.candidates).unwrap_or_else(|_| "[]".into()),
            small_talk: e.small_talk.clone(),
            asked_at: ms(at),
        }
    }

    fn read(row: &AnyRow) -> Result<(i64, Row), Bad> {
        let row = (
            row.i64("id")?,
            Row {
                guild: row.i64("guild_id")?,
                user: row.i64("user_id")?,
                channel: row.i64("channel_id")?,
                question: row.text("question")?,
                locale: row.text("locale")?,
                article: row.opt_text("article_id")?,
                confidence: sqlx::Row::try_get::<f64, _>(row, "confidence")?,
                candidates: row.text("candidates")?,
                small_talk: row.opt_text("small_talk")?,
                asked_at: row.i64("asked_at")?,
            },
        );
        Ok(row)
    }

    /// The same exchange (`confidence` compared bit for bit: it went
    /// through the database unchanged).
    fn same(&self, other: &Row) -> bool {
        self.asked_at == other.asked_at
            && self.user == other.user
            && self.guild == other.guild
            && self.channel == other.channel
            && self.question == other.question
            && self.locale == other.locale
            && self.article == other.article
            && self.confidence.to_bits() == other.confidence.to_bits()
            && self.candidates == other.candidates
            && self.small_talk == other.small_talk
    }
}

impl L0Writes {
    fn waiting(&self) -> MutexGuard<'_, Vec<Waiting>> {
        // A push or a take: nothing a panic could leave half-done.
        self.waiting.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Store {
    /// Records an exchange, committed when this returns (with whatever
    /// other exchanges were waiting: see the module's comment).
    pub async fn record_l0_exchange(
        &self,
        e: &NewL0Exchange,
        at: chrono::DateTime<chrono::Utc>,
    ) -> Result<L0ExchangeId, StoreError> {
        let writes = &self.l0_writes;
        let (done, mut written) = oneshot::channel();
        writes.waiting().push(Waiting {
            row: Row::new(e, at),
            done,
        });
        let turn = writes.turn.lock().await;
        // Whoever had the turn before took every exchange then waiting,
        // this one perhaps among them.
        match written.try_recv() {
            Ok(result) => return result,
            Err(oneshot::error::TryRecvError::Closed) => return Err(abandoned()),
            Err(oneshot::error::TryRecvError::Empty) => {}
        }
        let batch = std::mem::take(&mut *writes.waiting());
        let mut rest = batch;
        while !rest.is_empty() {
            let tail = rest.split_off(rest.len().min(MAX_BATCH));
            self.write_batch(rest).await;
            rest = tail;
        }
        drop(turn);
        written.await.unwrap_or_else(|_| Err(abandoned()))
    }

    /// Writes a batch in one statement and tells each waiter its id; if
    /// the statement fails, each exchange is tried alone, so that one bad
    /// row fails only its own question.
    async fn write_batch(&self, batch: Vec<Waiting>) {
        let rows: Vec<&Row> = batch.iter().map(|w| &w.row).collect();
        match self.insert_rows(&rows).await {
            Ok(ids) => {
                for (w, id) in batch.into_iter().zip(ids) {
                    let _ = w.done.send(id);
                }
            }
            Err(e) if batch.len() == 1 => {
                if let Some(w) = batch.into_iter().next() {
                    let _ = w.done.send(Err(e));
                }
            }
            Err(_) => {
                for w in batch {
                    let id = self
                        .insert_rows(&[&w.row])
                        .await
                        .and_then(|mut ids| ids.pop().unwrap_or_else(|| Err(unmatched())));
                    let _ = w.done.send(id);
                }
            }
        }
    }

    /// One `INSERT` of every row; the id of each, in the rows' order.
    async fn insert_rows(
        &self,
        rows: &[&Row],
    ) -> Result<Vec<Result<L0ExchangeId, StoreError>>, StoreError> {
        let mut sql = String::from(
            "INSERT INTO l0_exchanges (guild_id, user_id, channel_id, question, locale, \
             article_id, confidence, answered, candidates, small_talk, asked_at) VALUES ",
        );
        for i in 0..rows.len() {
            let p = i * 11;
            if i > 0 {
                sql.push_str(", ");
            }
            sql.push('(');
            for k in 1..=11 {
                if k > 1 {
                    sql.push_str(", ");
                }
                sql.push('$');
                sql.push_str(&(p + k).to_string());
            }
            sql.push(')');
        }
        sql.push_str(
            " RETURNING id, guild_id, user_id, channel_id, question, locale, article_id, \
             confidence, candidates, small_talk, asked_at",
        );
        let mut query = sqlx::query(&sql);
        for r in rows {
            query = query
                .bind(r.guild)
                .bind(r.user)
                .bind(r.channel)
                .bind(r.question.as_str())
                .bind(r.locale.as_str())
                .bind(r.article.as_deref())
                .bind(r.confidence)
                .bind(flag(r.article.is_some()))
                .bind(r.candidates.as_str())
                .bind(r.small_talk.as_deref())
                .bind(r.asked_at);
        }
        let returned = query.fetch_all(&self.pool).await.doing(DOING)?;
        let mut ids: Vec<Option<i64>> = vec![None; rows.len()];
        for row in &returned {
            let (id, written) = Row::read(row).doing(DOING)?;
            let slot = rows
                .iter()
                .zip(ids.iter_mut())
                .find(|(r, id)| id.is_none() && r.same(&written))
                .map(|(_, id)| id);
            if let Some(slot) = slot {
                *slot = Some(id);
            }
        }
        Ok(ids
            .into_iter()
            .map(|id| id.map(L0ExchangeId).ok_or_else(unmatched))
            .collect())
    }
}

/// The writer of this exchange's batch was stopped half-way (its task
/// aborted): whether the row was written is unknown to this question.
fn abandoned() -> StoreError {
    StoreError::Unfinished {
        doing: DOING.to_owned(),
        detail: "the batch it was written in was abandoned".to_owned(),
    }
}

/// A returned row that matches no exchange asked: never expected.
fn unmatched() -> StoreError {
    StoreError::Unfinished {
        doing: DOING.to_owned(),
        detail: "the database returned a row unlike the exchange written".to_owned(),
    }
}
