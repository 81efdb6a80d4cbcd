//! Close requests (issue 14.5): staff ask the user to confirm closing;
//! the user (or staff) answers Close or Keep open in the user thread; the
//! user writing there keeps it open; silence closes it after the server's
//! delay (the scheduler's auto-close timer). The domain decides
//! (`tickets::close_request`); the steps are the outbox's.

use poise::serenity_prelude::{
    ActionRowComponent, ButtonKind, ButtonStyle, ChannelId as DChannel, CreateActionRow,
    CreateButton, EditMessage, GetMessages, Http, Message,
};

use super::{carry_out, Env};
use crate::bot::app::Data;
use crate::bot::effects;
use crate::bot::error::BotError;
use crate::bot::ids::ComponentId;
use crate::bot::render::{clip, duration};
use crate::i18n::Locale;
use crate::tickets::{self, close_request, Actor, Ticket};
use crate::tr;

/// Staff ask (`/close-request` or the card's button).
pub async fn request(http: &Http, data: &Data, env: &Env, t: &Ticket) -> Result<String, BotError> {
    if t.user_thread.is_none() {
        return Err(BotError::say("refusal-thread-gone"));
    }
    let change = data
        .store
        .transition(t.id, |t| {
            tickets::request_close(t, &env.actor, data.clock.now())
        })
        .await?;
    let (t, note) = carry_out(http, data, env, &change).await?;
    Ok(tr!(
        env.locale,
        "close-request-sent",
        number = t.number.to_string(),
        after = duration(env.locale, env.settings.close_request_after())
    ) + &note)
}

/// "Close" under the request.
pub async fn accept(http: &Http, data: &Data, env: &Env, t: &Ticket) -> Result<String, BotError> {
    let change = data
        .store
        .transition(t.id, |t| {
            tickets::accept_close(t, &env.actor, data.clock.now())
        })
        .await?;
    let (t, note) = carry_out(http, data, env, &change).await?;
    Ok(tr!(
        env.locale,
        "close-request-closed",
        number = t.number.to_string()
    ) + &note)
}

/// "Keep open" under the request.
pub async fn keep(http: &Http, data: &Data, env: &Env, t: &Ticket) -> Result<String, BotError> {
    let change = data
        .store
        .transition(t.id, |t| {
            tickets::keep_open(t, &env.actor, data.clock.now())
        })
        .await?;
    let (t, note) = carry_out(http, data, env, &change).await?;
    Ok(tr!(
        env.locale,
        "close-request-kept-reply",
        number = t.number.to_string()
    ) + &note)
}

/// The user wrote in their thread: a standing request is withdrawn (the
/// domain decides; any other message changes nothing).
pub async fn user_wrote(
    http: &Http,
    data: &Data,
    t: &Ticket,
    message: &Message,
) -> Result<(), BotError> {
    if t.close_requested_at.is_none() {
        return Ok(());
    }
    let author = Actor::member(t.opener);
    let change = data
        .store
        .transition(t.id, |t| {
            close_request::user_wrote(t, &author, *message.timestamp, data.clock.now())
        })
        .await?;
    if !change.events.is_empty() {
        effects::run_ticket(http, data, t.id).await;
    }
    Ok(())
}

/// Close / Keep open.
pub fn buttons(locale: Locale, t: &Ticket) -> Vec<CreateActionRow> {
    vec![CreateActionRow::Buttons(vec![
        CreateButton::new(ComponentId::CloseAccept(t.id).to_string())
            .label(tr!(locale, "button-close-accept"))
            .style(ButtonStyle::Danger),
        CreateButton::new(ComponentId::KeepOpen(t.id).to_string())
            .label(tr!(locale, "button-keep-open"))
            .style(ButtonStyle::Secondary),
    ])]
}

/// Takes Close / Keep open off every close request of the ticket still
/// showing them, adding `note` below. Safe to repeat.
pub async fn retire_question(
    http: &Http,
    t: &Ticket,
    note: Option<String>,
) -> Result<(), BotError> {
    let Some(thread) = t.user_thread else {
        return Ok(());
    };
    let channel = DChannel::new(thread.0);
    let recent = channel.messages(http, GetMessages::new().limit(50)).await?;
    for m in recent.iter().filter(|m| asks_to_close(m, t)) {
        let mut edit = EditMessage::new().components(Vec::new());
        if let Some(note) = &note {
            edit = edit.content(clip(&format!("{}\n\n{note}", m.content), 2000));
        }
        channel.edit_message(http, m.id, edit).await?;
    }
    Ok(())
}

/// Whether `m` is a close request about `t` that still has its buttons.
fn asks_to_close(m: &Message, t: &Ticket) -> bool {
    let close = ComponentId::CloseAccept(t.id).to_string();
    m.author.bot
        && m.components
            .iter()
            .flat_map(|row| &row.components)
            .any(|c| match c {
                ActionRowComponent::Button(b) => match &b.data {
                    ButtonKind::NonLink { custom_id, .. } => *custom_id == close,
                    ButtonKind::Link { .. } | ButtonKind::Premium { .. } => false,
                },
                _ => false,
            })
}
