//! Resolution and the ticket's end: resolve, confirm or reject, close,
//! reopen; and the transitions the bot makes on its own (first response,
//! SLA breach, auto-close, a thread deleted behind its back).
//!
//! The bot's own transitions return no events when there is nothing to do
//! (the timer fired late, someone answered meanwhile): a timer may run on a
//! ticket that has moved on, and that is not an error.

use chrono::{DateTime, Duration, Utc};

use super::event::{EventKind, Rating, ThreadRole};
use super::hours::WorkingHours;
use super::ids::ChannelId;
use super::policy::{allows, Actor};
use super::refusal::{Refusal, TicketAction, TEXT_MAX_CHARS};
use super::ticket::{CloseReason, Status, Ticket};
use super::transitions::{by_actor, by_bot, not_closed, optional_text, Decision};
use super::waiting::wait_on_user;

/// Asks the user "Did this solve it?". Counts as the first response at
/// this level if staff had not written yet.
pub fn request_resolve(
    t: &Ticket,
    actor: &Actor,
    summary: Option<&str>,
    now: DateTime<Utc>,
) -> Decision {
    allows(TicketAction::Resolve, actor, t)?;
    not_closed(t, TicketAction::Resolve)?;
    if t.status == Status::Resolving {
        return Err(Refusal::AlreadyResolving);
    }
    let summary = optional_text(summary, TEXT_MAX_CHARS)?;
    let mut events = Vec::with_capacity(2);
    if t.first_response_at.is_none() {
        events.push(by_actor(t, actor, now, EventKind::FirstResponse));
    }
    events.push(by_actor(
        t,
        actor,
        now,
        EventKind::ResolveRequested { summary },
    ));
    Ok(events)
}

/// The user says yes (with an optional 1–5 rating and comment): closed.
pub fn confirm(
    t: &Ticket,
    actor: &Actor,
    rating: Option<Rating>,
    comment: Option<&str>,
    now: DateTime<Utc>,
) -> Decision {
    awaiting_answer(t, actor)?;
    let comment = optional_text(comment, TEXT_MAX_CHARS)?;
    let closed = EventKind::Closed {
        reason: CloseReason::Confirmed,
        text: None,
        auto: false,
    };
    Ok(vec![
        by_actor(t, actor, now, EventKind::UserConfirmed { rating, comment }),
        by_actor(t, actor, now, closed),
    ])
}

/// The user says no: back to the assignee, open again.
pub fn reject(t: &Ticket, actor: &Actor, comment: Option<&str>, now: DateTime<Utc>) -> Decision {
    awaiting_answer(t, actor)?;
    let comment = optional_text(comment, TEXT_MAX_CHARS)?;
    Ok(vec![by_actor(
        t,
        actor,
        now,
        EventKind::UserRejected {
            comment,
            replied: false,
        },
    )])
}

