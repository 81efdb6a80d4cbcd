//! `/setup support | level | sla | help | log`: the channels and roles of
//! the ladder, each checked against the ladder's rules before it is saved.

use poise::serenity_prelude::{self as serenity};

use super::ladder;
use super::{admin_env, save};
use crate::bot::app::Context;
use crate::bot::error::BotError;
use crate::tickets::{ChannelId, ChannelUse, Level, RoleId};

/// `/setup support channel`: where user threads are made.
#[poise::command(slash_command, guild_only)]
pub async fn support(
    ctx: Context<'_>,
    #[channel_types("Text")] channel: serenity::GuildChannel,
) -> Result<(), BotError> {
    let env = admin_env(ctx).await?;
    let mut s = env.settings.clone();
    let id = ChannelId(channel.id.get());
    s.support_channel = Some(id);
    ladder::refuse_if_unsafe(ctx.guild().as_deref(), &s, id, ChannelUse::Support)?;
    save(ctx, &env, s).await
}

/// `/setup level level channel role [sla_minutes]`: a level's channel and role.
#[poise::command(slash_command, guild_only)]
pub async fn level(
    ctx: Context<'_>,
    #[min = 1]
    #[max = 4]
    level: u8,
    #[channel_types("Text")] channel: serenity::GuildChannel,
    role: serenity::Role,
    #[min = 1]
    #[max = 43200]
    sla_minutes: Option<u32>,
) -> Result<(), BotError> {
    let env = admin_env(ctx).await?;
    let level = Level::try_from(level).map_err(|_| BotError::say("error-bad-level"))?;
    let mut s = env.settings.clone();
    let id = ChannelId(channel.id.get());
    let l = s.level_mut(level);
    l.channel = Some(id);
    l.role = Some(RoleId(role.id.get()));
    if let Some(m) = sla_minutes {
        l.sla = chrono::Duration::minutes(i64::from(m));
    }
    ladder::refuse_if_unsafe(ctx.guild().as_deref(), &s, id, ChannelUse::Level(level))?;
    save(ctx, &env, s).await
}

/// `/setup sla level minutes`: a level's first-response target.
#[poise::command(slash_command, guild_only)]
pub async fn sla(
    ctx: Context<'_>,
    #[min = 1]
    #[max = 4]
    level: u8,
    #[min = 1]
    #[max = 43200]
    minutes: u32,
) -> Result<(), BotError> {
    let env = admin_env(ctx).await?;
    let level = Level::try_from(level).map_err(|_| BotError::say("error-bad-level"))?;
    let mut s = env.settings.clone();
    s.level_mut(level).sla = chrono::Duration::minutes(i64::from(minutes));
    save(ctx, &env, s).await
}

/// `/setup help channel [remove] [answer_messages]`: the help channels.
#[poise::command(slash_command, guild_only)]
pub async fn help(
    ctx: Context<'_>,
    #[channel_types("Text")] channel: serenity::GuildChannel,
    remove: Option<bool>,
    answer_messages: Option<bool>,
) -> Result<(), BotError> {
    let env = admin_env(ctx).await?;
    let mut s = env.settings.clone();
    let id = ChannelId(channel.id.get());
    if remove.unwrap_or(false) {
        s.help_channels.remove(&id);
    } else {
        s.help_channels.insert(id);
    }
    if let Some(on) = answer_messages {
        s.answer_plain_messages = on;
    }
    save(ctx, &env, s).await
}

/// `/setup log channel`: where closings and transcripts are posted.
#[poise::command(slash_command, guild_only)]
pub async fn log(
    ctx: Context<'_>,
    #[channel_types("Text")] channel: serenity::GuildChannel,
) -> Result<(), BotError> {
    let env = admin_env(ctx).await?;
    let mut s = env.settings.clone();
    let id = ChannelId(channel.id.get());
    s.log_channel = Some(id);
    ladder::refuse_if_unsafe(ctx.guild().as_deref(), &s, id, ChannelUse::Log)?;
    save(ctx, &env, s).await
}
