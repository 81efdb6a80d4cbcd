//! Waiting for the world to reach a state, woken by change notifications
//! (never by polling), with a deadline.

use std::time::Duration;

use tokio::time::Instant;

use crate::shared::Shared;
use crate::state::interactions::RESPONSE_WINDOW;
use crate::state::DiscordState;

/// Waits until `probe` returns something, or until `deadline`.
pub(crate) async fn until<T>(
    shared: &Shared,
    deadline: Instant,
    mut probe: impl FnMut(&DiscordState) -> Option<T>,
) -> Option<T> {
    let mut changes = shared.subscribe();
    loop {
        // Mark the current version seen before looking, so that a change
        // made after the look wakes the wait below.
        changes.borrow_and_update();
        if let Some(found) = shared.read(&mut probe) {
            return Some(found);
        }
        match tokio::time::timeout_at(deadline, changes.changed()).await {
            Ok(Ok(())) => continue,
            _ => return None,
        }
    }
}

/// What kept the sandbox from settling.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Busy {
    pub requests_in_flight: usize,
    pub interactions_pending: usize,
}

/// Waits until no REST call is in flight, no interaction waits on the bot,
/// and nothing happened for `quiet`.
pub(crate) async fn settled(
    shared: &Shared,
    quiet: Duration,
    patience: Duration,
) -> Result<(), Busy> {
    let deadline = Instant::now() + patience;
    let mut changes = shared.subscribe();
    loop {
        changes.borrow_and_update();
        let in_flight = shared.in_flight();
        let (pending, next_expiry) = shared.read(|w| {
            let pending = w.pending_interactions();
            let expiry = pending
                .iter()
                .filter_map(|id| w.interactions.by_id.get(id))
                .filter(|r| r.response.is_none())
                .map(|r| r.created + RESPONSE_WINDOW)
                .min();
            (pending.len(), expiry)
        });
        let idle_since = shared.last_activity();
        let busy = in_flight > 0 || pending > 0;
        if !busy && idle_since.elapsed() >= quiet {
            return Ok(());
        }
        let now = Instant::now();
        if now >= deadline {
            return Err(Busy {
                requests_in_flight: in_flight,
                interactions_pending: pending,
            });
        }
        // Wake on the next change, or when the quiet period would be over,
        // or when an unanswered interaction runs out of time.
        let mut wake = deadline;
        if !busy {
            wake = wake.min(Instant::from_std(idle_since + quiet));
        }
        if let Some(expiry) = next_expiry {
            wake = wake.min(Instant::from_std(expiry));
        }
        let _ = tokio::time::timeout_at(wake, changes.changed()).await;
    }
}
