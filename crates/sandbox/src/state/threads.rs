//! Threads: starting them, archiving and locking, members, listings.

use std::collections::{BTreeMap, VecDeque};
use std::time::Instant;

use super::channel_types::{Channel, ChannelKind, ThreadState};
use super::message_types::{self, FLAG_HAS_THREAD};
use super::messages::NewMessage;
use super::permissions::Permissions;
use super::DiscordState;
use crate::error::ApiError;
use crate::gateway::hub::intents;
use crate::ids::{now_iso, Snowflake};
use crate::wire::channel::{ChannelOut, ChannelPatchIn, ThreadCreateIn, ThreadOut};
use crate::wire::message::{MessageIn, MessageReferenceIn};

const ARCHIVE_DURATIONS: [u32; 4] = [60, 1440, 4320, 10080];
/// Discord's limit of unarchived threads per guild.
const MAX_ACTIVE_THREADS: usize = 1000;

impl DiscordState {
    /// POST /channels/{id}/threads: a thread without a starter message,
    /// private unless `type` says 11.
    pub fn start_thread(
        &mut self,
        actor: Snowflake,
        parent_id: Snowflake,
        body: ThreadCreateIn,
    ) -> Result<ThreadOut, ApiError> {
        let parent = self.visible_channel(actor, parent_id)?;
        if !parent.kind.is_text() {
            return Err(ApiError::wrong_channel_type());
        }
        let kind = match body.kind {
            None | Some(12) => ChannelKind::PrivateThread,
            Some(11) => ChannelKind::PublicThread,
            Some(_) => {
                return Err(ApiError::invalid_field(
                    "type",
                    "BASE_TYPE_CHOICES",
                    "Value must be one of (11, 12).",
                ))
            }
        };
        let needed = if kind == ChannelKind::PrivateThread {
            Permissions::CREATE_PRIVATE_THREADS
        } else {
            Permissions::CREATE_PUBLIC_THREADS
        };
        self.require(actor, parent_id, needed)?;
        let id = self.ids.next_id();
        self.insert_thread(actor, parent_id, id, kind, &body)?;
        if kind == ChannelKind::PublicThread {
            // Discord notes a new public thread in its channel.
            let note = MessageIn {
                content: Some(body.name.clone()),
                message_reference: Some(MessageReferenceIn {
                    channel_id: Some(id),
                    fail_if_not_exists: Some(false),
                    ..MessageReferenceIn::default()
                }),
                ..MessageIn::default()
            };
            self.insert_message(NewMessage {
                author: actor,
                channel: parent_id,
                body: note,
                uploads: Vec::new(),
                kind: message_types::THREAD_CREATED,
                ephemeral_for: None,
                interaction: None,
                webhook: false,
                extra_flags: 0,
            })?;
        }
        self.thread_created(id);
        let thread = self.channel(id)?;
        self.thread_out(thread, Some(actor))
            .ok_or_else(ApiError::unknown_channel)
    }

    /// POST /channels/{id}/messages/{id}/threads: a public thread whose id
    /// is the starter message's id.
    pub fn start_thread_from_message(
        &mut self,
        actor: Snowflake,
        parent_id: Snowflake,
        message_id: Snowflake,
        body: ThreadCreateIn,
    ) -> Result<ThreadOut, ApiError> {
        let parent = self.visible_channel(actor, parent_id)?;
        if !parent.kind.is_text() {
            return Err(ApiError::wrong_channel_type());
        }
        let message = parent
            .messages
            .get(&message_id)
            .filter(|m| m.ephemeral_for.is_none())
            .ok_or_else(ApiError::unknown_message)?;
        if message.thread_id.is_some() || self.channels.contains_key(&message_id) {
            return Err(ApiError::thread_already_created());
        }
        self.require(actor, parent_id, Permissions::CREATE_PUBLIC_THREADS)?;
        self.insert_thread(
            actor,
            parent_id,
            message_id,
            ChannelKind::PublicThread,
            &body,
        )?;
        let mut starter_author = None;
        if let Some(starter) = self
            .channels
            .get_mut(&parent_id)
            .and_then(|c| c.messages.get_mut(&message_id))
        {
            starter.thread_id = Some(message_id);
            starter.flags |= FLAG_HAS_THREAD;
            starter_author = Some(starter.author_id);
        }
        self.thread_created(message_id);
        if let Some(author) = starter_author {
            self.thread_starter_posted(message_id, parent_id, message_id, author)?;
        }
        self.dispatch_message("MESSAGE_UPDATE", parent_id, message_id);
        let thread = self.channel(message_id)?;
        self.thread_out(thread, Some(actor))
            .ok_or_else(ApiError::unknown_channel)
    }

