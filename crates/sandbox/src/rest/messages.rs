//! Messages of a channel.

use std::sync::Arc;

use axum::extract::State;
use serde::Deserialize;

use super::extract::{Body, BotAuth, Ids, Params};
use super::response::{no_content, ok, Answer};
use crate::ids::Snowflake;
use crate::shared::Shared;
use crate::state::ListQuery;
use crate::wire::message::MessageIn;

#[derive(Deserialize)]
pub struct Paging {
    before: Option<Snowflake>,
    after: Option<Snowflake>,
    around: Option<Snowflake>,
    limit: Option<u32>,
}

pub async fn list(
    State(s): State<Arc<Shared>>,
    BotAuth(bot): BotAuth,
    Ids(channel): Ids<Snowflake>,
    Params(p): Params<Paging>,
) -> Answer {
    let query = ListQuery {
        before: p.before,
        after: p.after,
        around: p.around,
        limit: p.limit,
    };
    Ok(ok(&s.read(|w| w.list_messages(bot, channel, query))?))
}

pub async fn create(
    State(s): State<Arc<Shared>>,
    BotAuth(bot): BotAuth,
    Ids(channel): Ids<Snowflake>,
    body: Body<MessageIn>,
) -> Answer {
    let out = s.write(|w| {
        let id = w.post_message(bot, channel, body.value, body.uploads)?;
        w.get_message_any(channel, id)
    })?;
    Ok(ok(&out))
}

pub async fn get(
    State(s): State<Arc<Shared>>,
    BotAuth(bot): BotAuth,
    Ids((channel, message)): Ids<(Snowflake, Snowflake)>,
) -> Answer {
    Ok(ok(&s.read(|w| w.get_message(bot, channel, message))?))
}

pub async fn edit(
    State(s): State<Arc<Shared>>,
    BotAuth(bot): BotAuth,
    Ids((channel, message)): Ids<(Snowflake, Snowflake)>,
    body: Body<MessageIn>,
) -> Answer {
    let out = s.write(|w| {
        w.edit_message(bot, channel, message, body.value, body.uploads)?;
        w.get_message_any(channel, message)
    })?;
    Ok(ok(&out))
}

pub async fn delete(
    State(s): State<Arc<Shared>>,
    BotAuth(bot): BotAuth,
    Ids((channel, message)): Ids<(Snowflake, Snowflake)>,
) -> Answer {
    s.write(|w| w.delete_message(bot, channel, message))?;
    Ok(no_content())
}
