//! Discord's rate limits (`developers/topics/rate-limits.mdx`): every REST
//! call counts against its route's bucket, keyed by the top-level resource
//! in its path (`channel_id`, `guild_id`, `webhook_id` + token), and against
//! the bot's global limit of 50 calls a second, which interaction
//! endpoints are not bound by. A spent bucket answers 429 with
//! `retry_after`; every answer says what is left in `X-RateLimit-*`.
//!
//! Discord does not document its bucket sizes ("should not be hard coded");
//! the numbers of [`RateLimits::discord_like`] are the sandbox's choice,
//! after what bots observe (5 messages per 5 s in one channel).
//! Windows run on real time, not the sandbox's clock: the client waits
//! them out with its own clock.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// `limit` calls per `window`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quota {
    pub limit: u32,
    pub window: Duration,
}

impl Quota {
    pub const fn per(limit: u32, window: Duration) -> Self {
        Quota { limit, window }
    }
}

/// The sandbox's bucket sizes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateLimits {
    /// `POST /channels/{channel_id}/messages`, per channel.
    pub message_create: Quota,
    /// The interaction webhook routes (follow-ups, the original answer),
    /// per interaction token.
    pub webhook: Quota,
    /// `POST /interactions/{id}/{token}/callback`, per interaction.
    pub interaction_callback: Quota,
    /// Every other route, per route and top-level resource.
    pub other: Quota,
    /// All calls but interaction endpoints' within one second.
    pub global_per_second: u32,
}

impl RateLimits {
    /// What bots observe on Discord: 5 messages per 5 s per channel,
    /// 5 interaction webhook calls per 2 s, 50 calls a second in all.
    pub const fn discord_like() -> Self {
        RateLimits {
            message_create: Quota::per(5, Duration::from_secs(5)),
            webhook: Quota::per(5, Duration::from_secs(2)),
            interaction_callback: Quota::per(5, Duration::from_secs(1)),
            other: Quota::per(10, Duration::from_secs(1)),
            global_per_second: 50,
        }
    }

    /// Buckets no test fills: for suites whose subject is not rate limits
    /// (the headers still come, and serenity still reads them).
    pub const fn generous() -> Self {
        let roomy = Quota::per(10_000, Duration::from_secs(1));
        RateLimits {
            message_create: roomy,
            webhook: roomy,
            interaction_callback: roomy,
            other: roomy,
            global_per_second: 100_000,
        }
    }
}

impl Default for RateLimits {
    fn default() -> Self {
        Self::discord_like()
    }
}

/// What one call came to.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    /// `X-RateLimit-Bucket`: the route's bucket, without its resource.
    pub bucket: String,
    pub limit: u32,
    pub remaining: u32,
    /// Until the bucket is full again.
    pub reset_after: Duration,
    /// Set when the call must not be carried out.
    pub refused: Option<Refusal>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Refusal {
    /// The route's bucket is spent (`X-RateLimit-Scope: user`).
    Route { retry_after: Duration },
    /// The bot's 50 a second are spent (`X-RateLimit-Scope: global`).
    Global { retry_after: Duration },
}

#[derive(Debug)]
struct Window {
    started: Instant,
    used: u32,
}

impl Window {
    /// Counts one call at `now` if `quota` allows; the time until it
    /// resets either way.
    fn take(&mut self, quota: Quota, now: Instant) -> (bool, Duration) {
        if now.duration_since(self.started) >= quota.window {
            self.started = now;
            self.used = 0;
        }
        let reset_after = quota
            .window
            .saturating_sub(now.duration_since(self.started));
        if self.used >= quota.limit {
            return (false, reset_after);
        }
        self.used += 1;
        (true, reset_after)
    }
}

#[derive(Debug, Default)]
struct Counters {
    limits: RateLimits,
    buckets: HashMap<(String, String), Window>,
    global: Option<Window>,
}

/// Every bucket of one sandbox.
#[derive(Debug, Default)]
pub struct RateLimiter {
    counters: Mutex<Counters>,
}

/// Which bucket a route counts against, and whether the global limit
/// applies (`developers/interactions/receiving-and-responding.mdx#Endpoints`:
/// the callback and the webhook routes of an interaction token).
struct Route<'a> {
    name: &'a str,
    quota: Quota,
    global: bool,
}

fn classify<'a>(limits: &RateLimits, method: &str, route: &'a str) -> Route<'a> {
    if route.starts_with("/interactions/") {
        Route {
            name: route,
            quota: limits.interaction_callback,
            global: false,
        }
    } else if route.starts_with("/webhooks/") {
        // One bucket for all of a token's webhook routes.
        Route {
            name: "/webhooks/{webhook_id}/{webhook_token}",
            quota: limits.webhook,
            global: false,
        }
    } else if method.eq_ignore_ascii_case("POST") && route == "/channels/{channel_id}/messages" {
        Route {
            name: route,
            quota: limits.message_create,
            global: true,
        }
    } else {
        Route {
            name: route,
            quota: limits.other,
            global: true,
        }
    }
}

