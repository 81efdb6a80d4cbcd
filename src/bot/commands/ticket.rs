//! `/ticket open|info|queue`.

use super::{env, env_and_ticket};
use crate::bot::app::Context;
use crate::bot::error::BotError;
use crate::bot::flows::open::{self, Opening};
use crate::bot::flows::transcript::transcript_file;
use crate::bot::mentions;
use crate::bot::render::info;
use crate::bot::reply::ephemeral;
use crate::tickets::{allows, allows_in_guild, GuildAction, Level, TicketAction, TicketSource};

/// Tickets: open one, see one, see a level's queue
#[poise::command(
    slash_command,
    guild_only,
    subcommands("open", "info", "queue", "transcript"),
    subcommand_required
)]
pub async fn ticket(_ctx: Context<'_>) -> Result<(), BotError> {
    Ok(())
}

/// Open a ticket for the help desk
#[poise::command(slash_command, guild_only)]
pub async fn open(
    ctx: Context<'_>,
    #[description = "What do you need help with?"]
    #[max_length = 1000]
    question: String,
) -> Result<(), BotError> {
    let env = env(ctx).await?;
    allows_in_guild(GuildAction::Open, &env.actor).map_err(BotError::Refused)?;
    ctx.defer_ephemeral().await?;
    let opening = Opening {
        question: &question,
        source: TicketSource::Interaction(ctx.id()),
        key: ctx.id().to_string(),
        locale: env.locale,
    };
    let done = open::open(ctx.http(), ctx.data(), &env, opening).await?;
    ephemeral(ctx, done).await
}

/// Show a ticket: here, or by its number
#[poise::command(slash_command, guild_only)]
pub async fn info(
    ctx: Context<'_>,
    #[description = "Ticket number (default: this thread's ticket)"]
    #[min = 1]
    number: Option<i64>,
) -> Result<(), BotError> {
    let (env, t) = env_and_ticket(ctx, number).await?;
    allows(TicketAction::ViewInfo, &env.actor, &t).map_err(BotError::Refused)?;
    let for_staff = env.actor.is_admin || env.actor.is_staff();
    ctx.send(
        poise::CreateReply::default()
            .embed(info::embed(env.locale, &t, for_staff))
            .ephemeral(true)
            .allowed_mentions(mentions::nobody()),
    )
    .await?;
    Ok(())
}

/// The open tickets of a level
#[poise::command(slash_command, guild_only)]
pub async fn queue(
    ctx: Context<'_>,
    #[description = "Level 1-4 (default: your own)"]
    #[min = 1]
    #[max = 4]
    level: Option<u8>,
) -> Result<(), BotError> {
    let env = env(ctx).await?;
    let level = match level.map(Level::try_from) {
        Some(Ok(l)) => l,
        Some(Err(_)) => return Err(BotError::say("error-bad-level")),
        None => env.actor.staff_levels.iter().next().unwrap_or(Level::L1),
    };
    allows_in_guild(GuildAction::ViewQueue(level), &env.actor).map_err(BotError::Refused)?;
    let tickets = ctx.data().store.queue(env.guild, level).await?;
    ephemeral(ctx, info::queue(env.locale, level, &tickets)).await
}

/// The transcript of a closed ticket (admins and staff of a level that handled it)
#[poise::command(slash_command, guild_only)]
pub async fn transcript(
    ctx: Context<'_>,
    #[description = "Ticket number"]
    #[min = 1]
    number: i64,
) -> Result<(), BotError> {
    let (env, t) = env_and_ticket(ctx, Some(number)).await?;
    allows(TicketAction::ReadTranscript, &env.actor, &t).map_err(BotError::Refused)?;
    ctx.defer_ephemeral().await?;
    let entries = ctx.data().store.transcript(t.id).await?;
    if entries.is_empty() {
        return ephemeral(
            ctx,
            crate::tr!(
                env.locale,
                "transcript-not-kept",
                number = t.number.to_string()
            ),
        )
        .await;
    }
    let file = transcript_file(ctx.data(), &t, &entries, env.locale)
        .await
        .ok_or_else(|| BotError::say("error-generic"))?;
    ctx.send(
        poise::CreateReply::default()
            .content(crate::tr!(
                env.locale,
                "transcript-here",
                number = t.number.to_string(),
                messages = entries.len()
            ))
            .attachment(file)
            .ephemeral(true)
            .allowed_mentions(mentions::nobody()),
    )
    .await?;
    Ok(())
}
