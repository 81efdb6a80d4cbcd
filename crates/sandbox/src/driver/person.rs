//! A person in the server: what they can do and what they see.

use std::sync::Arc;
use std::time::Duration;

use super::view_builder::message_view;
use super::{ChannelRef, DriverError, MessageView};
use crate::ids::Snowflake;
use crate::shared::Shared;
use crate::state::{DiscordState, Upload};
use crate::wire::message::{MessageIn, MessageReferenceIn};

/// A member of the server, acting and looking around.
#[derive(Clone)]
pub struct Person {
    pub(super) shared: Arc<Shared>,
    pub(super) id: Snowflake,
    pub(super) name: String,
    pub(super) patience: Duration,
}

impl std::fmt::Debug for Person {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Person({})", self.name)
    }
}

impl Person {
    pub(crate) fn new(
        shared: Arc<Shared>,
        id: Snowflake,
        name: String,
        patience: Duration,
    ) -> Self {
        Person {
            shared,
            id,
            name,
            patience,
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn id(&self) -> u64 {
        self.id.0
    }

    pub fn user_id(&self) -> serenity::model::id::UserId {
        serenity::model::id::UserId::new(self.id.0)
    }

    /// The same person with another waiting limit for `sees_*`.
    pub fn with_patience(mut self, patience: Duration) -> Self {
        self.patience = patience;
        self
    }

    fn post(
        &self,
        channel: &ChannelRef,
        body: MessageIn,
        uploads: Vec<Upload>,
    ) -> Result<MessageView, DriverError> {
        let me = self.id;
        self.shared.write(|w| {
            let id = w.post_message(me, Snowflake(channel.id), body, uploads)?;
            view_of(w, Snowflake(channel.id), id)
        })
    }

    /// Posts a message.
    pub async fn say(&self, channel: &ChannelRef, text: &str) -> Result<MessageView, DriverError> {
        let body = MessageIn {
            content: Some(text.to_string()),
            ..MessageIn::default()
        };
        self.post(channel, body, Vec::new())
    }

    /// Posts a message with a file.
    pub async fn say_with_file(
        &self,
        channel: &ChannelRef,
        text: &str,
        filename: &str,
        data: Vec<u8>,
    ) -> Result<MessageView, DriverError> {
        let body = MessageIn {
            content: Some(text.to_string()),
            ..MessageIn::default()
        };
        let upload = Upload {
            index: 0,
            filename: filename.to_string(),
            content_type: None,
            data,
        };
        self.post(channel, body, vec![upload])
    }

    /// Replies to a message (a reply pings its author, as in the client).
    pub async fn reply(&self, to: &MessageView, text: &str) -> Result<MessageView, DriverError> {
        let body = MessageIn {
            content: Some(text.to_string()),
            message_reference: Some(MessageReferenceIn {
                message_id: Some(Snowflake(to.id)),
                ..MessageReferenceIn::default()
            }),
            ..MessageIn::default()
        };
        let channel = ChannelRef {
            id: to.channel_id,
            name: to.channel.clone(),
        };
        self.post(&channel, body, Vec::new())
    }

    pub async fn edit(
        &self,
        message: &MessageView,
        text: &str,
    ) -> Result<MessageView, DriverError> {
        let me = self.id;
        let (channel, id) = (Snowflake(message.channel_id), Snowflake(message.id));
        let body = MessageIn {
            content: Some(text.to_string()),
            ..MessageIn::default()
        };
        self.shared.write(|w| {
            w.edit_message(me, channel, id, body, Vec::new())?;
            view_of(w, channel, id)
        })
    }

    pub async fn delete(&self, message: &MessageView) -> Result<(), DriverError> {
        let me = self.id;
        let (channel, id) = (Snowflake(message.channel_id), Snowflake(message.id));
        self.shared
            .write(|w| w.delete_message(me, channel, id))
            .map_err(DriverError::from)
    }

    /// Starts a thread in a channel, as the Discord client does.
    pub async fn start_thread(
        &self,
        channel: &ChannelRef,
        name: &str,
        private: bool,
    ) -> Result<ChannelRef, DriverError> {
        let me = self.id;
        let body = crate::wire::channel::ThreadCreateIn {
            name: name.to_string(),
            kind: Some(if private { 12 } else { 11 }),
            auto_archive_duration: None,
            invitable: None,
            rate_limit_per_user: None,
        };
        let thread = self
            .shared
            .write(|w| w.start_thread(me, Snowflake(channel.id), body))?;
        Ok(ChannelRef {
            id: thread.id.0,
            name: thread.name,
        })
    }

    pub async fn join_thread(&self, thread: &ChannelRef) -> Result<(), DriverError> {
        let me = self.id;
        self.shared
            .write(|w| w.join_thread(me, Snowflake(thread.id)))
            .map_err(DriverError::from)
    }

    pub async fn leave_thread(&self, thread: &ChannelRef) -> Result<(), DriverError> {
        let me = self.id;
        self.shared
            .write(|w| w.leave_thread(me, Snowflake(thread.id)))
            .map_err(DriverError::from)
    }
}

fn view_of(
    world: &DiscordState,
    channel: Snowflake,
    id: Snowflake,
) -> Result<MessageView, DriverError> {
    world
        .channels
        .get(&channel)
        .and_then(|c| c.messages.get(&id))
        .map(|m| message_view(world, m))
        .ok_or(DriverError::Unexpected("the message vanished"))
}
