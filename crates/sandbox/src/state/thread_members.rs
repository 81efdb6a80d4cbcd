//! Who is in a thread: adding, removing, joining, leaving, listing.

use super::channel_types::{Channel, ChannelKind};
use super::permissions::Permissions;
use super::DiscordState;
use crate::error::ApiError;
use crate::gateway::hub::intents;
use crate::ids::{now_iso, Snowflake};
use crate::wire::channel::{ThreadMemberOut, ThreadMembersUpdateOut};

impl DiscordState {
    /// The thread of `id` if `actor` can see it, else 404/403.
    pub(crate) fn visible_thread(
        &self,
        actor: Snowflake,
        id: Snowflake,
    ) -> Result<&Channel, ApiError> {
        let channel = self.visible_channel(actor, id)?;
        if !channel.is_thread() {
            return Err(ApiError::wrong_channel_type());
        }
        Ok(channel)
    }

    /// PUT /channels/{id}/thread-members/{user}: needs the right to send in
    /// the thread, an open thread, and for a private thread with
    /// `invitable: false` MANAGE_THREADS ("whether non-moderators can add
    /// other non-moderators", resources/channel): its creator is no exception.
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
        if thread.kind == ChannelKind::PrivateThread && !state.invitable && !manager {
            return Err(ApiError::missing_permissions());
        }
        if !self.guild_of(thread_id)?.members.contains_key(&user) {
            return Err(ApiError::unknown_member());
        }
        if self.join(thread_id, user)? && user != actor {
            self.recipient_added(thread_id, actor, user)?;
        }
        Ok(())
    }

    /// PUT /channels/{id}/thread-members/@me.
    pub fn join_thread(&mut self, actor: Snowflake, thread_id: Snowflake) -> Result<(), ApiError> {
        let thread = self.visible_thread(actor, thread_id)?;
        if thread.thread.as_ref().is_some_and(|t| t.archived) {
            return Err(ApiError::thread_archived());
        }
        self.join(thread_id, actor).map(|_| ())
    }

    /// Whether `user` is new to the thread.
    fn join(&mut self, thread_id: Snowflake, user: Snowflake) -> Result<bool, ApiError> {
        let bot = self.bot_id();
        let bot_saw_it = self.can_view(bot, thread_id);
        let thread = self.channel_mut(thread_id)?;
        let state = thread
            .thread
            .as_mut()
            .ok_or_else(ApiError::unknown_channel)?;
        if state.members.contains_key(&user) {
            return Ok(false);
        }
        state.members.insert(user, now_iso());
        if user == bot && !bot_saw_it {
            // Added to a private thread it could not see: Discord sends the thread.
            self.thread_created(thread_id);
        }
        self.thread_members_changed(thread_id, Some(user), None);
        Ok(true)
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
}
