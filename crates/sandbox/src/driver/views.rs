//! What people see, as plain serialisable data: messages with their
//! embeds, buttons and attachments, modals, channels.

use serde::Serialize;

use crate::wire::message::AllowedMentions;

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct EmbedView {
    pub title: Option<String>,
    pub description: Option<String>,
    pub url: Option<String>,
    pub color: Option<u32>,
    pub author: Option<String>,
    pub fields: Vec<FieldView>,
    pub footer: Option<String>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct FieldView {
    pub name: String,
    pub value: String,
    pub inline: bool,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ButtonView {
    pub label: String,
    pub custom_id: Option<String>,
    pub style: u8,
    pub disabled: bool,
    pub url: Option<String>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct SelectView {
    pub custom_id: String,
    pub kind: u8,
    pub placeholder: Option<String>,
    /// (label, value) of each option of a string select.
    pub options: Vec<(String, String)>,
    pub disabled: bool,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct AttachmentView {
    pub id: u64,
    pub filename: String,
    pub size: u64,
    pub content_type: Option<String>,
    pub url: String,
}

/// Who a message mentions and who it actually notified.
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct PingsView {
    pub users: Vec<String>,
    pub roles: Vec<String>,
    pub everyone: bool,
    /// Everyone who got a notification.
    pub notified: Vec<String>,
}

/// A message as one person sees it.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct MessageView {
    pub id: u64,
    pub channel_id: u64,
    pub channel: String,
    pub author: String,
    pub author_id: u64,
    pub text: String,
    pub embeds: Vec<EmbedView>,
    pub buttons: Vec<ButtonView>,
    pub selects: Vec<SelectView>,
    pub attachments: Vec<AttachmentView>,
    /// Only its addressee sees it ("Only you can see this").
    pub ephemeral: bool,
    /// A deferred reply still "thinking…".
    pub loading: bool,
    pub edited: bool,
    pub kind: u8,
    /// The thread started from this message.
    pub thread: Option<String>,
    pub reply_to: Option<u64>,
    /// The person whose command or click produced this reply.
    pub in_reply_to_interaction_of: Option<String>,
    pub pings: PingsView,
    /// The allowed_mentions the sender set, as sent.
    pub allowed_mentions: Option<AllowedMentions>,
}

impl MessageView {
    /// A line Discord posts itself ("added to the thread", a thread's
    /// starter), not a message anyone wrote: any type but DEFAULT (0),
    /// REPLY (19), CHAT_INPUT_COMMAND (20) and CONTEXT_MENU_COMMAND (23).
    pub fn is_system(&self) -> bool {
        !matches!(self.kind, 0 | 19 | 20 | 23)
    }

    /// The button with this label.
    pub fn button(&self, label: &str) -> Option<&ButtonView> {
        self.buttons.iter().find(|b| b.label == label)
    }

    pub fn has_button(&self, label: &str) -> bool {
        self.button(label).is_some()
    }

    /// Every embed's title, description, fields and footer, one per line.
    pub fn embed_text(&self) -> String {
        let mut lines = Vec::new();
        for embed in &self.embeds {
            lines.extend(embed.author.clone());
            lines.extend(embed.title.clone());
            lines.extend(embed.description.clone());
            for field in &embed.fields {
                lines.push(format!("{}: {}", field.name, field.value));
            }
            lines.extend(embed.footer.clone());
        }
        lines.join("\n")
    }

    /// Whether the text or any embed contains `needle`.
    pub fn shows(&self, needle: &str) -> bool {
        self.text.contains(needle) || self.embed_text().contains(needle)
    }
}

/// A modal the bot showed to a person.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ModalView {
    pub interaction_id: u64,
    pub channel_id: u64,
    pub shown_to: String,
    pub custom_id: String,
    pub title: String,
    pub fields: Vec<ModalFieldView>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ModalFieldView {
    pub custom_id: String,
    pub label: String,
    /// 1 short, 2 paragraph.
    pub style: u8,
    pub required: bool,
    pub value: Option<String>,
    pub placeholder: Option<String>,
    pub min_length: Option<u16>,
    pub max_length: Option<u16>,
}

/// One autocomplete suggestion.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ChoiceView {
    pub name: String,
    pub value: serde_json::Value,
}

/// A channel or thread as the sandbox knows it (God's view).
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ChannelInfo {
    pub id: u64,
    pub name: String,
    /// `text`, `category`, `public_thread` or `private_thread`.
    pub kind: String,
    pub parent: Option<String>,
    pub topic: Option<String>,
    pub archived: bool,
    pub locked: bool,
    pub owner: Option<String>,
    /// Thread members by name.
    pub members: Vec<String>,
    /// Everyone (people and the bot) who can see it.
    pub viewers: Vec<String>,
    pub overwrites: Vec<OverwriteView>,
    pub message_count: u32,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct OverwriteView {
    /// `@everyone`, a role name or a member name.
    pub target: String,
    pub allow: Vec<String>,
    pub deny: Vec<String>,
}

/// One channel in a person's view.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ChannelView {
    pub id: u64,
    pub name: String,
    pub kind: String,
    pub parent: Option<String>,
    pub archived: bool,
    pub locked: bool,
    /// The latest messages, oldest first.
    pub recent: Vec<MessageView>,
}

/// Everything one person sees.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct PersonView {
    pub who: String,
    pub channels: Vec<ChannelView>,
}

/// One thing a person saw happen (the console prints these).
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Sighting {
    pub who: String,
    #[serde(rename = "where")]
    pub place: String,
    /// `new`, `edited`, `deleted` or `modal`.
    pub change: String,
    pub message: Option<MessageView>,
    pub modal: Option<ModalView>,
}
