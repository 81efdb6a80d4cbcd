//! Intake (issue 14.1) and close requests (14.5) in the store: a guild's
//! questions, topics and close-request delay (read and saved with the
//! rest of its settings), and the drafts of openings in progress.

use chrono::{DateTime, Utc};
use sqlx::AnyConnection;

use super::convert::{flag, ms, sf, Col};
use super::error::{Bad, Doing, StoreError};
use super::Store;
use crate::i18n::Locale;
use crate::tickets::{GuildId, GuildSettings, IntakeQuestion, RoleId, TicketSource, Topic, UserId};

/// An opening waiting for its topic and answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntakeDraft {
    pub id: i64,
    pub guild: GuildId,
    pub user: UserId,
    pub question: String,
    pub locale: Locale,
    pub source: TicketSource,
    /// The topic chosen in the menu, once chosen.
    pub topic: Option<String>,
}

impl Store {
    /// Keeps what an opening knows before its intake is asked; returns the
    /// draft's id (carried by the menu and the form).
    pub async fn create_intake_draft(
        &self,
        guild: GuildId,
        user: UserId,
        question: &str,
        locale: Locale,
        source: TicketSource,
        now: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        sqlx::query_scalar(
            "INSERT INTO intake_drafts (guild_id, user_id, question, locale, source, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(sf(guild.0))
        .bind(sf(user.0))
        .bind(question)
        .bind(locale.code())
        .bind(source.key())
        .bind(ms(now))
        .fetch_one(&self.pool)
        .await
        .doing("keeping an opening's draft")
    }

    pub async fn intake_draft(&self, id: i64) -> Result<Option<IntakeDraft>, StoreError> {
        const DOING: &str = "loading an opening's draft";
        let row = sqlx::query(
            "SELECT id, guild_id, user_id, question, locale, source, topic \
             FROM intake_drafts WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await
        .doing(DOING)?;
        let Some(row) = row else {
            return Ok(None);
        };
        let read = || -> Result<IntakeDraft, Bad> {
            Ok(IntakeDraft {
                id: row.i64("id")?,
                guild: GuildId(row.u64("guild_id")?),
                user: UserId(row.u64("user_id")?),
                question: row.text("question")?,
                locale: row.locale("locale")?,
                source: row.parsed("source", TicketSource::parse)?,
                topic: row.opt_text("topic")?,
            })
        };
        read().map(Some).doing(DOING)
    }

    /// Records the topic chosen for a draft (a second choice replaces it).
    pub async fn choose_draft_topic(&self, id: i64, topic: &str) -> Result<(), StoreError> {
        sqlx::query("UPDATE intake_drafts SET topic = $1 WHERE id = $2")
            .bind(topic)
            .bind(id)
            .execute(&self.pool)
            .await
            .doing("recording an opening's topic")?;
        Ok(())
    }
}

/// Reads the guild's intake and close-request settings into `s`.
pub(crate) async fn load_intake(
    conn: &mut AnyConnection,
    s: &mut GuildSettings,
) -> Result<(), StoreError> {
    const DOING: &str = "loading a guild's intake";
    let guild = sf(s.guild.0);
    let questions = sqlx::query(
        "SELECT label, is_long, required FROM guild_intake_questions \
         WHERE guild_id = $1 ORDER BY pos",
    )
    .bind(guild)
    .fetch_all(&mut *conn)
    .await
    .doing(DOING)?;
    s.intake.questions = questions
        .iter()
        .map(|r| -> Result<IntakeQuestion, Bad> {
            Ok(IntakeQuestion {
                label: r.text("label")?,
                long: r.flag("is_long")?,
                required: r.flag("required")?,
            })
        })
        .collect::<Result<_, _>>()
        .doing(DOING)?;
    let topics =
        sqlx::query("SELECT name, team_role_id FROM guild_topics WHERE guild_id = $1 ORDER BY pos")
            .bind(guild)
            .fetch_all(&mut *conn)
            .await
            .doing(DOING)?;
    s.intake.topics = topics
        .iter()
        .map(|r| -> Result<Topic, Bad> {
            Ok(Topic {
                name: r.text("name")?,
                team: r.opt_u64("team_role_id")?.map(RoleId),
            })
        })
        .collect::<Result<_, _>>()
        .doing(DOING)?;
    let delay: Option<i64> =
        sqlx::query_scalar("SELECT delay_hours FROM guild_close_requests WHERE guild_id = $1")
            .bind(guild)
            .fetch_optional(&mut *conn)
            .await
            .doing(DOING)?;
    if let Some(h) = delay {
        s.close_request_hours = u32::try_from(h)
            .map_err(|_| Bad(format!("delay_hours: {h} out of range")))
            .doing(DOING)?;
    }
    Ok(())
}

/// Replaces the guild's intake and close-request settings (inside the
/// transaction saving the rest).
pub(crate) async fn save_intake(
    conn: &mut AnyConnection,
    s: &GuildSettings,
) -> Result<(), StoreError> {
    const DOING: &str = "saving a guild's intake";
    let guild = sf(s.guild.0);
    for table in ["guild_intake_questions", "guild_topics"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE guild_id = $1"))
            .bind(guild)
            .execute(&mut *conn)
            .await
            .doing(DOING)?;
    }
    for (pos, q) in s.intake.questions.iter().enumerate() {
        sqlx::query(
            "INSERT INTO guild_intake_questions (guild_id, pos, label, is_long, required) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(guild)
        .bind(pos as i64)
        .bind(&q.label)
        .bind(flag(q.long))
        .bind(flag(q.required))
        .execute(&mut *conn)
        .await
        .doing(DOING)?;
    }
    for (pos, t) in s.intake.topics.iter().enumerate() {
        sqlx::query(
            "INSERT INTO guild_topics (guild_id, pos, name, team_role_id) VALUES ($1, $2, $3, $4)",
        )
        .bind(guild)
        .bind(pos as i64)
        .bind(&t.name)
        .bind(t.team.map(|r| sf(r.0)))
        .execute(&mut *conn)
        .await
        .doing(DOING)?;
    }
    sqlx::query(
        "INSERT INTO guild_close_requests (guild_id, delay_hours) VALUES ($1, $2) \
         ON CONFLICT (guild_id) DO UPDATE SET delay_hours = excluded.delay_hours",
    )
    .bind(guild)
    .bind(i64::from(s.close_request_hours))
    .execute(&mut *conn)
    .await
    .doing(DOING)?;
    Ok(())
}
