//! Timers: scheduled by ticket changes, taken once across processes, kept
//! across restarts, run through the domain.

use std::collections::HashSet;

use chrono::Duration;
use supportline::store::{NewTimer, Store, TimerSubject, TIMER_LEASE_SECS};
use supportline::tickets::{self, CloseReason, GuildId, Level, TimerKind, UserId};
use tokio::task::JoinSet;

use crate::common::*;

fn cooldown_timer(n: u64, due_minutes: i64) -> NewTimer {
    NewTimer {
        kind: TimerKind::CooldownExpiry,
        guild: GUILD,
        subject: TimerSubject::User(UserId(ALICE.0 + n)),
        generation: 0,
        due_at: at(due_minutes),
    }
}

#[tokio::test]
async fn a_timer_is_scheduled_once_and_not_taken_before_it_is_due() {
    for db in backends().await {
        let store = db.store().await;
        assert!(store.schedule_timer(&cooldown_timer(1, 10)).await.unwrap());
        assert!(
            !store.schedule_timer(&cooldown_timer(1, 10)).await.unwrap(),
            "{}",
            db.backend
        );
        assert!(store
            .take_due_timers(None, at(9), 10)
            .await
            .unwrap()
            .is_empty());
        let due = store.take_due_timers(None, at(10), 10).await.unwrap();
        assert_eq!(due.len(), 1);
        assert_eq!(due[0].subject, TimerSubject::User(UserId(ALICE.0 + 1)));
        assert_eq!(due[0].attempts, 1);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_processes_taking_timers_at_once_never_take_the_same_one() {
    for db in backends().await {
        let (one, two) = (db.store().await, db.store().await);
        for n in 0..40 {
            one.schedule_timer(&cooldown_timer(n, (n % 7) as i64))
                .await
                .unwrap();
        }
        let mut takers = JoinSet::new();
        for store in [one.clone(), two.clone(), one.clone(), two.clone()] {
            takers.spawn(async move {
                let mut mine = Vec::new();
                loop {
                    let batch = store.take_due_timers(None, at(10), 3).await.unwrap();
                    if batch.is_empty() {
                        return mine;
                    }
                    mine.extend(batch.into_iter().map(|t| t.id));
                }
            });
        }
        let taken: Vec<_> = takers.join_all().await.into_iter().flatten().collect();
        let distinct: HashSet<_> = taken.iter().collect();
        assert_eq!(taken.len(), 40, "{}: every timer taken", db.backend);
        assert_eq!(distinct.len(), 40, "{}: none taken twice", db.backend);
    }
}

#[tokio::test]
async fn a_finished_timer_never_runs_again_and_an_abandoned_one_comes_back_after_its_lease() {
    for db in backends().await {
        let store = db.store().await;
        store.schedule_timer(&cooldown_timer(1, 0)).await.unwrap();
        store.schedule_timer(&cooldown_timer(2, 0)).await.unwrap();
        let taken = store.take_due_timers(None, at(0), 10).await.unwrap();
        assert_eq!(taken.len(), 2, "{}", db.backend);
        assert!(store.finish_timer(taken[0].id, at(0)).await.unwrap());
        assert!(!store.finish_timer(taken[0].id, at(0)).await.unwrap());
        // The second was taken by a process that died. Within the lease
        // nobody takes it; after it, someone does.
        let lease = TIMER_LEASE_SECS / 60;
        assert!(store
            .take_due_timers(None, at(lease - 1), 10)
            .await
            .unwrap()
            .is_empty());
        let again = store.take_due_timers(None, at(lease), 10).await.unwrap();
        assert_eq!(again.len(), 1);
        assert_eq!(again[0].id, taken[1].id);
        assert_eq!(again[0].attempts, 2);
    }
}

#[tokio::test]
async fn a_timer_cancelled_while_it_runs_ends_cancelled_not_done_as_well() {
    for db in backends().await {
        let store = db.store().await;
        let timer = cooldown_timer(1, 0);
        store.schedule_timer(&timer).await.unwrap();
        let taken = store.take_due_timers(None, at(0), 10).await.unwrap();
        let cancelled = store
            .cancel_timers(timer.kind, timer.guild, timer.subject, at(0))
            .await
            .unwrap();
        assert_eq!(cancelled, 1, "{}", db.backend);
        assert!(
            !store.finish_timer(taken[0].id, at(0)).await.unwrap(),
            "{}: a cancelled timer is not also done",
            db.backend
        );
    }
}

#[tokio::test]
async fn a_timer_due_while_the_bot_was_stopped_runs_once_after_the_restart() {
    for db in backends().await {
        let store = db.store().await;
        let id = open(&store, ALICE, 1, at(0)).await.id;
        store.close().await;
        drop(store);

        // Started again an hour later: the L1 reminder (due at 15 min) is
        // taken once.
        let store = Store::connect(&db.url).await.unwrap();
        let due = store.take_due_timers(None, at(60), 10).await.unwrap();
        assert_eq!(due.len(), 1, "{}", db.backend);
        assert_eq!(
            (due[0].kind, due[0].subject),
            (TimerKind::SlaReminder, TimerSubject::Ticket(id))
        );
        let target = settings().level(Level::L1).sla;
        let change = store
            .transition(id, |t| tickets::sla_breach(t, target, at(60)))
            .await
            .unwrap();
        assert_eq!(change.events.len(), 1);
        store.finish_timer(due[0].id, at(60)).await.unwrap();
        assert!(store
            .take_due_timers(None, at(600), 10)
            .await
            .unwrap()
            .is_empty());
        assert!(
            store.pending_timers(id).await.unwrap().is_empty(),
            "breached: no new reminder"
        );
    }
}

#[tokio::test]
async fn a_first_response_cancels_the_sla_reminder() {
    for db in backends().await {
        let store = db.store().await;
        let lena = staff(31, Level::L1);
        let id = open(&store, ALICE, 1, at(0)).await.id;
        store
            .transition(id, |t| tickets::first_response(t, &lena, at(3)))
            .await
            .unwrap();
        assert!(
            store.pending_timers(id).await.unwrap().is_empty(),
            "{}",
            db.backend
        );
        assert!(store
            .take_due_timers(None, at(60), 10)
            .await
            .unwrap()
            .is_empty());
    }
}

#[tokio::test]
async fn escalating_replaces_the_reminder_with_one_for_the_new_level() {
    for db in backends().await {
        let store = db.store().await;
        let lena = staff(31, Level::L1);
        let id = open(&store, ALICE, 1, at(0)).await.id;
        store
            .transition(id, |t| tickets::escalate(t, &lena, None, "why", at(5)))
            .await
            .unwrap();
        let pending = store.pending_timers(id).await.unwrap();
        assert_eq!(pending.len(), 1, "{}", db.backend);
        assert_eq!(pending[0].level, Some(Level::L2));
        assert_eq!(pending[0].due_at, at(5) + Duration::hours(1));
    }
}

#[tokio::test]
async fn silence_after_resolve_closes_the_ticket_through_its_timer() {
    for db in backends().await {
        let store = db.store().await;
        let lena = staff(31, Level::L1);
        let id = open(&store, ALICE, 1, at(0)).await.id;
        store
            .transition(id, |t| tickets::request_resolve(t, &lena, None, at(5)))
            .await
            .unwrap();
        let pending = store.pending_timers(id).await.unwrap();
        assert_eq!(pending.len(), 1, "{}", db.backend);
        assert_eq!(pending[0].kind, TimerKind::AutoClose);

        let day_later = at(5) + Duration::hours(24);
        let due = store.take_due_timers(None, day_later, 10).await.unwrap();
        assert_eq!(due.len(), 1);
        let after = settings().auto_close_after();
        let change = store
            .transition(id, |t| tickets::auto_close(t, after, day_later))
            .await
            .unwrap();
        assert_eq!(change.after.close_reason, Some(CloseReason::NoAnswer));
        store.finish_timer(due[0].id, day_later).await.unwrap();
    }
}

#[tokio::test]
async fn cancelled_timers_are_never_taken() {
    for db in backends().await {
        let store = db.store().await;
        store.schedule_timer(&cooldown_timer(1, 0)).await.unwrap();
        let subject = TimerSubject::User(UserId(ALICE.0 + 1));
        let n = store
            .cancel_timers(TimerKind::CooldownExpiry, GUILD, subject, at(0))
            .await
            .unwrap();
        assert_eq!(n, 1, "{}", db.backend);
        let other_guild = store
            .cancel_timers(TimerKind::CooldownExpiry, GuildId(5), subject, at(0))
            .await
            .unwrap();
        assert_eq!(other_guild, 0);
        assert!(store
            .take_due_timers(None, at(60), 10)
            .await
            .unwrap()
            .is_empty());
    }
}
