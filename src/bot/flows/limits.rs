//! What stands between a person and a ticket or an L0 answer: the
//! blocklist, the per-user rate limits, and working hours (which refuse
//! nothing, but say when to expect an answer). Each refusal is polite
//! and says when the person may try again (a Discord timestamp, shown in
//! their own time zone).

use chrono::{DateTime, Duration, Utc};

use super::Env;
use crate::bot::app::Data;
use crate::bot::error::{BotError, Say};
use crate::bot::render::{clip, when};
use crate::i18n::Locale;
use crate::tickets::{blocklist, retry_at};
use crate::tr;

/// Refuses a blocked person (their own block, or one of a role they hold).
pub async fn refuse_blocked(data: &Data, env: &Env, now: DateTime<Utc>) -> Result<(), BotError> {
    let blocks = data.store.blocks(env.guild, now).await?;
    let Some(b) = blocklist::blocking(&blocks, env.actor.user, &env.roles, now) else {
        return Ok(());
    };
    let mut say = match b.expires_at {
        Some(until) => Say::new("blocked-until").arg("when", when(until, 'F')),
        None => Say::new("blocked"),
    };
    // The reason is the blocker's words, introduced in the person's language.
    let reason = match b.reason.as_deref() {
        Some(r) => tr!(env.locale, "blocked-reason", reason = clip(r, 300)),
        None => String::new(),
    };
    say = say.arg("reason", reason);
    Err(BotError::Say(say))
}

/// The daily ticket limit is reached: when they may open one again.
pub fn daily_limit(limit: u32, until: DateTime<Utc>) -> BotError {
    BotError::Say(
        Say::new("rate-tickets")
            .count("limit", limit)
            .arg("when", when(until, 'R')),
    )
}

/// Refuses a question to L0 over the server's per-minute limit.
pub async fn refuse_too_many_questions(
    data: &Data,
    env: &Env,
    now: DateTime<Utc>,
) -> Result<(), BotError> {
    let limit = env.settings.service.questions_per_minute;
    if limit == 0 {
        return Ok(());
    }
    let minute = Duration::minutes(1);
    let asked = data
        .store
        .questions_asked_within(env.guild, env.actor.user, minute, now)
        .await?;
    match retry_at(&asked, limit, minute) {
        None => Ok(()),
        Some(until) => Err(BotError::Say(
            Say::new("rate-questions")
                .count("limit", limit)
                .arg("when", when(until, 'R')),
        )),
    }
}

/// "\n\n" and when the team will answer, if `at` is outside working
/// hours; empty otherwise.
pub fn after_hours_note(
    settings: &crate::tickets::GuildSettings,
    locale: Locale,
    at: DateTime<Utc>,
) -> String {
    match settings.service.opens_later(at) {
        Some(opens) => format!(
            "\n\n{}",
            tr!(locale, "greeting-after-hours", when = when(opens, 'F'))
        ),
        None => String::new(),
    }
}
