//! Close requests (issue 14.5): staff think a ticket is done and ask the
//! user to confirm closing it. The user (or staff) answers Close or Keep
//! open; the user writing in their thread keeps it open too; silence
//! closes it after the server's delay (the scheduler's auto-close timer,
//! planned from `close_requested_at` by `timers::ticket_timers`).
//!
//! Unlike "Did this solve it?" there is no rating and the ticket stays
//! open meanwhile (staff may still work on it): Zendesk's "pending, closes
//! in N days" rather than a resolution.

use chrono::{DateTime, Duration, Utc};

use super::event::EventKind;
use super::policy::{allows, Actor};
use super::refusal::{Refusal, TicketAction};
use super::ticket::{CloseReason, Status, Ticket};
use super::transitions::{by_actor, by_bot, not_closed, Decision};

/// Staff ask the user to confirm closing. Counts as the first response
/// at this level if staff had not written yet (they talked to the user).
pub fn request_close(t: &Ticket, actor: &Actor, now: DateTime<Utc>) -> Decision {
    allows(TicketAction::Resolve, actor, t)?;
    not_closed(t, TicketAction::Close)?;
    if t.status == Status::Resolving {
        return Err(Refusal::AlreadyResolving);
    }
    if t.close_requested_at.is_some() {
        return Err(Refusal::AlreadyCloseRequested);
    }
    let mut events = Vec::with_capacity(2);
    if t.first_response_at.is_none() {
        events.push(by_actor(t, actor, now, EventKind::FirstResponse));
    }
    events.push(by_actor(t, actor, now, EventKind::CloseRequested));
    Ok(events)
}

/// "Close" under the request: by the user for their own ticket or staff
/// who may close it. Only while the request stands (a click on an old
/// request after "Keep open" changes nothing). The user's Close confirms
/// that staff solved it (counted as resolved, unlike a user's `/close`).
pub fn accept_close(t: &Ticket, actor: &Actor, now: DateTime<Utc>) -> Decision {
    pending(t, actor)?;
    let reason = if actor.user == t.opener {
        CloseReason::Confirmed
    } else {
        CloseReason::ByStaff
    };
    let kind = EventKind::Closed {
        reason,
        text: None,
        auto: false,
    };
    Ok(vec![by_actor(t, actor, now, kind)])
}

/// "Keep open": the request is withdrawn, the ticket carries on.
pub fn keep_open(t: &Ticket, actor: &Actor, now: DateTime<Utc>) -> Decision {
    pending(t, actor)?;
    let kind = EventKind::CloseRequestWithdrawn { replied: false };
    Ok(vec![by_actor(t, actor, now, kind)])
}

/// The user wrote in their thread after the request: they still need
/// help, so it is withdrawn. Anyone else writing, or an older message,
/// changes nothing.
pub fn user_wrote(
    t: &Ticket,
    author: &Actor,
    written_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Decision {
    let after_request = t.close_requested_at.is_some_and(|at| written_at >= at);
    if author.user != t.opener || t.is_closed() || !after_request {
        return Ok(vec![]);
    }
    let kind = EventKind::CloseRequestWithdrawn { replied: true };
    Ok(vec![by_actor(t, author, now, kind)])
}

/// The timer fired: closes a ticket whose request stood unanswered for
/// `after`. Nothing when it was answered, withdrawn or moved on.
pub fn close_request_due(t: &Ticket, after: Duration, now: DateTime<Utc>) -> Decision {
    let due = match (t.status, t.close_requested_at) {
        (Status::Open, Some(asked)) => now >= asked + after,
        _ => false,
    };
    let kind = EventKind::Closed {
        reason: CloseReason::CloseRequestExpired,
        text: None,
        auto: true,
    };
    Ok(if due {
        vec![by_bot(t, now, kind)]
    } else {
        vec![]
    })
}

fn pending(t: &Ticket, actor: &Actor) -> Result<(), Refusal> {
    allows(TicketAction::Close, actor, t)?;
    if t.is_closed() {
        return Err(Refusal::AlreadyClosed);
    }
    if t.close_requested_at.is_none() {
        return Err(Refusal::NoCloseRequest);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tickets::fixtures::{minutes, staff, stranger, ticket, user};
    use crate::tickets::level::Level;

    fn requested() -> Ticket {
        let t = ticket(Level::L1);
        t.after(&request_close(&t, &staff(1, Level::L1), minutes(10)).unwrap())
    }

    #[test]
    fn a_request_stands_until_answered_and_counts_as_a_first_response() {
        let t = requested();
        assert_eq!(t.close_requested_at, Some(minutes(10)));
        assert_eq!(t.first_response_at, Some(minutes(10)));
        assert_eq!(t.status, Status::Open);
        assert_eq!(
            request_close(&t, &staff(1, Level::L1), minutes(11)),
            Err(Refusal::AlreadyCloseRequested)
        );
    }

    #[test]
    fn the_user_cannot_ask_themselves_and_a_stranger_cannot_answer() {
        let t = ticket(Level::L1);
        assert!(request_close(&t, &user(), minutes(1)).is_err());
        assert!(accept_close(&requested(), &stranger(), minutes(11)).is_err());
    }

    #[test]
    fn close_is_the_users_confirmation_and_keep_open_withdraws() {
        let closed = requested().after(&accept_close(&requested(), &user(), minutes(11)).unwrap());
        assert_eq!(closed.status, Status::Closed);
        assert_eq!(closed.close_reason, Some(CloseReason::Confirmed));
        let kept = requested().after(&keep_open(&requested(), &user(), minutes(11)).unwrap());
        assert_eq!(kept.close_requested_at, None);
        assert_eq!(
            keep_open(&kept, &user(), minutes(12)),
            Err(Refusal::NoCloseRequest)
        );
    }

    #[test]
    fn the_user_writing_after_the_request_withdraws_it_and_staff_writing_does_not() {
        let t = requested();
        assert!(
            user_wrote(&t, &staff(1, Level::L1), minutes(12), minutes(12))
                .unwrap()
                .is_empty()
        );
        assert!(user_wrote(&t, &user(), minutes(9), minutes(12))
            .unwrap()
            .is_empty());
        let after = t.after(&user_wrote(&t, &user(), minutes(12), minutes(12)).unwrap());
        assert_eq!(after.close_requested_at, None);
    }

    #[test]
    fn silence_closes_after_the_delay_and_not_before() {
        let t = requested();
        let day = Duration::hours(24);
        assert!(close_request_due(&t, day, minutes(10 + 24 * 60 - 1))
            .unwrap()
            .is_empty());
        let closed = t.after(&close_request_due(&t, day, minutes(10 + 24 * 60)).unwrap());
        assert_eq!(closed.close_reason, Some(CloseReason::CloseRequestExpired));
        let kept = t.after(&keep_open(&t, &user(), minutes(11)).unwrap());
        assert!(close_request_due(&kept, day, minutes(10 + 48 * 60))
            .unwrap()
            .is_empty());
    }
}
