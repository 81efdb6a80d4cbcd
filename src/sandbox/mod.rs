//! An imitation of Discord for tests, demos and benchmarks: REST under
//! `/api/v10` and a gateway websocket on one local port, with guilds,
//! roles, members, channels, private and public threads, permission
//! checks, messages, commands, buttons and modals. The real serenity
//! client connects to it unchanged. Imports nothing else from the crate.
//!
//! ```no_run
//! # async fn example() -> Result<(), Box<dyn std::error::Error>> {
//! use supportline::sandbox::{Sandbox, ServerSpec};
//! use serenity::all::GatewayIntents;
//!
//! let spec = ServerSpec::parse("server Acme\nchannel help\nmember alice")?;
//! let sandbox = Sandbox::start_local(spec).await?;
//! // The bot connects exactly as to Discord:
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

pub mod driver;
pub mod error;
pub mod faults;
pub mod gateway;
pub mod ids;
pub mod record;
pub mod rest;
pub mod spec;
pub mod state;
pub mod wire;

mod inspect;
mod server;
mod shared;

pub use driver::{
    ButtonView, ChannelInfo, ChannelRef, DriverError, EmbedView, MessageView, ModalView, Opt,
    Person, PersonView, Response, ResponseKind, Sighting,
};
pub use error::ApiError;
pub use faults::{Failure, FaultControl, FaultError};
pub use record::{Exchange, Recorder};
pub use server::{Sandbox, SandboxError, SandboxOptions};
pub use spec::{ServerSpec, SpecError, Target};
pub use state::permissions::Permissions;
