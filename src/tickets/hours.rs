//! Working hours: when a server's support team works (a time zone, one
//! span per weekday, holidays), and the working-time arithmetic the SLA
//! clock uses. A server without working hours works around the clock:
//! every function here takes `Option<&WorkingHours>` and treats `None` as
//! wall-clock time.
//!
//! Spans are in the server's local time and converted to UTC day by day,
//! so a day of a daylight-saving change is as long as it really is (a
//! 09:00–18:00 day is nine hours either side of the change). A span that
//! starts in the hour a spring change skips starts when the clocks land;
//! one that falls in the repeated autumn hour takes its first occurrence.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

/// How far ahead the arithmetic looks for working time before giving up
/// (a schedule whose holidays cover every open day for this long is
/// treated as no schedule: wall-clock time).
const HORIZON_DAYS: i64 = 400;

/// One day's working span in local time, in minutes from midnight:
/// `open < close <= 1440` (24:00, the end of the day).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DaySpan {
    pub open: u16,
    pub close: u16,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkingHours {
    pub zone: Tz,
    /// Monday first; `None`: closed that day.
    pub week: [Option<DaySpan>; 7],
    /// Local dates the team does not work, whatever the weekday.
    pub holidays: BTreeSet<NaiveDate>,
}

/// A schedule `/setup hours` must refuse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HoursError {
    #[error("unknown time zone {0:?}")]
    Zone(String),
    #[error("cannot read {0:?} as days and hours")]
    Week(String),
    #[error("no day is open")]
    NeverOpen,
    #[error("cannot read {0:?} as a date (YYYY-MM-DD)")]
    Date(String),
}

impl WorkingHours {
    /// Parses an IANA zone name and a weekly schedule such as
    /// `mon-fri 09:00-18:00, sat 10:00-14:00` (English or Russian day
    /// names; later entries override earlier ones for the same day).
    pub fn parse(zone: &str, week: &str) -> Result<WorkingHours, HoursError> {
        let zone: Tz = zone
            .trim()
            .parse()
            .map_err(|_| HoursError::Zone(zone.trim().to_owned()))?;
        let week = parse_week(week)?;
        if week.iter().all(Option::is_none) {
            return Err(HoursError::NeverOpen);
        }
        Ok(WorkingHours {
            zone,
            week,
            holidays: BTreeSet::new(),
        })
    }

    /// The working span of a local date in UTC, `None` when closed.
    fn span_on(&self, date: NaiveDate) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        if self.holidays.contains(&date) {
            return None;
        }
        let span = self.week[date.weekday().num_days_from_monday() as usize]?;
        let open = self.instant(date, span.open);
        let close = self.instant(date, span.close);
        (open < close).then_some((open, close))
    }

    /// `minute` of the local `date` as an instant.
    fn instant(&self, date: NaiveDate, minute: u16) -> DateTime<Utc> {
        let midnight = NaiveDateTime::new(date, NaiveTime::MIN);
        let local = midnight + Duration::minutes(i64::from(minute));
        // Skipped by a spring change: the first valid quarter hour after.
        for step in 0..=16 {
            let candidate = local + Duration::minutes(15 * step);
            if let Some(t) = self.zone.from_local_datetime(&candidate).earliest() {
                return t.with_timezone(&Utc);
            }
        }
        Utc.from_utc_datetime(&local)
    }

    fn local_date(&self, at: DateTime<Utc>) -> NaiveDate {
        at.with_timezone(&self.zone).date_naive()
    }

    /// The working spans ending after `from`, in order, for the horizon.
    fn spans_from(
        &self,
        from: DateTime<Utc>,
    ) -> impl Iterator<Item = (DateTime<Utc>, DateTime<Utc>)> + '_ {
        // The day before too: its span may end after `from` in UTC terms
        // only through a zone change, which is harmless to look at.
        let first = self.local_date(from) - Duration::days(1);
        (0..HORIZON_DAYS)
            .map(move |i| first + Duration::days(i))
            .filter_map(|d| self.span_on(d))
            .filter(move |(_, close)| *close > from)
    }

    pub fn is_open(&self, at: DateTime<Utc>) -> bool {
        self.spans_from(at)
            .next()
            .is_some_and(|(open, _)| open <= at)
    }

    /// The next instant at or after `at` when the team works; `None` if
    /// no working day comes within the horizon.
    pub fn next_opening(&self, at: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.spans_from(at).next().map(|(open, _)| open.max(at))
    }
}

