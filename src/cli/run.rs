//! `supportline run`: the bot against Discord (or anything speaking its
//! API at `DISCORD_API_BASE`, such as `supportline sandbox --serve`).

use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use poise::serenity_prelude::{ClientBuilder, HttpBuilder};

use crate::bot::{self, Clock, Services};
use crate::config::{Config, DISCORD_API_DEFAULT};
use crate::store::Store;
use crate::telemetry::http::MetricsServer;
use crate::telemetry::Metrics;

pub fn run() -> anyhow::Result<ExitCode> {
    let config = Config::from_env()?;
    let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    runtime.block_on(serve(config))?;
    Ok(ExitCode::SUCCESS)
}

async fn serve(config: Config) -> anyhow::Result<()> {
    let store = Store::connect(&config.database_url)
        .await
        .with_context(|| format!("DATABASE_URL={}", config.database_url))?;
    let knowledge = super::live_knowledge::start(
        &config.knowledge_dir,
        format!("KNOWLEDGE_DIR={}", config.knowledge_dir.display()),
    )
    .await?;
    tracing::info!(
        "database {} is up to date",
        without_password(&config.database_url)
    );
    let report = knowledge.last_report();
    tracing::info!(
        "knowledge base {}: {} articles, {} problems (live reload on)",
        config.knowledge_dir.display(),
        report.articles,
        report.problems.len()
    );
    let shards = match &config.shards {
        Some(s) => format!("shards {}-{} of {}", s.range.start, s.last(), s.total),
        None => "every shard Discord recommends".to_owned(),
    };
    tracing::info!("connecting to {} ({shards})", config.discord_api_base);
    let mut http = HttpBuilder::new(&config.discord_token);
    if config.discord_api_base != DISCORD_API_DEFAULT {
        // Serenity's ratelimiter builds its own URLs without the proxy;
        // a proxy (or the sandbox) does its own rate limiting.
        http = http
            .proxy(config.discord_api_base.clone())
            .ratelimiter_disabled(true);
    }
    let builder = ClientBuilder::new_with_http(http.build(), bot::intents(config.message_content));
    let services = Services {
        store: store.clone(),
        knowledge: Arc::new(knowledge),
        clock: Clock::system(),
        default_locale: config.default_locale,
        timer_tick: std::time::Duration::from_secs(1),
        metrics: Metrics::new(),
    };
    let running = bot::start(builder, services, config.shards.clone()).await?;
    let metrics = match config.metrics_addr {
        Some(addr) => {
            let server = MetricsServer::start(addr, running.metrics(), running.probe())
                .await
                .with_context(|| format!("METRICS_ADDR={addr}: listening"))?;
            tracing::info!(
                "metrics on http://{0}/metrics, health on http://{0}/healthz",
                server.addr()
            );
            Some(server)
        }
        None => None,
    };
    let shards = running.shard_manager.clone();
    let in_flight = running.in_flight();
    tokio::spawn(async move {
        shutdown_signal().await;
        tracing::info!("stopping: closing the gateway, finishing work in progress");
        shards.shutdown_all().await;
    });
    let ended = running.wait().await;
    in_flight.wait_idle().await;
    if let Some(server) = metrics {
        server.stop().await;
    }
    store.close().await;
    ended
}

async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// A database URL fit for a log line: the password, if any, left out.
fn without_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    match rest.rsplit_once('@') {
        Some((credentials, host)) => {
            let user = credentials.split(':').next().unwrap_or("");
            format!("{scheme}://{user}@{host}")
        }
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::without_password;

    #[test]
    fn a_logged_database_url_keeps_no_password() {
        assert_eq!(
            without_password("postgres://bot:s3cret@db.internal:5432/support"),
            "postgres://bot@db.internal:5432/support"
        );
        assert_eq!(without_password("sqlite://data/x.db"), "sqlite://data/x.db");
    }
}
