//! Posting, editing, deleting and reading messages.

use super::channel::ChannelKind;
use super::mentions::{self, Allowed};
use super::message::{
    self, InteractionOrigin, Message, Pings, FLAG_SUPPRESS_EMBEDS, FLAG_SUPPRESS_NOTIFICATIONS,
};
use super::permissions::Permissions;
use super::{StoredFile, World};
use crate::sandbox::error::ApiError;
use crate::sandbox::gateway::hub::{intents, Dispatch};
use crate::sandbox::ids::{now_iso, Snowflake};
use crate::sandbox::wire::message::{AttachmentOut, MessageDeleteOut, MessageIn, MessageOut};

/// A file part of a multipart body (`files[n]`).
#[derive(Clone, Debug)]
pub struct Upload {
    pub index: u64,
    pub filename: String,
    pub content_type: Option<String>,
    pub data: Vec<u8>,
}

/// GET /channels/{id}/messages paging.
#[derive(Clone, Copy, Debug, Default)]
pub struct ListQuery {
    pub before: Option<Snowflake>,
    pub after: Option<Snowflake>,
    pub around: Option<Snowflake>,
    pub limit: Option<u32>,
}

/// Everything needed to store a message, however it was made.
pub(crate) struct NewMessage {
    pub author: Snowflake,
    pub channel: Snowflake,
    pub body: MessageIn,
    pub uploads: Vec<Upload>,
    pub kind: u8,
    pub ephemeral_for: Option<Snowflake>,
    pub interaction: Option<InteractionOrigin>,
    /// Interaction responses come from the application's webhook.
    pub webhook: bool,
    pub extra_flags: u64,
}

/// Flags a sender may set on a message it creates.
const SETTABLE_FLAGS: u64 = FLAG_SUPPRESS_EMBEDS | FLAG_SUPPRESS_NOTIFICATIONS;

impl World {
    /// POST /channels/{id}/messages, for the bot or a person.
    pub fn post_message(
        &mut self,
        actor: Snowflake,
        channel_id: Snowflake,
        body: MessageIn,
        uploads: Vec<Upload>,
    ) -> Result<Snowflake, ApiError> {
        let channel = self.visible_channel(actor, channel_id)?;
        if channel.kind == ChannelKind::Category {
            return Err(ApiError::wrong_channel_type());
        }
        let perms = self.require(actor, channel_id, Permissions::SEND_MESSAGES)?;
        self.check_thread_open_for(actor, channel_id, perms)?;
        if body.embeds.as_ref().is_some_and(|e| !e.is_empty())
            && !perms.contains(Permissions::EMBED_LINKS)
        {
            return Err(ApiError::missing_permissions());
        }
        if !uploads.is_empty() && !perms.contains(Permissions::ATTACH_FILES) {
            return Err(ApiError::missing_permissions());
        }
        if let Some(existing) = self.enforced_nonce_duplicate(actor, channel_id, &body) {
            return Ok(existing);
        }
        let kind = if body.message_reference.is_some() {
            message::REPLY
        } else {
            message::DEFAULT
        };
        self.insert_message(NewMessage {
            author: actor,
            channel: channel_id,
            body,
            uploads,
            kind,
            ephemeral_for: None,
            interaction: None,
            webhook: false,
            extra_flags: 0,
        })
    }

    /// Locked threads take messages only from thread managers; an archived
    /// one is reopened by a message (unless it is also locked).
    pub(crate) fn check_thread_open_for(
        &mut self,
        actor: Snowflake,
        channel_id: Snowflake,
        perms: Permissions,
    ) -> Result<(), ApiError> {
        let Some(thread) = self.channel(channel_id)?.thread.as_ref() else {
            return Ok(());
        };
        let manager = perms.contains(Permissions::MANAGE_THREADS);
        if thread.locked && !manager {
            return Err(if thread.archived {
                ApiError::thread_archived()
            } else {
                ApiError::thread_locked()
            });
        }
        if thread.archived {
            self.set_thread_archived(channel_id, false);
        }
        let _ = actor;
        Ok(())
    }

    fn enforced_nonce_duplicate(
        &self,
        actor: Snowflake,
        channel_id: Snowflake,
        body: &MessageIn,
    ) -> Option<Snowflake> {
        if body.enforce_nonce != Some(true) {
            return None;
        }
        let nonce = body.nonce.as_ref()?;
        let channel = self.channels.get(&channel_id)?;
        channel
            .messages
            .values()
            .rev()
            .take(100)
            .find(|m| m.author_id == actor && m.nonce.as_ref() == Some(nonce))
            .map(|m| m.id)
    }

