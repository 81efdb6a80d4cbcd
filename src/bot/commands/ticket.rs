//! `/ticket open|info|queue`.

use super::{env, env_and_ticket};
use crate::bot::app::Context;
use crate::bot::error::BotError;
use crate::bot::flows::intake::{self, Start};
use crate::bot::flows::open::{self, Opening};
use crate::bot::flows::transcript::transcript_file;
use crate::bot::mentions;
use crate::bot::render::info;
use crate::bot::reply::ephemeral;
use crate::tickets::{
    allows, allows_in_guild, readable_by, GuildAction, Level, TicketAction, TicketSource,
};

/// The `/ticket` group; its text is `cmd-ticket…` in the catalogues.
#[poise::command(
    slash_command,
    guild_only,
    subcommands("open", "info", "queue", "transcript"),
    subcommand_required
)]
pub async fn ticket(_ctx: Context<'_>) -> Result<(), BotError> {
    Ok(())
}

/// `/ticket open question`: see `open::open`.
#[poise::command(slash_command, guild_only)]
pub async fn open(ctx: Context<'_>, #[max_length = 1000] question: String) -> Result<(), BotError> {
    let env = env(ctx).await?;
    allows_in_guild(GuildAction::Open, &env.actor).map_err(BotError::Refused)?;
    let source = TicketSource::Interaction(ctx.id());
    // The server's intake first (a menu or a form), if it asks anything.
    if let Some(start) = intake::begin(ctx.data(), &env, &question, source, env.locale).await? {
        return show_intake(ctx, start).await;
    }
    ctx.defer_ephemeral().await?;
    let opening = Opening {
        question: &question,
        source,
        key: ctx.id().to_string(),
        locale: env.locale,
        intake: Default::default(),
    };
    let done = open::open(ctx.http(), ctx.data(), &env, opening).await?;
    ephemeral(ctx, done).await
}

/// Answers `/ticket open` with the intake's first step: the topic menu
/// (ephemeral) or the questions form.
async fn show_intake(ctx: Context<'_>, start: Start) -> Result<(), BotError> {
    match start {
        Start::Menu { text, rows } => {
            ctx.send(
                poise::CreateReply::default()
                    .content(text)
                    .components(rows)
                    .ephemeral(true)
                    .allowed_mentions(mentions::nobody()),
            )
            .await?;
        }
        Start::Form(modal) => {
            let poise::Context::Application(app) = ctx else {
                return Err(BotError::say("error-generic"));
            };
            app.interaction
                .create_response(
                    ctx.http(),
                    poise::serenity_prelude::CreateInteractionResponse::Modal(modal),
                )
                .await?;
            app.has_sent_initial_response
                .store(true, std::sync::atomic::Ordering::SeqCst);
        }
    }
    Ok(())
}

/// `/ticket info [ticket]`: the card as an embed (staff also get the cases).
#[poise::command(slash_command, guild_only)]
pub async fn info(ctx: Context<'_>, #[min = 1] ticket: Option<i64>) -> Result<(), BotError> {
    let (env, t) = env_and_ticket(ctx, ticket).await?;
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

/// `/ticket queue [level]`: a level's open tickets, for staff of that level or above.
#[poise::command(slash_command, guild_only)]
pub async fn queue(
    ctx: Context<'_>,
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

/// `/ticket transcript ticket`: the stored transcript as HTML, cut to what the reader may see.
#[poise::command(slash_command, guild_only)]
pub async fn transcript(ctx: Context<'_>, #[min = 1] ticket: i64) -> Result<(), BotError> {
    let (env, t) = env_and_ticket(ctx, Some(ticket)).await?;
    allows(TicketAction::ReadTranscript, &env.actor, &t).map_err(BotError::Refused)?;
    ctx.defer_ephemeral().await?;
    let stored = ctx.data().store.transcript(t.id).await?;
    // A lower level never reads a higher case, nor its notes.
    let entries: Vec<_> = readable_by(&stored, &t, &env.actor)
        .into_iter()
        .cloned()
        .collect();
    if stored.is_empty() {
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
