//! A stored message and the limits Discord enforces on message bodies.

use crate::error::{ApiError, FieldErrors};
use crate::ids::Snowflake;
use crate::wire::component::{self, Component};
use crate::wire::message::{AllowedMentions, AttachmentOut, Embed, MessageIn};

pub const DEFAULT: u8 = 0;
pub const RECIPIENT_ADD: u8 = 1;
pub const THREAD_CREATED: u8 = 18;
pub const REPLY: u8 = 19;
pub const CHAT_INPUT_COMMAND: u8 = 20;
pub const THREAD_STARTER_MESSAGE: u8 = 21;

pub const FLAG_HAS_THREAD: u64 = 1 << 5;
pub const FLAG_EPHEMERAL: u64 = 1 << 6;
pub const FLAG_LOADING: u64 = 1 << 7;
pub const FLAG_SUPPRESS_EMBEDS: u64 = 1 << 2;
pub const FLAG_SUPPRESS_NOTIFICATIONS: u64 = 1 << 12;

/// Who a message actually notified, worked out when it was posted.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pings {
    pub users: Vec<Snowflake>,
    pub roles: Vec<Snowflake>,
    pub everyone: bool,
    /// Everyone who got a notification (users, role members, @everyone).
    pub notified: Vec<Snowflake>,
}

/// What produced a message through an interaction.
#[derive(Clone, Debug)]
pub struct InteractionOrigin {
    pub interaction_id: Snowflake,
    pub kind: u8,
    pub user_id: Snowflake,
    pub command_name: Option<String>,
    pub interacted_message_id: Option<Snowflake>,
    pub triggering: Option<(Snowflake, u8, Option<Snowflake>)>,
    pub original_response_message_id: Option<Snowflake>,
}

#[derive(Clone, Debug)]
pub struct Message {
    pub id: Snowflake,
    pub channel_id: Snowflake,
    pub author_id: Snowflake,
    pub kind: u8,
    pub content: String,
    pub embeds: Vec<Embed>,
    pub components: Vec<Component>,
    pub attachments: Vec<AttachmentOut>,
    /// The allowed_mentions the sender gave, kept for inspection.
    pub allowed_mentions: Option<AllowedMentions>,
    pub pings: Pings,
    pub flags: u64,
    pub tts: bool,
    pub pinned: bool,
    pub edited_timestamp: Option<String>,
    pub webhook_id: Option<Snowflake>,
    pub application_id: Option<Snowflake>,
    pub interaction: Option<InteractionOrigin>,
    pub reference: Option<(Snowflake, Option<Snowflake>)>,
    /// The thread started from this message.
    pub thread_id: Option<Snowflake>,
    /// An ephemeral message: only this user sees it.
    pub ephemeral_for: Option<Snowflake>,
    /// Position in a thread (0 for the first message).
    pub position: Option<u32>,
    pub nonce: Option<serde_json::Value>,
}

impl Message {
    pub fn is_loading(&self) -> bool {
        self.flags & FLAG_LOADING != 0
    }

    pub fn has_content(&self) -> bool {
        !self.content.is_empty()
            || !self.embeds.is_empty()
            || !self.components.is_empty()
            || !self.attachments.is_empty()
    }
}

const CONTENT_MAX: usize = 2000;
const EMBEDS_MAX: usize = 10;
const EMBED_TITLE_MAX: usize = 256;
const EMBED_DESCRIPTION_MAX: usize = 4096;
const EMBED_FIELDS_MAX: usize = 25;
const FIELD_NAME_MAX: usize = 256;
const FIELD_VALUE_MAX: usize = 1024;
const FOOTER_MAX: usize = 2048;
const AUTHOR_MAX: usize = 256;
const EMBEDS_TOTAL_MAX: usize = 6000;
const ACTION_ROWS_MAX: usize = 5;
const ROW_BUTTONS_MAX: usize = 5;
const BUTTON_LABEL_MAX: usize = 80;
const CUSTOM_ID_MAX: usize = 100;
const SELECT_OPTIONS_MAX: usize = 25;
/// A select option's label, value and description.
const SELECT_OPTION_TEXT_MAX: usize = 100;
const SELECT_PLACEHOLDER_MAX: usize = 150;
const NONCE_MAX: usize = 25;

