//! `/setup holidays add | remove`: days the team does not work.

use super::hours::hours_error;
use super::{admin_env, save};
use crate::bot::app::Context;
use crate::bot::error::BotError;
use crate::tickets::hours::parse_date;

/// The most holidays kept (a few years' worth).
const MAX_HOLIDAYS: usize = 100;

/// `/setup holidays`: add or remove a date (YYYY-MM-DD).
#[poise::command(slash_command, guild_only)]
pub async fn holidays(
    ctx: Context<'_>,
    #[max_length = 10] add: Option<String>,
    #[max_length = 10] remove: Option<String>,
) -> Result<(), BotError> {
    let env = admin_env(ctx).await?;
    let mut s = env.settings.clone();
    let Some(hours) = s.service.hours.as_mut() else {
        return Err(BotError::say("setup-holidays-need-hours"));
    };
    if let Some(d) = add {
        hours.holidays.insert(parse_date(&d).map_err(hours_error)?);
        if hours.holidays.len() > MAX_HOLIDAYS {
            return Err(BotError::say("setup-holidays-too-many"));
        }
    }
    if let Some(d) = remove {
        hours.holidays.remove(&parse_date(&d).map_err(hours_error)?);
    }
    save(ctx, &env, s).await
}
