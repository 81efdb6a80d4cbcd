//! The `--database` option shared by the commands that read or migrate the
//! database, and opening it without Discord (no `DISCORD_TOKEN` needed).

use std::path::Path;

use anyhow::{bail, Context};
use clap::Args;

use crate::config::DATABASE_URL_DEFAULT;
use crate::store::Store;

#[derive(Debug, Args)]
pub struct DatabaseArg {
    /// The database: `sqlite://path/file.db` or `postgres://…`.
    // The value may hold a password: `--help` must not print it.
    #[arg(
        long = "database",
        env = "DATABASE_URL",
        hide_env_values = true,
        default_value = DATABASE_URL_DEFAULT
    )]
    pub url: String,
}

impl DatabaseArg {
    /// Opens a database that must exist already (reports read it; they
    /// must not leave an empty file behind a typo). Pending migrations
    /// run, as they would when the bot starts.
    pub async fn open_existing(&self) -> anyhow::Result<Store> {
        if let Some(path) = sqlite_file(&self.url) {
            if !Path::new(path).is_file() {
                bail!(
                    "no database at {path} (run `supportline migrate` to create one, or pass --database)"
                );
            }
        }
        self.open().await
    }

    /// Opens the database, creating a SQLite file when missing.
    pub async fn open(&self) -> anyhow::Result<Store> {
        Store::connect(&self.url)
            .await
            .with_context(|| format!("opening the database {}", redacted(&self.url)))
    }
}

/// The file of a SQLite URL; `None` for in-memory databases and other
/// backends.
fn sqlite_file(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let memory = path.is_empty() || path == ":memory:" || query.contains("mode=memory");
    (!memory).then_some(path)
}

/// The URL without its password, for error messages.
pub fn redacted(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let credentials = &url[scheme + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

/// A runtime for one command: the commands are short and sequential.
pub fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_urls_name_their_file() {
        assert_eq!(sqlite_file("sqlite://data/x.db"), Some("data/x.db"));
        assert_eq!(sqlite_file("sqlite:x.db?mode=rwc"), Some("x.db"));
        assert_eq!(sqlite_file("sqlite::memory:"), None);
        assert_eq!(sqlite_file("postgres://u@h/db"), None);
    }

    #[test]
    fn passwords_never_reach_error_messages() {
        assert_eq!(
            redacted("postgres://bot:secret@db:5432/support"),
            "postgres://bot:***@db:5432/support"
        );
        assert_eq!(redacted("sqlite://data/x.db"), "sqlite://data/x.db");
    }
}
