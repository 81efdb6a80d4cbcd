//! Staff transitions: claim, unclaim, transfer, escalate, de-escalate, note.
//!
//! Every transition is a pure function of the ticket as last read: it
//! checks the policy and the ticket's state and returns either the events
//! to append or a [`Refusal`] the person may read. The store then persists
//! the events with a conditional update on the ticket's version, so two
//! people acting at once never both succeed on the same state (see
//! `store::Store::transition`).

use chrono::{DateTime, Utc};

use super::event::{EventKind, TicketEvent};
use super::level::Level;
use super::policy::{allows, Actor};
use super::refusal::{Refusal, TicketAction, REASON_MAX_CHARS, TEXT_MAX_CHARS};
use super::ticket::Ticket;

/// What a transition decides.
pub type Decision = Result<Vec<TicketEvent>, Refusal>;

/// The actor takes the ticket. "Already claimed by @x" when someone was
/// faster.
pub fn claim(t: &Ticket, actor: &Actor, now: DateTime<Utc>) -> Decision {
    allows(TicketAction::Claim, actor, t)?;
    not_closed(t, TicketAction::Claim)?;
    match t.assignee {
        Some(by) if by == actor.user => Err(Refusal::AlreadyYours),
        Some(by) => Err(Refusal::AlreadyClaimed { by }),
        None => Ok(vec![by_actor(t, actor, now, EventKind::Claimed)]),
    }
}

/// The assignee (or an admin) lets the ticket go back to the queue.
pub fn unclaim(t: &Ticket, actor: &Actor, now: DateTime<Utc>) -> Decision {
    allows(TicketAction::Unclaim, actor, t)?;
    not_closed(t, TicketAction::Unclaim)?;
    let previous = t.assignee.ok_or(Refusal::NotClaimed)?;
    only_assignee_or_admin(t, actor)?;
    Ok(vec![by_actor(
        t,
        actor,
        now,
        EventKind::Unclaimed { previous },
    )])
}

/// Hands the ticket to `to`, who must be staff of the ticket's level (or an
/// admin). Allowed for the assignee, an admin, or anyone of the level when
/// nobody has claimed it.
pub fn transfer(t: &Ticket, actor: &Actor, to: &Actor, now: DateTime<Utc>) -> Decision {
    allows(TicketAction::Transfer, actor, t)?;
    not_closed(t, TicketAction::Transfer)?;
    if !(to.is_staff_of(t.level) || to.is_admin) {
        return Err(Refusal::TargetNotStaff {
            target: to.user,
            level: t.level,
        });
    }
    if t.assignee == Some(to.user) {
        return Err(Refusal::AlreadyAssigned { to: to.user });
    }
    only_assignee_or_admin(t, actor)?;
    let kind = EventKind::Transferred {
        from: t.assignee,
        to: to.user,
    };
    Ok(vec![by_actor(t, actor, now, kind)])
}

/// Moves the ticket up to `to` (default: the next level). The claim is
/// released, a resolution in progress is withdrawn, and the first-response
/// clock starts again at the new level.
pub fn escalate(
    t: &Ticket,
    actor: &Actor,
    to: Option<Level>,
    reason: &str,
    now: DateTime<Utc>,
) -> Decision {
    allows(TicketAction::Escalate, actor, t)?;
    not_closed(t, TicketAction::Escalate)?;
    let next = t.level.next().ok_or(Refusal::AlreadyAtTop)?;
    let to = to.unwrap_or(next);
    if to <= t.level {
        return Err(Refusal::NotAHigherLevel {
            current: t.level,
            requested: to,
        });
    }
    let reason = reason_text(reason)?;
    let kind = EventKind::Escalated {
        from: t.level,
        to,
        reason,
    };
    Ok(vec![by_actor(t, actor, now, kind)])
}

