//! What a person sees, and waiting until they see something.

use tokio::time::Instant;

use super::view_builder::{self, channel_info, person_view, visible_messages};
use super::waiting;
use super::{ChannelInfo, ChannelRef, DriverError, MessageView, ModalView, Person, PersonView};
use crate::ids::Snowflake;

impl Person {
    /// Whether this person can see the channel or thread.
    pub fn can_see(&self, channel: &ChannelRef) -> bool {
        self.shared
            .read(|w| w.can_view(self.id, Snowflake(channel.id)))
    }

    /// What this person sees in a channel, oldest first.
    pub fn messages_in(&self, channel: &ChannelRef) -> Vec<MessageView> {
        self.shared.read(|w| {
            w.channels
                .get(&Snowflake(channel.id))
                .map(|c| visible_messages(w, self.id, c))
                .unwrap_or_default()
        })
    }

    /// Everything this person sees, with the last `recent` messages of each channel.
    pub fn view(&self, recent: usize) -> PersonView {
        self.shared.read(|w| person_view(w, self.id, recent))
    }

    /// Waits until this person sees, in `channel`, a message matching
    /// `wanted`; returns the newest such message.
    pub async fn sees_in(
        &self,
        channel: &ChannelRef,
        wanted: impl Fn(&MessageView) -> bool,
    ) -> Result<MessageView, DriverError> {
        let deadline = Instant::now() + self.patience;
        let id = Snowflake(channel.id);
        let found = waiting::until(&self.shared, deadline, |w| {
            let channel = w.channels.get(&id)?;
            visible_messages(w, self.id, channel)
                .into_iter()
                .rev()
                .find(|m| wanted(m))
        })
        .await;
        found.ok_or_else(|| {
            let seen = self.messages_in(channel);
            let last: Vec<String> = seen
                .iter()
                .rev()
                .take(3)
                .map(|m| format!("{}: {:?} {:?}", m.author, m.text, m.embed_text()))
                .collect();
            DriverError::Timeout {
                who: self.name.clone(),
                what: format!("a matching message in #{}", channel.name),
                waited: self.patience,
                last_seen: if self.can_see(channel) {
                    last.join(" | ")
                } else {
                    "(the channel is hidden from them)".to_string()
                },
            }
        })
    }

    /// Waits until this person sees `message` (by id) in a state matching
    /// `wanted`: an edit, the end of "thinking…". Looks at that one message
    /// only, so that it stays cheap in a channel of thousands (benchmarks).
    pub async fn sees_message(
        &self,
        message: &MessageView,
        wanted: impl Fn(&MessageView) -> bool,
    ) -> Result<MessageView, DriverError> {
        let deadline = Instant::now() + self.patience;
        let (channel, id) = (Snowflake(message.channel_id), Snowflake(message.id));
        let found = waiting::until(&self.shared, deadline, |w| {
            if !w.can_view(self.id, channel) {
                return None;
            }
            let m = w.channels.get(&channel)?.messages.get(&id)?;
            if m.ephemeral_for.is_some_and(|u| u != self.id) {
                return None;
            }
            Some(view_builder::message_view(w, m)).filter(|m| wanted(m))
        })
        .await;
        found.ok_or_else(|| DriverError::Timeout {
            who: self.name.clone(),
            what: format!("message {} in #{}", message.id, message.channel),
            waited: self.patience,
            last_seen: format!("{:?}", message.text),
        })
    }

    /// Waits until this person sees a thread matching `wanted`.
    pub async fn sees_thread(
        &self,
        wanted: impl Fn(&ChannelInfo) -> bool,
    ) -> Result<ChannelRef, DriverError> {
        let deadline = Instant::now() + self.patience;
        let found = waiting::until(&self.shared, deadline, |w| {
            let mut threads: Vec<_> = w
                .channels
                .values()
                .filter(|c| c.is_thread() && w.can_view(self.id, c.id))
                .collect();
            threads.sort_by_key(|c| std::cmp::Reverse(c.id));
            threads
                .into_iter()
                .map(|c| channel_info(w, c))
                .find(|info| wanted(info))
                .map(|info| ChannelRef {
                    id: info.id,
                    name: info.name,
                })
        })
        .await;
        found.ok_or_else(|| DriverError::Timeout {
            who: self.name.clone(),
            what: "a matching thread".to_string(),
            waited: self.patience,
            last_seen: String::new(),
        })
    }

    /// The modal most recently shown to this person, if any.
    pub fn open_modal(&self) -> Option<ModalView> {
        self.shared.read(|w| {
            w.interactions
                .by_id
                .values()
                .filter(|r| r.user_id == self.id && r.modal.is_some())
                .max_by_key(|r| r.id)
                .and_then(|r| view_builder::modal_view(w, r.id))
        })
    }
}
