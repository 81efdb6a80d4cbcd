//! A rate limit verdict as Discord writes it
//! (`developers/topics/rate-limits.mdx#Header Format`, `#Exceeding A Rate Limit`).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::http::{HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;
use crate::limits::{Refusal, Verdict};

/// The 429 of a spent bucket or of the global limit.
pub fn refused(refusal: Refusal) -> Response {
    match refusal {
        Refusal::Route { retry_after } => {
            ApiError::rate_limited(retry_after.as_secs_f64(), false).into_response()
        }
        Refusal::Global { retry_after } => {
            ApiError::rate_limited(retry_after.as_secs_f64(), true).into_response()
        }
    }
}

/// `X-RateLimit-Limit/Remaining/Reset/Reset-After/Bucket` on every answer
/// of a route (a global 429 carries only its own). A planned failure's
/// answer keeps the headers it came with.
pub fn add_headers(response: &mut Response, verdict: &Verdict) {
    let headers = response.headers_mut();
    if headers.contains_key("x-ratelimit-global")
        || (verdict.refused.is_none() && headers.contains_key("x-ratelimit-bucket"))
    {
        return;
    }
    let reset = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .saturating_add(verdict.reset_after);
    set(headers, "x-ratelimit-limit", verdict.limit.to_string());
    set(
        headers,
        "x-ratelimit-remaining",
        verdict.remaining.to_string(),
    );
    set(headers, "x-ratelimit-reset", seconds(reset));
    set(
        headers,
        "x-ratelimit-reset-after",
        seconds(verdict.reset_after),
    );
    set(headers, "x-ratelimit-bucket", verdict.bucket.clone());
}

/// Seconds with millisecond decimals, as Discord writes them.
fn seconds(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64())
}

fn set(headers: &mut HeaderMap, name: &'static str, value: String) {
    if let Ok(value) = HeaderValue::from_str(&value) {
        headers.insert(name, value);
    }
}
