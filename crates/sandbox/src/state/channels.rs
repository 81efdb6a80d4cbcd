//! Channels: reading, changing, overwrites, creating and deleting.

use std::collections::{BTreeMap, VecDeque};
use std::time::{Duration, Instant};

use super::channel_types::{Channel, ChannelKind};
use super::permissions::{Overwrite, OverwriteTarget, Permissions};
use super::DiscordState;
use crate::error::ApiError;
use crate::gateway::hub::intents;
use crate::ids::Snowflake;
use crate::wire::channel::{
    ChannelCreateIn, ChannelOut, ChannelPatchIn, GuildChannelOut, OverwriteIn, OverwriteSpecIn,
    ThreadDeleteOut,
};

/// Discord lets a channel be renamed twice per ten minutes.
const RENAMES_PER_WINDOW: usize = 2;
const RENAME_WINDOW: Duration = Duration::from_secs(600);
const NAME_MAX: usize = 100;

impl DiscordState {
    /// GET /channels/{id}.
    pub fn get_channel(&self, actor: Snowflake, id: Snowflake) -> Result<ChannelOut, ApiError> {
        let channel = self.visible_channel(actor, id)?;
        Ok(self.channel_out(channel, Some(actor)))
    }

    /// PATCH /channels/{id} for a channel or a thread.
    pub fn modify_channel(
        &mut self,
        actor: Snowflake,
        id: Snowflake,
        patch: ChannelPatchIn,
    ) -> Result<ChannelOut, ApiError> {
        if self.visible_channel(actor, id)?.is_thread() {
            return self.modify_thread(actor, id, patch);
        }
        let perms = self.require(actor, id, Permissions::MANAGE_CHANNELS)?;
        if patch.permission_overwrites.is_some() && !perms.contains(Permissions::MANAGE_ROLES) {
            return Err(ApiError::missing_permissions());
        }
        let overwrites = match &patch.permission_overwrites {
            Some(list) => Some(self.overwrites_from(id, list)?),
            None => None,
        };
        if let Some(parent) = patch.parent_id {
            let is_category = self
                .channels
                .get(&parent)
                .is_some_and(|c| c.kind == ChannelKind::Category);
            if !is_category {
                return Err(ApiError::invalid_field(
                    "parent_id",
                    "CHANNEL_PARENT_INVALID",
                    "Category does not exist",
                ));
            }
        }
        if let Some(name) = &patch.name {
            self.check_rename(id, name)?;
        }
        let channel = self.channel_mut(id)?;
        if let Some(name) = patch.name {
            if name != channel.name {
                channel.renames.push_back(Instant::now());
            }
            channel.name = name;
        }
        if let Some(topic) = patch.topic {
            channel.topic = Some(topic);
        }
        if let Some(position) = patch.position {
            channel.position = position;
        }
        if let Some(nsfw) = patch.nsfw {
            channel.nsfw = nsfw;
        }
        if let Some(parent) = patch.parent_id {
            channel.parent_id = Some(parent);
        }
        if let Some(rate) = patch.rate_limit_per_user {
            channel.rate_limit_per_user = rate;
        }
        if let Some(overwrites) = overwrites {
            channel.overwrites = overwrites;
        }
        self.channel_updated(id);
        let channel = self.channel(id)?;
        Ok(self.channel_out(channel, Some(actor)))
    }

    /// Names are 1–100 characters; a third rename within ten minutes gets
    /// a 429 like Discord's.
    pub(crate) fn check_rename(&mut self, id: Snowflake, name: &str) -> Result<(), ApiError> {
        let length = name.chars().count();
        if length == 0 || length > NAME_MAX {
            return Err(ApiError::invalid_field(
                "name",
                "BASE_TYPE_BAD_LENGTH",
                "Must be between 1 and 100 in length.",
            ));
        }
        let channel = self.channel_mut(id)?;
        if channel.name == name {
            return Ok(());
        }
        while channel
            .renames
            .front()
            .is_some_and(|t| t.elapsed() >= RENAME_WINDOW)
        {
            channel.renames.pop_front();
        }
        if channel.renames.len() >= RENAMES_PER_WINDOW {
            let oldest = channel
                .renames
                .front()
                .copied()
                .unwrap_or_else(Instant::now);
            let wait = RENAME_WINDOW.saturating_sub(oldest.elapsed());
            return Err(ApiError::rate_limited(wait.as_secs_f64(), false));
        }
        Ok(())
    }

