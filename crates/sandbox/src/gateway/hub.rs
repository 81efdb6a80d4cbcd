//! Gateway sessions and connections: sequence numbers, the buffer RESUME
//! replays from, and which session gets which event (shard, intents).

use std::collections::{BTreeMap, HashMap, VecDeque};

use serde_json::Value;
use tokio::sync::mpsc::UnboundedSender;

use crate::ids::Snowflake;
use crate::wire::gateway::{FrameOut, OP_DISPATCH};

/// Gateway intents the sandbox looks at.
pub mod intents {
    pub const GUILDS: u64 = 1 << 0;
    pub const GUILD_MEMBERS: u64 = 1 << 1;
    pub const GUILD_PRESENCES: u64 = 1 << 8;
    pub const GUILD_MESSAGES: u64 = 1 << 9;
    pub const MESSAGE_CONTENT: u64 = 1 << 15;
    /// The intents Discord makes bots apply for.
    pub const PRIVILEGED: u64 = GUILD_MEMBERS | GUILD_PRESENCES | MESSAGE_CONTENT;
}

/// What a connection's writer task should do next.
#[derive(Debug)]
pub enum Outbound {
    Text(String),
    /// Send a close frame with this code, then end.
    Close(u16, String),
    /// End the TCP connection without a close frame (a network drop).
    Drop,
}

/// An event for the bot's sessions.
#[derive(Clone, Debug)]
pub struct Dispatch {
    pub name: &'static str,
    pub guild_id: Option<Snowflake>,
    /// Any of these intents makes a session receive it; 0 means always.
    pub intents: u64,
    pub data: Value,
    /// What a session without MESSAGE_CONTENT receives instead, if different.
    pub data_without_content: Option<Value>,
}

/// One event as it went out, for inspection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Delivered {
    pub session: String,
    pub seq: u64,
    pub name: String,
}

struct Connection {
    tx: UnboundedSender<Outbound>,
    session: Option<String>,
}

struct Session {
    shard: [u32; 2],
    intents: u64,
    seq: u64,
    /// Sent frames by sequence number, for RESUME.
    buffer: VecDeque<(u64, String)>,
    connection: Option<u64>,
}

/// Why a RESUME was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum ResumeRefused {
    UnknownSession,
    /// The requested sequence number is older than the buffer.
    TooOld,
}

const BUFFER_CAP: usize = 20_000;
const LOG_CAP: usize = 20_000;

#[derive(Default)]
pub struct GatewayHub {
    connections: HashMap<u64, Connection>,
    sessions: HashMap<String, Session>,
    next_connection: u64,
    log: VecDeque<Delivered>,
    /// The last event of each name, for replaying it.
    last: HashMap<&'static str, Dispatch>,
    /// How many READY/RESUMED handshakes completed, to wait on.
    pub handshakes: u64,
    /// Events of each guild sent to each shard (`[shard_id, num_shards]`):
    /// which session serves which guild, to check routing under load.
    routed: BTreeMap<(Snowflake, [u32; 2]), u64>,
}

impl GatewayHub {
    pub fn connect(&mut self, tx: UnboundedSender<Outbound>) -> u64 {
        self.next_connection += 1;
        let id = self.next_connection;
        self.connections
            .insert(id, Connection { tx, session: None });
        id
    }

    /// The connection ended: its session stays, detached, for a RESUME.
    pub fn disconnect(&mut self, connection: u64) {
        if let Some(conn) = self.connections.remove(&connection) {
            if let Some(session) = conn.session.and_then(|s| self.sessions.get_mut(&s)) {
                if session.connection == Some(connection) {
                    session.connection = None;
                }
            }
        }
    }

    pub fn session_of(&self, connection: u64) -> Option<&str> {
        self.connections
            .get(&connection)
            .and_then(|c| c.session.as_deref())
    }

    pub fn send(&self, connection: u64, message: Outbound) {
        if let Some(conn) = self.connections.get(&connection) {
            // A closed writer means the connection is going away anyway.
            let _ = conn.tx.send(message);
        }
    }

    /// Opens a session for an identified connection. Detached sessions of
    /// the same shard are dropped: the process that owned them restarted.
    pub fn open_session(&mut self, connection: u64, id: String, shard: [u32; 2], intents: u64) {
        self.sessions
            .retain(|_, s| s.connection.is_some() || s.shard != shard);
        self.sessions.insert(
            id.clone(),
            Session {
                shard,
                intents,
                seq: 0,
                buffer: VecDeque::new(),
                connection: Some(connection),
            },
        );
        if let Some(conn) = self.connections.get_mut(&connection) {
            conn.session = Some(id);
        }
    }