    /// Stores a message after checking its body, and tells the gateway.
    pub(crate) fn insert_message(&mut self, mut new: NewMessage) -> Result<Snowflake, ApiError> {
        message::validate(&new.body)?;
        let reference = self.resolve_reference(new.channel, &new.body)?;
        let id = self.ids.next_id();
        let uploads = std::mem::take(&mut new.uploads);
        let attachments = self.store_uploads(new.channel, &new.body, uploads, &[])?;
        let content = new.body.content.clone().unwrap_or_default();
        let mut components = new.body.components.clone().unwrap_or_default();
        message::number_components(&mut components);
        let embeds = new.body.embeds.clone().unwrap_or_default();
        let loading = new.extra_flags & message::FLAG_LOADING != 0;
        if !loading
            && content.is_empty()
            && embeds.is_empty()
            && components.is_empty()
            && attachments.is_empty()
        {
            return Err(ApiError::empty_message());
        }
        let flags = (new.body.flags.unwrap_or(0) & SETTABLE_FLAGS) | new.extra_flags;
        let replied = reference.and_then(|(_, m)| m);
        let replied_author = replied.and_then(|m| {
            self.channels
                .get(&new.channel)
                .and_then(|c| c.messages.get(&m))
                .map(|m| m.author_id)
        });
        let pings = if flags & FLAG_SUPPRESS_NOTIFICATIONS != 0 || new.ephemeral_for.is_some() {
            let mut pings = self.compute_pings(&new, &content, replied_author);
            pings.notified.clear();
            pings
        } else {
            self.compute_pings(&new, &content, replied_author)
        };
        let application_id = self.config.application_id;
        let channel = self.channel_mut(new.channel)?;
        let position = channel.thread.as_mut().map(|t| {
            t.total_message_sent += 1;
            t.total_message_sent - 1
        });
        let message = Message {
            id,
            channel_id: new.channel,
            author_id: new.author,
            kind: new.kind,
            content,
            embeds,
            components,
            attachments,
            allowed_mentions: new.body.allowed_mentions.clone(),
            pings,
            flags,
            tts: new.body.tts.unwrap_or(false),
            pinned: false,
            edited_timestamp: None,
            webhook_id: new.webhook.then_some(application_id),
            application_id: (new.webhook || new.interaction.is_some()).then_some(application_id),
            interaction: new.interaction,
            reference,
            thread_id: None,
            ephemeral_for: new.ephemeral_for,
            position,
            nonce: new.body.nonce.clone(),
        };
        let ephemeral = message.ephemeral_for.is_some();
        channel.messages.insert(id, message);
        if !ephemeral {
            channel.visible_messages += 1;
            channel.last_message_id = Some(id);
        }
        self.message_index.insert(id, new.channel);
        if !ephemeral {
            self.dispatch_message("MESSAGE_CREATE", new.channel, id);
        }
        self.feed.created(new.channel, id);
        Ok(id)
    }

    fn resolve_reference(
        &self,
        channel_id: Snowflake,
        body: &MessageIn,
    ) -> Result<Option<(Snowflake, Option<Snowflake>)>, ApiError> {
        let Some(reference) = &body.message_reference else {
            return Ok(None);
        };
        let target_channel = reference.channel_id.unwrap_or(channel_id);
        let exists = reference.message_id.is_some_and(|m| {
            self.channels
                .get(&target_channel)
                .is_some_and(|c| c.messages.contains_key(&m))
        });
        if !exists && reference.fail_if_not_exists != Some(false) {
            return Err(ApiError::invalid_field(
                "message_reference",
                "MESSAGE_REFERENCE_UNKNOWN_MESSAGE",
                "Unknown message",
            ));
        }
        Ok(Some((
            target_channel,
            reference.message_id.filter(|_| exists),
        )))
    }

