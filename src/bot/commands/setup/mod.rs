//! `/setup …` (admins): where tickets live, who staffs each level, help
//! channels, the log channel, limits, the language; `show` checks the
//! bot's permissions in every configured channel; `panel` posts the
//! "Get help" panel.

use super::env;
use crate::bot::app::Context;
use crate::bot::error::{BotError, Say};
use crate::bot::flows::Env;
use crate::bot::reply::ephemeral;
use crate::tickets::{allows_in_guild, GuildAction, GuildSettings, SettingsError};
use crate::tr;

mod channels;
mod close_request;
mod ladder;
mod panel;
mod preferences;
mod question;
mod show;
mod teams;
// Working hours, waiting on users, rate limits (issue 14).
mod holidays;
mod hours;
mod ratelimits;
mod service;
mod topic;
mod waiting;

use channels::{help, level, log, sla, support};
use panel::panel;
use preferences::{language, limits, smalltalk};
use show::{show, summary};
use {holidays::holidays, hours::hours, ratelimits::ratelimits, waiting::waiting};
// Intake and close requests (issue 14.1, 14.5).
use close_request::close_request;
use question::question;
use topic::topic;

/// The `/setup` group (admins); its text is `cmd-setup…` in the catalogues.
#[poise::command(
    slash_command,
    guild_only,
    subcommands(
        "support",
        "level",
        "sla",
        "help",
        "log",
        "limits",
        "language",
        "smalltalk",
        "show",
        "panel",
        "hours",
        "holidays",
        "waiting",
        "ratelimits",
        "question",
        "topic",
        "close_request"
    ),
    subcommand_required
)]
pub async fn setup(_ctx: Context<'_>) -> Result<(), BotError> {
    Ok(())
}

async fn admin_env(ctx: Context<'_>) -> Result<Env, BotError> {
    admin_env_for(ctx, GuildAction::Setup).await
}

async fn admin_env_for(ctx: Context<'_>, action: GuildAction) -> Result<Env, BotError> {
    let env = env(ctx).await?;
    allows_in_guild(action, &env.actor).map_err(BotError::Refused)?;
    Ok(env)
}

async fn save(ctx: Context<'_>, env: &Env, s: GuildSettings) -> Result<(), BotError> {
    s.validate().map_err(settings_error)?;
    ctx.data()
        .store
        .save_settings(&s, ctx.data().clock.now())
        .await?;
    let mut text = format!(
        "{}\n\n{}",
        tr!(env.locale, "setup-saved"),
        summary(env.locale, &s)
    );
    for step in show::next_steps(env.locale, &s) {
        text.push_str("\n\n");
        text.push_str(&step);
    }
    ephemeral(ctx, text).await
}

fn settings_error(e: SettingsError) -> BotError {
    BotError::Say(match e {
        SettingsError::TicketLimit { max } => Say::new("setup-bad-limit").count("max", max),
        SettingsError::Cooldown => Say::new("setup-bad-cooldown"),
        SettingsError::Sla { level } => Say::new("setup-bad-sla").arg("level", level),
        SettingsError::AutoClose { max } => Say::new("setup-bad-auto-close").count("max", max),
        SettingsError::ReopenWindow { max } => Say::new("setup-bad-reopen").count("max", max),
        SettingsError::Intake(e) => intake_error(e),
        SettingsError::CloseRequest { max } => {
            Say::new("setup-bad-close-request").count("max", max)
        }
    })
}

fn intake_error(e: crate::tickets::intake::IntakeError) -> Say {
    use crate::tickets::intake::IntakeError;
    let max = |m: usize| i64::try_from(m).unwrap_or(i64::MAX);
    match e {
        IntakeError::TooManyQuestions { max: m } => {
            Say::new("setup-bad-question-number").count("max", max(m))
        }
        IntakeError::BadLabel { max: m } => Say::new("setup-bad-label").count("max", max(m)),
        IntakeError::TooManyTopics { max: m } => {
            Say::new("setup-too-many-topics").count("max", max(m))
        }
        IntakeError::BadTopic { max: m } => Say::new("setup-bad-topic").count("max", max(m)),
    }
}
