//! `GET /healthz` and `GET /metrics` on their own port, so that a scraper
//! or a load balancer never shares a socket with anything else.
//!
//! `/healthz` answers 200 with `{"status":"ok",…}` when every gateway
//! shard is connected and the database answers, else 503 with the same
//! shape saying which part is down. `/metrics` is Prometheus' text format.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use super::snapshot::{Health, Probe, ShardHealth};
use super::Metrics;

/// Prometheus' text exposition format.
const TEXT_FORMAT: &str = "text/plain; version=0.0.4; charset=utf-8";

struct Served<P> {
    metrics: Metrics,
    probe: P,
}

/// The endpoints, running.
pub struct MetricsServer {
    addr: SocketAddr,
    shutdown: Option<oneshot::Sender<()>>,
    task: JoinHandle<()>,
}

impl MetricsServer {
    /// Listens on `addr` (port 0 picks a free one) and serves in the background.
    pub async fn start<P: Probe>(
        addr: SocketAddr,
        metrics: Metrics,
        probe: P,
    ) -> std::io::Result<MetricsServer> {
        let listener = TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        let app = router(Arc::new(Served { metrics, probe }));
        let (shutdown, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            let serve = axum::serve(listener, app).with_graceful_shutdown(async {
                let _ = stopped.await;
            });
            if let Err(e) = serve.await {
                tracing::error!(error = %e, "the metrics endpoint stopped");
            }
        });
        Ok(MetricsServer {
            addr,
            shutdown: Some(shutdown),
            task,
        })
    }

    /// Where it listens (the port chosen, for port 0).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub async fn stop(mut self) {
        if let Some(s) = self.shutdown.take() {
            let _ = s.send(());
        }
        let _ = (&mut self.task).await;
    }
}

fn router<P: Probe>(served: Arc<Served<P>>) -> Router {
    Router::new()
        .route("/healthz", get(healthz::<P>))
        .route("/metrics", get(metrics::<P>))
        .with_state(served)
}

#[derive(Serialize)]
struct HealthBody<'a> {
    status: &'static str,
    gateway: GatewayBody<'a>,
    database: DatabaseBody,
}

#[derive(Serialize)]
struct GatewayBody<'a> {
    connected: bool,
    shards: &'a [ShardHealth],
}

#[derive(Serialize)]
struct DatabaseBody {
    reachable: bool,
}

async fn healthz<P: Probe>(State(served): State<Arc<Served<P>>>) -> Response {
    let health = served.probe.health().await;
    health_response(&health)
}

fn health_response(health: &Health) -> Response {
    let ok = health.ok();
    let body = HealthBody {
        status: if ok { "ok" } else { "unavailable" },
        gateway: GatewayBody {
            connected: health.gateway_connected(),
            shards: &health.shards,
        },
        database: DatabaseBody {
            reachable: health.database_reachable,
        },
    };
    let status = if ok {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, Json(body)).into_response()
}

async fn metrics<P: Probe>(State(served): State<Arc<Served<P>>>) -> Response {
    let snapshot = served.probe.snapshot().await;
    let text = served.metrics.render(&snapshot);
    ([(header::CONTENT_TYPE, TEXT_FORMAT)], text).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shard(connected: bool) -> ShardHealth {
        ShardHealth {
            id: 0,
            stage: if connected { "connected" } else { "resuming" }.to_owned(),
            connected,
            latency: None,
        }
    }

    #[test]
    fn healthy_only_with_every_shard_connected_and_the_database_up() {
        let up = Health {
            shards: vec![shard(true)],
            database_reachable: true,
        };
        assert_eq!(health_response(&up).status(), StatusCode::OK);
        for down in [
            Health {
                shards: vec![shard(true), shard(false)],
                database_reachable: true,
            },
            Health {
                shards: vec![],
                database_reachable: true,
            },
            Health {
                shards: vec![shard(true)],
                database_reachable: false,
            },
        ] {
            assert_eq!(
                health_response(&down).status(),
                StatusCode::SERVICE_UNAVAILABLE,
                "{down:?}"
            );
        }
    }
}
