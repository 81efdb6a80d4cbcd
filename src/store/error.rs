//! What went wrong in the store, with what we were doing. Nothing here is
//! for users' eyes: the bot logs it and says something generic.

use std::path::PathBuf;

use crate::tickets::{Refusal, TicketId};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("DATABASE_URL {url:?} is not supported: use sqlite:… or postgres://…")]
    UnsupportedUrl { url: String },
    #[error("creating the folder {path} for the SQLite database")]
    CreateFolder {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("migrating the database")]
    Migrate(#[source] sqlx::migrate::MigrateError),
    #[error("{doing}")]
    Database {
        doing: String,
        #[source]
        source: sqlx::Error,
    },
    /// A stored value the domain does not accept (a level of 7, an unknown
    /// status): a bug or a hand-edited database.
    #[error("{doing}: stored data is invalid: {detail}")]
    Corrupt { doing: String, detail: String },
    /// A write whose outcome this caller cannot know (the task writing it
    /// was stopped half-way).
    #[error("{doing}: {detail}")]
    Unfinished { doing: String, detail: String },
}

/// Why a row could not become a domain value.
#[derive(Debug)]
pub(crate) struct Bad(pub String);

impl From<sqlx::Error> for Bad {
    fn from(e: sqlx::Error) -> Self {
        Bad(e.to_string())
    }
}

impl From<serde_json::Error> for Bad {
    fn from(e: serde_json::Error) -> Self {
        Bad(format!("bad JSON: {e}"))
    }
}

/// `.doing("loading ticket")` on database results.
pub(crate) trait Doing<T> {
    fn doing(self, what: &str) -> Result<T, StoreError>;
}

impl<T> Doing<T> for Result<T, sqlx::Error> {
    fn doing(self, what: &str) -> Result<T, StoreError> {
        self.map_err(|source| StoreError::Database {
            doing: what.to_owned(),
            source,
        })
    }
}

impl<T> Doing<T> for Result<T, Bad> {
    fn doing(self, what: &str) -> Result<T, StoreError> {
        self.map_err(|Bad(detail)| StoreError::Corrupt {
            doing: what.to_owned(),
            detail,
        })
    }
}

/// Why [`Store::transition`](super::Store::transition) changed nothing.
#[derive(Debug, thiserror::Error)]
pub enum TransitionError {
    #[error("ticket {0} does not exist")]
    NotFound(TicketId),
    /// The domain said no; tell the person.
    #[error(transparent)]
    Refused(Refusal),
    /// The ticket changed under us on every attempt (heavy contention).
    #[error("ticket {0} kept changing; gave up")]
    Busy(TicketId),
    #[error(transparent)]
    Store(#[from] StoreError),
}
