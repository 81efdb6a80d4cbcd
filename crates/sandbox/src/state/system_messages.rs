//! The messages Discord itself posts in threads (message.mdx, "Message
//! Types"; threads.mdx, "New Message Types"): RECIPIENT_ADD (type 1) when
//! someone else adds a member, THREAD_STARTER_MESSAGE (type 21) as the
//! first message of a thread started from a message. They carry no
//! content, notify nobody, and cannot be deleted (50021).

use super::message_types::{self, Message, Pings};
use super::DiscordState;
use crate::error::ApiError;
use crate::ids::Snowflake;

/// Message types Discord marks "Deletable: false".
pub fn undeletable(kind: u8) -> bool {
    matches!(
        kind,
        message_types::RECIPIENT_ADD | message_types::THREAD_STARTER_MESSAGE
    )
}

impl DiscordState {
    /// RECIPIENT_ADD: `actor` added `user` to `thread` ("repurposed to also
    /// send when a user is added to or removed from a thread by someone
    /// else"). Its `mentions` name the added member.
    pub(crate) fn recipient_added(
        &mut self,
        thread: Snowflake,
        actor: Snowflake,
        user: Snowflake,
    ) -> Result<(), ApiError> {
        let pings = Pings {
            users: vec![user],
            ..Pings::default()
        };
        self.insert_system_message(thread, actor, message_types::RECIPIENT_ADD, pings, None)
    }

    /// THREAD_STARTER_MESSAGE: "only contains a message reference field
    /// that points to the message from which the thread was started"; its
    /// author is the starter's.
    pub(crate) fn thread_starter_posted(
        &mut self,
        thread: Snowflake,
        parent: Snowflake,
        starter: Snowflake,
        author: Snowflake,
    ) -> Result<(), ApiError> {
        self.insert_system_message(
            thread,
            author,
            message_types::THREAD_STARTER_MESSAGE,
            Pings::default(),
            Some((parent, Some(starter))),
        )
    }

    fn insert_system_message(
        &mut self,
        channel_id: Snowflake,
        author: Snowflake,
        kind: u8,
        pings: Pings,
        reference: Option<(Snowflake, Option<Snowflake>)>,
    ) -> Result<(), ApiError> {
        let id = self.ids.next_id();
        let channel = self.channel_mut(channel_id)?;
        // Not activity: the thread's auto-archive wait goes on.
        let position = channel.thread.as_mut().map(|t| {
            t.total_message_sent += 1;
            t.total_message_sent - 1
        });
        let message = Message {
            id,
            channel_id,
            author_id: author,
            kind,
            content: String::new(),
            embeds: Vec::new(),
            components: Vec::new(),
            attachments: Vec::new(),
            allowed_mentions: None,
            pings,
            flags: 0,
            tts: false,
            pinned: false,
            edited_timestamp: None,
            webhook_id: None,
            application_id: None,
            interaction: None,
            reference,
            thread_id: None,
            ephemeral_for: None,
            position,
            nonce: None,
        };
        channel.messages.insert(id, message);
        channel.visible_messages += 1;
        channel.last_message_id = Some(id);
        self.message_index.insert(id, channel_id);
        self.dispatch_message("MESSAGE_CREATE", channel_id, id);
        self.feed.created(channel_id, id);
        Ok(())
    }
}
