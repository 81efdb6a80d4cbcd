//! Two processes as an operator runs them: `supportline sandbox --serve`
//! (Discord, kept alive) and `supportline run` (the bot, killed and
//! restarted at will), with the control door to act and look.

use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;

use serde_json::{json, Value};
use supportline::store::Store;
use tempfile::TempDir;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

const BIN: &str = env!("CARGO_BIN_EXE_supportline");
const TOKEN: &str = "sandbox.served-test-token";

/// How long start-ups may take on a busy machine.
const START_LIMIT: Duration = Duration::from_secs(60);

/// A refusal from the control door.
#[derive(Debug, Clone)]
pub struct Refusal {
    pub kind: String,
    pub error: String,
}

/// The control door of a served sandbox (cheap to clone).
#[derive(Clone)]
pub struct Door {
    base: String,
    http: reqwest::Client,
}

impl Door {
    /// One request to the control door.
    pub async fn call(&self, request: Value) -> Result<Value, Refusal> {
        let answer = self
            .http
            .post(format!("{}/sandbox/control", self.base))
            .header("content-type", "application/json")
            .body(request.to_string())
            .timeout(Duration::from_secs(30))
            .send()
            .await
            .expect("the sandbox answers");
        let ok = answer.status().is_success();
        let body: Value = serde_json::from_slice(&answer.bytes().await.unwrap()).unwrap();
        if ok {
            Ok(body)
        } else {
            Err(Refusal {
                kind: body["kind"].as_str().unwrap_or_default().to_string(),
                error: body["error"].as_str().unwrap_or_default().to_string(),
            })
        }
    }

    pub async fn status(&self) -> Value {
        self.call(json!({"do": "status"})).await.unwrap()
    }

    /// Every message of a channel (by name or id), God's view.
    pub async fn messages(&self, channel: Value) -> Vec<Value> {
        match self
            .call(json!({"do": "messages", "channel": channel}))
            .await
        {
            Ok(Value::Array(all)) => all,
            _ => Vec::new(),
        }
    }

    /// Every channel and thread.
    pub async fn channels(&self) -> Vec<Value> {
        match self.call(json!({"do": "channels"})).await {
            Ok(Value::Array(all)) => all,
            other => panic!("channels: {other:?}"),
        }
    }
}

pub struct Served {
    pub base: String,
    pub door: Door,
    pub db_url: String,
    pub dir: TempDir,
    sandbox: Child,
    bot: Option<Child>,
    bot_starts: usize,
}

impl Served {
    /// Starts `supportline sandbox --serve` on a free port, with its
    /// database in a temporary folder.
    pub async fn start() -> Served {
        let dir = tempfile::tempdir().unwrap();
        let db_url = format!("sqlite://{}/served.db", dir.path().display());
        let log = std::fs::File::create(dir.path().join("sandbox.log")).unwrap();
        let mut sandbox = Command::new(BIN)
            .args(["sandbox", "--serve", "127.0.0.1:0", "--token", TOKEN])
            .args(["--database", &db_url])
            .current_dir(dir.path())
            .env_remove("RUST_LOG")
            .stdout(Stdio::piped())
            .stderr(Stdio::from(log))
            .kill_on_drop(true)
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(sandbox.stdout.take().unwrap()).lines();
        let find = async {
            while let Some(line) = lines.next_line().await.unwrap() {
                if let Some(at) = line.split("serves the demo server at ").nth(1) {
                    return at.split_whitespace().next().map(str::to_string);
                }
            }
            None
        };
        let base = tokio::time::timeout(START_LIMIT, find)
            .await
            .expect("the sandbox says where it serves within a minute")
            .expect("the sandbox prints its address");
        // Keep reading, so the sandbox never writes into a closed pipe.
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
        Served {
            door: Door {
                base: base.clone(),
                http: reqwest::Client::new(),
            },
            base,
            db_url,
            dir,
            sandbox,
            bot: None,
            bot_starts: 0,
        }
    }

    pub fn log_path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Starts `supportline run` against the sandbox and waits until it is
    /// connected with its commands registered.
    pub async fn start_bot(&mut self) {
        assert!(self.bot.is_none(), "the bot is already running");
        let before = self.status().await["handshakes"].as_u64().unwrap();
        self.bot_starts += 1;
        let log =
            std::fs::File::create(self.log_path(&format!("bot-{}.log", self.bot_starts))).unwrap();
        let bot = Command::new(BIN)
            .arg("run")
            .current_dir(self.dir.path())
            .env_remove("SHARDS")
            .env_remove("SHARD_TOTAL")
            .env("RUST_LOG", "warn,supportline=info")
            .env("DISCORD_API_BASE", &self.base)
            .env("DISCORD_TOKEN", TOKEN)
            .env("DATABASE_URL", &self.db_url)
            .env("DISCORD_MESSAGE_CONTENT", "true")
            .env(
                "KNOWLEDGE_DIR",
                concat!(env!("CARGO_MANIFEST_DIR"), "/knowledge"),
            )
            .stdout(Stdio::null())
            .stderr(Stdio::from(log))
            .kill_on_drop(true)
            .spawn()
            .unwrap();
        self.bot = Some(bot);
        let deadline = tokio::time::Instant::now() + START_LIMIT;
        loop {
            let status = self.status().await;
            let connected = status["handshakes"].as_u64().unwrap() > before
                && status["live_sessions"].as_u64().unwrap() > 0
                && status["commands"].as_u64().unwrap() > 0;
            if connected {
                break;
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "the bot did not connect within a minute; its log:\n{}",
                self.bot_log()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Kills the bot with SIGKILL, as the kernel's OOM killer or a power
    /// cut would: nothing of it runs after this.
    pub async fn kill_bot(&mut self) {
        if let Some(mut bot) = self.bot.take() {
            bot.start_kill().unwrap();
            bot.wait().await.unwrap();
        }
    }

    /// The last bot start's log.
    pub fn bot_log(&self) -> String {
        std::fs::read_to_string(self.log_path(&format!("bot-{}.log", self.bot_starts)))
            .unwrap_or_default()
    }

    /// Every bot start's log, for a failure message.
    pub fn all_bot_logs(&self) -> String {
        (1..=self.bot_starts)
            .map(|n| {
                let log = std::fs::read_to_string(self.log_path(&format!("bot-{n}.log")))
                    .unwrap_or_default();
                format!("--- bot start {n}\n{log}")
            })
            .collect()
    }

    /// One request to the control door.
    pub async fn door(&self, request: Value) -> Result<Value, Refusal> {
        self.door.call(request).await
    }

    pub async fn status(&self) -> Value {
        self.door.status().await
    }

    /// The bot's database, opened by the test (the bot has migrated it).
    pub async fn store(&self) -> Store {
        Store::connect(&self.db_url).await.unwrap()
    }

    /// The console of `supportline sandbox --connect`, fed `script`.
    pub async fn console(&self, script: &str, json: bool) -> std::process::Output {
        use tokio::io::AsyncWriteExt;
        let mut command = Command::new(BIN);
        command.args(["sandbox", "--connect", &self.base]);
        if json {
            command.arg("--json");
        }
        let mut child = command
            .current_dir(self.dir.path())
            .env_remove("RUST_LOG")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(script.as_bytes()).await.unwrap();
        drop(stdin);
        tokio::time::timeout(Duration::from_secs(120), child.wait_with_output())
            .await
            .expect("the console finishes its script")
            .unwrap()
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        if let Some(bot) = self.bot.as_mut() {
            let _ = bot.start_kill();
        }
        let _ = self.sandbox.start_kill();
    }
}
