//! Carrying out the outbox: the Discord steps a committed change wrote
//! down (`tickets::effects`). A flow runs its ticket's steps right after
//! the commit ([`run_ticket`]); the scheduler's sweep ([`sweep`]) retries
//! what is left, with backoff, and finishes what a crashed process left.
//!
//! Every step is safe to do twice: messages carry a nonce Discord
//! de-duplicates (`enforce_nonce`) for a few minutes, a retried step first
//! looks for its message among the channel's recent ones (an outage longer
//! than Discord's memory), what a step made is saved as its
//! progress before the next part, a thread or card is looked up (stored
//! ids) before it is created, and "already there" counts as done. A step
//! Discord refuses for good (a 4xx other than 429: missing permission,
//! unknown channel, archived thread) is marked failed and reported to the
//! log channel, and to the person acting when there is one — never retried
//! forever, never half-made.

mod steps;

use std::time::Duration as StdDuration;

use chrono::Duration;
use poise::serenity_prelude::{ChannelId as DChannel, CreateMessage, Http};

use super::app::Data;
use super::error::BotError;
use super::flows::staff_locale;
use super::mentions;
use crate::store::{EffectStatus, StoredEffect};
use crate::tickets::{Effect, TicketId};
use crate::tr;

/// How many tickets one sweep carries on with.
const SWEEP_BATCH: u32 = 20;
/// A fresh step is its flow's to run; the sweep leaves it this long.
const SWEEP_GRACE_SECS: i64 = 2;
/// How long a flow waits for a step another runner holds, so that its
/// answer can show what the step made.
const WAIT_FOR_OTHERS: StdDuration = StdDuration::from_secs(3);
/// The longest pause between two tries of a step.
const MAX_BACKOFF_SECS: i64 = 300;

/// A step Discord refused for good.
#[derive(Debug, Clone, PartialEq)]
pub struct Refused {
    pub effect: Effect,
    /// Discord's code and message ("50013 Missing Permissions").
    pub why: String,
}

/// What running a ticket's steps came to.
#[derive(Debug, Default)]
pub struct Ran {
    /// Steps Discord refused for good on this run.
    pub refused: Vec<Refused>,
    /// Steps are left: one waits for a retry, or another runner has them.
    pub unfinished: bool,
}

/// How a step went.
enum Outcome {
    Done,
    /// Try again later (a 5xx, a 429, the network, the database).
    Retry(String),
    /// Discord said no for good.
    Refused(String),
}

/// Runs the ticket's pending steps in order until none is left or one
/// must wait for a retry. Waits a little for a step another runner holds.
pub async fn run_ticket(http: &Http, data: &Data, ticket: TicketId) -> Ran {
    run_steps(http, data, ticket, WAIT_FOR_OTHERS).await
}

/// [`run_ticket`], waiting at most `patience` for a step another runner
/// holds (the sweep waits for nobody: it would hold up every other ticket).
async fn run_steps(http: &Http, data: &Data, ticket: TicketId, patience: StdDuration) -> Ran {
    let mut ran = Ran::default();
    let started = tokio::time::Instant::now();
    loop {
        let now = data.clock.now();
        let taken = match data.store.take_effect(ticket, now).await {
            Ok(taken) => taken,
            Err(e) => {
                tracing::warn!(error = %e, "could not take a Discord step");
                ran.unfinished = true;
                return ran;
            }
        };
        let Some(effect) = taken else {
            match pending_head(data, ticket).await {
                Head::None => return ran,
                Head::Held if started.elapsed() < patience => {
                    tokio::time::sleep(StdDuration::from_millis(50)).await;
                    continue;
                }
                Head::Held | Head::Waiting => {
                    ran.unfinished = true;
                    return ran;
                }
            }
        };
        match run_one(http, data, &effect).await {
            Outcome::Done => {}
            Outcome::Retry(_) => {
                ran.unfinished = true;
                return ran;
            }
            Outcome::Refused(why) => ran.refused.push(Refused {
                effect: effect.effect,
                why,
            }),
        }
    }
}

