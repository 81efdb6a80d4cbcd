//! The bot answering interactions: the callback (types 4–9), the original
//! response and follow-ups through the interaction's webhook token.

use std::time::Instant;

use super::interactions::{InteractionRecord, RESPONSE_WINDOW, TOKEN_LIFETIME};
use super::message_types::{self, InteractionOrigin, FLAG_EPHEMERAL, FLAG_LOADING};
use super::messages::{NewMessage, Upload};
use super::DiscordState;
use crate::error::{ApiError, FieldErrors};
use crate::ids::Snowflake;
use crate::wire::component::{self, AutocompleteIn, ModalIn};
use crate::wire::interaction::{
    CallbackIn, APPLICATION_COMMAND, AUTOCOMPLETE, CALLBACK_AUTOCOMPLETE,
    CALLBACK_DEFERRED_MESSAGE, CALLBACK_DEFERRED_UPDATE, CALLBACK_MESSAGE, CALLBACK_MODAL,
    CALLBACK_UPDATE, MESSAGE_COMPONENT, MODAL_SUBMIT,
};
use crate::wire::message::{MessageIn, MessageOut};

fn data_as<T: serde::de::DeserializeOwned + Default>(
    data: Option<serde_json::Value>,
) -> Result<T, ApiError> {
    match data {
        None | Some(serde_json::Value::Null) => Ok(T::default()),
        Some(value) => serde_json::from_value(value).map_err(ApiError::malformed),
    }
}

fn wrong_callback_type(kind: u8) -> ApiError {
    ApiError::invalid_field(
        "type",
        "INTERACTION_RESPONSE_TYPE_INVALID",
        format!("Callback type {kind} does not fit this interaction"),
    )
}

impl DiscordState {
    fn origin(&self, record: &InteractionRecord, original: Option<Snowflake>) -> InteractionOrigin {
        InteractionOrigin {
            interaction_id: record.id,
            kind: record.kind,
            user_id: record.user_id,
            command_name: record.command_name.clone(),
            interacted_message_id: (record.kind == MESSAGE_COMPONENT)
                .then_some(record.source_message)
                .flatten(),
            triggering: record.triggering,
            original_response_message_id: original,
        }
    }

    /// Posts a message on behalf of an interaction (ephemeral when flag 64).
    fn respond_with_message(
        &mut self,
        record: &InteractionRecord,
        body: MessageIn,
        uploads: Vec<Upload>,
        extra_flags: u64,
        original: Option<Snowflake>,
    ) -> Result<Snowflake, ApiError> {
        let ephemeral = body.flags.unwrap_or(0) & FLAG_EPHEMERAL != 0;
        let kind = if record.kind == APPLICATION_COMMAND {
            message_types::CHAT_INPUT_COMMAND
        } else {
            message_types::DEFAULT
        };
        let origin = self.origin(record, original);
        self.insert_message(NewMessage {
            author: self.bot_id(),
            channel: record.channel_id,
            body,
            uploads,
            kind,
            ephemeral_for: ephemeral.then_some(record.user_id),
            interaction: Some(origin),
            webhook: true,
            extra_flags: extra_flags | if ephemeral { FLAG_EPHEMERAL } else { 0 },
        })
    }

