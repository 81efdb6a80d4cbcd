//! The Discord side of the bot (serenity through poise): commands, buttons,
//! modals and gateway events, turned into domain decisions (`tickets`),
//! persisted by the `store`, and rendered back as messages in the user's
//! language (`i18n`).
//!
//! - [`app`]: the framework, the shared [`Data`](app::Data), start and stop;
//! - `commands/`: one file per group of slash commands;
//! - [`components`]: buttons and modals (their custom ids in [`ids`]);
//! - [`events`]: plain messages, staff replies, deleted threads;
//! - `flows/`: what several entry points share (opening a ticket, moving a
//!   case between levels, closing);
//! - `render/`: embeds, buttons and texts;
//! - [`effects`]: the outbox's Discord steps, run after each commit and
//!   retried until done or refused for good;
//! - [`scheduler`]: timers from the database (auto-close, SLA reminders)
//!   and the outbox's retries;
//! - [`reconcile`]: at start-up and now and again, Discord brought in line
//!   with the database (threads gone, cases out of place, stale cards).

mod actor;
pub mod app;
mod blocking;
mod channel_gone;
mod clock;
mod commands;
mod components;
pub mod content;
mod effects;
mod error;
mod events;
mod find;
mod flows;
mod framework_errors;
pub mod health;
mod ids;
mod localize;
mod mentions;
pub mod metered;
mod quick;
mod reconcile;
mod render;
mod reply;
mod retry;
mod said;
mod scheduler;

pub use app::{intents, start, RunningBot, Services};
pub use clock::Clock;
pub use error::BotError;
pub use ids::ComponentId;