fn chars(text: &str) -> usize {
    text.chars().count()
}

/// Checks a message body against Discord's limits: content 2,000
/// characters, 10 embeds, embed title 256, description 4,096, 25 fields
/// (name 256, value 1,024), footer 2,048, 6,000 characters over all embeds,
/// 5 action rows of 5 buttons or one select, labels 80, custom ids 100 and
/// unique, a nonce of 25.
pub fn validate(body: &MessageIn) -> Result<(), ApiError> {
    let mut errors = FieldErrors::default();
    if let Some(content) = &body.content {
        if chars(content) > CONTENT_MAX {
            errors.max_length("content", CONTENT_MAX);
        }
    }
    if let Some(embeds) = &body.embeds {
        validate_embeds(embeds, &mut errors);
    }
    if let Some(rows) = &body.components {
        validate_components(rows, &mut errors);
    }
    if let Some(serde_json::Value::String(nonce)) = &body.nonce {
        if chars(nonce) > NONCE_MAX {
            errors.max_length("nonce", NONCE_MAX);
        }
    }
    if body.poll.as_ref().is_some_and(|p| !p.is_null()) {
        errors.add("poll", "UNSUPPORTED", "The sandbox does not imitate polls");
    }
    errors.into_result()
}

fn validate_embeds(embeds: &[Embed], errors: &mut FieldErrors) {
    if embeds.len() > EMBEDS_MAX {
        errors.add(
            "embeds",
            "BASE_TYPE_MAX_LENGTH",
            format!("Must be {EMBEDS_MAX} or fewer in length."),
        );
    }
    let mut total = 0;
    for (i, embed) in embeds.iter().enumerate() {
        let mut check = |path: &str, text: Option<&str>, max: usize| {
            let n = text.map(chars).unwrap_or(0);
            total += n;
            if n > max {
                errors.max_length(&format!("embeds.{i}.{path}"), max);
            }
        };
        check("title", embed.title.as_deref(), EMBED_TITLE_MAX);
        check(
            "description",
            embed.description.as_deref(),
            EMBED_DESCRIPTION_MAX,
        );
        check(
            "footer.text",
            embed.footer.as_ref().map(|f| f.text.as_str()),
            FOOTER_MAX,
        );
        check(
            "author.name",
            embed.author.as_ref().map(|a| a.name.as_str()),
            AUTHOR_MAX,
        );
        for (j, field) in embed.fields.iter().enumerate() {
            check(
                &format!("fields.{j}.name"),
                Some(&field.name),
                FIELD_NAME_MAX,
            );
            check(
                &format!("fields.{j}.value"),
                Some(&field.value),
                FIELD_VALUE_MAX,
            );
        }
        if embed.fields.len() > EMBED_FIELDS_MAX {
            errors.add(
                &format!("embeds.{i}.fields"),
                "BASE_TYPE_MAX_LENGTH",
                format!("Must be {EMBED_FIELDS_MAX} or fewer in length."),
            );
        }
    }
    if total > EMBEDS_TOTAL_MAX {
        errors.add(
            "embeds",
            "MAX_EMBED_SIZE_EXCEEDED",
            "Embed size exceeds maximum size of 6000",
        );
    }
}

