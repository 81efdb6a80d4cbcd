//! What an operator sees of a running bot: Prometheus metrics and a health
//! check, served on `METRICS_ADDR` (off by default) as `GET /metrics` and
//! `GET /healthz`.
//!
//! - [`metrics`]: the counters the bot keeps (L0 outcomes, interaction
//!   latency, REST errors) and the gauges a scrape reads;
//! - [`snapshot`]: what a scrape reads from the bot ([`Probe`]);
//! - [`http`]: the two endpoints.

pub mod http;
pub mod metrics;
pub mod snapshot;

pub use metrics::{InteractionKind, L0Outcome, Metrics};
pub use snapshot::{Health, Probe, ShardHealth, Snapshot};
