//! Migrations, opening tickets, limits, cooldown, idempotency.

use chrono::Duration;
use supportline::i18n::Locale;
use supportline::store::{OpenOutcome, Store};
use supportline::tickets::{
    EventKind, GuildId, Level, NewTicket, Priority, Status, TicketNumber, TicketSource, TimerKind,
};

use crate::common::*;

#[tokio::test]
async fn connecting_creates_and_migrates_an_empty_database_and_reconnecting_is_harmless() {
    for db in backends().await {
        let store = db.store().await;
        // Every table exists and is empty.
        for table in [
            "guild_settings",
            "guild_levels",
            "guild_help_channels",
            "guild_counters",
            "user_openings",
            "tickets",
            "ticket_cases",
            "ticket_events",
            "l0_exchanges",
            "transcript_messages",
            "timers",
            "idempotency_keys",
        ] {
            let n = count(&db.url, table).await;
            assert_eq!(n, 0, "{}: {table}", db.backend);
        }
        store.close().await;
        // Migrating again finds nothing to do.
        let again = Store::connect(&db.url).await.expect("reconnecting");
        again.close().await;
    }
}

async fn count(url: &str, table: &str) -> i64 {
    use sqlx::Connection;
    let url = if url.starts_with("sqlite:") {
        format!("{url}?mode=rw")
    } else {
        url.to_owned()
    };
    let mut conn = sqlx::AnyConnection::connect(&url).await.unwrap();
    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(&mut conn)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_new_ticket_is_open_at_l1_with_the_next_number_of_its_guild() {
    for db in backends().await {
        let store = db.store().await;
        let first = open(&store, ALICE, 1, at(0)).await;
        let second = open(&store, BORIS, 2, at(1)).await;
        assert_eq!(first.number, TicketNumber(1), "{}", db.backend);
        assert_eq!(second.number, TicketNumber(2));
        assert_eq!(
            (first.level, first.status, first.assignee),
            (Level::L1, Status::Open, None)
        );
        assert_eq!(first.opened_at, at(0));
        assert_eq!(first.version, 1);
        // Another guild counts from 1.
        let other = NewTicket::new(
            GuildId(7),
            ALICE,
            "hi",
            Locale::En,
            TicketSource::Interaction(3),
        )
        .unwrap();
        let OpenOutcome::Opened(t) = store.open_ticket(other, "k3", at(2)).await.unwrap() else {
            panic!("expected a ticket");
        };
        assert_eq!(t.number, TicketNumber(1));
        assert_eq!(
            store
                .ticket_by_number(GUILD, TicketNumber(2))
                .await
                .unwrap(),
            Some(second)
        );
    }
}

#[tokio::test]
async fn a_russian_urgent_question_keeps_its_language_and_flags() {
    for db in backends().await {
        let store = db.store().await;
        let new = NewTicket::new(
            GUILD,
            BORIS,
            "Срочно! Опять ничего не работает",
            Locale::Ru,
            TicketSource::Interaction(9),
        )
        .unwrap();
        let OpenOutcome::Opened(t) = store.open_ticket(new, "k9", at(0)).await.unwrap() else {
            panic!("expected a ticket");
        };
        let t = store.ticket(t.id).await.unwrap().unwrap();
        assert_eq!(t.locale, Locale::Ru, "{}", db.backend);
        assert_eq!(t.priority, Priority::Urgent);
        assert_eq!(t.cues.urgency, vec!["срочно", "ничего не работает"]);
        assert_eq!(t.cues.frustration, vec!["опять"]);
        assert_eq!(t.question, "Срочно! Опять ничего не работает");
    }
}

#[tokio::test]
async fn opening_records_the_event_and_schedules_the_l1_sla_reminder() {
    for db in backends().await {
        let store = db.store().await;
        let t = open(&store, ALICE, 1, at(0)).await;
        let events = store.events(t.id).await.unwrap();
        assert_eq!(events.len(), 1, "{}", db.backend);
        assert_eq!(
            events[0].event.kind,
            EventKind::Opened {
                priority: Priority::Normal
            }
        );
        assert_eq!(events[0].event.actor, Some(ALICE));
        let timers = store.pending_timers(t.id).await.unwrap();
        assert_eq!(timers.len(), 1);
        assert_eq!(timers[0].kind, TimerKind::SlaReminder);
        assert_eq!(timers[0].due_at, at(15));
        assert_eq!(timers[0].level, Some(Level::L1));
    }
}

#[tokio::test]
async fn the_same_key_twice_returns_the_first_ticket() {
    for db in backends().await {
        let store = db.store().await;
        let first = open(&store, ALICE, 1, at(0)).await;
        let again = store
            .open_ticket(question(ALICE, "Login fails", 1), "k1", at(0))
            .await
            .unwrap();
        assert_eq!(again, OpenOutcome::AlreadyOpened(first), "{}", db.backend);
    }
}

#[tokio::test]
async fn a_second_ticket_from_the_same_source_returns_the_first() {
    for db in backends().await {
        let store = db.store().await;
        let first = open(&store, ALICE, 1, at(0)).await;
        // A double click: new interaction (new key), same L0 answer (source).
        let again = store
            .open_ticket(question(ALICE, "x", 1), "another-key", at(0))
            .await
            .unwrap();
        assert_eq!(again, OpenOutcome::AlreadyOpened(first), "{}", db.backend);
    }
}

#[tokio::test]
async fn a_user_at_the_limit_is_shown_their_open_ticket() {
    for db in backends().await {
        let store = db.store().await;
        let first = open(&store, ALICE, 1, at(0)).await;
        let second = store
            .open_ticket(question(ALICE, "other", 2), "k2", at(30))
            .await
            .unwrap();
        assert_eq!(
            second,
            OpenOutcome::LimitReached {
                limit: 1,
                open: vec![first]
            },
            "{}",
            db.backend
        );
        // Boris is not limited by Alice's ticket.
        open(&store, BORIS, 3, at(30)).await;
    }
}

#[tokio::test]
async fn the_cooldown_holds_after_closing_and_ends_on_time() {
    for db in backends().await {
        let store = db.store().await;
        let first = open(&store, ALICE, 1, at(0)).await;
        store
            .transition(first.id, |t| {
                supportline::tickets::close(t, &staff(1, Level::L1), None, at(2))
            })
            .await
            .unwrap();
        let early = store
            .open_ticket(question(ALICE, "again", 2), "k2", at(5))
            .await
            .unwrap();
        assert_eq!(
            early,
            OpenOutcome::Cooldown { until: at(10) },
            "{}",
            db.backend
        );
        // The refused attempt did not restart the cooldown.
        let later = store
            .open_ticket(question(ALICE, "again", 2), "k2", at(10))
            .await
            .unwrap();
        assert!(matches!(later, OpenOutcome::Opened(_)), "{later:?}");
    }
}

#[tokio::test]
async fn a_higher_limit_and_no_cooldown_allow_several_tickets() {
    for db in backends().await {
        let store = db.store().await;
        let mut s = settings();
        s.ticket_limit = 2;
        s.cooldown = Duration::zero();
        store.save_settings(&s, at(0)).await.unwrap();
        open(&store, ALICE, 1, at(0)).await;
        open(&store, ALICE, 2, at(0)).await;
        let third = store
            .open_ticket(question(ALICE, "3", 3), "k3", at(0))
            .await
            .unwrap();
        assert!(
            matches!(third, OpenOutcome::LimitReached { limit: 2, ref open } if open.len() == 2),
            "{}: {third:?}",
            db.backend
        );
        assert_eq!(
            store
                .open_tickets_for_user(GUILD, ALICE)
                .await
                .unwrap()
                .len(),
            2
        );
    }
}
