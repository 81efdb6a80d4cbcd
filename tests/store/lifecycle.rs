//! Every transition persisted, threads and cases, and a restart.

use supportline::store::{Store, TransitionError};
use supportline::tickets::{
    self, ChannelId, CloseReason, EventKind, Level, MessageId, Rating, Refusal, Status, TimerKind,
    UserId,
};

use crate::common::*;

async fn step(
    store: &Store,
    id: tickets::TicketId,
    decide: impl Fn(&tickets::Ticket) -> tickets::Decision,
) -> supportline::store::Change {
    store
        .transition(id, decide)
        .await
        .expect("the step is allowed")
}

fn kinds(events: &[supportline::store::StoredEvent]) -> Vec<&'static str> {
    events.iter().map(|e| e.event.kind.name()).collect()
}

#[tokio::test]
async fn every_transition_is_persisted_in_order() {
    for db in backends().await {
        let store = db.store().await;
        let lena = staff(31, Level::L1);
        let kate = staff(32, Level::L1);
        let mark = staff(41, Level::L2);
        let alice = tickets::Actor::member(ALICE);
        let five = Rating::try_from(5u8).unwrap();
        let id = open(&store, ALICE, 1, at(0)).await.id;

        step(&store, id, |t| tickets::claim(t, &lena, at(1))).await;
        step(&store, id, |t| tickets::first_response(t, &lena, at(2))).await;
        step(&store, id, |t| {
            tickets::note(t, &lena, "user is on v2.3", at(3))
        })
        .await;
        step(&store, id, |t| tickets::transfer(t, &lena, &kate, at(4))).await;
        step(&store, id, |t| tickets::unclaim(t, &kate, at(5))).await;
        step(&store, id, |t| {
            tickets::escalate(t, &lena, None, "needs billing", at(6))
        })
        .await;
        step(&store, id, |t| tickets::claim(t, &mark, at(7))).await;
        step(&store, id, |t| {
            tickets::deescalate(t, &mark, None, "standard case", at(8))
        })
        .await;
        step(&store, id, |t| {
            tickets::request_resolve(t, &lena, Some("restart it"), at(9))
        })
        .await;
        step(&store, id, |t| {
            tickets::reject(t, &alice, Some("still broken"), at(10))
        })
        .await;
        step(&store, id, |t| {
            tickets::request_resolve(t, &lena, None, at(11))
        })
        .await;
        let closed = step(&store, id, |t| {
            tickets::confirm(t, &alice, Some(five), None, at(12))
        })
        .await;
        assert_eq!(closed.after.status, Status::Closed, "{}", db.backend);
        assert_eq!(closed.after.close_reason, Some(CloseReason::Confirmed));
        step(&store, id, |t| tickets::reopen(t, &alice, 7, at(20))).await;
        let last = step(&store, id, |t| {
            tickets::close(t, &alice, Some("fine now"), at(21))
        })
        .await;

        let events = store.events(id).await.unwrap();
        assert_eq!(
            kinds(&events),
            vec![
                "opened",
                "claimed",
                "first_response",
                "waiting_on_user",
                "noted",
                "transferred",
                "unclaimed",
                "escalated",
                "claimed",
                "deescalated",
                "first_response",
                "resolve_requested",
                "user_rejected",
                "resolve_requested",
                "user_confirmed",
                "closed",
                "reopened",
                "closed"
            ],
            "{}",
            db.backend
        );
        assert_eq!(
            events[7].event.kind,
            EventKind::Escalated {
                from: Level::L1,
                to: Level::L2,
                reason: "needs billing".into()
            }
        );
        assert_eq!(events[7].event.actor, Some(UserId(31)));
        let stored = store.ticket(id).await.unwrap().unwrap();
        assert_eq!(stored, last.after);
        assert_eq!(stored.close_reason, Some(CloseReason::ByUser));
        assert_eq!(stored.level, Level::L1);
        assert!(stored.levels_seen.contains(Level::L2));
        assert_eq!(stored.version, 15);
        assert!(
            store.pending_timers(id).await.unwrap().is_empty(),
            "closed: no timers"
        );
    }
}