/// Moves the ticket down to `to` (default: the level below), like
/// [`escalate`] in reverse.
pub fn deescalate(
    t: &Ticket,
    actor: &Actor,
    to: Option<Level>,
    reason: &str,
    now: DateTime<Utc>,
) -> Decision {
    allows(TicketAction::Deescalate, actor, t)?;
    not_closed(t, TicketAction::Deescalate)?;
    let below = t.level.prev().ok_or(Refusal::AlreadyAtBottom)?;
    let to = to.unwrap_or(below);
    if to >= t.level {
        return Err(Refusal::NotALowerLevel {
            current: t.level,
            requested: to,
        });
    }
    let reason = reason_text(reason)?;
    let kind = EventKind::Deescalated {
        from: t.level,
        to,
        reason,
    };
    Ok(vec![by_actor(t, actor, now, kind)])
}

/// An internal note: stored, shown in handoffs, never shown to the user.
pub fn note(t: &Ticket, actor: &Actor, text: &str, now: DateTime<Utc>) -> Decision {
    allows(TicketAction::Note, actor, t)?;
    not_closed(t, TicketAction::Note)?;
    let text = required_text(text, TEXT_MAX_CHARS)?;
    Ok(vec![by_actor(t, actor, now, EventKind::Noted { text })])
}

/// How long the same note from the same person counts as one note: a
/// staff member who saw no answer (Discord slow, the bot restarting) sends
/// it again, and the case must not show it twice.
pub const NOTE_REPEAT_WINDOW_MINUTES: i64 = 10;

/// Whether `text` from `actor` repeats their latest note on the ticket,
/// written within [`NOTE_REPEAT_WINDOW_MINUTES`] (`events` oldest first).
pub fn repeats_last_note(
    events: &[TicketEvent],
    actor: &Actor,
    text: &str,
    now: DateTime<Utc>,
) -> bool {
    let last = events.iter().rev().find_map(|e| match &e.kind {
        EventKind::Noted { text } if e.actor == Some(actor.user) => Some((e.at, text)),
        _ => None,
    });
    match last {
        Some((at, last)) => {
            last.trim() == text.trim()
                && now - at <= chrono::Duration::minutes(NOTE_REPEAT_WINDOW_MINUTES)
        }
        None => false,
    }
}

pub(super) fn by_actor(
    t: &Ticket,
    actor: &Actor,
    at: DateTime<Utc>,
    kind: EventKind,
) -> TicketEvent {
    TicketEvent {
        at,
        actor: Some(actor.user),
        level: t.level,
        kind,
    }
}

pub(super) fn by_bot(t: &Ticket, at: DateTime<Utc>, kind: EventKind) -> TicketEvent {
    TicketEvent {
        at,
        actor: None,
        level: t.level,
        kind,
    }
}

pub(super) fn not_closed(t: &Ticket, action: TicketAction) -> Result<(), Refusal> {
    if t.is_closed() {
        Err(Refusal::TicketClosed { action })
    } else {
        Ok(())
    }
}

fn only_assignee_or_admin(t: &Ticket, actor: &Actor) -> Result<(), Refusal> {
    match t.assignee {
        Some(by) if by != actor.user && !actor.is_admin => {
            Err(Refusal::ClaimedBySomeoneElse { by })
        }
        _ => Ok(()),
    }
}

fn reason_text(reason: &str) -> Result<String, Refusal> {
    required_text(reason, REASON_MAX_CHARS).map_err(|e| match e {
        Refusal::EmptyText => Refusal::ReasonRequired,
        other => other,
    })
}

/// Trimmed, non-empty, at most `max` characters.
pub(super) fn required_text(text: &str, max: usize) -> Result<String, Refusal> {
    optional_text(Some(text), max)?.ok_or(Refusal::EmptyText)
}

/// Trimmed; blank counts as absent; at most `max` characters.
pub(super) fn optional_text(text: Option<&str>, max: usize) -> Result<Option<String>, Refusal> {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(None),
        Some(t) if t.chars().count() > max => Err(Refusal::TextTooLong { max }),
        Some(t) => Ok(Some(t.to_owned())),
    }
}

#[cfg(test)]
#[path = "transitions_tests.rs"]
mod tests;
