//! The control door of a served sandbox: `POST /sandbox/control` lets a
//! program outside the process act as a person and look at the server
//! while a separate bot process is connected, and `POST /sandbox/console`
//! hands a console line to whoever started the sandbox (the console lives
//! in the bot's crate; the sandbox only carries the line).
//!
//! A request is one JSON object naming what to do in `do`:
//!
//! ```text
//! {"do":"say","who":"alice","channel":"help","text":"hi"}
//! {"do":"slash","who":"alice","channel":"help","command":"ask","options":{"question":"…"}}
//! {"do":"click","who":"lena","label":"Claim","channel":"l1-desk"}   (newest message with it)
//! {"do":"click","who":"lena","label":"Claim","message":123}
//! {"do":"fill","who":"mark","values":{"reason":"…"}}                (the modal last shown)
//! {"do":"look","who":"alice","recent":3}                            what alice sees
//! {"do":"channels"}   {"do":"messages","channel":"l1-desk"}         God's view
//! {"do":"sightings","since":0}   {"do":"settled"}   {"do":"status"}
//! {"do":"faults","random":{"rate":0.05,"seed":7}}   {"do":"faults","clear":true}
//! ```
//!
//! A channel is a name (`help`, `#help`) or an id. The answer is the
//! driver's view of the result as JSON; a refusal is `{"error": …,
//! "kind": …}` with status 422 (`kind` is `no_response` when the bot did
//! not answer within 3 s, which a person sees as "This interaction failed").
//! The door is not part of Discord's API: it is neither recorded nor
//! faulted.

mod door;

use std::sync::Arc;

use axum::routing::post;
use axum::Router;
use serde::{Deserialize, Serialize};
use tokio::sync::{mpsc, oneshot};

use crate::faults::{FaultCounts, RandomFaults};
use crate::shared::Shared;

/// Where the door is served.
pub const CONTROL_PATH: &str = "/sandbox/control";
/// Where console lines are handed over.
pub const CONSOLE_PATH: &str = "/sandbox/console";

/// One request to the control door.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(tag = "do", rename_all = "snake_case")]
pub enum Control {
    /// A person posts a message.
    Say {
        who: String,
        channel: ChannelKey,
        text: String,
    },
    /// A person runs a slash command (`ask`, `ticket open`); option values
    /// are JSON strings, numbers or booleans, read by the registered types.
    Slash {
        who: String,
        channel: ChannelKey,
        command: String,
        #[serde(default)]
        options: serde_json::Map<String, serde_json::Value>,
    },
    /// A person clicks a button: on `message`, or on the newest message
    /// they see (in `channel`, if given) with an enabled button of that
    /// label (in any case).
    Click {
        who: String,
        label: String,
        #[serde(default)]
        message: Option<u64>,
        #[serde(default)]
        channel: Option<ChannelKey>,
    },
    /// A person fills the modal last shown to them (fields by id or label).
    Fill {
        who: String,
        values: serde_json::Map<String, serde_json::Value>,
    },
    /// What a person sees: every channel with its last `recent` messages.
    Look {
        who: String,
        #[serde(default = "three")]
        recent: usize,
    },
    /// Every channel and thread (God's view).
    Channels,
    /// Every message of a channel, ephemeral ones included (God's view).
    Messages { channel: ChannelKey },
    /// What each person saw since `since` (a cursor from an earlier answer).
    Sightings {
        #[serde(default)]
        since: u64,
    },
    /// Waits until the bot has settled (nothing in flight, nothing pending).
    Settled,
    /// Counters: REST calls, faults injected, gateway handshakes.
    Status,
    /// Random REST faults from a seed, or clearing every fault.
    Faults {
        #[serde(default)]
        random: Option<RandomFaults>,
        #[serde(default)]
        clear: bool,
    },
}

fn three() -> usize {
    3
}

/// A channel or thread by name or id.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(untagged)]
pub enum ChannelKey {
    Id(u64),
    Name(String),
}

/// The answer to `status`.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
pub struct Status {
    /// REST calls recorded so far.
    pub rest_calls: usize,
    pub faults: FaultCounts,
    /// READY and RESUMED handshakes completed so far.
    pub handshakes: u64,
    /// Gateway sessions connected now.
    pub live_sessions: usize,
    /// Slash commands registered (for the server, global ones included).
    pub commands: usize,
    /// The change feed's cursor now.
    pub cursor: u64,
    /// The served server's id.
    pub guild_id: u64,
}

/// A console line handed to whoever opened the console door.
#[derive(Debug)]
pub struct ConsoleCall {
    /// Which console session (each keeps its own memory of what was shown).
    pub session: String,
    /// The line's number in the caller's session (from 1).
    pub number: usize,
    pub line: String,
    /// The answer, as JSON, sent back to the caller.
    pub reply: oneshot::Sender<serde_json::Value>,
}

/// The body of `POST /sandbox/console`.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct ConsoleLine {
    #[serde(default)]
    pub session: String,
    #[serde(default)]
    pub number: usize,
    pub line: String,
}

/// Where console lines go, once someone opened the door.
pub(crate) type ConsoleDoor = std::sync::Mutex<Option<mpsc::Sender<ConsoleCall>>>;

pub(crate) fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route(CONTROL_PATH, post(door::control))
        .route(CONSOLE_PATH, post(door::console))
}
