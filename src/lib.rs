//! supportline: a Discord support bot that answers first from a Markdown
//! knowledge base (L0) and runs a ticket ladder from the help desk (L1) up to
//! product engineers (L4).
//!
//! Layout (arrows point at what a part may use), see `../shared/design.md`:
//! `bot` → `tickets`, `knowledge`, `store`, `i18n`; `store` → `tickets`;
//! `insight` → `store`, `tickets`, `knowledge`, `i18n`; `tickets` and
//! `knowledge` stand alone; `sandbox` stands alone.

pub mod bot;
pub mod cli;
pub mod config;
pub mod demo;
pub mod i18n;
pub mod insight;
pub mod knowledge;
pub mod sandbox;
pub mod store;
pub mod tickets;
