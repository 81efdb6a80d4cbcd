//! Storage forms of domain values, in one place: snowflakes as BIGINT (the
//! same 64 bits, reinterpreted, so even ids above i64::MAX round-trip),
//! times as unix milliseconds, flags as 0/1.

use chrono::{DateTime, Utc};
use sqlx::any::AnyRow;
use sqlx::Row;

use super::error::Bad;
use crate::config::ShardRange;
use crate::i18n::Locale;
use crate::tickets::Level;

pub(crate) fn sf(id: u64) -> i64 {
    id as i64
}

/// `AND` the guild in `column` is on one of `shards` (Discord's formula,
/// `(guild_id >> 22) % num_shards`), or nothing for every shard. The
/// numbers are the process's own settings, never input, so they are
/// written into the statement.
pub(crate) fn on_shards(column: &str, shards: Option<&ShardRange>) -> String {
    match shards {
        None => String::new(),
        Some(s) => format!(
            " AND (({column} >> 22) % {}) BETWEEN {} AND {}",
            s.total,
            s.range.start,
            s.last()
        ),
    }
}

pub(crate) fn ms(t: DateTime<Utc>) -> i64 {
    t.timestamp_millis()
}

pub(crate) fn opt_ms(t: Option<DateTime<Utc>>) -> Option<i64> {
    t.map(ms)
}

pub(crate) fn flag(b: bool) -> i64 {
    i64::from(b)
}

/// Typed reads from a row; each names the column when the value is bad.
pub(crate) trait Col {
    fn i64(&self, col: &str) -> Result<i64, Bad>;
    fn opt_i64(&self, col: &str) -> Result<Option<i64>, Bad>;
    fn text(&self, col: &str) -> Result<String, Bad>;
    fn opt_text(&self, col: &str) -> Result<Option<String>, Bad>;

    fn u64(&self, col: &str) -> Result<u64, Bad> {
        self.i64(col).map(|v| v as u64)
    }

    fn opt_u64(&self, col: &str) -> Result<Option<u64>, Bad> {
        self.opt_i64(col).map(|v| v.map(|v| v as u64))
    }

    fn time(&self, col: &str) -> Result<DateTime<Utc>, Bad> {
        let v = self.i64(col)?;
        DateTime::from_timestamp_millis(v).ok_or_else(|| Bad(format!("{col}: bad time {v}")))
    }

    fn opt_time(&self, col: &str) -> Result<Option<DateTime<Utc>>, Bad> {
        match self.opt_i64(col)? {
            None => Ok(None),
            Some(v) => DateTime::from_timestamp_millis(v)
                .map(Some)
                .ok_or_else(|| Bad(format!("{col}: bad time {v}"))),
        }
    }

    fn flag(&self, col: &str) -> Result<bool, Bad> {
        Ok(self.i64(col)? != 0)
    }

    fn level(&self, col: &str) -> Result<Level, Bad> {
        Level::try_from(self.i64(col)?).map_err(|e| Bad(format!("{col}: {e}")))
    }

    fn locale(&self, col: &str) -> Result<Locale, Bad> {
        let code = self.text(col)?;
        Locale::from_tag(&code).ok_or_else(|| Bad(format!("{col}: unknown locale {code:?}")))
    }

    /// A text column holding one of a closed set of names.
    fn parsed<T>(&self, col: &str, parse: fn(&str) -> Option<T>) -> Result<T, Bad> {
        let s = self.text(col)?;
        parse(&s).ok_or_else(|| Bad(format!("{col}: unknown value {s:?}")))
    }

    fn json<T: serde::de::DeserializeOwned>(&self, col: &str) -> Result<T, Bad> {
        let s = self.text(col)?;
        serde_json::from_str(&s).map_err(|e| Bad(format!("{col}: {e}")))
    }
}

impl Col for AnyRow {
    fn i64(&self, col: &str) -> Result<i64, Bad> {
        Ok(self.try_get::<i64, _>(col)?)
    }

    fn opt_i64(&self, col: &str) -> Result<Option<i64>, Bad> {
        Ok(self.try_get::<Option<i64>, _>(col)?)
    }

    fn text(&self, col: &str) -> Result<String, Bad> {
        Ok(self.try_get::<String, _>(col)?)
    }

    fn opt_text(&self, col: &str) -> Result<Option<String>, Bad> {
        Ok(self.try_get::<Option<String>, _>(col)?)
    }
}

/// `$1, $2, … $n` for an `IN (…)` list (both databases read `$n`).
pub(crate) fn placeholders(n: usize) -> String {
    (1..=n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}