/// Where a ticket's queue stands when its head could not be taken.
enum Head {
    /// Nothing left.
    None,
    /// Another runner is on it right now.
    Held,
    /// It waits for its retry.
    Waiting,
}

async fn pending_head(data: &Data, ticket: TicketId) -> Head {
    let now = data.clock.now();
    let Ok(all) = data.store.effects(ticket).await else {
        return Head::Waiting;
    };
    match all.iter().find(|e| e.status == EffectStatus::Pending) {
        None => Head::None,
        Some(e) if e.taken_until.is_some_and(|until| until > now) => Head::Held,
        Some(_) => Head::Waiting,
    }
}

/// One pass over the tickets with steps left: retries, and whatever a
/// crashed process did not finish. Returns how many tickets it ran.
pub async fn sweep(http: &Http, data: &Data) -> usize {
    let due = data.clock.now() - Duration::seconds(SWEEP_GRACE_SECS);
    let tickets = match data
        .store
        .tickets_with_due_effects(data.shards.as_ref(), due, SWEEP_BATCH)
        .await
    {
        Ok(tickets) => tickets,
        Err(e) => {
            tracing::warn!(error = %e, "could not look for Discord steps to run");
            return 0;
        }
    };
    for &t in &tickets {
        run_steps(http, data, t, StdDuration::ZERO).await;
    }
    tickets.len()
}

/// Runs one taken step and records how it went.
async fn run_one(http: &Http, data: &Data, e: &StoredEffect) -> Outcome {
    let outcome = match steps::perform(http, data, e).await {
        Ok(()) => Outcome::Done,
        Err(err) => {
            if let BotError::Discord(e) = &err {
                super::metered::count_rest_error(&data.metrics, e);
            }
            classify(&err)
        }
    };
    let now = data.clock.now();
    let stored = match &outcome {
        Outcome::Done => data.store.finish_effect(e.id, now).await,
        Outcome::Retry(why) => {
            let wait = backoff(e.attempts);
            tracing::debug!(step = e.effect.name(), %why, "a Discord step will be retried");
            data.store.retry_effect(e.id, now + wait, why).await
        }
        Outcome::Refused(why) => {
            tracing::warn!(step = e.effect.name(), ticket = e.ticket.0, %why, "Discord refused a step for good");
            report(http, data, e, why).await;
            data.store.fail_effect(e.id, now, why).await
        }
    };
    if let Err(err) = stored {
        tracing::warn!(error = %err, "could not record how a Discord step went");
        // Its lease runs out and it is tried again: steps are idempotent.
        return Outcome::Retry(err.to_string());
    }
    outcome
}

/// 1 s, 2 s, 4 s … up to five minutes.
fn backoff(attempts: u32) -> Duration {
    let exp = attempts.saturating_sub(1).min(16);
    Duration::seconds((1i64 << exp).min(MAX_BACKOFF_SECS))
}

/// Discord's HTTP status and error code, when Discord answered with an error.
fn http_error(e: &poise::serenity_prelude::Error) -> Option<(u16, isize)> {
    use poise::serenity_prelude::{Error, HttpError};
    match e {
        Error::Http(HttpError::UnsuccessfulRequest(r)) => {
            Some((r.status_code.as_u16(), r.error.code))
        }
        _ => None,
    }
}

pub(crate) fn discord_code(e: &poise::serenity_prelude::Error) -> Option<isize> {
    http_error(e).map(|(_, code)| code)
}

pub(crate) fn discord_status(e: &BotError) -> Option<u16> {
    match e {
        BotError::Discord(e) => http_error(e).map(|(status, _)| status),
        _ => None,
    }
}

/// Whether Discord (or the setup) refused this for good.
pub(crate) fn is_refusal(err: &BotError) -> bool {
    matches!(classify(err), Outcome::Refused(_))
}

