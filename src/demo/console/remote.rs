//! The console driving a served sandbox (`supportline sandbox --connect
//! URL`): each line goes to the sandbox's `POST /sandbox/console`, where
//! the serving process runs it as the local console would (same syntax,
//! same waiting until the bot settles) and sends back what people saw.

use crate::sandbox::ConsoleLine;

use super::{LineOutcome, RunsLines};

/// How long one line may take: a slash command waits up to 3 s for the
/// bot, then the console waits for the bot to settle (10 s at most).
const LINE_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// A console session on a served sandbox.
pub struct Remote {
    client: reqwest::Client,
    url: String,
    session: String,
}

#[derive(Debug, thiserror::Error)]
pub enum RemoteError {
    #[error("`{0}` is not a sandbox address (expected http://HOST:PORT)")]
    BadUrl(String),
    #[error("no served sandbox answers at {url}: {why}")]
    Unreachable { url: String, why: String },
}

impl Remote {
    /// A session on the sandbox served at `base` (`http://127.0.0.1:8787`,
    /// what `supportline sandbox --serve` prints). Checks that it answers.
    pub async fn connect(base: &str) -> Result<Remote, RemoteError> {
        let base = base.trim_end_matches('/');
        if !(base.starts_with("http://") || base.starts_with("https://")) {
            return Err(RemoteError::BadUrl(base.to_string()));
        }
        let client = reqwest::Client::builder()
            .timeout(LINE_TIMEOUT)
            .build()
            .map_err(|e| RemoteError::Unreachable {
                url: base.to_string(),
                why: e.to_string(),
            })?;
        let mut remote = Remote {
            client,
            url: format!("{base}{}", crate::sandbox::control::CONSOLE_PATH),
            session: session_name(),
        };
        // A blank line does nothing and proves the door is there.
        remote
            .send(0, "")
            .await
            .map_err(|why| RemoteError::Unreachable {
                url: base.to_string(),
                why,
            })?;
        Ok(remote)
    }

    async fn send(&mut self, number: usize, line: &str) -> Result<LineOutcome, String> {
        let body = ConsoleLine {
            session: self.session.clone(),
            number,
            line: line.to_string(),
        };
        let body = serde_json::to_vec(&body).map_err(|e| e.to_string())?;
        let answer = self
            .client
            .post(&self.url)
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .map_err(|e| e.to_string())?;
        let status = answer.status();
        let bytes = answer.bytes().await.map_err(|e| e.to_string())?;
        if !status.is_success() {
            let why = serde_json::from_slice::<serde_json::Value>(&bytes)
                .ok()
                .and_then(|v| v["error"].as_str().map(str::to_string))
                .unwrap_or_else(|| format!("HTTP {status}"));
            return Err(why);
        }
        serde_json::from_slice(&bytes)
            .map_err(|e| format!("an answer the console cannot read: {e}"))
    }
}

/// A name no other console on the sandbox has (each session has its own
/// memory of what it showed).
fn session_name() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    format!("console-{}-{nanos:x}", std::process::id())
}

impl RunsLines for Remote {
    async fn run_line(&mut self, number: usize, line: &str) -> LineOutcome {
        match self.send(number, line).await {
            Ok(outcome) => outcome,
            Err(why) => LineOutcome {
                errors: vec![format!("the served sandbox did not run the line: {why}")],
                ..LineOutcome::default()
            },
        }
    }
}
