//! What `/healthz` and `/metrics` read of a running bot: its shards'
//! connection stages (serenity's shard manager) and its database.

use std::sync::Arc;

use poise::serenity_prelude::{ConnectionStage, ShardManager};

use crate::store::Store;
use crate::telemetry::{Health, Probe, ShardHealth, Snapshot};

/// The bot as the metrics endpoint sees it.
#[derive(Clone)]
pub struct BotProbe {
    pub(super) store: Store,
    pub(super) shards: Arc<ShardManager>,
}

impl BotProbe {
    async fn shards(&self) -> Vec<ShardHealth> {
        let runners = self.shards.runners.lock().await;
        let mut shards: Vec<ShardHealth> = runners
            .iter()
            .map(|(id, info)| ShardHealth {
                id: id.0,
                stage: info.stage.to_string(),
                connected: info.stage == ConnectionStage::Connected,
                latency: info.latency,
            })
            .collect();
        shards.sort_by_key(|s| s.id);
        shards
    }
}

impl Probe for BotProbe {
    async fn health(&self) -> Health {
        let shards = self.shards().await;
        let database_reachable = match self.store.ping().await {
            Ok(()) => true,
            Err(e) => {
                tracing::warn!(error = %e, "health check: the database did not answer");
                false
            }
        };
        Health {
            shards,
            database_reachable,
        }
    }

    async fn snapshot(&self) -> Snapshot {
        let shards = self.shards().await;
        let backlog = match self.store.backlog().await {
            Ok(b) => Some(b),
            Err(e) => {
                tracing::warn!(error = %e, "scrape: the database did not answer");
                None
            }
        };
        Snapshot {
            health: Health {
                shards,
                database_reachable: backlog.is_some(),
            },
            backlog,
        }
    }
}
