//! The slash commands, one file per group. Every command checks the
//! permission table of design.md on the server side (through the domain's
//! policy) and answers ephemerally.
//!
//! What people read of a command (its name, description and options) lives
//! only in the catalogues (`cmd-…` in `en.ftl` and `ru.ftl`), applied at
//! start by `localize`; the doc comments here are for developers (poise
//! takes them as a placeholder description, which is then replaced).

mod ask;
mod block;
mod close_request;
mod kb;
mod setup;
mod staff;
mod stats;
mod ticket;

use super::app::{Context, Data};
use super::error::BotError;
use super::find::ticket_for;
use super::flows::Env;
use crate::tickets::{ChannelId, GuildId, Ticket, UserId};

pub fn all() -> Vec<poise::Command<Data, BotError>> {
    vec![
        ask::ask(),
        ticket::ticket(),
        staff::claim(),
        staff::unclaim(),
        staff::transfer(),
        staff::escalate(),
        staff::deescalate(),
        staff::note(),
        staff::resolve(),
        staff::close(),
        close_request::close_request(),
        staff::reopen(),
        kb::kb(),
        stats::stats(),
        setup::setup(),
        block::block(),
        block::unblock(),
    ]
}

/// Who runs the command, where.
pub async fn env(ctx: Context<'_>) -> Result<Env, BotError> {
    let member = ctx.author_member().await;
    Env::load(
        ctx.data(),
        ctx.guild_id().map(|g| GuildId(g.get())),
        ChannelId(ctx.channel_id().get()),
        UserId(ctx.author().id.get()),
        member.as_deref(),
        ctx.locale(),
    )
    .await
}

/// Who runs the command, and the ticket it is about: the number given, or
/// the ticket of the thread it runs in.
pub async fn env_and_ticket(
    ctx: Context<'_>,
    number: Option<i64>,
) -> Result<(Env, Ticket), BotError> {
    let env = env(ctx).await?;
    let t = ticket_for(
        &ctx.data().store,
        env.guild,
        env.channel,
        number,
        &env.actor,
    )
    .await?;
    Ok((env, t))
}
