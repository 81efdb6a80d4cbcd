//! Process settings, read once from the environment (and `.env`).
//!
//! Every setting is documented in `.env.example`. A missing or malformed
//! setting stops start-up with one line naming it (`ConfigError`).

use std::net::SocketAddr;
use std::ops::Range;
use std::path::PathBuf;

use crate::i18n::Locale;

/// Discord's own API; the sandbox and HTTP proxies replace it.
pub const DISCORD_API_DEFAULT: &str = "https://discord.com";
pub const DATABASE_URL_DEFAULT: &str = "sqlite://data/supportline.db";
pub const KNOWLEDGE_DIR_DEFAULT: &str = "knowledge";

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub discord_token: String,
    pub database_url: String,
    pub knowledge_dir: PathBuf,
    pub default_locale: Locale,
    /// Base URL of the Discord REST API, without `/api/v10`.
    pub discord_api_base: String,
    pub shards: Option<ShardRange>,
    /// Whether to ask Discord for message content (a privileged intent,
    /// enabled in the developer portal): needed to answer plain messages
    /// in help channels and for full transcripts.
    pub message_content: bool,
    /// Where to serve `GET /metrics` and `GET /healthz` (`METRICS_ADDR`);
    /// `None`, the default: not served.
    pub metrics_addr: Option<SocketAddr>,
}

/// Which shards this process runs: `SHARDS=0-3` of `SHARD_TOTAL=8`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShardRange {
    pub range: Range<u32>,
    pub total: u32,
}

impl ShardRange {
    /// The last shard of the range (`SHARDS=0-3`: 3).
    pub fn last(&self) -> u32 {
        self.range.end.saturating_sub(1)
    }

