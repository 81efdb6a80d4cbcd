//! The append-only timeline of a ticket. Transitions *decide* which events
//! happen; [`Ticket::apply`] *evolves* the ticket by them. Statistics are
//! computed from events alone (see `stats.rs`), so every event says who did
//! it, when, and at which level.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::ids::{ChannelId, UserId};
use super::level::Level;
use super::ticket::{CloseReason, Priority, Status, Ticket};
use super::waiting::SlaClock;

/// A user's 1–5 answer to "Did this solve it?".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Rating(u8);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a rating is 1 to 5, not {0}")]
pub struct RatingError(pub i64);

impl Rating {
    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for Rating {
    type Error = RatingError;

    fn try_from(n: u8) -> Result<Self, Self::Error> {
        Rating::try_from(i64::from(n))
    }
}

impl TryFrom<i64> for Rating {
    type Error = RatingError;

    fn try_from(n: i64) -> Result<Self, Self::Error> {
        if (1..=5).contains(&n) {
            Ok(Rating(n as u8))
        } else {
            Err(RatingError(n))
        }
    }
}

impl From<Rating> for u8 {
    fn from(r: Rating) -> u8 {
        r.0
    }
}

/// Which of a ticket's threads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThreadRole {
    User,
    Case,
}

/// One thing that happened to a ticket.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TicketEvent {
    pub at: DateTime<Utc>,
    /// Who did it; `None` for the bot itself (timers, lost threads).
    pub actor: Option<UserId>,
    /// The ticket's level when it happened (for a move: the level it left).
    pub level: Level,
    pub kind: EventKind,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EventKind {
    Opened {
        priority: Priority,
    },
    /// The actor took the ticket.
    Claimed,
    Unclaimed {
        previous: UserId,
    },
    Transferred {
        from: Option<UserId>,
        to: UserId,
    },
    Escalated {
        from: Level,
        to: Level,
        reason: String,
    },
    Deescalated {
        from: Level,
        to: Level,
        reason: String,
    },
    /// An internal note: staff only, shown in handoffs.
    Noted {
        text: String,
    },
    ResolveRequested {
        summary: Option<String>,
    },
    UserConfirmed {
        rating: Option<Rating>,
        comment: Option<String>,
    },
    UserRejected {
        comment: Option<String>,
        /// The user wrote in their thread instead of answering (older
        /// events lack it: a button's No).
        #[serde(default)]
        replied: bool,
    },
    Closed {
        reason: CloseReason,
        /// The `/close` reason as typed, if any.
        text: Option<String>,
        /// Closed by a timer rather than a person.
        auto: bool,
    },
    Reopened,
    /// First staff message in the user thread at this level.
    FirstResponse,
    /// The first-response target of this level passed without an answer.
    SlaBreached,
    ThreadLost {
        thread: ChannelId,
        role: ThreadRole,
    },
    /// Staff wrote to the user: the SLA clock stops until the user writes.
    WaitingOnUser,
    /// The user wrote while waited on: the clock resumes with this much
    /// working time counted at the level.
    UserAnswered {
        sla_spent_secs: i64,
    },
    /// The user was reminded that staff wait on them.
    WaitingReminded,
    /// Staff asked the user to confirm closing (issue 14.5).
    CloseRequested,
    /// The close request was answered "Keep open", or (`replied`) the user
    /// wrote in their thread instead.
    CloseRequestWithdrawn {
        replied: bool,
    },
}

impl EventKind {
    /// The stored name (`ticket_events.kind`), also the serde tag.
    pub fn name(&self) -> &'static str {
        match self {
            EventKind::Opened { .. } => "opened",
            EventKind::Claimed => "claimed",
            EventKind::Unclaimed { .. } => "unclaimed",
            EventKind::Transferred { .. } => "transferred",
            EventKind::Escalated { .. } => "escalated",
            EventKind::Deescalated { .. } => "deescalated",
            EventKind::Noted { .. } => "noted",
            EventKind::ResolveRequested { .. } => "resolve_requested",
            EventKind::UserConfirmed { .. } => "user_confirmed",
            EventKind::UserRejected { .. } => "user_rejected",
            EventKind::Closed { .. } => "closed",
            EventKind::Reopened => "reopened",
            EventKind::FirstResponse => "first_response",
            EventKind::SlaBreached => "sla_breached",
            EventKind::ThreadLost { .. } => "thread_lost",
            EventKind::WaitingOnUser => "waiting_on_user",
            EventKind::UserAnswered { .. } => "user_answered",
            EventKind::WaitingReminded => "waiting_reminded",
            EventKind::CloseRequested => "close_requested",
            EventKind::CloseRequestWithdrawn { .. } => "close_request_withdrawn",
        }
    }

    /// The level a move takes the ticket to, for escalations and
    /// de-escalations.
    pub fn moved_to(&self) -> Option<Level> {
        match self {
            EventKind::Escalated { to, .. } | EventKind::Deescalated { to, .. } => Some(*to),
            _ => None,
        }
    }
}