#[tokio::test]
async fn a_refused_transition_changes_nothing() {
    for db in backends().await {
        let store = db.store().await;
        let t = open(&store, ALICE, 1, at(0)).await;
        let err = store
            .transition(t.id, |t| {
                tickets::escalate(t, &staff(41, Level::L2), None, "x", at(1))
            })
            .await
            .unwrap_err();
        assert!(
            matches!(err, TransitionError::Refused(Refusal::NotAllowed { .. })),
            "{}: {err:?}",
            db.backend
        );
        assert_eq!(store.ticket(t.id).await.unwrap(), Some(t.clone()));
        assert_eq!(store.events(t.id).await.unwrap().len(), 1);
        let missing = store
            .transition(tickets::TicketId(9999), |t| {
                tickets::claim(t, &staff(1, Level::L1), at(1))
            })
            .await;
        assert!(matches!(missing, Err(TransitionError::NotFound(_))));
    }
}

#[tokio::test]
async fn threads_and_cases_are_found_again_and_escalation_keeps_the_chain() {
    for db in backends().await {
        let store = db.store().await;
        let lena = staff(31, Level::L1);
        let id = open(&store, ALICE, 1, at(0)).await.id;
        assert!(store.attach_user_thread(id, ChannelId(500)).await.unwrap());
        assert!(
            !store.attach_user_thread(id, ChannelId(501)).await.unwrap(),
            "only once"
        );
        assert!(store
            .attach_case(id, Level::L1, MessageId(600), ChannelId(601), at(0))
            .await
            .unwrap());
        store
            .transition(id, |t| tickets::escalate(t, &lena, None, "why", at(5)))
            .await
            .unwrap();
        // A late L1 case for a ticket now at L2 is refused.
        assert!(!store
            .attach_case(id, Level::L1, MessageId(610), ChannelId(611), at(5))
            .await
            .unwrap());
        assert!(store
            .attach_case(id, Level::L2, MessageId(700), ChannelId(701), at(5))
            .await
            .unwrap());

        let by_user = store
            .ticket_by_user_thread(ChannelId(500))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(by_user.id, id, "{}", db.backend);
        let case = by_user.case.unwrap();
        assert_eq!(
            (case.level, case.card, case.thread),
            (Level::L2, MessageId(700), ChannelId(701))
        );
        assert_eq!(by_user.previous_cases.len(), 1);
        assert_eq!(by_user.previous_cases[0].thread, ChannelId(601));
        assert_eq!(by_user.previous_cases[0].level, Level::L1);
        let by_old_case = store
            .ticket_by_case_thread(ChannelId(601))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(by_old_case, by_user);
        assert_eq!(
            store.ticket_by_case_thread(ChannelId(611)).await.unwrap(),
            None
        );
        assert_eq!(store.queue(GUILD, Level::L2).await.unwrap(), vec![by_user]);
        assert!(store.queue(GUILD, Level::L1).await.unwrap().is_empty());
    }
}

#[tokio::test]
async fn a_deleted_user_thread_closes_the_ticket() {
    for db in backends().await {
        let store = db.store().await;
        let id = open(&store, ALICE, 1, at(0)).await.id;
        store.attach_user_thread(id, ChannelId(500)).await.unwrap();
        let change = store
            .transition(id, |t| tickets::thread_lost(t, ChannelId(500), at(3)))
            .await
            .unwrap();
        assert_eq!(
            change.after.close_reason,
            Some(CloseReason::ThreadLost),
            "{}",
            db.backend
        );
        assert_eq!(kinds(&change.events), vec!["thread_lost", "closed"]);
        // Nothing more to do for the same thread: stored nothing.
        let again = store
            .transition(id, |t| tickets::thread_lost(t, ChannelId(500), at(4)))
            .await
            .unwrap();
        assert!(again.events.is_empty());
        assert_eq!(again.after.version, change.after.version);
    }
}

