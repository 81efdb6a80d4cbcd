//! The reconciler: brings Discord in line with the database (issue 11.2).
//! The outbox does most of it — a committed change's steps are carried out
//! by whoever runs next — so what is left is what no step was written for:
//!
//! - at start-up and every ten minutes: tickets whose threads are gone
//!   (deleted while the bot was down or its gateway event lost, or a
//!   database kept across a new server or sandbox whose ids are all new):
//!   closed with the reason `thread_lost`, logged, their timers cancelled
//!   by the same change;
//! - at start-up, a ticket whose current case is missing or not in its
//!   level's channel (its move's step failed for good, or was lost) gets
//!   a new case there, and every open ticket's card is refreshed, in case
//!   a change's edit was lost.
//!
//! Timers due while the bot was down need nothing here: they are rows,
//! and the scheduler's first tick takes them (each runs once).

use poise::serenity_prelude::{ChannelId as DChannel, Http};

use super::app::Data;
use super::effects;
use super::error::BotError;
use crate::store::EffectStatus;
use crate::tickets::{self, ChannelId, Effect, Ticket};

/// What one pass found and did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Reconciled {
    /// Open tickets looked at.
    pub checked: usize,
    /// Closed because a thread they need is gone.
    pub closed_lost: usize,
    /// Given a new case in their level's channel.
    pub cases_reposted: usize,
    /// Cards queued for a refresh.
    pub cards_refreshed: usize,
}

/// One pass: threads gone; at `start_up` also cases out of place and
/// stale cards.
pub async fn reconcile(http: &Http, data: &Data, start_up: bool) -> Reconciled {
    let mut done = Reconciled::default();
    let open = match data
        .store
        .open_tickets_everywhere(data.shards.as_ref())
        .await
    {
        Ok(open) => open,
        Err(e) => {
            tracing::warn!(error = %e, "the reconciler could not read the open tickets");
            return done;
        }
    };
    for t in open {
        done.checked += 1;
        match check(http, data, &t, start_up).await {
            Ok(Check::Lost) => done.closed_lost += 1,
            Ok(Check::Repaired { case }) => {
                done.cards_refreshed += 1;
                done.cases_reposted += usize::from(case);
            }
            Ok(Check::Fine) => {}
            Err(e) => {
                tracing::warn!(error = %e, ticket = t.number.0, "could not reconcile a ticket")
            }
        }
    }
    if done
        != (Reconciled {
            checked: done.checked,
            ..Reconciled::default()
        })
    {
        tracing::info!(?done, "reconciled Discord with the database");
    }
    done
}

enum Check {
    Fine,
    Lost,
    Repaired { case: bool },
}

async fn check(http: &Http, data: &Data, t: &Ticket, start_up: bool) -> Result<Check, BotError> {
    // A ticket still waiting for its first steps is the outbox's.
    let steps = data.store.effects(t.id).await?;
    if steps.iter().any(|e| e.status == EffectStatus::Pending) {
        return Ok(Check::Fine);
    }
    let threads = t.user_thread.into_iter().chain(t.case.map(|c| c.thread));
    for thread in threads {
        if gone(http, thread).await {
            return close_lost(http, data, t, thread).await;
        }
    }
    if !start_up {
        return Ok(Check::Fine);
    }
    let mut repair = vec![Effect::RefreshCard];
    let case_in_place = t.case.is_some_and(|c| c.level == t.level);
    if !case_in_place {
        repair.insert(0, Effect::PostCase { level: t.level });
    }
    data.store.add_effects(t, &repair, data.clock.now()).await?;
    effects::run_ticket(http, data, t.id).await;
    Ok(Check::Repaired {
        case: !case_in_place,
    })
}

/// Whether Discord answers that the thread does not exist (10003
/// Unknown Channel). Anything else (no access, an outage) is no proof.
async fn gone(http: &Http, thread: ChannelId) -> bool {
    match DChannel::new(thread.0).to_channel(http).await {
        Ok(_) => false,
        Err(e) => effects::discord_code(&e) == Some(UNKNOWN_CHANNEL),
    }
}

/// Discord's "Unknown Channel".
const UNKNOWN_CHANNEL: isize = 10_003;

async fn close_lost(
    http: &Http,
    data: &Data,
    t: &Ticket,
    thread: ChannelId,
) -> Result<Check, BotError> {
    let now = data.clock.now();
    let change = data
        .store
        .transition(t.id, |t| tickets::thread_lost(t, thread, now))
        .await?;
    if !change.after.is_closed() {
        return Ok(Check::Fine);
    }
    tracing::warn!(
        ticket = t.number.0,
        guild = t.guild.0,
        thread = thread.0,
        "closed a ticket whose thread (or server) is gone"
    );
    effects::run_ticket(http, data, t.id).await;
    Ok(Check::Lost)
}
