//! Discord's error answers: an HTTP status, a JSON error code and message,
//! and for invalid bodies the per-field `errors` tree.

use std::fmt;

use serde::Serialize;
use serde_json::{json, Map, Value};

/// An error the sandbox answers with, exactly as Discord would.
#[derive(Clone, Debug, PartialEq)]
pub struct ApiError {
    pub status: u16,
    pub code: u32,
    pub message: String,
    /// The `errors` tree of a 50035 Invalid Form Body.
    pub errors: Option<Value>,
    /// Set for 429 answers.
    pub rate_limit: Option<RateLimit>,
}

/// The extra fields of a 429 answer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RateLimit {
    pub retry_after: f64,
    pub global: bool,
}

/// The JSON body of an error, with Discord's field names.
#[derive(Serialize)]
pub struct ErrorBody<'a> {
    pub message: &'a str,
    pub code: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<&'a Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub global: Option<bool>,
}

impl ApiError {
    pub fn new(status: u16, code: u32, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code,
            message: message.into(),
            errors: None,
            rate_limit: None,
        }
    }

    pub fn body(&self) -> ErrorBody<'_> {
        ErrorBody {
            message: &self.message,
            code: self.code,
            errors: self.errors.as_ref(),
            retry_after: self.rate_limit.map(|r| r.retry_after),
            global: self.rate_limit.map(|r| r.global),
        }
    }

    pub fn unauthorized() -> Self {
        Self::new(401, 0, "401: Unauthorized")
    }
    pub fn not_found() -> Self {
        Self::new(404, 0, "404: Not Found")
    }
    pub fn method_not_allowed() -> Self {
        Self::new(405, 0, "405: Method Not Allowed")
    }
    pub fn server_error() -> Self {
        Self::new(500, 0, "500: Internal Server Error")
    }
    pub fn rate_limited(retry_after: f64, global: bool) -> Self {
        let mut error = Self::new(429, 0, "You are being rate limited.");
        error.rate_limit = Some(RateLimit {
            retry_after,
            global,
        });
        error
    }
    pub fn unknown_channel() -> Self {
        Self::new(404, 10003, "Unknown Channel")
    }
    pub fn unknown_guild() -> Self {
        Self::new(404, 10004, "Unknown Guild")
    }
    pub fn unknown_member() -> Self {
        Self::new(404, 10007, "Unknown Member")
    }
    pub fn unknown_message() -> Self {
        Self::new(404, 10008, "Unknown Message")
    }
    pub fn unknown_role() -> Self {
        Self::new(404, 10011, "Unknown Role")
    }
    pub fn unknown_user() -> Self {
        Self::new(404, 10013, "Unknown User")
    }
    pub fn unknown_webhook() -> Self {
        Self::new(404, 10015, "Unknown Webhook")
    }
    pub fn unknown_interaction() -> Self {
        Self::new(404, 10062, "Unknown interaction")
    }
    pub fn unknown_command() -> Self {
        Self::new(404, 10063, "Unknown application command")
    }
    pub fn already_acknowledged() -> Self {
        Self::new(400, 40060, "Interaction has already been acknowledged.")
    }
    /// The caller cannot see the resource at all.
    pub fn missing_access() -> Self {
        Self::new(403, 50001, "Missing Access")
    }
    /// The caller sees the resource but lacks a permission for the action.
    pub fn missing_permissions() -> Self {
        Self::new(403, 50013, "Missing Permissions")
    }
    pub fn empty_message() -> Self {
        Self::new(400, 50006, "Cannot send an empty message")
    }
    pub fn wrong_channel_type() -> Self {
        Self::new(400, 50024, "Cannot execute action on this channel type")
    }
    pub fn system_message() -> Self {
        Self::new(403, 50021, "Cannot execute action on a system message")
    }
    pub fn thread_archived() -> Self {
        Self::new(400, 50083, "Thread is archived")
    }
    pub fn thread_locked() -> Self {
        Self::new(403, 160005, "Thread is locked")
    }
    pub fn cannot_edit_others_message() -> Self {
        Self::new(403, 50005, "Cannot edit a message authored by another user")
    }
    pub fn thread_already_created() -> Self {
        Self::new(
            400,
            160004,
            "A thread has already been created for this message",
        )
    }

    /// 400 with code 50035 and the per-field errors.
    pub fn invalid_form(errors: FieldErrors) -> Self {
        let mut error = Self::new(400, 50035, "Invalid Form Body");
        error.errors = Some(errors.into_value());
        error
    }

    /// 400 with code 50035 for a single field.
    pub fn invalid_field(path: &str, code: &str, message: impl Into<String>) -> Self {
        let mut errors = FieldErrors::default();
        errors.add(path, code, message);
        Self::invalid_form(errors)
    }

    /// A body that is not valid JSON or has a wrong type somewhere.
    pub fn malformed(detail: impl fmt::Display) -> Self {
        Self::invalid_field("_errors", "MODEL_TYPE_CONVERT", detail.to_string())
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} (code {})", self.status, self.message, self.code)?;
        if let Some(errors) = &self.errors {
            write!(f, ": {errors}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

/// Collects per-field errors into Discord's `errors` tree
/// (`{"embeds": {"0": {"description": {"_errors": [...]}}}}`).
#[derive(Debug, Default)]
pub struct FieldErrors {
    tree: Map<String, Value>,
}

impl FieldErrors {
    /// Adds an error at a dotted path such as `embeds.0.description`.
    pub fn add(&mut self, path: &str, code: &str, message: impl Into<String>) {
        let mut node = &mut self.tree;
        for part in path.split('.').filter(|p| !p.is_empty() && *p != "_errors") {
            let entry = node
                .entry(part.to_string())
                .or_insert_with(|| Value::Object(Map::new()));
            if !entry.is_object() {
                *entry = Value::Object(Map::new());
            }
            node = match entry {
                Value::Object(map) => map,
                _ => return,
            };
        }
        let list = node
            .entry("_errors".to_string())
            .or_insert_with(|| Value::Array(Vec::new()));
        if let Value::Array(items) = list {
            items.push(json!({ "code": code, "message": message.into() }));
        }
    }

    pub fn max_length(&mut self, path: &str, max: usize) {
        self.add(
            path,
            "BASE_TYPE_MAX_LENGTH",
            format!("Must be {max} or fewer in length."),
        );
    }

    pub fn is_empty(&self) -> bool {
        self.tree.is_empty()
    }

    pub fn into_value(self) -> Value {
        Value::Object(self.tree)
    }

    /// `Err(invalid_form)` when anything was collected.
    pub fn into_result(self) -> Result<(), ApiError> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(ApiError::invalid_form(self))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_errors_nest_by_path_like_discord() {
        let mut errors = FieldErrors::default();
        errors.max_length("embeds.0.description", 4096);
        let value = errors.into_value();
        let code = &value["embeds"]["0"]["description"]["_errors"][0]["code"];
        assert_eq!(code, "BASE_TYPE_MAX_LENGTH");
    }

    #[test]
    fn a_rate_limit_body_carries_retry_after_and_global() {
        let error = ApiError::rate_limited(1.5, true);
        let body = serde_json::to_value(error.body()).unwrap();
        assert_eq!(body["retry_after"], 1.5);
        assert_eq!(body["global"], true);
        assert_eq!(error.status, 429);
    }
}
