//! Serving the control door: each request runs through the same driver the
//! in-process tests use, so a person acting from outside the process meets
//! exactly the rules (permissions, 3 s windows, modals) of one acting inside.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use serde_json::{json, Value};

use super::{ChannelKey, ConsoleCall, ConsoleLine, Control, Status};
use crate::driver::view_builder::{channel_info, message_view};
use crate::driver::{waiting, ChannelRef, DriverError, MessageView, Opt, Person};
use crate::ids::Snowflake;
use crate::inspect::{find_person, sightings_since};
use crate::shared::Shared;

/// How long a person waits for what they expect (as [`crate::Sandbox`]'s default).
const PATIENCE: Duration = Duration::from_secs(10);
/// How long nothing must happen for `settled`.
const QUIET: Duration = Duration::from_millis(150);

/// Why a request could not be done.
#[derive(Debug, thiserror::Error)]
enum DoorError {
    #[error(transparent)]
    Driver(#[from] DriverError),
    #[error("{0}")]
    Invalid(String),
}

impl DoorError {
    fn kind(&self) -> &'static str {
        match self {
            DoorError::Driver(DriverError::NoResponse { .. }) => "no_response",
            DoorError::Driver(DriverError::Refused(_)) => "refused",
            DoorError::Driver(DriverError::Timeout { .. }) => "timeout",
            DoorError::Driver(DriverError::NotSettled { .. }) => "not_settled",
            DoorError::Driver(_) | DoorError::Invalid(_) => "invalid",
        }
    }
}

impl IntoResponse for DoorError {
    fn into_response(self) -> Response {
        let body = json!({ "error": self.to_string(), "kind": self.kind() });
        (StatusCode::UNPROCESSABLE_ENTITY, Json(body)).into_response()
    }
}

fn answer<T: Serialize>(result: Result<T, DoorError>) -> Response {
    match result {
        Ok(value) => Json(value).into_response(),
        Err(e) => e.into_response(),
    }
}

fn bad_request(message: String) -> Response {
    let body = json!({ "error": message, "kind": "bad_request" });
    (StatusCode::BAD_REQUEST, Json(body)).into_response()
}

