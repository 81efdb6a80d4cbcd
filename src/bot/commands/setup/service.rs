//! What `/setup show` and every `/setup` answer say of working hours,
//! waiting on users and rate limits; and the refusal of a bad value.

use crate::bot::error::{BotError, Say};
use crate::i18n::Locale;
use crate::tickets::hours::describe_week;
use crate::tickets::{ServiceError, ServiceSettings};
use crate::tr;

pub(super) fn summary_lines(locale: Locale, s: &ServiceSettings) -> Vec<String> {
    let off = || tr!(locale, "setup-off");
    let hours = match &s.hours {
        None => tr!(locale, "setup-hours-always"),
        Some(h) => {
            let mut text = format!("{} · {}", h.zone.name(), describe_week(&h.week));
            if !h.holidays.is_empty() {
                let days: Vec<String> = h.holidays.iter().map(|d| d.to_string()).collect();
                text.push_str(&format!(
                    " · {}",
                    tr!(locale, "setup-holidays-list", days = days.join(", "))
                ));
            }
            text
        }
    };
    let or_off = |n: u32, text: String| if n == 0 { off() } else { text };
    vec![
        format!("**{}**: {hours}", tr!(locale, "setup-hours")),
        format!(
            "**{}**: {} · {}",
            tr!(locale, "setup-waiting"),
            or_off(
                s.waiting_remind_hours,
                tr!(
                    locale,
                    "setup-waiting-remind",
                    hours = s.waiting_remind_hours
                )
            ),
            or_off(
                s.waiting_close_hours,
                tr!(locale, "setup-waiting-close", hours = s.waiting_close_hours)
            ),
        ),
        format!(
            "**{}**: {} · {}",
            tr!(locale, "setup-ratelimits"),
            or_off(
                s.tickets_per_day,
                tr!(locale, "setup-rate-tickets", count = s.tickets_per_day)
            ),
            or_off(
                s.questions_per_minute,
                tr!(
                    locale,
                    "setup-rate-questions",
                    count = s.questions_per_minute
                )
            ),
        ),
    ]
}

pub(super) fn service_error(e: ServiceError) -> BotError {
    BotError::Say(match e {
        ServiceError::WaitingHours => {
            Say::new("setup-bad-waiting").count("max", crate::tickets::service::MAX_WAITING_HOURS)
        }
        ServiceError::ReminderAfterClose => Say::new("setup-bad-waiting-order"),
        ServiceError::RateLimit => Say::new("setup-bad-ratelimits"),
    })
}
