//! Interactions as the gateway delivers them (INTERACTION_CREATE) and the
//! callback body the bot answers with.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::channel::PartialChannelOut;
use super::component::Component;
use super::message::MessageOut;
use super::user::{MemberOut, PartialMemberOut, RoleOut, UserOut};
use crate::ids::Snowflake;
use crate::state::permissions::Permissions;

pub const APPLICATION_COMMAND: u8 = 2;
pub const MESSAGE_COMPONENT: u8 = 3;
pub const AUTOCOMPLETE: u8 = 4;
pub const MODAL_SUBMIT: u8 = 5;

/// Callback types the sandbox answers.
pub const CALLBACK_MESSAGE: u8 = 4;
pub const CALLBACK_DEFERRED_MESSAGE: u8 = 5;
pub const CALLBACK_DEFERRED_UPDATE: u8 = 6;
pub const CALLBACK_UPDATE: u8 = 7;
pub const CALLBACK_AUTOCOMPLETE: u8 = 8;
pub const CALLBACK_MODAL: u8 = 9;

/// The size Discord allows per uploaded file by default (10 MiB,
/// reference "Uploading Files"); boosted servers allow more.
pub const ATTACHMENT_SIZE_LIMIT: u32 = 10 * 1024 * 1024;

/// INTERACTION_CREATE. Serenity 0.12.5 requires `attachment_size_limit`,
/// `entitlements`, `locale` and `version`.
#[derive(Clone, Debug, Serialize)]
pub struct InteractionOut {
    pub id: Snowflake,
    pub application_id: Snowflake,
    #[serde(rename = "type")]
    pub kind: u8,
    pub data: InteractionDataOut,
    pub guild_id: Snowflake,
    pub guild: GuildRefOut,
    pub channel: PartialChannelOut,
    pub channel_id: Snowflake,
    pub member: MemberOut,
    pub token: String,
    pub version: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<MessageOut>,
    pub app_permissions: Permissions,
    pub locale: String,
    pub guild_locale: String,
    pub entitlements: Vec<Value>,
    pub authorizing_integration_owners: BTreeMap<String, Snowflake>,
    pub context: u8,
    pub attachment_size_limit: u32,
}

#[derive(Clone, Debug, Serialize)]
pub struct GuildRefOut {
    pub id: Snowflake,
    pub locale: String,
    pub features: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
pub enum InteractionDataOut {
    Command(CommandDataOut),
    Component(ComponentDataOut),
    Modal(ModalDataOut),
}

#[derive(Clone, Debug, Serialize)]
pub struct CommandDataOut {
    pub id: Snowflake,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: u8,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<OptionValueOut>,
    #[serde(skip_serializing_if = "ResolvedOut::is_empty")]
    pub resolved: ResolvedOut,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub guild_id: Option<Snowflake>,
}

/// One filled-in option; subcommands nest their options.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct OptionValueOut {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<OptionValueOut>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub focused: Option<bool>,
}

/// Users, members, roles and channels an option or a select refers to.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ResolvedOut {
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub users: BTreeMap<Snowflake, UserOut>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub members: BTreeMap<Snowflake, PartialMemberOut>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub roles: BTreeMap<Snowflake, RoleOut>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub channels: BTreeMap<Snowflake, PartialChannelOut>,
}

impl ResolvedOut {
    pub fn is_empty(&self) -> bool {
        self.users.is_empty()
            && self.members.is_empty()
            && self.roles.is_empty()
            && self.channels.is_empty()
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct ComponentDataOut {
    pub custom_id: String,
    pub component_type: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<String>>,
    #[serde(skip_serializing_if = "ResolvedOut::is_empty")]
    pub resolved: ResolvedOut,
}

#[derive(Clone, Debug, Serialize)]
pub struct ModalDataOut {
    pub custom_id: String,
    pub components: Vec<Component>,
}

/// POST /interactions/{id}/{token}/callback. `data` is read per `type`.
#[derive(Clone, Debug, Deserialize)]
pub struct CallbackIn {
    #[serde(rename = "type")]
    pub kind: u8,
    #[serde(default)]
    pub data: Option<Value>,
}
