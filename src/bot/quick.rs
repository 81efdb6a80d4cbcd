//! Answering a command in its interaction response when the answer is
//! ready quickly, and deferring ("thinking…") only when it is not: one
//! REST call instead of two, and no "thinking…" flash for a quick answer.
//! Discord's 3-second rule still holds: slow work is deferred after
//! [`AT_ONCE`], well before the window closes.

use std::future::Future;
use std::time::Duration;

use super::app::Context;
use super::error::BotError;

/// How long a command may work before it defers. An answer is normally
/// ready in a few milliseconds; a second leaves two for the deferral's own
/// trip on a slow day (a REST call of a second, as `tests/e2e/latency.rs`
/// simulates).
pub const AT_ONCE: Duration = Duration::from_secs(1);

/// Runs `work`; defers ephemerally if it is not done within [`AT_ONCE`],
/// then waits for it. The caller then sends its answer with `ctx.send`
/// (the interaction response, or the edit of "thinking…").
pub async fn or_defer<T>(
    ctx: Context<'_>,
    work: impl Future<Output = Result<T, BotError>>,
) -> Result<T, BotError> {
    let mut work = std::pin::pin!(work);
    match tokio::time::timeout(AT_ONCE, &mut work).await {
        Ok(done) => done,
        Err(_) => {
            ctx.defer_ephemeral().await?;
            work.await
        }
    }
}