/// The user wrote in their thread after being asked "Did this solve it?"
/// instead of answering with the buttons: a message is no confirmation,
/// so the question is withdrawn (the auto-close with it) and the ticket
/// goes back to the assignee, as on No, with the message as the comment.
/// Anything else (someone else writing, a message from before the
/// question, a ticket not waiting) changes nothing.
pub fn user_replied(
    t: &Ticket,
    author: &Actor,
    text: &str,
    written_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Decision {
    let after_question = t
        .resolve_requested_at
        .is_some_and(|asked| written_at >= asked);
    if author.user != t.opener || t.status != Status::Resolving || !after_question {
        return Ok(vec![]);
    }
    let comment: String = text.trim().chars().take(TEXT_MAX_CHARS).collect();
    let comment = (!comment.is_empty()).then_some(comment);
    Ok(vec![by_actor(
        t,
        author,
        now,
        EventKind::UserRejected {
            comment,
            replied: true,
        },
    )])
}

fn awaiting_answer(t: &Ticket, actor: &Actor) -> Result<(), Refusal> {
    allows(TicketAction::AnswerResolve, actor, t)?;
    match t.status {
        Status::Resolving => Ok(()),
        Status::Closed => Err(Refusal::AlreadyClosed),
        Status::Open => Err(Refusal::NotAwaitingConfirmation),
    }
}

/// Closes now: by the user for their own ticket, by staff, or an admin.
pub fn close(t: &Ticket, actor: &Actor, reason: Option<&str>, now: DateTime<Utc>) -> Decision {
    allows(TicketAction::Close, actor, t)?;
    if t.is_closed() {
        return Err(Refusal::AlreadyClosed);
    }
    let text = optional_text(reason, TEXT_MAX_CHARS)?;
    let reason = if actor.user == t.opener {
        CloseReason::ByUser
    } else {
        CloseReason::ByStaff
    };
    let kind = EventKind::Closed {
        reason,
        text,
        auto: false,
    };
    Ok(vec![by_actor(t, actor, now, kind)])
}

/// Reopens a closed ticket at the level it closed at, within
/// `window_days` of closing. A ticket whose thread was deleted cannot come
/// back: the user opens a new one.
pub fn reopen(t: &Ticket, actor: &Actor, window_days: u32, now: DateTime<Utc>) -> Decision {
    allows(TicketAction::Reopen, actor, t)?;
    let closed_at = match (t.status, t.closed_at) {
        (Status::Closed, Some(at)) => at,
        _ => return Err(Refusal::NotClosed),
    };
    if t.close_reason == Some(CloseReason::ThreadLost) {
        return Err(Refusal::ThreadGone);
    }
    if now > closed_at + Duration::days(i64::from(window_days)) {
        return Err(Refusal::ReopenWindowPassed { days: window_days });
    }
    Ok(vec![by_actor(t, actor, now, EventKind::Reopened)])
}

/// A message by `author` in the user thread: the level's first response
/// when the author is staff of the ticket's current level (or an admin)
/// and nobody answered since the ticket reached that level; and, from any
/// staff, the ticket now waits on the user (the SLA clock stops).
pub fn first_response(t: &Ticket, author: &Actor, now: DateTime<Utc>) -> Decision {
    let counts = author.user != t.opener && (author.is_staff_of(t.level) || author.is_admin);
    let mut events = Vec::new();
    if !t.is_closed() && counts && t.first_response_at.is_none() {
        events.push(by_actor(t, author, now, EventKind::FirstResponse));
    }
    events.extend(wait_on_user(t, author, now)?);
    Ok(events)
}

/// The SLA timer fired, around the clock (see [`sla_breach_during`]).
pub fn sla_breach(t: &Ticket, target: Duration, now: DateTime<Utc>) -> Decision {
    sla_breach_during(t, None, target, now)
}

/// The SLA timer fired: a breach when the clock still runs (open, not
/// waiting on the user, not reported yet) and has counted `target` of
/// working time at this level. The bot then pings the level's role once.
pub fn sla_breach_during(
    t: &Ticket,
    hours: Option<&WorkingHours>,
    target: Duration,
    now: DateTime<Utc>,
) -> Decision {
    let breached = t.sla_clock_runs() && t.sla_elapsed(hours, now) >= target;
    Ok(if breached {
        vec![by_bot(t, now, EventKind::SlaBreached)]
    } else {
        vec![]
    })
}

/// The auto-close timer fired: closes a ticket still waiting for the
/// user's answer `after` the question was asked.
pub fn auto_close(t: &Ticket, after: Duration, now: DateTime<Utc>) -> Decision {
    let due = match (t.status, t.resolve_requested_at) {
        (Status::Resolving, Some(asked)) => now >= asked + after,
        _ => false,
    };
    let kind = EventKind::Closed {
        reason: CloseReason::NoAnswer,
        text: None,
        auto: true,
    };
    Ok(if due {
        vec![by_bot(t, now, kind)]
    } else {
        vec![]
    })
}

/// `thread` was deleted behind the bot's back. The user thread or the
/// current case: the ticket closes with a note. An earlier case: noted
/// only. A closed ticket or an unknown thread: nothing.
pub fn thread_lost(t: &Ticket, thread: ChannelId, now: DateTime<Utc>) -> Decision {
    if t.is_closed() {
        return Ok(vec![]);
    }
    let lost = |role| by_bot(t, now, EventKind::ThreadLost { thread, role });
    if t.user_thread == Some(thread) || t.case.is_some_and(|c| c.thread == thread) {
        let role = if t.user_thread == Some(thread) {
            ThreadRole::User
        } else {
            ThreadRole::Case
        };
        let closed = EventKind::Closed {
            reason: CloseReason::ThreadLost,
            text: None,
            auto: true,
        };
        return Ok(vec![lost(role), by_bot(t, now, closed)]);
    }
    if t.previous_cases.iter().any(|c| c.thread == thread) {
        return Ok(vec![lost(ThreadRole::Case)]);
    }
    Ok(vec![])
}

#[cfg(test)]
#[path = "lifecycle_tests.rs"]
mod tests;
