//! Store tests: every test runs on a fresh SQLite file, and also on a fresh
//! PostgreSQL database when `SUPPORTLINE_TEST_POSTGRES_URL` is set (e.g.
//! `postgres://postgres@127.0.0.1:5432/test`; the user must be allowed to
//! create databases). One test binary, so it links once.

#![allow(clippy::unwrap_used)] // tests may unwrap

mod common;

mod concurrency;
mod effects;
mod intake;
mod lifecycle;
mod opening;
mod records;
mod service;
mod shards;
mod stats;
mod timers;
