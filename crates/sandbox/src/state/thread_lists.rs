//! Listing threads: the active ones of a guild, the archived ones of a channel.

use chrono::{DateTime, Utc};

use super::channel_types::{Channel, ChannelKind};
use super::permissions::Permissions;
use super::DiscordState;
use crate::error::ApiError;
use crate::ids::Snowflake;
use crate::wire::channel::ThreadsOut;

/// Paging of archived threads (GET …/threads/archived/…).
#[derive(Clone, Debug, Default)]
pub struct ArchivedQuery {
    pub before: Option<DateTime<Utc>>,
    pub limit: Option<u32>,
}

impl DiscordState {
    /// GET /guilds/{id}/threads/active: unarchived threads the caller sees.
    pub fn active_threads(
        &self,
        actor: Snowflake,
        guild_id: Snowflake,
    ) -> Result<ThreadsOut, ApiError> {
        let guild = self.guild(guild_id)?;
        let threads: Vec<&Channel> = guild
            .active_threads
            .iter()
            .filter_map(|id| self.channels.get(id))
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
