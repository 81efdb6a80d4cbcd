//! Every row of design.md's "Who may do what" table, column by column.

use super::*;
use crate::tickets::fixtures::{admin, staff, stranger, ticket, user};
use TicketAction::*;

/// The "claim, unclaim, escalate, de-escalate, note, resolve, transfer" row.
const STAFF_ACTIONS: [TicketAction; 7] = [
    Claim, Unclaim, Escalate, Deescalate, Note, Resolve, Transfer,
];

fn refused(result: Result<(), Refusal>) -> bool {
    matches!(result, Err(Refusal::NotAllowed { .. }))
}

// Row: ask, open.

#[test]
fn everyone_may_ask_and_open() {
    for actor in [user(), staff(1, Level::L2), admin()] {
        assert_eq!(allows_in_guild(GuildAction::Ask, &actor), Ok(()));
        assert_eq!(allows_in_guild(GuildAction::Open, &actor), Ok(()));
    }
}

// Row: claim, unclaim, escalate, de-escalate, note, resolve, transfer.

#[test]
fn a_user_may_not_claim_escalate_note_resolve_or_transfer_their_own_ticket() {
    let t = ticket(Level::L1);
    for action in STAFF_ACTIONS {
        assert!(refused(allows(action, &user(), &t)), "{action:?}");
    }
}

#[test]
fn staff_of_the_tickets_level_may_claim_escalate_note_resolve_and_transfer() {
    let t = ticket(Level::L2);
    for action in STAFF_ACTIONS {
        assert_eq!(
            allows(action, &staff(1, Level::L2), &t),
            Ok(()),
            "{action:?}"
        );
    }
}

#[test]
fn staff_of_another_level_may_not_claim_escalate_note_resolve_or_transfer() {
    let t = ticket(Level::L2);
    for other in [Level::L1, Level::L3, Level::L4] {
        for action in STAFF_ACTIONS {
            assert!(
                refused(allows(action, &staff(1, other), &t)),
                "{other} {action:?}"
            );
        }
    }
}

#[test]
fn an_admin_may_claim_escalate_note_resolve_and_transfer() {
    let t = ticket(Level::L3);
    for action in STAFF_ACTIONS {
        assert_eq!(allows(action, &admin(), &t), Ok(()), "{action:?}");
    }
}

#[test]
fn the_refusal_names_the_level_whose_staff_may_act() {
    let t = ticket(Level::L2);
    assert_eq!(
        allows(Claim, &staff(1, Level::L1), &t),
        Err(Refusal::NotAllowed {
            action: Action::Ticket(Claim),
            allowed: Allowed::StaffOf(Level::L2)
        })
    );
}

// Row: close.

#[test]
fn a_user_may_close_their_own_ticket() {
    assert_eq!(allows(Close, &user(), &ticket(Level::L1)), Ok(()));
}

#[test]
fn a_user_may_not_close_someone_elses_ticket() {
    assert!(refused(allows(Close, &stranger(), &ticket(Level::L1))));
}

#[test]
fn staff_of_the_tickets_level_may_close() {
    assert_eq!(
        allows(Close, &staff(1, Level::L3), &ticket(Level::L3)),
        Ok(())
    );
}

#[test]
fn staff_of_another_level_may_not_close() {
    assert!(refused(allows(
        Close,
        &staff(1, Level::L1),
        &ticket(Level::L3)
    )));
}

#[test]
fn an_admin_may_close() {
    assert_eq!(allows(Close, &admin(), &ticket(Level::L4)), Ok(()));
}

// Row: read a case thread.

#[test]
fn a_user_may_not_read_a_case_thread() {
    assert!(refused(allows(ReadCaseThread, &user(), &ticket(Level::L1))));
}

#[test]
fn staff_of_the_tickets_level_may_read_its_case_thread() {
    assert_eq!(
        allows(ReadCaseThread, &staff(1, Level::L2), &ticket(Level::L2)),
        Ok(())
    );
}

#[test]
fn staff_of_a_lower_level_may_not_read_a_higher_case_thread() {
    assert!(refused(allows(
        ReadCaseThread,
        &staff(1, Level::L1),
        &ticket(Level::L2)
    )));
}

