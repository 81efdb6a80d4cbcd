//! Persistence (sqlx): see the submodules.