    /// POST /interactions/{id}/{token}/callback.
    pub fn interaction_callback(
        &mut self,
        id: Snowflake,
        token: &str,
        body: CallbackIn,
        uploads: Vec<Upload>,
    ) -> Result<(), ApiError> {
        let record = self
            .interactions
            .by_id
            .get(&id)
            .filter(|r| r.token == token)
            .cloned()
            .ok_or_else(ApiError::unknown_interaction)?;
        if record.response.is_some() {
            return Err(ApiError::already_acknowledged());
        }
        if record.created.elapsed() > RESPONSE_WINDOW {
            if let Some(r) = self.interactions.by_id.get_mut(&id) {
                r.answered_late = true;
            }
            return Err(ApiError::unknown_interaction());
        }
        let updates_a_message = record.kind == MESSAGE_COMPONENT
            || (record.kind == MODAL_SUBMIT && record.source_message.is_some());
        let mut original = None;
        let mut modal = None;
        let mut choices = None;
        match body.kind {
            CALLBACK_MESSAGE if record.kind != AUTOCOMPLETE => {
                let message: MessageIn = data_as(body.data)?;
                original = Some(self.respond_with_message(&record, message, uploads, 0, None)?);
            }
            CALLBACK_DEFERRED_MESSAGE if record.kind != AUTOCOMPLETE => {
                let message: MessageIn = data_as(body.data)?;
                let thinking = MessageIn {
                    flags: message.flags,
                    ..MessageIn::default()
                };
                original = Some(self.respond_with_message(
                    &record,
                    thinking,
                    Vec::new(),
                    FLAG_LOADING,
                    None,
                )?);
            }
            CALLBACK_DEFERRED_UPDATE if updates_a_message => {
                original = record.source_message;
            }
            CALLBACK_UPDATE if updates_a_message => {
                let message: MessageIn = data_as(body.data)?;
                let source = record
                    .source_message
                    .ok_or_else(ApiError::unknown_message)?;
                self.apply_edit(record.channel_id, source, message, uploads)?;
                original = Some(source);
            }
            CALLBACK_AUTOCOMPLETE if record.kind == AUTOCOMPLETE => {
                let answer: AutocompleteIn = data_as(body.data)?;
                if answer.choices.len() > 25 {
                    return Err(ApiError::invalid_field(
                        "data.choices",
                        "BASE_TYPE_MAX_LENGTH",
                        "Must be 25 or fewer in length.",
                    ));
                }
                choices = Some(answer.choices);
            }
            CALLBACK_MODAL if record.kind != AUTOCOMPLETE && record.kind != MODAL_SUBMIT => {
                let data = body.data.ok_or_else(|| {
                    ApiError::invalid_field("data", "BASE_TYPE_REQUIRED", "This field is required")
                })?;
                let form: ModalIn = serde_json::from_value(data).map_err(ApiError::malformed)?;
                validate_modal(&form)?;
                self.feed
                    .modal(record.channel_id, record.user_id, record.id);
                modal = Some(form);
            }
            other => return Err(wrong_callback_type(other)),
        }
        if let Some(r) = self.interactions.by_id.get_mut(&id) {
            r.response = Some(body.kind);
            r.original_message = original;
            r.modal = modal;
            r.choices = choices;
        }
        self.refresh_open(id);
        Ok(())
    }

    /// The interaction behind a webhook token, if still usable.
    fn by_token(&self, application: Snowflake, token: &str) -> Result<InteractionRecord, ApiError> {
        if application != self.config.application_id {
            return Err(ApiError::unknown_webhook());
        }
        self.interactions
            .by_token
            .get(token)
            .and_then(|id| self.interactions.by_id.get(id))
            .filter(|r| r.created.elapsed() < TOKEN_LIFETIME)
            .cloned()
            .ok_or_else(ApiError::unknown_webhook)
    }

    /// A message of this interaction: `None` means the original response.
    fn response_message(
        &self,
        record: &InteractionRecord,
        message: Option<Snowflake>,
    ) -> Result<Snowflake, ApiError> {
        match message {
            None => record
                .original_message
                .ok_or_else(ApiError::unknown_message),
            Some(m) if record.original_message == Some(m) || record.followups.contains(&m) => Ok(m),
            Some(_) => Err(ApiError::unknown_message()),
        }
    }

    fn message_of(&self, channel: Snowflake, id: Snowflake) -> Result<MessageOut, ApiError> {
        self.channel(channel)?
            .messages
            .get(&id)
            .map(|m| self.message_out(m, false))
            .ok_or_else(ApiError::unknown_message)
    }

    /// GET /webhooks/{app}/{token}/messages/{@original|id}.
    pub fn get_response(
        &self,
        application: Snowflake,
        token: &str,
        message: Option<Snowflake>,
    ) -> Result<MessageOut, ApiError> {
        let record = self.by_token(application, token)?;
        let id = self.response_message(&record, message)?;
        self.message_of(record.channel_id, id)
    }

