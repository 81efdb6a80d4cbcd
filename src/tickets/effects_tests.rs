use super::*;
use crate::tickets::fixtures::{minutes, staff, ticket, OPENER};
use crate::tickets::policy::Actor;
use crate::tickets::{lifecycle, transitions};

fn steps(t: &Ticket, events: Vec<TicketEvent>) -> Vec<Effect> {
    needed(t, &events)
}

#[test]
fn a_claim_adds_the_claimer_to_the_user_thread_then_shows_it_on_the_card_and_in_the_case() {
    let t = ticket(Level::L1);
    let lena = staff(1, Level::L1);
    let events = transitions::claim(&t, &lena, minutes(1)).unwrap();
    assert_eq!(
        steps(&t, events),
        vec![
            Effect::AddToUserThread { user: lena.user },
            Effect::RefreshCard,
            Effect::CaseNote {
                note: CaseNote::Claimed { by: lena.user }
            },
        ]
    );
}

#[test]
fn an_escalation_posts_the_new_case_retires_the_old_one_and_tells_the_user() {
    let t = ticket(Level::L1);
    let old = t.case.unwrap();
    let events =
        transitions::escalate(&t, &staff(1, Level::L1), None, "needs L2", minutes(3)).unwrap();
    assert_eq!(
        steps(&t, events),
        vec![
            Effect::PostCase { level: Level::L2 },
            Effect::RetireCase { case: old.into() },
            Effect::TellUser {
                news: UserNews::Moved {
                    level: Level::L2,
                    up: true
                }
            },
        ]
    );
}

#[test]
fn a_de_escalation_tells_the_user_it_went_down() {
    let t = ticket(Level::L3);
    let events =
        transitions::deescalate(&t, &staff(1, Level::L3), None, "routine", minutes(3)).unwrap();
    let told = steps(&t, events)
        .into_iter()
        .find(|e| matches!(e, Effect::TellUser { .. }));
    assert_eq!(
        told,
        Some(Effect::TellUser {
            news: UserNews::Moved {
                level: Level::L2,
                up: false
            }
        })
    );
}

#[test]
fn a_no_pings_the_assignee_and_a_written_reply_also_withdraws_the_question() {
    let lena = staff(1, Level::L1);
    let mut t = ticket(Level::L1);
    t.assignee = Some(lena.user);
    let t = t.after(&lifecycle::request_resolve(&t, &lena, None, minutes(2)).unwrap());
    let user = Actor::member(OPENER);
    let no = lifecycle::reject(&t, &user, None, minutes(3)).unwrap();
    let wrote = lifecycle::user_replied(&t, &user, "still broken", minutes(3), minutes(3)).unwrap();
    let back = |replied: bool, comment: Option<&str>| {
        vec![
            Effect::RetireQuestion { withdrawn: replied },
            Effect::CaseNote {
                note: CaseNote::BackToAssignee {
                    assignee: Some(lena.user),
                    comment: comment.map(str::to_owned),
                    replied,
                },
            },
            Effect::RefreshCard,
        ]
    };
    assert_eq!(steps(&t, no), back(false, None));
    assert_eq!(steps(&t, wrote), back(true, Some("still broken")));
}

#[test]
fn a_close_tells_both_sides_and_archives_with_the_transcript() {
    let t = ticket(Level::L2);
    let lena = staff(1, Level::L2);
    let events = lifecycle::close(&t, &lena, Some("done"), minutes(5)).unwrap();
    assert_eq!(
        steps(&t, events),
        vec![
            Effect::TellUser {
                news: UserNews::Closed {
                    by: Some(lena.user),
                    reason: Some("done".into())
                }
            },
            Effect::CaseNote {
                note: CaseNote::Closed {
                    by: Some(lena.user)
                }
            },
            Effect::RefreshCard,
            Effect::RetireQuestion { withdrawn: false },
            Effect::Archive { transcript: true },
        ]
    );
}

#[test]
fn an_auto_close_names_nobody() {
    let lena = staff(1, Level::L1);
    let t = ticket(Level::L1);
    let t = t.after(&lifecycle::request_resolve(&t, &lena, None, minutes(2)).unwrap());
    let events = lifecycle::auto_close(&t, chrono::Duration::hours(1), minutes(120)).unwrap();
    assert!(steps(&t, events).contains(&Effect::TellUser {
        news: UserNews::Closed {
            by: None,
            reason: None
        }
    }));
}

#[test]
fn a_lost_user_thread_tells_staff_and_keeps_no_transcript() {
    let t = ticket(Level::L1);
    let events = lifecycle::thread_lost(&t, t.user_thread.unwrap(), minutes(5)).unwrap();
    assert_eq!(
        steps(&t, events),
        vec![
            Effect::CaseNote {
                note: CaseNote::UserThreadLost
            },
            Effect::RefreshCard,
            Effect::Archive { transcript: false },
        ]
    );
}

#[test]
fn a_breached_sla_pings_its_level_once_and_an_answer_only_shows_on_the_card() {
    let t = ticket(Level::L2);
    let events = lifecycle::sla_breach(&t, chrono::Duration::hours(1), minutes(61)).unwrap();
    assert_eq!(
        steps(&t, events),
        vec![Effect::SlaReminder { level: Level::L2 }]
    );
    let answered = lifecycle::first_response(&t, &staff(1, Level::L2), minutes(2)).unwrap();
    assert_eq!(steps(&t, answered), vec![Effect::RefreshCard]);
}

#[test]
fn a_step_round_trips_through_json_with_its_name_as_tag() {
    let all = [
        Effect::PostCase { level: Level::L4 },
        Effect::CaseNote {
            note: CaseNote::Note {
                by: UserId(3),
                text: "n".into(),
            },
        },
        Effect::TellUser {
            news: UserNews::Reopened,
        },
        Effect::Archive { transcript: true },
    ];
    for e in all {
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["type"], e.name());
        assert_eq!(serde_json::from_value::<Effect>(json).unwrap(), e);
    }
}
