//! Application (slash) commands as the bot registers them and as Discord
//! lists them back, localizations included.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::component::Choice;
use crate::ids::Snowflake;
use crate::state::permissions::Permissions;

pub const SUB_COMMAND: u8 = 1;
pub const SUB_COMMAND_GROUP: u8 = 2;
pub const STRING: u8 = 3;
pub const INTEGER: u8 = 4;
pub const BOOLEAN: u8 = 5;
pub const USER: u8 = 6;
pub const CHANNEL: u8 = 7;
pub const ROLE: u8 = 8;
pub const MENTIONABLE: u8 = 9;
pub const NUMBER: u8 = 10;
pub const ATTACHMENT: u8 = 11;

pub type Localizations = BTreeMap<String, String>;

/// One command in a create or bulk-overwrite body (`ApplicationCommandUpdateRequest`).
#[derive(Clone, Debug, Deserialize)]
pub struct CommandIn {
    pub name: String,
    #[serde(default)]
    pub name_localizations: Option<Localizations>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub description_localizations: Option<Localizations>,
    #[serde(default)]
    pub options: Option<Vec<CommandOption>>,
    #[serde(default)]
    pub default_member_permissions: Option<Permissions>,
    #[serde(default)]
    pub dm_permission: Option<bool>,
    #[serde(rename = "type", default)]
    pub kind: Option<u8>,
    #[serde(default)]
    pub nsfw: Option<bool>,
    #[serde(default)]
    pub contexts: Option<Vec<u8>>,
    #[serde(default)]
    pub integration_types: Option<Vec<u8>>,
}

/// An option (or subcommand) of a command, as registered and as listed.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
pub struct CommandOption {
    #[serde(rename = "type")]
    pub kind: u8,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_localizations: Option<Localizations>,
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description_localizations: Option<Localizations>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choices: Option<Vec<Choice>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<CommandOption>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel_types: Option<Vec<u8>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_value: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_value: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub autocomplete: Option<bool>,
}

impl CommandOption {
    pub fn children(&self) -> &[CommandOption] {
        self.options.as_deref().unwrap_or_default()
    }

    pub fn is_subcommand(&self) -> bool {
        matches!(self.kind, SUB_COMMAND | SUB_COMMAND_GROUP)
    }

    /// Whether a person reaches this option (or subcommand) by `name`: its
    /// name or a localized one, as the Discord client shows a person the
    /// names of their own locale (and sends the bot the registered name).
    pub fn is_named(&self, name: &str) -> bool {
        self.name == name
            || self
                .name_localizations
                .as_ref()
                .is_some_and(|l| l.values().any(|v| v == name))
    }
}

/// A registered command (`ApplicationCommandResponse`).
#[derive(Clone, Debug, Serialize)]
pub struct CommandOut {
    pub id: Snowflake,
    pub application_id: Snowflake,
    pub version: Snowflake,
    pub default_member_permissions: Option<Permissions>,
    #[serde(rename = "type")]
    pub kind: u8,
    pub name: String,
    pub name_localizations: Option<Localizations>,
    pub description: String,
    pub description_localizations: Option<Localizations>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub guild_id: Option<Snowflake>,
    pub dm_permission: bool,
    pub contexts: Option<Vec<u8>>,
    pub integration_types: Vec<u8>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<CommandOption>,
    pub nsfw: bool,
}
