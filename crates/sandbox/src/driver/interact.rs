//! Sending an interaction and waiting (at most 3 s, as Discord does) for
//! the bot's answer.

use tokio::time::Instant;

use super::view_builder::{message_view, modal_view};
use super::waiting;
use super::{ChoiceView, DriverError, Response, ResponseKind};
use crate::ids::Snowflake;
use crate::shared::Shared;
use crate::state::interactions::{NewInteraction, RESPONSE_WINDOW};
use crate::state::DiscordState;
use crate::wire::interaction::{
    CALLBACK_AUTOCOMPLETE, CALLBACK_DEFERRED_MESSAGE, CALLBACK_DEFERRED_UPDATE, CALLBACK_MESSAGE,
    CALLBACK_MODAL, CALLBACK_UPDATE,
};

pub(crate) async fn run(
    shared: &Shared,
    what: String,
    new: impl FnOnce(&DiscordState) -> Result<NewInteraction, DriverError>,
) -> Result<Response, DriverError> {
    let id = shared.write(|w| {
        let interaction = new(w)?;
        w.begin_interaction(interaction).map_err(DriverError::from)
    })?;
    let deadline = Instant::now() + RESPONSE_WINDOW;
    let answered = waiting::until(shared, deadline, |w| {
        w.interactions.by_id.get(&id).and_then(|r| r.response)
    })
    .await;
    let Some(kind) = answered else {
        return Err(DriverError::NoResponse {
            what,
            waited: RESPONSE_WINDOW,
        });
    };
    shared
        .read(|w| response_of(w, id, kind))
        .ok_or(DriverError::Unexpected("the interaction vanished"))
}

fn response_of(world: &DiscordState, id: Snowflake, kind: u8) -> Option<Response> {
    let record = world.interactions.by_id.get(&id)?;
    let message = record.original_message.and_then(|m| {
        world
            .channels
            .get(&record.channel_id)
            .and_then(|c| c.messages.get(&m))
            .map(|m| message_view(world, m))
    });
    let kind = match kind {
        CALLBACK_MESSAGE => ResponseKind::Message,
        CALLBACK_DEFERRED_MESSAGE => ResponseKind::Deferred,
        CALLBACK_DEFERRED_UPDATE => ResponseKind::DeferredUpdate,
        CALLBACK_UPDATE => ResponseKind::Updated,
        CALLBACK_AUTOCOMPLETE => ResponseKind::Autocomplete,
        CALLBACK_MODAL => ResponseKind::Modal,
        _ => return None,
    };
    Some(Response {
        interaction_id: id.0,
        kind,
        message,
        modal: modal_view(world, id),
        choices: record
            .choices
            .iter()
            .flatten()
            .map(|c| ChoiceView {
                name: c.name.clone(),
                value: c.value.clone(),
            })
            .collect(),
    })
}
