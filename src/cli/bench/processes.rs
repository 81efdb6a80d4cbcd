//! The scale phase's bots: `supportline run` child processes, one shard
//! each, on one database, against the bench's sandbox over the network;
//! and what each one says it handled (its own `/metrics`).

use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use anyhow::Context;
use tokio::process::{Child, Command};

use crate::sandbox::Sandbox;

/// One `supportline run` on shard `shard` of `total`.
pub struct BotProcess {
    pub shard: u32,
    child: Child,
    metrics: SocketAddr,
}

impl BotProcess {
    /// Starts this binary's `run` with the settings an operator would give
    /// it: the sandbox as Discord, `SHARDS=n SHARD_TOTAL=total`, the shared
    /// `database_url`, and `/metrics` on a free local port.
    pub fn spawn(
        shard: u32,
        total: u32,
        sandbox: &Sandbox,
        database_url: &str,
        knowledge: &Path,
    ) -> anyhow::Result<BotProcess> {
        let exe = std::env::current_exe().context("finding this program to run the bots")?;
        let metrics = free_port()?;
        let log = std::env::var("RUST_LOG").unwrap_or_else(|_| "warn".to_owned());
        let child = Command::new(exe)
            .arg("run")
            .env("DISCORD_API_BASE", sandbox.base_url())
            .env("DISCORD_TOKEN", sandbox.token())
            .env("DATABASE_URL", database_url)
            .env("KNOWLEDGE_DIR", knowledge)
            .env("DISCORD_MESSAGE_CONTENT", "true")
            .env("SHARDS", shard.to_string())
            .env("SHARD_TOTAL", total.to_string())
            .env("METRICS_ADDR", metrics.to_string())
            .env("RUST_LOG", log)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .with_context(|| format!("starting the bot process of shard {shard}"))?;
        Ok(BotProcess {
            shard,
            child,
            metrics,
        })
    }

    pub fn pid(&self) -> Option<u32> {
        self.child.id()
    }

    /// An error if the process has ended (it should run until stopped).
    pub fn check_running(&mut self) -> anyhow::Result<()> {
        match self.child.try_wait() {
            Ok(None) => Ok(()),
            Ok(Some(status)) => anyhow::bail!(
                "the bot process of shard {} ended early ({status})",
                self.shard
            ),
            Err(e) => anyhow::bail!("the bot process of shard {}: {e}", self.shard),
        }
    }

    /// Interactions the process has handled so far, from its `/metrics`
    /// (the count of its interaction latency histogram).
    pub async fn handled(&self, client: &reqwest::Client) -> anyhow::Result<u64> {
        let url = format!("http://{}/metrics", self.metrics);
        let text = client
            .get(&url)
            .timeout(Duration::from_secs(5))
            .send()
            .await
            .and_then(|r| r.error_for_status())
            .with_context(|| format!("reading {url}"))?
            .text()
            .await
            .with_context(|| format!("reading {url}"))?;
        Ok(handled_in(&text))
    }

    /// Ends the process (the sandbox is settled: nothing is half done).
    pub async fn stop(mut self) {
        let _ = self.child.start_kill();
        let _ = self.child.wait().await;
    }
}

/// The sum of every `supportline_interaction_duration_seconds_count`
/// sample of a Prometheus text exposition.
fn handled_in(text: &str) -> u64 {
    text.lines()
        .filter(|l| l.starts_with("supportline_interaction_duration_seconds_count"))
        .filter_map(|l| l.rsplit(' ').next()?.parse::<f64>().ok())
        .map(|v| v as u64)
        .sum()
}

/// A local port free now (the child binds it a moment later).
fn free_port() -> anyhow::Result<SocketAddr> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).context("finding a free port")?;
    listener.local_addr().context("finding a free port")
}

/// Waits until every process is connected on its shard and the commands
/// are registered, or one of them ends.
pub async fn wait_connected(
    sandbox: &Sandbox,
    bots: &mut [BotProcess],
    total: u32,
) -> anyhow::Result<()> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    loop {
        for bot in bots.iter_mut() {
            bot.check_running()?;
        }
        let live = sandbox.live_shards();
        let all = (0..total).all(|n| live.contains(&[n, total]));
        if all && !sandbox.commands().is_empty() {
            return Ok(());
        }
        if tokio::time::Instant::now() > deadline {
            anyhow::bail!(
                "the bot processes did not all connect within 60 s (connected: {live:?})"
            );
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[cfg(test)]
mod tests {
    use super::handled_in;

    #[test]
    fn handled_interactions_add_up_over_kinds() {
        let text = "# HELP x\n\
            supportline_interaction_duration_seconds_bucket{kind=\"command\",le=\"0.1\"} 3\n\
            supportline_interaction_duration_seconds_count{kind=\"command\"} 7\n\
            supportline_interaction_duration_seconds_count{kind=\"button\"} 2\n";
        assert_eq!(handled_in(text), 9);
    }
}
