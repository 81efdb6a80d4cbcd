//! `/close-request [ticket]` (staff): ask the ticket's user to confirm
//! closing; see `flows::close_request`.

use super::env_and_ticket;
use crate::bot::app::Context;
use crate::bot::error::BotError;
use crate::bot::flows::close_request;
use crate::bot::reply::ephemeral;

/// `/close-request [ticket]`. Text: `cmd-close-request`.
#[poise::command(slash_command, guild_only, rename = "close-request")]
pub async fn close_request(
    ctx: Context<'_>,
    #[min = 1] ticket: Option<i64>,
) -> Result<(), BotError> {
    let (env, t) = env_and_ticket(ctx, ticket).await?;
    ctx.defer_ephemeral().await?;
    let done = close_request::request(ctx.http(), ctx.data(), &env, &t).await?;
    ephemeral(ctx, done).await
}