fn classify(err: &BotError) -> Outcome {
    use crate::bot::retry::{failure_of, Failure};
    use poise::serenity_prelude::{Error, HttpError};
    match err {
        BotError::Discord(e) => {
            let why = match e.as_ref() {
                Error::Http(HttpError::UnsuccessfulRequest(r)) => {
                    format!("{} {}", r.error.code, r.error.message)
                }
                other => other.to_string(),
            };
            // A step is idempotent, so a call that may or may not have
            // happened is simply made again.
            match failure_of(e) {
                Failure::Refused => Outcome::Refused(why),
                Failure::Passing | Failure::Unknown => Outcome::Retry(why),
            }
        }
        BotError::Store(e) => Outcome::Retry(e.to_string()),
        // A step that cannot be made at all (a level without a channel).
        BotError::Say(say) => Outcome::Refused(say.key.to_owned()),
        BotError::Refused(r) => Outcome::Refused(format!("{r:?}")),
        BotError::Internal(e) => Outcome::Refused(e.clone()),
    }
}

/// Tells the log channel (if any) which step of which ticket Discord
/// refused, and why.
async fn report(http: &Http, data: &Data, e: &StoredEffect, why: &str) {
    let Ok(settings) = data.store.settings(e.guild).await else {
        return;
    };
    let Some(log) = settings.log_channel else {
        return;
    };
    let number = match data.store.ticket(e.ticket).await {
        Ok(Some(t)) => t.number.to_string(),
        _ => return,
    };
    let staff = staff_locale(data, &settings);
    let text = tr!(
        staff,
        "log-step-refused",
        number = number,
        step = step_name(staff, &e.effect),
        why = why.to_owned()
    );
    let message = CreateMessage::new()
        .content(crate::bot::render::clip(&text, 2000))
        .allowed_mentions(mentions::nobody());
    if let Err(err) = DChannel::new(log.0).send_message(http, message).await {
        tracing::warn!(error = %err, "could not report a refused step to the log channel");
    }
}

/// What a step is, for people.
pub fn step_name(locale: crate::i18n::Locale, e: &Effect) -> String {
    let key = match e {
        Effect::CreateUserThread => "step-create-user-thread",
        Effect::Greet => "step-greet",
        Effect::PostCase { .. } => "step-post-case",
        Effect::RetireCase { .. } => "step-retire-case",
        Effect::AddToUserThread { .. } => "step-add-to-user-thread",
        Effect::RefreshCard => "step-refresh-card",
        Effect::CaseNote { .. } => "step-case-note",
        Effect::TellUser { .. } => "step-tell-user",
        Effect::AskResolve { .. } => "step-ask-resolve",
        Effect::RetireQuestion { .. } => "step-retire-question",
        Effect::Archive { .. } => "step-archive",
        Effect::Unarchive => "step-unarchive",
        Effect::SlaReminder { .. } => "step-sla-reminder",
        Effect::AskClose => "step-ask-close",
        Effect::RetireCloseAsk { .. } => "step-retire-close-ask",
    };
    crate::i18n::Catalog::global().text(locale, key, &[])
}

/// A line for the person who acted, naming the steps Discord refused
/// (empty when none was).
pub fn refusals_note(locale: crate::i18n::Locale, refused: &[Refused]) -> String {
    if refused.is_empty() {
        return String::new();
    }
    let steps: Vec<String> = refused
        .iter()
        .map(|r| format!("{} ({})", step_name(locale, &r.effect), r.why))
        .collect();
    format!(
        "\n\n{}",
        tr!(locale, "steps-refused", steps = steps.join("; "))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_doubling_up_to_five_minutes() {
        assert_eq!(backoff(1), Duration::seconds(1));
        assert_eq!(backoff(2), Duration::seconds(2));
        assert_eq!(backoff(5), Duration::seconds(16));
        assert_eq!(backoff(40), Duration::seconds(MAX_BACKOFF_SECS));
    }
}
