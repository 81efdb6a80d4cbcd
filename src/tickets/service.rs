//! A server's service terms beyond the ladder: working hours, what
//! happens while staff wait on a user, and per-user rate limits. Kept
//! apart from the ladder's settings; edited with `/setup hours`,
//! `/setup holidays`, `/setup waiting` and `/setup ratelimits`.

use chrono::Duration;

use super::hours::WorkingHours;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ServiceSettings {
    /// `None`: the team works around the clock.
    pub hours: Option<WorkingHours>,
    /// Remind a user staff wait on after this many hours; 0: never.
    pub waiting_remind_hours: u32,
    /// Close a ticket still waiting on its user after this many hours; 0: never.
    pub waiting_close_hours: u32,
    /// Tickets one user may open in 24 hours; 0: no limit.
    pub tickets_per_day: u32,
    /// Questions one user may ask L0 in a minute; 0: no limit.
    pub questions_per_minute: u32,
}

/// The most hours a wait may last before a reminder or closing (30 days).
pub const MAX_WAITING_HOURS: u32 = 24 * 30;
pub const MAX_TICKETS_PER_DAY: u32 = 100;
pub const MAX_QUESTIONS_PER_MINUTE: u32 = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ServiceError {
    #[error("waiting hours must be between 0 and {MAX_WAITING_HOURS}")]
    WaitingHours,
    #[error("the reminder must come before the closing")]
    ReminderAfterClose,
    #[error("rate limits must be at most {MAX_TICKETS_PER_DAY} tickets a day and {MAX_QUESTIONS_PER_MINUTE} questions a minute")]
    RateLimit,
}

impl ServiceSettings {
    pub fn remind_after(&self) -> Option<Duration> {
        (self.waiting_remind_hours > 0).then(|| Duration::hours(self.waiting_remind_hours.into()))
    }

    pub fn close_after(&self) -> Option<Duration> {
        (self.waiting_close_hours > 0).then(|| Duration::hours(self.waiting_close_hours.into()))
    }

    /// When the team next works, if `at` is outside its working hours.
    pub fn opens_later(
        &self,
        at: chrono::DateTime<chrono::Utc>,
    ) -> Option<chrono::DateTime<chrono::Utc>> {
        let hours = self.hours.as_ref()?;
        if hours.is_open(at) {
            return None;
        }
        hours.next_opening(at)
    }

    pub fn validate(&self) -> Result<(), ServiceError> {
        if self.waiting_remind_hours > MAX_WAITING_HOURS
            || self.waiting_close_hours > MAX_WAITING_HOURS
        {
            return Err(ServiceError::WaitingHours);
        }
        if let (Some(r), Some(c)) = (self.remind_after(), self.close_after()) {
            if r >= c {
                return Err(ServiceError::ReminderAfterClose);
            }
        }
        if self.tickets_per_day > MAX_TICKETS_PER_DAY
            || self.questions_per_minute > MAX_QUESTIONS_PER_MINUTE
        {
            return Err(ServiceError::RateLimit);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_default_nothing_is_limited_and_nobody_is_reminded() {
        let s = ServiceSettings::default();
        assert_eq!((s.remind_after(), s.close_after()), (None, None));
        assert_eq!(s.validate(), Ok(()));
    }

    #[test]
    fn a_reminder_after_the_closing_is_refused() {
        let s = ServiceSettings {
            waiting_remind_hours: 48,
            waiting_close_hours: 24,
            ..Default::default()
        };
        assert_eq!(s.validate(), Err(ServiceError::ReminderAfterClose));
    }
}

/// When someone who did something at `times` (oldest first) within the
/// last `window` may do it again under a limit of `limit`: `None` when
/// they may now. With the limit lowered since, more than one old action
/// has to drop out of the window.
pub fn retry_at(
    times: &[chrono::DateTime<chrono::Utc>],
    limit: u32,
    window: Duration,
) -> Option<chrono::DateTime<chrono::Utc>> {
    let limit = usize::try_from(limit).ok().filter(|l| *l > 0)?;
    if times.len() < limit {
        return None;
    }
    times.get(times.len() - limit).map(|t| *t + window)
}

#[cfg(test)]
mod retry_tests {
    use chrono::{Duration, TimeZone, Utc};

    use super::retry_at;

    #[test]
    fn under_the_limit_one_may_go_on() {
        let t = Utc.with_ymd_and_hms(2025, 3, 1, 9, 0, 0).unwrap();
        assert_eq!(retry_at(&[t], 2, Duration::minutes(1)), None);
        assert_eq!(retry_at(&[t, t], 0, Duration::minutes(1)), None);
    }

    #[test]
    fn at_the_limit_one_waits_for_the_oldest_to_leave_the_window() {
        let t = Utc.with_ymd_and_hms(2025, 3, 1, 9, 0, 0).unwrap();
        let times = [t, t + Duration::seconds(10), t + Duration::seconds(20)];
        let day = Duration::days(1);
        assert_eq!(retry_at(&times, 3, day), Some(t + day));
        // Limit lowered to 2: the second oldest has to go too.
        assert_eq!(
            retry_at(&times, 2, day),
            Some(t + Duration::seconds(10) + day)
        );
    }
}
