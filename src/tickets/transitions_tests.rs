use super::*;
use crate::tickets::event::EventKind;
use crate::tickets::fixtures::{admin, minutes, staff, ticket, user};
use crate::tickets::ids::UserId;
use crate::tickets::refusal::{Action, Allowed};
use crate::tickets::ticket::Status;

fn lena() -> Actor {
    staff(1, Level::L1)
}

fn claimed_by(level: Level, who: &Actor) -> Ticket {
    let t = ticket(level);
    t.after(&claim(&t, who, minutes(1)).unwrap())
}

#[test]
fn staff_claiming_an_unclaimed_ticket_becomes_its_assignee() {
    let t = ticket(Level::L1);
    let events = claim(&t, &lena(), minutes(1)).unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].kind, EventKind::Claimed);
    assert_eq!(events[0].actor, Some(UserId(1)));
    assert_eq!(t.after(&events).assignee, Some(UserId(1)));
}

#[test]
fn claiming_a_claimed_ticket_says_who_has_it() {
    let t = claimed_by(Level::L1, &lena());
    assert_eq!(
        claim(&t, &staff(2, Level::L1), minutes(2)),
        Err(Refusal::AlreadyClaimed { by: UserId(1) })
    );
    assert_eq!(claim(&t, &lena(), minutes(2)), Err(Refusal::AlreadyYours));
}

#[test]
fn a_user_cannot_claim_and_nothing_changes() {
    let t = ticket(Level::L1);
    assert!(matches!(
        claim(&t, &user(), minutes(1)),
        Err(Refusal::NotAllowed {
            allowed: Allowed::StaffOf(Level::L1),
            ..
        })
    ));
}

#[test]
fn a_closed_ticket_cannot_be_claimed() {
    let mut t = ticket(Level::L1);
    t.status = Status::Closed;
    assert_eq!(
        claim(&t, &lena(), minutes(1)),
        Err(Refusal::TicketClosed {
            action: TicketAction::Claim
        })
    );
}

#[test]
fn the_assignee_may_unclaim_and_the_ticket_returns_to_the_queue() {
    let t = claimed_by(Level::L1, &lena());
    let events = unclaim(&t, &lena(), minutes(2)).unwrap();
    assert_eq!(
        events[0].kind,
        EventKind::Unclaimed {
            previous: UserId(1)
        }
    );
    assert_eq!(t.after(&events).assignee, None);
}

#[test]
fn unclaiming_someone_elses_claim_is_refused_but_an_admin_may() {
    let t = claimed_by(Level::L1, &lena());
    assert_eq!(
        unclaim(&t, &staff(2, Level::L1), minutes(2)),
        Err(Refusal::ClaimedBySomeoneElse { by: UserId(1) })
    );
    assert!(unclaim(&t, &admin(), minutes(2)).is_ok());
}

#[test]
fn unclaiming_an_unclaimed_ticket_is_refused() {
    assert_eq!(
        unclaim(&ticket(Level::L1), &lena(), minutes(1)),
        Err(Refusal::NotClaimed)
    );
}

#[test]
fn the_assignee_may_transfer_to_staff_of_the_same_level() {
    let t = claimed_by(Level::L1, &lena());
    let kate = staff(3, Level::L1);
    let events = transfer(&t, &lena(), &kate, minutes(2)).unwrap();
    assert_eq!(
        events[0].kind,
        EventKind::Transferred {
            from: Some(UserId(1)),
            to: UserId(3)
        }
    );
    assert_eq!(t.after(&events).assignee, Some(UserId(3)));
}

#[test]
fn a_transfer_to_someone_without_the_levels_role_is_refused() {
    let t = ticket(Level::L1);
    assert_eq!(
        transfer(&t, &lena(), &staff(4, Level::L2), minutes(1)),
        Err(Refusal::TargetNotStaff {
            target: UserId(4),
            level: Level::L1
        })
    );
}

#[test]
fn a_transfer_to_the_current_assignee_is_refused() {
    let t = claimed_by(Level::L1, &lena());
    assert_eq!(
        transfer(&t, &lena(), &lena(), minutes(2)),
        Err(Refusal::AlreadyAssigned { to: UserId(1) })
    );
}

#[test]
fn escalating_without_a_level_goes_one_up_and_frees_the_claim() {
    let t = claimed_by(Level::L1, &lena());
    let events = escalate(&t, &lena(), None, "needs billing access", minutes(5)).unwrap();
    assert_eq!(
        events[0].kind,
        EventKind::Escalated {
            from: Level::L1,
            to: Level::L2,
            reason: "needs billing access".into()
        }
    );
    let after = t.after(&events);
    assert_eq!(after.level, Level::L2);
    assert_eq!(after.assignee, None);
    assert_eq!(after.level_reached_at, minutes(5));
    assert!(after.levels_seen.contains(Level::L2));
}

#[test]
fn escalating_moves_the_case_to_the_previous_cases() {
    let t = ticket(Level::L1);
    let old_case = t.case.unwrap();
    let after = t.after(&escalate(&t, &lena(), None, "why", minutes(5)).unwrap());
    assert_eq!(after.case, None);
    assert_eq!(after.previous_cases, vec![old_case]);
}

