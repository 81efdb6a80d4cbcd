//! The gateway address, the bot's user and application, uploaded files.

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::header::CONTENT_TYPE;
use axum::response::IntoResponse;

use super::extract::{BotAuth, Ids};
use super::response::{ok, Answer};
use crate::error::ApiError;
use crate::ids::Snowflake;
use crate::shared::Shared;
use crate::wire::guild::{ApplicationOut, GatewayBotOut, GatewayOut, SessionStartLimitOut};

/// GET /gateway: `ws://127.0.0.1:PORT`, no query string (serenity adds `?v=10`).
pub async fn gateway(State(s): State<Arc<Shared>>) -> Answer {
    Ok(ok(&GatewayOut {
        url: s.config.gateway_url.clone(),
    }))
}

pub async fn gateway_bot(State(s): State<Arc<Shared>>, _bot: BotAuth) -> Answer {
    Ok(ok(&GatewayBotOut {
        url: s.config.gateway_url.clone(),
        shards: s.config.shards,
        session_start_limit: SessionStartLimitOut {
            total: 1000,
            remaining: 1000,
            reset_after: 0,
            max_concurrency: 1,
        },
    }))
}

pub async fn current_user(State(s): State<Arc<Shared>>, _bot: BotAuth) -> Answer {
    Ok(ok(&s.read(|w| w.current_user_out())))
}

pub async fn user(State(s): State<Arc<Shared>>, _bot: BotAuth, Ids(id): Ids<Snowflake>) -> Answer {
    Ok(ok(&s.read(|w| w.get_user(id))?))
}

/// GET /oauth2/applications/@me (what serenity and poise ask at start-up).
pub async fn application(State(s): State<Arc<Shared>>, _bot: BotAuth) -> Answer {
    let out = s.read(|w| {
        let bot = w.user_out(w.bot_id());
        let owner = w
            .main_guild()
            .map(|g| w.user_out(g.owner_id))
            .unwrap_or_else(|| bot.clone());
        // Which privileged intents the developer portal granted, as
        // Discord's application flags say (resources/application,
        // "Application Flags"): the _LIMITED ones of a bot in under 100
        // servers (presence, guild members, message content).
        let granted = w.config.privileged;
        let flags = (u64::from(granted.presences) << 13)
            | (u64::from(granted.guild_members) << 15)
            | (u64::from(granted.message_content) << 19);
        ApplicationOut {
            id: w.config.application_id,
            name: w.config.application_name.clone(),
            icon: None,
            description: String::new(),
            kind: None,
            bot,
            bot_public: false,
            bot_require_code_grant: false,
            verify_key: "0".repeat(64),
            flags,
            flags_new: flags.to_string(),
            redirect_uris: Vec::new(),
            interactions_endpoint_url: None,
            role_connections_verification_url: None,
            owner,
            approximate_guild_count: w.guilds.len() as u64,
            approximate_user_install_count: 0,
            approximate_user_authorization_count: 0,
            explicit_content_filter: 0,
            team: None,
            eligible_oauth2_scopes: vec!["bot".to_string(), "applications.commands".to_string()],
            tags: Vec::new(),
        }
    });
    Ok(ok(&out))
}

/// An uploaded file, at the URL its attachment names, while the link's
/// signature is valid (`state/cdn.rs`): an expired link is a 404.
pub async fn attachment(
    State(s): State<Arc<Shared>>,
    Ids((channel, id, _name)): Ids<(Snowflake, Snowflake, String)>,
    Query(link): Query<SignedLink>,
) -> Answer {
    let signed = format!("/attachments/{channel}/{id}");
    let file = s
        .read(|w| {
            w.link_valid(&signed, &link.ex, &link.is, &link.hm)
                .then(|| w.files.get(&id).cloned())
                .flatten()
        })
        .ok_or_else(ApiError::not_found)?;
    let content_type = file
        .content_type
        .unwrap_or_else(|| "application/octet-stream".to_string());
    Ok(([(CONTENT_TYPE, content_type)], file.data).into_response())
}

/// The signature of a CDN link (`?ex=&is=&hm=`); missing parts are invalid.
#[derive(serde::Deserialize)]
pub struct SignedLink {
    #[serde(default)]
    ex: String,
    #[serde(default)]
    is: String,
    #[serde(default)]
    hm: String,
}
