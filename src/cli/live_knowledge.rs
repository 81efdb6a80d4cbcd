//! Starting the live knowledge base for the commands that run a bot
//! (`run`, `sandbox`, `bench`).

use std::path::Path;

use anyhow::Context;

use crate::knowledge::LiveKnowledge;

/// Loads and indexes `dir` with live reload. Disk and CPU work: on the
/// blocking pool, not an async worker. `what` names the folder in an
/// error (the setting or the flag it came from).
pub async fn start(dir: &Path, what: String) -> anyhow::Result<LiveKnowledge> {
    let dir = dir.to_owned();
    tokio::task::spawn_blocking(move || LiveKnowledge::start(dir))
        .await
        .context("loading the knowledge base")?
        .with_context(|| what)
}
