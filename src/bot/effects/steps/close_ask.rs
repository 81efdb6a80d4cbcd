//! The close request's steps (issue 14.5): the question with Close /
//! Keep open in the user thread, and taking its buttons off once it is
//! answered, withdrawn or moot.

use poise::serenity_prelude::CreateMessage;

use super::{tolerate_gone, Run};
use crate::bot::error::BotError;
use crate::bot::flows::close_request;
use crate::bot::mentions;
use crate::bot::render::{clip, when};
use crate::tickets::Ticket;
use crate::tr;

/// "Can we close this?", pinging the user only, once (its nonce).
pub(super) async fn ask(run: &mut Run<'_>, t: &Ticket) -> Result<(), BotError> {
    let (Some(thread), Some(asked)) = (t.user_thread, t.close_requested_at) else {
        // Answered or withdrawn before the step ran: nothing to ask.
        return Ok(());
    };
    let closes_at = asked + run.settings.close_request_after();
    let text = tr!(
        t.locale,
        "close-request-question",
        user = format!("<@{}>", t.opener),
        when = when(closes_at, 'R')
    );
    let message = CreateMessage::new()
        .content(clip(&text, 2000))
        .components(close_request::buttons(t.locale, t))
        .allowed_mentions(mentions::users([t.opener.0]));
    run.send_once("cq", thread.0, message).await
}

/// The buttons come off; `kept`: the request says it was kept open.
pub(super) async fn retire(run: &Run<'_>, t: &Ticket, kept: bool) -> Result<(), BotError> {
    let note = kept.then(|| tr!(t.locale, "close-request-kept"));
    match close_request::retire_question(run.http, t, note).await {
        Err(e) if t.is_closed() => tolerate_gone(e),
        other => other,
    }
}
