//! Interactions in flight: what a person triggered, whether and how the
//! bot answered, and the token its follow-ups use.

use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

use super::DiscordState;
use crate::error::ApiError;
use crate::ids::Snowflake;
use crate::wire::component::{Choice, ModalIn};
use crate::wire::interaction::{
    GuildRefOut, InteractionDataOut, InteractionOut, ATTACHMENT_SIZE_LIMIT,
    CALLBACK_DEFERRED_MESSAGE,
};

/// Discord fails an interaction not answered within three seconds.
pub const RESPONSE_WINDOW: Duration = Duration::from_secs(3);
/// Follow-ups work for fifteen minutes.
pub const TOKEN_LIFETIME: Duration = Duration::from_secs(15 * 60);

#[derive(Clone, Debug)]
pub struct InteractionRecord {
    pub id: Snowflake,
    pub token: String,
    pub kind: u8,
    pub user_id: Snowflake,
    pub channel_id: Snowflake,
    pub guild_id: Snowflake,
    pub created: Instant,
    pub command_name: Option<String>,
    pub custom_id: Option<String>,
    /// The message whose component was used (for modal submits: the
    /// message of the component that opened the modal, if any).
    pub source_message: Option<Snowflake>,
    /// For a modal submit: the interaction that opened the modal.
    pub triggering: Option<(Snowflake, u8, Option<Snowflake>)>,
    /// The callback type the bot answered with.
    pub response: Option<u8>,
    pub original_message: Option<Snowflake>,
    pub modal: Option<ModalIn>,
    pub choices: Option<Vec<Choice>>,
    pub followups: Vec<Snowflake>,
    /// The bot answered after the three seconds had passed.
    pub answered_late: bool,
}

impl InteractionRecord {
    /// Answered with "thinking…" and not finished yet.
    pub fn is_loading(&self, world: &DiscordState) -> bool {
        self.response == Some(CALLBACK_DEFERRED_MESSAGE)
            && self.original_message.is_some_and(|m| {
                world
                    .channels
                    .get(&self.channel_id)
                    .and_then(|c| c.messages.get(&m))
                    .is_some_and(|m| m.is_loading())
            })
    }
}

#[derive(Debug, Default)]
pub struct InteractionRegistry {
    pub by_id: HashMap<Snowflake, InteractionRecord>,
    pub by_token: HashMap<String, Snowflake>,
    /// Not answered yet, or answered with a deferral not yet completed.
    pub open: HashSet<Snowflake>,
}

/// What a person did, to be sent to the bot as INTERACTION_CREATE.
pub struct NewInteraction {
    pub kind: u8,
    pub user: Snowflake,
    pub channel: Snowflake,
    pub data: InteractionDataOut,
    pub command_name: Option<String>,
    pub custom_id: Option<String>,
    pub source_message: Option<Snowflake>,
    pub triggering: Option<(Snowflake, u8, Option<Snowflake>)>,
}

fn new_token() -> String {
    let mut token = String::from("aW50ZXJhY3Rpb246");
    for _ in 0..64 {
        token.push(fastrand::alphanumeric());
    }
    token
}

impl DiscordState {
    /// Records an interaction and dispatches INTERACTION_CREATE (always,
    /// whatever the intents).
    pub fn begin_interaction(&mut self, new: NewInteraction) -> Result<Snowflake, ApiError> {
        let id = self.ids.next_id();
        let token = new_token();
        let channel = self.channel(new.channel)?;
        let guild = self.guild(channel.guild_id)?;
        let guild_id = guild.id;
        let user = self.user(new.user).ok_or_else(ApiError::unknown_user)?;
        let locale = user.locale.clone();
        let permissions = self.permissions_in(new.user, new.channel);
        let member = self
            .member_out(guild, new.user, Some(permissions))
            .ok_or_else(ApiError::unknown_member)?;
        let message = new.source_message.and_then(|m| {
            self.channels
                .get(&new.channel)
                .and_then(|c| c.messages.get(&m))
                .map(|m| self.message_out(m, false))
        });
        let out = InteractionOut {
            id,
            application_id: self.config.application_id,
            kind: new.kind,
            data: new.data,
            guild_id,
            guild: GuildRefOut {
                id: guild_id,
                locale: guild.locale.clone(),
                features: Vec::new(),
            },
            channel: self.partial_channel_out(channel, new.user),
            channel_id: new.channel,
            member,
            token: token.clone(),
            version: 1,
            message,
            app_permissions: self.permissions_in(self.bot_id(), new.channel),
            locale,
            guild_locale: guild.locale.clone(),
            entitlements: Vec::new(),
            authorizing_integration_owners: self.integration_owners(guild_id),
            context: 0,
            attachment_size_limit: ATTACHMENT_SIZE_LIMIT,
        };
        self.interactions.by_id.insert(
            id,
            InteractionRecord {
                id,
                token: token.clone(),
                kind: new.kind,
                user_id: new.user,
                channel_id: new.channel,
                guild_id,
                created: Instant::now(),
                command_name: new.command_name,
                custom_id: new.custom_id,
                source_message: new.source_message,
                triggering: new.triggering,
                response: None,
                original_message: None,
                modal: None,
                choices: None,
                followups: Vec::new(),
                answered_late: false,
            },
        );
        self.interactions.by_token.insert(token, id);
        self.interactions.open.insert(id);
        self.dispatch("INTERACTION_CREATE", guild_id, 0, None, &out);
        Ok(id)
    }

    /// Interactions still waiting on the bot: unanswered within their
    /// three seconds, or deferred and not finished within fifteen minutes.
    pub fn pending_interactions(&self) -> Vec<Snowflake> {
        self.interactions
            .open
            .iter()
            .filter_map(|id| self.interactions.by_id.get(id))
            .filter(|r| match r.response {
                None => r.created.elapsed() < RESPONSE_WINDOW,
                Some(_) => r.is_loading(self) && r.created.elapsed() < TOKEN_LIFETIME,
            })
            .map(|r| r.id)
            .collect()
    }

    /// Forgets closed interactions from the open set.
    pub(crate) fn refresh_open(&mut self, id: Snowflake) {
        let still_open = self
            .interactions
            .by_id
            .get(&id)
            .is_some_and(|r| r.response.is_none() || r.is_loading(self));
        if !still_open {
            self.interactions.open.remove(&id);
        }
    }
}
