//! Which timers a ticket's state calls for. The store reconciles a
//! ticket's pending timers with [`ticket_timers`] in the same transaction
//! as every change, so a timer can never outlive the state that wanted it
//! (an answered ticket loses its SLA reminder, a closed one its auto-close).

use chrono::{DateTime, Utc};

use super::level::Level;
use super::settings::GuildSettings;
use super::ticket::{Status, Ticket};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimerKind {
    /// Close a ticket nobody answered "Did this solve it?" or a close
    /// request for.
    AutoClose,
    /// Ping a level's role when its first-response target passes.
    SlaReminder,
    /// A user's opening cooldown ends (scheduled by the bot if it wants to
    /// tell them; the store enforces the cooldown without it).
    CooldownExpiry,
    /// Remind a user staff have waited on for a while.
    WaitingReminder,
    /// Close a ticket whose user never answered staff.
    WaitingClose,
}

impl TimerKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TimerKind::AutoClose => "auto_close",
            TimerKind::SlaReminder => "sla_reminder",
            TimerKind::CooldownExpiry => "cooldown_expiry",
            TimerKind::WaitingReminder => "waiting_reminder",
            TimerKind::WaitingClose => "waiting_close",
        }
    }

    /// The kinds a ticket's state plans (the store reconciles these).
    pub const OF_TICKETS: [TimerKind; 4] = [
        TimerKind::SlaReminder,
        TimerKind::AutoClose,
        TimerKind::WaitingReminder,
        TimerKind::WaitingClose,
    ];

    pub fn parse(s: &str) -> Option<TimerKind> {
        TimerKind::OF_TICKETS
            .into_iter()
            .chain([TimerKind::CooldownExpiry])
            .find(|k| k.as_str() == s)
    }
}

/// A timer a ticket wants. `generation` tells apart timers of one kind for
/// one ticket: the same (kind, ticket, generation) is scheduled once, so a
/// timer runs once, however often the plan is recomputed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlannedTimer {
    pub kind: TimerKind,
    pub due_at: DateTime<Utc>,
    pub generation: i64,
    /// For SLA reminders, the level whose role to ping.
    pub level: Option<Level>,
}

/// The timers `t` calls for now: an SLA reminder while its clock runs
/// (due when the level's target of working time is reached), an
/// auto-close while it awaits the user's "Did this solve it?", and while
/// staff wait on the user, the reminder and closing the server asks for.
pub fn ticket_timers(t: &Ticket, settings: &GuildSettings) -> Vec<PlannedTimer> {
    let mut timers = Vec::new();
    if t.sla_clock_runs() {
        let running_from = t.sla_running_from();
        timers.push(PlannedTimer {
            kind: TimerKind::SlaReminder,
            due_at: t.sla_due(settings.service.hours.as_ref(), settings.level(t.level).sla),
            // One per spell of the clock (the first: the arrival at the
            // level); the domain sends one reminder per arrival.
            generation: running_from.timestamp_millis(),
            level: Some(t.level),
        });
    }
    if let (true, Some(since)) = (t.is_waiting_on_user(), t.sla_clock.waiting_since) {
        let wait = [
            (TimerKind::WaitingReminder, settings.service.remind_after()),
            (TimerKind::WaitingClose, settings.service.close_after()),
        ];
        for (kind, after) in wait {
            let reminded = kind == TimerKind::WaitingReminder && t.sla_clock.reminded_at.is_some();
            if let (Some(after), false) = (after, reminded) {
                timers.push(PlannedTimer {
                    kind,
                    due_at: since + after,
                    // One of each per wait.
                    generation: since.timestamp_millis(),
                    level: None,
                });
            }
        }
    }
    if let (Status::Resolving, Some(asked)) = (t.status, t.resolve_requested_at) {
        timers.push(PlannedTimer {
            kind: TimerKind::AutoClose,
            due_at: asked + settings.auto_close_after(),
            // One auto-close per "Did this solve it?".
            generation: asked.timestamp_millis(),
            level: None,
        });
    }
    // A close request closes the same way when unanswered: the same kind
    // of timer (a ticket awaits one answer at a time: asking "Did this
    // solve it?" withdraws a close request).
    if let (Status::Open, Some(asked)) = (t.status, t.close_requested_at) {
        timers.push(PlannedTimer {
            kind: TimerKind::AutoClose,
            due_at: asked + settings.close_request_after(),
            generation: asked.timestamp_millis(),
            level: None,
        });
    }
    timers
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::*;
    use crate::tickets::fixtures::{minutes, staff, t0, ticket};
    use crate::tickets::ids::GuildId;
    use crate::tickets::{lifecycle, transitions};

    fn settings() -> GuildSettings {
        GuildSettings::new(GuildId(10))
    }

    #[test]
    fn a_new_ticket_wants_an_sla_reminder_at_its_levels_target() {
        let timers = ticket_timers(&ticket(Level::L1), &settings());
        assert_eq!(timers.len(), 1);
        assert_eq!(timers[0].kind, TimerKind::SlaReminder);
        assert_eq!(timers[0].due_at, t0() + Duration::minutes(15));
        assert_eq!(timers[0].level, Some(Level::L1));
    }

    #[test]
    fn an_answered_ticket_wants_no_reminder() {
        let t = ticket(Level::L1);
        let t = t.after(&lifecycle::first_response(&t, &staff(1, Level::L1), minutes(2)).unwrap());
        assert!(ticket_timers(&t, &settings()).is_empty());
    }

    #[test]
    fn an_escalated_ticket_wants_a_new_reminder_for_the_new_level() {
        let t = ticket(Level::L1);
        let before = ticket_timers(&t, &settings())[0];
        let t = t.after(
            &transitions::escalate(&t, &staff(1, Level::L1), None, "why", minutes(5)).unwrap(),
        );
        let after = ticket_timers(&t, &settings())[0];
        assert_ne!(before.generation, after.generation);
        assert_eq!(after.due_at, minutes(5) + Duration::hours(1));
    }

    #[test]
    fn a_ticket_awaiting_the_user_wants_an_auto_close_only() {
        let t = ticket(Level::L1);
        let t = t.after(
            &lifecycle::request_resolve(&t, &staff(1, Level::L1), None, minutes(5)).unwrap(),
        );
        let timers = ticket_timers(&t, &settings());
        assert_eq!(timers.len(), 1);
        assert_eq!(timers[0].kind, TimerKind::AutoClose);
        assert_eq!(timers[0].due_at, minutes(5) + Duration::hours(24));
    }

    #[test]
    fn a_close_request_wants_an_auto_close_after_the_servers_delay() {
        let t = ticket(Level::L1);
        let t =
            t.after(&crate::tickets::request_close(&t, &staff(1, Level::L1), minutes(5)).unwrap());
        let mut s = settings();
        s.close_request_hours = 48;
        let timers = ticket_timers(&t, &s);
        assert_eq!(timers.len(), 1);
        assert_eq!(timers[0].kind, TimerKind::AutoClose);
        assert_eq!(timers[0].due_at, minutes(5) + Duration::hours(48));
    }

    #[test]
    fn timer_kinds_round_trip_through_their_names() {
        for k in TimerKind::OF_TICKETS
            .into_iter()
            .chain([TimerKind::CooldownExpiry])
        {
            assert_eq!(TimerKind::parse(k.as_str()), Some(k));
        }
    }
}
