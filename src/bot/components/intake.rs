//! The intake's components (issue 14.1): showing its first step from a
//! button, the topic menu, and the questions form.

use poise::serenity_prelude::{
    CreateInteractionResponse, CreateInteractionResponseMessage, ModalInteraction,
};

use super::{value, Responder};
use crate::bot::app::Data;
use crate::bot::error::BotError;
use crate::bot::flows::intake::{self, Start};
use crate::bot::flows::Env;
use crate::bot::mentions;
use crate::bot::render::intake::input_id;
use crate::tickets::intake::MAX_QUESTIONS;

/// Answers the click that began an intake with its first step.
pub(super) async fn show(r: &mut Responder<'_>, start: Start) -> Result<(), BotError> {
    r.respond(match start {
        Start::Menu { text, rows } => CreateInteractionResponse::Message(
            CreateInteractionResponseMessage::new()
                .content(text)
                .components(rows)
                .ephemeral(true)
                .allowed_mentions(mentions::nobody()),
        ),
        Start::Form(modal) => CreateInteractionResponse::Modal(modal),
    })
    .await
}

/// A topic chosen in the menu: the questions form next, or the ticket
/// opens when there are no questions.
pub(super) async fn topic(
    r: &mut Responder<'_>,
    data: &Data,
    env: &Env,
    draft: i64,
) -> Result<(), BotError> {
    let chosen = r.selected();
    match intake::choose(data, env, draft, chosen.as_deref()).await? {
        Some(form) => r.respond(CreateInteractionResponse::Modal(form)).await,
        None => {
            r.defer().await?;
            let text = intake::finish(r.http(), data, env, draft, &[]).await?;
            r.say(text).await
        }
    }
}

/// The questions form submitted (already deferred): the ticket opens.
pub(super) async fn form(
    r: &mut Responder<'_>,
    data: &Data,
    env: &Env,
    form: &ModalInteraction,
    draft: i64,
) -> Result<(), BotError> {
    let answers: Vec<Option<String>> = (0..MAX_QUESTIONS)
        .map(|i| value(form, &input_id(i)))
        .collect();
    let text = intake::finish(r.http(), data, env, draft, &answers).await?;
    r.say(text).await
}
