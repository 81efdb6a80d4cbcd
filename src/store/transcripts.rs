//! Transcripts: the messages of a ticket's threads, saved when it closes.

use sqlx::any::AnyRow;

use super::convert::{ms, sf, Col};
use super::error::{Bad, Doing, StoreError};
use super::Store;
use crate::tickets::{ChannelId, EntryKind, MessageId, TicketId, TranscriptEntry, UserId};

impl Store {
    /// Saves entries for `ticket`; a message saved before is kept as it was
    /// (saving again after a reopen and second close only adds the new
    /// ones). Returns how many were new.
    pub async fn save_transcript(
        &self,
        ticket: TicketId,
        entries: &[TranscriptEntry],
    ) -> Result<u64, StoreError> {
        const DOING: &str = "saving a transcript";
        let mut tx = self.pool.begin().await.doing(DOING)?;
        let mut added = 0;
        for e in entries {
            let attachments = serde_json::to_string(&e.attachments).unwrap_or_else(|_| "[]".into());
            let done = sqlx::query(
                "INSERT INTO transcript_messages (ticket_id, message_id, thread_id, author_id, \
                 author_name, at, content, embeds, attachments, kind) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING",
            )
            .bind(ticket.0)
            .bind(sf(e.message.0))
            .bind(sf(e.thread.0))
            .bind(sf(e.author.0))
            .bind(&e.author_name)
            .bind(ms(e.at))
            .bind(&e.content)
            .bind(&e.embeds_json)
            .bind(attachments)
            .bind(e.kind.as_str())
            .execute(&mut *tx)
            .await
            .doing(DOING)?;
            added += done.rows_affected();
        }
        tx.commit().await.doing(DOING)?;
        Ok(added)
    }

    /// A ticket's saved messages in time order.
    pub async fn transcript(&self, ticket: TicketId) -> Result<Vec<TranscriptEntry>, StoreError> {
        const DOING: &str = "loading a transcript";
        let rows = sqlx::query(
            "SELECT message_id, thread_id, author_id, author_name, at, content, embeds, \
             attachments, kind FROM transcript_messages WHERE ticket_id = $1 \
             ORDER BY at, message_id",
        )
        .bind(ticket.0)
        .fetch_all(&self.pool)
        .await
        .doing(DOING)?;
        rows.iter()
            .map(entry_from_row)
            .collect::<Result<_, _>>()
            .doing(DOING)
    }
}

fn entry_from_row(row: &AnyRow) -> Result<TranscriptEntry, Bad> {
    Ok(TranscriptEntry {
        message: MessageId(row.u64("message_id")?),
        thread: ChannelId(row.u64("thread_id")?),
        author: UserId(row.u64("author_id")?),
        author_name: row.text("author_name")?,
        at: row.time("at")?,
        content: row.text("content")?,
        embeds_json: row.text("embeds")?,
        attachments: row.json("attachments")?,
        kind: row.parsed("kind", EntryKind::parse)?,
    })
}