    fn insert_thread(
        &mut self,
        owner: Snowflake,
        parent_id: Snowflake,
        id: Snowflake,
        kind: ChannelKind,
        body: &ThreadCreateIn,
    ) -> Result<(), ApiError> {
        let length = body.name.chars().count();
        if length == 0 || length > 100 {
            return Err(ApiError::invalid_field(
                "name",
                "BASE_TYPE_BAD_LENGTH",
                "Must be between 1 and 100 in length.",
            ));
        }
        let duration = body.auto_archive_duration.unwrap_or(4320);
        if !ARCHIVE_DURATIONS.contains(&duration) {
            return Err(ApiError::invalid_field(
                "auto_archive_duration",
                "BASE_TYPE_CHOICES",
                "Value must be one of (60, 1440, 4320, 10080).",
            ));
        }
        let guild_id = self.channel(parent_id)?.guild_id;
        self.room_for_active_thread(guild_id)?;
        let now = now_iso();
        self.channels.insert(
            id,
            Channel {
                id,
                guild_id,
                kind,
                name: body.name.clone(),
                topic: None,
                position: 0,
                parent_id: Some(parent_id),
                overwrites: Vec::new(),
                nsfw: false,
                rate_limit_per_user: body.rate_limit_per_user.unwrap_or(0),
                last_message_id: None,
                thread: Some(ThreadState {
                    owner_id: owner,
                    archived: false,
                    locked: false,
                    invitable: body.invitable.unwrap_or(true),
                    auto_archive_duration: duration,
                    archive_timestamp: Some(now.clone()),
                    create_timestamp: now.clone(),
                    members: BTreeMap::from([(owner, now)]),
                    total_message_sent: 0,
                    last_activity: self.clock.now(),
                }),
                messages: BTreeMap::new(),
                visible_messages: 0,
                renames: VecDeque::new(),
            },
        );
        if let Some(guild) = self.guilds.get_mut(&guild_id) {
            guild.threads.insert(id);
            guild.active_threads.insert(id);
        }
        Ok(())
    }

    /// 160006 when the guild already has Discord's maximum of active
    /// threads: creating or unarchiving one must wait for another to archive.
    pub(crate) fn room_for_active_thread(&self, guild_id: Snowflake) -> Result<(), ApiError> {
        if self.guild(guild_id)?.active_threads.len() >= MAX_ACTIVE_THREADS {
            return Err(ApiError::new(
                400,
                160006,
                "Maximum number of active threads reached",
            ));
        }
        Ok(())
    }

    /// THREAD_CREATE with `newly_created`, if the bot can see the thread.
    pub(crate) fn thread_created(&mut self, id: Snowflake) {
        let bot = self.bot_id();
        let Some(thread) = self.channels.get(&id) else {
            return;
        };
        let Some(mut out) = self.thread_out(thread, Some(bot)) else {
            return;
        };
        out.newly_created = Some(true);
        let guild_id = thread.guild_id;
        self.dispatch("THREAD_CREATE", guild_id, intents::GUILDS, Some(id), &out);
    }

    /// THREAD_UPDATE, if the bot can see the thread.
    pub(crate) fn thread_updated(&mut self, id: Snowflake) {
        let bot = self.bot_id();
        let Some(thread) = self.channels.get(&id) else {
            return;
        };
        let Some(out) = self.thread_out(thread, Some(bot)) else {
            return;
        };
        let guild_id = thread.guild_id;
        self.dispatch("THREAD_UPDATE", guild_id, intents::GUILDS, Some(id), &out);
    }

    pub(crate) fn set_thread_archived(&mut self, id: Snowflake, archived: bool) {
        if let Some(thread) = self.channels.get_mut(&id).and_then(|c| c.thread.as_mut()) {
            if thread.archived != archived {
                thread.archived = archived;
                thread.archive_timestamp = Some(now_iso());
                if !archived {
                    self.thread_active(id);
                }
                self.note_archived(id, archived);
                self.thread_updated(id);
            }
        }
    }

    /// Keeps the guild's set of active threads in step with a thread's state.
    pub(crate) fn note_archived(&mut self, id: Snowflake, archived: bool) {
        let Some(guild_id) = self.channels.get(&id).map(|c| c.guild_id) else {
            return;
        };
        if let Some(guild) = self.guilds.get_mut(&guild_id) {
            if archived {
                guild.active_threads.remove(&id);
            } else {
                guild.active_threads.insert(id);
            }
        }
    }

