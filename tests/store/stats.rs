//! `/stats` numbers from a scripted history, through the store.

use chrono::Duration;
use supportline::i18n::Locale;
use supportline::store::{L0Click, L0Stats, NewL0Exchange, OpenOutcome};
use supportline::tickets::{self, ChannelId, Level, NewTicket, Rating, TicketSource, UserId};

use crate::common::*;

fn asked(user: UserId, article: Option<&str>) -> NewL0Exchange {
    NewL0Exchange {
        guild: GUILD,
        user,
        channel: ChannelId(3),
        question: "question".into(),
        locale: Locale::En,
        article: article.map(str::to_owned),
        confidence: 0.5,
        candidates: vec![],
        small_talk: None,
    }
}

#[tokio::test]
async fn stats_count_l0_and_every_level_from_a_scripted_history() {
    for db in backends().await {
        let store = db.store().await;
        let lena = staff(31, Level::L1);
        let mark = staff(41, Level::L2);
        let alice = tickets::Actor::member(ALICE);

        // L0: four questions in the window, one before it.
        store
            .record_l0_exchange(&asked(BORIS, Some("old")), at(-120))
            .await
            .unwrap();
        let solved = store
            .record_l0_exchange(&asked(BORIS, Some("a")), at(0))
            .await
            .unwrap();
        let unhelpful = store
            .record_l0_exchange(&asked(BORIS, Some("b")), at(0))
            .await
            .unwrap();
        let unanswered = store
            .record_l0_exchange(&asked(ALICE, None), at(0))
            .await
            .unwrap();
        store
            .record_l0_exchange(&asked(ALICE, None), at(0))
            .await
            .unwrap();
        store
            .mark_l0_click(solved, &L0Click::Solved, at(1))
            .await
            .unwrap();
        store
            .mark_l0_click(unhelpful, &L0Click::TalkToHuman, at(1))
            .await
            .unwrap();
        store
            .mark_l0_click(unanswered, &L0Click::TalkToHuman, at(1))
            .await
            .unwrap();

        // Alice's ticket: answered at L1 after 5 min, confirmed (4) after 20.
        let new = NewTicket::new(
            GUILD,
            ALICE,
            "help",
            Locale::En,
            TicketSource::L0Exchange(unanswered),
        )
        .unwrap();
        let OpenOutcome::Opened(t1) = store.open_ticket(new, "a", at(0)).await.unwrap() else {
            panic!("expected a ticket");
        };
        let four = Rating::try_from(4u8).unwrap();
        store
            .transition(t1.id, |t| tickets::first_response(t, &lena, at(5)))
            .await
            .unwrap();
        store
            .transition(t1.id, |t| tickets::request_resolve(t, &lena, None, at(10)))
            .await
            .unwrap();
        store
            .transition(t1.id, |t| {
                tickets::confirm(t, &alice, Some(four), None, at(20))
            })
            .await
            .unwrap();

        // Boris's ticket: escalated at 10, L2 misses its hour, answers at
        // 80 (70 min after arriving), closes at 100.
        let t2 = open(&store, BORIS, 2, at(0)).await;
        store
            .transition(t2.id, |t| {
                tickets::escalate(t, &lena, None, "billing", at(10))
            })
            .await
            .unwrap();
        let l2_target = settings().level(Level::L2).sla;
        let breach = store
            .transition(t2.id, |t| tickets::sla_breach(t, l2_target, at(70)))
            .await
            .unwrap();
        assert_eq!(breach.events.len(), 1, "{}", db.backend);
        store
            .transition(t2.id, |t| tickets::first_response(t, &mark, at(80)))
            .await
            .unwrap();
        store
            .transition(t2.id, |t| tickets::close(t, &mark, None, at(100)))
            .await
            .unwrap();

        let s = store
            .stats(GUILD, at(-60), at(0) + Duration::days(1))
            .await
            .unwrap();
        assert_eq!(
            s.l0,
            L0Stats {
                questions: 4,
                answered: 2,
                confirmed_helpful: 1,
                handed_to_human: 2,
                small_talk: 0,
            },
            "{}",
            db.backend
        );
        let t = &s.tickets;
        assert_eq!((t.opened, t.closed, t.reopened), (2, 2, 0));
        let l1 = t.level(Level::L1);
        assert_eq!((l1.received, l1.resolved, l1.escalated), (2, 1, 1));
        assert_eq!(l1.escalation_rate, Some(0.5));
        assert_eq!(l1.first_response.median, Some(Duration::minutes(5)));
        assert_eq!(l1.resolution.median, Some(Duration::minutes(20)));
        let l2 = t.level(Level::L2);
        assert_eq!((l2.received, l2.resolved, l2.escalated), (1, 1, 0));
        assert_eq!(l2.first_response.median, Some(Duration::minutes(70)));
        assert_eq!(l2.first_response.p90, Some(Duration::minutes(70)));
        assert_eq!(l2.resolution.median, Some(Duration::minutes(100)));
        assert_eq!(l2.sla_breaches, 1);
        assert_eq!(t.sla_breaches, 1);
        assert_eq!(t.ratings.count, 1);
        assert_eq!(t.ratings.average, Some(4.0));

        // A window after it all counts nothing.
        let later = store
            .stats(GUILD, at(0) + Duration::days(2), at(0) + Duration::days(3))
            .await
            .unwrap();
        assert_eq!(
            (
                later.l0.questions,
                later.tickets.opened,
                later.tickets.closed
            ),
            (0, 0, 0)
        );
    }
}

#[tokio::test]
async fn the_newest_activity_is_the_latest_question_or_ticket_event() {
    for db in backends().await {
        let store = db.store().await;
        assert_eq!(store.latest_activity().await.unwrap(), None);
        store
            .record_l0_exchange(&asked(BORIS, None), at(5))
            .await
            .unwrap();
        let new = NewTicket::new(
            GUILD,
            ALICE,
            "help",
            Locale::En,
            TicketSource::Interaction(7),
        )
        .unwrap();
        store.open_ticket(new, "k", at(9)).await.unwrap();
        assert_eq!(store.latest_activity().await.unwrap(), Some(at(9)));
    }
}

#[tokio::test]
async fn small_talk_is_counted_apart_and_never_as_answered() {
    for db in backends().await {
        let store = db.store().await;
        for kind in ["greeting", "thanks"] {
            let e = NewL0Exchange {
                small_talk: Some(kind.into()),
                confidence: 0.0,
                ..asked(ALICE, None)
            };
            store.record_l0_exchange(&e, at(0)).await.unwrap();
        }
        store
            .record_l0_exchange(&asked(ALICE, Some("a")), at(0))
            .await
            .unwrap();
        let s = store
            .stats(GUILD, at(-60), at(0) + Duration::days(1))
            .await
            .unwrap();
        assert_eq!(
            (s.l0.questions, s.l0.answered, s.l0.small_talk),
            (3, 1, 2),
            "{}",
            db.backend
        );
    }
}
