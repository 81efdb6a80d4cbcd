//! Transcript entries: the messages of a ticket's user and case threads,
//! kept when it closes (issue 5). Plain data; the bot fills it from
//! Discord and renders the HTML.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::ids::{ChannelId, MessageId, UserId};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// The ticket's author (or another member) in the user thread.
    User,
    Staff,
    Bot,
    /// An internal note (case thread).
    Note,
    /// The bot's announcement of an escalation or de-escalation.
    LevelChange,
}

impl EntryKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntryKind::User => "user",
            EntryKind::Staff => "staff",
            EntryKind::Bot => "bot",
            EntryKind::Note => "note",
            EntryKind::LevelChange => "level_change",
        }
    }

    pub fn parse(s: &str) -> Option<EntryKind> {
        [
            EntryKind::User,
            EntryKind::Staff,
            EntryKind::Bot,
            EntryKind::Note,
            EntryKind::LevelChange,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    pub filename: String,
    pub url: String,
    pub size: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranscriptEntry {
    pub message: MessageId,
    pub thread: ChannelId,
    pub author: UserId,
    /// The display name at the time, as names change.
    pub author_name: String,
    pub at: DateTime<Utc>,
    pub content: String,
    /// The message's embeds as Discord sent them (a JSON array), `[]` if none.
    pub embeds_json: String,
    pub attachments: Vec<Attachment>,
    pub kind: EntryKind,
}