    fn overwrites_from(
        &self,
        channel_id: Snowflake,
        list: &[OverwriteSpecIn],
    ) -> Result<Vec<Overwrite>, ApiError> {
        let guild = self.guild_of(channel_id)?;
        list.iter()
            .map(|o| {
                let target = self.overwrite_target(guild.id, o.id, o.kind)?;
                Ok(Overwrite {
                    id: o.id,
                    target,
                    allow: o.allow.unwrap_or_default(),
                    deny: o.deny.unwrap_or_default(),
                })
            })
            .collect()
    }

    fn overwrite_target(
        &self,
        guild_id: Snowflake,
        id: Snowflake,
        kind: Option<u8>,
    ) -> Result<OverwriteTarget, ApiError> {
        let guild = self.guild(guild_id)?;
        match kind {
            Some(0) if guild.role(id).is_some() => Ok(OverwriteTarget::Role),
            Some(0) => Err(ApiError::unknown_role()),
            Some(1) if guild.members.contains_key(&id) => Ok(OverwriteTarget::Member),
            Some(1) => Err(ApiError::unknown_member()),
            _ => Err(ApiError::invalid_field(
                "type",
                "BASE_TYPE_CHOICES",
                "Value must be one of (0, 1).",
            )),
        }
    }

    /// PUT /channels/{id}/permissions/{overwrite_id}. Needs MANAGE_ROLES,
    /// and only permissions the caller has may be allowed or denied.
    pub fn put_overwrite(
        &mut self,
        actor: Snowflake,
        channel_id: Snowflake,
        target_id: Snowflake,
        body: OverwriteIn,
    ) -> Result<(), ApiError> {
        let channel = self.visible_channel(actor, channel_id)?;
        if channel.is_thread() {
            return Err(ApiError::wrong_channel_type());
        }
        let guild_id = channel.guild_id;
        let perms = self.require(actor, channel_id, Permissions::MANAGE_ROLES)?;
        let allow = body.allow.unwrap_or_default();
        let deny = body.deny.unwrap_or_default();
        if !perms.contains(Permissions::ADMINISTRATOR) && !perms.contains(allow | deny) {
            return Err(ApiError::missing_permissions());
        }
        let target = self.overwrite_target(guild_id, target_id, body.kind)?;
        let channel = self.channel_mut(channel_id)?;
        channel.overwrites.retain(|o| o.id != target_id);
        channel.overwrites.push(Overwrite {
            id: target_id,
            target,
            allow,
            deny,
        });
        self.channel_updated(channel_id);
        Ok(())
    }

    /// DELETE /channels/{id}/permissions/{overwrite_id}.
    pub fn delete_overwrite(
        &mut self,
        actor: Snowflake,
        channel_id: Snowflake,
        target_id: Snowflake,
    ) -> Result<(), ApiError> {
        if self.visible_channel(actor, channel_id)?.is_thread() {
            return Err(ApiError::wrong_channel_type());
        }
        self.require(actor, channel_id, Permissions::MANAGE_ROLES)?;
        self.channel_mut(channel_id)?
            .overwrites
            .retain(|o| o.id != target_id);
        self.channel_updated(channel_id);
        Ok(())
    }

    /// CHANNEL_UPDATE (every channel event reaches the bot, seen or not).
    pub(crate) fn channel_updated(&mut self, id: Snowflake) {
        let Some(channel) = self.channels.get(&id) else {
            return;
        };
        let guild_id = channel.guild_id;
        let out = self.guild_channel_out(channel);
        self.dispatch("CHANNEL_UPDATE", guild_id, intents::GUILDS, None, &out);
    }

