//! Answering a person through a flaky Discord: a 429 or a 5xx on the
//! interaction's answer is tried again a few times, so that a passing fault
//! never leaves someone looking at "thinking…" forever. (Serenity's own
//! ratelimiter waits out 429s it reads from the headers, but it is off
//! behind an API proxy (`DISCORD_API_BASE`), and it never retries a 5xx.)

use std::future::Future;
use std::time::Duration;

use poise::serenity_prelude::{Error, HttpError};

use crate::telemetry::Metrics;

/// How many times an answer is tried in all.
const ATTEMPTS: u32 = 4;

/// What a failed Discord call says about calling again. The one place
/// that reads Discord's status codes: answers to people and the outbox's
/// steps both decide from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// A 429 or a 5xx: Discord is busy or hurt; the same call may work soon.
    Passing,
    /// Any other 4xx (missing permission, unknown channel, invalid body):
    /// the same call will be refused again.
    Refused,
    /// No answer from Discord at all (connection, decoding): the call may or
    /// may not have been carried out.
    Unknown,
}

pub fn failure_of(e: &Error) -> Failure {
    match e {
        Error::Http(HttpError::UnsuccessfulRequest(r)) => {
            let status = r.status_code.as_u16();
            if status == 429 || r.status_code.is_server_error() {
                Failure::Passing
            } else if (400..500).contains(&status) {
                Failure::Refused
            } else {
                Failure::Unknown
            }
        }
        _ => Failure::Unknown,
    }
}

/// A 429 or a server error: worth trying an answer again. (An unknown
/// failure is not: the answer may have been posted.)
pub fn is_transient(e: &Error) -> bool {
    failure_of(e) == Failure::Passing
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
