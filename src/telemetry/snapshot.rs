//! What a scrape or a health check reads from the running bot: its gateway
//! shards and its database. The bot fills these in ([`Probe`]); this module
//! knows nothing of Discord or SQL.

use std::future::Future;
use std::time::Duration;

use serde::Serialize;

use crate::store::Backlog;

/// One gateway shard of this process.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShardHealth {
    pub id: u32,
    /// serenity's connection stage: `connected`, `resuming`, `disconnected`…
    pub stage: String,
    pub connected: bool,
    #[serde(skip)]
    pub latency: Option<Duration>,
}

/// Is the bot able to work: its shards connected, its database answering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Health {
    pub shards: Vec<ShardHealth>,
    pub database_reachable: bool,
}

impl Health {
    /// Every shard connected (and at least one), and the database up.
    pub fn ok(&self) -> bool {
        self.gateway_connected() && self.database_reachable
    }

    pub fn gateway_connected(&self) -> bool {
        !self.shards.is_empty() && self.shards.iter().all(|s| s.connected)
    }
}

/// A scrape: health, and the work waiting in the database (`None` when
/// the database did not answer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    pub health: Health,
    pub backlog: Option<Backlog>,
}

/// Where the HTTP endpoints read the bot from.
pub trait Probe: Send + Sync + 'static {
    /// Cheap: the shards' stages and a database ping.
    fn health(&self) -> impl Future<Output = Health> + Send;

    /// [`Probe::health`] and the database's counts.
    fn snapshot(&self) -> impl Future<Output = Snapshot> + Send;
}