/// The top-level resources of `path` (`/channels/7/messages`) under the
/// template `route` (`/channels/{channel_id}/messages`): "7".
fn major(route: &str, path: &str) -> String {
    const MAJOR: [&str; 6] = [
        "{channel_id}",
        "{guild_id}",
        "{webhook_id}",
        "{webhook_token}",
        "{interaction_id}",
        "{interaction_token}",
    ];
    route
        .split('/')
        .zip(path.split('/'))
        .filter(|(template, _)| MAJOR.contains(template))
        .map(|(_, value)| value)
        .collect::<Vec<_>>()
        .join("/")
}

/// A stable name for a bucket, as Discord's opaque hashes are.
fn bucket_id(method: &str, name: &str) -> String {
    // FNV-1a: stable across runs and platforms, unlike the std hasher.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in method.bytes().chain(name.bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

impl RateLimiter {
    fn lock(&self) -> std::sync::MutexGuard<'_, Counters> {
        self.counters.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// New bucket sizes; the calls counted so far are forgotten.
    pub fn set(&self, limits: RateLimits) {
        *self.lock() = Counters {
            limits,
            ..Counters::default()
        };
    }

    pub fn limits(&self) -> RateLimits {
        self.lock().limits
    }

    /// Counts a call of `method route` at `path` (both without `/api/v10`).
    pub fn check(&self, method: &str, route: &str, path: &str) -> Verdict {
        self.check_at(method, route, path, Instant::now())
    }

    fn check_at(&self, method: &str, route: &str, path: &str, now: Instant) -> Verdict {
        let mut counters = self.lock();
        let counters = &mut *counters;
        let limits = counters.limits;
        let class = classify(&limits, method, route);
        let bucket = bucket_id(method, class.name);
        // A call refused globally is not counted against its route.
        if class.global {
            let global = counters.global.get_or_insert(Window {
                started: now,
                used: 0,
            });
            let quota = Quota::per(limits.global_per_second, Duration::from_secs(1));
            let (taken, retry_after) = global.take(quota, now);
            if !taken {
                return Verdict {
                    bucket,
                    limit: class.quota.limit,
                    remaining: 0,
                    reset_after: retry_after,
                    refused: Some(Refusal::Global { retry_after }),
                };
            }
        }
        let window = counters
            .buckets
            .entry((bucket.clone(), major(route, path)))
            .or_insert(Window {
                started: now,
                used: 0,
            });
        let (taken, reset_after) = window.take(class.quota, now);
        Verdict {
            bucket,
            limit: class.quota.limit,
            remaining: class.quota.limit.saturating_sub(window.used),
            reset_after,
            refused: (!taken).then_some(Refusal::Route {
                retry_after: reset_after,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CREATE: &str = "/channels/{channel_id}/messages";

    #[test]
    fn the_sixth_message_in_five_seconds_into_one_channel_waits_and_another_channel_does_not() {
        let limiter = RateLimiter::default();
        let start = Instant::now();
        for left in (0..5).rev() {
            let v = limiter.check_at("POST", CREATE, "/channels/1/messages", start);
            assert_eq!((v.remaining, v.refused), (left, None));
        }
        let sixth = limiter.check_at("POST", CREATE, "/channels/1/messages", start);
        assert_eq!(
            sixth.refused,
            Some(Refusal::Route {
                retry_after: Duration::from_secs(5)
            })
        );
        let elsewhere = limiter.check_at("POST", CREATE, "/channels/2/messages", start);
        assert_eq!(elsewhere.refused, None);
        assert_eq!(elsewhere.bucket, sixth.bucket, "one bucket, two resources");
        let later = start + Duration::from_secs(5);
        let again = limiter.check_at("POST", CREATE, "/channels/1/messages", later);
        assert_eq!((again.remaining, again.refused), (4, None));
    }

    #[test]
    fn fifty_calls_a_second_in_all_then_a_global_429_but_interactions_go_on() {
        let limiter = RateLimiter::default();
        let now = Instant::now();
        for n in 0..50 {
            let path = format!("/channels/{n}");
            let v = limiter.check_at("GET", "/channels/{channel_id}", &path, now);
            assert_eq!(v.refused, None, "call {n}");
        }
        let over = limiter.check_at("GET", "/channels/{channel_id}", "/channels/99", now);
        assert!(matches!(over.refused, Some(Refusal::Global { .. })));
        let callback = limiter.check_at(
            "POST",
            "/interactions/{interaction_id}/{interaction_token}/callback",
            "/interactions/5/tok/callback",
            now,
        );
        assert_eq!(callback.refused, None);
        let followup = limiter.check_at(
            "POST",
            "/webhooks/{webhook_id}/{webhook_token}",
            "/webhooks/3/tok",
            now,
        );
        assert_eq!(followup.refused, None);
    }

    #[test]
    fn the_major_parameters_are_the_top_level_resources() {
        assert_eq!(
            major(
                "/channels/{channel_id}/messages/{message_id}",
                "/channels/7/messages/9"
            ),
            "7"
        );
        assert_eq!(
            major(
                "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}",
                "/webhooks/3/abc/messages/4"
            ),
            "3/abc"
        );
        assert_eq!(major("/users/@me", "/users/@me"), "");
    }
}
