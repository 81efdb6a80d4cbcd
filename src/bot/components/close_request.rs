//! The close request's buttons (issue 14.5): "Ask to close" on the case
//! card (staff), Close / Keep open under the request in the user thread
//! (the ticket's user, or staff who may close it: the domain checks).

use super::{ticket, Responder};
use crate::bot::app::Data;
use crate::bot::error::BotError;
use crate::bot::flows::{close_request, Env};
use crate::tickets::TicketId;

/// Which of the three buttons was clicked.
pub(super) enum Click {
    /// "Ask to close" on the card.
    Ask,
    /// "Close" under the request.
    Accept,
    /// "Keep open" under the request.
    KeepOpen,
}

pub(super) async fn clicked(
    r: &mut Responder<'_>,
    data: &Data,
    env: &Env,
    id: TicketId,
    click: Click,
) -> Result<(), BotError> {
    let t = ticket(data, id, env).await?;
    r.defer().await?;
    let http = r.http();
    let text = match click {
        Click::Ask => close_request::request(http, data, env, &t).await?,
        Click::Accept => close_request::accept(http, data, env, &t).await?,
        Click::KeepOpen => close_request::keep(http, data, env, &t).await?,
    };
    r.say(text).await
}
