//! Posting, editing, deleting and reading messages.

use super::channel_types::ChannelKind;
use super::message_types::{
    self, InteractionOrigin, Message, FLAG_SUPPRESS_EMBEDS, FLAG_SUPPRESS_NOTIFICATIONS,
};
use super::permissions::Permissions;
use super::DiscordState;
use crate::error::ApiError;
use crate::gateway::hub::{intents, Dispatch};
use crate::ids::Snowflake;
use crate::wire::message::MessageIn;

/// How long an enforced nonce is remembered. Discord says "the past few
/// minutes"; five is the sandbox's choice.
pub const NONCE_WINDOW: chrono::Duration = chrono::Duration::minutes(5);

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
pub(crate) const SETTABLE_FLAGS: u64 = FLAG_SUPPRESS_EMBEDS | FLAG_SUPPRESS_NOTIFICATIONS;

/// The nonce Discord checks for uniqueness: only with `enforce_nonce: true`.
fn enforced_nonce(body: &MessageIn) -> Option<String> {
    if body.enforce_nonce != Some(true) {
        return None;
    }
    body.nonce.as_ref().map(|nonce| match nonce {
        serde_json::Value::String(text) => text.clone(),
        other => other.to_string(),
    })
}

impl DiscordState {
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
        self.check_thread_open(channel_id, perms)?;
        if body.embeds.as_ref().is_some_and(|e| !e.is_empty())
            && !perms.contains(Permissions::EMBED_LINKS)
        {
            return Err(ApiError::missing_permissions());
        }
        if !uploads.is_empty() && !perms.contains(Permissions::ATTACH_FILES) {
            return Err(ApiError::missing_permissions());
        }
        // Replying reads history (resources/message, Create Message).
        if body.message_reference.is_some() && !perms.contains(Permissions::READ_MESSAGE_HISTORY) {
            return Err(ApiError::missing_permissions());
        }
        let enforced = enforced_nonce(&body).map(|nonce| (actor, channel_id, nonce));
        let now = self.clock.now();
        // Discord remembers a nonce "in the past few minutes" only
        // (resources/message, Create Message): an older one makes a new
        // message.
        let remembered = enforced
            .as_ref()
            .and_then(|k| self.enforced_nonces.get(k))
            .filter(|(_, at)| now - *at < NONCE_WINDOW)
            .map(|(first, _)| *first);
        if let Some(first) = remembered {
            // The first message again; if it was deleted since, Discord does
            // not make it again but says Unknown Message (discord-api-docs
            // PR #6647, "intentional").
            let exists = self.channel(channel_id)?.messages.contains_key(&first);
            return if exists {
                Ok(first)
            } else {
                Err(ApiError::unknown_message())
            };
        }
        let kind = if body.message_reference.is_some() {
            message_types::REPLY
        } else {
            message_types::DEFAULT
        };
        let id = self.insert_message(NewMessage {
            author: actor,
            channel: channel_id,
            body,
            uploads,
            kind,
            ephemeral_for: None,
            interaction: None,
            webhook: false,
            extra_flags: 0,
        })?;
        if let Some(key) = enforced {
            // Forgotten ones go as new ones come, so the map stays small.
            self.enforced_nonces
                .retain(|_, (_, at)| now - *at < NONCE_WINDOW);
            self.enforced_nonces.insert(key, (id, now));
        }
        Ok(id)
    }

    /// Locked threads take messages only from thread managers; an archived
    /// one is reopened by a message (unless it is also locked).
    pub(crate) fn check_thread_open(
        &mut self,
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
            let guild_id = self.channel(channel_id)?.guild_id;
            self.room_for_active_thread(guild_id)?;
            self.set_thread_archived(channel_id, false);
        }
        Ok(())
    }

    /// Stores a message after checking its body, and tells the gateway.
    pub(crate) fn insert_message(&mut self, mut new: NewMessage) -> Result<Snowflake, ApiError> {
        message_types::validate(&new.body)?;
        let reference = self.resolve_reference(new.channel, &new.body)?;
        let id = self.ids.next_id();
        let uploads = std::mem::take(&mut new.uploads);
        let attachments = self.store_uploads(new.channel, &new.body, uploads, &[])?;
        let content = new.body.content.clone().unwrap_or_default();
        let mut components = new.body.components.clone().unwrap_or_default();
        message_types::number_components(&mut components);
        let embeds = new.body.embeds.clone().unwrap_or_default();
        let loading = new.extra_flags & message_types::FLAG_LOADING != 0;
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
        let now = self.clock.now();
        let ephemeral = new.ephemeral_for.is_some();
        let channel = self.channel_mut(new.channel)?;
        let position = channel.thread.as_mut().map(|t| {
            t.total_message_sent += 1;
            // A message is activity: the thread's auto-archive wait restarts.
            if !ephemeral {
                t.last_activity = now;
            }
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
}
