//! Turning results into HTTP answers.

use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

use crate::error::ApiError;

pub type Answer = Result<Response, ApiError>;

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = (status, Json(self.body())).into_response();
        if let Some(limit) = self.rate_limit {
            let headers = response.headers_mut();
            if let Ok(value) = HeaderValue::from_str(&format!("{}", limit.retry_after.ceil())) {
                headers.insert("retry-after", value);
            }
            let scope = if limit.global { "global" } else { "user" };
            headers.insert("x-ratelimit-scope", HeaderValue::from_static(scope));
            if limit.global {
                headers.insert("x-ratelimit-global", HeaderValue::from_static("true"));
            } else {
                // A route's bucket is spent, as Discord says on every such 429.
                headers.insert("x-ratelimit-limit", HeaderValue::from_static("5"));
                headers.insert("x-ratelimit-remaining", HeaderValue::from_static("0"));
                headers.insert("x-ratelimit-bucket", HeaderValue::from_static("sandbox"));
                let reset_after = format!("{:.3}", limit.retry_after);
                if let Ok(value) = HeaderValue::from_str(&reset_after) {
                    headers.insert("x-ratelimit-reset-after", value);
                }
                let reset = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_secs_f64() + limit.retry_after)
                    .unwrap_or_default();
                if let Ok(value) = HeaderValue::from_str(&format!("{reset:.3}")) {
                    headers.insert("x-ratelimit-reset", value);
                }
            }
        }
        response
    }
}

pub fn ok<T: Serialize>(value: &T) -> Response {
    Json(value).into_response()
}

pub fn created<T: Serialize>(value: &T) -> Response {
    (StatusCode::CREATED, Json(value)).into_response()
}

pub fn no_content() -> Response {
    StatusCode::NO_CONTENT.into_response()
}
