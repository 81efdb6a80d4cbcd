//! The gateway websocket: HELLO, IDENTIFY → READY and GUILD_CREATE,
//! heartbeats, RESUME with replay by sequence number, INVALID_SESSION and
//! RECONNECT, and dispatches filtered by intents.

pub mod connection;
pub mod hub;
mod protocol;

pub use protocol::HEARTBEAT_INTERVAL_MS;
