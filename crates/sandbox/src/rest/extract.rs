//! Request parts the handlers take, failing the way Discord does: a bad
//! token is 401, a bad id or body is 400 with code 50035.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Multipart, Path, Query, Request};
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use crate::error::ApiError;
use crate::ids::Snowflake;
use crate::shared::Shared;
use crate::state::Upload;

/// The caller is the bot: `Authorization: Bot <token>` with the sandbox's token.
pub struct BotAuth(pub Snowflake);

impl FromRequestParts<Arc<Shared>> for BotAuth {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &Arc<Shared>) -> Result<Self, ApiError> {
        let given = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .map(|v| v.strip_prefix("Bot ").unwrap_or(v).trim());
        if given == Some(state.config.token.as_str()) {
            Ok(BotAuth(state.config.bot_id))
        } else {
            Err(ApiError::unauthorized())
        }
    }
}

/// Path parameters (snowflakes, tokens).
pub struct Ids<T>(pub T);

impl<T, S> FromRequestParts<S> for Ids<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        Path::<T>::from_request_parts(parts, state)
            .await
            .map(|Path(value)| Ids(value))
            .map_err(|e| ApiError::invalid_field("_path", "NUMBER_TYPE_COERCE", e.body_text()))
    }
}

/// Query parameters. Serenity writes `?&limit=50`; empty pairs are fine.
pub struct Params<T>(pub T);

impl<T, S> FromRequestParts<S> for Params<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        Query::<T>::from_request_parts(parts, state)
            .await
            .map(|Query(value)| Params(value))
            .map_err(|e| ApiError::invalid_field("_query", "BASE_TYPE_INVALID", e.body_text()))
    }
}

/// A JSON body, or a multipart body with `payload_json` and `files[n]`.
pub struct Body<T> {
    pub value: T,
    pub uploads: Vec<Upload>,
}

impl<T, S> FromRequest<S> for Body<T>
where
    T: DeserializeOwned + Default + Send,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        let content_type = req
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        if content_type.starts_with("multipart/form-data") {
            return from_multipart(req, state).await;
        }
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(|e| ApiError::malformed(e.body_text()))?;
        let value = if bytes.is_empty() {
            T::default()
        } else {
            serde_json::from_slice(&bytes).map_err(ApiError::malformed)?
        };
        Ok(Body {
            value,
            uploads: Vec::new(),
        })
    }
}

async fn from_multipart<T, S>(req: Request, state: &S) -> Result<Body<T>, ApiError>
where
    T: DeserializeOwned + Default + Send,
    S: Send + Sync,
{
    let mut form = Multipart::from_request(req, state)
        .await
        .map_err(|e| ApiError::malformed(e.body_text()))?;
    let mut value = None;
    let mut uploads = Vec::new();
    while let Some(field) = form.next_field().await.map_err(ApiError::malformed)? {
        let name = field.name().unwrap_or("").to_string();
        if name == "payload_json" {
            let text = field.text().await.map_err(ApiError::malformed)?;
            value = Some(serde_json::from_str(&text).map_err(ApiError::malformed)?);
            continue;
        }
        let index = name
            .strip_prefix("files[")
            .and_then(|rest| rest.strip_suffix(']'))
            .and_then(|n| n.parse::<u64>().ok())
            .ok_or_else(|| {
                ApiError::invalid_field(&name, "BASE_TYPE_INVALID", "Unknown multipart field")
            })?;
        let filename = field.file_name().unwrap_or("file").to_string();
        let content_type = field.content_type().map(str::to_string);
        let data = field.bytes().await.map_err(ApiError::malformed)?.to_vec();
        uploads.push(Upload {
            index,
            filename,
            content_type,
            data,
        });
    }
    Ok(Body {
        value: value.unwrap_or_default(),
        uploads,
    })
}
