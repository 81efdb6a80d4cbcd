//! Working hours, waiting on the user, the blocklist and rate limits as
//! stored (migration 0008), on every backend.

use chrono::{Duration, NaiveDate};
use supportline::store::OpenOutcome;
use supportline::tickets::{
    self, Block, BlockTarget, Level, RoleId, TimerKind, UserId, WorkingHours,
};

use crate::common::{at, backends, open, question, settings, staff, ALICE, GUILD};

#[tokio::test]
async fn working_hours_holidays_and_limits_are_kept_with_the_settings() {
    for db in backends().await {
        let store = db.store().await;
        let mut s = settings();
        let mut hours = WorkingHours::parse("Europe/Moscow", "пн-пт 10:00-19:00").unwrap();
        hours
            .holidays
            .insert(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        s.service.hours = Some(hours);
        s.service.waiting_remind_hours = 24;
        s.service.waiting_close_hours = 72;
        s.service.tickets_per_day = 3;
        s.service.questions_per_minute = 5;
        store.save_settings(&s, at(0)).await.unwrap();
        assert_eq!(store.settings(GUILD).await.unwrap(), s, "{}", db.backend);

        s.service.hours = None;
        store.save_settings(&s, at(1)).await.unwrap();
        assert_eq!(store.settings(GUILD).await.unwrap().service.hours, None);
    }
}

#[tokio::test]
async fn a_block_is_kept_until_it_expires_or_is_lifted() {
    for db in backends().await {
        let store = db.store().await;
        let block = |target, hours: Option<i64>, reason: &str| Block {
            target,
            reason: Some(reason.to_owned()),
            by: UserId(31),
            at: at(0),
            expires_at: hours.map(|h| at(0) + Duration::hours(h)),
        };
        let alice = BlockTarget::User(ALICE);
        store
            .block(GUILD, &block(alice, Some(1), "spam"))
            .await
            .unwrap();
        store
            .block(GUILD, &block(alice, Some(2), "more spam"))
            .await
            .unwrap();
        store
            .block(GUILD, &block(BlockTarget::Role(RoleId(7)), None, "raid"))
            .await
            .unwrap();
        let now = store.blocks(GUILD, at(90)).await.unwrap();
        assert_eq!(now.len(), 2, "{}", db.backend);
        let hers = now.iter().find(|b| b.target == alice).unwrap();
        assert_eq!(hers.reason.as_deref(), Some("more spam"), "blocked again");
        let later = store
            .blocks(GUILD, at(0) + Duration::hours(3))
            .await
            .unwrap();
        assert_eq!(later.len(), 1, "alice's block expired");
        assert!(store
            .unblock(GUILD, BlockTarget::Role(RoleId(7)))
            .await
            .unwrap());
        assert!(!store
            .unblock(GUILD, BlockTarget::Role(RoleId(7)))
            .await
            .unwrap());
        assert_eq!(store.blocks(GUILD, at(0)).await.unwrap().len(), 1);
    }
}

#[tokio::test]
async fn the_daily_ticket_limit_holds_until_the_oldest_ticket_is_a_day_old() {
    for db in backends().await {
        let store = db.store().await;
        let mut s = settings();
        s.ticket_limit = 5;
        s.cooldown = Duration::zero();
        s.service.tickets_per_day = 2;
        store.save_settings(&s, at(0)).await.unwrap();
        open(&store, ALICE, 1, at(0)).await;
        open(&store, ALICE, 2, at(10)).await;
        let refused = store
            .open_ticket(question(ALICE, "third", 3), "k3", at(20))
            .await
            .unwrap();
        assert_eq!(
            refused,
            OpenOutcome::DailyLimit {
                limit: 2,
                until: at(0) + Duration::days(1)
            },
            "{}",
            db.backend
        );
        open(
            &store,
            ALICE,
            4,
            at(0) + Duration::days(1) + Duration::minutes(1),
        )
        .await;
    }
}

#[tokio::test]
async fn a_wait_on_the_user_schedules_its_reminder_and_closing_and_an_answer_cancels_them() {
    for db in backends().await {
        let store = db.store().await;
        let mut s = settings();
        s.service.waiting_remind_hours = 2;
        s.service.waiting_close_hours = 5;
        store.save_settings(&s, at(0)).await.unwrap();
        let id = open(&store, ALICE, 1, at(0)).await.id;
        let lena = staff(31, Level::L1);
        store
            .transition(id, |t| tickets::first_response(t, &lena, at(3)))
            .await
            .unwrap();
        let kinds: Vec<TimerKind> = store
            .pending_timers(id)
            .await
            .unwrap()
            .iter()
            .map(|t| t.kind)
            .collect();
        assert_eq!(
            kinds,
            vec![TimerKind::WaitingReminder, TimerKind::WaitingClose],
            "{}",
            db.backend
        );
        let due = store.take_due_timers(None, at(3 + 121), 10).await.unwrap();
        assert_eq!(due.len(), 1);
        assert_eq!(due[0].kind, TimerKind::WaitingReminder);

        let alice = tickets::Actor::member(ALICE);
        store
            .transition(id, |t| tickets::user_answered(t, &alice, None, at(130)))
            .await
            .unwrap();
        let kinds: Vec<TimerKind> = store
            .pending_timers(id)
            .await
            .unwrap()
            .iter()
            .map(|t| t.kind)
            .collect();
        assert_eq!(kinds, vec![TimerKind::SlaReminder], "the clock runs again");
        let t = store.ticket(id).await.unwrap().unwrap();
        assert_eq!(t.sla_clock.spent, Duration::minutes(3));
        assert_eq!(t.sla_clock.resumed_at, Some(at(130)));
    }
}
