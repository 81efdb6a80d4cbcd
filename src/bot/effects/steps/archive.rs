//! Closing's threads: the transcript kept once, both threads locked
//! and archived; reopening wakes them.

use poise::serenity_prelude::Http;

use super::Run;
use crate::bot::effects::is_refusal;
use crate::bot::error::BotError;
use crate::bot::flows::{case, transcript};
use crate::tickets::Ticket;

/// The transcript kept (once) and logged, then both threads locked and
/// archived. Threads already gone are no error.
pub(super) async fn archive(
    run: &mut Run<'_>,
    t: &Ticket,
    keep_transcript: bool,
) -> Result<(), BotError> {
    if keep_transcript && run.made("transcript").is_none() {
        let nonce = run.nonce("log");
        let kept = async {
            let captured = transcript::capture(run.http, run.data, t, run.staff()).await?;
            transcript::log_closed(run.http, run.data, &run.settings, t, &captured, nonce).await
        }
        .await;
        match kept {
            Ok(()) => {}
            // Refused for good (the log channel gone, no permission):
            // the threads are still archived.
            Err(e) if is_refusal(&e) => {
                tracing::warn!(error = %e, ticket = t.number.0, "could not keep or log the transcript")
            }
            Err(e) => return Err(e),
        }
        run.record("transcript", 1).await?;
    }
    if let Some(th) = t.user_thread {
        case::lock_and_archive(run.http, th).await?;
    }
    if let Some(c) = &t.case {
        case::lock_and_archive(run.http, c.thread).await?;
    }
    Ok(())
}

pub(super) async fn unarchive(t: &Ticket, http: &Http) -> Result<(), BotError> {
    if let Some(th) = t.user_thread {
        case::unarchive(http, th).await?;
    }
    if let Some(c) = &t.case {
        case::unarchive(http, c.thread).await?;
    }
    Ok(())
}
