//! Discord's permission bits and how they combine, exactly as the
//! documentation's "Permission Hierarchy" pseudo-code describes it
//! (topics/permissions): base permissions from roles, then the channel's
//! overwrites for @everyone, the member's roles and the member, then the
//! implicit rules (no VIEW_CHANNEL means nothing; no SEND_MESSAGES takes the
//! permissions that only make sense when sending), and threads on top.

use std::fmt;
use std::ops::{BitAnd, BitOr, BitOrAssign, Not};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::ids::Snowflake;

/// A set of permission bits. On the wire it is a decimal string.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Permissions(pub u64);

macro_rules! permission_names {
    ($($name:ident = $bit:expr, $text:literal;)*) => {
        impl Permissions {
            $(pub const $name: Permissions = Permissions(1 << $bit);)*
            /// Every permission Discord defines.
            pub const ALL: Permissions = Permissions(0 $(| (1 << $bit))*);
            const NAMES: &'static [(&'static str, Permissions)] = &[$(($text, Permissions::$name)),*];
        }
    };
}

permission_names! {
    CREATE_INSTANT_INVITE = 0, "create_instant_invite";
    KICK_MEMBERS = 1, "kick_members";
    BAN_MEMBERS = 2, "ban_members";
    ADMINISTRATOR = 3, "administrator";
    MANAGE_CHANNELS = 4, "manage_channels";
    MANAGE_GUILD = 5, "manage_guild";
    ADD_REACTIONS = 6, "add_reactions";
    VIEW_AUDIT_LOG = 7, "view_audit_log";
    PRIORITY_SPEAKER = 8, "priority_speaker";
    STREAM = 9, "stream";
    VIEW_CHANNEL = 10, "view_channel";
    SEND_MESSAGES = 11, "send_messages";
    SEND_TTS_MESSAGES = 12, "send_tts_messages";
    MANAGE_MESSAGES = 13, "manage_messages";
    EMBED_LINKS = 14, "embed_links";
    ATTACH_FILES = 15, "attach_files";
    READ_MESSAGE_HISTORY = 16, "read_message_history";
    MENTION_EVERYONE = 17, "mention_everyone";
    USE_EXTERNAL_EMOJIS = 18, "use_external_emojis";
    VIEW_GUILD_INSIGHTS = 19, "view_guild_insights";
    CONNECT = 20, "connect";
    SPEAK = 21, "speak";
    MUTE_MEMBERS = 22, "mute_members";
    DEAFEN_MEMBERS = 23, "deafen_members";
    MOVE_MEMBERS = 24, "move_members";
    USE_VAD = 25, "use_vad";
    CHANGE_NICKNAME = 26, "change_nickname";
    MANAGE_NICKNAMES = 27, "manage_nicknames";
    MANAGE_ROLES = 28, "manage_roles";
    MANAGE_WEBHOOKS = 29, "manage_webhooks";
    MANAGE_GUILD_EXPRESSIONS = 30, "manage_guild_expressions";
    USE_APPLICATION_COMMANDS = 31, "use_application_commands";
    REQUEST_TO_SPEAK = 32, "request_to_speak";
    MANAGE_EVENTS = 33, "manage_events";
    MANAGE_THREADS = 34, "manage_threads";
    CREATE_PUBLIC_THREADS = 35, "create_public_threads";
    CREATE_PRIVATE_THREADS = 36, "create_private_threads";
    USE_EXTERNAL_STICKERS = 37, "use_external_stickers";
    SEND_MESSAGES_IN_THREADS = 38, "send_messages_in_threads";
    USE_EMBEDDED_ACTIVITIES = 39, "use_embedded_activities";
    MODERATE_MEMBERS = 40, "moderate_members";
    VIEW_CREATOR_MONETIZATION_ANALYTICS = 41, "view_creator_monetization_analytics";
    USE_SOUNDBOARD = 42, "use_soundboard";
    CREATE_GUILD_EXPRESSIONS = 43, "create_guild_expressions";
    CREATE_EVENTS = 44, "create_events";
    USE_EXTERNAL_SOUNDS = 45, "use_external_sounds";
    SEND_VOICE_MESSAGES = 46, "send_voice_messages";
    SEND_POLLS = 49, "send_polls";
    USE_EXTERNAL_APPS = 50, "use_external_apps";
    PIN_MESSAGES = 51, "pin_messages";
}

