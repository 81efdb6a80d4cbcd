//! The guild, its channels, roles, members and active threads.

use std::sync::Arc;

use axum::extract::State;
use serde::Deserialize;

use super::extract::{Body, BotAuth, Ids, Params};
use super::response::{created, no_content, ok, Answer};
use crate::error::ApiError;
use crate::ids::Snowflake;
use crate::shared::Shared;
use crate::wire::channel::ChannelCreateIn;

/// The bot may only look into guilds it is a member of.
fn member_guild(s: &Shared, bot: Snowflake, guild: Snowflake) -> Result<(), ApiError> {
    s.read(|w| {
        let g = w.guild(guild)?;
        if g.members.contains_key(&bot) {
            Ok(())
        } else {
            Err(ApiError::missing_access())
        }
    })
}

pub async fn get(
    State(s): State<Arc<Shared>>,
    BotAuth(bot): BotAuth,
    Ids(guild): Ids<Snowflake>,
) -> Answer {
    member_guild(&s, bot, guild)?;
    Ok(ok(&s.read(|w| w.get_guild(guild))?))
}

pub async fn channels(
    State(s): State<Arc<Shared>>,
    BotAuth(bot): BotAuth,
    Ids(guild): Ids<Snowflake>,
) -> Answer {
    member_guild(&s, bot, guild)?;
    let out = s.read(|w| {
        let g = w.guild(guild)?;
        Ok::<_, ApiError>(
            g.channels
                .iter()
                .filter_map(|id| w.channels.get(id))
                .map(|c| w.guild_channel_out(c))
                .collect::<Vec<_>>(),
        )
    })?;
    Ok(ok(&out))
}

pub async fn create_channel(
    State(s): State<Arc<Shared>>,
    BotAuth(bot): BotAuth,
    Ids(guild): Ids<Snowflake>,
    body: Body<serde_json::Value>,
) -> Answer {
    member_guild(&s, bot, guild)?;
    let body: ChannelCreateIn = serde_json::from_value(body.value).map_err(ApiError::malformed)?;
    Ok(created(&s.write(|w| w.create_channel(bot, guild, body))?))
}

pub async fn roles(
    State(s): State<Arc<Shared>>,
    BotAuth(bot): BotAuth,
    Ids(guild): Ids<Snowflake>,
) -> Answer {
    member_guild(&s, bot, guild)?;
    Ok(ok(&s.read(|w| w.guild_roles(guild))?))
}

#[derive(Deserialize)]
pub struct MemberPaging {
    after: Option<Snowflake>,
    limit: Option<u32>,
}

pub async fn members(
    State(s): State<Arc<Shared>>,
    BotAuth(bot): BotAuth,
    Ids(guild): Ids<Snowflake>,
    Params(p): Params<MemberPaging>,
) -> Answer {
    member_guild(&s, bot, guild)?;
    Ok(ok(&s.read(|w| w.list_members(guild, p.after, p.limit))?))
}

pub async fn member(
    State(s): State<Arc<Shared>>,
    BotAuth(bot): BotAuth,
    Ids((guild, user)): Ids<(Snowflake, Snowflake)>,
) -> Answer {
    member_guild(&s, bot, guild)?;
    Ok(ok(&s.read(|w| w.get_member(guild, user))?))
}

pub async fn add_role(
    State(s): State<Arc<Shared>>,
    BotAuth(bot): BotAuth,
    Ids((guild, user, role)): Ids<(Snowflake, Snowflake, Snowflake)>,
) -> Answer {
    member_guild(&s, bot, guild)?;
    s.write(|w| w.change_member_role(bot, guild, user, role, true))?;
    Ok(no_content())
}

pub async fn remove_role(
    State(s): State<Arc<Shared>>,
    BotAuth(bot): BotAuth,
    Ids((guild, user, role)): Ids<(Snowflake, Snowflake, Snowflake)>,
) -> Answer {
    member_guild(&s, bot, guild)?;
    s.write(|w| w.change_member_role(bot, guild, user, role, false))?;
    Ok(no_content())
}

pub async fn active_threads(
    State(s): State<Arc<Shared>>,
    BotAuth(bot): BotAuth,
    Ids(guild): Ids<Snowflake>,
) -> Answer {
    member_guild(&s, bot, guild)?;
    Ok(ok(&s.read(|w| w.active_threads(bot, guild))?))
}