impl Ticket {
    /// Evolves the ticket by one event. Pure bookkeeping: whether the event
    /// was allowed was decided by the transition that produced it.
    pub fn apply(&mut self, event: &TicketEvent) {
        let at = event.at;
        match &event.kind {
            EventKind::Opened { .. }
            | EventKind::Noted { .. }
            | EventKind::UserConfirmed { .. } => {}
            EventKind::Claimed => self.assignee = event.actor,
            EventKind::Unclaimed { .. } => self.assignee = None,
            EventKind::Transferred { to, .. } => self.assignee = Some(*to),
            EventKind::Escalated { to, .. } | EventKind::Deescalated { to, .. } => {
                self.level = *to;
                self.levels_seen.insert(*to);
                self.assignee = None;
                if let Some(case) = self.case.take() {
                    self.previous_cases.push(case);
                }
                if self.status == Status::Resolving {
                    self.status = Status::Open;
                }
                self.resolve_requested_at = None;
                self.close_requested_at = None;
                self.restart_response_clock(at);
            }
            EventKind::ResolveRequested { .. } => {
                self.status = Status::Resolving;
                self.resolve_requested_at = Some(at);
                // "Did this solve it?" supersedes a close request.
                self.close_requested_at = None;
            }
            EventKind::UserRejected { .. } => {
                self.status = Status::Open;
                self.resolve_requested_at = None;
                // The user answered: the clock resumes (the time before
                // the question, if it ran then, is not counted again).
                self.sla_clock.waiting_since = None;
                self.sla_clock.reminded_at = None;
                self.sla_clock.resumed_at = Some(at);
            }
            EventKind::Closed { reason, .. } => {
                self.status = Status::Closed;
                self.closed_at = Some(at);
                self.close_reason = Some(*reason);
                self.close_requested_at = None;
            }
            EventKind::Reopened => {
                self.status = Status::Open;
                self.closed_at = None;
                self.close_reason = None;
                self.resolve_requested_at = None;
                self.restart_response_clock(at);
            }
            EventKind::FirstResponse => self.first_response_at = Some(at),
            EventKind::SlaBreached => self.sla_breached_at = Some(at),
            EventKind::ThreadLost { .. } => {}
            EventKind::WaitingOnUser => {
                self.sla_clock.waiting_since = Some(at);
                self.sla_clock.reminded_at = None;
            }
            EventKind::UserAnswered { sla_spent_secs } => {
                self.sla_clock.waiting_since = None;
                self.sla_clock.reminded_at = None;
                self.sla_clock.spent = Duration::seconds(*sla_spent_secs);
                self.sla_clock.resumed_at = Some(at);
            }
            EventKind::WaitingReminded => self.sla_clock.reminded_at = Some(at),
            EventKind::CloseRequested => self.close_requested_at = Some(at),
            EventKind::CloseRequestWithdrawn { .. } => self.close_requested_at = None,
        }
    }

    /// A new level (or a reopening) starts a new first-response clock.
    fn restart_response_clock(&mut self, at: DateTime<Utc>) {
        self.level_reached_at = at;
        self.first_response_at = None;
        self.sla_breached_at = None;
        self.sla_clock = SlaClock::default();
    }

    /// The ticket after `events`, leaving `self` untouched.
    pub fn after(&self, events: &[TicketEvent]) -> Ticket {
        let mut next = self.clone();
        for e in events {
            next.apply(e);
        }
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rating_is_one_to_five() {
        assert!(Rating::try_from(0i64).is_err());
        assert_eq!(Rating::try_from(5i64).unwrap().get(), 5);
        assert!(Rating::try_from(6u8).is_err());
    }

    #[test]
    fn an_event_round_trips_through_json_with_its_name_as_tag() {
        let kind = EventKind::Escalated {
            from: Level::L1,
            to: Level::L3,
            reason: "needs an expert".into(),
        };
        let json = serde_json::to_value(&kind).unwrap();
        assert_eq!(json["type"], kind.name());
        assert_eq!(serde_json::from_value::<EventKind>(json).unwrap(), kind);
    }

    #[test]
    fn a_stored_event_with_a_bad_rating_does_not_load() {
        let json = r#"{"type":"user_confirmed","rating":9,"comment":null}"#;
        assert!(serde_json::from_str::<EventKind>(json).is_err());
    }
}
