//! Users, guild members and roles as Discord sends them.

use serde::Serialize;

use crate::ids::Snowflake;
use crate::state::permissions::Permissions;

/// A user object (`UserResponse`).
#[derive(Clone, Debug, Serialize)]
pub struct UserOut {
    pub id: Snowflake,
    pub username: String,
    pub discriminator: String,
    pub global_name: Option<String>,
    pub avatar: Option<String>,
    pub banner: Option<String>,
    pub accent_color: Option<u32>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub bot: bool,
    pub public_flags: u64,
    pub flags: u64,
    pub primary_guild: Option<()>,
    pub avatar_decoration_data: Option<()>,
    pub collectibles: Option<()>,
}

/// The current user with the fields only it may see (`UserPIIResponse`).
#[derive(Clone, Debug, Serialize)]
pub struct CurrentUserOut {
    #[serde(flatten)]
    pub user: UserOut,
    pub mfa_enabled: bool,
    pub locale: String,
    pub verified: bool,
    pub email: Option<String>,
    pub premium_type: u8,
}

/// A guild member (`GuildMemberResponse`); `permissions` only inside interactions.
#[derive(Clone, Debug, Serialize)]
pub struct MemberOut {
    pub user: UserOut,
    pub nick: Option<String>,
    pub avatar: Option<String>,
    pub banner: Option<String>,
    pub roles: Vec<Snowflake>,
    pub joined_at: String,
    pub premium_since: Option<String>,
    pub deaf: bool,
    pub mute: bool,
    pub flags: u64,
    pub pending: bool,
    pub communication_disabled_until: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permissions: Option<Permissions>,
}

/// A member without its user: in messages and resolved interaction data.
#[derive(Clone, Debug, Serialize)]
pub struct PartialMemberOut {
    pub nick: Option<String>,
    pub avatar: Option<String>,
    pub banner: Option<String>,
    pub roles: Vec<Snowflake>,
    pub joined_at: String,
    pub premium_since: Option<String>,
    pub deaf: bool,
    pub mute: bool,
    pub flags: u64,
    pub pending: bool,
    pub communication_disabled_until: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permissions: Option<Permissions>,
}

impl From<MemberOut> for PartialMemberOut {
    fn from(m: MemberOut) -> Self {
        PartialMemberOut {
            nick: m.nick,
            avatar: m.avatar,
            banner: m.banner,
            roles: m.roles,
            joined_at: m.joined_at,
            premium_since: m.premium_since,
            deaf: m.deaf,
            mute: m.mute,
            flags: m.flags,
            pending: m.pending,
            communication_disabled_until: m.communication_disabled_until,
            permissions: m.permissions,
        }
    }
}

/// A role (`GuildRoleResponse`). Serenity 0.12.5 requires `colors`.
#[derive(Clone, Debug, Serialize)]
pub struct RoleOut {
    pub id: Snowflake,
    pub name: String,
    pub permissions: Permissions,
    pub position: u16,
    pub color: u32,
    pub colors: RoleColorsOut,
    pub hoist: bool,
    pub managed: bool,
    pub mentionable: bool,
    pub icon: Option<String>,
    pub unicode_emoji: Option<String>,
    pub flags: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<RoleTagsOut>,
}

#[derive(Clone, Debug, Serialize)]
pub struct RoleColorsOut {
    pub primary_color: u32,
    pub secondary_color: Option<u32>,
    pub tertiary_color: Option<u32>,
}

/// Marks a bot's managed role.
#[derive(Clone, Debug, Serialize)]
pub struct RoleTagsOut {
    pub bot_id: Snowflake,
}
