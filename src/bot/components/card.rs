//! The case card's buttons: Claim and Unclaim act at once; Escalate, Note
//! and Close ask for a reason or text in a form first (refused before the
//! form when the clicker may not do it), then act on its submission.

use poise::serenity_prelude::ModalInteraction;

use super::{ticket, ticket_form, value, Ask, Responder};
use crate::bot::app::Data;
use crate::bot::error::BotError;
use crate::bot::flows::{ops, Env};
use crate::bot::ids::ComponentId;
use crate::tickets::{allows, Direction, Level, Ticket, TicketAction, TicketId};

pub(super) async fn claim(
    r: &mut Responder<'_>,
    data: &Data,
    env: &Env,
    t: TicketId,
) -> Result<(), BotError> {
    r.defer().await?;
    let t = ticket(data, t, env).await?;
    let text = ops::claim(r.http(), data, env, &t).await?;
    r.say(text).await
}

pub(super) async fn unclaim(
    r: &mut Responder<'_>,
    data: &Data,
    env: &Env,
    t: TicketId,
) -> Result<(), BotError> {
    r.defer().await?;
    let t = ticket(data, t, env).await?;
    let text = ops::unclaim(r.http(), data, env, &t).await?;
    r.say(text).await
}

/// The ticket a form is about, if the clicker may do `action` on it:
/// refused before asking for a reason nobody may give.
async fn allowed(
    data: &Data,
    env: &Env,
    t: TicketId,
    action: TicketAction,
) -> Result<Ticket, BotError> {
    let t = ticket(data, t, env).await?;
    allows(action, &env.actor, &t).map_err(BotError::Refused)?;
    Ok(t)
}

pub(super) async fn escalate_form(
    r: &mut Responder<'_>,
    data: &Data,
    env: &Env,
    t: TicketId,
) -> Result<(), BotError> {
    let t = allowed(data, env, t, TicketAction::Escalate).await?;
    let fields = [
        Ask {
            label: "form-reason",
            id: "reason",
            required: true,
            max: 1000,
            long: true,
        },
        Ask {
            label: "form-level",
            id: "level",
            required: false,
            max: 2,
            long: false,
        },
    ];
    let form = ComponentId::EscalateForm(t.id);
    ticket_form(
        r,
        env.locale,
        form,
        "form-escalate-title",
        t.number,
        &fields,
    )
    .await
}

pub(super) async fn note_form(
    r: &mut Responder<'_>,
    data: &Data,
    env: &Env,
    t: TicketId,
) -> Result<(), BotError> {
    let t = allowed(data, env, t, TicketAction::Note).await?;
    let text = Ask {
        label: "form-note",
        id: "text",
        required: true,
        max: 1800,
        long: true,
    };
    let form = ComponentId::NoteForm(t.id);
    ticket_form(r, env.locale, form, "form-note-title", t.number, &[text]).await
}

pub(super) async fn close_form(
    r: &mut Responder<'_>,
    data: &Data,
    env: &Env,
    t: TicketId,
) -> Result<(), BotError> {
    let t = allowed(data, env, t, TicketAction::Close).await?;
    let reason = Ask {
        label: "form-close-reason",
        id: "reason",
        required: false,
        max: 1000,
        long: true,
    };
    let form = ComponentId::CloseForm(t.id);
    ticket_form(r, env.locale, form, "form-close-title", t.number, &[reason]).await
}

pub(super) async fn escalate(
    r: &mut Responder<'_>,
    data: &Data,
    env: &Env,
    form: &ModalInteraction,
    t: TicketId,
) -> Result<(), BotError> {
    let t = ticket(data, t, env).await?;
    let reason = value(form, "reason").unwrap_or_default();
    let level = match value(form, "level") {
        None => None,
        Some(l) => Some(
            l.parse::<Level>()
                .map_err(|_| BotError::say("error-bad-form-level"))?,
        ),
    };
    let text = ops::move_level(r.http(), data, env, &t, Direction::Up, level, &reason).await?;
    r.say(text).await
}

pub(super) async fn note(
    r: &mut Responder<'_>,
    data: &Data,
    env: &Env,
    form: &ModalInteraction,
    t: TicketId,
) -> Result<(), BotError> {
    let t = ticket(data, t, env).await?;
    let text = value(form, "text").unwrap_or_default();
    let done = ops::note(r.http(), data, env, &t, &text).await?;
    r.say(done).await
}

pub(super) async fn close(
    r: &mut Responder<'_>,
    data: &Data,
    env: &Env,
    form: &ModalInteraction,
    t: TicketId,
) -> Result<(), BotError> {
    let t = ticket(data, t, env).await?;
    let reason = value(form, "reason");
    let done = ops::close(r.http(), data, env, &t, reason.as_deref()).await?;
    r.say(done).await
}
