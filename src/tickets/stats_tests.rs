use chrono::Duration;

use super::*;
use crate::tickets::event::Rating;
use crate::tickets::fixtures::{minutes, staff, t0, ticket, user};
use crate::tickets::ids::ChannelId;
use crate::tickets::lifecycle::{
    close, confirm, first_response, request_resolve, sla_breach, thread_lost,
};
use crate::tickets::policy::Actor;
use crate::tickets::ticket::{Priority, Ticket};
use crate::tickets::transitions::{deescalate, escalate, Decision};

/// One ticket's story, told through the real transitions.
struct Story {
    ticket: Ticket,
    history: Vec<TicketEvent>,
}

impl Story {
    fn opened_at(at: DateTime<Utc>) -> Story {
        let mut ticket = ticket(Level::L1);
        ticket.opened_at = at;
        ticket.level_reached_at = at;
        let opened = TicketEvent {
            at,
            actor: Some(ticket.opener),
            level: Level::L1,
            kind: EventKind::Opened {
                priority: Priority::Normal,
            },
        };
        Story {
            ticket,
            history: vec![opened],
        }
    }

    fn then(mut self, decide: impl FnOnce(&Ticket) -> Decision) -> Story {
        let events = decide(&self.ticket).expect("the scripted step is allowed");
        self.ticket = self.ticket.after(&events);
        self.history.extend(events);
        self
    }
}

fn l(level: Level) -> Actor {
    staff(u64::from(level.number()), level)
}

fn scripted_history() -> Vec<Vec<TicketEvent>> {
    let five = Rating::try_from(5u8).unwrap();
    vec![
        // Answered at L1 in 4 min, confirmed with 5 after 12 min.
        Story::opened_at(t0())
            .then(|t| first_response(t, &l(Level::L1), minutes(4)))
            .then(|t| request_resolve(t, &l(Level::L1), None, minutes(10)))
            .then(|t| confirm(t, &user(), Some(five), None, minutes(12)))
            .history,
        // Answered at L1 in 2 min, escalated to L2, L2 breaches its SLA,
        // answers 65 min after arrival, closes at 100 min.
        Story::opened_at(t0())
            .then(|t| first_response(t, &l(Level::L1), minutes(2)))
            .then(|t| escalate(t, &l(Level::L1), None, "billing", minutes(5)))
            .then(|t| sla_breach(t, Duration::hours(1), minutes(65)))
            .then(|t| first_response(t, &l(Level::L2), minutes(70)))
            .then(|t| close(t, &l(Level::L2), None, minutes(100)))
            .history,
        // L1 breaches, escalates straight to L3, comes back to L1, the user
        // closes it after 40 min.
        Story::opened_at(t0())
            .then(|t| sla_breach(t, Duration::minutes(15), minutes(15)))
            .then(|t| escalate(t, &l(Level::L1), Some(Level::L3), "incident", minutes(20)))
            .then(|t| deescalate(t, &l(Level::L3), Some(Level::L1), "standard", minutes(30)))
            .then(|t| close(t, &user(), None, minutes(40)))
            .history,
        // The thread vanished: closed, not resolved.
        Story::opened_at(t0())
            .then(|t| thread_lost(t, ChannelId(500), minutes(1)))
            .history,
        // Opened before the window, resolved inside it.
        Story::opened_at(t0() - Duration::days(2))
            .then(|t| close(t, &l(Level::L1), None, minutes(30)))
            .history,
    ]
}

fn stats() -> TicketStats {
    compute(
        &scripted_history(),
        t0() - Duration::days(1),
        t0() + Duration::days(1),
    )
}

#[test]
fn tickets_opened_count_only_openings_inside_the_window() {
    let s = stats();
    assert_eq!(s.opened, 4);
    assert_eq!(s.closed, 5);
}

#[test]
fn each_level_counts_what_it_received_and_resolved() {
    let s = stats();
    let got: Vec<(u64, u64)> = s.levels.iter().map(|l| (l.received, l.resolved)).collect();
    // L1: four openings and one ticket de-escalated back; resolved: the
    // confirmed one and the old one (not the lost one, nor the one the
    // user closed themselves).
    assert_eq!(got, vec![(5, 2), (1, 1), (1, 0), (0, 0)]);
}

#[test]
fn escalation_rate_is_escalations_up_over_tickets_received() {
    let s = stats();
    assert_eq!(s.level(Level::L1).escalated, 2);
    assert_eq!(s.level(Level::L1).escalation_rate, Some(0.4));
    assert_eq!(s.level(Level::L3).escalation_rate, Some(0.0));
    assert_eq!(s.level(Level::L4).escalation_rate, None);
}

#[test]
fn first_response_times_are_measured_from_arrival_at_the_level() {
    let s = stats();
    let l1 = &s.level(Level::L1).first_response;
    assert_eq!(l1.count, 2);
    assert_eq!(l1.median, Some(Duration::minutes(2)));
    assert_eq!(l1.p90, Some(Duration::minutes(4)));
    assert_eq!(
        s.level(Level::L2).first_response.median,
        Some(Duration::minutes(65))
    );
}

#[test]
fn resolution_time_runs_from_opening_to_closing() {
    let s = stats();
    let l1 = &s.level(Level::L1).resolution;
    // The confirmed one (12 min) and the old one; the one the user closed
    // themselves after 40 min is no resolution.
    assert_eq!(l1.count, 2);
    assert_eq!(l1.median, Some(Duration::minutes(12)));
    assert_eq!(l1.p90, Some(Duration::days(2) + Duration::minutes(30)));
    assert_eq!(
        s.level(Level::L2).resolution.median,
        Some(Duration::minutes(100))
    );
}

#[test]
fn ratings_and_sla_breaches_are_counted() {
    let s = stats();
    assert_eq!(s.ratings.count, 1);
    assert_eq!(s.ratings.average, Some(5.0));
    assert_eq!(s.ratings.histogram, [0, 0, 0, 0, 1]);
    assert_eq!(s.sla_breaches, 2);
    assert_eq!(s.level(Level::L1).sla_breaches, 1);
    assert_eq!(s.level(Level::L2).sla_breaches, 1);
}

#[test]
fn an_empty_window_counts_nothing() {
    let s = compute(
        &scripted_history(),
        t0() + Duration::days(5),
        t0() + Duration::days(6),
    );
    assert_eq!((s.opened, s.closed, s.ratings.count), (0, 0, 0));
    assert_eq!(s.level(Level::L1).first_response, Durations::default());
}

#[test]
fn the_median_of_an_even_sample_is_the_lower_middle_value() {
    let sample = (1..=4).map(Duration::minutes).collect();
    let d = summarise(sample);
    assert_eq!(d.median, Some(Duration::minutes(2)));
    assert_eq!(d.p90, Some(Duration::minutes(4)));
}

#[test]
fn a_user_closing_their_own_ticket_is_no_resolution_by_the_level() {
    let history = vec![
        Story::opened_at(t0())
            .then(|t| close(t, &user(), None, minutes(3)))
            .history,
    ];
    let s = compute(&history, t0() - Duration::days(1), t0() + Duration::days(1));
    assert_eq!(s.closed, 1);
    assert_eq!(s.level(Level::L1).resolved, 0);
    assert_eq!(s.level(Level::L1).resolution.count, 0);
}
