//! Message components (action rows, buttons, select menus) and modal text
//! inputs. Discord's components are one union keyed by a numeric `type`; one
//! struct with Discord's field names carries all of them.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::ids::Snowflake;

pub const ACTION_ROW: u8 = 1;
pub const BUTTON: u8 = 2;
pub const STRING_SELECT: u8 = 3;
pub const TEXT_INPUT: u8 = 4;
pub const USER_SELECT: u8 = 5;
pub const ROLE_SELECT: u8 = 6;
pub const MENTIONABLE_SELECT: u8 = 7;
pub const CHANNEL_SELECT: u8 = 8;

/// The link style of a button: it opens `url` and sends no interaction.
pub const BUTTON_LINK: u8 = 5;
/// The premium style: it opens a purchase and sends no interaction.
pub const BUTTON_PREMIUM: u8 = 6;

/// Any component. Which fields apply depends on `type`.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Component {
    #[serde(rename = "type")]
    pub kind: u8,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub style: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emoji: Option<ComponentEmoji>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sku_id: Option<Snowflake>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disabled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<SelectOption>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placeholder: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_values: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_values: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel_types: Option<Vec<u8>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub components: Option<Vec<Component>>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct ComponentEmoji {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Snowflake>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub animated: Option<bool>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct SelectOption {
    pub label: String,
    pub value: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emoji: Option<ComponentEmoji>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<bool>,
}

impl Component {
    /// The components inside an action row (empty for anything else).
    pub fn children(&self) -> &[Component] {
        self.components.as_deref().unwrap_or_default()
    }

    pub fn is_select(&self) -> bool {
        matches!(
            self.kind,
            STRING_SELECT | USER_SELECT | ROLE_SELECT | MENTIONABLE_SELECT | CHANNEL_SELECT
        )
    }
}

/// A modal the bot asks a person to fill (`ModalInteractionCallbackRequestData`).
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct ModalIn {
    pub custom_id: String,
    pub title: String,
    pub components: Vec<Component>,
}

/// One autocomplete suggestion.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
pub struct Choice {
    pub name: String,
    pub value: Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_localizations: Option<std::collections::BTreeMap<String, String>>,
}

/// The data of an autocomplete answer (callback type 8).
#[derive(Clone, Debug, Default, Deserialize)]
pub struct AutocompleteIn {
    #[serde(default)]
    pub choices: Vec<Choice>,
}