impl Permissions {
    pub const NONE: Permissions = Permissions(0);

    /// What Discord gives @everyone in a new server (1071698660929).
    pub const DEFAULT_EVERYONE: Permissions = Permissions(
        Self::CREATE_INSTANT_INVITE.0
            | Self::ADD_REACTIONS.0
            | Self::STREAM.0
            | Self::VIEW_CHANNEL.0
            | Self::SEND_MESSAGES.0
            | Self::EMBED_LINKS.0
            | Self::ATTACH_FILES.0
            | Self::READ_MESSAGE_HISTORY.0
            | Self::MENTION_EVERYONE.0
            | Self::USE_EXTERNAL_EMOJIS.0
            | Self::CONNECT.0
            | Self::SPEAK.0
            | Self::USE_VAD.0
            | Self::CHANGE_NICKNAME.0
            | Self::USE_APPLICATION_COMMANDS.0
            | Self::REQUEST_TO_SPEAK.0
            | Self::CREATE_PUBLIC_THREADS.0
            | Self::CREATE_PRIVATE_THREADS.0
            | Self::USE_EXTERNAL_STICKERS.0
            | Self::SEND_MESSAGES_IN_THREADS.0
            | Self::USE_EMBEDDED_ACTIVITIES.0,
    );

    /// Permissions that exist only to go with sending a message: Discord
    /// denies them implicitly where sending is denied.
    const ONLY_WITH_SENDING: Permissions = Permissions(
        Self::MENTION_EVERYONE.0
            | Self::SEND_TTS_MESSAGES.0
            | Self::ATTACH_FILES.0
            | Self::EMBED_LINKS.0,
    );

    pub fn contains(self, other: Permissions) -> bool {
        self.0 & other.0 == other.0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Parses a permission by its snake_case name (`send_messages`), also
    /// accepting the SCREAMING form (`SEND_MESSAGES`).
    pub fn from_name(name: &str) -> Option<Permissions> {
        let wanted = name.trim().to_ascii_lowercase();
        Self::NAMES
            .iter()
            .find(|(text, _)| *text == wanted)
            .map(|(_, bits)| *bits)
    }

    /// The names of the set bits, lowest first.
    pub fn names(self) -> Vec<&'static str> {
        Self::NAMES
            .iter()
            .filter(|(_, bits)| self.contains(*bits))
            .map(|(text, _)| *text)
            .collect()
    }
}

impl BitOr for Permissions {
    type Output = Permissions;
    fn bitor(self, rhs: Self) -> Self {
        Permissions(self.0 | rhs.0)
    }
}

impl BitOrAssign for Permissions {
    fn bitor_assign(&mut self, rhs: Self) {
        self.0 |= rhs.0;
    }
}

impl BitAnd for Permissions {
    type Output = Permissions;
    fn bitand(self, rhs: Self) -> Self {
        Permissions(self.0 & rhs.0)
    }
}

impl Not for Permissions {
    type Output = Permissions;
    fn not(self) -> Self {
        Permissions(!self.0)
    }
}

impl fmt::Display for Permissions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return f.write_str("none");
        }
        f.write_str(&self.names().join(" "))
    }
}

impl Serialize for Permissions {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Permissions {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let id = Snowflake::deserialize(deserializer)?;
        Ok(Permissions(id.0))
    }
}

/// Whom a channel overwrite is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OverwriteTarget {
    Role,
    Member,
}

/// One permission overwrite of a channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Overwrite {
    pub id: Snowflake,
    pub target: OverwriteTarget,
    pub allow: Permissions,
    pub deny: Permissions,
}

/// Who is asking, as far as permissions go.
#[derive(Clone, Debug)]
pub struct Subject<'a> {
    pub user_id: Snowflake,
    pub guild_id: Snowflake,
    pub owner_id: Snowflake,
    /// The @everyone role's permissions.
    pub everyone: Permissions,
    /// The member's roles (without @everyone) with their permissions.
    pub roles: &'a [(Snowflake, Permissions)],
}

/// Guild-wide permissions: @everyone plus every role, everything for the
/// owner and for administrators.
pub fn base_permissions(subject: &Subject<'_>) -> Permissions {
    if subject.user_id == subject.owner_id {
        return Permissions::ALL;
    }
    let mut permissions = subject.everyone;
    for (_, role) in subject.roles {
        permissions |= *role;
    }
    if permissions.contains(Permissions::ADMINISTRATOR) {
        return Permissions::ALL;
    }
    permissions
}

