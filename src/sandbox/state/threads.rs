//! Threads: starting them, archiving and locking, members, listings.

use std::collections::{BTreeMap, VecDeque};
use std::time::Instant;

use chrono::{DateTime, Utc};

use super::channel::{Channel, ChannelKind, ThreadState};
use super::message::{self, FLAG_HAS_THREAD};
use super::messages::NewMessage;
use super::permissions::Permissions;
use super::World;
use crate::sandbox::error::ApiError;
use crate::sandbox::gateway::hub::intents;
use crate::sandbox::ids::{now_iso, Snowflake};
use crate::sandbox::wire::channel::{
    ChannelOut, ChannelPatchIn, ThreadCreateIn, ThreadMemberOut, ThreadMembersUpdateOut, ThreadOut,
    ThreadsOut,
};
use crate::sandbox::wire::message::{MessageIn, MessageReferenceIn};

const ARCHIVE_DURATIONS: [u32; 4] = [60, 1440, 4320, 10080];

/// Paging of archived threads (GET …/threads/archived/…).
#[derive(Clone, Debug, Default)]
pub struct ArchivedQuery {
    pub before: Option<DateTime<Utc>>,
    pub limit: Option<u32>,
}

impl World {
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
                kind: message::THREAD_CREATED,
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
        if let Some(starter) = self
            .channels
            .get_mut(&parent_id)
            .and_then(|c| c.messages.get_mut(&message_id))
        {
            starter.thread_id = Some(message_id);
            starter.flags |= FLAG_HAS_THREAD;
        }
        self.thread_created(message_id);
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
                }),
                messages: BTreeMap::new(),
                visible_messages: 0,
                renames: VecDeque::new(),
            },
        );
        if let Some(guild) = self.guilds.get_mut(&guild_id) {
            guild.threads.insert(id);
        }
        Ok(())
    }

    /// THREAD_CREATE with `newly_created`, if the bot can see the thread.
    fn thread_created(&mut self, id: Snowflake) {
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
                self.thread_updated(id);
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
        if other_changes && state.archived && archived {
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
        self.thread_updated(id);
        let channel = self.channel(id)?;
        Ok(self.channel_out(channel, Some(actor)))
    }

    /// The thread of `id` if `actor` can see it, else 404/403.
    fn visible_thread(&self, actor: Snowflake, id: Snowflake) -> Result<&Channel, ApiError> {
        let channel = self.visible_channel(actor, id)?;
        if !channel.is_thread() {
            return Err(ApiError::wrong_channel_type());
        }
        Ok(channel)
    }

    /// PUT /channels/{id}/thread-members/{user}: needs the right to send in
    /// the thread, an open thread, and for private threads that others may
    /// invite (or MANAGE_THREADS).
    pub fn add_thread_member(
        &mut self,
        actor: Snowflake,
        thread_id: Snowflake,
        user: Snowflake,
    ) -> Result<(), ApiError> {
        let thread = self.visible_thread(actor, thread_id)?;
        let state = thread
            .thread
            .as_ref()
            .ok_or_else(ApiError::unknown_channel)?;
        let perms = self.require(actor, thread_id, Permissions::SEND_MESSAGES)?;
        if state.archived {
            return Err(ApiError::thread_archived());
        }
        let manager = perms.contains(Permissions::MANAGE_THREADS);
        if thread.kind == ChannelKind::PrivateThread
            && !state.invitable
            && !manager
            && state.owner_id != actor
        {
            return Err(ApiError::missing_permissions());
        }
        if !self.guild_of(thread_id)?.members.contains_key(&user) {
            return Err(ApiError::unknown_member());
        }
        self.join(thread_id, user)
    }

    /// PUT /channels/{id}/thread-members/@me.
    pub fn join_thread(&mut self, actor: Snowflake, thread_id: Snowflake) -> Result<(), ApiError> {
        let thread = self.visible_thread(actor, thread_id)?;
        if thread.thread.as_ref().is_some_and(|t| t.archived) {
            return Err(ApiError::thread_archived());
        }
        self.join(thread_id, actor)
    }

    fn join(&mut self, thread_id: Snowflake, user: Snowflake) -> Result<(), ApiError> {
        let bot = self.bot_id();
        let bot_saw_it = self.can_view(bot, thread_id);
        let thread = self.channel_mut(thread_id)?;
        let state = thread
            .thread
            .as_mut()
            .ok_or_else(ApiError::unknown_channel)?;
        if state.members.contains_key(&user) {
            return Ok(());
        }
        state.members.insert(user, now_iso());
        if user == bot && !bot_saw_it {
            // Added to a private thread it could not see: Discord sends the thread.
            self.thread_created(thread_id);
        }
        self.thread_members_changed(thread_id, Some(user), None);
        Ok(())
    }

    /// DELETE /channels/{id}/thread-members/{user}: MANAGE_THREADS, or the
    /// owner of a private thread; the thread must be open.
    pub fn remove_thread_member(
        &mut self,
        actor: Snowflake,
        thread_id: Snowflake,
        user: Snowflake,
    ) -> Result<(), ApiError> {
        let thread = self.visible_thread(actor, thread_id)?;
        let state = thread
            .thread
            .as_ref()
            .ok_or_else(ApiError::unknown_channel)?;
        let manager = self
            .permissions_in(actor, thread_id)
            .contains(Permissions::MANAGE_THREADS);
        let owner_of_private = thread.kind == ChannelKind::PrivateThread && state.owner_id == actor;
        if !(manager || owner_of_private || user == actor) {
            return Err(ApiError::missing_permissions());
        }
        if state.archived {
            return Err(ApiError::thread_archived());
        }
        self.leave(thread_id, user)
    }

    /// Takes a user out of a thread (no checks) and tells the gateway.
    pub(crate) fn leave(&mut self, thread_id: Snowflake, user: Snowflake) -> Result<(), ApiError> {
        let thread = self.channel_mut(thread_id)?;
        let state = thread
            .thread
            .as_mut()
            .ok_or_else(ApiError::unknown_channel)?;
        if state.members.remove(&user).is_none() {
            return Ok(());
        }
        self.thread_members_changed(thread_id, None, Some(user));
        Ok(())
    }

    /// THREAD_MEMBERS_UPDATE. Without GUILD_MEMBERS Discord only tells the
    /// bot about itself; the sandbox sends it with GUILD_MEMBERS, or when
    /// the change is the bot's own.
    fn thread_members_changed(
        &mut self,
        thread_id: Snowflake,
        added: Option<Snowflake>,
        removed: Option<Snowflake>,
    ) {
        let bot = self.bot_id();
        let Some(thread) = self.channels.get(&thread_id) else {
            return;
        };
        let guild_id = thread.guild_id;
        let count = thread.thread.as_ref().map_or(0, |t| t.members.len()) as u32;
        let added_members: Vec<ThreadMemberOut> = added
            .and_then(|u| self.thread_member_out(thread, u, true))
            .into_iter()
            .collect();
        let event = ThreadMembersUpdateOut {
            id: thread_id,
            guild_id,
            member_count: count,
            added_members,
            removed_member_ids: removed.into_iter().collect(),
        };
        let about_bot = added == Some(bot) || removed == Some(bot);
        let needed = if about_bot {
            intents::GUILDS
        } else {
            intents::GUILD_MEMBERS
        };
        let visible = if removed == Some(bot) {
            None
        } else {
            Some(thread_id)
        };
        self.dispatch("THREAD_MEMBERS_UPDATE", guild_id, needed, visible, &event);
    }

    /// DELETE /channels/{id}/thread-members/@me.
    pub fn leave_thread(&mut self, actor: Snowflake, thread_id: Snowflake) -> Result<(), ApiError> {
        let thread = self.visible_thread(actor, thread_id)?;
        if thread.thread.as_ref().is_some_and(|t| t.archived) {
            return Err(ApiError::thread_archived());
        }
        self.leave(thread_id, actor)
    }

    /// GET /channels/{id}/thread-members.
    pub fn thread_members(
        &self,
        actor: Snowflake,
        thread_id: Snowflake,
        with_member: bool,
    ) -> Result<Vec<ThreadMemberOut>, ApiError> {
        let thread = self.visible_thread(actor, thread_id)?;
        let members = thread.thread.as_ref().map(|t| &t.members);
        Ok(members
            .into_iter()
            .flat_map(|m| m.keys())
            .filter_map(|u| self.thread_member_out(thread, *u, with_member))
            .collect())
    }

    /// GET /channels/{id}/thread-members/{user}.
    pub fn thread_member(
        &self,
        actor: Snowflake,
        thread_id: Snowflake,
        user: Snowflake,
        with_member: bool,
    ) -> Result<ThreadMemberOut, ApiError> {
        let thread = self.visible_thread(actor, thread_id)?;
        self.thread_member_out(thread, user, with_member)
            .ok_or_else(ApiError::unknown_member)
    }

    /// GET /guilds/{id}/threads/active: unarchived threads the caller sees.
    pub fn active_threads(
        &self,
        actor: Snowflake,
        guild_id: Snowflake,
    ) -> Result<ThreadsOut, ApiError> {
        let guild = self.guild(guild_id)?;
        let threads: Vec<&Channel> = guild
            .threads
            .iter()
            .filter_map(|id| self.channels.get(id))
            .filter(|t| t.thread.as_ref().is_some_and(|s| !s.archived))
            .filter(|t| self.can_view(actor, t.id))
            .collect();
        Ok(self.threads_out(&threads, actor, false))
    }

    /// GET /channels/{id}/threads/archived/{public|private}, newest archive first.
    pub fn archived_threads(
        &self,
        actor: Snowflake,
        parent_id: Snowflake,
        private: bool,
        query: ArchivedQuery,
    ) -> Result<ThreadsOut, ApiError> {
        self.visible_channel(actor, parent_id)?;
        let mut needed = Permissions::READ_MESSAGE_HISTORY;
        if private {
            needed |= Permissions::MANAGE_THREADS;
        }
        self.require(actor, parent_id, needed)?;
        let kind = if private {
            ChannelKind::PrivateThread
        } else {
            ChannelKind::PublicThread
        };
        let mut threads: Vec<&Channel> = self
            .channels
            .values()
            .filter(|c| c.parent_id == Some(parent_id) && c.kind == kind)
            .filter(|c| c.thread.as_ref().is_some_and(|t| t.archived))
            .filter(|c| match (query.before, archived_at(c)) {
                (Some(before), Some(at)) => at < before,
                _ => true,
            })
            .collect();
        threads.sort_by_key(|c| std::cmp::Reverse(archived_at(c)));
        let limit = query.limit.unwrap_or(50).clamp(1, 100) as usize;
        let has_more = threads.len() > limit;
        threads.truncate(limit);
        Ok(self.threads_out(&threads, actor, has_more))
    }

    fn threads_out(&self, threads: &[&Channel], actor: Snowflake, has_more: bool) -> ThreadsOut {
        ThreadsOut {
            threads: threads
                .iter()
                .filter_map(|t| self.thread_out(t, None))
                .collect(),
            members: threads
                .iter()
                .filter_map(|t| self.thread_member_out(t, actor, false))
                .collect(),
            has_more,
        }
    }
}

fn archived_at(channel: &Channel) -> Option<DateTime<Utc>> {
    let stamp = channel.thread.as_ref()?.archive_timestamp.as_ref()?;
    DateTime::parse_from_rfc3339(stamp)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}
