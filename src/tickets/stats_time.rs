//! Where tickets spend their time, for `/stats`: how long a stay at each
//! level lasts (from arriving there, by opening, a move or a reopening,
//! to leaving it, by a move or closing), and how long staff wait on the
//! user (from staff writing to the user writing back, or the ticket
//! moving or closing). A stay or wait counts in the window it ended in;
//! one still going on is not counted yet. Wall-clock time: what the user
//! lived through, whatever the working hours.

use chrono::{DateTime, Duration, Utc};

use super::event::{EventKind, TicketEvent};
use super::level::Level;
use super::stats::{summarise, Durations};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TimeStats {
    /// L1 to L4: the length of stays at each level.
    pub at_level: [Durations; 4],
    /// The length of waits on the user.
    pub waiting_on_user: Durations,
    /// All the time spent waiting on users.
    pub waiting_total: Duration,
}

impl TimeStats {
    pub fn level(&self, level: Level) -> &Durations {
        &self.at_level[level.index()]
    }
}

pub fn compute(
    histories: &[Vec<TicketEvent>],
    since: DateTime<Utc>,
    until: DateTime<Utc>,
) -> TimeStats {
    let in_window = |at: DateTime<Utc>| since <= at && at < until;
    let mut stays: [Vec<Duration>; 4] = Default::default();
    let mut waits = Vec::new();
    for history in histories {
        let mut stay: Option<(Level, DateTime<Utc>)> = None;
        let mut wait: Option<DateTime<Utc>> = None;
        for e in history {
            let ends_wait = matches!(
                e.kind,
                EventKind::UserAnswered { .. }
                    | EventKind::UserRejected { .. }
                    | EventKind::UserConfirmed { .. }
                    | EventKind::Escalated { .. }
                    | EventKind::Deescalated { .. }
                    | EventKind::Closed { .. }
                    | EventKind::Reopened
            );
            if ends_wait {
                if let Some(from) = wait.take() {
                    if in_window(e.at) {
                        waits.push(e.at - from);
                    }
                }
            }
            let ends_stay =
                e.kind.moved_to().is_some() || matches!(e.kind, EventKind::Closed { .. });
            if ends_stay {
                if let Some((level, from)) = stay.take() {
                    if in_window(e.at) {
                        stays[level.index()].push(e.at - from);
                    }
                }
            }
            match &e.kind {
                EventKind::Opened { .. } | EventKind::Reopened => stay = Some((e.level, e.at)),
                EventKind::Escalated { to, .. } | EventKind::Deescalated { to, .. } => {
                    stay = Some((*to, e.at))
                }
                EventKind::WaitingOnUser => wait = Some(e.at),
                _ => {}
            }
        }
    }
    let waiting_total = waits.iter().fold(Duration::zero(), |a, b| a + *b);
    TimeStats {
        at_level: stays.map(summarise),
        waiting_on_user: summarise(waits),
        waiting_total,
    }
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::*;
    use crate::tickets::fixtures::{minutes, staff, t0, ticket, user};
    use crate::tickets::{lifecycle, transitions, waiting};

    #[test]
    fn a_stay_at_each_level_and_a_wait_on_the_user_are_measured() {
        let t = ticket(Level::L1);
        let opened = TicketEvent {
            at: t0(),
            actor: Some(t.opener),
            level: Level::L1,
            kind: EventKind::Opened {
                priority: t.priority,
            },
        };
        let mut history = vec![opened];
        let mut t = t;
        let mut step = |t: &mut crate::tickets::Ticket, events: Vec<TicketEvent>| {
            *t = t.after(&events);
            history.extend(events);
        };
        let lena = staff(1, Level::L1);
        let e = lifecycle::first_response(&t, &lena, minutes(10)).unwrap();
        step(&mut t, e);
        let e = waiting::user_answered(&t, &user(), None, minutes(40)).unwrap();
        step(&mut t, e);
        let e = transitions::escalate(&t, &lena, None, "why", minutes(60)).unwrap();
        step(&mut t, e);
        let e = lifecycle::close(&t, &staff(2, Level::L2), None, minutes(180)).unwrap();
        step(&mut t, e);

        let s = compute(&[history], t0(), minutes(1000));
        assert_eq!(s.level(Level::L1).median, Some(Duration::minutes(60)));
        assert_eq!(s.level(Level::L2).median, Some(Duration::minutes(120)));
        assert_eq!(s.level(Level::L3).count, 0);
        assert_eq!(s.waiting_on_user.median, Some(Duration::minutes(30)));
        assert_eq!(s.waiting_total, Duration::minutes(30));
    }
}
