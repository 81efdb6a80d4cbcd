//! Persistence: guild settings, tickets and their timelines, the Discord
//! steps their changes need (the outbox), L0 exchanges, transcripts, timers
//! and idempotency keys, in SQLite (default) or
//! PostgreSQL (several processes), through one `sqlx::AnyPool`.
//!
//! Callers see domain types only (`Ticket`, `GuildSettings`, …), never rows.
//! The domain decides, the store persists:
//!
//! ```no_run
//! # async fn demo(store: supportline::store::Store, id: supportline::tickets::TicketId,
//! #               lena: supportline::tickets::Actor) -> anyhow::Result<()> {
//! use supportline::store::TransitionError;
//! use supportline::tickets;
//! let now = chrono::Utc::now();
//! match store.transition(id, |t| tickets::claim(t, &lena, now)).await {
//!     Ok(change) => { /* update the card: change.after */ }
//!     Err(TransitionError::Refused(why)) => { /* tell lena `why`, ephemerally */ }
//!     Err(other) => return Err(other.into()),
//! }
//! # Ok(()) }
//! ```
//!
//! Concurrency (design.md "Scale"): every change to a ticket is one
//! conditional `UPDATE … WHERE id = ? AND version = ?` checked by rows
//! affected, in a transaction with its events and timers; opening locks the
//! user's `user_openings` row so the limit and cooldown hold across
//! processes; timers are taken with a conditional update. No locks in
//! memory anywhere, so any number of processes may share one PostgreSQL.

mod apply;
mod blocks;
mod connect;
mod convert;
mod counts;
mod effects;
mod error;
mod idempotency;
mod intake;
mod l0;
mod l0_writes;
mod migrate;
mod open;
mod read;
mod repeats;
mod service;
mod settings;
mod settings_cache;
mod stats;
mod timers;
mod topic_stats;
mod transcripts;

pub use apply::{ApplyOutcome, Change, MAX_TRANSITION_ATTEMPTS};
pub use connect::{Backend, Store};
pub use counts::{Backlog, TicketCount};
pub use effects::{EffectStatus, Progress, StoredEffect, EFFECT_LEASE_SECS};
pub use error::{StoreError, TransitionError};
pub use intake::IntakeDraft;
pub use l0::{L0Click, L0Exchange, NewL0Exchange};
pub use open::{OpenOutcome, OPEN_KEY_PREFIX};
pub use read::{StoredEvent, QUEUE_LIMIT};
pub use repeats::Repeats;
pub use settings_cache::TTL as SETTINGS_TTL;
pub use stats::{L0Stats, Stats};
pub use timers::{NewTimer, Timer, TimerSubject, TIMER_LEASE_SECS};
pub use topic_stats::TopicCount;