pub(super) async fn control(
    State(shared): State<Arc<Shared>>,
    request: Result<Json<Control>, JsonRejection>,
) -> Response {
    let request = match request {
        Ok(Json(request)) => request,
        Err(e) => return bad_request(format!("not a control request: {}", e.body_text())),
    };
    match request {
        Control::Say { who, channel, text } => answer(say(&shared, &who, &channel, &text).await),
        Control::Slash {
            who,
            channel,
            command,
            options,
        } => answer(slash(&shared, &who, &channel, &command, &options).await),
        Control::Click {
            who,
            label,
            message,
            channel,
        } => answer(click(&shared, &who, &label, message, channel.as_ref()).await),
        Control::Fill { who, values } => answer(fill(&shared, &who, &values).await),
        Control::Look { who, recent } => answer(
            find_person(&shared, &who, PATIENCE)
                .map(|p| p.view(recent))
                .map_err(DoorError::from),
        ),
        Control::Channels => answer::<Vec<_>>(Ok(shared.read(|w| {
            let mut all: Vec<_> = w.channels.values().map(|c| channel_info(w, c)).collect();
            all.sort_by_key(|c| c.id);
            all
        }))),
        Control::Messages { channel } => answer(resolve(&shared, &channel).map(|c| {
            shared.read(|w| {
                w.channels
                    .get(&Snowflake(c.id))
                    .map(|c| {
                        c.messages
                            .values()
                            .map(|m| message_view(w, m))
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            })
        })),
        Control::Sightings { since } => {
            let (sightings, cursor) = sightings_since(&shared, since);
            answer::<Value>(Ok(json!({ "sightings": sightings, "cursor": cursor })))
        }
        Control::Settled => answer(
            waiting::settled(&shared, QUIET, PATIENCE)
                .await
                .map(|()| json!({ "settled": true }))
                .map_err(|busy| {
                    DoorError::Driver(DriverError::NotSettled {
                        waited: PATIENCE,
                        busy,
                    })
                }),
        ),
        Control::Status => answer::<Status>(Ok(status(&shared))),
        Control::Faults { random, clear } => {
            if clear {
                shared.faults.clear();
            }
            if random.is_some() {
                shared.faults.set_random(random);
            }
            answer::<Status>(Ok(status(&shared)))
        }
    }
}

fn status(shared: &Shared) -> Status {
    let (handshakes, live_sessions, commands, cursor, guild_id) = shared.read(|w| {
        let commands = w
            .main_guild()
            .map(|g| w.commands.visible_in(g.id).len())
            .unwrap_or_default();
        (
            w.gateway.handshakes,
            w.gateway.live_sessions(),
            commands,
            w.feed.cursor(),
            w.main_guild().map(|g| g.id.0).unwrap_or_default(),
        )
    });
    Status {
        rest_calls: shared.recorder.len(),
        faults: shared.faults.injected(),
        handshakes,
        live_sessions,
        commands,
        cursor,
        guild_id,
    }
}

fn resolve(shared: &Shared, key: &ChannelKey) -> Result<ChannelRef, DoorError> {
    let found = shared.read(|w| {
        let channel = match key {
            ChannelKey::Id(id) => w.channels.get(&Snowflake(*id)),
            ChannelKey::Name(name) => w.channel_by_name(name),
        };
        channel.map(|c| ChannelRef {
            id: c.id.0,
            name: c.name.clone(),
        })
    });
    found.ok_or_else(|| {
        let name = match key {
            ChannelKey::Id(id) => id.to_string(),
            ChannelKey::Name(name) => name.clone(),
        };
        DoorError::Driver(DriverError::UnknownChannel(name))
    })
}

async fn say(
    shared: &Arc<Shared>,
    who: &str,
    channel: &ChannelKey,
    text: &str,
) -> Result<MessageView, DoorError> {
    let person = find_person(shared, who, PATIENCE)?;
    let channel = resolve(shared, channel)?;
    Ok(person.say(&channel, text).await?)
}

/// A JSON option value as the client would type it.
fn option_value(name: &str, value: &Value) -> Result<Opt, DoorError> {
    match value {
        Value::String(s) => Ok(Opt::Text(s.clone())),
        Value::Bool(b) => Ok(Opt::Bool(*b)),
        Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => Ok(Opt::Int(i)),
            (None, Some(f)) => Ok(Opt::Number(f)),
            _ => Err(DoorError::Invalid(format!(
                "option `{name}`: {n} is no number"
            ))),
        },
        other => Err(DoorError::Invalid(format!(
            "option `{name}`: expected a string, number or boolean, found {other}"
        ))),
    }
}

async fn slash(
    shared: &Arc<Shared>,
    who: &str,
    channel: &ChannelKey,
    command: &str,
    options: &serde_json::Map<String, Value>,
) -> Result<crate::driver::Response, DoorError> {
    let person = find_person(shared, who, PATIENCE)?;
    let channel = resolve(shared, channel)?;
    let given = options
        .iter()
        .map(|(k, v)| option_value(k, v).map(|o| (k.as_str(), o)))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(person.slash(&channel, command, &given).await?)
}

async fn click(
    shared: &Arc<Shared>,
    who: &str,
    label: &str,
    message: Option<u64>,
    channel: Option<&ChannelKey>,
) -> Result<crate::driver::Response, DoorError> {
    let person = find_person(shared, who, PATIENCE)?;
    let channel = channel.map(|c| resolve(shared, c)).transpose()?;
    let (message, exact) = clicked(shared, &person, label, message, channel.as_ref())?;
    Ok(person.click(&message, &exact).await?)
}

/// The message to click and the label as its button has it.
fn clicked(
    shared: &Shared,
    person: &Person,
    label: &str,
    message: Option<u64>,
    channel: Option<&ChannelRef>,
) -> Result<(MessageView, String), DoorError> {
    let candidates: Vec<MessageView> = match (message, channel) {
        (Some(id), _) => {
            let home = shared.read(|w| {
                w.channels
                    .values()
                    .find(|c| c.messages.contains_key(&Snowflake(id)))
                    .map(|c| ChannelRef {
                        id: c.id.0,
                        name: c.name.clone(),
                    })
            });
            let home = home.ok_or_else(|| DoorError::Invalid(format!("no message {id}")))?;
            person
                .messages_in(&home)
                .into_iter()
                .filter(|m| m.id == id)
                .collect()
        }
        (None, Some(channel)) => person.messages_in(channel),
        (None, None) => person
            .view(usize::MAX)
            .channels
            .into_iter()
            .flat_map(|c| c.recent)
            .collect(),
    };
    let wanted = label.to_lowercase();
    candidates
        .into_iter()
        .filter_map(|m| {
            let exact = m
                .buttons
                .iter()
                .find(|b| !b.disabled && b.label.to_lowercase() == wanted)
                .map(|b| b.label.clone())?;
            Some((m, exact))
        })
        .max_by_key(|(m, _)| m.id)
        .ok_or_else(|| {
            DoorError::Invalid(format!(
                "{} sees no message with a \"{label}\" button{}",
                person.name(),
                channel
                    .map(|c| format!(" in #{}", c.name))
                    .unwrap_or_default()
            ))
        })
}

async fn fill(
    shared: &Arc<Shared>,
    who: &str,
    values: &serde_json::Map<String, Value>,
) -> Result<crate::driver::Response, DoorError> {
    let person = find_person(shared, who, PATIENCE)?;
    let modal = person.open_modal().ok_or_else(|| {
        DoorError::Invalid(format!(
            "no form is open for {who} (click a button that opens one first)"
        ))
    })?;
    let text: Vec<(String, String)> = values
        .iter()
        .map(|(k, v)| {
            let v = match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            (k.clone(), v)
        })
        .collect();
    let given: Vec<(&str, &str)> = text.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    Ok(person.submit_modal(&modal, &given).await?)
}

pub(super) async fn console(
    State(shared): State<Arc<Shared>>,
    request: Result<Json<ConsoleLine>, JsonRejection>,
) -> Response {
    let request = match request {
        Ok(Json(request)) => request,
        Err(e) => return bad_request(format!("not a console line: {}", e.body_text())),
    };
    let door = shared
        .console
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    let Some(door) = door else {
        let body = json!({
            "error": "this sandbox runs no console (`supportline sandbox --serve` does)",
            "kind": "no_console",
        });
        return (StatusCode::NOT_FOUND, Json(body)).into_response();
    };
    let (reply, answer) = tokio::sync::oneshot::channel();
    let call = ConsoleCall {
        session: request.session,
        number: request.number,
        line: request.line,
        reply,
    };
    let gone = || {
        let body = json!({ "error": "the console stopped", "kind": "no_console" });
        (StatusCode::SERVICE_UNAVAILABLE, Json(body)).into_response()
    };
    if door.send(call).await.is_err() {
        return gone();
    }
    match answer.await {
        Ok(value) => Json(value).into_response(),
        Err(_) => gone(),
    }
}
