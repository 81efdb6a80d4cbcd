//! The test driver: people who say things, run slash commands, click
//! buttons and fill modals, and wait for what they would see.

mod acting;
mod interact;
mod options;
mod person;
mod person_views;
pub(crate) mod view_builder;
pub(crate) mod views;
pub(crate) mod waiting;

use std::time::Duration;

use serde::Serialize;
use thiserror::Error;

pub use options::Opt;
pub use person::Person;
pub use views::{
    AttachmentView, ButtonView, ChannelInfo, ChannelView, ChoiceView, EmbedView, FieldView,
    MessageView, ModalFieldView, ModalView, OverwriteView, PersonView, PingsView, SelectView,
    Sighting,
};
pub use waiting::Busy;

use crate::error::ApiError;

/// A channel or thread, by id and name.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct ChannelRef {
    pub id: u64,
    pub name: String,
}

impl ChannelRef {
    pub fn channel_id(&self) -> serenity::model::id::ChannelId {
        serenity::model::id::ChannelId::new(self.id)
    }
}

/// How the bot answered an interaction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum ResponseKind {
    /// Type 4: a reply.
    Message,
    /// Type 5: "thinking…", the reply comes later.
    Deferred,
    /// Type 6: acknowledged, the message may be edited later.
    DeferredUpdate,
    /// Type 7: the clicked message was edited.
    Updated,
    /// Type 8: autocomplete suggestions.
    Autocomplete,
    /// Type 9: a modal to fill.
    Modal,
}

/// The bot's answer to something a person did.
#[derive(Clone, Debug, Serialize)]
pub struct Response {
    pub interaction_id: u64,
    pub kind: ResponseKind,
    /// The reply (types 4, 5) or the updated message (6, 7), as the person sees it.
    pub message: Option<MessageView>,
    pub modal: Option<ModalView>,
    pub choices: Vec<ChoiceView>,
}

impl Response {
    pub fn message(&self) -> Result<&MessageView, DriverError> {
        self.message
            .as_ref()
            .ok_or(DriverError::Unexpected("the answer has no message"))
    }

    pub fn modal(&self) -> Result<&ModalView, DriverError> {
        self.modal
            .as_ref()
            .ok_or(DriverError::Unexpected("the answer is not a modal"))
    }

    pub fn is_ephemeral(&self) -> bool {
        self.message.as_ref().is_some_and(|m| m.ephemeral)
    }
}

/// Why a step of a story could not happen.
#[derive(Debug, Error)]
pub enum DriverError {
    #[error("nobody is called `{0}`")]
    UnknownPerson(String),
    #[error("there is no channel `{0}`")]
    UnknownChannel(String),
    #[error("no slash command `{0}` is registered")]
    UnknownCommand(String),
    #[error("/{command} has no option `{option}`")]
    UnknownOption { command: String, option: String },
    #[error("/{command} needs the option `{option}`")]
    MissingOption { command: String, option: String },
    #[error("/{command} {option}: {why}")]
    BadOptionValue {
        command: String,
        option: String,
        why: String,
    },
    #[error("{who} cannot use /{command} (the command requires permissions they lack)")]
    CommandUnavailable { who: String, command: String },
    #[error("{who} sees no `{label}` button on that message (buttons: {available})")]
    NoSuchButton {
        who: String,
        label: String,
        available: String,
    },
    #[error("the `{0}` button is disabled")]
    ButtonDisabled(String),
    #[error("{who} cannot see {what}")]
    NotVisible { who: String, what: String },
    /// Discord refused the action (a person lacking a permission, …).
    #[error("Discord refused: {0}")]
    Refused(#[from] ApiError),
    /// The bot did not answer the interaction within 3 seconds: the person
    /// sees "This interaction failed".
    #[error(
        "the application did not respond to {what} within {waited:?} (This interaction failed)"
    )]
    NoResponse { what: String, waited: Duration },
    #[error("{who} waited {waited:?} for {what}; last seen: {last_seen}")]
    Timeout {
        who: String,
        what: String,
        waited: Duration,
        last_seen: String,
    },
    #[error("the sandbox did not settle within {waited:?}: {busy:?}")]
    NotSettled { waited: Duration, busy: Busy },
    #[error("unexpected: {0}")]
    Unexpected(&'static str),
}
