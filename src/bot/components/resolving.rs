//! The buttons and forms of resolving: the card's "Resolve" (a form for an
//! optional summary), and the user's Yes / No / 1–5 stars under "Did this
//! solve it?" (a rating or a No opens a form for an optional comment).
//! What resolving does is `flows::resolve`; this is only its controls.

use poise::serenity_prelude::{InputTextStyle, ModalInteraction};

use super::{field, modal, ticket, ticket_form, value, Ask, Responder};
use crate::bot::app::Data;
use crate::bot::error::BotError;
use crate::bot::flows::{resolve, Env};
use crate::bot::ids::ComponentId;
use crate::tickets::{allows, Refusal, Status, TicketAction, TicketId};
use crate::tr;

/// The card's "Resolve": the form for an optional summary.
pub(super) async fn resolve_form(
    r: &mut Responder<'_>,
    data: &Data,
    env: &Env,
    t: TicketId,
) -> Result<(), BotError> {
    let t = ticket(data, t, env).await?;
    allows(TicketAction::Resolve, &env.actor, &t).map_err(BotError::Refused)?;
    let summary = Ask {
        label: "form-summary",
        id: "summary",
        required: false,
        max: 1500,
        long: true,
    };
    let form = ComponentId::ResolveForm(t.id);
    ticket_form(
        r,
        env.locale,
        form,
        "form-resolve-title",
        t.number,
        &[summary],
    )
    .await
}

/// The user's "Yes": closed as solved.
pub(super) async fn yes(
    r: &mut Responder<'_>,
    data: &Data,
    env: &Env,
    t: TicketId,
) -> Result<(), BotError> {
    let t = ticket(data, t, env).await?;
    allows(TicketAction::AnswerResolve, &env.actor, &t).map_err(BotError::Refused)?;
    r.defer().await?;
    let text = resolve::confirm(r.http(), data, env, &t, None, None).await?;
    r.say(text).await
}

/// The user's "No" (`stars` None) or a rating: a form for a comment.
pub(super) async fn comment_form(
    r: &mut Responder<'_>,
    data: &Data,
    env: &Env,
    t: TicketId,
    stars: Option<u8>,
) -> Result<(), BotError> {
    let t = ticket(data, t, env).await?;
    allows(TicketAction::AnswerResolve, &env.actor, &t).map_err(BotError::Refused)?;
    if t.status != Status::Resolving {
        return Err(BotError::Refused(Refusal::NotAwaitingConfirmation));
    }
    let (form, title, label) = match stars {
        Some(n) => (
            ComponentId::RateForm(t.id, n),
            tr!(
                t.locale,
                "form-rate-title",
                stars = "★".repeat(usize::from(n))
            ),
            tr!(t.locale, "form-rate-comment"),
        ),
        None => (
            ComponentId::ResolvedNo(t.id),
            tr!(t.locale, "form-no-title"),
            tr!(t.locale, "form-no-comment"),
        ),
    };
    let comment = field(InputTextStyle::Paragraph, label, "comment", false, 1500);
    r.respond(modal(form, title, vec![comment])).await
}

/// The Resolve form: asks the user "Did this solve it?".
pub(super) async fn resolve(
    r: &mut Responder<'_>,
    data: &Data,
    env: &Env,
    form: &ModalInteraction,
    t: TicketId,
) -> Result<(), BotError> {
    let t = ticket(data, t, env).await?;
    let summary = value(form, "summary");
    let text = resolve::request(r.http(), data, env, &t, summary.as_deref()).await?;
    r.say(text).await
}

/// A rating with its optional comment: closed and rated.
pub(super) async fn rate(
    r: &mut Responder<'_>,
    data: &Data,
    env: &Env,
    form: &ModalInteraction,
    t: TicketId,
    stars: u8,
) -> Result<(), BotError> {
    let t = ticket(data, t, env).await?;
    let comment = value(form, "comment");
    let text = resolve::confirm(r.http(), data, env, &t, Some(stars), comment.as_deref()).await?;
    r.say(text).await
}

/// The "No" form: back to the assignee with the user's comment.
pub(super) async fn reject(
    r: &mut Responder<'_>,
    data: &Data,
    env: &Env,
    form: &ModalInteraction,
    t: TicketId,
) -> Result<(), BotError> {
    let t = ticket(data, t, env).await?;
    let comment = value(form, "comment");
    let text = resolve::reject(r.http(), data, env, &t, comment.as_deref()).await?;
    r.say(text).await
}
