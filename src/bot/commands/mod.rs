//! The slash commands, one file per group. Every command checks the
//! permission table of design.md on the server side (through the domain's
//! policy) and answers ephemerally.

mod ask;
mod kb;
mod setup;
mod staff;
mod stats;
mod ticket;

use super::app::{Context, Data};
use super::error::BotError;
use super::flows::Env;

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
        staff::reopen(),
        kb::kb(),
        stats::stats(),
        setup::setup(),
    ]
}

/// Who runs the command, where.
pub async fn env(ctx: Context<'_>) -> Result<Env, BotError> {
    let member = ctx.author_member().await;
    Env::load(
        ctx.data(),
        ctx.guild_id().map(|g| g.get()),
        ctx.channel_id().get(),
        ctx.author().id.get(),
        member.as_deref(),
        ctx.locale(),
    )
    .await
}

/// The interaction's id: the idempotency key of what it opens.
pub fn interaction_id(ctx: Context<'_>) -> u64 {
    ctx.id()
}
