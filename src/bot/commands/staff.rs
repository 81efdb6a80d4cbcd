//! Staff commands on a ticket (the one whose thread they run in, or the
//! number given): claim, unclaim, transfer, escalate, de-escalate, note,
//! close, reopen. The user may close and reopen their own.

use poise::serenity_prelude as serenity;

use super::env_and_ticket;
use crate::bot::actor::actor_of;
use crate::bot::app::Context;
use crate::bot::error::BotError;
use crate::bot::flows::ops;
use crate::bot::flows::Env;
use crate::bot::reply::ephemeral;
use crate::tickets::{Direction, Level, Ticket};

/// What every command here does around its operation: find the ticket
/// (the one whose thread it runs in, or the number given), acknowledge at
/// once (the operation's Discord steps may outlast Discord's 3 seconds), run
/// it, and tell the person the result privately.
async fn on_ticket(
    ctx: Context<'_>,
    ticket: Option<i64>,
    operation: impl AsyncFnOnce(&Env, &Ticket) -> Result<String, BotError>,
) -> Result<(), BotError> {
    let (env, t) = env_and_ticket(ctx, ticket).await?;
    ctx.defer_ephemeral().await?;
    let done = operation(&env, &t).await?;
    ephemeral(ctx, done).await
}

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
    on_ticket(ctx, ticket, async |env, t| {
        ops::claim(ctx.http(), ctx.data(), env, t).await
    })
    .await
}

/// `/unclaim [ticket]`: see `ops::unclaim`.
#[poise::command(slash_command, guild_only)]
pub async fn unclaim(ctx: Context<'_>, #[min = 1] ticket: Option<i64>) -> Result<(), BotError> {
    on_ticket(ctx, ticket, async |env, t| {
        ops::unclaim(ctx.http(), ctx.data(), env, t).await
    })
    .await
}

/// `/transfer member [ticket]`: see `ops::transfer`.
#[poise::command(slash_command, guild_only)]
pub async fn transfer(
    ctx: Context<'_>,
    member: serenity::Member,
    #[min = 1] ticket: Option<i64>,
) -> Result<(), BotError> {
    on_ticket(ctx, ticket, async |env, t| {
        let to = actor_of(member.user.id.get(), Some(&member), &env.settings);
        ops::transfer(ctx.http(), ctx.data(), env, t, &to).await
    })
    .await
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
    let to = level_of(level)?;
    on_ticket(ctx, ticket, async |env, t| {
        ops::move_level(ctx.http(), ctx.data(), env, t, Direction::Up, to, &reason).await
    })
    .await
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
    let to = level_of(level)?;
    on_ticket(ctx, ticket, async |env, t| {
        ops::move_level(ctx.http(), ctx.data(), env, t, Direction::Down, to, &reason).await
    })
    .await
}

/// `/note text [ticket]`: see `ops::note`.
#[poise::command(slash_command, guild_only)]
pub async fn note(
    ctx: Context<'_>,
    #[max_length = 1800] text: String,
    #[min = 1] ticket: Option<i64>,
) -> Result<(), BotError> {
    on_ticket(ctx, ticket, async |env, t| {
        ops::note(ctx.http(), ctx.data(), env, t, &text).await
    })
    .await
}

/// `/close [reason] [ticket]`: see `ops::close`.
#[poise::command(slash_command, guild_only)]
pub async fn close(
    ctx: Context<'_>,
    #[max_length = 1000] reason: Option<String>,
    #[min = 1] ticket: Option<i64>,
) -> Result<(), BotError> {
    on_ticket(ctx, ticket, async |env, t| {
        ops::close(ctx.http(), ctx.data(), env, t, reason.as_deref()).await
    })
    .await
}

/// `/reopen [ticket]`: see `ops::reopen`.
#[poise::command(slash_command, guild_only)]
pub async fn reopen(ctx: Context<'_>, #[min = 1] ticket: Option<i64>) -> Result<(), BotError> {
    on_ticket(ctx, ticket, async |env, t| {
        ops::reopen(ctx.http(), ctx.data(), env, t).await
    })
    .await
}

/// `/resolve [summary] [ticket]`: see `resolve::request`.
#[poise::command(slash_command, guild_only)]
pub async fn resolve(
    ctx: Context<'_>,
    #[max_length = 1500] summary: Option<String>,
    #[min = 1] ticket: Option<i64>,
) -> Result<(), BotError> {
    on_ticket(ctx, ticket, async |env, t| {
        crate::bot::flows::resolve::request(ctx.http(), ctx.data(), env, t, summary.as_deref())
            .await
    })
    .await
}
