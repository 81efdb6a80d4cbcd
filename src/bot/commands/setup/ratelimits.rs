//! `/setup ratelimits tickets_per_day questions_per_minute`: per-user
//! limits (0: none, as by default).

use super::service::service_error;
use super::{admin_env, save};
use crate::bot::app::Context;
use crate::bot::error::BotError;

/// `/setup ratelimits`: tickets a user may open a day, questions a minute.
#[poise::command(slash_command, guild_only)]
pub async fn ratelimits(
    ctx: Context<'_>,
    #[min = 0]
    #[max = 100]
    tickets_per_day: Option<u32>,
    #[min = 0]
    #[max = 60]
    questions_per_minute: Option<u32>,
) -> Result<(), BotError> {
    let env = admin_env(ctx).await?;
    let mut s = env.settings.clone();
    if let Some(n) = tickets_per_day {
        s.service.tickets_per_day = n;
    }
    if let Some(n) = questions_per_minute {
        s.service.questions_per_minute = n;
    }
    s.service.validate().map_err(service_error)?;
    save(ctx, &env, s).await
}