    /// Attaches a connection to an existing session and replays every event
    /// after `seq`.
    pub fn resume(
        &mut self,
        connection: u64,
        session_id: &str,
        seq: u64,
    ) -> Result<(), ResumeRefused> {
        let session = self
            .sessions
            .get_mut(session_id)
            .ok_or(ResumeRefused::UnknownSession)?;
        let oldest = session
            .buffer
            .front()
            .map(|(s, _)| *s)
            .unwrap_or(session.seq + 1);
        if seq + 1 < oldest && seq < session.seq {
            return Err(ResumeRefused::TooOld);
        }
        if let Some(old) = session.connection.replace(connection) {
            if let Some(conn) = self.connections.get_mut(&old) {
                conn.session = None;
            }
        }
        let replay: Vec<String> = session
            .buffer
            .iter()
            .filter(|(s, _)| *s > seq)
            .map(|(_, text)| text.clone())
            .collect();
        if let Some(conn) = self.connections.get_mut(&connection) {
            conn.session = Some(session_id.to_string());
            for text in replay {
                let _ = conn.tx.send(Outbound::Text(text));
            }
        }
        Ok(())
    }

    pub fn session_intents(&self, session_id: &str) -> u64 {
        self.sessions.get(session_id).map_or(0, |s| s.intents)
    }

    /// Sends one dispatch to one session, numbering and buffering it.
    pub fn send_to_session(&mut self, session_id: &str, name: &'static str, data: &Value) {
        let Some(session) = self.sessions.get_mut(session_id) else {
            return;
        };
        session.seq += 1;
        let seq = session.seq;
        let frame = FrameOut {
            op: OP_DISPATCH,
            d: data,
            s: Some(seq),
            t: Some(name),
        };
        let text = match serde_json::to_string(&frame) {
            Ok(text) => text,
            Err(error) => {
                tracing::error!(%error, event = name, "could not serialise a dispatch");
                return;
            }
        };
        session.buffer.push_back((seq, text.clone()));
        if session.buffer.len() > BUFFER_CAP {
            session.buffer.pop_front();
        }
        if let Some(conn) = session.connection.and_then(|c| self.connections.get(&c)) {
            let _ = conn.tx.send(Outbound::Text(text));
        }
        self.log.push_back(Delivered {
            session: session_id.to_string(),
            seq,
            name: name.to_string(),
        });
        if self.log.len() > LOG_CAP {
            self.log.pop_front();
        }
    }

    /// Sends an event to every session whose shard holds the guild and
    /// whose intents ask for it; an event of no guild goes to shard 0 only
    /// (gateway.mdx, Sharding).
    pub fn dispatch(&mut self, event: Dispatch) {
        self.last.insert(event.name, event.clone());
        let targets: Vec<(String, bool, [u32; 2])> = self
            .sessions
            .iter()
            .filter(|(_, s)| event.intents == 0 || s.intents & event.intents != 0)
            .filter(|(_, s)| match event.guild_id {
                Some(g) => shard_holds(s.shard, g),
                None => s.shard[0] == 0,
            })
            .map(|(id, s)| {
                let content = s.intents & intents::MESSAGE_CONTENT != 0;
                (id.clone(), content, s.shard)
            })
            .collect();
        for (session, with_content, shard) in targets {
            if let Some(guild) = event.guild_id {
                *self.routed.entry((guild, shard)).or_default() += 1;
            }
            let data = match (&event.data_without_content, with_content) {
                (Some(stripped), false) => stripped,
                _ => &event.data,
            };
            self.send_to_session(&session, event.name, data);
        }
    }

    /// Sends the last event called `name` again, as Discord sometimes does
    /// (a new sequence number, the same payload). False if there was none.
    pub fn replay(&mut self, name: &str) -> bool {
        let Some(event) = self.last.get(name).cloned() else {
            return false;
        };
        self.dispatch(event);
        true
    }

    /// Sessions with a live connection.
    pub fn live_sessions(&self) -> usize {
        self.sessions
            .values()
            .filter(|s| s.connection.is_some())
            .count()
    }

    pub fn connection_ids(&self) -> Vec<u64> {
        self.connections.keys().copied().collect()
    }

    /// Every connection, identified or not.
    pub fn broadcast(&self, make: impl Fn() -> Outbound) {
        for conn in self.connections.values() {
            let _ = conn.tx.send(make());
        }
    }

    /// Events sent so far (the most recent 20,000).
    pub fn delivered(&self) -> Vec<Delivered> {
        self.log.iter().cloned().collect()
    }

    /// Forgets a session so that it cannot be resumed.
    pub fn invalidate(&mut self, session_id: &str) {
        self.sessions.remove(session_id);
    }

