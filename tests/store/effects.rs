//! The outbox: a change and its Discord steps are stored together, a
//! ticket's steps are handed out one at a time and in order, under a
//! lease no two runners share, and a step ends done or failed, never both.

use std::collections::HashSet;

use chrono::Duration;
use supportline::store::{EffectStatus, Progress, Store, EFFECT_LEASE_SECS};
use supportline::tickets::{self, CaseNote, Effect, Level, TicketId, UserId, UserNews};
use tokio::task::JoinSet;

use crate::common::*;

async fn pending(store: &Store, ticket: TicketId) -> Vec<Effect> {
    store
        .effects(ticket)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.status == EffectStatus::Pending)
        .map(|e| e.effect)
        .collect()
}

/// Runs every due step of `ticket` as done.
async fn drain(store: &Store, ticket: TicketId, now: chrono::DateTime<chrono::Utc>) {
    while let Some(e) = store.take_effect(ticket, now).await.unwrap() {
        store.finish_effect(e.id, now).await.unwrap();
    }
}

#[tokio::test]
async fn an_opening_is_stored_with_its_user_thread_greeting_and_l1_case() {
    for db in backends().await {
        let store = db.store().await;
        let t = open(&store, ALICE, 1, at(0)).await;
        assert_eq!(
            pending(&store, t.id).await,
            tickets::effects::opening(),
            "{}",
            db.backend
        );
    }
}

#[tokio::test]
async fn a_transition_and_its_steps_commit_together_and_a_refusal_writes_neither() {
    for db in backends().await {
        let store = db.store().await;
        let t = open(&store, ALICE, 1, at(0)).await;
        drain(&store, t.id, at(0)).await;
        let lena = staff(7, Level::L1);
        let change = store
            .transition(t.id, |t| {
                tickets::escalate(t, &lena, None, "needs L2", at(1))
            })
            .await
            .unwrap();
        assert_eq!(change.after.level, Level::L2);
        assert_eq!(
            pending(&store, t.id).await,
            vec![
                Effect::PostCase { level: Level::L2 },
                Effect::TellUser {
                    news: UserNews::Moved {
                        level: Level::L2,
                        up: true
                    }
                },
            ],
            "{}: no case was attached, so none is retired",
            db.backend
        );
        drain(&store, t.id, at(1)).await;
        // L1 staff may not act on an L2 ticket: nothing is written.
        let refused = store
            .transition(t.id, |t| tickets::note(t, &lena, "hello", at(2)))
            .await;
        assert!(refused.is_err(), "{}", db.backend);
        assert!(pending(&store, t.id).await.is_empty(), "{}", db.backend);
        let note = store
            .transition(t.id, |t| {
                tickets::note(t, &staff(8, Level::L2), "checked logs", at(3))
            })
            .await
            .unwrap();
        assert_eq!(note.after.version, change.after.version + 1);
        assert_eq!(
            pending(&store, t.id).await,
            vec![Effect::CaseNote {
                note: CaseNote::Note {
                    by: staff(8, Level::L2).user,
                    text: "checked logs".into()
                }
            }]
        );
    }
}

#[tokio::test]
async fn a_tickets_steps_are_handed_out_one_at_a_time_in_order() {
    for db in backends().await {
        let store = db.store().await;
        let t = open(&store, ALICE, 1, at(0)).await;
        let first = store.take_effect(t.id, at(0)).await.unwrap().unwrap();
        assert_eq!(first.effect, Effect::CreateUserThread);
        assert_eq!(first.attempts, 1);
        // The head is taken: the next step waits behind it.
        assert_eq!(store.take_effect(t.id, at(0)).await.unwrap(), None);
        assert!(store
            .tickets_with_due_effects(None, at(0), 10)
            .await
            .unwrap()
            .is_empty());
        store.finish_effect(first.id, at(0)).await.unwrap();
        let second = store.take_effect(t.id, at(0)).await.unwrap().unwrap();
        assert_eq!(second.effect, Effect::Greet, "{}", db.backend);
    }
}

