//! Staff commands on a ticket (the one whose thread they run in, or the
//! number given): claim, unclaim, transfer, escalate, de-escalate, note,
//! close, reopen. The user may close and reopen their own.

use poise::serenity_prelude as serenity;

use super::env_and_ticket;
use crate::bot::actor::actor_of;
use crate::bot::app::Context;
use crate::bot::error::BotError;
use crate::bot::flows::ops;
use crate::bot::reply::ephemeral;
use crate::tickets::Level;

fn level_of(n: Option<u8>) -> Result<Option<Level>, BotError> {
    match n {
        None => Ok(None),
        Some(n) => Level::try_from(n)
            .map(Some)
            .map_err(|_| BotError::say("error-bad-level")),
    }
}

/// `/claim [ticket]`: see `ops::claim`. Text: `cmd-claim`.
#[poise::command(slash_command, guild_only)]
pub async fn claim(ctx: Context<'_>, #[min = 1] ticket: Option<i64>) -> Result<(), BotError> {
    let (env, t) = env_and_ticket(ctx, ticket).await?;
    ctx.defer_ephemeral().await?;
    let done = ops::claim(ctx.http(), ctx.data(), &env, &t).await?;
    ephemeral(ctx, done).await
}

/// `/unclaim [ticket]`: see `ops::unclaim`.
#[poise::command(slash_command, guild_only)]
pub async fn unclaim(ctx: Context<'_>, #[min = 1] ticket: Option<i64>) -> Result<(), BotError> {
    let (env, t) = env_and_ticket(ctx, ticket).await?;
    ctx.defer_ephemeral().await?;
    let done = ops::unclaim(ctx.http(), ctx.data(), &env, &t).await?;
    ephemeral(ctx, done).await
}

/// `/transfer member [ticket]`: see `ops::transfer`.
#[poise::command(slash_command, guild_only)]
pub async fn transfer(
    ctx: Context<'_>,
    member: serenity::Member,
    #[min = 1] ticket: Option<i64>,
) -> Result<(), BotError> {
    let (env, t) = env_and_ticket(ctx, ticket).await?;
    let to = actor_of(member.user.id.get(), Some(&member), &env.settings);
    ctx.defer_ephemeral().await?;
    let done = ops::transfer(ctx.http(), ctx.data(), &env, &t, &to).await?;
    ephemeral(ctx, done).await
}

/// `/escalate reason [level] [ticket]`: see `ops::move_level`.
#[poise::command(slash_command, guild_only)]
pub async fn escalate(
    ctx: Context<'_>,
    #[max_length = 1000] reason: String,
    #[min = 2]
    #[max = 4]
    level: Option<u8>,
    #[min = 1] ticket: Option<i64>,
) -> Result<(), BotError> {
    let (env, t) = env_and_ticket(ctx, ticket).await?;
    let to = level_of(level)?;
    ctx.defer_ephemeral().await?;
    let done = ops::move_level(ctx.http(), ctx.data(), &env, &t, true, to, &reason).await?;
    ephemeral(ctx, done).await
}

/// `/deescalate reason [level] [ticket]`: see `ops::move_level`.
#[poise::command(slash_command, guild_only)]
pub async fn deescalate(
    ctx: Context<'_>,
    #[max_length = 1000] reason: String,
    #[min = 1]
    #[max = 3]
    level: Option<u8>,
    #[min = 1] ticket: Option<i64>,
) -> Result<(), BotError> {
    let (env, t) = env_and_ticket(ctx, ticket).await?;
    let to = level_of(level)?;
    ctx.defer_ephemeral().await?;
    let done = ops::move_level(ctx.http(), ctx.data(), &env, &t, false, to, &reason).await?;
    ephemeral(ctx, done).await
}

/// `/note text [ticket]`: see `ops::note`.
#[poise::command(slash_command, guild_only)]
pub async fn note(
    ctx: Context<'_>,
    #[max_length = 1800] text: String,
    #[min = 1] ticket: Option<i64>,
) -> Result<(), BotError> {
    let (env, t) = env_and_ticket(ctx, ticket).await?;
    ctx.defer_ephemeral().await?;
    let done = ops::note(ctx.http(), ctx.data(), &env, &t, &text).await?;
    ephemeral(ctx, done).await
}

/// `/close [reason] [ticket]`: see `ops::close`.
#[poise::command(slash_command, guild_only)]
pub async fn close(
    ctx: Context<'_>,
    #[max_length = 1000] reason: Option<String>,
    #[min = 1] ticket: Option<i64>,
) -> Result<(), BotError> {
    let (env, t) = env_and_ticket(ctx, ticket).await?;
    ctx.defer_ephemeral().await?;
    let done = ops::close(ctx.http(), ctx.data(), &env, &t, reason.as_deref()).await?;
    ephemeral(ctx, done).await
}

/// `/reopen [ticket]`: see `ops::reopen`.
#[poise::command(slash_command, guild_only)]
pub async fn reopen(ctx: Context<'_>, #[min = 1] ticket: Option<i64>) -> Result<(), BotError> {
    let (env, t) = env_and_ticket(ctx, ticket).await?;
    ctx.defer_ephemeral().await?;
    let done = ops::reopen(ctx.http(), ctx.data(), &env, &t).await?;
    ephemeral(ctx, done).await
}

/// `/resolve [summary] [ticket]`: see `resolve::request`.
#[poise::command(slash_command, guild_only)]
pub async fn resolve(
    ctx: Context<'_>,
    #[max_length = 1500] summary: Option<String>,
    #[min = 1] ticket: Option<i64>,
) -> Result<(), BotError> {
    let (env, t) = env_and_ticket(ctx, ticket).await?;
    ctx.defer_ephemeral().await?;
    let done =
        crate::bot::flows::resolve::request(ctx.http(), ctx.data(), &env, &t, summary.as_deref())
            .await?;
    ephemeral(ctx, done).await
}
