//! Channels: read, change, delete, permission overwrites, typing.

use std::sync::Arc;

use axum::extract::State;

use super::extract::{Body, BotAuth, Ids};
use super::response::{no_content, ok, Answer};
use crate::error::ApiError;
use crate::ids::Snowflake;
use crate::shared::Shared;
use crate::state::permissions::Permissions;
use crate::wire::channel::{ChannelPatchIn, OverwriteIn};

pub async fn get(
    State(s): State<Arc<Shared>>,
    BotAuth(bot): BotAuth,
    Ids(id): Ids<Snowflake>,
) -> Answer {
    Ok(ok(&s.read(|w| w.get_channel(bot, id))?))
}

pub async fn modify(
    State(s): State<Arc<Shared>>,
    BotAuth(bot): BotAuth,
    Ids(id): Ids<Snowflake>,
    body: Body<serde_json::Value>,
) -> Answer {
    let patch: ChannelPatchIn = serde_json::from_value(body.value).map_err(ApiError::malformed)?;
    Ok(ok(&s.write(|w| w.modify_channel(bot, id, patch))?))
}

pub async fn delete(
    State(s): State<Arc<Shared>>,
    BotAuth(bot): BotAuth,
    Ids(id): Ids<Snowflake>,
) -> Answer {
    Ok(ok(&s.write(|w| w.delete_channel(bot, id))?))
}

pub async fn put_overwrite(
    State(s): State<Arc<Shared>>,
    BotAuth(bot): BotAuth,
    Ids((channel, target)): Ids<(Snowflake, Snowflake)>,
    body: Body<serde_json::Value>,
) -> Answer {
    let overwrite: OverwriteIn = serde_json::from_value(body.value).map_err(ApiError::malformed)?;
    s.write(|w| w.put_overwrite(bot, channel, target, overwrite))?;
    Ok(no_content())
}

pub async fn delete_overwrite(
    State(s): State<Arc<Shared>>,
    BotAuth(bot): BotAuth,
    Ids((channel, target)): Ids<(Snowflake, Snowflake)>,
) -> Answer {
    s.write(|w| w.delete_overwrite(bot, channel, target))?;
    Ok(no_content())
}

/// POST /channels/{id}/typing: needs the right to send there.
pub async fn typing(
    State(s): State<Arc<Shared>>,
    BotAuth(bot): BotAuth,
    Ids(id): Ids<Snowflake>,
) -> Answer {
    s.read(|w| {
        w.visible_channel(bot, id)?;
        w.require(bot, id, Permissions::SEND_MESSAGES)
    })?;
    Ok(no_content())
}
