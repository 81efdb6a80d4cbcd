//! `supportline run`: the bot against Discord (or anything speaking its
//! API at `DISCORD_API_BASE`, such as `supportline sandbox --serve`).

use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use poise::serenity_prelude::{ClientBuilder, HttpBuilder};

use crate::bot::{self, Clock, Services};
use crate::config::{Config, DISCORD_API_DEFAULT};
use crate::knowledge::LiveKnowledge;
use crate::store::Store;

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
    let knowledge = LiveKnowledge::start(&config.knowledge_dir)
        .with_context(|| format!("KNOWLEDGE_DIR={}", config.knowledge_dir.display()))?;
    let report = knowledge.last_report();
    tracing::info!(
        articles = report.articles,
        problems = report.problems.len(),
        "knowledge base loaded"
    );
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
    };
    let running = bot::start(builder, services, config.shards.clone()).await?;
    let shards = running.shard_manager.clone();
    let in_flight = running.in_flight();
    tokio::spawn(async move {
        shutdown_signal().await;
        tracing::info!("stopping: closing the gateway, finishing work in progress");
        shards.shutdown_all().await;
    });
    let ended = running.wait().await;
    in_flight.wait_idle().await;
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
