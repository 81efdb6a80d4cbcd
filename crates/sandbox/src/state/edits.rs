//! Editing and deleting messages.

use super::message_types::{self, Message, Pings};
use super::messages::{Upload, SETTABLE_FLAGS};
use super::permissions::Permissions;
use super::pings::Mentioning;
use super::DiscordState;
use crate::error::ApiError;
use crate::gateway::hub::intents;
use crate::ids::{now_iso, Snowflake};
use crate::wire::message::{AllowedMentions, MessageDeleteOut, MessageIn};

impl DiscordState {
    /// PATCH /channels/{id}/messages/{id}: authors edit their messages;
    /// others may only suppress embeds, with MANAGE_MESSAGES.
    pub fn edit_message(
        &mut self,
        actor: Snowflake,
        channel_id: Snowflake,
        message_id: Snowflake,
        body: MessageIn,
        uploads: Vec<Upload>,
    ) -> Result<(), ApiError> {
        let channel = self.visible_channel(actor, channel_id)?;
        let message = channel
            .messages
            .get(&message_id)
            .filter(|m| m.ephemeral_for.is_none())
            .ok_or_else(ApiError::unknown_message)?;
        if super::system_messages::undeletable(message.kind) {
            return Err(ApiError::system_message());
        }
        if message.author_id != actor || message.webhook_id.is_some() {
            let only_flags = body.content.is_none()
                && body.embeds.is_none()
                && body.components.is_none()
                && body.attachments.is_none()
                && uploads.is_empty();
            if !only_flags {
                return Err(ApiError::cannot_edit_others_message());
            }
            self.require(actor, channel_id, Permissions::MANAGE_MESSAGES)?;
        }
        if channel.thread.as_ref().is_some_and(|t| t.archived) {
            return Err(ApiError::thread_archived());
        }
        self.apply_edit(channel_id, message_id, body, uploads)
    }

    /// Changes the fields present in `body` and tells the gateway.
    pub(crate) fn apply_edit(
        &mut self,
        channel_id: Snowflake,
        message_id: Snowflake,
        body: MessageIn,
        uploads: Vec<Upload>,
    ) -> Result<(), ApiError> {
        message_types::validate(&body)?;
        let existing = self
            .channel(channel_id)?
            .messages
            .get(&message_id)
            .map(|m| m.attachments.clone())
            .ok_or_else(ApiError::unknown_message)?;
        let touches_files = body.attachments.is_some() || !uploads.is_empty();
        let attachments = if touches_files {
            Some(self.store_uploads(channel_id, &body, uploads, &existing)?)
        } else {
            None
        };
        // Work on a copy so that a refused edit changes nothing.
        let mut message = self
            .channel(channel_id)?
            .messages
            .get(&message_id)
            .cloned()
            .ok_or_else(ApiError::unknown_message)?;
        if let Some(content) = body.content {
            message.pings = self.edited_pings(&message, &content, body.allowed_mentions.as_ref());
            message.content = content;
        }
        if let Some(embeds) = body.embeds {
            message.embeds = embeds;
        }
        if let Some(mut components) = body.components {
            message_types::number_components(&mut components);
            message.components = components;
        }
        if let Some(attachments) = attachments {
            message.attachments = attachments;
        }
        if let Some(flags) = body.flags {
            message.flags = (message.flags & !SETTABLE_FLAGS) | (flags & SETTABLE_FLAGS);
        }
        if body.allowed_mentions.is_some() {
            message.allowed_mentions = body.allowed_mentions;
        }
        // Completing a deferred ("thinking…") reply is not an edit to people.
        if !message.is_loading() {
            message.edited_timestamp = Some(now_iso());
        }
        message.flags &= !message_types::FLAG_LOADING;
        if !message.has_content() {
            return Err(ApiError::empty_message());
        }
        let stored = self
            .channel_mut(channel_id)?
            .messages
            .get_mut(&message_id)
            .ok_or_else(ApiError::unknown_message)?;
        *stored = message;
        self.dispatch_message("MESSAGE_UPDATE", channel_id, message_id);
        self.feed.edited(channel_id, message_id);
        Ok(())
    }

    /// The mentions of edited content: rebuilt from the new text under the
    /// edit's allowed_mentions (or the defaults, not the original
    /// message's), as Discord documents for Edit Message. An edit never
    /// notifies anyone (not even one finishing a deferred reply), so
    /// whoever the message notified when it was posted stays the list.
    fn edited_pings(
        &self,
        message: &Message,
        content: &str,
        rules: Option<&AllowedMentions>,
    ) -> Pings {
        let replied_author = message.reference.and_then(|(channel, id)| {
            let id = id?;
            self.channels
                .get(&channel)
                .and_then(|c| c.messages.get(&id))
                .map(|m| m.author_id)
        });
        let who = Mentioning {
            author: message.author_id,
            channel: message.channel_id,
            rules,
            webhook: message.webhook_id.is_some(),
        };
        let mut pings = self.pings_for(&who, content, replied_author);
        pings.notified = message.pings.notified.clone();
        pings
    }

    /// DELETE /channels/{id}/messages/{id}: the author, or MANAGE_MESSAGES.
    pub fn delete_message(
        &mut self,
        actor: Snowflake,
        channel_id: Snowflake,
        message_id: Snowflake,
    ) -> Result<(), ApiError> {
        let channel = self.visible_channel(actor, channel_id)?;
        let message = channel
            .messages
            .get(&message_id)
            .filter(|m| m.ephemeral_for.is_none())
            .ok_or_else(ApiError::unknown_message)?;
        if super::system_messages::undeletable(message.kind) {
            return Err(ApiError::system_message());
        }
        if message.author_id != actor {
            self.require(actor, channel_id, Permissions::MANAGE_MESSAGES)?;
        }
        self.remove_message(channel_id, message_id)
    }

    pub(crate) fn remove_message(
        &mut self,
        channel_id: Snowflake,
        message_id: Snowflake,
    ) -> Result<(), ApiError> {
        let channel = self.channel_mut(channel_id)?;
        let removed = channel
            .messages
            .remove(&message_id)
            .ok_or_else(ApiError::unknown_message)?;
        if removed.ephemeral_for.is_none() {
            channel.visible_messages = channel.visible_messages.saturating_sub(1);
        }
        let guild_id = channel.guild_id;
        self.message_index.remove(&message_id);
        if removed.ephemeral_for.is_none() {
            let event = MessageDeleteOut {
                id: message_id,
                channel_id,
                guild_id,
            };
            self.dispatch(
                "MESSAGE_DELETE",
                guild_id,
                intents::GUILD_MESSAGES,
                Some(channel_id),
                &event,
            );
        }
        self.feed.deleted(channel_id, message_id);
        Ok(())
    }
}