#[tokio::test]
async fn the_queue_lists_urgent_tickets_first_then_the_oldest() {
    for db in backends().await {
        let store = db.store().await;
        let calm = open(&store, ALICE, 1, at(0)).await;
        let urgent_new = question(BORIS, "URGENT: production is down", 2);
        let urgent = match store.open_ticket(urgent_new, "k2", at(1)).await.unwrap() {
            supportline::store::OpenOutcome::Opened(t) => t,
            other => panic!("{other:?}"),
        };
        let queue: Vec<_> = store
            .queue(GUILD, Level::L1)
            .await
            .unwrap()
            .into_iter()
            .map(|t| t.id)
            .collect();
        assert_eq!(queue, vec![urgent.id, calm.id], "{}", db.backend);
    }
}

#[tokio::test]
async fn after_a_restart_tickets_claims_levels_and_timers_are_as_they_were() {
    for db in backends().await {
        let store = db.store().await;
        let lena = staff(31, Level::L1);
        let mark = staff(41, Level::L2);
        let id = open(&store, ALICE, 1, at(0)).await.id;
        store.attach_user_thread(id, ChannelId(500)).await.unwrap();
        store
            .transition(id, |t| tickets::escalate(t, &lena, None, "why", at(1)))
            .await
            .unwrap();
        store
            .transition(id, |t| tickets::claim(t, &mark, at(2)))
            .await
            .unwrap();
        let before = store.ticket(id).await.unwrap().unwrap();
        let events_before = store.events(id).await.unwrap();
        let timers_before = store.pending_timers(id).await.unwrap();
        store.close().await;
        drop(store);

        let store = Store::connect(&db.url).await.unwrap();
        assert_eq!(
            store.ticket(id).await.unwrap(),
            Some(before.clone()),
            "{}",
            db.backend
        );
        assert_eq!(store.events(id).await.unwrap(), events_before);
        assert_eq!(store.pending_timers(id).await.unwrap(), timers_before);
        assert_eq!(timers_before[0].kind, TimerKind::SlaReminder);
        assert_eq!(timers_before[0].level, Some(Level::L2));
        // And work goes on: the claim holds against someone else.
        let err = store
            .transition(id, |t| tickets::claim(t, &staff(42, Level::L2), at(3)))
            .await
            .unwrap_err();
        assert!(matches!(
            err,
            TransitionError::Refused(Refusal::AlreadyClaimed { by: UserId(41) })
        ));
        assert_eq!(before.assignee, Some(UserId(41)));
    }
}

#[tokio::test]
async fn a_change_decided_on_a_stale_read_is_refused_by_the_database() {
    for db in backends().await {
        let store = db.store().await;
        let stale = open(&store, ALICE, 1, at(0)).await;
        let lena = staff(31, Level::L1);
        let kate = staff(32, Level::L1);
        // Both read version 1 and decide to claim; lena stores first.
        let lenas = tickets::claim(&stale, &lena, at(1)).unwrap();
        let kates = tickets::claim(&stale, &kate, at(1)).unwrap();
        let first = store.apply(&stale, lenas).await.unwrap();
        assert!(
            matches!(first, supportline::store::ApplyOutcome::Applied(_)),
            "{}",
            db.backend
        );
        let second = store.apply(&stale, kates).await.unwrap();
        assert_eq!(
            second,
            supportline::store::ApplyOutcome::Conflict,
            "{}",
            db.backend
        );
        let stored = store.ticket(stale.id).await.unwrap().unwrap();
        assert_eq!((stored.assignee, stored.version), (Some(UserId(31)), 2));
        assert_eq!(
            store.events(stale.id).await.unwrap().len(),
            2,
            "kate's claim left no event"
        );
    }
}