    /// What serenity's `Client::start_shard_range` takes: it reads the
    /// range's end as the last shard to start (`end - start + 1` shards),
    /// so `0..1` would start shards 0 and 1.
    pub fn for_serenity(&self) -> Range<u32> {
        self.range.start..self.last()
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ConfigError {
    #[error("{name} is not set: {hint}")]
    Missing {
        name: &'static str,
        hint: &'static str,
    },
    #[error("{name} is malformed ({value:?}): {hint}")]
    Malformed {
        name: &'static str,
        value: String,
        hint: &'static str,
    },
}

impl Config {
    /// Reads the process environment (call `dotenvy::dotenv()` first).
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads settings through `lookup`, so tests need not touch the
    /// process environment. Empty values count as unset.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let get = |name: &str| {
            lookup(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };

        let discord_token = get("DISCORD_TOKEN").ok_or(ConfigError::Missing {
            name: "DISCORD_TOKEN",
            hint: "put the bot token from the Discord developer portal in .env",
        })?;
        if discord_token.chars().any(char::is_whitespace) {
            return Err(ConfigError::Malformed {
                name: "DISCORD_TOKEN",
                value: "<hidden>".into(),
                hint: "a token has no spaces; paste it without the 'Bot ' prefix",
            });
        }
        let database_url = get("DATABASE_URL").unwrap_or_else(|| DATABASE_URL_DEFAULT.into());
        if !(database_url.starts_with("sqlite:")
            || database_url.starts_with("postgres://")
            || database_url.starts_with("postgresql://"))
        {
            return Err(ConfigError::Malformed {
                name: "DATABASE_URL",
                value: database_url,
                hint: "use sqlite://path/to/file.db or postgres://user@host/db",
            });
        }
        let default_locale = match get("DEFAULT_LOCALE") {
            None => Locale::En,
            Some(v) => Locale::from_tag(&v).ok_or(ConfigError::Malformed {
                name: "DEFAULT_LOCALE",
                value: v,
                hint: "use en or ru",
            })?,
        };
        let discord_api_base =
            get("DISCORD_API_BASE").unwrap_or_else(|| DISCORD_API_DEFAULT.into());
        if !(discord_api_base.starts_with("http://") || discord_api_base.starts_with("https://")) {
            return Err(ConfigError::Malformed {
                name: "DISCORD_API_BASE",
                value: discord_api_base,
                hint: "an http(s) URL without /api/v10, e.g. http://127.0.0.1:8080",
            });
        }
        let shards = parse_shards(get("SHARDS"), get("SHARD_TOTAL"))?;
        let message_content = match get("DISCORD_MESSAGE_CONTENT").as_deref() {
            None => false,
            Some("1" | "true" | "yes" | "on") => true,
            Some("0" | "false" | "no" | "off") => false,
            Some(other) => {
                return Err(ConfigError::Malformed {
                    name: "DISCORD_MESSAGE_CONTENT",
                    value: other.to_owned(),
                    hint: "use true or false",
                })
            }
        };
        let metrics_addr = match get("METRICS_ADDR") {
            None => None,
            Some(v) => Some(v.parse().map_err(|_| ConfigError::Malformed {
                name: "METRICS_ADDR",
                value: v,
                hint: "an address and port to listen on, e.g. 127.0.0.1:9187 or 0.0.0.0:9187",
            })?),
        };
        Ok(Self {
            discord_token,
            database_url,
            knowledge_dir: get("KNOWLEDGE_DIR")
                .unwrap_or_else(|| KNOWLEDGE_DIR_DEFAULT.into())
                .into(),
            default_locale,
            discord_api_base: discord_api_base.trim_end_matches('/').to_owned(),
            shards,
            message_content,
            metrics_addr,
        })
    }
}

fn parse_shards(
    range: Option<String>,
    total: Option<String>,
) -> Result<Option<ShardRange>, ConfigError> {
    const HINT: &str =
        "SHARDS=first-last (inclusive) with SHARD_TOTAL=n, e.g. SHARDS=0-3 SHARD_TOTAL=8";
    let (range, total) = match (range, total) {
        (None, None) => return Ok(None),
        (Some(_), None) => {
            return Err(ConfigError::Missing {
                name: "SHARD_TOTAL",
                hint: HINT,
            })
        }
        (None, Some(_)) => {
            return Err(ConfigError::Missing {
                name: "SHARDS",
                hint: HINT,
            })
        }
        (Some(r), Some(t)) => (r, t),
    };
    let malformed = |name, value: &str| ConfigError::Malformed {
        name,
        value: value.to_owned(),
        hint: HINT,
    };
    let total_n: u32 = total
        .parse()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| malformed("SHARD_TOTAL", &total))?;
    let (first, last) = range.split_once('-').unwrap_or((&range, &range));
    let first: u32 = first
        .trim()
        .parse()
        .map_err(|_| malformed("SHARDS", &range))?;
    let last: u32 = last
        .trim()
        .parse()
        .map_err(|_| malformed("SHARDS", &range))?;
    if first > last || last >= total_n {
        return Err(malformed("SHARDS", &range));
    }
    Ok(Some(ShardRange {
        range: first..last + 1,
        total: total_n,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn only_the_token_is_required_and_the_rest_has_defaults() {
        let c = config(&[("DISCORD_TOKEN", "abc.def")]).unwrap();
        assert_eq!(c.database_url, DATABASE_URL_DEFAULT);
        assert_eq!(c.knowledge_dir, PathBuf::from("knowledge"));
        assert_eq!(c.default_locale, Locale::En);
        assert_eq!(c.discord_api_base, DISCORD_API_DEFAULT);
        assert_eq!(c.shards, None);
        assert_eq!(c.metrics_addr, None, "metrics are off by default");
    }

    #[test]
    fn the_metrics_address_is_an_address_and_port() {
        let c = config(&[("DISCORD_TOKEN", "t"), ("METRICS_ADDR", "127.0.0.1:9187")]).unwrap();
        assert_eq!(c.metrics_addr, Some("127.0.0.1:9187".parse().unwrap()));
        let err = config(&[("DISCORD_TOKEN", "t"), ("METRICS_ADDR", "9187")]).unwrap_err();
        assert!(
            err.to_string().starts_with("METRICS_ADDR is malformed"),
            "{err}"
        );
    }

    #[test]
    fn a_missing_token_names_the_setting() {
        let err = config(&[]).unwrap_err();
        assert!(
            err.to_string().starts_with("DISCORD_TOKEN is not set"),
            "{err}"
        );
    }

    #[test]
    fn a_bad_database_url_names_the_setting() {
        let err = config(&[("DISCORD_TOKEN", "t"), ("DATABASE_URL", "mysql://x")]).unwrap_err();
        assert!(
            err.to_string().starts_with("DATABASE_URL is malformed"),
            "{err}"
        );
    }

    #[test]
    fn an_unknown_default_locale_is_rejected() {
        let err = config(&[("DISCORD_TOKEN", "t"), ("DEFAULT_LOCALE", "klingon")]).unwrap_err();
        assert!(
            err.to_string().starts_with("DEFAULT_LOCALE is malformed"),
            "{err}"
        );
    }

    #[test]
    fn the_api_base_loses_its_trailing_slash() {
        let c = config(&[
            ("DISCORD_TOKEN", "t"),
            ("DISCORD_API_BASE", "http://127.0.0.1:9000/"),
        ])
        .unwrap();
        assert_eq!(c.discord_api_base, "http://127.0.0.1:9000");
    }

    #[test]
    fn serenity_is_given_the_last_shard_as_the_ranges_end() {
        let one = ShardRange {
            range: 1..2,
            total: 2,
        };
        assert_eq!(one.for_serenity(), 1..1, "SHARDS=1 starts shard 1 only");
        let four = ShardRange {
            range: 0..4,
            total: 8,
        };
        assert_eq!((four.last(), four.for_serenity()), (3, 0..3));
    }

    #[test]
    fn a_shard_range_needs_a_total_and_must_fit_in_it() {
        let c = config(&[
            ("DISCORD_TOKEN", "t"),
            ("SHARDS", "2-3"),
            ("SHARD_TOTAL", "4"),
        ])
        .unwrap();
        assert_eq!(
            c.shards,
            Some(ShardRange {
                range: 2..4,
                total: 4
            })
        );
        assert!(config(&[("DISCORD_TOKEN", "t"), ("SHARDS", "2-3")]).is_err());
        assert!(config(&[
            ("DISCORD_TOKEN", "t"),
            ("SHARDS", "3-4"),
            ("SHARD_TOTAL", "4")
        ])
        .is_err());
        assert!(config(&[
            ("DISCORD_TOKEN", "t"),
            ("SHARDS", "x"),
            ("SHARD_TOTAL", "4")
        ])
        .is_err());
    }
}
