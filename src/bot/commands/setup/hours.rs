//! `/setup hours zone week | off`: when the team works. Outside these
//! hours tickets still open, and the user is told when to expect an
//! answer; the SLA clock counts working time only.

use super::{admin_env, save};
use crate::bot::app::Context;
use crate::bot::error::{BotError, Say};
use crate::tickets::{HoursError, WorkingHours};

/// `/setup hours`: an IANA time zone and the weekly hours, or `off`.
#[poise::command(slash_command, guild_only)]
pub async fn hours(
    ctx: Context<'_>,
    #[max_length = 64] zone: Option<String>,
    #[max_length = 200] week: Option<String>,
    off: Option<bool>,
) -> Result<(), BotError> {
    let env = admin_env(ctx).await?;
    let mut s = env.settings.clone();
    if off == Some(true) {
        s.service.hours = None;
        return save(ctx, &env, s).await;
    }
    let current = s.service.hours.as_ref();
    let zone = zone
        .or_else(|| current.map(|h| h.zone.name().to_owned()))
        .unwrap_or_else(|| "UTC".to_owned());
    let Some(week) =
        week.or_else(|| current.map(|h| crate::tickets::hours::describe_week(&h.week)))
    else {
        return Err(BotError::say("setup-hours-need-week"));
    };
    let mut parsed = WorkingHours::parse(&zone, &week).map_err(hours_error)?;
    // Holidays stay when the week changes.
    if let Some(h) = current {
        parsed.holidays = h.holidays.clone();
    }
    s.service.hours = Some(parsed);
    save(ctx, &env, s).await
}

pub(super) fn hours_error(e: HoursError) -> BotError {
    BotError::Say(match e {
        HoursError::Zone(z) => Say::new("setup-bad-zone").arg("zone", z),
        HoursError::Week(w) => Say::new("setup-bad-week").arg("week", w),
        HoursError::NeverOpen => Say::new("setup-bad-week-closed"),
        HoursError::Date(d) => Say::new("setup-bad-date").arg("date", d),
    })
}
