//! Checks recorded REST exchanges against Discord's OpenAPI description:
//! every response body against its operation's response schema (by
//! status), every JSON request body against the request schema. The whole
//! document is the registry root, so `$ref`s resolve as written.
//!
//! Use from any test crate: `mod support;` then
//! `support::openapi::assert_valid(&sandbox.exchanges())`.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use jsonschema::{Draft, Registry, Validator};
use serde_json::Value;
use supportline::sandbox::Exchange;

const BASE: &str = "https://discord.local/openapi.json";

struct OpenApi {
    doc: Value,
    registry: Registry<'static>,
    validators: Mutex<HashMap<String, Option<Arc<Validator>>>>,
}

/// Where the description lives: `$DISCORD_OPENAPI` or `../shared/discord/openapi.json`.
fn document_path() -> PathBuf {
    std::env::var_os("DISCORD_OPENAPI")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/discord/openapi.json")
        })
}

fn openapi() -> &'static OpenApi {
    static DOC: OnceLock<OpenApi> = OnceLock::new();
    DOC.get_or_init(|| {
        let path = document_path();
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
        OpenApi {
            doc,
            registry,
            validators: Mutex::new(HashMap::new()),
        }
    })
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
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// Every way the exchanges disagree with Discord's description.
pub fn problems(exchanges: &[Exchange]) -> Vec<String> {
    let api = openapi();
    let mut found = Vec::new();
    for exchange in exchanges {
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
        if let (Some(body), Some(schema)) =
            (&exchange.request_body, request_schema(&api.doc, operation))
        {
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
    let found = problems(exchanges);
    assert!(
        found.is_empty(),
        "{} REST exchange(s) disagree with Discord's OpenAPI description:\n{}",
        found.len(),
        found.join("\n")
    );
}
