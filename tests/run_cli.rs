//! `supportline run` as an operator starts it: no `RUST_LOG`, a served
//! Discord imitation in place of Discord. Start-up must say what it
//! connected to, the knowledge base it loaded and its shards.

#![allow(clippy::unwrap_used)] // tests may unwrap

use std::process::Stdio;
use std::time::Duration;

use supportline::sandbox::Sandbox;
use tokio::io::{AsyncBufReadExt, BufReader};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn run_says_what_it_connected_to_without_rust_log() {
    let sandbox = Sandbox::start_local(supportline::demo::preset().unwrap())
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_supportline"))
        .arg("run")
        .current_dir(dir.path())
        .env_remove("RUST_LOG")
        .env_remove("SHARDS")
        .env_remove("SHARD_TOTAL")
        .env("DISCORD_API_BASE", sandbox.base_url())
        .env("DISCORD_TOKEN", sandbox.token())
        .env(
            "DATABASE_URL",
            format!("sqlite://{}/run.db", dir.path().display()),
        )
        .env(
            "KNOWLEDGE_DIR",
            concat!(env!("CARGO_MANIFEST_DIR"), "/knowledge"),
        )
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let mut seen = Vec::new();
    let read = async {
        while let Some(line) = lines.next_line().await.unwrap() {
            let done = line.contains("slash commands registered");
            seen.push(line);
            if done {
                break;
            }
        }
    };
    let finished = tokio::time::timeout(Duration::from_secs(60), read).await;
    child.kill().await.unwrap();
    let log = seen.join("\n");
    assert!(finished.is_ok(), "start-up never finished:\n{log}");
    for said in [
        "is up to date",
        "articles",
        &format!("connecting to {}", sandbox.base_url()),
        "every shard Discord recommends",
        "connected as",
        "servers: 1",
    ] {
        assert!(log.contains(said), "no {said:?} in:\n{log}");
    }
    assert!(
        !log.contains('\u{1b}'),
        "no colour codes off a terminal:\n{log}"
    );
}
