//! Gateway frames: what the client sends and the envelopes and payloads the
//! sandbox sends back.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::user::CurrentUserOut;
use crate::ids::Snowflake;

pub const OP_DISPATCH: u8 = 0;
pub const OP_HEARTBEAT: u8 = 1;
pub const OP_IDENTIFY: u8 = 2;
pub const OP_PRESENCE_UPDATE: u8 = 3;
pub const OP_VOICE_STATE_UPDATE: u8 = 4;
pub const OP_RESUME: u8 = 6;
pub const OP_RECONNECT: u8 = 7;
pub const OP_REQUEST_GUILD_MEMBERS: u8 = 8;
pub const OP_INVALID_SESSION: u8 = 9;
pub const OP_HELLO: u8 = 10;
pub const OP_HEARTBEAT_ACK: u8 = 11;
pub const OP_REQUEST_SOUNDBOARD_SOUNDS: u8 = 31;

/// Close codes the sandbox uses.
pub const CLOSE_UNKNOWN_ERROR: u16 = 4000;
pub const CLOSE_UNKNOWN_OPCODE: u16 = 4001;
pub const CLOSE_DECODE_ERROR: u16 = 4002;
pub const CLOSE_NOT_AUTHENTICATED: u16 = 4003;
pub const CLOSE_AUTHENTICATION_FAILED: u16 = 4004;
pub const CLOSE_ALREADY_AUTHENTICATED: u16 = 4005;
pub const CLOSE_INVALID_SHARD: u16 = 4010;
pub const CLOSE_DISALLOWED_INTENTS: u16 = 4014;

/// Any frame the sandbox sends: `s` and `t` are null except on dispatches.
#[derive(Debug, Serialize)]
pub struct FrameOut<'a, T: Serialize> {
    pub op: u8,
    pub d: &'a T,
    pub s: Option<u64>,
    pub t: Option<&'a str>,
}

/// Any frame the client sends; `d` is read per `op`.
#[derive(Debug, Deserialize)]
pub struct FrameIn {
    pub op: u8,
    #[serde(default)]
    pub d: Value,
}

#[derive(Debug, Serialize)]
pub struct HelloOut {
    pub heartbeat_interval: u64,
}

#[derive(Debug, Deserialize)]
pub struct IdentifyIn {
    pub token: String,
    pub intents: u64,
    #[serde(default)]
    pub shard: Option<[u32; 2]>,
    #[serde(default)]
    pub properties: Value,
    #[serde(default)]
    pub compress: Option<bool>,
    #[serde(default)]
    pub large_threshold: Option<u32>,
    #[serde(default)]
    pub presence: Option<Value>,
}

#[derive(Debug, Deserialize)]
pub struct ResumeIn {
    pub token: String,
    pub session_id: String,
    pub seq: u64,
}

#[derive(Debug, Serialize)]
pub struct ReadyOut {
    pub v: u8,
    pub user: CurrentUserOut,
    pub guilds: Vec<UnavailableGuildOut>,
    pub session_id: String,
    pub session_type: String,
    pub resume_gateway_url: String,
    pub shard: [u32; 2],
    pub application: ReadyApplicationOut,
    pub private_channels: Vec<Value>,
    pub relationships: Vec<Value>,
    pub guild_join_requests: Vec<Value>,
    pub geo_ordered_rtc_regions: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct UnavailableGuildOut {
    pub id: Snowflake,
    pub unavailable: bool,
}

#[derive(Debug, Serialize)]
pub struct ReadyApplicationOut {
    pub id: Snowflake,
    pub flags: u64,
}

/// The empty payload of RESUMED.
#[derive(Debug, Serialize)]
pub struct ResumedOut {}
