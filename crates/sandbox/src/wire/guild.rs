//! The guild itself, the bot's application and the gateway address.

use serde::Serialize;
use serde_json::Value;

use super::channel::{GuildChannelOut, ThreadOut};
use super::user::{MemberOut, RoleOut, UserOut};
use crate::ids::Snowflake;

/// A guild as REST answers it (`GuildWithCountsResponse`).
#[derive(Clone, Debug, Serialize)]
pub struct GuildOut {
    pub id: Snowflake,
    pub name: String,
    pub icon: Option<String>,
    pub description: Option<String>,
    pub home_header: Option<String>,
    pub splash: Option<String>,
    pub discovery_splash: Option<String>,
    pub features: Vec<String>,
    pub banner: Option<String>,
    pub owner_id: Snowflake,
    pub application_id: Option<Snowflake>,
    pub region: String,
    pub afk_channel_id: Option<Snowflake>,
    pub afk_timeout: u32,
    pub system_channel_id: Option<Snowflake>,
    pub system_channel_flags: u64,
    pub widget_enabled: bool,
    pub widget_channel_id: Option<Snowflake>,
    pub verification_level: u8,
    pub roles: Vec<RoleOut>,
    pub default_message_notifications: u8,
    pub mfa_level: u8,
    pub explicit_content_filter: u8,
    pub max_presences: Option<u64>,
    pub max_members: u64,
    pub max_stage_video_channel_users: u64,
    pub max_video_channel_users: u64,
    pub vanity_url_code: Option<String>,
    pub premium_tier: u8,
    pub premium_subscription_count: u64,
    pub preferred_locale: String,
    pub rules_channel_id: Option<Snowflake>,
    pub safety_alerts_channel_id: Option<Snowflake>,
    pub public_updates_channel_id: Option<Snowflake>,
    pub premium_progress_bar_enabled: bool,
    pub nsfw: bool,
    pub nsfw_level: u8,
    pub emojis: Vec<Value>,
    pub stickers: Vec<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approximate_member_count: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approximate_presence_count: Option<u64>,
}

/// GUILD_CREATE: the guild with its channels, threads and members.
#[derive(Clone, Debug, Serialize)]
pub struct GuildCreateOut {
    #[serde(flatten)]
    pub guild: GuildOut,
    pub joined_at: String,
    pub large: bool,
    pub unavailable: bool,
    pub member_count: u64,
    pub voice_states: Vec<Value>,
    pub members: Vec<MemberOut>,
    pub channels: Vec<GuildChannelOut>,
    pub threads: Vec<ThreadOut>,
    pub presences: Vec<Value>,
    pub stage_instances: Vec<Value>,
    pub guild_scheduled_events: Vec<Value>,
    pub soundboard_sounds: Vec<Value>,
}

/// GUILD_MEMBER_ADD: a member with its guild.
#[derive(Clone, Debug, Serialize)]
pub struct MemberAddOut {
    #[serde(flatten)]
    pub member: MemberOut,
    pub guild_id: Snowflake,
}

/// GUILD_MEMBER_REMOVE.
#[derive(Clone, Debug, Serialize)]
pub struct MemberRemoveOut {
    pub guild_id: Snowflake,
    pub user: UserOut,
}

/// The bot's application (`PrivateApplicationResponse`).
#[derive(Clone, Debug, Serialize)]
pub struct ApplicationOut {
    pub id: Snowflake,
    pub name: String,
    pub icon: Option<String>,
    pub description: String,
    #[serde(rename = "type")]
    pub kind: Option<u8>,
    pub bot: UserOut,
    pub bot_public: bool,
    pub bot_require_code_grant: bool,
    pub verify_key: String,
    pub flags: u64,
    pub flags_new: String,
    pub redirect_uris: Vec<String>,
    pub interactions_endpoint_url: Option<String>,
    pub role_connections_verification_url: Option<String>,
    pub owner: UserOut,
    pub approximate_guild_count: u64,
    pub approximate_user_install_count: u64,
    pub approximate_user_authorization_count: u64,
    pub explicit_content_filter: u8,
    pub team: Option<Value>,
    pub eligible_oauth2_scopes: Vec<String>,
    pub tags: Vec<String>,
}

/// GET /gateway.
#[derive(Clone, Debug, Serialize)]
pub struct GatewayOut {
    pub url: String,
}

/// GET /gateway/bot.
#[derive(Clone, Debug, Serialize)]
pub struct GatewayBotOut {
    pub url: String,
    pub shards: u32,
    pub session_start_limit: SessionStartLimitOut,
}

#[derive(Clone, Debug, Serialize)]
pub struct SessionStartLimitOut {
    pub total: u64,
    pub remaining: u64,
    pub reset_after: u64,
    pub max_concurrency: u64,
}
