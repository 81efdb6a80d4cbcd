//! Races: two claims, the same event twice, many openings at once. Each
//! race runs between two separate pools (two "processes").

use std::collections::HashSet;

use chrono::Duration;
use supportline::store::{OpenOutcome, Store, TransitionError};
use supportline::tickets::{self, Level, Refusal, TicketSource, UserId};
use tokio::task::JoinSet;

use crate::common::*;

const RACES: usize = 5;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_claims_at_once_make_exactly_one_assignee_and_the_other_is_told_who() {
    for db in backends().await {
        let (one, two) = (db.store().await, db.store().await);
        for race in 0..RACES as u64 {
            let id = open(&one, UserId(ALICE.0 + race), race, at(0)).await.id;
            let mut claims = JoinSet::new();
            for (store, who) in [(one.clone(), 31u64), (two.clone(), 32u64)] {
                claims.spawn(async move {
                    let lena = staff(who, Level::L1);
                    (
                        who,
                        store
                            .transition(id, |t| tickets::claim(t, &lena, at(1)))
                            .await,
                    )
                });
            }
            let results = claims.join_all().await;
            let winners: Vec<u64> = results
                .iter()
                .filter(|(_, r)| r.is_ok())
                .map(|(w, _)| *w)
                .collect();
            assert_eq!(winners.len(), 1, "{}: {results:?}", db.backend);
            let winner = UserId(winners[0]);
            for (_, r) in &results {
                if let Err(e) = r {
                    assert!(
                        matches!(e, TransitionError::Refused(Refusal::AlreadyClaimed { by }) if *by == winner),
                        "{}: loser got {e:?}",
                        db.backend
                    );
                }
            }
            let stored = one.ticket(id).await.unwrap().unwrap();
            assert_eq!(stored.assignee, Some(winner));
            let claims = one
                .events(id)
                .await
                .unwrap()
                .into_iter()
                .filter(|e| e.event.kind.name() == "claimed")
                .count();
            assert_eq!(claims, 1);
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_event_delivered_twice_at_once_opens_one_ticket() {
    for db in backends().await {
        let (one, two) = (db.store().await, db.store().await);
        for race in 0..RACES as u64 {
            let user = UserId(ALICE.0 + race);
            let mut opens = JoinSet::new();
            for store in [one.clone(), two.clone(), one.clone(), two.clone()] {
                opens.spawn(async move {
                    let new = question(user, "help", 100 + race);
                    store
                        .open_ticket(new, &format!("replayed-{race}"), at(0))
                        .await
                        .unwrap()
                });
            }
            let outcomes = opens.join_all().await;
            assert_one_ticket(&outcomes, db.backend);
            assert_eq!(
                one.open_tickets_for_user(GUILD, user).await.unwrap().len(),
                1
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_double_click_with_two_interactions_opens_one_ticket() {
    for db in backends().await {
        let (one, two) = (db.store().await, db.store().await);
        // A generous limit, so only the same-source rule can stop the second.
        let mut s = settings();
        s.ticket_limit = 5;
        s.cooldown = Duration::zero();
        one.save_settings(&s, at(0)).await.unwrap();
        for race in 0..RACES as u64 {
            let user = UserId(ALICE.0 + race);
            let mut opens = JoinSet::new();
            for (n, store) in [one.clone(), two.clone()].into_iter().enumerate() {
                opens.spawn(async move {
                    let exchange = supportline::tickets::L0ExchangeId(race as i64);
                    let new = tickets::NewTicket::new(
                        GUILD,
                        user,
                        "help",
                        supportline::i18n::Locale::En,
                        TicketSource::L0Exchange(exchange),
                    )
                    .unwrap();
                    store
                        .open_ticket(new, &format!("click-{race}-{n}"), at(0))
                        .await
                        .unwrap()
                });
            }
            let outcomes = opens.join_all().await;
            assert_one_ticket(&outcomes, db.backend);
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_openings_at_once_never_exceed_the_limit() {
    for db in backends().await {
        let (one, two) = (db.store().await, db.store().await);
        let mut s = settings();
        s.ticket_limit = 2;
        s.cooldown = Duration::zero();
        one.save_settings(&s, at(0)).await.unwrap();
        let mut opens = JoinSet::new();
        for n in 0..6u64 {
            let store: Store = if n % 2 == 0 { one.clone() } else { two.clone() };
            opens.spawn(async move {
                store
                    .open_ticket(question(ALICE, "help", n), &format!("k{n}"), at(0))
                    .await
                    .unwrap()
            });
        }
        let outcomes = opens.join_all().await;
        let opened = outcomes
            .iter()
            .filter(|o| matches!(o, OpenOutcome::Opened(_)))
            .count();
        let refused = outcomes
            .iter()
            .filter(|o| matches!(o, OpenOutcome::LimitReached { limit: 2, .. }))
            .count();
        assert_eq!((opened, refused), (2, 4), "{}: {outcomes:?}", db.backend);
        let numbers: HashSet<_> = one
            .open_tickets_for_user(GUILD, ALICE)
            .await
            .unwrap()
            .iter()
            .map(|t| t.number)
            .collect();
        assert_eq!(numbers.len(), 2);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn different_users_opening_at_once_get_distinct_numbers() {
    for db in backends().await {
        let (one, two) = (db.store().await, db.store().await);
        let mut opens = JoinSet::new();
        for n in 0..8u64 {
            let store = if n % 2 == 0 { one.clone() } else { two.clone() };
            opens.spawn(async move { open(&store, UserId(ALICE.0 + n), n, at(0)).await.number });
        }
        let numbers: HashSet<_> = opens.join_all().await.into_iter().map(|n| n.0).collect();
        assert_eq!(numbers, (1..=8).collect(), "{}", db.backend);
    }
}

fn assert_one_ticket(outcomes: &[OpenOutcome], backend: &str) {
    let opened: Vec<_> = outcomes
        .iter()
        .filter_map(|o| match o {
            OpenOutcome::Opened(t) => Some(t.id),
            _ => None,
        })
        .collect();
    assert_eq!(opened.len(), 1, "{backend}: {outcomes:?}");
    for o in outcomes {
        match o {
            OpenOutcome::Opened(_) => {}
            OpenOutcome::AlreadyOpened(t) => assert_eq!(t.id, opened[0], "{backend}"),
            other => panic!("{backend}: unexpected {other:?}"),
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_questions_at_once_each_get_their_own_exchange_recorded_as_asked() {
    use supportline::i18n::Locale;
    use supportline::store::NewL0Exchange;
    use supportline::tickets::ChannelId;
    for db in backends().await {
        let (one, two) = (db.store().await, db.store().await);
        let mut asks = JoinSet::new();
        for n in 0..40u64 {
            let store = if n % 2 == 0 { one.clone() } else { two.clone() };
            // Every fourth question is the same person asking the same
            // thing at the same instant.
            let (user, question) = if n % 4 == 0 {
                (ALICE, "how do I reset my password?".to_owned())
            } else {
                (UserId(ALICE.0 + n), format!("question {n}"))
            };
            let asked = NewL0Exchange {
                guild: GUILD,
                user,
                channel: ChannelId(3),
                question,
                locale: Locale::En,
                article: (n % 3 == 0).then(|| "reset-password".to_owned()),
                confidence: if n % 3 == 0 { 0.91 } else { 0.2 },
                candidates: vec![format!("c{}", n % 5)],
                small_talk: None,
            };
            asks.spawn(async move {
                let id = store.record_l0_exchange(&asked, at(0)).await.unwrap();
                (id, asked)
            });
        }
        let recorded = asks.join_all().await;
        let ids: HashSet<_> = recorded.iter().map(|(id, _)| id.0).collect();
        assert_eq!(ids.len(), 40, "{}: every question its own id", db.backend);
        for (id, asked) in &recorded {
            let stored = one.l0_exchange(*id).await.unwrap().unwrap();
            assert_eq!(
                (
                    &stored.user,
                    &stored.question,
                    &stored.article,
                    &stored.candidates
                ),
                (
                    &asked.user,
                    &asked.question,
                    &asked.article,
                    &asked.candidates
                ),
                "{}",
                db.backend
            );
        }
    }
}
