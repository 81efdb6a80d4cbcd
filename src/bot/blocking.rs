//! CPU and disk work off the async workers. Matching a question, building
//! an index, drawing a chart: each can take milliseconds or more, and on a
//! tokio worker it would hold up every other interaction on that worker
//! (Discord wants an answer to each within 3 s). Such work runs on tokio's
//! blocking pool instead, and the handler awaits it.

use super::error::BotError;

/// Runs `work` on the blocking pool and waits for it. A panic in `work` is
/// a bug: it is reported as an internal error, not re-raised.
pub async fn off_runtime<T, F>(work: F) -> Result<T, BotError>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| BotError::Internal(format!("a blocking task failed: {e}")))
}
