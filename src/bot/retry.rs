//! Answering a person through a flaky Discord: a 429 or a 5xx on the
//! interaction's answer is tried again a few times, so that a passing fault
//! never leaves someone looking at "thinking…" forever. (Serenity's own
//! ratelimiter cannot run behind an API proxy such as the sandbox, and it
//! never retries a 5xx.)

use std::future::Future;
use std::time::Duration;

use poise::serenity_prelude::{Error, HttpError};

use crate::telemetry::Metrics;

/// How many times an answer is tried in all.
const ATTEMPTS: u32 = 4;

/// A 429 or a server error: worth trying again.
pub fn is_transient(e: &Error) -> bool {
    match e {
        Error::Http(HttpError::UnsuccessfulRequest(r)) => {
            r.status_code.as_u16() == 429 || r.status_code.is_server_error()
        }
        _ => false,
    }
}

/// Runs `call` until it succeeds, fails for good, or has been tried
/// [`ATTEMPTS`] times, waiting a little longer each time. A failure
/// tried again is counted here; the last one, by whoever handles it.
pub async fn answer<T, F, Fut>(metrics: &Metrics, mut call: F) -> Result<T, Error>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, Error>>,
{
    let mut attempt = 1;
    loop {
        match call().await {
            Err(e) if attempt < ATTEMPTS && is_transient(&e) => {
                super::metered::count_rest_error(metrics, &e);
                tracing::debug!(error = %e, attempt, "answering again after a passing Discord error");
                tokio::time::sleep(Duration::from_millis(100 * u64::from(attempt))).await;
                attempt += 1;
            }
            other => return other,
        }
    }
}
