//! The close request's buttons (issue 14.5): "Ask to close" on the case
//! card (staff), Close / Keep open under the request in the user thread
//! (the ticket's user, or staff who may close it: the domain checks).

use super::{ticket, Responder};
use crate::bot::app::Data;
use crate::bot::error::BotError;
use crate::bot::flows::{close_request, Env};
use crate::tickets::TicketId;

pub(super) async fn ask(
    r: &mut Responder<'_>,
    data: &Data,
    env: &Env,
    id: TicketId,
) -> Result<(), BotError> {
    let t = ticket(data, id, env).await?;
    r.defer().await?;
    let text = close_request::request(r.http(), data, env, &t).await?;
    r.say(text).await
}

pub(super) async fn accept(
    r: &mut Responder<'_>,
    data: &Data,
    env: &Env,
    id: TicketId,
) -> Result<(), BotError> {
    let t = ticket(data, id, env).await?;
    r.defer().await?;
    let text = close_request::accept(r.http(), data, env, &t).await?;
    r.say(text).await
}

pub(super) async fn keep_open(
    r: &mut Responder<'_>,
    data: &Data,
    env: &Env,
    id: TicketId,
) -> Result<(), BotError> {
    let t = ticket(data, id, env).await?;
    r.defer().await?;
    let text = close_request::keep(r.http(), data, env, &t).await?;
    r.say(text).await
}