    /// POST /guilds/{id}/channels.
    pub fn create_channel(
        &mut self,
        actor: Snowflake,
        guild_id: Snowflake,
        body: ChannelCreateIn,
    ) -> Result<GuildChannelOut, ApiError> {
        let guild = self.guild(guild_id)?;
        let base = guild.base_permissions(actor);
        if !base.contains(Permissions::MANAGE_CHANNELS) {
            return Err(ApiError::missing_permissions());
        }
        if body.permission_overwrites.is_some() && !base.contains(Permissions::MANAGE_ROLES) {
            return Err(ApiError::missing_permissions());
        }
        let kind = match body.kind.map(ChannelKind::from_code) {
            None => ChannelKind::Text,
            Some(Some(kind)) if !kind.is_thread() => kind,
            Some(_) => {
                return Err(ApiError::invalid_field(
                    "type",
                    "BASE_TYPE_CHOICES",
                    "The sandbox makes text channels and categories only.",
                ))
            }
        };
        let length = body.name.chars().count();
        if length == 0 || length > NAME_MAX {
            return Err(ApiError::invalid_field(
                "name",
                "BASE_TYPE_BAD_LENGTH",
                "Must be between 1 and 100 in length.",
            ));
        }
        let mut overwrites = Vec::new();
        for o in body.permission_overwrites.iter().flatten() {
            overwrites.push(Overwrite {
                id: o.id,
                target: self.overwrite_target(guild_id, o.id, o.kind)?,
                allow: o.allow.unwrap_or_default(),
                deny: o.deny.unwrap_or_default(),
            });
        }
        let id = self.ids.next_id();
        let position = body
            .position
            .unwrap_or(self.guild(guild_id)?.channels.len() as u32);
        self.channels.insert(
            id,
            Channel {
                id,
                guild_id,
                kind,
                name: body.name,
                topic: body.topic,
                position,
                parent_id: body.parent_id,
                overwrites,
                nsfw: body.nsfw.unwrap_or(false),
                rate_limit_per_user: 0,
                last_message_id: None,
                thread: None,
                messages: BTreeMap::new(),
                visible_messages: 0,
                renames: VecDeque::new(),
            },
        );
        if let Some(guild) = self.guilds.get_mut(&guild_id) {
            guild.channels.push(id);
        }
        let out = self.guild_channel_out(self.channel(id)?);
        self.dispatch("CHANNEL_CREATE", guild_id, intents::GUILDS, None, &out);
        Ok(out)
    }

    /// DELETE /channels/{id}: MANAGE_CHANNELS, or MANAGE_THREADS for a thread.
    pub fn delete_channel(
        &mut self,
        actor: Snowflake,
        id: Snowflake,
    ) -> Result<ChannelOut, ApiError> {
        let channel = self.visible_channel(actor, id)?;
        let needed = if channel.is_thread() {
            Permissions::MANAGE_THREADS
        } else {
            Permissions::MANAGE_CHANNELS
        };
        self.require(actor, id, needed)?;
        let out = self.channel_out(channel, None);
        self.remove_channel(id)?;
        Ok(out)
    }

    /// Removes a channel (with its threads and messages) and sends
    /// CHANNEL_DELETE or THREAD_DELETE. No permission check: also used to
    /// delete a channel behind the bot's back. A deleted channel's threads
    /// go with it in silence: Discord sends no THREAD_DELETE for them
    /// (discord.js #10883), only the channel's CHANNEL_DELETE.
    pub fn remove_channel(&mut self, id: Snowflake) -> Result<(), ApiError> {
        self.remove_channel_telling(id, true)
    }

    fn remove_channel_telling(&mut self, id: Snowflake, tell: bool) -> Result<(), ApiError> {
        let bot = self.bot_id();
        let bot_saw_it = tell && self.can_view(bot, id);
        let threads: Vec<Snowflake> = self
            .channels
            .values()
            .filter(|c| c.is_thread() && c.parent_id == Some(id))
            .map(|c| c.id)
            .collect();
        for thread in threads {
            self.remove_channel_telling(thread, false)?;
        }
        let channel = self
            .channels
            .remove(&id)
            .ok_or_else(ApiError::unknown_channel)?;
        for message in channel.messages.keys() {
            self.message_index.remove(message);
        }
        if let Some(guild) = self.guilds.get_mut(&channel.guild_id) {
            guild.channels.retain(|c| *c != id);
            guild.threads.remove(&id);
            guild.active_threads.remove(&id);
        }
        if channel.is_thread() {
            if bot_saw_it {
                let event = ThreadDeleteOut {
                    id,
                    guild_id: channel.guild_id,
                    parent_id: channel.parent_id.unwrap_or_default(),
                    kind: channel.kind.code(),
                };
                self.dispatch(
                    "THREAD_DELETE",
                    channel.guild_id,
                    intents::GUILDS,
                    None,
                    &event,
                );
            }
        } else {
            let out = self.guild_channel_out(&channel);
            self.dispatch(
                "CHANNEL_DELETE",
                channel.guild_id,
                intents::GUILDS,
                None,
                &out,
            );
        }
        Ok(())
    }
}
