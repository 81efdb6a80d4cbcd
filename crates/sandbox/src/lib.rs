//! An imitation of Discord for tests, demos and benchmarks: REST under
//! `/api/v10` and a gateway websocket on one local port, with guilds,
//! roles, members, channels, private and public threads, permission
//! checks, messages, commands, buttons and modals. The real serenity
//! client connects to it unchanged. Imports nothing else from the crate.
//!
//! ```no_run
//! # async fn example() -> Result<(), Box<dyn std::error::Error>> {
//! use supportline_sandbox::{Sandbox, ServerSpec};
//! use serenity::all::GatewayIntents;
//!
//! let spec = ServerSpec::parse("server Acme\nchannel help\nmember alice")?;
//! let sandbox = Sandbox::start_local(spec).await?;
//! // The bot connects exactly as to Discord (add `.framework(…)` for poise):
//! let mut client = sandbox
//!     .client_builder(GatewayIntents::non_privileged())
//!     .await?;
//! tokio::spawn(async move { client.start().await });
//! sandbox.bot_connected().await?;
//!
//! let alice = sandbox.person("alice")?;
//! let help = sandbox.channel("help")?;
//! alice.say(&help, "hello").await?;
//! let reply = alice.sees_in(&help, |m| m.author == "supportline").await?;
//! # let _ = reply;
//! # Ok(())
//! # }
//! ```
//!
//! # Connecting serenity
//!
//! [`Sandbox::http_for_bot`] is `HttpBuilder::new(token).client(…)` with
//! serenity's ratelimiter on, as against Discord: the ratelimiter ignores
//! `HttpBuilder::proxy` and always calls `https://discord.com`, so the
//! sandbox serves its API there too (TLS with a CA of its own, made per process, see
//! [`tls`]) and the client resolves `discord.com` to it. Every answer
//! carries `X-RateLimit-*` headers from real buckets ([`RateLimits`]);
//! [`Sandbox::http_without_ratelimiter`] sees every 429 as an error
//! instead. `GET /api/v10/gateway` answers
//! `ws://127.0.0.1:PORT`; serenity appends `?v=10`. A separate bot process
//! uses `DISCORD_API_BASE=http://ADDR` and the token of
//! [`SandboxOptions::token`].
//!
//! Start-up (sandbox, serenity, READY and GUILD_CREATE) takes a few
//! milliseconds. Serenity's fixed waits, worth knowing so that tests do not
//! pay them:
//!
//! - `ShardQueuer` waits 5 s between two IDENTIFYs of one shard manager
//!   (`WAIT_BETWEEN_BOOTS_IN_SECONDS`), and a runner that restarts itself
//!   waits up to 5 s for its own shutdown (`ShardManager::shutdown`'s
//!   timeout). So anything that makes serenity identify again (INVALID_SESSION
//!   not resumable, a dead session) costs 5–10 s. Drops, RECONNECT and
//!   resumable INVALID_SESSION resume at once: the sandbox keeps sessions
//!   and replays what was missed by sequence number.
//! - A failed resume sleeps 1 s, then re-identifies (above).
//! - The shard runner reads the socket with a 500 ms timeout, so messages
//!   *to* a shard (shutdown, presence) wait up to 500 ms; stop a test bot by
//!   aborting its task rather than `shutdown_all`.
//! - A fresh process (a bot restart against a running sandbox) identifies
//!   at once: the 5 s wait is per shard manager.
//!
//! With its cache, serenity checks permissions itself before some requests
//! (e.g. `ChannelId::send_message(ctx, …)` returns
//! `ModelError::InvalidPermissions` without a request); through bare `Http`
//! the request goes out and the sandbox answers 403 / 50013.
//!
//! # Fidelity
//!
//! Every REST exchange is recorded ([`Sandbox::exchanges`]). The test
//! support file `tests/support/openapi.rs` checks request and response
//! bodies against `../shared/discord/openapi.json`; every sandbox test ends
//! with that check. Where openapi.json and Discord's documentation disagree
//! (string error codes in `errors`, permission strings), the check follows
//! the documentation and says so. Payload structs in [`wire`] carry the
//! fields serenity 0.12.5 requires (`colors` on roles,
//! `attachment_size_limit`, `entitlements` and `version` on interactions…).
//!
//! # Discord rules imitated
//!
//! Permissions as documented (base, overwrites, implicit denials, threads
//! inheriting their parent, private threads for members and
//! MANAGE_THREADS); 404 10003/10008, 403 50001 (cannot see) and 50013
//! (lacks a permission), 400 50035 with the field tree, 50006, 40060, 10062
//! after 3 s, 50083/160005 for archived/locked threads, 429 for a third
//! rename in 10 minutes, 160006 beyond 1,000 active threads, 40005 for a
//! file over 10 MiB; message limits (2,000 / 4,096 / 25 fields / 6,000 / 5
//! rows); allowed mentions (users only by default in interaction and
//! webhook messages) and MENTION_EVERYONE deciding who is pinged, edits
//! never notifying; MESSAGE_CONTENT emptying content on the gateway and,
//! when not granted, over REST; a privileged intent not granted closing
//! with 4014; several guilds ([`Sandbox::start_guilds`]) on shards by
//! `(guild_id >> 22) % shards`, events of no guild on shard 0, 4010 for a
//! shard outside its count; threads archiving
//! themselves after their `auto_archive_duration` on a clock tests move
//! ([`Sandbox::advance_clock`]); signed attachment links that expire;
//! buttons greyed out in locked and archived threads. Each rule, where
//! Discord documents it and the test pinning it: docs/discord-fidelity.md.

pub mod control;
pub mod driver;
pub mod error;
pub mod faults;
pub mod gateway;
pub mod ids;
pub mod limits;
pub mod record;
pub mod rest;
pub mod spec;
pub mod state;
pub mod wire;

mod inspect;
mod server;
mod shared;
pub mod tls;

pub use control::{ChannelKey, ConsoleCall, ConsoleLine, Control, Status};
pub use driver::{
    ButtonView, ChannelInfo, ChannelRef, DriverError, EmbedView, MessageView, ModalView, Opt,
    Person, PersonView, Response, ResponseKind, Sighting,
};
pub use error::ApiError;
pub use faults::{Failure, FaultControl, FaultCounts, FaultError, RandomFaults};
pub use limits::{Quota, RateLimits};
pub use record::{Exchange, Recorder};
pub use server::{Sandbox, SandboxError, SandboxOptions};
pub use spec::{BotSpec, ServerSpec, SpecError, Target};
pub use state::permissions::Permissions;