#[tokio::test]
async fn a_runner_that_died_leaves_its_step_to_the_next_after_the_lease_with_its_progress() {
    for db in backends().await {
        let store = db.store().await;
        let t = open(&store, ALICE, 1, at(0)).await;
        let taken = store.take_effect(t.id, at(0)).await.unwrap().unwrap();
        let progress = Progress::from([("thread".to_owned(), 1234u64)]);
        store.save_progress(taken.id, &progress).await.unwrap();
        // The runner dies here. Within the lease nobody else takes it.
        let during = at(0) + Duration::seconds(EFFECT_LEASE_SECS - 1);
        assert_eq!(store.take_effect(t.id, during).await.unwrap(), None);
        let after = at(0) + Duration::seconds(EFFECT_LEASE_SECS);
        assert_eq!(
            store
                .tickets_with_due_effects(None, after, 10)
                .await
                .unwrap(),
            vec![t.id]
        );
        let again = store.take_effect(t.id, after).await.unwrap().unwrap();
        assert_eq!(again.id, taken.id, "{}", db.backend);
        assert_eq!(again.attempts, 2);
        assert_eq!(again.progress, progress);
    }
}

#[tokio::test]
async fn a_retry_waits_for_its_time_and_a_failed_step_is_never_handed_out_again() {
    for db in backends().await {
        let store = db.store().await;
        let t = open(&store, ALICE, 1, at(0)).await;
        let taken = store.take_effect(t.id, at(0)).await.unwrap().unwrap();
        store
            .retry_effect(taken.id, at(1), "500 from Discord")
            .await
            .unwrap();
        assert_eq!(store.take_effect(t.id, at(0)).await.unwrap(), None);
        let again = store.take_effect(t.id, at(1)).await.unwrap().unwrap();
        assert_eq!(again.last_error.as_deref(), Some("500 from Discord"));
        store
            .fail_effect(again.id, at(1), "50013 Missing Permissions")
            .await
            .unwrap();
        // Done after failed changes nothing.
        store.finish_effect(again.id, at(2)).await.unwrap();
        let all = store.effects(t.id).await.unwrap();
        assert_eq!(all[0].status, EffectStatus::Failed, "{}", db.backend);
        assert_eq!(
            all[0].last_error.as_deref(),
            Some("50013 Missing Permissions")
        );
        // The queue carries on behind it.
        let next = store.take_effect(t.id, at(2)).await.unwrap().unwrap();
        assert_eq!(next.effect, Effect::Greet);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_processes_running_steps_at_once_never_take_the_same_one() {
    for db in backends().await {
        let (one, two) = (db.store().await, db.store().await);
        let mut tickets = Vec::new();
        for n in 0..6 {
            tickets.push(open(&one, UserId(ALICE.0 + n), n, at(0)).await.id);
        }
        let mut runners = JoinSet::new();
        for store in [one.clone(), two.clone(), one.clone(), two.clone()] {
            let tickets = tickets.clone();
            runners.spawn(async move {
                let mut mine = Vec::new();
                loop {
                    let mut took = false;
                    for &t in &tickets {
                        if let Some(e) = store.take_effect(t, at(0)).await.unwrap() {
                            took = true;
                            mine.push(e.id);
                            store.finish_effect(e.id, at(0)).await.unwrap();
                        }
                    }
                    if !took {
                        let left = store
                            .tickets_with_due_effects(None, at(0), 100)
                            .await
                            .unwrap();
                        if left.is_empty() {
                            return mine;
                        }
                    }
                }
            });
        }
        let mut seen = HashSet::new();
        while let Some(mine) = runners.join_next().await {
            for id in mine.unwrap() {
                assert!(seen.insert(id), "{}: step {id:?} ran twice", db.backend);
            }
        }
        assert_eq!(seen.len(), 6 * tickets::effects::opening().len());
    }
}
