//! Numbers as people read them, in their language: durations ("1 h 5 min",
//! "1 ч 5 мин"), percentages, decimals, dates, and "—" for no data.

use chrono::{DateTime, Duration, Utc};

use crate::i18n::Locale;
use crate::tr;

/// What stands in for a number there is no data for.
pub fn no_data(locale: Locale) -> String {
    tr!(locale, "stats-no-data")
}

/// A duration in the two largest units that matter: `45 s`, `4 min`,
/// `1 h 5 min`, `2 d 3 h`. Negative durations (clock skew) read as zero.
pub fn duration(d: Duration, locale: Locale) -> String {
    let secs = d.num_seconds().max(0);
    let (days, hours, minutes) = (secs / 86_400, secs % 86_400 / 3_600, secs % 3_600 / 60);
    if secs < 60 {
        tr!(locale, "duration-seconds", s = secs)
    } else if secs < 3_600 {
        tr!(locale, "duration-minutes", m = minutes)
    } else if days == 0 && minutes == 0 {
        tr!(locale, "duration-hours", h = hours)
    } else if days == 0 {
        tr!(locale, "duration-hours-minutes", h = hours, m = minutes)
    } else if hours == 0 {
        tr!(locale, "duration-days", d = days)
    } else {
        tr!(locale, "duration-days-hours", d = days, h = hours)
    }
}

/// [`duration`], or "—" when there is none.
pub fn opt_duration(d: Option<Duration>, locale: Locale) -> String {
    d.map_or_else(|| no_data(locale), |d| duration(d, locale))
}

/// `part / whole` as a whole percentage (`50%`), "—" when `whole` is 0.
pub fn percent_of(part: u64, whole: u64, locale: Locale) -> String {
    if whole == 0 {
        return no_data(locale);
    }
    percent(part as f64 / whole as f64)
}

/// A ratio (0.5) as a whole percentage (`50%`).
pub fn percent(ratio: f64) -> String {
    format!("{:.0}%", ratio * 100.0)
}

/// A ratio, or "—".
pub fn opt_percent(ratio: Option<f64>, locale: Locale) -> String {
    ratio.map_or_else(|| no_data(locale), percent)
}

/// One decimal, with the decimal separator of the language (`4.5`, `4,5`).
pub fn decimal(x: f64, locale: Locale) -> String {
    let text = format!("{x:.1}");
    match locale {
        Locale::Ru => text.replace('.', ","),
        Locale::En => text,
    }
}

/// A UTC date, `2026-11-25`.
pub fn date(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d").to_string()
}

/// A UTC time to the second, `2026-11-25 14:03:09`.
pub fn date_time(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d %H:%M:%S").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_in_their_two_largest_units() {
        let en = |secs| duration(Duration::seconds(secs), Locale::En);
        assert_eq!(en(45), "45 s");
        assert_eq!(en(4 * 60 + 59), "4 min");
        assert_eq!(en(3_600), "1 h");
        assert_eq!(en(3_900), "1 h 5 min");
        assert_eq!(en(86_400), "1 d");
        assert_eq!(en(2 * 86_400 + 3 * 3_600 + 120), "2 d 3 h");
        assert_eq!(en(-5), "0 s");
    }

    #[test]
    fn russian_durations_use_russian_units() {
        let ru = |secs| duration(Duration::seconds(secs), Locale::Ru);
        assert_eq!(ru(240), "4 мин");
        assert_eq!(ru(3_900), "1 ч 5 мин");
        assert_eq!(ru(90_000), "1 д 1 ч");
    }

    #[test]
    fn missing_numbers_read_as_a_dash() {
        assert_eq!(opt_duration(None, Locale::En), "—");
        assert_eq!(percent_of(1, 0, Locale::Ru), "—");
        assert_eq!(opt_percent(None, Locale::En), "—");
    }

    #[test]
    fn percentages_and_decimals_follow_the_language() {
        assert_eq!(percent_of(1, 3, Locale::En), "33%");
        assert_eq!(decimal(4.26, Locale::En), "4.3");
        assert_eq!(decimal(4.5, Locale::Ru), "4,5");
    }
}
