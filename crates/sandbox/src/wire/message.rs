//! Messages: what the bot sends (create/edit bodies) and what Discord
//! answers with.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::channel::ThreadOut;
use super::component::Component;
use super::user::{PartialMemberOut, UserOut};
use crate::ids::Snowflake;

/// The body of a message create or edit, also the `data` of interaction
/// responses and the body of webhook (follow-up) calls. Every field is
/// optional; an edit changes only the fields present.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct MessageIn {
    #[serde(default)]
    pub content: Option<String>,
    #[serde(default)]
    pub embeds: Option<Vec<Embed>>,
    #[serde(default)]
    pub components: Option<Vec<Component>>,
    #[serde(default)]
    pub allowed_mentions: Option<AllowedMentions>,
    #[serde(default)]
    pub message_reference: Option<MessageReferenceIn>,
    #[serde(default)]
    pub attachments: Option<Vec<AttachmentRef>>,
    #[serde(default)]
    pub flags: Option<u64>,
    #[serde(default)]
    pub tts: Option<bool>,
    #[serde(default)]
    pub nonce: Option<Value>,
    #[serde(default)]
    pub enforce_nonce: Option<bool>,
    #[serde(default)]
    pub sticker_ids: Option<Vec<Snowflake>>,
    #[serde(default)]
    pub poll: Option<Value>,
}

/// Who may be pinged by a message (`MessageAllowedMentionsRequest`).
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
pub struct AllowedMentions {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parse: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub users: Option<Vec<Snowflake>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<Snowflake>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replied_user: Option<bool>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct MessageReferenceIn {
    #[serde(default, rename = "type")]
    pub kind: Option<u8>,
    #[serde(default)]
    pub message_id: Option<Snowflake>,
    #[serde(default)]
    pub channel_id: Option<Snowflake>,
    #[serde(default)]
    pub guild_id: Option<Snowflake>,
    #[serde(default)]
    pub fail_if_not_exists: Option<bool>,
}

/// An attachment named in a body: a new upload (`id` = the index of its
/// `files[n]` part) or, in an edit, an existing attachment to keep.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct AttachmentRef {
    pub id: Snowflake,
    #[serde(default)]
    pub filename: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
}

/// An embed, as sent and as answered (`RichEmbed` / `MessageEmbedResponse`).
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
pub struct Embed {
    #[serde(rename = "type", default = "rich")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub footer: Option<EmbedFooter>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<EmbedMedia>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thumbnail: Option<EmbedMedia>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<EmbedAuthor>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<EmbedField>,
}

fn rich() -> String {
    "rich".to_string()
}

impl Default for Embed {
    fn default() -> Self {
        Embed {
            kind: rich(),
            title: None,
            description: None,
            url: None,
            timestamp: None,
            color: None,
            footer: None,
            image: None,
            thumbnail: None,
            author: None,
            fields: Vec::new(),
        }
    }
}

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
pub struct EmbedField {
    pub name: String,
    pub value: String,
    #[serde(default)]
    pub inline: bool,
}

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
pub struct EmbedFooter {
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icon_url: Option<String>,
}

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
pub struct EmbedAuthor {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icon_url: Option<String>,
}

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
pub struct EmbedMedia {
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proxy_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
}

/// An uploaded file as Discord describes it (`MessageAttachmentResponse`).
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct AttachmentOut {
    pub id: Snowflake,
    pub filename: String,
    pub size: u64,
    pub url: String,
    pub proxy_url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// A message (`MessageResponse`); `guild_id` and `member` only on the gateway.
#[derive(Clone, Debug, Serialize)]
pub struct MessageOut {
    pub id: Snowflake,
    pub channel_id: Snowflake,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub guild_id: Option<Snowflake>,
    pub author: UserOut,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member: Option<PartialMemberOut>,
    pub content: String,
    pub timestamp: String,
    pub edited_timestamp: Option<String>,
    pub tts: bool,
    pub mention_everyone: bool,
    pub mentions: Vec<UserOut>,
    pub mention_roles: Vec<Snowflake>,
    pub attachments: Vec<AttachmentOut>,
    pub embeds: Vec<Embed>,
    pub pinned: bool,
    #[serde(rename = "type")]
    pub kind: u8,
    pub flags: u64,
    pub components: Vec<Component>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub webhook_id: Option<Snowflake>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub application_id: Option<Snowflake>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interaction_metadata: Option<InteractionMetadataOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interaction: Option<MessageInteractionOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_reference: Option<MessageReferenceOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thread: Option<Box<ThreadOut>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nonce: Option<Value>,
}

/// Which interaction produced a message (`*InteractionMetadataResponse`).
#[derive(Clone, Debug, Serialize)]
pub struct InteractionMetadataOut {
    pub id: Snowflake,
    #[serde(rename = "type")]
    pub kind: u8,
    pub user: UserOut,
    pub authorizing_integration_owners: BTreeMap<String, Snowflake>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub original_response_message_id: Option<Snowflake>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interacted_message_id: Option<Snowflake>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub triggering_interaction_metadata: Option<Box<InteractionMetadataOut>>,
}

/// The deprecated `interaction` field, still sent by Discord.
#[derive(Clone, Debug, Serialize)]
pub struct MessageInteractionOut {
    pub id: Snowflake,
    #[serde(rename = "type")]
    pub kind: u8,
    pub name: String,
    pub user: UserOut,
}

#[derive(Clone, Debug, Serialize)]
pub struct MessageReferenceOut {
    #[serde(rename = "type")]
    pub kind: u8,
    pub channel_id: Snowflake,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_id: Option<Snowflake>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub guild_id: Option<Snowflake>,
}

/// MESSAGE_DELETE.
#[derive(Clone, Debug, Serialize)]
pub struct MessageDeleteOut {
    pub id: Snowflake,
    pub channel_id: Snowflake,
    pub guild_id: Snowflake,
}
