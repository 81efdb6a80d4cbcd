//! Transcript entries: the messages of a ticket's user and case threads,
//! kept when it closes (issue 5). Plain data; the bot fills it from
//! Discord and renders the HTML.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::ids::{ChannelId, MessageId, UserId};
use super::policy::Actor;
use super::ticket::Ticket;

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

/// The part of a transcript `reader` may read: admins everything; staff
/// the user thread and the cases of their own level and the levels below
/// (as Discord shows them those channels), never a higher level's case
/// or its notes. Anyone else: the user thread only.
pub fn readable_by<'a>(
    entries: &'a [TranscriptEntry],
    ticket: &Ticket,
    reader: &Actor,
) -> Vec<&'a TranscriptEntry> {
    if reader.is_admin {
        return entries.iter().collect();
    }
    let highest = reader.staff_levels.iter().max();
    entries
        .iter()
        .filter(|e| {
            if ticket.user_thread == Some(e.thread) {
                return true;
            }
            let case_level = ticket
                .all_cases()
                .find(|c| c.thread == e.thread)
                .map(|c| c.level);
            matches!((case_level, highest), (Some(case), Some(top)) if case <= top)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tickets::fixtures::{admin, minutes, staff, ticket, user};
    use crate::tickets::{CaseThread, Level};

    fn entry(id: u64, thread: ChannelId, kind: EntryKind) -> TranscriptEntry {
        TranscriptEntry {
            message: MessageId(id),
            thread,
            author: UserId(id),
            author_name: format!("author {id}"),
            at: minutes(id as i64),
            content: format!("message {id}"),
            embeds_json: "[]".into(),
            attachments: vec![],
            kind,
        }
    }

    #[test]
    fn lower_levels_never_read_a_higher_case_in_a_transcript() {
        let mut t = ticket(Level::L1);
        let l1 = t.case.expect("the fixture has a case");
        let l2 = CaseThread {
            level: Level::L2,
            thread: ChannelId(702),
            ..l1
        };
        t.previous_cases = vec![l1, l2];
        t.case = Some(CaseThread {
            thread: ChannelId(703),
            ..l1
        });
        let user_thread = t.user_thread.expect("the fixture has a user thread");
        let entries = vec![
            entry(1, user_thread, EntryKind::User),
            entry(2, l1.thread, EntryKind::Note),
            entry(3, l2.thread, EntryKind::Note),
            entry(4, ChannelId(703), EntryKind::Staff),
        ];
        let ids = |reader: &Actor| -> Vec<u64> {
            readable_by(&entries, &t, reader)
                .iter()
                .map(|e| e.message.0)
                .collect()
        };
        assert_eq!(ids(&staff(1, Level::L1)), vec![1, 2, 4]);
        assert_eq!(ids(&staff(2, Level::L2)), vec![1, 2, 3, 4]);
        assert_eq!(ids(&admin()), vec![1, 2, 3, 4]);
        assert_eq!(ids(&user()), vec![1]);
    }
}
