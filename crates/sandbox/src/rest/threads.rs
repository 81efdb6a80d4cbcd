//! Threads and their members.

use std::sync::Arc;

use axum::extract::State;
use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::extract::{Body, BotAuth, Ids, Params};
use super::response::{created, no_content, ok, Answer};
use crate::error::ApiError;
use crate::ids::Snowflake;
use crate::shared::Shared;
use crate::state::ArchivedQuery;
use crate::wire::channel::ThreadCreateIn;

fn thread_body(value: serde_json::Value) -> Result<ThreadCreateIn, ApiError> {
    serde_json::from_value(value).map_err(ApiError::malformed)
}

pub async fn start(
    State(s): State<Arc<Shared>>,
    BotAuth(bot): BotAuth,
    Ids(channel): Ids<Snowflake>,
    body: Body<serde_json::Value>,
) -> Answer {
    let body = thread_body(body.value)?;
    Ok(created(&s.write(|w| w.start_thread(bot, channel, body))?))
}

pub async fn start_from_message(
    State(s): State<Arc<Shared>>,
    BotAuth(bot): BotAuth,
    Ids((channel, message)): Ids<(Snowflake, Snowflake)>,
    body: Body<serde_json::Value>,
) -> Answer {
    let body = thread_body(body.value)?;
    Ok(created(&s.write(|w| {
        w.start_thread_from_message(bot, channel, message, body)
    })?))
}

#[derive(Deserialize)]
pub struct MemberQuery {
    #[serde(default)]
    with_member: Option<bool>,
}

pub async fn members(
    State(s): State<Arc<Shared>>,
    BotAuth(bot): BotAuth,
    Ids(thread): Ids<Snowflake>,
    Params(q): Params<MemberQuery>,
) -> Answer {
    let with_member = q.with_member.unwrap_or(false);
    Ok(ok(&s.read(|w| w.thread_members(bot, thread, with_member))?))
}

pub async fn member(
    State(s): State<Arc<Shared>>,
    BotAuth(bot): BotAuth,
    Ids((thread, user)): Ids<(Snowflake, Snowflake)>,
    Params(q): Params<MemberQuery>,
) -> Answer {
    let with_member = q.with_member.unwrap_or(false);
    Ok(ok(&s.read(|w| {
        w.thread_member(bot, thread, user, with_member)
    })?))
}

pub async fn join(
    State(s): State<Arc<Shared>>,
    BotAuth(bot): BotAuth,
    Ids(thread): Ids<Snowflake>,
) -> Answer {
    s.write(|w| w.join_thread(bot, thread))?;
    Ok(no_content())
}

pub async fn leave(
    State(s): State<Arc<Shared>>,
    BotAuth(bot): BotAuth,
    Ids(thread): Ids<Snowflake>,
) -> Answer {
    s.write(|w| w.leave_thread(bot, thread))?;
    Ok(no_content())
}

pub async fn add_member(
    State(s): State<Arc<Shared>>,
    BotAuth(bot): BotAuth,
    Ids((thread, user)): Ids<(Snowflake, Snowflake)>,
) -> Answer {
    s.write(|w| w.add_thread_member(bot, thread, user))?;
    Ok(no_content())
}

pub async fn remove_member(
    State(s): State<Arc<Shared>>,
    BotAuth(bot): BotAuth,
    Ids((thread, user)): Ids<(Snowflake, Snowflake)>,
) -> Answer {
    s.write(|w| w.remove_thread_member(bot, thread, user))?;
    Ok(no_content())
}

#[derive(Deserialize)]
pub struct ArchivedParams {
    before: Option<String>,
    limit: Option<u32>,
}

fn archived_query(p: ArchivedParams) -> Result<ArchivedQuery, ApiError> {
    let before = match p.before {
        None => None,
        Some(text) => Some(
            DateTime::parse_from_rfc3339(&text)
                .map(|t| t.with_timezone(&Utc))
                .map_err(|_| {
                    ApiError::invalid_field(
                        "before",
                        "DATE_TIME_TYPE_PARSE",
                        "Could not parse time",
                    )
                })?,
        ),
    };
    Ok(ArchivedQuery {
        before,
        limit: p.limit,
    })
}

pub async fn archived_public(
    State(s): State<Arc<Shared>>,
    BotAuth(bot): BotAuth,
    Ids(channel): Ids<Snowflake>,
    Params(p): Params<ArchivedParams>,
) -> Answer {
    let query = archived_query(p)?;
    Ok(ok(&s.read(|w| {
        w.archived_threads(bot, channel, false, query)
    })?))
}

pub async fn archived_private(
    State(s): State<Arc<Shared>>,
    BotAuth(bot): BotAuth,
    Ids(channel): Ids<Snowflake>,
    Params(p): Params<ArchivedParams>,
) -> Answer {
    let query = archived_query(p)?;
    Ok(ok(
        &s.read(|w| w.archived_threads(bot, channel, true, query))?
    ))
}
