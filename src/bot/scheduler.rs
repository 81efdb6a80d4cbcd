//! Timers from the database: SLA reminders and auto-closes. The store
//! plans them with every change of a ticket; this task takes those that
//! are due (with a lease, so several processes never run one twice), asks
//! the domain whether they still apply, and acts once.
//!
//! A bot stopped before a timer is due and started after runs it once: the
//! row waits in the database; a crash while running one lets its lease
//! expire and the next process retries it, and the domain transition
//! (`sla_breach`, `auto_close`) is a no-op the second time.

use std::sync::Arc;
use std::time::Duration;

use poise::serenity_prelude::{ChannelId as DChannel, CreateMessage, Http};

use super::app::Data;
use super::error::BotError;
use super::flows::{ops, staff_locale};
use super::mentions;
use crate::store::{Change, Timer, TimerSubject, TransitionError};
use crate::tickets::{self, TimerKind};
use crate::tr;

/// How many due timers one tick takes.
const BATCH: u32 = 20;

/// Runs until the task is aborted, every `tick`.
pub async fn run(http: Arc<Http>, data: Data, tick: Duration) {
    let mut interval = tokio::time::interval(tick);
    interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        interval.tick().await;
        let now = data.clock.now();
        let due = match data.store.take_due_timers(now, BATCH).await {
            Ok(due) => due,
            Err(e) => {
                tracing::warn!(error = %e, "could not read due timers");
                continue;
            }
        };
        for timer in due {
            let _busy = data.in_flight.enter();
            match fire(&http, &data, &timer).await {
                Ok(()) => {
                    if let Err(e) = data.store.finish_timer(timer.id, data.clock.now()).await {
                        tracing::warn!(error = %e, "could not mark a timer done");
                    }
                }
                // Left unfinished: the lease expires and it is retried.
                Err(e) => tracing::warn!(error = %e, kind = timer.kind.as_str(), "a timer failed"),
            }
        }
    }
}

async fn fire(http: &Http, data: &Data, timer: &Timer) -> Result<(), BotError> {
    let TimerSubject::Ticket(id) = timer.subject else {
        return Ok(());
    };
    let settings = data.store.settings(timer.guild).await?;
    let now = data.clock.now();
    match timer.kind {
        TimerKind::SlaReminder => {
            // The target of the level the ticket is at when decided.
            let decided = data
                .store
                .transition(id, |t| {
                    tickets::sla_breach(t, settings.level(t.level).sla, now)
                })
                .await;
            let Some(change) = made(decided)? else {
                return Ok(());
            };
            let t = &change.after;
            let target = settings.level(t.level).sla;
            let (Some(case), Some(role)) = (&t.case, settings.level(t.level).role) else {
                return Ok(());
            };
            let staff = staff_locale(data, &settings);
            let text = tr!(
                staff,
                "sla-reminder",
                role = format!("<@&{}>", role.0),
                number = t.number.to_string(),
                level = t.level.to_string(),
                sla = super::render::duration(staff, target)
            );
            DChannel::new(case.thread.0)
                .send_message(
                    http,
                    CreateMessage::new()
                        .content(text)
                        .allowed_mentions(mentions::role(role.0)),
                )
                .await?;
        }
        TimerKind::AutoClose => {
            let after = settings.auto_close_after();
            let decided = data
                .store
                .transition(id, |t| tickets::auto_close(t, after, now))
                .await;
            let Some(change) = made(decided)? else {
                return Ok(());
            };
            ops::after_close(http, data, &settings, &change.after, None, None).await;
        }
        TimerKind::CooldownExpiry => {}
    }
    Ok(())
}

/// The change a timer made, or `None` when it had nothing left to do (the
/// ticket moved on, or is gone).
fn made(decided: Result<Change, TransitionError>) -> Result<Option<Change>, BotError> {
    match decided {
        Ok(change) if !change.events.is_empty() => Ok(Some(change)),
        Ok(_) | Err(TransitionError::NotFound(_)) => Ok(None),
        Err(e) => Err(e.into()),
    }
}
