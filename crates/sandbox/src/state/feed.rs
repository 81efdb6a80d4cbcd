//! A running list of what changed, for "what did each person just see"
//! (the sandbox console prints it after every step).

use std::collections::VecDeque;

use crate::ids::Snowflake;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    MessageCreated,
    MessageEdited,
    MessageDeleted,
    /// The bot answered `user` with a modal.
    ModalOpened {
        user: Snowflake,
        interaction: Snowflake,
    },
}

#[derive(Clone, Debug)]
pub struct FeedEntry {
    pub seq: u64,
    pub change: Change,
    pub channel_id: Snowflake,
    pub message_id: Option<Snowflake>,
}

const FEED_CAP: usize = 50_000;

#[derive(Debug, Default)]
pub struct Feed {
    entries: VecDeque<FeedEntry>,
    next: u64,
}

impl Feed {
    fn push(&mut self, change: Change, channel_id: Snowflake, message_id: Option<Snowflake>) {
        self.next += 1;
        self.entries.push_back(FeedEntry {
            seq: self.next,
            change,
            channel_id,
            message_id,
        });
        if self.entries.len() > FEED_CAP {
            self.entries.pop_front();
        }
    }

    pub fn created(&mut self, channel: Snowflake, message: Snowflake) {
        self.push(Change::MessageCreated, channel, Some(message));
    }

    pub fn edited(&mut self, channel: Snowflake, message: Snowflake) {
        self.push(Change::MessageEdited, channel, Some(message));
    }

    pub fn deleted(&mut self, channel: Snowflake, message: Snowflake) {
        self.push(Change::MessageDeleted, channel, Some(message));
    }

    pub fn modal(&mut self, channel: Snowflake, user: Snowflake, interaction: Snowflake) {
        self.push(Change::ModalOpened { user, interaction }, channel, None);
    }

    /// The sequence number of the latest entry (0 when empty).
    pub fn cursor(&self) -> u64 {
        self.next
    }

    /// Entries after `cursor`, oldest first.
    pub fn since(&self, cursor: u64) -> Vec<FeedEntry> {
        self.entries
            .iter()
            .filter(|e| e.seq > cursor)
            .cloned()
            .collect()
    }
}
