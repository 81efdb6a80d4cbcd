//! Checks recorded REST exchanges against Discord's OpenAPI description:
//! every response body against its operation's response schema (by
//! status), every JSON request body against the request schema. The whole
//! document is the registry root, so `$ref`s resolve as written.
//!
//! Use from any test crate: `mod support;` then
//! `support::openapi::assert_valid(&sandbox.exchanges())`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use jsonschema::{Draft, Registry, Validator};
use serde_json::Value;
use supportline_sandbox::Exchange;

const BASE: &str = "https://discord.local/openapi.json";

struct OpenApi {
    doc: Value,
    registry: Registry<'static>,
    validators: Mutex<HashMap<String, Option<Arc<Validator>>>>,
}

/// Where the description lives: `$DISCORD_OPENAPI`, else
/// `shared/discord/openapi.json` in the folder beside the repository (the
/// first ancestor of this crate that has it).
fn document_path() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("DISCORD_OPENAPI") {
        return Some(PathBuf::from(path));
    }
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .map(|dir| dir.join("shared/discord/openapi.json"))
        .find(|path| path.is_file())
}

/// The description, or `None` (said once on stderr) when this clone has
/// no `../shared` beside it. CI sets `SUPPORTLINE_REQUIRE_SHARED=1`, and
/// then a missing description fails the test instead.
fn openapi() -> Option<&'static OpenApi> {
    static DOC: OnceLock<Option<OpenApi>> = OnceLock::new();
    DOC.get_or_init(|| {
        let Some(path) = document_path() else {
            let why = "Discord's OpenAPI description (../shared/discord/openapi.json, or \
                       $DISCORD_OPENAPI) is not here";
            assert!(
                std::env::var_os("SUPPORTLINE_REQUIRE_SHARED").is_none(),
                "{why}, and SUPPORTLINE_REQUIRE_SHARED is set"
            );
            eprintln!("skipped the OpenAPI check of REST bodies: {why}");
            return None;
        };
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "Discord's OpenAPI description is needed at {}: {e}",
                path.display()
            )
        });
        let doc: Value = serde_json::from_str(&text).expect("openapi.json is JSON");
        let registry = Registry::new()
            .draft(Draft::Draft202012)
            .add(BASE, doc.clone())
            .expect("the OpenAPI document registers")
            .prepare()
            .expect("the OpenAPI document indexes");
        Some(OpenApi {
            doc,
            registry,
            validators: Mutex::new(HashMap::new()),
        })
    })
    .as_ref()
}

/// Whether the description is here to check against (see [`openapi`]).
pub fn available() -> bool {
    openapi().is_some()
}

/// The OpenAPI path template an actual path matches; literal segments
/// beat parameters (`/users/@me` over `/users/{user_id}`).
fn template_for(doc: &Value, method: &str, path: &str) -> Option<String> {
    let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
    let paths = doc["paths"].as_object()?;
    let mut best: Option<(usize, &String)> = None;
    for (template, item) in paths {
        if item.get(method.to_ascii_lowercase()).is_none() {
            continue;
        }
        let pattern: Vec<&str> = template.trim_matches('/').split('/').collect();
        if pattern.len() != parts.len() {
            continue;
        }
        let mut literals = 0;
        let fits = pattern.iter().zip(&parts).all(|(p, a)| {
            if p.starts_with('{') {
                !a.is_empty()
            } else {
                literals += 1;
                p == a
            }
        });
        if fits && best.is_none_or(|(n, _)| literals > n) {
            best = Some((literals, template));
        }
    }
    best.map(|(_, t)| t.clone())
}

