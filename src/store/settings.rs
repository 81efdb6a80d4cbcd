//! Guild settings: one row per guild, one per level, one per help channel.

use chrono::{DateTime, Duration, Utc};
use sqlx::AnyConnection;

use super::convert::{flag, ms, sf, Col};
use super::error::{Bad, Doing, StoreError};
use super::service::{load_service, save_service};
use super::Store;
use crate::i18n::Locale;
use crate::tickets::{ChannelId, GuildId, GuildSettings, Level, RoleId};

impl Store {
    /// The guild's settings; the defaults of [`GuildSettings::new`] for a
    /// guild nobody has set up. From memory when read in the last
    /// [`SETTINGS_TTL`](super::SETTINGS_TTL) and not saved since by this
    /// process (`settings_cache` says why that is safe).
    pub async fn settings(&self, guild: GuildId) -> Result<GuildSettings, StoreError> {
        let epoch = match self.settings_cache.get(guild) {
            Ok(cached) => return Ok(cached),
            Err(epoch) => epoch,
        };
        let mut conn = self.conn().await?;
        let settings = load_settings(&mut conn, guild).await?;
        self.settings_cache.put(epoch, &settings);
        Ok(settings)
    }

    /// Replaces the guild's settings (call `GuildSettings::validate` first).
    pub async fn save_settings(
        &self,
        s: &GuildSettings,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        const DOING: &str = "saving guild settings";
        let guild = sf(s.guild.0);
        let mut tx = self.pool.begin().await.doing(DOING)?;
        sqlx::query(
            "INSERT INTO guild_settings (guild_id, support_channel_id, log_channel_id, \
             answer_plain_messages, ticket_limit, cooldown_secs, auto_close_hours, reopen_days, \
             default_locale, small_talk, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
             ON CONFLICT (guild_id) DO UPDATE SET \
             support_channel_id = excluded.support_channel_id, \
             log_channel_id = excluded.log_channel_id, \
             answer_plain_messages = excluded.answer_plain_messages, \
             ticket_limit = excluded.ticket_limit, cooldown_secs = excluded.cooldown_secs, \
             auto_close_hours = excluded.auto_close_hours, reopen_days = excluded.reopen_days, \
             default_locale = excluded.default_locale, small_talk = excluded.small_talk, \
             updated_at = excluded.updated_at",
        )
        .bind(guild)
        .bind(s.support_channel.map(|c| sf(c.0)))
        .bind(s.log_channel.map(|c| sf(c.0)))
        .bind(flag(s.answer_plain_messages))
        .bind(i64::from(s.ticket_limit))
        .bind(s.cooldown.num_seconds())
        .bind(i64::from(s.auto_close_hours))
        .bind(i64::from(s.reopen_days))
        .bind(s.default_locale.map(|l| l.code()))
        .bind(flag(s.small_talk))
        .bind(ms(now))
        .execute(&mut *tx)
        .await
        .doing(DOING)?;
        for level in Level::ALL {
            let l = s.level(level);
            sqlx::query(
                "INSERT INTO guild_levels (guild_id, level, channel_id, role_id, sla_secs) \
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT (guild_id, level) DO UPDATE SET \
                 channel_id = excluded.channel_id, role_id = excluded.role_id, \
                 sla_secs = excluded.sla_secs",
            )
            .bind(guild)
            .bind(i64::from(level))
            .bind(l.channel.map(|c| sf(c.0)))
            .bind(l.role.map(|r| sf(r.0)))
            .bind(l.sla.num_seconds())
            .execute(&mut *tx)
            .await
            .doing(DOING)?;
        }
        sqlx::query("DELETE FROM guild_help_channels WHERE guild_id = $1")
            .bind(guild)
            .execute(&mut *tx)
            .await
            .doing(DOING)?;
        for channel in &s.help_channels {
            sqlx::query(
                "INSERT INTO guild_help_channels (guild_id, channel_id) VALUES ($1, $2) \
                 ON CONFLICT DO NOTHING",
            )
            .bind(guild)
            .bind(sf(channel.0))
            .execute(&mut *tx)
            .await
            .doing(DOING)?;
        }
        save_service(&mut tx, s.guild, &s.service).await?;
        super::intake::save_intake(&mut tx, s).await?;
        let committed = tx.commit().await.doing(DOING);
        // After the commit: a read that began before it may hold the old
        // settings, and forgetting turns its result away (the epoch).
        self.settings_cache.forget(s.guild);
        committed
    }
}

pub(crate) async fn load_settings(
    conn: &mut AnyConnection,
    guild: GuildId,
) -> Result<GuildSettings, StoreError> {
    const DOING: &str = "loading guild settings";
    let mut s = GuildSettings::new(guild);
    let row = sqlx::query(
        "SELECT support_channel_id, log_channel_id, answer_plain_messages, ticket_limit, \
         cooldown_secs, auto_close_hours, reopen_days, default_locale, small_talk \
         FROM guild_settings WHERE guild_id = $1",
    )
    .bind(sf(guild.0))
    .fetch_optional(&mut *conn)
    .await
    .doing(DOING)?;
    let Some(row) = row else {
        s.service = load_service(conn, guild).await?;
        return Ok(s);
    };
    let read = |s: &mut GuildSettings| -> Result<(), Bad> {
        s.support_channel = row.opt_u64("support_channel_id")?.map(ChannelId);
        s.log_channel = row.opt_u64("log_channel_id")?.map(ChannelId);
        s.answer_plain_messages = row.flag("answer_plain_messages")?;
        s.small_talk = row.flag("small_talk")?;
        s.ticket_limit = small(row.i64("ticket_limit")?, "ticket_limit")?;
        s.cooldown = Duration::seconds(row.i64("cooldown_secs")?);
        s.auto_close_hours = small(row.i64("auto_close_hours")?, "auto_close_hours")?;
        s.reopen_days = small(row.i64("reopen_days")?, "reopen_days")?;
        s.default_locale = match row.opt_text("default_locale")? {
            None => None,
            Some(code) => Some(
                Locale::from_tag(&code).ok_or_else(|| Bad(format!("default_locale: {code:?}")))?,
            ),
        };
        Ok(())
    };
    read(&mut s).doing(DOING)?;

    let levels = sqlx::query(
        "SELECT level, channel_id, role_id, sla_secs FROM guild_levels WHERE guild_id = $1",
    )
    .bind(sf(guild.0))
    .fetch_all(&mut *conn)
    .await
    .doing(DOING)?;
    for row in &levels {
        let read_level = |s: &mut GuildSettings| -> Result<(), Bad> {
            let l = s.level_mut(row.level("level")?);
            l.channel = row.opt_u64("channel_id")?.map(ChannelId);
            l.role = row.opt_u64("role_id")?.map(RoleId);
            l.sla = Duration::seconds(row.i64("sla_secs")?);
            Ok(())
        };
        read_level(&mut s).doing(DOING)?;
    }

    let help = sqlx::query(
        "SELECT channel_id FROM guild_help_channels WHERE guild_id = $1 ORDER BY channel_id",
    )
    .bind(sf(guild.0))
    .fetch_all(&mut *conn)
    .await
    .doing(DOING)?;
    s.help_channels = help
        .iter()
        .map(|r| r.u64("channel_id").map(ChannelId))
        .collect::<Result<_, _>>()
        .doing(DOING)?;
    s.service = load_service(conn, guild).await?;
    super::intake::load_intake(conn, &mut s).await?;
    Ok(s)
}

fn small(v: i64, col: &str) -> Result<u32, Bad> {
    u32::try_from(v).map_err(|_| Bad(format!("{col}: {v} out of range")))
}