    /// Turns uploads (and, in edits, kept attachments) into attachments.
    fn store_uploads(
        &mut self,
        channel_id: Snowflake,
        body: &MessageIn,
        uploads: Vec<Upload>,
        existing: &[AttachmentOut],
    ) -> Result<Vec<AttachmentOut>, ApiError> {
        let mut out = Vec::new();
        if let Some(refs) = &body.attachments {
            for kept in refs {
                if let Some(found) = existing.iter().find(|a| a.id == kept.id) {
                    out.push(found.clone());
                }
            }
        } else {
            out.extend(existing.iter().cloned());
        }
        for upload in uploads {
            let described = body
                .attachments
                .as_ref()
                .and_then(|refs| refs.iter().find(|r| r.id.0 == upload.index));
            if body.attachments.is_some() && described.is_none() {
                return Err(ApiError::invalid_field(
                    "attachments",
                    "ATTACHMENT_NOT_FOUND",
                    format!("files[{}] is not listed in attachments", upload.index),
                ));
            }
            let id = self.ids.next_id();
            let filename = described
                .and_then(|d| d.filename.clone())
                .unwrap_or_else(|| upload.filename.clone());
            let url = format!(
                "{}/attachments/{channel_id}/{id}/{filename}",
                self.config.base_url
            );
            out.push(AttachmentOut {
                id,
                filename: filename.clone(),
                size: upload.data.len() as u64,
                url: url.clone(),
                proxy_url: url,
                content_type: upload.content_type.clone(),
                description: described.and_then(|d| d.description.clone()),
            });
            self.files.insert(
                id,
                StoredFile {
                    filename,
                    content_type: upload.content_type,
                    data: upload.data,
                },
            );
        }
        if out.len() > 10 {
            return Err(ApiError::invalid_field(
                "attachments",
                "BASE_TYPE_MAX_LENGTH",
                "Must be 10 or fewer in length.",
            ));
        }
        Ok(out)
    }

    /// Who a new message pings: written mentions filtered by
    /// allowed_mentions, role mentions only for mentionable roles (or an
    /// author with MENTION_EVERYONE), @everyone only with MENTION_EVERYONE,
    /// and only people who can see the channel.
    fn compute_pings(
        &self,
        new: &NewMessage,
        content: &str,
        replied_author: Option<Snowflake>,
    ) -> Pings {
        let written = mentions::written(content);
        let allowed = Allowed::new(new.body.allowed_mentions.as_ref());
        let Ok(guild) = self.guild_of(new.channel) else {
            return Pings::default();
        };
        let author_perms = self.permissions_in(new.author, new.channel);
        let may_mention_all = author_perms.contains(Permissions::MENTION_EVERYONE);
        let mut pings = Pings::default();
        for user in &written.users {
            if allowed.user(*user) && guild.members.contains_key(user) {
                pings.users.push(*user);
            }
        }
        if let (Some(author), true) = (replied_author, allowed.replied_user()) {
            if !pings.users.contains(&author) {
                pings.users.push(author);
            }
        }
        for role in &written.roles {
            let Some(found) = guild.role(*role) else {
                continue;
            };
            if allowed.role(*role) && (found.mentionable || may_mention_all) {
                pings.roles.push(*role);
            }
        }
        pings.everyone = written.everyone && allowed.everyone() && may_mention_all;
        // Everyone who may see the channel is only worth listing when a
        // role or @everyone pings; otherwise the mentioned users suffice.
        let candidates = if pings.everyone || !pings.roles.is_empty() {
            self.viewers(new.channel)
        } else {
            pings
                .users
                .iter()
                .copied()
                .filter(|u| self.can_view(*u, new.channel))
                .collect()
        };
        let mut notified: Vec<Snowflake> = candidates
            .into_iter()
            .filter(|u| *u != new.author)
            .filter(|u| {
                pings.everyone
                    || pings.users.contains(u)
                    || pings.roles.iter().any(|r| guild.has_role(*u, *r))
            })
            .collect();
        notified.sort();
        notified.dedup();
        pings.notified = notified;
        pings
    }