/// Rewrites document-local `$ref`s (`#/components/…`) to point into the
/// registered document.
fn anchor_refs(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map.iter_mut() {
                if key == "$ref" {
                    if let Value::String(r) = inner {
                        if r.starts_with('#') {
                            *r = format!("{BASE}{r}");
                        }
                    }
                } else {
                    anchor_refs(inner);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(anchor_refs),
        _ => {}
    }
}

fn resolve<'a>(doc: &'a Value, mut node: &'a Value) -> &'a Value {
    while let Some(Value::String(r)) = node.get("$ref") {
        let Some(pointer) = r.strip_prefix('#') else {
            break;
        };
        match doc.pointer(pointer) {
            Some(next) => node = next,
            None => break,
        }
    }
    node
}

/// The JSON schema of a response (by status, then `4XX`-style ranges).
fn response_schema<'a>(doc: &'a Value, operation: &'a Value, status: u16) -> Option<&'a Value> {
    let responses = operation.get("responses")?;
    let exact = status.to_string();
    let range = format!("{}XX", status / 100);
    let response = responses.get(&exact).or_else(|| responses.get(&range))?;
    let response = resolve(doc, response);
    response.pointer("/content/application~1json/schema")
}

fn request_schema<'a>(doc: &'a Value, operation: &'a Value) -> Option<&'a Value> {
    let body = resolve(doc, operation.get("requestBody")?);
    body.pointer("/content/application~1json/schema")
}

impl OpenApi {
    fn validator(&self, key: String, schema: &Value) -> Option<Arc<Validator>> {
        let mut cache = self.validators.lock().unwrap_or_else(|e| e.into_inner());
        cache
            .entry(key)
            .or_insert_with(|| {
                let mut schema = schema.clone();
                anchor_refs(&mut schema);
                let validator = jsonschema::options()
                    .with_draft(Draft::Draft202012)
                    .with_registry(&self.registry)
                    .build(&schema)
                    .unwrap_or_else(|e| panic!("a schema of openapi.json does not compile: {e}"));
                Some(Arc::new(validator))
            })
            .clone()
    }
}

fn errors_of(validator: &Validator, value: &Value) -> Vec<String> {
    validator
        .iter_errors(value)
        .take(5)
        .map(|e| {
            let text: String = e.to_string().chars().take(300).collect();
            format!("{text} at {}", e.instance_path())
        })
        .collect()
}

/// Known, documented differences between openapi.json and the wire, put
/// right before checking (and checked by their own rule):
///
/// - Field errors in `errors` carry string codes (`"BASE_TYPE_REQUIRED"`)
///   as Discord's documentation shows (topics/opcodes-and-status-codes,
///   "Error Messages"); openapi.json types them as integers. The
///   documentation wins, so the tree is checked here and left out of the
///   schema check.
/// - Serenity sends the `id` of a new attachment as a number (the index of
///   its `files[n]` part); Discord accepts it, openapi.json says string.
/// - Permission sets travel as strings ("Permissions … serialized into a
///   string", topics/permissions); openapi.json types the `allow`/`deny`
///   of an overwrite request as integers.
fn put_right(mut exchange: Exchange, found: &mut Vec<String>) -> Exchange {
    if let Some(Value::Object(body)) = exchange.response_body.as_mut() {
        if let Some(tree) = body.remove("errors") {
            if !field_errors_well_formed(&tree) {
                found.push(format!(
                    "{} {} → {}: malformed errors tree {tree}",
                    exchange.method, exchange.path, exchange.status
                ));
            }
        }
    }
    if let Some(body) = exchange.request_body.as_mut() {
        number_ids_to_strings(body);
    }
    if let Some(Value::Object(body)) = exchange.request_body.as_mut() {
        for key in ["allow", "deny"] {
            if let Some(Value::String(bits)) = body.get(key) {
                if let Ok(n) = bits.parse::<u64>() {
                    body.insert(key.to_string(), Value::from(n));
                }
            }
        }
    }
    exchange
}

/// `attachments[].id` as a string, wherever the list sits (a message body
/// or the `data` of an interaction callback).
fn number_ids_to_strings(value: &mut Value) {
    let Some(map) = value.as_object_mut() else {
        return;
    };
    if let Some(Value::Array(list)) = map.get_mut("attachments") {
        for attachment in list {
            if let Some(id) = attachment.get_mut("id") {
                if let Value::Number(n) = id {
                    *id = Value::String(n.to_string());
                }
            }
        }
    }
    if let Some(data) = map.get_mut("data") {
        number_ids_to_strings(data);
    }
}

/// `{"field": {"0": {"_errors": [{"code": "…", "message": "…"}]}}}`.
fn field_errors_well_formed(tree: &Value) -> bool {
    let Some(map) = tree.as_object() else {
        return false;
    };
    map.iter().all(|(key, value)| {
        if key == "_errors" {
            value.as_array().is_some_and(|items| {
                items
                    .iter()
                    .all(|e| e["code"].is_string() && e["message"].is_string())
            })
        } else {
            field_errors_well_formed(value)
        }
    })
}

/// Every way the exchanges disagree with Discord's description.
pub fn problems(exchanges: &[Exchange]) -> Vec<String> {
    check(exchanges, true)
}

fn check(exchanges: &[Exchange], refused_requests_too: bool) -> Vec<String> {
    let Some(api) = openapi() else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for exchange in exchanges {
        let exchange = &put_right(exchange.clone(), &mut found);
        let what = format!(
            "{} {} → {}",
            exchange.method, exchange.path, exchange.status
        );
        let Some(template) = template_for(&api.doc, &exchange.method, &exchange.path) else {
            if exchange.route.is_some() {
                found.push(format!("{what}: no operation in openapi.json"));
            }
            continue;
        };
        let operation = &api.doc["paths"][&template][exchange.method.to_ascii_lowercase()];
        let refused = exchange.status == 400;
        let request = exchange
            .request_body
            .as_ref()
            .filter(|_| refused_requests_too || !refused);
        if let (Some(body), Some(schema)) = (request, request_schema(&api.doc, operation)) {
            let key = format!("request {} {template}", exchange.method);
            if let Some(validator) = api.validator(key, schema) {
                for error in errors_of(&validator, body) {
                    found.push(format!("{what}: request body: {error}"));
                }
            }
        }
        if exchange.status >= 500 {
            continue;
        }
        match (
            &exchange.response_body,
            response_schema(&api.doc, operation, exchange.status),
        ) {
            (Some(body), Some(schema)) => {
                let key = format!(
                    "response {} {template} {}",
                    exchange.method, exchange.status
                );
                if let Some(validator) = api.validator(key, schema) {
                    for error in errors_of(&validator, body) {
                        found.push(format!("{what}: response body: {error}"));
                    }
                }
            }
            (Some(_), None) => found.push(format!("{what}: a body where openapi.json has none")),
            (None, Some(_)) if exchange.status != 204 => {
                found.push(format!("{what}: no JSON body where openapi.json has one"))
            }
            _ => {}
        }
    }
    found
}

/// Panics with every disagreement found.
pub fn assert_valid(exchanges: &[Exchange]) {
    report(problems(exchanges));
}

/// Like [`assert_valid`], for tests that send invalid bodies on purpose:
/// the body of a request Discord refused with 400 is not checked.
pub fn assert_valid_but_refused_requests(exchanges: &[Exchange]) {
    report(check(exchanges, false));
}

fn report(found: Vec<String>) {
    assert!(
        found.is_empty(),
        "{} REST exchange(s) disagree with Discord's OpenAPI description:\n{}",
        found.len(),
        found.join("\n")
    );
}
