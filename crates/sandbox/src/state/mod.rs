//! The sandbox's picture of Discord: users, the guild with its roles and
//! members, channels, threads and messages, registered commands and
//! interactions in flight. Every REST call and every action of a person
//! goes through the same methods here, with the same permission checks.

pub mod auto_archive;
pub mod channel_types;
pub mod commands;
pub mod feed;
pub mod guild;
pub mod interactions;
pub mod mentions;
pub mod message_types;
pub mod permissions;

mod build;
mod cdn;
mod channels;
mod command_rules;
mod edits;
mod history;
mod json_out;
mod members;
mod messages;
mod pings;
mod render_message;
mod respond;
mod system_messages;
mod thread_lists;
mod thread_members;
mod threads;

#[cfg(test)]
mod testing;

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

pub use build::WorldConfig;
pub use messages::{ListQuery, Upload};
pub use thread_lists::ArchivedQuery;

use self::channel_types::Channel;
use self::commands::CommandRegistry;
use self::feed::Feed;
use self::guild::{Guild, User};
use self::interactions::InteractionRegistry;
use self::permissions::{Permissions, ThreadAccess};
use crate::error::ApiError;
use crate::gateway::hub::{Dispatch, GatewayHub};
use crate::ids::{Snowflake, SnowflakeGen};

/// A stored upload, served back at its attachment URL.
#[derive(Clone, Debug)]
pub struct StoredFile {
    pub filename: String,
    pub content_type: Option<String>,
    pub data: Vec<u8>,
}

/// The whole state of the imitation. Lives behind one mutex; every method
/// is short and never waits.
pub struct DiscordState {
    pub ids: SnowflakeGen,
    pub config: WorldConfig,
    pub users: HashMap<Snowflake, User>,
    pub guilds: BTreeMap<Snowflake, Guild>,
    pub channels: HashMap<Snowflake, Channel>,
    /// Which channel each message is in.
    pub message_index: HashMap<Snowflake, Snowflake>,
    pub files: HashMap<Snowflake, StoredFile>,
    pub commands: CommandRegistry,
    pub interactions: InteractionRegistry,
    pub gateway: GatewayHub,
    pub feed: Feed,
    /// Messages created with `enforce_nonce`, by (author, channel, nonce),
    /// with when: within `NONCE_WINDOW` (five minutes) Discord answers a
    /// repeat with the first message, or Unknown Message once that was
    /// deleted.
    pub enforced_nonces:
        HashMap<(Snowflake, Snowflake, String), (Snowflake, chrono::DateTime<chrono::Utc>)>,
    /// Now, as far as threads archiving themselves are concerned.
    pub clock: auto_archive::SandboxClock,
}

impl DiscordState {
    pub fn bot_id(&self) -> Snowflake {
        self.config.bot_id
    }

    pub fn user(&self, id: Snowflake) -> Option<&User> {
        self.users.get(&id)
    }

    /// A user by name (username or display name, case-insensitive).
    pub fn user_by_name(&self, name: &str) -> Option<&User> {
        let name = name.trim_start_matches('@');
        self.users.values().find(|u| {
            u.username.eq_ignore_ascii_case(name)
                || u.global_name
                    .as_deref()
                    .is_some_and(|g| g.eq_ignore_ascii_case(name))
        })
    }

    pub fn guild(&self, id: Snowflake) -> Result<&Guild, ApiError> {
        self.guilds.get(&id).ok_or_else(ApiError::unknown_guild)
    }

    /// The first (usually only) guild.
    pub fn main_guild(&self) -> Option<&Guild> {
        self.guilds.values().next()
    }

    pub fn channel(&self, id: Snowflake) -> Result<&Channel, ApiError> {
        self.channels.get(&id).ok_or_else(ApiError::unknown_channel)
    }

    pub fn channel_mut(&mut self, id: Snowflake) -> Result<&mut Channel, ApiError> {
        self.channels
            .get_mut(&id)
            .ok_or_else(ApiError::unknown_channel)
    }

    /// A channel, category or thread by name: an exact match of case
    /// first, then channels before categories before threads, oldest first.
    pub fn channel_by_name(&self, name: &str) -> Option<&Channel> {
        self.channel_by_name_in(None, name)
    }

