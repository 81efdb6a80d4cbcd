//! Ticket statistics for `/stats`, computed from timelines alone.
//!
//! Every number counts events inside the window `[since, until)`, read with
//! the whole history of their ticket for context:
//! - **opened**: `opened` events;
//! - **received** at a level: tickets opened (L1) or moved there by an
//!   escalation or de-escalation;
//! - **resolved** at a level: tickets closed there, except those the user
//!   closed themselves (nobody at the level solved it) or whose thread was
//!   lost;
//! - **escalation rate** from a level: escalations up from it ÷ received;
//! - **first response** at a level: from arriving there (opening, move or
//!   reopening) to the `first_response` event;
//! - **resolution** at a level: from opening to a close counted as resolved
//!   there (the time the user waited in all);
//! - **ratings**: ratings given with a confirmation;
//! - **SLA breaches**: `sla_breached` events, by the level they happened at.
//!
//! Medians and 90th percentiles use the nearest-rank method: the value at
//! rank ⌈p·n⌉ of the sorted sample, always an observed time (the median of
//! 1, 2, 3, 4 minutes is 2 minutes).

use chrono::{DateTime, Duration, Utc};

use super::event::{EventKind, TicketEvent};
use super::level::Level;
use super::stats_time::TimeStats;
use super::ticket::CloseReason;

/// A sample of durations, summarised.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Durations {
    pub count: usize,
    pub median: Option<Duration>,
    pub p90: Option<Duration>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LevelStats {
    pub level: Level,
    pub received: u64,
    pub resolved: u64,
    /// Escalations up from this level.
    pub escalated: u64,
    /// `escalated / received`, `None` when nothing was received.
    pub escalation_rate: Option<f64>,
    pub first_response: Durations,
    pub resolution: Durations,
    pub sla_breaches: u64,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ratings {
    pub count: u64,
    pub average: Option<f64>,
    /// How many of each rating, 1 to 5.
    pub histogram: [u64; 5],
}

#[derive(Debug, Clone, PartialEq)]
pub struct TicketStats {
    pub opened: u64,
    pub reopened: u64,
    pub closed: u64,
    /// L1 to L4, in order.
    pub levels: [LevelStats; 4],
    pub ratings: Ratings,
    pub sla_breaches: u64,
    /// Time at each level and waiting on users (`stats_time.rs`).
    pub time: TimeStats,
}

impl TicketStats {
    pub fn level(&self, level: Level) -> &LevelStats {
        &self.levels[level.index()]
    }
}

#[derive(Default)]
struct Tally {
    received: u64,
    resolved: u64,
    escalated: u64,
    first_response: Vec<Duration>,
    resolution: Vec<Duration>,
    sla_breaches: u64,
}

/// Computes the statistics of `histories` (each one ticket's events in
/// order) for the window `[since, until)`.
pub fn compute(
    histories: &[Vec<TicketEvent>],
    since: DateTime<Utc>,
    until: DateTime<Utc>,
) -> TicketStats {
    let mut tally: [Tally; 4] = Default::default();
    let (mut opened, mut reopened, mut closed) = (0, 0, 0);
    let mut ratings = Ratings::default();
    let in_window = |at: DateTime<Utc>| since <= at && at < until;

    for history in histories {
        let mut opened_at = None;
        let mut arrived_at = None;
        for e in history {
            let counted = in_window(e.at);
            let here = &mut tally[e.level.index()];
            match &e.kind {
                EventKind::Opened { .. } => {
                    opened_at = Some(e.at);
                    arrived_at = Some(e.at);
                    if counted {
                        opened += 1;
                        here.received += 1;
                    }
                }
                EventKind::Escalated { to, .. } | EventKind::Deescalated { to, .. } => {
                    arrived_at = Some(e.at);
                    if counted {
                        if matches!(e.kind, EventKind::Escalated { .. }) {
                            here.escalated += 1;
                        }
                        tally[to.index()].received += 1;
                    }
                }
                EventKind::Reopened => {
                    arrived_at = Some(e.at);
                    reopened += u64::from(counted);
                }
                EventKind::FirstResponse => {
                    if let (true, Some(arrived)) = (counted, arrived_at) {
                        here.first_response.push(e.at - arrived);
                    }
                }
                EventKind::Closed { reason, .. } if counted => {
                    closed += 1;
                    if !matches!(reason, CloseReason::ThreadLost | CloseReason::ByUser) {
                        here.resolved += 1;
                        if let Some(start) = opened_at {
                            here.resolution.push(e.at - start);
                        }
                    }
                }
                EventKind::UserConfirmed {
                    rating: Some(r), ..
                } if counted => {
                    ratings.count += 1;
                    ratings.histogram[usize::from(r.get()) - 1] += 1;
                }
                EventKind::SlaBreached if counted => here.sla_breaches += 1,
                _ => {}
            }
        }
    }

    if ratings.count > 0 {
        let sum: u64 = (1..=5u64).zip(ratings.histogram).map(|(r, n)| r * n).sum();
        ratings.average = Some(sum as f64 / ratings.count as f64);
    }
    let sla_breaches = tally.iter().map(|t| t.sla_breaches).sum();
    let levels = Level::ALL.map(|level| {
        let t = std::mem::take(&mut tally[level.index()]);
        LevelStats {
            level,
            received: t.received,
            resolved: t.resolved,
            escalated: t.escalated,
            escalation_rate: (t.received > 0).then(|| t.escalated as f64 / t.received as f64),
            first_response: summarise(t.first_response),
            resolution: summarise(t.resolution),
            sla_breaches: t.sla_breaches,
        }
    });
    TicketStats {
        opened,
        reopened,
        closed,
        levels,
        ratings,
        sla_breaches,
        time: super::stats_time::compute(histories, since, until),
    }
}

pub(crate) fn summarise(mut sample: Vec<Duration>) -> Durations {
    sample.sort();
    Durations {
        count: sample.len(),
        median: nearest_rank(&sample, 50),
        p90: nearest_rank(&sample, 90),
    }
}

/// The value at rank ⌈p/100 · n⌉ (1-based) of a sorted sample.
fn nearest_rank(sorted: &[Duration], percent: usize) -> Option<Duration> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (percent * sorted.len()).div_ceil(100).max(1);
    sorted.get(rank - 1).copied()
}

#[cfg(test)]
#[path = "stats_tests.rs"]
mod tests;