#[test]
fn an_admin_may_read_any_case_thread() {
    assert_eq!(allows(ReadCaseThread, &admin(), &ticket(Level::L4)), Ok(()));
}

// Row: setup, kb reload.

#[test]
fn only_admins_may_set_up_or_reload_the_knowledge_base() {
    for action in [GuildAction::Setup, GuildAction::KbReload] {
        assert!(refused(allows_in_guild(action, &user())));
        for level in Level::ALL {
            assert!(refused(allows_in_guild(action, &staff(1, level))));
        }
        assert_eq!(allows_in_guild(action, &admin()), Ok(()));
    }
}

// Actions beyond the table.

#[test]
fn only_the_author_may_answer_did_this_solve_it() {
    let t = ticket(Level::L1);
    assert_eq!(allows(AnswerResolve, &user(), &t), Ok(()));
    assert!(refused(allows(AnswerResolve, &staff(1, Level::L1), &t)));
    assert!(refused(allows(AnswerResolve, &admin(), &t)));
}

#[test]
fn a_user_may_reopen_their_own_ticket_but_not_another_level() {
    let t = ticket(Level::L2);
    assert_eq!(allows(Reopen, &user(), &t), Ok(()));
    assert_eq!(allows(Reopen, &staff(1, Level::L2), &t), Ok(()));
    assert!(refused(allows(Reopen, &staff(1, Level::L1), &t)));
}

#[test]
fn a_transcript_is_for_staff_of_a_level_that_handled_the_ticket() {
    let mut t = ticket(Level::L1);
    t.levels_seen = LevelSet::of(&[Level::L1, Level::L3]);
    assert_eq!(allows(ReadTranscript, &staff(1, Level::L3), &t), Ok(()));
    assert!(refused(allows(ReadTranscript, &staff(1, Level::L2), &t)));
    assert!(refused(allows(ReadTranscript, &user(), &t)));
    assert_eq!(allows(ReadTranscript, &admin(), &t), Ok(()));
}

#[test]
fn ticket_info_is_for_the_author_and_staff_who_handled_it() {
    let t = ticket(Level::L1);
    assert_eq!(allows(ViewInfo, &user(), &t), Ok(()));
    assert_eq!(allows(ViewInfo, &staff(1, Level::L1), &t), Ok(()));
    assert!(refused(allows(ViewInfo, &stranger(), &t)));
    assert!(refused(allows(ViewInfo, &staff(1, Level::L4), &t)));
}

#[test]
fn a_levels_queue_is_for_its_staff_the_levels_above_and_admins() {
    let queue = GuildAction::ViewQueue(Level::L2);
    assert_eq!(allows_in_guild(queue, &staff(1, Level::L2)), Ok(()));
    // Higher levels see the lower levels' channels, so their queues too.
    assert_eq!(allows_in_guild(queue, &staff(1, Level::L3)), Ok(()));
    assert_eq!(
        allows_in_guild(queue, &staff(1, Level::L1)),
        Err(Refusal::NotAllowed {
            action: Action::Guild(queue),
            allowed: Allowed::StaffFrom(Level::L2)
        })
    );
    assert!(refused(allows_in_guild(queue, &user())));
    assert_eq!(allows_in_guild(queue, &admin()), Ok(()));
}

#[test]
fn any_staff_may_search_the_knowledge_base_and_see_stats() {
    for action in [GuildAction::KbSearch, GuildAction::ViewStats] {
        assert_eq!(allows_in_guild(action, &staff(1, Level::L4)), Ok(()));
        assert!(refused(allows_in_guild(action, &user())));
    }
}

#[test]
fn staff_of_several_levels_act_on_each_of_them() {
    let both = Actor::staff(UserId(5), &[Level::L1, Level::L3]);
    assert_eq!(allows(Claim, &both, &ticket(Level::L3)), Ok(()));
    assert!(refused(allows(Claim, &both, &ticket(Level::L2))));
}

#[test]
fn only_its_author_staff_and_admins_may_learn_a_ticket_exists() {
    let t = ticket(Level::L3);
    assert!(may_know_of(&user(), &t));
    assert!(may_know_of(&staff(1, Level::L1), &t));
    assert!(may_know_of(&admin(), &t));
    assert!(!may_know_of(&stranger(), &t));
}
