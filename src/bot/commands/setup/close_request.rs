//! `/setup close-request hours`: how long a close request waits for an
//! answer before the ticket closes by itself (issue 14.5).

use super::{admin_env, save};
use crate::bot::app::Context;
use crate::bot::error::BotError;

/// `/setup close-request hours`.
#[poise::command(slash_command, guild_only, rename = "close-request")]
pub async fn close_request(
    ctx: Context<'_>,
    #[min = 1]
    #[max = 720]
    hours: u32,
) -> Result<(), BotError> {
    let env = admin_env(ctx).await?;
    let mut s = env.settings.clone();
    s.close_request_hours = hours;
    save(ctx, &env, s).await
}
