//! Opening the database: the URL decides the backend; SQLite files and
//! their folders are created when missing; migrations run every time.

use std::path::Path;
use std::sync::Arc;

use sqlx::any::AnyPoolOptions;
use sqlx::AnyPool;

use super::error::{Doing, StoreError};
use super::l0_writes::L0Writes;
use super::migrate;
use super::settings_cache::SettingsCache;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn of_url(url: &str) -> Result<Backend, StoreError> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Backend::Postgres)
        } else {
            Err(StoreError::UnsupportedUrl {
                url: url.to_owned(),
            })
        }
    }
}

/// The database. Cheap to clone (a pool handle); share one per process.
#[derive(Debug, Clone)]
pub struct Store {
    pub(crate) pool: AnyPool,
    backend: Backend,
    /// Guild settings read lately (see `settings_cache`), shared by clones.
    pub(crate) settings_cache: Arc<SettingsCache>,
    /// L0 exchanges waiting for their group commit (see `l0_writes`).
    pub(crate) l0_writes: Arc<L0Writes>,
}

impl Store {
    /// Connects to `url` (`sqlite://data/supportline.db`, `sqlite::memory:`,
    /// `postgres://…`) and applies pending migrations. A SQLite file and
    /// its folder are created when missing.
    pub async fn connect(url: &str) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        let backend = Backend::of_url(url)?;
        let (url, options) = match backend {
            Backend::Sqlite => prepare_sqlite(url)?,
            Backend::Postgres => (url.to_owned(), AnyPoolOptions::new().max_connections(10)),
        };
        let pool = options
            .connect(&url)
            .await
            .doing("connecting to the database")?;
        if backend == Backend::Sqlite {
            // Readers never wait for the writer, and the setting sticks to
            // the file. (A no-op for in-memory databases.)
            sqlx::query("PRAGMA journal_mode = WAL")
                .execute(&pool)
                .await
                .doing("switching SQLite to write-ahead logging")?;
        }
        migrate::run(&pool, backend).await?;
        Ok(Store {
            pool,
            backend,
            settings_cache: Arc::default(),
            l0_writes: Arc::default(),
        })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Waits for running queries and closes every connection.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// Creates the database folder, asks SQLite to create the file
/// (`mode=rwc`) and sizes the pool: one connection for `:memory:`, where
/// every connection would otherwise see its own empty database.
fn prepare_sqlite(url: &str) -> Result<(String, AnyPoolOptions), StoreError> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .unwrap_or_default();
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    if path.is_empty() || path == ":memory:" || query.contains("mode=memory") {
        let one = AnyPoolOptions::new()
            .max_connections(1)
            .idle_timeout(None)
            .max_lifetime(None);
        return Ok((url.to_owned(), one));
    }
    if let Some(folder) = Path::new(path)
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
    {
        std::fs::create_dir_all(folder).map_err(|source| StoreError::CreateFolder {
            path: folder.to_owned(),
            source,
        })?;
    }
    let url = if query.contains("mode=") {
        url.to_owned()
    } else if query.is_empty() {
        format!("{url}?mode=rwc")
    } else {
        format!("{url}&mode=rwc")
    };
    Ok((url, AnyPoolOptions::new().max_connections(5)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_url_decides_the_backend() {
        assert_eq!(
            Backend::of_url("sqlite://data/x.db").unwrap(),
            Backend::Sqlite
        );
        assert_eq!(
            Backend::of_url("postgres://u@h/db").unwrap(),
            Backend::Postgres
        );
        assert_eq!(
            Backend::of_url("postgresql://u@h/db").unwrap(),
            Backend::Postgres
        );
        assert!(matches!(
            Backend::of_url("mysql://x"),
            Err(StoreError::UnsupportedUrl { .. })
        ));
    }

    #[test]
    fn a_sqlite_url_asks_for_the_file_to_be_created() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}/a/b/x.db", dir.path().display());
        let (prepared, _) = prepare_sqlite(&url).unwrap();
        assert_eq!(prepared, format!("{url}?mode=rwc"));
        assert!(dir.path().join("a/b").is_dir());
    }

    #[test]
    fn an_explicit_mode_is_kept() {
        let (prepared, _) = prepare_sqlite("sqlite:x.db?mode=ro").unwrap();
        assert_eq!(prepared, "sqlite:x.db?mode=ro");
    }
}