#[test]
fn escalating_may_skip_levels() {
    let t = ticket(Level::L1);
    let events = escalate(
        &t,
        &lena(),
        Some(Level::L3),
        "security incident",
        minutes(1),
    )
    .unwrap();
    assert_eq!(t.after(&events).level, Level::L3);
}

#[test]
fn escalating_above_four_is_refused() {
    let t = ticket(Level::L4);
    assert_eq!(
        escalate(&t, &staff(9, Level::L4), None, "why", minutes(1)),
        Err(Refusal::AlreadyAtTop)
    );
}

#[test]
fn escalating_to_the_same_or_a_lower_level_is_refused() {
    let t = ticket(Level::L2);
    assert_eq!(
        escalate(&t, &staff(2, Level::L2), Some(Level::L1), "why", minutes(1)),
        Err(Refusal::NotAHigherLevel {
            current: Level::L2,
            requested: Level::L1
        })
    );
}

#[test]
fn escalating_needs_a_reason() {
    let t = ticket(Level::L1);
    assert_eq!(
        escalate(&t, &lena(), None, "  ", minutes(1)),
        Err(Refusal::ReasonRequired)
    );
}

#[test]
fn closed_tickets_cant_be_escalated() {
    let mut t = ticket(Level::L1);
    t.status = Status::Closed;
    assert_eq!(
        escalate(&t, &lena(), None, "why", minutes(1)),
        Err(Refusal::TicketClosed {
            action: TicketAction::Escalate
        })
    );
}

#[test]
fn escalating_a_ticket_awaiting_confirmation_withdraws_the_question() {
    let mut t = ticket(Level::L1);
    t.status = Status::Resolving;
    t.resolve_requested_at = Some(minutes(1));
    let after = t.after(&escalate(&t, &lena(), None, "user says no", minutes(2)).unwrap());
    assert_eq!(after.status, Status::Open);
    assert_eq!(after.resolve_requested_at, None);
}

#[test]
fn deescalating_without_a_level_goes_one_down() {
    let t = ticket(Level::L3);
    let events = deescalate(&t, &staff(3, Level::L3), None, "standard case", minutes(1)).unwrap();
    assert_eq!(t.after(&events).level, Level::L2);
}

#[test]
fn deescalating_below_one_is_refused() {
    assert_eq!(
        deescalate(&ticket(Level::L1), &lena(), None, "why", minutes(1)),
        Err(Refusal::AlreadyAtBottom)
    );
}

#[test]
fn deescalating_to_a_higher_level_is_refused() {
    let t = ticket(Level::L2);
    assert_eq!(
        deescalate(&t, &staff(2, Level::L2), Some(Level::L3), "why", minutes(1)),
        Err(Refusal::NotALowerLevel {
            current: Level::L2,
            requested: Level::L3
        })
    );
}

#[test]
fn staff_of_a_lower_level_cannot_act_on_an_escalated_ticket() {
    let t = ticket(Level::L1);
    let t = t.after(&escalate(&t, &lena(), None, "why", minutes(1)).unwrap());
    assert!(matches!(
        note(&t, &lena(), "hello", minutes(2)),
        Err(Refusal::NotAllowed {
            action: Action::Ticket(TicketAction::Note),
            ..
        })
    ));
}

#[test]
fn a_note_is_trimmed_and_stored_as_written() {
    let t = ticket(Level::L1);
    let events = note(&t, &lena(), "  user is on v2.3 \n", minutes(1)).unwrap();
    assert_eq!(
        events[0].kind,
        EventKind::Noted {
            text: "user is on v2.3".into()
        }
    );
}

#[test]
fn an_empty_or_overlong_note_is_refused() {
    let t = ticket(Level::L1);
    assert_eq!(note(&t, &lena(), " ", minutes(1)), Err(Refusal::EmptyText));
    let long = "x".repeat(TEXT_MAX_CHARS + 1);
    assert_eq!(
        note(&t, &lena(), &long, minutes(1)),
        Err(Refusal::TextTooLong {
            max: TEXT_MAX_CHARS
        })
    );
}

#[test]
fn the_same_note_again_soon_is_a_repeat_but_not_later_or_from_someone_else() {
    let t = claimed_by(Level::L1, &lena());
    let events = note(&t, &lena(), "Checked the logs", minutes(2)).unwrap();
    assert!(repeats_last_note(
        &events,
        &lena(),
        " Checked the logs ",
        minutes(5)
    ));
    assert!(!repeats_last_note(
        &events,
        &lena(),
        "Something else",
        minutes(5)
    ));
    assert!(!repeats_last_note(
        &events,
        &staff(2, Level::L1),
        "Checked the logs",
        minutes(5)
    ));
    assert!(!repeats_last_note(
        &events,
        &lena(),
        "Checked the logs",
        minutes(13)
    ));
    // Only the latest note counts: writing A, B, A again is three notes.
    let mut more = events.clone();
    more.extend(note(&t, &lena(), "Asked the user", minutes(3)).unwrap());
    assert!(!repeats_last_note(
        &more,
        &lena(),
        "Checked the logs",
        minutes(4)
    ));
}
