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

/// Take a ticket: you answer it from now on
#[poise::command(slash_command, guild_only)]
pub async fn claim(
    ctx: Context<'_>,
    #[description = "Ticket number (default: this thread's ticket)"]
    #[min = 1]
    ticket: Option<i64>,
) -> Result<(), BotError> {
    let (env, t) = env_and_ticket(ctx, ticket).await?;
    ctx.defer_ephemeral().await?;
    let done = ops::claim(ctx.http(), ctx.data(), &env, &t).await?;
    ephemeral(ctx, done).await
}

/// Give a ticket back to its level's queue
#[poise::command(slash_command, guild_only)]
pub async fn unclaim(
    ctx: Context<'_>,
    #[description = "Ticket number (default: this thread's ticket)"]
    #[min = 1]
    ticket: Option<i64>,
) -> Result<(), BotError> {
    let (env, t) = env_and_ticket(ctx, ticket).await?;
    ctx.defer_ephemeral().await?;
    let done = ops::unclaim(ctx.http(), ctx.data(), &env, &t).await?;
    ephemeral(ctx, done).await
}

/// Hand a ticket to another member of its level
#[poise::command(slash_command, guild_only)]
pub async fn transfer(
    ctx: Context<'_>,
    #[description = "Who takes it over"] member: serenity::Member,
    #[description = "Ticket number (default: this thread's ticket)"]
    #[min = 1]
    ticket: Option<i64>,
) -> Result<(), BotError> {
    let (env, t) = env_and_ticket(ctx, ticket).await?;
    let to = actor_of(member.user.id.get(), Some(&member), &env.settings);
    ctx.defer_ephemeral().await?;
    let done = ops::transfer(ctx.http(), ctx.data(), &env, &t, &to).await?;
    ephemeral(ctx, done).await
}

/// Move a ticket up the ladder, with a reason for the next level
#[poise::command(slash_command, guild_only)]
pub async fn escalate(
    ctx: Context<'_>,
    #[description = "Why it needs a higher level"]
    #[max_length = 1000]
    reason: String,
    #[description = "Target level 2-4 (default: the next one)"]
    #[min = 2]
    #[max = 4]
    level: Option<u8>,
    #[description = "Ticket number (default: this thread's ticket)"]
    #[min = 1]
    ticket: Option<i64>,
) -> Result<(), BotError> {
    let (env, t) = env_and_ticket(ctx, ticket).await?;
    let to = level_of(level)?;
    ctx.defer_ephemeral().await?;
    let done = ops::move_level(ctx.http(), ctx.data(), &env, &t, true, to, &reason).await?;
    ephemeral(ctx, done).await
}

/// Move a ticket down the ladder, with a reason
#[poise::command(slash_command, guild_only)]
pub async fn deescalate(
    ctx: Context<'_>,
    #[description = "Why a lower level should take it"]
    #[max_length = 1000]
    reason: String,
    #[description = "Target level 1-3 (default: the one below)"]
    #[min = 1]
    #[max = 3]
    level: Option<u8>,
    #[description = "Ticket number (default: this thread's ticket)"]
    #[min = 1]
    ticket: Option<i64>,
) -> Result<(), BotError> {
    let (env, t) = env_and_ticket(ctx, ticket).await?;
    let to = level_of(level)?;
    ctx.defer_ephemeral().await?;
    let done = ops::move_level(ctx.http(), ctx.data(), &env, &t, false, to, &reason).await?;
    ephemeral(ctx, done).await
}

/// Add an internal note (staff only, never shown to the user)
#[poise::command(slash_command, guild_only)]
pub async fn note(
    ctx: Context<'_>,
    #[description = "The note"]
    #[max_length = 1800]
    text: String,
    #[description = "Ticket number (default: this thread's ticket)"]
    #[min = 1]
    ticket: Option<i64>,
) -> Result<(), BotError> {
    let (env, t) = env_and_ticket(ctx, ticket).await?;
    ctx.defer_ephemeral().await?;
    let done = ops::note(ctx.http(), ctx.data(), &env, &t, &text).await?;
    ephemeral(ctx, done).await
}

/// Close a ticket now
#[poise::command(slash_command, guild_only)]
pub async fn close(
    ctx: Context<'_>,
    #[description = "Why (shown to the user)"]
    #[max_length = 1000]
    reason: Option<String>,
    #[description = "Ticket number (default: this thread's ticket)"]
    #[min = 1]
    ticket: Option<i64>,
) -> Result<(), BotError> {
    let (env, t) = env_and_ticket(ctx, ticket).await?;
    ctx.defer_ephemeral().await?;
    let done = ops::close(ctx.http(), ctx.data(), &env, &t, reason.as_deref()).await?;
    ephemeral(ctx, done).await
}

/// Reopen a closed ticket
#[poise::command(slash_command, guild_only)]
pub async fn reopen(
    ctx: Context<'_>,
    #[description = "Ticket number (default: this thread's ticket)"]
    #[min = 1]
    ticket: Option<i64>,
) -> Result<(), BotError> {
    let (env, t) = env_and_ticket(ctx, ticket).await?;
    ctx.defer_ephemeral().await?;
    let done = ops::reopen(ctx.http(), ctx.data(), &env, &t).await?;
    ephemeral(ctx, done).await
}

/// Ask the user whether this solved it (they confirm and rate, or say no)
#[poise::command(slash_command, guild_only)]
pub async fn resolve(
    ctx: Context<'_>,
    #[description = "What was done (the user sees it)"]
    #[max_length = 1500]
    summary: Option<String>,
    #[description = "Ticket number (default: this thread's ticket)"]
    #[min = 1]
    ticket: Option<i64>,
) -> Result<(), BotError> {
    let (env, t) = env_and_ticket(ctx, ticket).await?;
    ctx.defer_ephemeral().await?;
    let done =
        crate::bot::flows::resolve::request(ctx.http(), ctx.data(), &env, &t, summary.as_deref())
            .await?;
    ephemeral(ctx, done).await
}