    pub fn session_ids(&self) -> Vec<String> {
        self.sessions.keys().cloned().collect()
    }

    /// The `[shard_id, num_shards]` of every session with a live connection.
    pub fn live_shards(&self) -> Vec<[u32; 2]> {
        let mut shards: Vec<[u32; 2]> = self
            .sessions
            .values()
            .filter(|s| s.connection.is_some())
            .map(|s| s.shard)
            .collect();
        shards.sort_unstable();
        shards
    }

    /// How many events of each guild went to each shard so far.
    pub fn routed(&self) -> BTreeMap<(Snowflake, [u32; 2]), u64> {
        self.routed.clone()
    }
}

/// Discord's shard formula: `(guild_id >> 22) % num_shards == shard_id`.
pub fn shard_holds(shard: [u32; 2], guild: Snowflake) -> bool {
    let total = u64::from(shard[1].max(1));
    (guild.0 >> 22) % total == u64::from(shard[0])
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::sync::mpsc;

    fn texts(rx: &mut mpsc::UnboundedReceiver<Outbound>) -> Vec<String> {
        let mut out = Vec::new();
        while let Ok(Outbound::Text(t)) = rx.try_recv() {
            out.push(t);
        }
        out
    }

    fn event(name: &'static str) -> Dispatch {
        Dispatch {
            name,
            guild_id: None,
            intents: 0,
            data: serde_json::json!({}),
            data_without_content: None,
        }
    }

    #[test]
    fn a_resumed_session_gets_what_it_missed_and_nothing_twice() {
        let mut hub = GatewayHub::default();
        let (tx, mut rx) = mpsc::unbounded_channel();
        let first = hub.connect(tx);
        hub.open_session(first, "s".into(), [0, 1], 0);
        hub.dispatch(event("ONE"));
        assert_eq!(texts(&mut rx).len(), 1);
        hub.disconnect(first);
        hub.dispatch(event("TWO"));
        hub.dispatch(event("THREE"));

        let (tx, mut rx) = mpsc::unbounded_channel();
        let second = hub.connect(tx);
        hub.resume(second, "s", 1).unwrap();
        let replayed = texts(&mut rx);
        assert_eq!(replayed.len(), 2);
        assert!(replayed[0].contains("\"TWO\"") && replayed[1].contains("\"THREE\""));
    }

    #[test]
    fn an_unknown_session_cannot_resume() {
        let mut hub = GatewayHub::default();
        let (tx, _rx) = mpsc::unbounded_channel();
        let conn = hub.connect(tx);
        assert_eq!(
            hub.resume(conn, "nope", 0),
            Err(ResumeRefused::UnknownSession)
        );
    }

    #[test]
    fn a_guild_lives_on_the_shard_discord_computes() {
        let guild = Snowflake(5 << 22);
        assert!(shard_holds([1, 2], guild));
        assert!(!shard_holds([0, 2], guild));
        assert!(shard_holds([0, 1], guild));
    }

    #[test]
    fn a_guilds_events_reach_only_its_shard_and_the_rest_only_shard_0() {
        let mut hub = GatewayHub::default();
        let (tx0, mut rx0) = mpsc::unbounded_channel();
        let (tx1, mut rx1) = mpsc::unbounded_channel();
        let (c0, c1) = (hub.connect(tx0), hub.connect(tx1));
        hub.open_session(c0, "zero".into(), [0, 2], 0);
        hub.open_session(c1, "one".into(), [1, 2], 0);
        let mut of_guild = event("MESSAGE_CREATE");
        of_guild.guild_id = Some(Snowflake(5 << 22));
        hub.dispatch(of_guild);
        hub.dispatch(event("USER_UPDATE"));
        assert_eq!(texts(&mut rx1).len(), 1, "guild 5 is shard 1's");
        let zero = texts(&mut rx0);
        assert_eq!(zero.len(), 1);
        assert!(zero[0].contains("USER_UPDATE"), "{zero:?}");
        assert_eq!(
            hub.routed().into_iter().collect::<Vec<_>>(),
            vec![((Snowflake(5 << 22), [1, 2]), 1)]
        );
    }

    #[test]
    fn events_go_only_to_sessions_with_a_matching_intent() {
        let mut hub = GatewayHub::default();
        let (tx, mut rx) = mpsc::unbounded_channel();
        let conn = hub.connect(tx);
        hub.open_session(conn, "s".into(), [0, 1], intents::GUILDS);
        let mut message = event("MESSAGE_CREATE");
        message.intents = intents::GUILD_MESSAGES;
        hub.dispatch(message);
        assert!(texts(&mut rx).is_empty());
    }
}
