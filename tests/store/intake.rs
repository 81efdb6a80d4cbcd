//! Intake and close requests in the store (issue 14.1, 14.5): questions,
//! topics and the close-request delay come back as saved; a ticket keeps
//! its intake and its close request; drafts remember the topic; topics are
//! counted for /stats; a close request plans one auto-close.

use chrono::Duration;
use supportline::i18n::Locale;
use supportline::store::OpenOutcome;
use supportline::tickets::{
    self, IntakeAnswer, IntakeQuestion, Level, RoleId, TicketIntake, TicketSource, TimerKind, Topic,
};

use crate::common::*;

#[tokio::test]
async fn intake_settings_and_the_close_request_delay_come_back_as_saved() {
    for db in backends().await {
        let store = db.store().await;
        let mut s = settings();
        s.intake.questions = vec![
            IntakeQuestion {
                label: "Order number".into(),
                long: false,
                required: true,
            },
            IntakeQuestion {
                label: "What did you try?".into(),
                long: true,
                required: false,
            },
        ];
        s.intake.topics = vec![
            Topic {
                name: "Payments".into(),
                team: Some(RoleId(77)),
            },
            Topic {
                name: "Bug".into(),
                team: None,
            },
        ];
        s.close_request_hours = 48;
        store.save_settings(&s, at(0)).await.unwrap();
        assert_eq!(store.settings(GUILD).await.unwrap(), s, "{}", db.backend);
        // Saving again replaces the lists.
        s.intake.questions.remove(0);
        s.intake.topics.clear();
        store.save_settings(&s, at(1)).await.unwrap();
        assert_eq!(store.settings(GUILD).await.unwrap(), s, "{}", db.backend);
    }
}

#[tokio::test]
async fn a_ticket_keeps_its_intake_and_is_counted_by_topic() {
    for db in backends().await {
        let store = db.store().await;
        store.save_settings(&settings(), at(0)).await.unwrap();
        let draft = store
            .create_intake_draft(
                GUILD,
                ALICE,
                "Charged twice",
                Locale::Ru,
                TicketSource::Interaction(9),
                at(1),
            )
            .await
            .unwrap();
        store.choose_draft_topic(draft, "Payments").await.unwrap();
        let d = store.intake_draft(draft).await.unwrap().unwrap();
        assert_eq!(d.topic.as_deref(), Some("Payments"), "{}", db.backend);
        assert_eq!(d.question, "Charged twice");
        assert_eq!(d.locale, Locale::Ru);

        let mut new = question(ALICE, "Charged twice", 9);
        new.intake = TicketIntake {
            topic: Some("Payments".into()),
            team: Some(RoleId(77)),
            answers: vec![IntakeAnswer {
                label: "Order number".into(),
                answer: "A-17".into(),
            }],
        };
        let OpenOutcome::Opened(t) = store.open_ticket(new.clone(), "k9", at(2)).await.unwrap()
        else {
            panic!("{}: not opened", db.backend);
        };
        assert_eq!(t.intake, new.intake, "{}", db.backend);
        let counts = store.topic_counts(GUILD, at(0), at(10)).await.unwrap();
        assert_eq!(counts.len(), 1, "{}", db.backend);
        assert_eq!(
            (counts[0].topic.as_str(), counts[0].opened, counts[0].closed),
            ("Payments", 1, 0)
        );
    }
}

#[tokio::test]
async fn a_close_request_is_stored_and_plans_one_auto_close_until_withdrawn() {
    for db in backends().await {
        let store = db.store().await;
        let mut s = settings();
        s.close_request_hours = 12;
        store.save_settings(&s, at(0)).await.unwrap();
        let t = open(&store, ALICE, 1, at(1)).await;
        let lena = staff(5, Level::L1);
        let change = store
            .transition(t.id, |t| tickets::request_close(t, &lena, at(2)))
            .await
            .unwrap();
        assert_eq!(
            change.after.close_requested_at,
            Some(at(2)),
            "{}",
            db.backend
        );
        let timers = store.pending_timers(t.id).await.unwrap();
        let closes: Vec<_> = timers
            .iter()
            .filter(|t| t.kind == TimerKind::AutoClose)
            .collect();
        assert_eq!(closes.len(), 1, "{}: {timers:?}", db.backend);
        assert_eq!(closes[0].due_at, at(2) + Duration::hours(12));
        let user = supportline::tickets::Actor::member(ALICE);
        store
            .transition(t.id, |t| tickets::keep_open(t, &user, at(3)))
            .await
            .unwrap();
        let t = store.ticket(t.id).await.unwrap().unwrap();
        assert_eq!(t.close_requested_at, None, "{}", db.backend);
        assert!(store
            .pending_timers(t.id)
            .await
            .unwrap()
            .iter()
            .all(|t| t.kind != TimerKind::AutoClose));
    }
}