    /// PATCH /webhooks/{app}/{token}/messages/{@original|id}. Editing the
    /// original of a deferred reply finishes the "thinking…" message.
    pub fn edit_response(
        &mut self,
        application: Snowflake,
        token: &str,
        message: Option<Snowflake>,
        body: MessageIn,
        uploads: Vec<Upload>,
    ) -> Result<MessageOut, ApiError> {
        let record = self.by_token(application, token)?;
        let id = self.response_message(&record, message)?;
        self.apply_edit(record.channel_id, id, body, uploads)?;
        self.refresh_open(record.id);
        self.message_of(record.channel_id, id)
    }

    /// DELETE /webhooks/{app}/{token}/messages/{@original|id}.
    pub fn delete_response(
        &mut self,
        application: Snowflake,
        token: &str,
        message: Option<Snowflake>,
    ) -> Result<(), ApiError> {
        let record = self.by_token(application, token)?;
        let id = self.response_message(&record, message)?;
        self.remove_message(record.channel_id, id)?;
        self.refresh_open(record.id);
        Ok(())
    }

    /// POST /webhooks/{app}/{token}: a follow-up. After a deferred reply
    /// the first follow-up takes the place of the "thinking…" message (and
    /// keeps its ephemerality), as Discord does.
    pub fn create_followup(
        &mut self,
        application: Snowflake,
        token: &str,
        body: MessageIn,
        uploads: Vec<Upload>,
    ) -> Result<MessageOut, ApiError> {
        let record = self.by_token(application, token)?;
        if record.response.is_none() {
            return Err(ApiError::unknown_webhook());
        }
        if record.is_loading(self) {
            if let Some(original) = record.original_message {
                let body = MessageIn {
                    flags: None,
                    ..body
                };
                self.apply_edit(record.channel_id, original, body, uploads)?;
                self.refresh_open(record.id);
                return self.message_of(record.channel_id, original);
            }
        }
        let id = self.respond_with_message(&record, body, uploads, 0, record.original_message)?;
        if let Some(r) = self.interactions.by_id.get_mut(&record.id) {
            r.followups.push(id);
        }
        self.message_of(record.channel_id, id)
    }

    /// How long ago the interaction was created (for error messages).
    pub fn interaction_age(&self, id: Snowflake) -> Option<std::time::Duration> {
        self.interactions
            .by_id
            .get(&id)
            .map(|r| Instant::now().duration_since(r.created))
    }
}

/// A modal: title ≤ 45, custom id ≤ 100, 1–5 rows of one text input each
/// (label ≤ 45, style 1 or 2).
fn validate_modal(form: &ModalIn) -> Result<(), ApiError> {
    let mut errors = FieldErrors::default();
    if form.title.chars().count() > 45 {
        errors.max_length("data.title", 45);
    }
    if form.custom_id.chars().count() > 100 {
        errors.max_length("data.custom_id", 100);
    }
    if form.components.is_empty() || form.components.len() > 5 {
        errors.add(
            "data.components",
            "BASE_TYPE_BAD_LENGTH",
            "Must be between 1 and 5 in length.",
        );
    }
    for (i, row) in form.components.iter().enumerate() {
        let inputs = row.children();
        let fits = row.kind == component::ACTION_ROW
            && inputs.len() == 1
            && inputs[0].kind == component::TEXT_INPUT;
        if !fits {
            errors.add(
                &format!("data.components.{i}"),
                "UNION_TYPE_CHOICES",
                "A modal row holds exactly one text input",
            );
            continue;
        }
        let input = &inputs[0];
        if input.custom_id.is_none() {
            errors.add(
                &format!("data.components.{i}.components.0.custom_id"),
                "BASE_TYPE_REQUIRED",
                "This field is required",
            );
        }
        if input.label.as_deref().map_or(0, |l| l.chars().count()) > 45 {
            errors.max_length(&format!("data.components.{i}.components.0.label"), 45);
        }
        if !matches!(input.style, Some(1) | Some(2)) {
            errors.add(
                &format!("data.components.{i}.components.0.style"),
                "BASE_TYPE_CHOICES",
                "Value must be one of (1, 2).",
            );
        }
    }
    errors.into_result()
}

#[cfg(test)]
#[path = "respond_tests.rs"]
mod tests;
