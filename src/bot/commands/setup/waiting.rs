//! `/setup waiting remind_hours close_hours`: what happens while staff
//! wait on a user (0 turns either off, as by default).

use super::service::service_error;
use super::{admin_env, save};
use crate::bot::app::Context;
use crate::bot::error::BotError;

/// `/setup waiting`: remind the user after N hours, close after M.
#[poise::command(slash_command, guild_only)]
pub async fn waiting(
    ctx: Context<'_>,
    #[min = 0]
    #[max = 720]
    remind_hours: Option<u32>,
    #[min = 0]
    #[max = 720]
    close_hours: Option<u32>,
) -> Result<(), BotError> {
    let env = admin_env(ctx).await?;
    let mut s = env.settings.clone();
    if let Some(h) = remind_hours {
        s.service.waiting_remind_hours = h;
    }
    if let Some(h) = close_hours {
        s.service.waiting_close_hours = h;
    }
    s.service.validate().map_err(service_error)?;
    save(ctx, &env, s).await
}
