//! Discord's REST API under `/api/v10`, one file per resource. Unknown
//! routes answer 404 with Discord's body and a warning in the log, so that
//! missing coverage shows.

mod channels;
mod commands;
mod extract;
mod guilds;
mod interactions;
mod limits;
mod messages;
mod meta;
mod observe;
mod response;
mod threads;

use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::http::{Method, Uri};
use axum::routing::{get, on, MethodFilter};
use axum::Router;

use crate::error::ApiError;
use crate::gateway;
use crate::shared::Shared;

pub const API_PREFIX: &str = "/api/v10";

/// Room for several files of Discord's 10 MiB each plus the JSON around
/// them (a file over 10 MiB is refused by the state with 40005).
const BODY_LIMIT: usize = 30 * 1024 * 1024;

macro_rules! api {
    ($($method:ident $path:literal => $handler:path;)*) => {
        /// Every route the sandbox serves, as (method, OpenAPI path template).
        pub const ROUTES: &[(&str, &str)] = &[$((stringify!($method), $path)),*];

        fn api_routes() -> Router<Arc<Shared>> {
            let mut router = Router::new();
            $(
                router = router.route(
                    concat!("/api/v10", $path),
                    on(MethodFilter::$method, $handler),
                );
            )*
            router
        }
    };
}

api! {
    GET "/gateway" => meta::gateway;
    GET "/gateway/bot" => meta::gateway_bot;
    GET "/users/@me" => meta::current_user;
    GET "/users/{user_id}" => meta::user;
    GET "/oauth2/applications/@me" => meta::application;
    GET "/applications/@me" => meta::application;
    GET "/applications/{application_id}/commands" => commands::list_global;
    PUT "/applications/{application_id}/commands" => commands::overwrite_global;
    POST "/applications/{application_id}/commands" => commands::create_global;
    GET "/applications/{application_id}/commands/{command_id}" => commands::get_global;
    PATCH "/applications/{application_id}/commands/{command_id}" => commands::edit_global;
    DELETE "/applications/{application_id}/commands/{command_id}" => commands::delete_global;
    GET "/applications/{application_id}/guilds/{guild_id}/commands" => commands::list_guild;
    PUT "/applications/{application_id}/guilds/{guild_id}/commands" => commands::overwrite_guild;
    POST "/applications/{application_id}/guilds/{guild_id}/commands" => commands::create_guild;
    GET "/applications/{application_id}/guilds/{guild_id}/commands/{command_id}" => commands::get_guild;
    PATCH "/applications/{application_id}/guilds/{guild_id}/commands/{command_id}" => commands::edit_guild;
    DELETE "/applications/{application_id}/guilds/{guild_id}/commands/{command_id}" => commands::delete_guild;
    GET "/channels/{channel_id}" => channels::get;
    PATCH "/channels/{channel_id}" => channels::modify;
    DELETE "/channels/{channel_id}" => channels::delete;
    PUT "/channels/{channel_id}/permissions/{overwrite_id}" => channels::put_overwrite;
    DELETE "/channels/{channel_id}/permissions/{overwrite_id}" => channels::delete_overwrite;
    POST "/channels/{channel_id}/typing" => channels::typing;
    GET "/channels/{channel_id}/messages" => messages::list;
    POST "/channels/{channel_id}/messages" => messages::create;
    GET "/channels/{channel_id}/messages/{message_id}" => messages::get;
    PATCH "/channels/{channel_id}/messages/{message_id}" => messages::edit;
    DELETE "/channels/{channel_id}/messages/{message_id}" => messages::delete;
    POST "/channels/{channel_id}/messages/{message_id}/threads" => threads::start_from_message;
    POST "/channels/{channel_id}/threads" => threads::start;
    GET "/channels/{channel_id}/thread-members" => threads::members;
    PUT "/channels/{channel_id}/thread-members/@me" => threads::join;
    DELETE "/channels/{channel_id}/thread-members/@me" => threads::leave;
    GET "/channels/{channel_id}/thread-members/{user_id}" => threads::member;
    PUT "/channels/{channel_id}/thread-members/{user_id}" => threads::add_member;
    DELETE "/channels/{channel_id}/thread-members/{user_id}" => threads::remove_member;
    GET "/channels/{channel_id}/threads/archived/public" => threads::archived_public;
    GET "/channels/{channel_id}/threads/archived/private" => threads::archived_private;
    GET "/guilds/{guild_id}" => guilds::get;
    GET "/guilds/{guild_id}/channels" => guilds::channels;
    POST "/guilds/{guild_id}/channels" => guilds::create_channel;
    GET "/guilds/{guild_id}/roles" => guilds::roles;
    GET "/guilds/{guild_id}/members" => guilds::members;
    GET "/guilds/{guild_id}/members/{user_id}" => guilds::member;
    PUT "/guilds/{guild_id}/members/{user_id}/roles/{role_id}" => guilds::add_role;
    DELETE "/guilds/{guild_id}/members/{user_id}/roles/{role_id}" => guilds::remove_role;
    GET "/guilds/{guild_id}/threads/active" => guilds::active_threads;
    POST "/interactions/{interaction_id}/{interaction_token}/callback" => interactions::callback;
    POST "/webhooks/{webhook_id}/{webhook_token}" => interactions::create_followup;
    GET "/webhooks/{webhook_id}/{webhook_token}/messages/@original" => interactions::get_original;
    PATCH "/webhooks/{webhook_id}/{webhook_token}/messages/@original" => interactions::edit_original;
    DELETE "/webhooks/{webhook_id}/{webhook_token}/messages/@original" => interactions::delete_original;
    GET "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}" => interactions::get_followup;
    PATCH "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}" => interactions::edit_followup;
    DELETE "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}" => interactions::delete_followup;
}

async fn unknown_route(method: Method, uri: Uri) -> ApiError {
    tracing::warn!(%method, path = %uri.path(), "the sandbox has no such route; answering 404 as Discord does");
    ApiError::not_found()
}

async fn wrong_method(method: Method, uri: Uri) -> ApiError {
    tracing::warn!(%method, path = %uri.path(), "the sandbox does not serve this method here; answering 405");
    ApiError::method_not_allowed()
}

/// The whole HTTP side: the gateway websocket at `/`, uploaded files,
/// the recorded, fault-injectable REST API and the control door.
pub fn router(shared: Arc<Shared>) -> Router {
    let api = api_routes()
        .fallback(unknown_route)
        .method_not_allowed_fallback(wrong_method)
        .layer(axum::middleware::from_fn_with_state(
            shared.clone(),
            observe::observe,
        ));
    Router::new()
        .route("/", get(gateway::connection::upgrade))
        .route(
            "/attachments/{channel_id}/{attachment_id}/{filename}",
            get(meta::attachment),
        )
        .merge(api)
        .merge(crate::control::routes())
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(shared)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_is_listed_once() {
        let mut seen = std::collections::HashSet::new();
        for route in ROUTES {
            assert!(seen.insert(route), "{route:?} is listed twice");
        }
    }
}
