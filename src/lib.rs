//! supportline: a Discord support bot that answers first from a Markdown
//! knowledge base (L0) and runs a ticket ladder from the help desk (L1) up to
//! product engineers (L4).
//!
//! Layout (arrows point at what a part may use), see `../shared/design.md`:
//! `bot` → `tickets`, `knowledge`, `store`, `i18n`; `store` → `tickets`;
//! `insight` → `store`, `tickets`, `knowledge`, `i18n`; `i18n` → `tickets`
//! (its `Locale`); `tickets` stands alone. The knowledge engine and the
//! Discord sandbox are crates of their own (`crates/knowledge`,
//! `crates/sandbox`) that cannot see this one; `demo` wires the sandbox to
//! the bot and exists only with the `sandbox` feature.

pub mod bot;
pub mod cli;
pub mod config;
#[cfg(feature = "sandbox")]
pub mod demo;
pub mod i18n;
pub mod insight;
pub mod store;
pub mod telemetry;
pub mod tickets;

/// L0, the knowledge engine (the `supportline-knowledge` crate).
pub use supportline_knowledge as knowledge;
/// The Discord imitation (the `supportline-sandbox` crate).
#[cfg(feature = "sandbox")]
pub use supportline_sandbox as sandbox;