    /// MESSAGE_CREATE / MESSAGE_UPDATE, stripped for sessions without the
    /// Message Content intent.
    pub(crate) fn dispatch_message(
        &mut self,
        name: &'static str,
        channel_id: Snowflake,
        id: Snowflake,
    ) {
        let bot = self.bot_id();
        if !self.can_view(bot, channel_id) {
            return;
        }
        let Some(message) = self
            .channels
            .get(&channel_id)
            .and_then(|c| c.messages.get(&id))
        else {
            return;
        };
        if message.ephemeral_for.is_some() {
            return;
        }
        let guild_id = self.channels.get(&channel_id).map(|c| c.guild_id);
        let full = serde_json::to_value(self.message_out(message, true));
        let stripped = self
            .message_out_without_content(message)
            .map(serde_json::to_value);
        match (full, stripped.transpose()) {
            (Ok(data), Ok(data_without_content)) => self.gateway.dispatch(Dispatch {
                name,
                guild_id,
                intents: intents::GUILD_MESSAGES,
                data,
                data_without_content,
            }),
            _ => tracing::error!(event = name, "could not serialise a message"),
        }
    }

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
        message::validate(&body)?;
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
        let channel = self.channel_mut(channel_id)?;
        let stored = channel
            .messages
            .get_mut(&message_id)
            .ok_or_else(ApiError::unknown_message)?;
        // Work on a copy so that a refused edit changes nothing.
        let mut message = stored.clone();
        if let Some(content) = body.content {
            message.content = content;
        }
        if let Some(embeds) = body.embeds {
            message.embeds = embeds;
        }
        if let Some(mut components) = body.components {
            message::number_components(&mut components);
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
        message.flags &= !message::FLAG_LOADING;
        if !message.has_content() {
            return Err(ApiError::empty_message());
        }
        *stored = message;
        self.dispatch_message("MESSAGE_UPDATE", channel_id, message_id);
        self.feed.edited(channel_id, message_id);
        Ok(())
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

    /// GET /channels/{id}/messages: newest first, paged by before/after/around.
    pub fn list_messages(
        &self,
        actor: Snowflake,
        channel_id: Snowflake,
        query: ListQuery,
    ) -> Result<Vec<MessageOut>, ApiError> {
        let channel = self.visible_channel(actor, channel_id)?;
        let limit = query.limit.unwrap_or(50);
        if !(1..=100).contains(&limit) {
            return Err(ApiError::invalid_field(
                "limit",
                "NUMBER_TYPE_MAX",
                "Must be between 1 and 100.",
            ));
        }
        if !self
            .permissions_in(actor, channel_id)
            .contains(Permissions::READ_MESSAGE_HISTORY)
        {
            return Ok(Vec::new());
        }
        let limit = limit as usize;
        let visible = |m: &&Message| m.ephemeral_for.is_none();
        let picked: Vec<&Message> = if let Some(after) = query.after {
            let mut older_first: Vec<&Message> = channel
                .messages
                .range(Snowflake(after.0 + 1)..)
                .map(|(_, m)| m)
                .filter(visible)
                .take(limit)
                .collect();
            older_first.reverse();
            older_first
        } else if let Some(around) = query.around {
            let mut newer: Vec<&Message> = channel
                .messages
                .range(around..)
                .map(|(_, m)| m)
                .filter(visible)
                .take(limit.div_ceil(2))
                .collect();
            newer.reverse();
            let older = channel
                .messages
                .range(..around)
                .rev()
                .map(|(_, m)| m)
                .filter(visible)
                .take(limit / 2);
            newer.into_iter().chain(older).collect()
        } else {
            let upper = query.before.unwrap_or(Snowflake(u64::MAX));
            channel
                .messages
                .range(..upper)
                .rev()
                .map(|(_, m)| m)
                .filter(visible)
                .take(limit)
                .collect()
        };
        Ok(picked
            .into_iter()
            .map(|m| self.message_out(m, false))
            .collect())
    }

    /// GET /channels/{id}/messages/{id}.
    pub fn get_message(
        &self,
        actor: Snowflake,
        channel_id: Snowflake,
        message_id: Snowflake,
    ) -> Result<MessageOut, ApiError> {
        let channel = self.visible_channel(actor, channel_id)?;
        if !self
            .permissions_in(actor, channel_id)
            .contains(Permissions::READ_MESSAGE_HISTORY)
        {
            return Err(ApiError::missing_access());
        }
        channel
            .messages
            .get(&message_id)
            .filter(|m| m.ephemeral_for.is_none())
            .map(|m| self.message_out(m, false))
            .ok_or_else(ApiError::unknown_message)
    }

    /// A message as REST answers it, without permission checks (the answer
    /// to a create or edit the caller was just allowed to make).
    pub fn get_message_any(
        &self,
        channel_id: Snowflake,
        message_id: Snowflake,
    ) -> Result<MessageOut, ApiError> {
        self.channel(channel_id)?
            .messages
            .get(&message_id)
            .map(|m| self.message_out(m, false))
            .ok_or_else(ApiError::unknown_message)
    }
}