fn validate_components(rows: &[Component], errors: &mut FieldErrors) {
    if rows.len() > ACTION_ROWS_MAX {
        errors.add(
            "components",
            "BASE_TYPE_MAX_LENGTH",
            format!("Must be {ACTION_ROWS_MAX} or fewer in length."),
        );
    }
    let mut custom_ids = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        if row.kind != component::ACTION_ROW {
            errors.add(
                &format!("components.{i}.type"),
                "UNION_TYPE_CHOICES",
                "Only action rows are allowed at the top level",
            );
            continue;
        }
        let children = row.children();
        let selects = children.iter().filter(|c| c.is_select()).count();
        let fits = (selects == 0 && children.len() <= ROW_BUTTONS_MAX && !children.is_empty())
            || (selects == 1 && children.len() == 1);
        if !fits {
            errors.add(
                &format!("components.{i}.components"),
                "COMPONENT_LAYOUT_WIDTH_EXCEEDED",
                "An action row holds 1 to 5 buttons or exactly one select menu",
            );
        }
        for (j, child) in children.iter().enumerate() {
            let path = format!("components.{i}.components.{j}");
            validate_child(child, &path, errors);
            if let Some(id) = &child.custom_id {
                if custom_ids.contains(id) {
                    errors.add(
                        &format!("{path}.custom_id"),
                        "COMPONENT_CUSTOM_ID_DUPLICATED",
                        "Component custom id cannot be duplicated",
                    );
                }
                custom_ids.push(id.clone());
            }
        }
    }
}

fn validate_child(child: &Component, path: &str, errors: &mut FieldErrors) {
    match child.kind {
        component::BUTTON => {
            if child.label.as_deref().map(chars).unwrap_or(0) > BUTTON_LABEL_MAX {
                errors.max_length(&format!("{path}.label"), BUTTON_LABEL_MAX);
            }
            let link = matches!(
                child.style,
                Some(component::BUTTON_LINK) | Some(component::BUTTON_PREMIUM)
            );
            if !link && child.custom_id.is_none() {
                errors.add(
                    &format!("{path}.custom_id"),
                    "BASE_TYPE_REQUIRED",
                    "This field is required",
                );
            }
            if child.style.is_none() {
                errors.add(
                    &format!("{path}.style"),
                    "BASE_TYPE_REQUIRED",
                    "This field is required",
                );
            }
        }
        kind if child.is_select() => {
            if kind == component::STRING_SELECT {
                validate_options(child, path, errors);
            }
            if child.placeholder.as_deref().map(chars).unwrap_or(0) > SELECT_PLACEHOLDER_MAX {
                errors.max_length(&format!("{path}.placeholder"), SELECT_PLACEHOLDER_MAX);
            }
            if child.custom_id.is_none() {
                errors.add(
                    &format!("{path}.custom_id"),
                    "BASE_TYPE_REQUIRED",
                    "This field is required",
                );
            }
        }
        _ => errors.add(
            &format!("{path}.type"),
            "UNION_TYPE_CHOICES",
            "Value of field \"type\" must be one of (2, 3, 5, 6, 7, 8).",
        ),
    }
    if child.custom_id.as_deref().map(chars).unwrap_or(0) > CUSTOM_ID_MAX {
        errors.max_length(&format!("{path}.custom_id"), CUSTOM_ID_MAX);
    }
}

/// A string select: 1 to 25 options, each label and value 1 to 100
/// characters (description up to 100).
fn validate_options(child: &Component, path: &str, errors: &mut FieldErrors) {
    let options = child.options.as_deref().unwrap_or_default();
    if options.is_empty() || options.len() > SELECT_OPTIONS_MAX {
        errors.add(
            &format!("{path}.options"),
            "BASE_TYPE_BAD_LENGTH",
            format!("Must be between 1 and {SELECT_OPTIONS_MAX} in length."),
        );
    }
    for (k, o) in options.iter().enumerate() {
        for (field, text) in [("label", &o.label), ("value", &o.value)] {
            if text.is_empty() || chars(text) > SELECT_OPTION_TEXT_MAX {
                errors.add(
                    &format!("{path}.options.{k}.{field}"),
                    "BASE_TYPE_BAD_LENGTH",
                    format!("Must be between 1 and {SELECT_OPTION_TEXT_MAX} in length."),
                );
            }
        }
        if o.description.as_deref().map(chars).unwrap_or(0) > SELECT_OPTION_TEXT_MAX {
            errors.max_length(
                &format!("{path}.options.{k}.description"),
                SELECT_OPTION_TEXT_MAX,
            );
        }
    }
}

