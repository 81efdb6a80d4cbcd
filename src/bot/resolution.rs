//! Resolving a ticket with the user: "Did this solve it?", Yes / No and a
//! 1–5 rating, reopening from a closed ticket's thread.

use poise::serenity_prelude::{ComponentInteraction, ModalInteraction};

use super::app::Data;
use super::components::Responder;
use super::error::BotError;
use super::flows::Env;
use super::ids::ComponentId;

pub(super) async fn on_click(
    _r: &mut Responder<'_>,
    _data: &Data,
    _env: &Env,
    _click: &ComponentInteraction,
    _id: ComponentId,
) -> Result<(), BotError> {
    Err(BotError::say("error-generic"))
}

pub(super) async fn on_submit(
    _r: &mut Responder<'_>,
    _data: &Data,
    _env: &Env,
    _form: &ModalInteraction,
    _id: ComponentId,
) -> Result<(), BotError> {
    Err(BotError::say("error-generic"))
}
