//! Opening a ticket (L1): the store decides (idempotency, limit, cooldown)
//! and writes the opening's Discord steps with the ticket; the bot then
//! runs them: the private user thread, the greeting, the case card in the
//! L1 channel (`bot::effects`).

use crate::bot::mentions;
use poise::serenity_prelude::Http;

use super::limits;
use super::Env;
use crate::bot::app::Data;
use crate::bot::error::BotError;
use crate::bot::render::when;
use crate::i18n::Locale;
use crate::store::OpenOutcome;
use crate::tickets::{Level, NewTicket, TicketIntake, TicketSource};
use crate::tr;

pub struct Opening<'a> {
    pub question: &'a str,
    pub source: TicketSource,
    /// The interaction or event id: the same click twice opens once.
    pub key: String,
    /// The user's language (the ticket speaks it from now on).
    pub locale: Locale,
    /// The topic and answers of the intake form, if the server asks any.
    pub intake: TicketIntake,
}

/// Opens a ticket for the acting person and returns what to tell them.
pub async fn open(http: &Http, data: &Data, env: &Env, o: Opening<'_>) -> Result<String, BotError> {
    ready(env)?;
    let mut new = NewTicket::new(env.guild, env.actor.user, o.question, o.locale, o.source)
        .map_err(|_| BotError::say("error-empty-question"))?;
    new.intake = o.intake;
    // The subject names threads, which show mention markup as it is.
    let readable = crate::bot::render::names::readable_text(http, env.guild, &new.question).await;
    new.subject = crate::tickets::ticket::subject_of(&readable);
    let now = data.clock.now();
    let locale = env.locale;
    limits::refuse_blocked(data, env, now).await?;
    match data.store.open_ticket(new, &o.key, now).await? {
        OpenOutcome::Opened(t) => {
            let (t, note) = super::run_pending(http, data, env, &t).await?;
            let after_hours = limits::after_hours_note(&env.settings, locale, t.opened_at);
            match t.user_thread {
                Some(thread) => Ok(tr!(
                    locale,
                    "open-done",
                    number = t.number.to_string(),
                    thread = mentions::channel_tag(thread)
                ) + &after_hours
                    + &note),
                // Discord failed midway: the ticket is stored and its steps
                // are retried in the background (the outbox), so the user
                // is told it is open and where the thread will appear, not
                // to try again.
                None if note.is_empty() => Ok(tr!(
                    locale,
                    "open-pending",
                    number = t.number.to_string(),
                    channel = env
                        .settings
                        .support_channel
                        .map(mentions::channel_tag)
                        .unwrap_or_default()
                ) + &after_hours),
                // Refused for good (a missing permission): the note names
                // the step, and the log channel was told.
                None => Ok(tr!(locale, "open-no-thread", number = t.number.to_string()) + &note),
            }
        }
        OpenOutcome::AlreadyOpened(t) => Ok(match t.user_thread {
            Some(th) => tr!(
                locale,
                "open-already",
                number = t.number.to_string(),
                thread = mentions::channel_tag(th)
            ),
            None => tr!(
                locale,
                "open-already-no-thread",
                number = t.number.to_string()
            ),
        }),
        OpenOutcome::LimitReached { limit, open } => {
            // A ticket whose threads Discord failed to make (a 500 midway)
            // is finished now, when its user tries again.
            let mut tickets = Vec::with_capacity(open.len());
            for t in &open {
                if t.case.is_none() || t.user_thread.is_none() {
                    data.store.hurry_effects(t.id, data.clock.now()).await?;
                    tickets.push(super::run_pending(http, data, env, t).await?.0);
                } else {
                    tickets.push(t.clone());
                }
            }
            // A thread's name starts with its ticket's number, so the
            // link alone shows it once.
            let list: Vec<String> = tickets
                .iter()
                .map(|t| match t.user_thread {
                    Some(th) => mentions::channel_tag(th),
                    None => t.number.to_string(),
                })
                .collect();
            let count = i64::try_from(open.len()).unwrap_or(i64::from(limit));
            Err(BotError::Say(
                crate::bot::error::Say::new("open-limit")
                    .count("count", count)
                    .arg("links", list.join(", ")),
            ))
        }
        OpenOutcome::Cooldown { until } => Err(BotError::Say(
            crate::bot::error::Say::new("open-cooldown").arg("when", when(until, 'R')),
        )),
        OpenOutcome::DailyLimit { limit, until } => Err(limits::daily_limit(limit, until)),
    }
}

/// Refuses an opening in a guild whose support channel or L1 is not set up.
pub fn ready(env: &Env) -> Result<(), BotError> {
    let l1 = env.settings.level(Level::L1);
    if env.settings.support_channel.is_none() || l1.channel.is_none() || l1.role.is_none() {
        return Err(BotError::say("error-not-set-up"));
    }
    Ok(())
}