/// Gives every component a numeric `id` (Discord numbers them from 1 in
/// document order when the sender leaves them out).
pub fn number_components(rows: &mut [Component]) {
    let mut next = 1;
    for row in rows.iter_mut() {
        if row.id.is_none() {
            row.id = Some(next);
        }
        next += 1;
        for child in row.components.iter_mut().flatten() {
            if child.id.is_none() {
                child.id = Some(next);
            }
            next += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::component::SelectOption;
    use crate::wire::message::EmbedField;

    fn text(content: &str) -> MessageIn {
        MessageIn {
            content: Some(content.to_string()),
            ..MessageIn::default()
        }
    }

    #[test]
    fn content_of_two_thousand_characters_is_accepted_and_one_more_is_not() {
        assert!(validate(&text(&"я".repeat(2000))).is_ok());
        let error = validate(&text(&"a".repeat(2001))).unwrap_err();
        assert_eq!(error.code, 50035);
        assert!(error.errors.unwrap()["content"].is_object());
    }

    #[test]
    fn an_embed_description_over_4096_characters_is_rejected() {
        let body = MessageIn {
            embeds: Some(vec![Embed {
                description: Some("x".repeat(4097)),
                ..Embed::default()
            }]),
            ..MessageIn::default()
        };
        let error = validate(&body).unwrap_err();
        assert!(error.errors.unwrap()["embeds"]["0"]["description"].is_object());
    }

    #[test]
    fn twenty_six_embed_fields_are_rejected() {
        let field = EmbedField {
            name: "n".into(),
            value: "v".into(),
            inline: false,
        };
        let body = MessageIn {
            embeds: Some(vec![Embed {
                fields: vec![field; 26],
                ..Embed::default()
            }]),
            ..MessageIn::default()
        };
        assert!(validate(&body).is_err());
    }

    #[test]
    fn embeds_over_six_thousand_characters_in_total_are_rejected() {
        let big = Embed {
            description: Some("x".repeat(4000)),
            ..Embed::default()
        };
        let body = MessageIn {
            embeds: Some(vec![big.clone(), big]),
            ..MessageIn::default()
        };
        let error = validate(&body).unwrap_err();
        assert!(error.to_string().contains("MAX_EMBED_SIZE_EXCEEDED"));
    }

    #[test]
    fn six_action_rows_are_rejected() {
        let button = Component {
            kind: component::BUTTON,
            style: Some(1),
            label: Some("Go".into()),
            ..Component::default()
        };
        let rows: Vec<Component> = (0..6)
            .map(|i| Component {
                kind: component::ACTION_ROW,
                components: Some(vec![Component {
                    custom_id: Some(format!("b{i}")),
                    ..button.clone()
                }]),
                ..Component::default()
            })
            .collect();
        let body = MessageIn {
            components: Some(rows),
            ..MessageIn::default()
        };
        assert!(validate(&body).is_err());
    }

    fn menu(options: Vec<SelectOption>) -> MessageIn {
        MessageIn {
            components: Some(vec![Component {
                kind: component::ACTION_ROW,
                components: Some(vec![Component {
                    kind: component::STRING_SELECT,
                    custom_id: Some("m".into()),
                    options: Some(options),
                    ..Component::default()
                }]),
                ..Component::default()
            }]),
            ..MessageIn::default()
        }
    }

    fn option(label: &str) -> SelectOption {
        SelectOption {
            label: label.into(),
            value: "v".into(),
            ..SelectOption::default()
        }
    }

    #[test]
    fn a_string_select_holds_one_to_twenty_five_options_of_a_hundred_characters() {
        assert!(validate(&menu(vec![option("Payments")])).is_ok());
        assert!(validate(&menu(vec![])).is_err());
        assert!(validate(&menu(vec![option("x"); 26])).is_err());
        assert!(validate(&menu(vec![option(&"x".repeat(100))])).is_ok());
        assert!(validate(&menu(vec![option(&"x".repeat(101))])).is_err());
    }
}
