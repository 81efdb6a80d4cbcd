//! Statistics to test the report and the chart with.

use chrono::{Duration, TimeZone, Utc};

use crate::store::{L0Stats, Stats};
use crate::tickets::stats::{compute, Durations};
use crate::tickets::Level;

/// A window with nothing in it.
pub fn empty() -> Stats {
    let until = Utc.with_ymd_and_hms(2026, 11, 25, 0, 0, 0).unwrap();
    let since = until - Duration::days(30);
    Stats {
        since,
        until,
        l0: L0Stats::default(),
        tickets: compute(&[], since, until),
    }
}

/// 40 questions, 30 answered, 20 confirmed; 12 tickets at L1, 3 up to L2,
/// 1 up to L3; timings and ratings at L1 and L2.
pub fn busy() -> Stats {
    let mut s = empty();
    s.l0 = L0Stats {
        questions: 40,
        answered: 30,
        confirmed_helpful: 20,
        handed_to_human: 6,
        small_talk: 0,
    };
    let t = &mut s.tickets;
    t.opened = 12;
    t.closed = 10;
    t.reopened = 1;
    t.ratings.count = 4;
    t.ratings.average = Some(4.5);
    t.sla_breaches = 2;
    let l1 = &mut t.levels[Level::L1.index()];
    l1.received = 12;
    l1.resolved = 8;
    l1.escalated = 3;
    l1.escalation_rate = Some(0.25);
    l1.first_response = Durations {
        count: 12,
        median: Some(Duration::minutes(4)),
        p90: Some(Duration::minutes(65)),
    };
    l1.resolution = Durations {
        count: 8,
        median: Some(Duration::hours(3)),
        p90: Some(Duration::hours(30)),
    };
    l1.sla_breaches = 2;
    let l2 = &mut t.levels[Level::L2.index()];
    l2.received = 3;
    l2.resolved = 2;
    l2.escalated = 1;
    l2.escalation_rate = Some(1.0 / 3.0);
    let l3 = &mut t.levels[Level::L3.index()];
    l3.received = 1;
    s
}
