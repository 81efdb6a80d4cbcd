use chrono::Duration;

use super::*;
use crate::tickets::fixtures::{admin, minutes, staff, stranger, ticket, user};
use crate::tickets::ids::{ChannelId, UserId};
use crate::tickets::level::Level;
use crate::tickets::ticket::Ticket;

fn lena() -> Actor {
    staff(1, Level::L1)
}

fn resolving() -> Ticket {
    let t = ticket(Level::L1);
    t.after(&request_resolve(&t, &lena(), Some("restart the app"), minutes(10)).unwrap())
}

fn closed_at(m: i64) -> Ticket {
    let t = ticket(Level::L1);
    t.after(&close(&t, &lena(), None, minutes(m)).unwrap())
}

#[test]
fn resolving_asks_the_user_and_counts_as_the_first_response() {
    let t = resolving();
    assert_eq!(t.status, Status::Resolving);
    assert_eq!(t.resolve_requested_at, Some(minutes(10)));
    assert_eq!(t.first_response_at, Some(minutes(10)));
}

#[test]
fn resolving_twice_is_refused() {
    assert_eq!(
        request_resolve(&resolving(), &lena(), None, minutes(11)),
        Err(Refusal::AlreadyResolving)
    );
}

#[test]
fn the_user_confirming_with_a_rating_closes_the_ticket() {
    let t = resolving();
    let rating = Rating::try_from(5u8).unwrap();
    let events = confirm(&t, &user(), Some(rating), Some("thanks!"), minutes(12)).unwrap();
    assert_eq!(
        events[0].kind,
        EventKind::UserConfirmed {
            rating: Some(rating),
            comment: Some("thanks!".into())
        }
    );
    let after = t.after(&events);
    assert_eq!(after.status, Status::Closed);
    assert_eq!(after.close_reason, Some(CloseReason::Confirmed));
    assert_eq!(after.closed_at, Some(minutes(12)));
}

#[test]
fn the_user_rejecting_sends_it_back_to_the_assignee() {
    let t = ticket(Level::L1);
    let t = t.after(&transitions_claim(&t));
    let t = t.after(&request_resolve(&t, &lena(), None, minutes(3)).unwrap());
    let after = t.after(&reject(&t, &user(), Some("still broken"), minutes(4)).unwrap());
    assert_eq!(after.status, Status::Open);
    assert_eq!(after.assignee, Some(UserId(1)));
}

fn transitions_claim(t: &Ticket) -> Vec<crate::tickets::event::TicketEvent> {
    crate::tickets::transitions::claim(t, &lena(), minutes(2)).unwrap()
}

#[test]
fn only_the_author_answers_and_only_when_asked() {
    let t = resolving();
    assert!(matches!(
        confirm(&t, &stranger(), None, None, minutes(12)),
        Err(Refusal::NotAllowed { .. })
    ));
    assert_eq!(
        confirm(&ticket(Level::L1), &user(), None, None, minutes(12)),
        Err(Refusal::NotAwaitingConfirmation)
    );
    assert_eq!(
        reject(&closed_at(5), &user(), None, minutes(12)),
        Err(Refusal::AlreadyClosed)
    );
}

#[test]
fn the_user_may_close_their_own_ticket() {
    let t = ticket(Level::L2);
    let events = close(&t, &user(), Some("found it myself"), minutes(3)).unwrap();
    assert_eq!(
        events[0].kind,
        EventKind::Closed {
            reason: CloseReason::ByUser,
            text: Some("found it myself".into()),
            auto: false
        }
    );
}

#[test]
fn staff_closing_is_recorded_as_by_staff() {
    let after = closed_at(3);
    assert_eq!(after.close_reason, Some(CloseReason::ByStaff));
}

#[test]
fn closing_twice_is_refused() {
    assert_eq!(
        close(&closed_at(3), &admin(), None, minutes(4)),
        Err(Refusal::AlreadyClosed)
    );
}

#[test]
fn reopening_within_the_window_opens_it_at_the_same_level() {
    let t = closed_at(0);
    let later = minutes(60 * 24 * 7);
    let after = t.after(&reopen(&t, &user(), 7, later).unwrap());
    assert_eq!(after.status, Status::Open);
    assert_eq!(after.level, Level::L1);
    assert_eq!(after.closed_at, None);
    assert_eq!(after.level_reached_at, later);
}

#[test]
fn reopening_after_the_window_is_refused() {
    let t = closed_at(0);
    assert_eq!(
        reopen(&t, &user(), 7, minutes(60 * 24 * 7 + 1)),
        Err(Refusal::ReopenWindowPassed { days: 7 })
    );
}

#[test]
fn reopening_an_open_ticket_is_refused() {
    assert_eq!(
        reopen(&ticket(Level::L1), &user(), 7, minutes(1)),
        Err(Refusal::NotClosed)
    );
}

#[test]
fn a_ticket_whose_thread_was_deleted_cannot_be_reopened() {
    let t = ticket(Level::L1);
    let t = t.after(&thread_lost(&t, ChannelId(500), minutes(1)).unwrap());
    assert_eq!(reopen(&t, &user(), 7, minutes(2)), Err(Refusal::ThreadGone));
}

