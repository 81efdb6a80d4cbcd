//! Around every REST call: count it in flight, add the planned latency or
//! failure (or hold it, for a staged crash), count it against its rate
//! limit bucket, and record the exchange.

use std::sync::Arc;

use axum::body::{to_bytes, Body};
use axum::extract::{FromRequest, MatchedPath, Multipart, Request, State};
use axum::http::header::CONTENT_TYPE;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use super::{limits, API_PREFIX, BODY_LIMIT};
use crate::error::ApiError;
use crate::faults::CutCheck;
use crate::record::Exchange;
use crate::shared::Shared;

/// Marks a request in flight for as long as it lives, even if the client
/// goes away mid-request.
struct InFlight(Arc<Shared>);

impl InFlight {
    fn start(shared: &Arc<Shared>) -> Self {
        shared.request_started();
        InFlight(shared.clone())
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.request_finished();
    }
}

pub async fn observe(
    State(shared): State<Arc<Shared>>,
    matched: Option<MatchedPath>,
    request: Request,
    next: Next,
) -> Response {
    let _in_flight = InFlight::start(&shared);
    let route = matched.map(|m| m.as_str().trim_start_matches(API_PREFIX).to_string());
    let method = request.method().to_string();
    let path = request
        .uri()
        .path()
        .trim_start_matches(API_PREFIX)
        .to_string();
    let query = request.uri().query().map(str::to_string);
    let content_type = request
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let (parts, body) = request.into_parts();
    let Ok(bytes) = to_bytes(body, BODY_LIMIT).await else {
        return ApiError::malformed("request body too large").into_response();
    };
    // Reading the bodies is for the record; a benchmark switches it off.
    let recording = shared.recorder.is_enabled();
    let (request_body, uploads) = if recording {
        readable_body(content_type.as_deref(), &bytes).await
    } else {
        (None, Vec::new())
    };

    let latency = shared.faults.latency_for(&method, route.as_deref());
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    let cut = shared.faults.check_cut();
    if cut == CutCheck::HangBefore {
        shared.faults.held().await;
        return ApiError::server_error().into_response();
    }
    let verdict = route
        .as_deref()
        .map(|r| shared.limits.check(&method, r, &path));
    let refused = verdict.as_ref().and_then(|v| v.refused);
    let planned = match refused {
        Some(_) => None,
        None => route
            .as_deref()
            .and_then(|r| shared.faults.take(&method, r)),
    };
    let mut response = match (refused, planned) {
        (Some(refusal), _) => limits::refused(refusal),
        (None, Some(failure)) => failure.error().into_response(),
        (None, None) => {
            next.run(Request::from_parts(parts, Body::from(bytes)))
                .await
        }
    };
    if let Some(verdict) = &verdict {
        limits::add_headers(&mut response, verdict);
    }
    if cut == CutCheck::HangAfter {
        shared.faults.held().await;
        return ApiError::server_error().into_response();
    }

    if !recording {
        shared.recorder.count();
        return response;
    }
    let (parts, body) = response.into_parts();
    let bytes = to_bytes(body, usize::MAX).await.unwrap_or_default();
    shared.recorder.push(Exchange {
        method,
        path,
        query,
        route,
        status: parts.status.as_u16(),
        request_content_type: content_type,
        request_body,
        response_body: serde_json::from_slice(&bytes).ok(),
        uploads,
    });
    Response::from_parts(parts, Body::from(bytes))
}

/// The JSON of a body: as is, or the `payload_json` of a multipart body
/// (with the names of the uploaded files).
async fn readable_body(content_type: Option<&str>, bytes: &[u8]) -> (Option<Value>, Vec<String>) {
    let Some(content_type) = content_type else {
        return (serde_json::from_slice(bytes).ok(), Vec::new());
    };
    if !content_type.starts_with("multipart/form-data") {
        return (serde_json::from_slice(bytes).ok(), Vec::new());
    }
    let Ok(request) = Request::builder()
        .header(CONTENT_TYPE, content_type)
        .body(Body::from(bytes.to_vec()))
    else {
        return (None, Vec::new());
    };
    let Ok(mut form) = Multipart::from_request(request, &()).await else {
        return (None, Vec::new());
    };
    let mut json = None;
    let mut files = Vec::new();
    while let Ok(Some(field)) = form.next_field().await {
        if field.name() == Some("payload_json") {
            json = field
                .text()
                .await
                .ok()
                .and_then(|t| serde_json::from_str(&t).ok());
        } else {
            files.push(field.file_name().unwrap_or("").to_string());
        }
    }
    (json, files)
}
