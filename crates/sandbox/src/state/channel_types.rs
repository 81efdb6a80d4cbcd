//! Channels, categories and threads with their messages.

use std::collections::{BTreeMap, VecDeque};
use std::time::Instant;

use chrono::{DateTime, Utc};

use super::message_types::Message;
use super::permissions::Overwrite;
use crate::ids::Snowflake;
use crate::wire::channel::{
    GUILD_ANNOUNCEMENT, GUILD_CATEGORY, GUILD_TEXT, PRIVATE_THREAD, PUBLIC_THREAD,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChannelKind {
    Text,
    Announcement,
    Category,
    PublicThread,
    PrivateThread,
}

impl ChannelKind {
    pub fn code(self) -> u8 {
        match self {
            ChannelKind::Text => GUILD_TEXT,
            ChannelKind::Announcement => GUILD_ANNOUNCEMENT,
            ChannelKind::Category => GUILD_CATEGORY,
            ChannelKind::PublicThread => PUBLIC_THREAD,
            ChannelKind::PrivateThread => PRIVATE_THREAD,
        }
    }

    pub fn from_code(code: u8) -> Option<ChannelKind> {
        Some(match code {
            GUILD_TEXT => ChannelKind::Text,
            GUILD_ANNOUNCEMENT => ChannelKind::Announcement,
            GUILD_CATEGORY => ChannelKind::Category,
            PUBLIC_THREAD => ChannelKind::PublicThread,
            PRIVATE_THREAD => ChannelKind::PrivateThread,
            _ => return None,
        })
    }

    pub fn is_thread(self) -> bool {
        matches!(self, ChannelKind::PublicThread | ChannelKind::PrivateThread)
    }

    /// Channels that hold messages and may have threads.
    pub fn is_text(self) -> bool {
        matches!(self, ChannelKind::Text | ChannelKind::Announcement)
    }
}

#[derive(Clone, Debug)]
pub struct ThreadState {
    pub owner_id: Snowflake,
    pub archived: bool,
    pub locked: bool,
    pub invitable: bool,
    pub auto_archive_duration: u32,
    pub archive_timestamp: Option<String>,
    pub create_timestamp: String,
    /// Members with the time they joined.
    pub members: BTreeMap<Snowflake, String>,
    pub total_message_sent: u32,
    /// The thread's last activity on the sandbox's clock (a message, an
    /// unarchive, a new auto-archive duration): it archives itself
    /// `auto_archive_duration` minutes later.
    pub last_activity: DateTime<Utc>,
}

#[derive(Clone, Debug)]
pub struct Channel {
    pub id: Snowflake,
    pub guild_id: Snowflake,
    pub kind: ChannelKind,
    pub name: String,
    pub topic: Option<String>,
    pub position: u32,
    /// The category of a channel, the channel of a thread.
    pub parent_id: Option<Snowflake>,
    pub overwrites: Vec<Overwrite>,
    pub nsfw: bool,
    pub rate_limit_per_user: u32,
    pub last_message_id: Option<Snowflake>,
    pub thread: Option<ThreadState>,
    /// Messages by id: ordered, so paging by before/after is a range.
    pub messages: BTreeMap<Snowflake, Message>,
    /// How many of `messages` are not ephemeral (kept, not counted, per request).
    pub visible_messages: u32,
    /// When the last renames happened (Discord allows 2 per 10 minutes).
    pub renames: VecDeque<Instant>,
}

impl Channel {
    pub fn is_thread(&self) -> bool {
        self.kind.is_thread()
    }

    pub fn thread_member(&self, user: Snowflake) -> bool {
        self.thread
            .as_ref()
            .is_some_and(|t| t.members.contains_key(&user))
    }

    /// Messages visible in history (ephemeral replies are not).
    pub fn message_count(&self) -> u32 {
        self.visible_messages
    }
}