    /// [`DiscordState::channel_by_name`] among one guild's channels (or all).
    pub fn channel_by_name_in(&self, guild: Option<Snowflake>, name: &str) -> Option<&Channel> {
        let name = name.trim_start_matches('#');
        self.channels
            .values()
            .filter(|c| guild.is_none_or(|g| c.guild_id == g))
            .filter(|c| c.name.eq_ignore_ascii_case(name))
            .min_by_key(|c| {
                let rank = match c.kind {
                    self::channel_types::ChannelKind::Category => 1,
                    kind if kind.is_thread() => 2,
                    _ => 0,
                };
                (c.name != name, rank, c.id)
            })
    }

    /// What `user` may do in `channel_id`, with Discord's rules for threads.
    pub fn permissions_in(&self, user: Snowflake, channel_id: Snowflake) -> Permissions {
        let Some(channel) = self.channels.get(&channel_id) else {
            return Permissions::NONE;
        };
        let Some(guild) = self.guilds.get(&channel.guild_id) else {
            return Permissions::NONE;
        };
        match &channel.thread {
            None => guild.channel_permissions(user, &channel.overwrites),
            Some(thread) => {
                let parent = channel
                    .parent_id
                    .and_then(|p| self.channels.get(&p))
                    .map(|p| guild.permissions_for_threads_of(user, &p.overwrites))
                    .unwrap_or_default();
                let access = ThreadAccess {
                    private: channel.kind == self::channel_types::ChannelKind::PrivateThread,
                    is_member: thread.members.contains_key(&user),
                };
                permissions::thread_permissions(parent, access)
            }
        }
    }

    pub fn can_view(&self, user: Snowflake, channel_id: Snowflake) -> bool {
        self.permissions_in(user, channel_id)
            .contains(Permissions::VIEW_CHANNEL)
    }

    /// The channel if `actor` can see it: 404 10003 if it does not exist,
    /// 403 50001 Missing Access if it is hidden from the actor.
    pub fn visible_channel(&self, actor: Snowflake, id: Snowflake) -> Result<&Channel, ApiError> {
        let channel = self.channel(id)?;
        if !self.can_view(actor, id) {
            return Err(ApiError::missing_access());
        }
        Ok(channel)
    }

    /// 403 50013 unless `actor` has all of `needed` in the channel.
    pub fn require(
        &self,
        actor: Snowflake,
        channel_id: Snowflake,
        needed: Permissions,
    ) -> Result<Permissions, ApiError> {
        let have = self.permissions_in(actor, channel_id);
        if have.contains(needed) {
            Ok(have)
        } else {
            Err(ApiError::missing_permissions())
        }
    }

    /// The guild a channel belongs to.
    pub fn guild_of(&self, channel_id: Snowflake) -> Result<&Guild, ApiError> {
        let channel = self.channel(channel_id)?;
        self.guild(channel.guild_id)
    }

    /// Members of the channel's guild who can see it.
    pub fn viewers(&self, channel_id: Snowflake) -> Vec<Snowflake> {
        let Ok(guild) = self.guild_of(channel_id) else {
            return Vec::new();
        };
        let mut ids: Vec<Snowflake> = guild
            .members
            .keys()
            .copied()
            .filter(|u| self.can_view(*u, channel_id))
            .collect();
        ids.sort();
        ids
    }

    /// Sends an event to the bot's gateway sessions. `visible_in` names the
    /// channel the bot must be able to see for the event to reach it.
    pub fn dispatch(
        &mut self,
        name: &'static str,
        guild_id: Snowflake,
        intents: u64,
        visible_in: Option<Snowflake>,
        data: &impl Serialize,
    ) {
        if visible_in.is_some_and(|c| !self.can_view(self.bot_id(), c)) {
            return;
        }
        match serde_json::to_value(data) {
            Ok(value) => self.gateway.dispatch(Dispatch {
                name,
                guild_id: Some(guild_id),
                intents,
                data: value,
                data_without_content: None,
            }),
            Err(error) => tracing::error!(%error, event = name, "could not serialise an event"),
        }
    }
}