    /// PATCH /channels/{id} on a thread. Locking and changing others'
    /// threads need MANAGE_THREADS; unarchiving an unlocked thread needs
    /// only the right to send there; the owner may rename and archive.
    pub(crate) fn modify_thread(
        &mut self,
        actor: Snowflake,
        id: Snowflake,
        patch: ChannelPatchIn,
    ) -> Result<ChannelOut, ApiError> {
        let perms = self.permissions_in(actor, id);
        let channel = self.channel(id)?;
        let Some(state) = channel.thread.clone() else {
            return Err(ApiError::wrong_channel_type());
        };
        let manager = perms.contains(Permissions::MANAGE_THREADS);
        let owner = state.owner_id == actor;
        let locked = patch.locked.unwrap_or(state.locked);
        let archived = patch.archived.unwrap_or(state.archived);
        if patch.locked.is_some_and(|l| l != state.locked) && !manager {
            return Err(ApiError::missing_permissions());
        }
        if state.archived && !archived {
            let may = if locked {
                manager
            } else {
                perms.contains(Permissions::SEND_MESSAGES)
            };
            if !may {
                return Err(ApiError::missing_permissions());
            }
            self.room_for_active_thread(channel.guild_id)?;
        }
        if !state.archived && archived && !(manager || owner) {
            return Err(ApiError::missing_permissions());
        }
        let other_changes = patch.name.is_some()
            || patch.auto_archive_duration.is_some()
            || patch.invitable.is_some()
            || patch.rate_limit_per_user.is_some();
        if other_changes && !(manager || owner) {
            return Err(ApiError::missing_permissions());
        }
        // Only active threads can be manipulated (topics/threads): a thread
        // that stays archived takes no other change, not even a lock.
        let relocks = patch.locked.is_some_and(|l| l != state.locked);
        if (other_changes || relocks) && state.archived && archived {
            return Err(ApiError::thread_archived());
        }
        if let Some(duration) = patch.auto_archive_duration {
            if !ARCHIVE_DURATIONS.contains(&duration) {
                return Err(ApiError::invalid_field(
                    "auto_archive_duration",
                    "BASE_TYPE_CHOICES",
                    "Value must be one of (60, 1440, 4320, 10080).",
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
        if let Some(rate) = patch.rate_limit_per_user {
            channel.rate_limit_per_user = rate;
        }
        if let Some(thread) = channel.thread.as_mut() {
            if thread.archived != archived {
                thread.archive_timestamp = Some(now_iso());
            }
            thread.archived = archived;
            thread.locked = locked;

            if let Some(duration) = patch.auto_archive_duration {
                thread.auto_archive_duration = duration;
            }
            if let Some(invitable) = patch.invitable {
                thread.invitable = invitable;
            }
        }
        if state.archived != archived {
            self.note_archived(id, archived);
        }
        if (state.archived && !archived) || patch.auto_archive_duration.is_some() {
            self.thread_active(id);
        }
        self.thread_updated(id);
        let channel = self.channel(id)?;
        Ok(self.channel_out(channel, Some(actor)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::testing::world;

    fn thread(name: &str) -> ThreadCreateIn {
        ThreadCreateIn {
            name: name.to_string(),
            kind: Some(11),
            auto_archive_duration: None,
            invitable: None,
            rate_limit_per_user: None,
        }
    }

    #[test]
    fn threads_of_a_channel_that_denies_only_send_messages_take_files_and_links() {
        let mut world = world(
            "server Acme\nchannel support\n  deny @everyone: send_messages\n  \
             allow @everyone: send_messages_in_threads\nmember alice",
        );
        let bot = world.bot_id();
        let alice = world.user_by_name("alice").unwrap().id;
        let support = world.channel_by_name("support").unwrap().id;
        let id = world.start_thread(bot, support, thread("case")).unwrap().id;
        let in_thread = world.permissions_in(alice, id);
        assert!(in_thread.contains(
            Permissions::SEND_MESSAGES | Permissions::ATTACH_FILES | Permissions::EMBED_LINKS
        ));
        let in_channel = world.permissions_in(alice, support);
        assert!(!in_channel.contains(Permissions::ATTACH_FILES));
    }

    #[test]
    fn a_guild_holds_at_most_a_thousand_active_threads() {
        let mut world = world("server Acme\nchannel help");
        let bot = world.bot_id();
        let help = world.channel_by_name("help").unwrap().id;
        let mut first = None;
        for i in 0..1000 {
            let made = world
                .start_thread(bot, help, thread(&format!("t{i}")))
                .unwrap();
            first.get_or_insert(made.id);
        }
        let refused = world
            .start_thread(bot, help, thread("one too many"))
            .unwrap_err();
        assert_eq!(refused.code, 160006);

        world.set_thread_archived(first.unwrap(), true);
        assert!(world.start_thread(bot, help, thread("room again")).is_ok());
    }

    #[test]
    fn unarchiving_past_a_thousand_active_threads_is_refused() {
        let mut world = world("server Acme\nchannel help");
        let bot = world.bot_id();
        let help = world.channel_by_name("help").unwrap().id;
        let old = world.start_thread(bot, help, thread("old")).unwrap().id;
        world.set_thread_archived(old, true);
        for i in 0..1000 {
            world
                .start_thread(bot, help, thread(&format!("t{i}")))
                .unwrap();
        }
        let reopen = ChannelPatchIn {
            archived: Some(false),
            ..ChannelPatchIn::default()
        };
        let refused = world.modify_thread(bot, old, reopen).unwrap_err();
        assert_eq!(refused.code, 160006);
        let said = MessageIn {
            content: Some("still there?".into()),
            ..MessageIn::default()
        };
        let refused = world.post_message(bot, old, said, vec![]).unwrap_err();
        assert_eq!(
            refused.code, 160006,
            "a message does not unarchive it either"
        );
        assert!(
            world
                .channel(old)
                .unwrap()
                .thread
                .as_ref()
                .unwrap()
                .archived
        );
    }
}
