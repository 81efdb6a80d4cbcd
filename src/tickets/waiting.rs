//! The SLA clock and "waiting on the user".
//!
//! A level's SLA target is measured in working time during which the
//! ticket waits on staff. When staff write to the user (in the user
//! thread, or with `/waiting`), the ticket is *waiting on the user*: the
//! clock stops. When the user writes, it resumes, counting what it had
//! counted before (Zendesk's "agent work time", in business hours). The
//! reminder goes out once per level arrival, when the clock reaches the
//! target.
//!
//! While waiting, the user may be reminded after N hours and the ticket
//! closed after M hours (both off by default). Those are wall-clock
//! hours: the user's time, not the team's.
//!
//! What is stored: when waiting began, the working time counted before
//! the clock last resumed, and when it resumed. The count is computed when
//! the clock resumes (the transition knows the working hours), so
//! pausing needs no schedule and every event stays plain bookkeeping.

use chrono::{DateTime, Duration, Utc};

use super::event::EventKind;
use super::hours::{add_working, working_between, WorkingHours};
use super::policy::Actor;
use super::ticket::{CloseReason, Status, Ticket};
use super::transitions::{by_actor, by_bot, Decision};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SlaClock {
    /// Waiting on the user since then: the clock is stopped.
    pub waiting_since: Option<DateTime<Utc>>,
    /// When the user was reminded during this wait.
    pub reminded_at: Option<DateTime<Utc>>,
    /// Working time counted at this level before `resumed_at`.
    pub spent: Duration,
    /// When the clock last started again; `None`: when the ticket
    /// reached its level.
    pub resumed_at: Option<DateTime<Utc>>,
}

impl Ticket {
    pub fn is_waiting_on_user(&self) -> bool {
        self.status == Status::Open && self.sla_clock.waiting_since.is_some()
    }

    /// When the running clock started counting its current spell.
    pub fn sla_running_from(&self) -> DateTime<Utc> {
        self.sla_clock.resumed_at.unwrap_or(self.level_reached_at)
    }

    /// Whether the SLA clock runs: open, not waiting on the user, its
    /// reminder not sent yet.
    pub fn sla_clock_runs(&self) -> bool {
        self.status == Status::Open
            && self.sla_clock.waiting_since.is_none()
            && self.sla_breached_at.is_none()
    }

    /// Working time on the clock at `now`.
    pub fn sla_elapsed(&self, hours: Option<&WorkingHours>, now: DateTime<Utc>) -> Duration {
        let until = self.sla_clock.waiting_since.unwrap_or(now);
        self.sla_clock.spent + working_between(hours, self.sla_running_from(), until)
    }

    /// When a running clock reaches `target`.
    pub fn sla_due(&self, hours: Option<&WorkingHours>, target: Duration) -> DateTime<Utc> {
        add_working(
            hours,
            self.sla_running_from(),
            target - self.sla_clock.spent,
        )
    }
}

/// Staff of the ticket's level (or an admin) wrote to the user: the clock
/// stops. Nothing when it is stopped already, the ticket is not open, or
/// the author is its user or not staff of its level (as for the first
/// response: a colleague's aside from another level answers nothing).
pub fn wait_on_user(t: &Ticket, author: &Actor, now: DateTime<Utc>) -> Decision {
    let staff = author.user != t.opener && (author.is_staff_of(t.level) || author.is_admin);
    if !staff || t.status != Status::Open || t.sla_clock.waiting_since.is_some() {
        return Ok(vec![]);
    }
    Ok(vec![by_actor(t, author, now, EventKind::WaitingOnUser)])
}

/// The user wrote while the ticket waited on them: the clock resumes,
/// keeping the working time it had counted.
pub fn user_answered(
    t: &Ticket,
    author: &Actor,
    hours: Option<&WorkingHours>,
    now: DateTime<Utc>,
) -> Decision {
    if author.user != t.opener || !t.is_waiting_on_user() {
        return Ok(vec![]);
    }
    let spent = t.sla_elapsed(hours, now);
    Ok(vec![by_actor(
        t,
        author,
        now,
        EventKind::UserAnswered {
            sla_spent_secs: spent.num_seconds(),
        },
    )])
}

/// The reminder timer fired: the user is reminded once per wait, `after`
/// it began.
pub fn remind_waiting(t: &Ticket, after: Duration, now: DateTime<Utc>) -> Decision {
    let due = t.is_waiting_on_user()
        && t.sla_clock.reminded_at.is_none()
        && t.sla_clock.waiting_since.is_some_and(|w| now >= w + after);
    Ok(if due {
        vec![by_bot(t, now, EventKind::WaitingReminded)]
    } else {
        vec![]
    })
}

/// The close timer fired: a ticket still waiting on its user `after` the
/// wait began closes.
pub fn close_waiting(t: &Ticket, after: Duration, now: DateTime<Utc>) -> Decision {
    let due = t.is_waiting_on_user() && t.sla_clock.waiting_since.is_some_and(|w| now >= w + after);
    let kind = EventKind::Closed {
        reason: CloseReason::UserSilent,
        text: None,
        auto: true,
    };
    Ok(if due {
        vec![by_bot(t, now, kind)]
    } else {
        vec![]
    })
}

#[cfg(test)]
#[path = "waiting_tests.rs"]
mod tests;