/// Working time between `from` and `to` (zero if `to` is not later).
pub fn working_between(
    hours: Option<&WorkingHours>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Duration {
    if to <= from {
        return Duration::zero();
    }
    let Some(h) = hours else {
        return to - from;
    };
    if h.next_opening(from).is_none() {
        return to - from;
    }
    let mut total = Duration::zero();
    for (open, close) in h.spans_from(from) {
        if open >= to {
            break;
        }
        total += close.min(to) - open.max(from);
    }
    total
}

/// The instant when `work` of working time has passed since `from`
/// (`from` itself for no work; wall-clock time without a schedule).
pub fn add_working(
    hours: Option<&WorkingHours>,
    from: DateTime<Utc>,
    work: Duration,
) -> DateTime<Utc> {
    if work <= Duration::zero() {
        return from;
    }
    let Some(h) = hours else {
        return from + work;
    };
    let mut left = work;
    for (open, close) in h.spans_from(from) {
        let start = open.max(from);
        let here = close - start;
        if here >= left {
            return start + left;
        }
        left -= here;
    }
    from + work
}

/// `mon-fri 09:00-18:00, sat 10:00-14:00`: a span for each named day.
fn parse_week(text: &str) -> Result<[Option<DaySpan>; 7], HoursError> {
    let bad = || HoursError::Week(text.trim().to_owned());
    let mut week = [None; 7];
    let entries = text
        .split([',', ';'])
        .map(str::trim)
        .filter(|e| !e.is_empty());
    let mut any = false;
    for entry in entries {
        any = true;
        let (days, span) = entry.split_once(char::is_whitespace).ok_or_else(bad)?;
        let (first, last) = match days.split_once('-') {
            Some((a, b)) => (weekday(a).ok_or_else(bad)?, weekday(b).ok_or_else(bad)?),
            None => {
                let d = weekday(days).ok_or_else(bad)?;
                (d, d)
            }
        };
        let span = span.trim();
        let value = if matches!(span.to_lowercase().as_str(), "off" | "closed" | "выходной")
        {
            None
        } else {
            let (open, close) = span.split_once('-').ok_or_else(bad)?;
            let (open, close) = (
                minute(open).ok_or_else(bad)?,
                minute(close).ok_or_else(bad)?,
            );
            if open >= close {
                return Err(bad());
            }
            Some(DaySpan { open, close })
        };
        // A range wraps past Sunday: sat-mon is Saturday, Sunday, Monday.
        let mut d = first;
        loop {
            week[d] = value;
            if d == last {
                break;
            }
            d = (d + 1) % 7;
        }
    }
    if !any {
        return Err(bad());
    }
    Ok(week)
}

/// A weekday's index from Monday, by its English or Russian name or
/// abbreviation.
fn weekday(name: &str) -> Option<usize> {
    const NAMES: [&[&str]; 7] = [
        &["mon", "monday", "пн", "пон", "понедельник"],
        &["tue", "tuesday", "вт", "вто", "вторник"],
        &["wed", "wednesday", "ср", "сре", "среда"],
        &["thu", "thursday", "чт", "чет", "четверг"],
        &["fri", "friday", "пт", "пят", "пятница"],
        &["sat", "saturday", "сб", "суб", "суббота"],
        &["sun", "sunday", "вс", "вос", "воскресенье"],
    ];
    let name = name.trim().to_lowercase();
    NAMES
        .iter()
        .position(|names| names.contains(&name.as_str()))
}

/// `09:00` → 540; `24:00` → 1440 (the end of the day).
fn minute(text: &str) -> Option<u16> {
    let (h, m) = text.trim().split_once(':')?;
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    let total = h.checked_mul(60)?.checked_add(m)?;
    (m < 60 && total <= 1440).then_some(total)
}

/// `2025-12-31` as a date.
pub fn parse_date(text: &str) -> Result<NaiveDate, HoursError> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| HoursError::Date(text.trim().to_owned()))
}

/// The schedule as `/setup hours` takes it, for `/setup show`.
pub fn describe_week(week: &[Option<DaySpan>; 7]) -> String {
    const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let hhmm = |m: u16| format!("{:02}:{:02}", m / 60, m % 60);
    let mut parts = Vec::new();
    let mut i = 0;
    while i < 7 {
        let Some(span) = week[i] else {
            i += 1;
            continue;
        };
        let mut j = i;
        while j + 1 < 7 && week[j + 1] == Some(span) {
            j += 1;
        }
        let days = if i == j {
            DAYS[i].to_owned()
        } else {
            format!("{}-{}", DAYS[i], DAYS[j])
        };
        parts.push(format!("{days} {}-{}", hhmm(span.open), hhmm(span.close)));
        i = j + 1;
    }
    parts.join(", ")
}

#[cfg(test)]
#[path = "hours_tests.rs"]
mod tests;
