//! Messages as Discord's JSON objects, with and without the content an
//! app without the Message Content intent may not read.

use std::collections::BTreeMap;

use super::message_types::Message;
use super::DiscordState;
use crate::ids::Snowflake;
use crate::wire::message::{
    AttachmentOut, InteractionMetadataOut, MessageInteractionOut, MessageOut, MessageReferenceOut,
};
use crate::wire::user::PartialMemberOut;

impl DiscordState {
    /// A message. On the gateway Discord adds `guild_id` and the author's `member`.
    pub fn message_out(&self, message: &Message, gateway: bool) -> MessageOut {
        let channel = self.channels.get(&message.channel_id);
        let guild_id = channel.map(|c| c.guild_id);
        let member = match (gateway, message.webhook_id, guild_id) {
            (true, None, Some(g)) => self
                .guilds
                .get(&g)
                .and_then(|guild| self.member_out(guild, message.author_id, None))
                .map(PartialMemberOut::from),
            _ => None,
        };
        let thread = message
            .thread_id
            .and_then(|t| self.channels.get(&t))
            .and_then(|t| self.thread_out(t, None))
            .map(Box::new);
        MessageOut {
            id: message.id,
            channel_id: message.channel_id,
            guild_id: if gateway { guild_id } else { None },
            author: self.user_out(message.author_id),
            member,
            content: message.content.clone(),
            timestamp: message.id.timestamp(),
            edited_timestamp: message.edited_timestamp.clone(),
            tts: message.tts,
            mention_everyone: message.pings.everyone,
            mentions: message
                .pings
                .users
                .iter()
                .map(|u| self.user_out(*u))
                .collect(),
            mention_roles: message.pings.roles.clone(),
            // Every read hands out freshly signed links, as Discord's CDN.
            attachments: message
                .attachments
                .iter()
                .map(|a| AttachmentOut {
                    url: self.signed_url(&a.url),
                    proxy_url: self.signed_url(&a.proxy_url),
                    ..a.clone()
                })
                .collect(),
            embeds: message.embeds.clone(),
            pinned: message.pinned,
            kind: message.kind,
            flags: message.flags,
            components: message.components.clone(),
            webhook_id: message.webhook_id,
            application_id: message.application_id,
            interaction_metadata: message.interaction.as_ref().map(|origin| {
                let owners = self.integration_owners(guild_id.unwrap_or_default());
                InteractionMetadataOut {
                    id: origin.interaction_id,
                    kind: origin.kind,
                    user: self.user_out(origin.user_id),
                    authorizing_integration_owners: owners.clone(),
                    original_response_message_id: origin.original_response_message_id,
                    interacted_message_id: origin.interacted_message_id,
                    triggering_interaction_metadata: origin.triggering.map(
                        |(id, kind, interacted)| {
                            Box::new(InteractionMetadataOut {
                                id,
                                kind,
                                user: self.user_out(origin.user_id),
                                authorizing_integration_owners: owners.clone(),
                                original_response_message_id: None,
                                interacted_message_id: interacted,
                                triggering_interaction_metadata: None,
                            })
                        },
                    ),
                }
            }),
            interaction: message
                .interaction
                .as_ref()
                .map(|origin| MessageInteractionOut {
                    id: origin.interaction_id,
                    kind: origin.kind,
                    name: origin.command_name.clone().unwrap_or_default(),
                    user: self.user_out(origin.user_id),
                }),
            message_reference: message.reference.map(|(channel_id, message_id)| {
                MessageReferenceOut {
                    kind: 0,
                    channel_id,
                    message_id,
                    guild_id,
                }
            }),
            thread,
            position: message.position,
            nonce: message.nonce.clone(),
        }
    }

    /// The same message as an app without the Message Content intent gets
    /// it on the gateway: content, embeds, attachments and components
    /// emptied, unless the app wrote it or is mentioned in it.
    pub fn message_out_without_content(&self, message: &Message) -> Option<MessageOut> {
        self.stripped_out(message, true)
    }

    /// A message as REST answers `actor`. Discord empties the same fields
    /// over REST when the app was not granted the Message Content intent,
    /// whatever it identified with ("across the APIs", events/gateway).
    pub fn message_out_for(&self, actor: Snowflake, message: &Message) -> MessageOut {
        let granted = self.config.privileged.message_content;
        let stripped = (actor == self.bot_id() && !granted)
            .then(|| self.stripped_out(message, false))
            .flatten();
        stripped.unwrap_or_else(|| self.message_out(message, false))
    }

    fn stripped_out(&self, message: &Message, gateway: bool) -> Option<MessageOut> {
        let bot = self.bot_id();
        if message.author_id == bot || message.pings.users.contains(&bot) {
            return None;
        }
        let mut out = self.message_out(message, gateway);
        out.content = String::new();
        out.embeds.clear();
        out.attachments.clear();
        out.components.clear();
        Some(out)
    }

    /// `{"0": guild_id}`: the app is installed to the guild.
    pub fn integration_owners(&self, guild_id: Snowflake) -> BTreeMap<String, Snowflake> {
        BTreeMap::from([("0".to_string(), guild_id)])
    }
}
