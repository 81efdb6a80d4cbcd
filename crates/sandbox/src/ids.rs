//! Snowflakes: Discord's 64-bit ids, which carry their creation time.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Milliseconds from the Unix epoch to Discord's epoch (2015-01-01).
const DISCORD_EPOCH_MS: u64 = 1_420_070_400_000;

/// A Discord id. On the wire it is a decimal string; numbers are accepted too.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Snowflake(pub u64);

impl Snowflake {
    pub fn get(self) -> u64 {
        self.0
    }

    /// The moment the id was made, as Discord encodes it in the top 42 bits.
    pub fn created_at(self) -> DateTime<Utc> {
        let ms = (self.0 >> 22) + DISCORD_EPOCH_MS;
        DateTime::from_timestamp_millis(ms as i64).unwrap_or_default()
    }

    /// The creation time in the ISO 8601 form Discord uses for timestamps.
    pub fn timestamp(self) -> String {
        iso(self.created_at())
    }

    /// The smallest snowflake made at `time`: what `before`/`after` paging compares with.
    pub fn from_time(time: DateTime<Utc>) -> Snowflake {
        let ms = (time.timestamp_millis().max(0) as u64).saturating_sub(DISCORD_EPOCH_MS);
        Snowflake(ms << 22)
    }
}

/// A timestamp the way Discord writes it (`2024-05-01T10:00:00.000000+00:00`).
pub fn iso(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::Micros, false)
}

/// The current time as a Discord timestamp.
pub fn now_iso() -> String {
    iso(Utc::now())
}

impl fmt::Display for Snowflake {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl FromStr for Snowflake {
    type Err = std::num::ParseIntError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.parse().map(Snowflake)
    }
}

impl From<u64> for Snowflake {
    fn from(value: u64) -> Self {
        Snowflake(value)
    }
}

impl Serialize for Snowflake {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Snowflake {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Text(String),
            Number(u64),
        }
        match Raw::deserialize(deserializer)? {
            Raw::Number(n) => Ok(Snowflake(n)),
            Raw::Text(s) => s.parse().map_err(serde::de::Error::custom),
        }
    }
}

/// Hands out increasing snowflakes stamped with the current time.
#[derive(Debug, Default)]
pub struct SnowflakeGen {
    last: u64,
}

impl SnowflakeGen {
    pub fn next_id(&mut self) -> Snowflake {
        let now = Snowflake::from_time(Utc::now()).0;
        // Several ids in one millisecond differ in the low bits; never go backwards.
        self.last = now.max(self.last + 1);
        Snowflake(self.last)
    }

    /// `n` ids of `n` consecutive milliseconds, later than every id so far
    /// (their timestamp bits differ by one each): what spreads guilds over
    /// shards in turn, as `(id >> 22) % num_shards` goes round.
    pub fn next_milliseconds(&mut self, n: usize) -> Vec<Snowflake> {
        let now = Snowflake::from_time(Utc::now()).0 >> 22;
        let start = now.max((self.last >> 22) + 1);
        let ids: Vec<Snowflake> = (0..n as u64)
            .map(|i| Snowflake((start + i) << 22))
            .collect();
        if let Some(last) = ids.last() {
            self.last = last.0;
        }
        ids
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_made_in_a_row_increase() {
        let mut gen = SnowflakeGen::default();
        let a = gen.next_id();
        let b = gen.next_id();
        assert!(b > a);
    }

    #[test]
    fn ids_of_consecutive_milliseconds_differ_by_one_in_their_timestamp() {
        let mut gen = SnowflakeGen::default();
        let before = gen.next_id();
        let ids = gen.next_milliseconds(3);
        let after = gen.next_id();
        assert!(before < ids[0] && ids[2] < after);
        let ms: Vec<u64> = ids.iter().map(|id| id.0 >> 22).collect();
        assert_eq!(ms, vec![ms[0], ms[0] + 1, ms[0] + 2]);
    }

    #[test]
    fn an_id_remembers_when_it_was_made() {
        let mut gen = SnowflakeGen::default();
        let before = Utc::now().timestamp_millis();
        let id = gen.next_id();
        let made = id.created_at().timestamp_millis();
        assert!((made - before).abs() < 1_000);
    }

    #[test]
    fn snowflakes_travel_as_strings_and_arrive_as_either() {
        let id = Snowflake(42);
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"42\"");
        let from_text: Snowflake = serde_json::from_str("\"42\"").unwrap();
        let from_number: Snowflake = serde_json::from_str("42").unwrap();
        assert_eq!(from_text, id);
        assert_eq!(from_number, id);
    }
}
