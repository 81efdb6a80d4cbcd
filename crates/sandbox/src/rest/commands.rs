//! Application commands, global and per guild.

use std::sync::Arc;

use axum::extract::State;

use super::extract::{Body, BotAuth, Ids};
use super::response::{created, no_content, ok, Answer};
use crate::error::ApiError;
use crate::ids::Snowflake;
use crate::shared::Shared;
use crate::wire::command::CommandIn;

/// Only the bot's own application may be addressed.
fn own(s: &Shared, application: Snowflake) -> Result<(), ApiError> {
    if application == s.config.application_id {
        Ok(())
    } else {
        Err(ApiError::new(
            403,
            20012,
            "You are not authorized to perform this action on this application",
        ))
    }
}

pub async fn list_global(
    State(s): State<Arc<Shared>>,
    _b: BotAuth,
    Ids(app): Ids<Snowflake>,
) -> Answer {
    own(&s, app)?;
    Ok(ok(&s.read(|w| w.list_commands(None))))
}

pub async fn overwrite_global(
    State(s): State<Arc<Shared>>,
    _b: BotAuth,
    Ids(app): Ids<Snowflake>,
    body: Body<Vec<CommandIn>>,
) -> Answer {
    own(&s, app)?;
    Ok(ok(&s.write(|w| w.overwrite_commands(None, body.value))?))
}

pub async fn create_global(
    State(s): State<Arc<Shared>>,
    _b: BotAuth,
    Ids(app): Ids<Snowflake>,
    body: Body<serde_json::Value>,
) -> Answer {
    own(&s, app)?;
    let command: CommandIn = serde_json::from_value(body.value).map_err(ApiError::malformed)?;
    let (out, new) = s.write(|w| w.upsert_command(None, command))?;
    Ok(if new { created(&out) } else { ok(&out) })
}

pub async fn get_global(
    State(s): State<Arc<Shared>>,
    _b: BotAuth,
    Ids((app, id)): Ids<(Snowflake, Snowflake)>,
) -> Answer {
    own(&s, app)?;
    Ok(ok(&s.read(|w| w.get_command(None, id))?))
}

pub async fn edit_global(
    State(s): State<Arc<Shared>>,
    _b: BotAuth,
    Ids((app, id)): Ids<(Snowflake, Snowflake)>,
    body: Body<serde_json::Value>,
) -> Answer {
    own(&s, app)?;
    Ok(ok(&s.write(|w| w.edit_command(None, id, body.value))?))
}

pub async fn delete_global(
    State(s): State<Arc<Shared>>,
    _b: BotAuth,
    Ids((app, id)): Ids<(Snowflake, Snowflake)>,
) -> Answer {
    own(&s, app)?;
    s.write(|w| w.delete_command(None, id))?;
    Ok(no_content())
}

pub async fn list_guild(
    State(s): State<Arc<Shared>>,
    _b: BotAuth,
    Ids((app, guild)): Ids<(Snowflake, Snowflake)>,
) -> Answer {
    own(&s, app)?;
    s.read(|w| w.guild(guild).map(|_| ()))?;
    Ok(ok(&s.read(|w| w.list_commands(Some(guild)))))
}

pub async fn overwrite_guild(
    State(s): State<Arc<Shared>>,
    _b: BotAuth,
    Ids((app, guild)): Ids<(Snowflake, Snowflake)>,
    body: Body<Vec<CommandIn>>,
) -> Answer {
    own(&s, app)?;
    Ok(ok(&s.write(|w| {
        w.overwrite_commands(Some(guild), body.value)
    })?))
}

pub async fn create_guild(
    State(s): State<Arc<Shared>>,
    _b: BotAuth,
    Ids((app, guild)): Ids<(Snowflake, Snowflake)>,
    body: Body<serde_json::Value>,
) -> Answer {
    own(&s, app)?;
    s.read(|w| w.guild(guild).map(|_| ()))?;
    let command: CommandIn = serde_json::from_value(body.value).map_err(ApiError::malformed)?;
    let (out, new) = s.write(|w| w.upsert_command(Some(guild), command))?;
    Ok(if new { created(&out) } else { ok(&out) })
}

pub async fn get_guild(
    State(s): State<Arc<Shared>>,
    _b: BotAuth,
    Ids((app, guild, id)): Ids<(Snowflake, Snowflake, Snowflake)>,
) -> Answer {
    own(&s, app)?;
    Ok(ok(&s.read(|w| w.get_command(Some(guild), id))?))
}

pub async fn edit_guild(
    State(s): State<Arc<Shared>>,
    _b: BotAuth,
    Ids((app, guild, id)): Ids<(Snowflake, Snowflake, Snowflake)>,
    body: Body<serde_json::Value>,
) -> Answer {
    own(&s, app)?;
    Ok(ok(
        &s.write(|w| w.edit_command(Some(guild), id, body.value))?
    ))
}

pub async fn delete_guild(
    State(s): State<Arc<Shared>>,
    _b: BotAuth,
    Ids((app, guild, id)): Ids<(Snowflake, Snowflake, Snowflake)>,
) -> Answer {
    own(&s, app)?;
    s.write(|w| w.delete_command(Some(guild), id))?;
    Ok(no_content())
}
