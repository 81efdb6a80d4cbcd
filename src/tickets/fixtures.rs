//! Test fixtures for the domain's unit tests.

use chrono::{DateTime, TimeZone, Utc};

use super::ids::{ChannelId, GuildId, MessageId, TicketId, TicketNumber, UserId};
use super::level::{Level, LevelSet};
use super::locale::Locale;
use super::policy::Actor;
use super::ticket::{CaseThread, Priority, Status, Ticket, TicketSource};
use super::urgency::Cues;

pub const OPENER: UserId = UserId(100);

pub fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, 1, 9, 0, 0).unwrap()
}

pub fn minutes(n: i64) -> DateTime<Utc> {
    t0() + chrono::Duration::minutes(n)
}

/// An open, unclaimed ticket at `level` with a user thread and a case.
pub fn ticket(level: Level) -> Ticket {
    Ticket {
        id: TicketId(1),
        guild: GuildId(10),
        number: TicketNumber(42),
        opener: OPENER,
        subject: "Login fails".into(),
        question: "Login fails since this morning".into(),
        locale: Locale::En,
        priority: Priority::Normal,
        cues: Cues::default(),
        source: TicketSource::Interaction(7),
        level,
        levels_seen: Level::ALL
            .into_iter()
            .filter(|l| *l <= level)
            .collect::<LevelSet>(),
        status: Status::Open,
        assignee: None,
        user_thread: Some(ChannelId(500)),
        case: Some(CaseThread {
            level,
            card: MessageId(600),
            thread: ChannelId(601),
            opened_at: t0(),
        }),
        previous_cases: vec![],
        opened_at: t0(),
        level_reached_at: t0(),
        first_response_at: None,
        sla_breached_at: None,
        resolve_requested_at: None,
        close_requested_at: None,
        intake: Default::default(),
        closed_at: None,
        close_reason: None,
        sla_clock: Default::default(),
        version: 1,
    }
}

pub fn user() -> Actor {
    Actor::member(OPENER)
}

pub fn stranger() -> Actor {
    Actor::member(UserId(101))
}

pub fn staff(id: u64, level: Level) -> Actor {
    Actor::staff(UserId(id), &[level])
}

pub fn admin() -> Actor {
    Actor::admin(UserId(900))
}
