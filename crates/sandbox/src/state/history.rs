//! Reading message history: paging by before/after/around, single messages.

use super::message_types::Message;
use super::permissions::Permissions;
use super::{DiscordState, ListQuery};
use crate::error::ApiError;
use crate::ids::Snowflake;
use crate::wire::message::MessageOut;

impl DiscordState {
    /// GET /channels/{id}/messages: newest first, paged by before/after/around;
    /// nothing without READ_MESSAGE_HISTORY, and without the Message
    /// Content intent granted others' messages come emptied, as Discord does.
    pub fn list_messages(
        &self,
        actor: Snowflake,
        channel_id: Snowflake,
        query: ListQuery,
    ) -> Result<Vec<MessageOut>, ApiError> {
        let channel = self.visible_channel(actor, channel_id)?;
        let limit = query.limit.unwrap_or(50);
        if !(1..=100).contains(&limit) {
            return Err(ApiError::invalid_field(
                "limit",
                "NUMBER_TYPE_MAX",
                "Must be between 1 and 100.",
            ));
        }
        if !self
            .permissions_in(actor, channel_id)
            .contains(Permissions::READ_MESSAGE_HISTORY)
        {
            return Ok(Vec::new());
        }
        let limit = limit as usize;
        let visible = |m: &&Message| m.ephemeral_for.is_none();
        let picked: Vec<&Message> = if let Some(after) = query.after {
            let mut older_first: Vec<&Message> = channel
                .messages
                .range(Snowflake(after.0 + 1)..)
                .map(|(_, m)| m)
                .filter(visible)
                .take(limit)
                .collect();
            older_first.reverse();
            older_first
        } else if let Some(around) = query.around {
            let mut newer: Vec<&Message> = channel
                .messages
                .range(around..)
                .map(|(_, m)| m)
                .filter(visible)
                .take(limit.div_ceil(2))
                .collect();
            newer.reverse();
            let older = channel
                .messages
                .range(..around)
                .rev()
                .map(|(_, m)| m)
                .filter(visible)
                .take(limit / 2);
            newer.into_iter().chain(older).collect()
        } else {
            let upper = query.before.unwrap_or(Snowflake(u64::MAX));
            channel
                .messages
                .range(..upper)
                .rev()
                .map(|(_, m)| m)
                .filter(visible)
                .take(limit)
                .collect()
        };
        Ok(picked
            .into_iter()
            .map(|m| self.message_out_for(actor, m))
            .collect())
    }

    /// GET /channels/{id}/messages/{id}.
    pub fn get_message(
        &self,
        actor: Snowflake,
        channel_id: Snowflake,
        message_id: Snowflake,
    ) -> Result<MessageOut, ApiError> {
        let channel = self.visible_channel(actor, channel_id)?;
        if !self
            .permissions_in(actor, channel_id)
            .contains(Permissions::READ_MESSAGE_HISTORY)
        {
            return Err(ApiError::missing_access());
        }
        channel
            .messages
            .get(&message_id)
            .filter(|m| m.ephemeral_for.is_none())
            .map(|m| self.message_out_for(actor, m))
            .ok_or_else(ApiError::unknown_message)
    }

    /// A message as REST answers it, without permission checks (the answer
    /// to a create or edit the caller was just allowed to make).
    pub fn get_message_any(
        &self,
        channel_id: Snowflake,
        message_id: Snowflake,
    ) -> Result<MessageOut, ApiError> {
        self.channel(channel_id)?
            .messages
            .get(&message_id)
            .map(|m| self.message_out(m, false))
            .ok_or_else(ApiError::unknown_message)
    }
}
