//! Answering interactions: the callback and the interaction webhook
//! (original response and follow-ups). These need no bot token: the
//! interaction token in the path is the credential.

use std::sync::Arc;

use axum::extract::State;

use super::extract::{Body, Ids};
use super::response::{no_content, ok, Answer};
use crate::error::ApiError;
use crate::ids::Snowflake;
use crate::shared::Shared;
use crate::wire::interaction::CallbackIn;
use crate::wire::message::MessageIn;

pub async fn callback(
    State(s): State<Arc<Shared>>,
    Ids((id, token)): Ids<(Snowflake, String)>,
    body: Body<serde_json::Value>,
) -> Answer {
    let callback: CallbackIn = serde_json::from_value(body.value).map_err(ApiError::malformed)?;
    s.write(|w| w.interaction_callback(id, &token, callback, body.uploads))?;
    Ok(no_content())
}

pub async fn create_followup(
    State(s): State<Arc<Shared>>,
    Ids((app, token)): Ids<(Snowflake, String)>,
    body: Body<MessageIn>,
) -> Answer {
    Ok(ok(&s.write(|w| {
        w.create_followup(app, &token, body.value, body.uploads)
    })?))
}

pub async fn get_original(
    State(s): State<Arc<Shared>>,
    Ids((app, token)): Ids<(Snowflake, String)>,
) -> Answer {
    Ok(ok(&s.read(|w| w.get_response(app, &token, None))?))
}

pub async fn edit_original(
    State(s): State<Arc<Shared>>,
    Ids((app, token)): Ids<(Snowflake, String)>,
    body: Body<MessageIn>,
) -> Answer {
    Ok(ok(&s.write(|w| {
        w.edit_response(app, &token, None, body.value, body.uploads)
    })?))
}

pub async fn delete_original(
    State(s): State<Arc<Shared>>,
    Ids((app, token)): Ids<(Snowflake, String)>,
) -> Answer {
    s.write(|w| w.delete_response(app, &token, None))?;
    Ok(no_content())
}

pub async fn get_followup(
    State(s): State<Arc<Shared>>,
    Ids((app, token, message)): Ids<(Snowflake, String, Snowflake)>,
) -> Answer {
    Ok(ok(&s.read(|w| w.get_response(app, &token, Some(message)))?))
}

pub async fn edit_followup(
    State(s): State<Arc<Shared>>,
    Ids((app, token, message)): Ids<(Snowflake, String, Snowflake)>,
    body: Body<MessageIn>,
) -> Answer {
    Ok(ok(&s.write(|w| {
        w.edit_response(app, &token, Some(message), body.value, body.uploads)
    })?))
}

pub async fn delete_followup(
    State(s): State<Arc<Shared>>,
    Ids((app, token, message)): Ids<(Snowflake, String, Snowflake)>,
) -> Answer {
    s.write(|w| w.delete_response(app, &token, Some(message)))?;
    Ok(no_content())
}
