//! Channels and threads: bodies the bot sends and objects Discord answers with.

use serde::{Deserialize, Serialize};

use super::user::MemberOut;
use crate::ids::Snowflake;
use crate::state::permissions::Permissions;

pub const GUILD_TEXT: u8 = 0;
pub const GUILD_CATEGORY: u8 = 4;
pub const GUILD_ANNOUNCEMENT: u8 = 5;
pub const PUBLIC_THREAD: u8 = 11;
pub const PRIVATE_THREAD: u8 = 12;

/// A guild channel that is not a thread (`GuildChannelResponse`).
#[derive(Clone, Debug, Serialize)]
pub struct GuildChannelOut {
    pub id: Snowflake,
    #[serde(rename = "type")]
    pub kind: u8,
    pub guild_id: Snowflake,
    pub name: String,
    pub position: u32,
    pub flags: u64,
    pub parent_id: Option<Snowflake>,
    pub permission_overwrites: Vec<OverwriteOut>,
    pub topic: Option<String>,
    pub nsfw: bool,
    pub last_message_id: Option<Snowflake>,
    pub rate_limit_per_user: u32,
}

/// A thread (`ThreadResponse`). `member` is the asking user's membership,
/// `newly_created` only in THREAD_CREATE for a thread just made.
#[derive(Clone, Debug, Serialize)]
pub struct ThreadOut {
    pub id: Snowflake,
    #[serde(rename = "type")]
    pub kind: u8,
    pub guild_id: Snowflake,
    pub parent_id: Snowflake,
    pub owner_id: Snowflake,
    pub name: String,
    pub flags: u64,
    pub last_message_id: Option<Snowflake>,
    pub rate_limit_per_user: u32,
    pub thread_metadata: ThreadMetadataOut,
    pub message_count: u32,
    pub member_count: u32,
    pub total_message_sent: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member: Option<ThreadMemberOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub newly_created: Option<bool>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ThreadMetadataOut {
    pub archived: bool,
    pub archive_timestamp: Option<String>,
    pub auto_archive_duration: u32,
    pub locked: bool,
    pub create_timestamp: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invitable: Option<bool>,
}

/// One member of a thread (`ThreadMemberResponse`).
#[derive(Clone, Debug, Serialize)]
pub struct ThreadMemberOut {
    pub id: Snowflake,
    pub user_id: Snowflake,
    pub join_timestamp: String,
    pub flags: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member: Option<MemberOut>,
}

/// Any channel, for routes that answer with either kind.
#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
pub enum ChannelOut {
    Guild(GuildChannelOut),
    Thread(Box<ThreadOut>),
}

/// A permission overwrite (`ChannelPermissionOverwriteResponse`).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct OverwriteOut {
    pub id: Snowflake,
    #[serde(rename = "type")]
    pub kind: u8,
    pub allow: Permissions,
    pub deny: Permissions,
}

/// PUT /channels/{channel_id}/permissions/{overwrite_id}.
#[derive(Clone, Debug, Deserialize)]
pub struct OverwriteIn {
    #[serde(rename = "type", default)]
    pub kind: Option<u8>,
    #[serde(default)]
    pub allow: Option<Permissions>,
    #[serde(default)]
    pub deny: Option<Permissions>,
}

/// An overwrite inside a channel create or modify body.
#[derive(Clone, Debug, Deserialize)]
pub struct OverwriteSpecIn {
    pub id: Snowflake,
    #[serde(rename = "type", default)]
    pub kind: Option<u8>,
    #[serde(default)]
    pub allow: Option<Permissions>,
    #[serde(default)]
    pub deny: Option<Permissions>,
}

/// PATCH /channels/{channel_id}: the fields of a guild channel or a thread.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct ChannelPatchIn {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub topic: Option<String>,
    #[serde(default)]
    pub position: Option<u32>,
    #[serde(default)]
    pub nsfw: Option<bool>,
    #[serde(default)]
    pub parent_id: Option<Snowflake>,
    #[serde(default)]
    pub rate_limit_per_user: Option<u32>,
    #[serde(default)]
    pub permission_overwrites: Option<Vec<OverwriteSpecIn>>,
    #[serde(default)]
    pub archived: Option<bool>,
    #[serde(default)]
    pub locked: Option<bool>,
    #[serde(default)]
    pub invitable: Option<bool>,
    #[serde(default)]
    pub auto_archive_duration: Option<u32>,
}

/// POST /guilds/{guild_id}/channels.
#[derive(Clone, Debug, Deserialize)]
pub struct ChannelCreateIn {
    pub name: String,
    #[serde(rename = "type", default)]
    pub kind: Option<u8>,
    #[serde(default)]
    pub topic: Option<String>,
    #[serde(default)]
    pub position: Option<u32>,
    #[serde(default)]
    pub parent_id: Option<Snowflake>,
    #[serde(default)]
    pub nsfw: Option<bool>,
    #[serde(default)]
    pub permission_overwrites: Option<Vec<OverwriteSpecIn>>,
}

/// POST /channels/{channel_id}/threads and .../messages/{message_id}/threads.
#[derive(Clone, Debug, Deserialize)]
pub struct ThreadCreateIn {
    pub name: String,
    #[serde(rename = "type", default)]
    pub kind: Option<u8>,
    #[serde(default)]
    pub auto_archive_duration: Option<u32>,
    #[serde(default)]
    pub invitable: Option<bool>,
    #[serde(default)]
    pub rate_limit_per_user: Option<u32>,
}

/// Lists of threads (`ThreadsResponse`).
#[derive(Clone, Debug, Serialize)]
pub struct ThreadsOut {
    pub threads: Vec<ThreadOut>,
    pub members: Vec<ThreadMemberOut>,
    pub has_more: bool,
}

/// THREAD_DELETE.
#[derive(Clone, Debug, Serialize)]
pub struct ThreadDeleteOut {
    pub id: Snowflake,
    pub guild_id: Snowflake,
    pub parent_id: Snowflake,
    #[serde(rename = "type")]
    pub kind: u8,
}

/// THREAD_MEMBERS_UPDATE.
#[derive(Clone, Debug, Serialize)]
pub struct ThreadMembersUpdateOut {
    pub id: Snowflake,
    pub guild_id: Snowflake,
    pub member_count: u32,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub added_members: Vec<ThreadMemberOut>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub removed_member_ids: Vec<Snowflake>,
}

/// The channel inside an interaction (a partial channel with permissions).
#[derive(Clone, Debug, Serialize)]
pub struct PartialChannelOut {
    pub id: Snowflake,
    #[serde(rename = "type")]
    pub kind: u8,
    pub name: String,
    pub guild_id: Snowflake,
    pub parent_id: Option<Snowflake>,
    pub permissions: Permissions,
    pub flags: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thread_metadata: Option<ThreadMetadataOut>,
}