#[test]
fn the_first_staff_message_at_the_level_is_the_first_response() {
    let t = ticket(Level::L1);
    let events = first_response(&t, &lena(), minutes(4)).unwrap();
    assert_eq!(events[0].kind, EventKind::FirstResponse);
    let t = t.after(&events);
    assert_eq!(t.first_response_at, Some(minutes(4)));
    assert!(first_response(&t, &lena(), minutes(5)).unwrap().is_empty());
}

#[test]
fn messages_by_the_user_or_other_levels_are_not_a_first_response() {
    let t = ticket(Level::L2);
    assert!(first_response(&t, &user(), minutes(1)).unwrap().is_empty());
    assert!(first_response(&t, &lena(), minutes(1)).unwrap().is_empty());
    let by_admin = first_response(&t, &admin(), minutes(1)).unwrap();
    assert_eq!(by_admin[0].kind, EventKind::FirstResponse);
    assert_eq!(
        by_admin[1].kind,
        EventKind::WaitingOnUser,
        "and now waits on the user"
    );
}

#[test]
fn an_unanswered_ticket_breaches_its_sla_once() {
    let t = ticket(Level::L1);
    let target = Duration::minutes(15);
    assert!(sla_breach(&t, target, minutes(14)).unwrap().is_empty());
    let events = sla_breach(&t, target, minutes(15)).unwrap();
    assert_eq!(events[0].kind, EventKind::SlaBreached);
    assert_eq!(events[0].actor, None);
    let t = t.after(&events);
    assert!(sla_breach(&t, target, minutes(30)).unwrap().is_empty());
}

#[test]
fn an_answered_ticket_does_not_breach() {
    let t = ticket(Level::L1);
    let t = t.after(&first_response(&t, &lena(), minutes(3)).unwrap());
    assert!(sla_breach(&t, Duration::minutes(15), minutes(20))
        .unwrap()
        .is_empty());
}

#[test]
fn silence_after_resolving_closes_automatically_after_the_window() {
    let t = resolving();
    let day = Duration::hours(24);
    assert!(auto_close(&t, day, minutes(10 + 60 * 24 - 1))
        .unwrap()
        .is_empty());
    let events = auto_close(&t, day, minutes(10 + 60 * 24)).unwrap();
    let after = t.after(&events);
    assert_eq!(after.close_reason, Some(CloseReason::NoAnswer));
    assert!(matches!(
        events[0].kind,
        EventKind::Closed { auto: true, .. }
    ));
}

#[test]
fn auto_close_does_nothing_once_the_user_answered() {
    let t = resolving();
    let t = t.after(&reject(&t, &user(), None, minutes(11)).unwrap());
    assert!(auto_close(&t, Duration::hours(24), minutes(60 * 48))
        .unwrap()
        .is_empty());
}

#[test]
fn a_deleted_user_thread_closes_the_ticket_with_a_note() {
    let t = ticket(Level::L1);
    let events = thread_lost(&t, ChannelId(500), minutes(1)).unwrap();
    assert_eq!(
        events[0].kind,
        EventKind::ThreadLost {
            thread: ChannelId(500),
            role: ThreadRole::User
        }
    );
    assert_eq!(t.after(&events).close_reason, Some(CloseReason::ThreadLost));
}

#[test]
fn a_deleted_case_thread_closes_the_ticket_too() {
    let t = ticket(Level::L1);
    let after = t.after(&thread_lost(&t, ChannelId(601), minutes(1)).unwrap());
    assert_eq!(after.status, Status::Closed);
}

#[test]
fn an_unknown_thread_or_a_closed_ticket_is_left_alone() {
    let t = ticket(Level::L1);
    assert!(thread_lost(&t, ChannelId(999), minutes(1))
        .unwrap()
        .is_empty());
    assert!(thread_lost(&closed_at(1), ChannelId(500), minutes(2))
        .unwrap()
        .is_empty());
}

#[test]
fn the_user_writing_after_the_question_withdraws_it_and_stops_the_auto_close() {
    let t = resolving();
    let events = user_replied(
        &t,
        &user(),
        " no! it is still broken ",
        minutes(12),
        minutes(12),
    )
    .unwrap();
    assert_eq!(
        events.iter().map(|e| e.kind.clone()).collect::<Vec<_>>(),
        vec![EventKind::UserRejected {
            comment: Some("no! it is still broken".into()),
            replied: true,
        }]
    );
    let back = t.after(&events);
    assert_eq!(back.status, Status::Open);
    assert_eq!(back.resolve_requested_at, None);
    // The timer that fires a day later finds nothing to close.
    assert_eq!(
        auto_close(&back, Duration::hours(24), minutes(10 + 24 * 60)),
        Ok(vec![])
    );
}

#[test]
fn only_the_authors_own_later_message_counts_as_a_reply() {
    let t = resolving();
    let staff_wrote = user_replied(&t, &lena(), "anything else?", minutes(12), minutes(12));
    assert_eq!(staff_wrote, Ok(vec![]));
    let from_before = user_replied(&t, &user(), "thanks", minutes(9), minutes(12));
    assert_eq!(from_before, Ok(vec![]), "written before the question");
    let open = ticket(Level::L1);
    assert_eq!(
        user_replied(&open, &user(), "hi", minutes(1), minutes(1)),
        Ok(vec![])
    );
}
