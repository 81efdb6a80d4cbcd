//! The blocklist and the counts behind per-user rate limits. Both read
//! rows the store keeps anyway (tickets, L0 exchanges) or a small table,
//! so limits survive restarts and hold across processes.

use chrono::{DateTime, Duration, Utc};
use sqlx::any::AnyRow;

use super::convert::{ms, opt_ms, sf, Col};
use super::error::{Bad, Doing, StoreError};
use super::Store;
use crate::tickets::{Block, BlockTarget, GuildId, RoleId, UserId};

fn target_parts(t: BlockTarget) -> (&'static str, i64) {
    match t {
        BlockTarget::User(u) => ("user", sf(u.0)),
        BlockTarget::Role(r) => ("role", sf(r.0)),
    }
}

impl Store {
    /// Blocks (or blocks again, with a new reason and expiry) a user or role.
    pub async fn block(&self, guild: GuildId, b: &Block) -> Result<(), StoreError> {
        let (kind, id) = target_parts(b.target);
        sqlx::query(
            "INSERT INTO blocks (guild_id, target_kind, target_id, reason, blocked_by, \
             blocked_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (guild_id, target_kind, target_id) DO UPDATE SET \
             reason = excluded.reason, blocked_by = excluded.blocked_by, \
             blocked_at = excluded.blocked_at, expires_at = excluded.expires_at",
        )
        .bind(sf(guild.0))
        .bind(kind)
        .bind(id)
        .bind(b.reason.as_deref())
        .bind(sf(b.by.0))
        .bind(ms(b.at))
        .bind(opt_ms(b.expires_at))
        .execute(&self.pool)
        .await
        .doing("blocking")?;
        Ok(())
    }

    /// Lifts a block; `false` if there was none.
    pub async fn unblock(&self, guild: GuildId, target: BlockTarget) -> Result<bool, StoreError> {
        let (kind, id) = target_parts(target);
        let done = sqlx::query(
            "DELETE FROM blocks WHERE guild_id = $1 AND target_kind = $2 AND target_id = $3",
        )
        .bind(sf(guild.0))
        .bind(kind)
        .bind(id)
        .execute(&self.pool)
        .await
        .doing("unblocking")?;
        Ok(done.rows_affected() > 0)
    }

    /// The guild's blocks still in force at `now`.
    pub async fn blocks(
        &self,
        guild: GuildId,
        now: DateTime<Utc>,
    ) -> Result<Vec<Block>, StoreError> {
        const DOING: &str = "loading the blocklist";
        let rows = sqlx::query(
            "SELECT target_kind, target_id, reason, blocked_by, blocked_at, expires_at \
             FROM blocks WHERE guild_id = $1 AND (expires_at IS NULL OR expires_at > $2) \
             ORDER BY blocked_at",
        )
        .bind(sf(guild.0))
        .bind(ms(now))
        .fetch_all(&self.pool)
        .await
        .doing(DOING)?;
        rows.iter()
            .map(block_from_row)
            .collect::<Result<_, _>>()
            .doing(DOING)
    }

    /// When `user` asked L0 in the `window` before `now`, oldest first.
    pub async fn questions_asked_within(
        &self,
        guild: GuildId,
        user: UserId,
        window: Duration,
        now: DateTime<Utc>,
    ) -> Result<Vec<DateTime<Utc>>, StoreError> {
        self.times(
            "SELECT asked_at AS at FROM l0_exchanges WHERE guild_id = $1 AND user_id = $2 \
             AND asked_at > $3 ORDER BY asked_at",
            guild,
            user,
            now - window,
            "counting a user's recent questions",
        )
        .await
    }

    async fn times(
        &self,
        sql: &str,
        guild: GuildId,
        user: UserId,
        since: DateTime<Utc>,
        doing: &str,
    ) -> Result<Vec<DateTime<Utc>>, StoreError> {
        let rows = sqlx::query(sql)
            .bind(sf(guild.0))
            .bind(sf(user.0))
            .bind(ms(since))
            .fetch_all(&self.pool)
            .await
            .doing(doing)?;
        rows.iter()
            .map(|r| r.time("at"))
            .collect::<Result<_, _>>()
            .doing(doing)
    }
}

fn block_from_row(row: &AnyRow) -> Result<Block, Bad> {
    let id = row.u64("target_id")?;
    let target = match row.text("target_kind")?.as_str() {
        "user" => BlockTarget::User(UserId(id)),
        "role" => BlockTarget::Role(RoleId(id)),
        other => return Err(Bad(format!("target_kind: {other:?}"))),
    };
    Ok(Block {
        target,
        reason: row.opt_text("reason")?,
        by: UserId(row.u64("blocked_by")?),
        at: row.time("blocked_at")?,
        expires_at: row.opt_time("expires_at")?,
    })
}
