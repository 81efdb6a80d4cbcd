use chrono::{Duration, NaiveDate, TimeZone, Utc};

use super::*;

fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
}

/// Berlin, Monday to Friday 09:00–17:00.
fn berlin() -> WorkingHours {
    WorkingHours::parse("Europe/Berlin", "mon-fri 09:00-17:00").unwrap()
}

#[test]
fn a_weekly_schedule_is_read_in_english_or_russian() {
    let h = WorkingHours::parse("Europe/Moscow", "пн-пт 10:00-19:00, sat 11:00-15:00").unwrap();
    assert_eq!(
        h.week[0],
        Some(DaySpan {
            open: 600,
            close: 1140
        })
    );
    assert_eq!(
        h.week[5],
        Some(DaySpan {
            open: 660,
            close: 900
        })
    );
    assert_eq!(h.week[6], None);
    assert_eq!(
        describe_week(&h.week),
        "mon-fri 10:00-19:00, sat 11:00-15:00"
    );
}

#[test]
fn an_unknown_zone_or_an_unreadable_schedule_is_refused() {
    assert!(matches!(
        WorkingHours::parse("Mars/Olympus", "mon 09:00-17:00"),
        Err(HoursError::Zone(_))
    ));
    assert!(matches!(
        WorkingHours::parse("UTC", "mon 18:00-09:00"),
        Err(HoursError::Week(_))
    ));
    assert!(matches!(
        WorkingHours::parse("UTC", "someday 09:00-17:00"),
        Err(HoursError::Week(_))
    ));
    assert_eq!(
        WorkingHours::parse("UTC", "mon-sun off"),
        Err(HoursError::NeverOpen)
    );
}

#[test]
fn a_friday_evening_opens_on_monday_morning_local_time() {
    // 2025-03-07 is a Friday; Berlin is UTC+1 in winter.
    let h = berlin();
    let friday_evening = utc(2025, 3, 7, 17, 30);
    assert!(!h.is_open(friday_evening));
    assert_eq!(h.next_opening(friday_evening), Some(utc(2025, 3, 10, 8, 0)));
    assert!(h.is_open(utc(2025, 3, 10, 8, 0)));
    assert_eq!(
        h.next_opening(utc(2025, 3, 10, 9, 0)),
        Some(utc(2025, 3, 10, 9, 0))
    );
}

#[test]
fn working_time_skips_nights_and_weekends() {
    let h = berlin();
    // Friday 15:00 local to Monday 10:00 local: 2 h + 1 h.
    let from = utc(2025, 3, 7, 14, 0);
    let to = utc(2025, 3, 10, 9, 0);
    assert_eq!(working_between(Some(&h), from, to), Duration::hours(3));
    // 15 minutes of work left on Friday at 16:45 run out on Monday 09:00 + 0:00.
    let due = add_working(Some(&h), utc(2025, 3, 7, 15, 45), Duration::minutes(30));
    assert_eq!(due, utc(2025, 3, 10, 8, 15));
}

#[test]
fn without_a_schedule_working_time_is_wall_clock_time() {
    let from = utc(2025, 3, 7, 14, 0);
    assert_eq!(
        working_between(None, from, from + Duration::hours(70)),
        Duration::hours(70)
    );
    assert_eq!(
        add_working(None, from, Duration::minutes(15)),
        from + Duration::minutes(15)
    );
}

#[test]
fn a_holiday_is_skipped_like_a_weekend() {
    let mut h = berlin();
    h.holidays
        .insert(NaiveDate::from_ymd_opt(2025, 3, 10).unwrap());
    let friday_evening = utc(2025, 3, 7, 17, 30);
    assert_eq!(h.next_opening(friday_evening), Some(utc(2025, 3, 11, 8, 0)));
    let due = add_working(Some(&h), friday_evening, Duration::hours(1));
    assert_eq!(due, utc(2025, 3, 11, 9, 0));
}

#[test]
fn a_working_day_across_the_spring_change_is_still_its_length() {
    // Berlin moves to UTC+2 on Sunday 2025-03-30; Monday opens at 07:00 UTC.
    let h = berlin();
    let friday = utc(2025, 3, 28, 15, 0); // 16:00 local, one hour left
    assert_eq!(
        h.next_opening(utc(2025, 3, 28, 16, 30)),
        Some(utc(2025, 3, 31, 7, 0))
    );
    let due = add_working(Some(&h), friday, Duration::hours(2));
    assert_eq!(due, utc(2025, 3, 31, 8, 0));
    assert_eq!(
        working_between(Some(&h), utc(2025, 3, 31, 7, 0), utc(2025, 3, 31, 15, 0)),
        Duration::hours(8)
    );
}

#[test]
fn a_span_in_the_skipped_spring_hour_starts_when_the_clocks_land() {
    // Sunday 2025-03-30, 02:00–03:00 does not exist in Berlin.
    let h = WorkingHours::parse("Europe/Berlin", "sun 02:30-04:00").unwrap();
    let opens = h.next_opening(utc(2025, 3, 29, 12, 0)).unwrap();
    assert_eq!(opens, utc(2025, 3, 30, 1, 0)); // 03:00 local, UTC+2
}

#[test]
fn the_autumn_change_makes_a_night_shift_an_hour_longer() {
    // Berlin goes back to UTC+1 on Sunday 2025-10-26 at 03:00 local.
    let h = WorkingHours::parse("Europe/Berlin", "sun 00:00-06:00").unwrap();
    let from = utc(2025, 10, 25, 12, 0);
    let to = utc(2025, 10, 27, 0, 0);
    assert_eq!(working_between(Some(&h), from, to), Duration::hours(7));
}

#[test]
fn a_date_is_read_as_year_month_day() {
    assert_eq!(
        parse_date("2025-12-31"),
        Ok(NaiveDate::from_ymd_opt(2025, 12, 31).unwrap())
    );
    assert!(parse_date("31.12.2025").is_err());
}