/// Channel permissions from the base permissions and the channel's
/// overwrites, in Discord's order: @everyone, then all of the member's roles
/// together, then the member.
pub fn apply_overwrites(
    base: Permissions,
    subject: &Subject<'_>,
    overwrites: &[Overwrite],
) -> Permissions {
    if base.contains(Permissions::ADMINISTRATOR) {
        return Permissions::ALL;
    }
    let mut permissions = base;
    if let Some(everyone) = overwrites.iter().find(|o| o.id == subject.guild_id) {
        permissions = (permissions & !everyone.deny) | everyone.allow;
    }
    let mut allow = Permissions::NONE;
    let mut deny = Permissions::NONE;
    for overwrite in overwrites
        .iter()
        .filter(|o| o.target == OverwriteTarget::Role)
    {
        if subject.roles.iter().any(|(id, _)| *id == overwrite.id) {
            allow |= overwrite.allow;
            deny |= overwrite.deny;
        }
    }
    permissions = (permissions & !deny) | allow;
    if let Some(member) = overwrites
        .iter()
        .find(|o| o.target == OverwriteTarget::Member && o.id == subject.user_id)
    {
        permissions = (permissions & !member.deny) | member.allow;
    }
    permissions
}

/// The implicit rules for a text channel: without VIEW_CHANNEL nothing is
/// left; without SEND_MESSAGES the sending-only permissions go too.
pub fn apply_implicit(permissions: Permissions) -> Permissions {
    if permissions.contains(Permissions::ADMINISTRATOR) {
        return Permissions::ALL;
    }
    if !permissions.contains(Permissions::VIEW_CHANNEL) {
        return Permissions::NONE;
    }
    if !permissions.contains(Permissions::SEND_MESSAGES) {
        return permissions & !Permissions::ONLY_WITH_SENDING;
    }
    permissions
}

/// The permissions in a text (or category) channel.
pub fn channel_permissions(subject: &Subject<'_>, overwrites: &[Overwrite]) -> Permissions {
    let base = base_permissions(subject);
    apply_implicit(apply_overwrites(base, subject, overwrites))
}

/// What a channel's threads inherit from it: its overwrites and the
/// VIEW_CHANNEL rule, but not the SEND_MESSAGES one. A channel that denies
/// Send Messages but allows Send Messages in Threads keeps Attach Files and
/// Embed Links in its threads (Discord's "Inherited Permissions
/// (Threads)": SEND_MESSAGES is not inherited); `thread_permissions` takes
/// them away only without SEND_MESSAGES_IN_THREADS.
pub fn inherited_by_threads(subject: &Subject<'_>, overwrites: &[Overwrite]) -> Permissions {
    let permissions = apply_overwrites(base_permissions(subject), subject, overwrites);
    if permissions.contains(Permissions::ADMINISTRATOR) {
        return Permissions::ALL;
    }
    if !permissions.contains(Permissions::VIEW_CHANNEL) {
        return Permissions::NONE;
    }
    permissions
}

/// How a thread relates to the person asking.
#[derive(Clone, Copy, Debug)]
pub struct ThreadAccess {
    pub private: bool,
    pub is_member: bool,
}

/// Threads take their permissions from the parent channel. A private thread
/// is visible only to its members and to those who may manage threads; in
/// any thread, sending is governed by SEND_MESSAGES_IN_THREADS.
pub fn thread_permissions(parent: Permissions, access: ThreadAccess) -> Permissions {
    if parent.contains(Permissions::ADMINISTRATOR) {
        return Permissions::ALL;
    }
    if !parent.contains(Permissions::VIEW_CHANNEL) {
        return Permissions::NONE;
    }
    if access.private && !access.is_member && !parent.contains(Permissions::MANAGE_THREADS) {
        return Permissions::NONE;
    }
    let mut permissions = parent & !Permissions::SEND_MESSAGES;
    if parent.contains(Permissions::SEND_MESSAGES_IN_THREADS) {
        permissions |= Permissions::SEND_MESSAGES;
    } else {
        permissions = permissions & !Permissions::ONLY_WITH_SENDING;
    }
    permissions
}

#[cfg(test)]
#[path = "permissions_tests.rs"]
mod tests;
