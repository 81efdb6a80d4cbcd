//! "Did this solve it?": staff ask, the user answers Yes (closed), with a
//! 1–5 rating (closed, rated), or No (back to the assignee). Silence
//! closes it after the configured hours (the scheduler's auto-close).

use poise::serenity_prelude::{
    ActionRowComponent, ButtonKind, ButtonStyle, ChannelId as DChannel, CreateActionRow,
    CreateButton, EditMessage, GetMessages, Http, Message,
};

use super::{carry_out, Env};
use crate::bot::app::Data;
use crate::bot::effects;
use crate::bot::error::BotError;
use crate::bot::ids::ComponentId;
use crate::bot::render::clip;
use crate::i18n::Locale;
use crate::tickets::{self, Actor, Rating, Ticket};
use crate::tr;

pub async fn request(
    http: &Http,
    data: &Data,
    env: &Env,
    t: &Ticket,
    summary: Option<&str>,
) -> Result<String, BotError> {
    if t.user_thread.is_none() {
        return Err(BotError::say("refusal-thread-gone"));
    }
    let change = data
        .store
        .transition(t.id, |t| {
            tickets::request_resolve(t, &env.actor, summary, data.clock.now())
        })
        .await?;
    let (t, note) = carry_out(http, data, env, &change).await?;
    Ok(tr!(env.locale, "resolve-asked", number = t.number.to_string()) + &note)
}

/// The question's Yes / No / ★ buttons.
pub fn question_buttons(locale: Locale, t: &Ticket) -> Vec<CreateActionRow> {
    let answers = CreateActionRow::Buttons(vec![
        CreateButton::new(ComponentId::ResolvedYes(t.id).to_string())
            .label(tr!(locale, "button-yes"))
            .style(ButtonStyle::Success),
        CreateButton::new(ComponentId::ResolvedNo(t.id).to_string())
            .label(tr!(locale, "button-no"))
            .style(ButtonStyle::Danger),
    ]);
    let stars = CreateActionRow::Buttons(
        (1..=5u8)
            .map(|n| {
                CreateButton::new(ComponentId::Rate(t.id, n).to_string())
                    .label(format!("{n} ★"))
                    .style(ButtonStyle::Secondary)
            })
            .collect(),
    );
    vec![answers, stars]
}

/// The user confirms (Yes, or a rating with an optional comment).
pub async fn confirm(
    http: &Http,
    data: &Data,
    env: &Env,
    t: &Ticket,
    rating: Option<u8>,
    comment: Option<&str>,
) -> Result<String, BotError> {
    let rating = rating
        .map(Rating::try_from)
        .transpose()
        .map_err(|_| BotError::say("error-bad-rating"))?;
    let change = data
        .store
        .transition(t.id, |t| {
            tickets::confirm(t, &env.actor, rating, comment, data.clock.now())
        })
        .await?;
    let (t, _) = carry_out(http, data, env, &change).await?;
    Ok(tr!(t.locale, "resolve-thanks"))
}

/// The user says No: back to the assignee, who is pinged in the case.
pub async fn reject(
    http: &Http,
    data: &Data,
    env: &Env,
    t: &Ticket,
    comment: Option<&str>,
) -> Result<String, BotError> {
    let change = data
        .store
        .transition(t.id, |t| {
            tickets::reject(t, &env.actor, comment, data.clock.now())
        })
        .await?;
    let (t, _) = carry_out(http, data, env, &change).await?;
    Ok(tr!(t.locale, "resolve-not-solved"))
}

/// The user wrote in their thread while asked "Did this solve it?": a
/// message is no Yes, so the question (and its auto-close) is withdrawn
/// and the ticket goes back to the assignee as on No. The domain decides
/// (`tickets::user_replied`); a message that is no reply changes nothing.
pub async fn replied(
    http: &Http,
    data: &Data,
    t: &Ticket,
    message: &Message,
) -> Result<(), BotError> {
    let author = Actor::member(t.opener);
    let change = data
        .store
        .transition(t.id, |t| {
            tickets::user_replied(
                t,
                &author,
                &message.content,
                *message.timestamp,
                data.clock.now(),
            )
        })
        .await?;
    if !change.events.is_empty() {
        effects::run_ticket(http, data, t.id).await;
    }
    Ok(())
}

/// Takes the Yes / No / ★ buttons off every "Did this solve it?" of the
/// ticket still showing them (answered, withdrawn or closed: nothing is
/// left to answer), adding `note` below the question. Safe to repeat: a
/// question already without buttons is left alone.
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
    for m in recent.iter().filter(|m| asks_about(m, t)) {
        let mut edit = EditMessage::new().components(Vec::new());
        if let Some(note) = &note {
            edit = edit.content(clip(&format!("{}\n\n{note}", m.content), 2000));
        }
        // The question may have waited long enough for the thread to archive.
        super::case::in_active_thread(http, thread, || {
            channel.edit_message(http, m.id, edit.clone())
        })
        .await?;
    }
    Ok(())
}

/// Whether `m` is a question about `t` that still has its buttons.
fn asks_about(m: &Message, t: &Ticket) -> bool {
    let yes = ComponentId::ResolvedYes(t.id).to_string();
    m.author.bot
        && m.components
            .iter()
            .flat_map(|row| &row.components)
            .any(|c| match c {
                ActionRowComponent::Button(b) => match &b.data {
                    ButtonKind::NonLink { custom_id, .. } => *custom_id == yes,
                    ButtonKind::Link { .. } | ButtonKind::Premium { .. } => false,
                },
                _ => false,
            })
}
