use chrono::{Duration, TimeZone, Utc};

use super::*;
use crate::tickets::fixtures::{minutes, staff, t0, ticket, user};
use crate::tickets::ids::GuildId;
use crate::tickets::level::Level;
use crate::tickets::lifecycle::{first_response, sla_breach, sla_breach_during};
use crate::tickets::settings::GuildSettings;
use crate::tickets::timers::{ticket_timers, TimerKind};

fn settings() -> GuildSettings {
    GuildSettings::new(GuildId(10))
}

#[test]
fn a_staff_reply_stops_the_clock_and_the_users_answer_resumes_it() {
    let t = ticket(Level::L1);
    let lena = staff(1, Level::L1);
    // Ten minutes pass, lena writes: waiting on the user, no reminder.
    let t = t.after(&first_response(&t, &lena, minutes(10)).unwrap());
    assert!(t.is_waiting_on_user());
    assert!(sla_breach(&t, Duration::minutes(15), minutes(60))
        .unwrap()
        .is_empty());
    assert!(!ticket_timers(&t, &settings())
        .iter()
        .any(|p| p.kind == TimerKind::SlaReminder));

    // The user answers at 60: the clock resumes with 10 minutes counted,
    // so the 15-minute target is reached at 65.
    let t = t.after(&user_answered(&t, &user(), None, minutes(60)).unwrap());
    assert_eq!(t.sla_clock.spent, Duration::minutes(10));
    let reminder = ticket_timers(&t, &settings())
        .into_iter()
        .find(|p| p.kind == TimerKind::SlaReminder)
        .expect("the clock runs again");
    assert_eq!(reminder.due_at, minutes(65));
    assert!(sla_breach(&t, Duration::minutes(15), minutes(64))
        .unwrap()
        .is_empty());
    assert_eq!(
        sla_breach(&t, Duration::minutes(15), minutes(65))
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn the_users_own_words_or_a_strangers_do_not_stop_the_clock() {
    let t = ticket(Level::L1);
    assert!(wait_on_user(&t, &user(), minutes(1)).unwrap().is_empty());
    let stranger = crate::tickets::fixtures::stranger();
    assert!(wait_on_user(&t, &stranger, minutes(1)).unwrap().is_empty());
    // Nor staff of another level: it is not their ticket's answer.
    assert!(wait_on_user(&t, &staff(2, Level::L3), minutes(1))
        .unwrap()
        .is_empty());
    assert_eq!(
        wait_on_user(&t, &staff(2, Level::L1), minutes(1))
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn the_sla_counts_working_hours_only() {
    // The fixture's ticket arrives Saturday 2025-03-01 09:00 UTC; the team
    // works Monday to Friday 09:00-17:00 in London (UTC in March).
    let hours = WorkingHours::parse("Europe/London", "mon-fri 09:00-17:00").unwrap();
    let mut s = settings();
    s.service.hours = Some(hours.clone());
    let t = ticket(Level::L1);
    let monday_9 = Utc.with_ymd_and_hms(2025, 3, 3, 9, 0, 0).unwrap();
    let plan = ticket_timers(&t, &s);
    assert_eq!(plan[0].due_at, monday_9 + Duration::minutes(15));
    let target = s.level(Level::L1).sla;
    let sunday = Utc.with_ymd_and_hms(2025, 3, 2, 20, 0, 0).unwrap();
    assert!(sla_breach_during(&t, Some(&hours), target, sunday)
        .unwrap()
        .is_empty());
    let late = monday_9 + Duration::minutes(15);
    assert_eq!(
        sla_breach_during(&t, Some(&hours), target, late)
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn a_wait_plans_the_reminder_and_closing_the_server_asks_for() {
    let mut s = settings();
    s.service.waiting_remind_hours = 24;
    s.service.waiting_close_hours = 72;
    let t = ticket(Level::L1);
    let t = t.after(&first_response(&t, &staff(1, Level::L1), minutes(10)).unwrap());
    let plan = ticket_timers(&t, &s);
    let due = |k| plan.iter().find(|p| p.kind == k).map(|p| p.due_at);
    assert_eq!(
        due(TimerKind::WaitingReminder),
        Some(minutes(10) + Duration::hours(24))
    );
    assert_eq!(
        due(TimerKind::WaitingClose),
        Some(minutes(10) + Duration::hours(72))
    );

    // Reminded once: the reminder is not planned again.
    let early = remind_waiting(&t, Duration::hours(24), minutes(60)).unwrap();
    assert!(early.is_empty());
    let at = minutes(10) + Duration::hours(24);
    let t = t.after(&remind_waiting(&t, Duration::hours(24), at).unwrap());
    assert!(t.sla_clock.reminded_at.is_some());
    assert!(remind_waiting(&t, Duration::hours(24), at)
        .unwrap()
        .is_empty());
    assert!(!ticket_timers(&t, &s)
        .iter()
        .any(|p| p.kind == TimerKind::WaitingReminder));

    // Nobody answered: it closes as the user's silence.
    let end = minutes(10) + Duration::hours(72);
    let t = t.after(&close_waiting(&t, Duration::hours(72), end).unwrap());
    assert_eq!(t.close_reason, Some(CloseReason::UserSilent));
    assert!(ticket_timers(&t, &s).is_empty());
}

#[test]
fn by_default_a_wait_plans_nothing() {
    let t = ticket(Level::L1);
    let t = t.after(&first_response(&t, &staff(1, Level::L1), minutes(10)).unwrap());
    assert!(ticket_timers(&t, &settings()).is_empty());
    assert_eq!(t.sla_clock.waiting_since, Some(minutes(10)));
    assert_eq!(t0() + Duration::minutes(10), minutes(10));
}
