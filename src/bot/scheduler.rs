//! Timers from the database: SLA reminders, auto-closes, and reminding
//! or closing tickets that wait on their user. The store
//! plans them with every change of a ticket; this task takes those that
//! are due (with a lease, so several processes never run one twice), asks
//! the domain whether they still apply, and acts once. Each tick also
//! sweeps the outbox: steps waiting for a retry, or left by a crash.
//!
//! A bot stopped before a timer is due and started after runs it once: the
//! row waits in the database; a crash while running one lets its lease
//! expire and the next process retries it, and the domain transition
//! (`sla_breach`, `auto_close`) is a no-op the second time.

use std::sync::Arc;
use std::time::Duration;

use poise::serenity_prelude::Http;

use super::app::Data;
use super::effects;
use super::error::BotError;
use super::reconcile;
use crate::store::{Change, Timer, TimerSubject, TransitionError};
use crate::tickets::{self, TimerKind};

/// How many due timers one tick takes.
const BATCH: u32 = 20;

/// How often the reconciler looks for threads deleted behind the bot's back.
const RECONCILE_EVERY: Duration = Duration::from_secs(600);

/// Runs until the task is aborted, every `tick`: first the start-up
/// reconciliation, then due timers and the outbox's retries.
pub async fn run(http: Arc<Http>, data: Data, tick: Duration) {
    {
        let _busy = data.in_flight.enter();
        reconcile::reconcile(&http, &data, true).await;
    }
    let mut reconciled = tokio::time::Instant::now();
    let mut interval = tokio::time::interval(tick);
    interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        interval.tick().await;
        if reconciled.elapsed() >= RECONCILE_EVERY {
            let _busy = data.in_flight.enter();
            reconcile::reconcile(&http, &data, false).await;
            reconciled = tokio::time::Instant::now();
        }
        {
            let _busy = data.in_flight.enter();
            effects::sweep(&http, &data).await;
        }
        let now = data.clock.now();
        let due = match data
            .store
            .take_due_timers(data.shards.as_ref(), now, BATCH)
            .await
        {
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

/// Runs one timer: the domain decides whether it still applies; the
/// change writes its steps (the reminder, the closing) with it, and they
/// run now. A second run of the same timer finds nothing left to decide,
/// and a step that ran before a crash is not repeated (its nonce).
async fn fire(http: &Http, data: &Data, timer: &Timer) -> Result<(), BotError> {
    let TimerSubject::Ticket(id) = timer.subject else {
        return Ok(());
    };
    let settings = data.store.settings(timer.guild).await?;
    let now = data.clock.now();
    let decided = match timer.kind {
        // The target of the level the ticket is at when decided.
        // Counted in the server's working hours.
        TimerKind::SlaReminder => {
            let hours = settings.service.hours.as_ref();
            data.store
                .transition(id, |t| {
                    tickets::sla_breach_during(t, hours, settings.level(t.level).sla, now)
                })
                .await
        }
        TimerKind::WaitingReminder => {
            let Some(after) = settings.service.remind_after() else {
                return Ok(());
            };
            data.store
                .transition(id, |t| tickets::remind_waiting(t, after, now))
                .await
        }
        TimerKind::WaitingClose => {
            let Some(after) = settings.service.close_after() else {
                return Ok(());
            };
            data.store
                .transition(id, |t| tickets::close_waiting(t, after, now))
                .await
        }
        // One kind closes both kinds of unanswered question: "Did this
        // solve it?" (while resolving) and a close request (while open).
        TimerKind::AutoClose => {
            let after = settings.auto_close_after();
            let request_after = settings.close_request_after();
            data.store
                .transition(id, |t| match t.status {
                    tickets::Status::Resolving => tickets::auto_close(t, after, now),
                    _ => tickets::close_request_due(t, request_after, now),
                })
                .await
        }
        TimerKind::CooldownExpiry => return Ok(()),
    };
    if made(decided)?.is_some() {
        effects::run_ticket(http, data, id).await;
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
