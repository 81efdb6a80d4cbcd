//! Every REST exchange, kept so that tests can check the bodies against
//! Discord's OpenAPI description (and read what the bot did).

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Mutex;

use serde::Serialize;
use serde_json::Value;

/// One request and its answer.
#[derive(Clone, Debug, Serialize)]
pub struct Exchange {
    pub method: String,
    /// The path after `/api/v10`, e.g. `/channels/123/messages`.
    pub path: String,
    pub query: Option<String>,
    /// The sandbox route it matched (an OpenAPI-style template), if any.
    pub route: Option<String>,
    pub status: u16,
    pub request_content_type: Option<String>,
    /// The JSON body (for multipart bodies: the `payload_json` part).
    pub request_body: Option<Value>,
    pub response_body: Option<Value>,
    /// Names of uploaded files (multipart parts other than `payload_json`).
    pub uploads: Vec<String>,
}

pub struct Recorder {
    exchanges: Mutex<Vec<Exchange>>,
    enabled: AtomicBool,
    /// Every exchange, kept or not (benchmarks count calls with the
    /// bodies switched off).
    total: AtomicU64,
}

impl Default for Recorder {
    fn default() -> Self {
        Recorder {
            exchanges: Mutex::new(Vec::new()),
            enabled: AtomicBool::new(true),
            total: AtomicU64::new(0),
        }
    }
}

impl Recorder {
    pub fn push(&self, exchange: Exchange) {
        self.total.fetch_add(1, Ordering::Relaxed);
        if self.enabled.load(Ordering::Relaxed) {
            self.lock().push(exchange);
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Exchange>> {
        self.exchanges.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A copy of everything recorded so far.
    pub fn all(&self) -> Vec<Exchange> {
        self.lock().clone()
    }

    /// Everything recorded so far, emptying the record.
    pub fn take(&self) -> Vec<Exchange> {
        std::mem::take(&mut *self.lock())
    }

    pub fn len(&self) -> usize {
        self.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether exchanges are kept (their bodies are worth reading).
    pub fn is_enabled(&self) -> bool {
        self.enabled.load(Ordering::Relaxed)
    }

    /// Counts an exchange that is not kept.
    pub fn count(&self) {
        self.total.fetch_add(1, Ordering::Relaxed);
    }

    /// How many exchanges there have been, recorded or not.
    pub fn total(&self) -> u64 {
        self.total.load(Ordering::Relaxed)
    }

    /// Benchmarks switch recording off to keep memory flat.
    pub fn set_enabled(&self, enabled: bool) {
        self.enabled.store(enabled, Ordering::Relaxed);
    }
}
