//! Faults on demand: the next N calls of a route fail with 500 or 429, a
//! random share of every call fails (seeded, so a run can be repeated), a
//! latency added to every answer or to one route's, and a staged crash (every call hangs
//! after the N-th). (Gateway drops, deletions behind the
//! bot's back and members leaving are on [`crate::FaultControl`].)

use std::sync::Mutex;
use std::time::Duration;

use thiserror::Error;

use crate::error::ApiError;
use crate::rest::ROUTES;

/// How a planned call fails.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Failure {
    /// 500 Internal Server Error.
    ServerError,
    /// 429 with `retry_after` seconds; `global` marks the global rate limit.
    RateLimited { retry_after: f64, global: bool },
}

impl Failure {
    pub fn error(self) -> ApiError {
        match self {
            Failure::ServerError => ApiError::server_error(),
            Failure::RateLimited {
                retry_after,
                global,
            } => ApiError::rate_limited(retry_after, global),
        }
    }
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum FaultError {
    #[error("`{0}` is not a route the sandbox serves (write it like `POST /channels/{{channel_id}}/messages`)")]
    UnknownRoute(String),
}

#[derive(Debug)]
struct Planned {
    method: String,
    route: String,
    remaining: u32,
    failure: Failure,
}

/// A random share of REST calls failing, from a seed.
#[derive(Clone, Copy, Debug, PartialEq, serde::Deserialize, serde::Serialize)]
pub struct RandomFaults {
    /// The share of calls that fail, 0.0–1.0 (0.05: one call in twenty).
    pub rate: f64,
    /// The seed of the generator deciding which calls fail and how.
    pub seed: u64,
    /// Of the failed calls, the share answered 429 (the rest 500).
    #[serde(default = "half")]
    pub rate_limited_share: f64,
    /// The `retry_after` of those 429s, in seconds.
    #[serde(default = "short_wait")]
    pub retry_after: f64,
}

fn half() -> f64 {
    0.5
}

fn short_wait() -> f64 {
    0.05
}

/// How many faults were injected so far.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FaultCounts {
    /// Answered 500.
    pub server_errors: u64,
    /// Answered 429.
    pub rate_limited: u64,
}

impl FaultCounts {
    pub fn total(&self) -> u64 {
        self.server_errors + self.rate_limited
    }
}

#[derive(Debug)]
struct RandomPlan {
    faults: RandomFaults,
    rng: fastrand::Rng,
}

#[derive(Debug, Default)]
struct Plan {
    failures: Vec<Planned>,
    random: Option<RandomPlan>,
    latency: Duration,
    /// Latency of one route (method, route), instead of `latency`.
    route_latency: Vec<(String, String, Duration)>,
    injected: FaultCounts,
}

/// A staged crash of the bot: after a number of REST calls, every call
/// hangs unanswered until [`Faults::clear_cut`] (the test kills the bot
/// meanwhile). The call that trips it is carried out first (`applied`: a
/// crash right after it) or not at all (a crash right before it).
#[derive(Debug)]
struct Cut {
    remaining: u64,
    applied: bool,
    tripped: bool,
}

/// What the cut does to one call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CutCheck {
    Pass,
    /// Hang without carrying the call out.
    HangBefore,
    /// Carry the call out, then hang instead of answering.
    HangAfter,
}

#[derive(Debug, Default)]
pub struct Faults {
    plan: Mutex<Plan>,
    cut: Mutex<Option<Cut>>,
    /// Wakes the calls a cut holds when it is cleared.
    released: tokio::sync::Notify,
}

impl Faults {
    fn lock(&self) -> std::sync::MutexGuard<'_, Plan> {
        self.plan.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Makes the next `times` calls of `route` (`"POST /channels/{channel_id}/messages"`)
    /// fail with `failure`.
    pub fn fail_next(&self, route: &str, times: u32, failure: Failure) -> Result<(), FaultError> {
        let (method, path) = known_route(route)?;
        self.lock().failures.push(Planned {
            method,
            route: path,
            remaining: times,
            failure,
        });
        Ok(())
    }

    /// The failure for this call, if one is planned or drawn (and counts it).
    pub fn take(&self, method: &str, route: &str) -> Option<Failure> {
        let mut guard = self.lock();
        let plan = &mut *guard;
        let failure = match plan
            .failures
            .iter_mut()
            .find(|p| p.remaining > 0 && p.method == method && p.route == route)
        {
            Some(planned) => {
                planned.remaining -= 1;
                let failure = planned.failure;
                plan.failures.retain(|p| p.remaining > 0);
                Some(failure)
            }
            None => plan.random.as_mut().and_then(RandomPlan::draw),
        }?;
        match failure {
            Failure::ServerError => plan.injected.server_errors += 1,
            Failure::RateLimited { .. } => plan.injected.rate_limited += 1,
        }
        Some(failure)
    }

    /// From now on a random share of every call fails (replacing an
    /// earlier random plan; `None` stops it).
    pub fn set_random(&self, random: Option<RandomFaults>) {
        self.lock().random = random.map(|faults| RandomPlan {
            faults,
            rng: fastrand::Rng::with_seed(faults.seed),
        });
    }

    /// The faults injected so far (planned and random).
    pub fn injected(&self) -> FaultCounts {
        self.lock().injected
    }

    /// Adds `latency` before every REST answer.
    pub fn set_latency(&self, latency: Duration) {
        self.lock().latency = latency;
    }

    pub fn latency(&self) -> Duration {
        self.lock().latency
    }

    /// Adds `latency` before every answer of `route`
    /// (`"POST /channels/{channel_id}/messages"`), instead of the latency
    /// of every route: Discord's routes are not all as fast.
    pub fn set_route_latency(&self, route: &str, latency: Duration) -> Result<(), FaultError> {
        let (method, path) = known_route(route)?;
        let mut plan = self.lock();
        plan.route_latency
            .retain(|(m, p, _)| !(*m == method && *p == path));
        plan.route_latency.push((method, path, latency));
        Ok(())
    }

    /// The latency of one call: its route's, or every route's.
    pub fn latency_for(&self, method: &str, route: Option<&str>) -> Duration {
        let plan = self.lock();
        route
            .and_then(|r| {
                plan.route_latency
                    .iter()
                    .find(|(m, p, _)| m.eq_ignore_ascii_case(method) && p == r)
            })
            .map_or(plan.latency, |(_, _, d)| *d)
    }

    /// Cancels planned failures, random ones and latency (the counts stay).
    pub fn clear(&self) {
        let mut plan = self.lock();
        let injected = plan.injected;
        *plan = Plan {
            injected,
            ..Plan::default()
        };
    }

    fn cut(&self) -> std::sync::MutexGuard<'_, Option<Cut>> {
        self.cut.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Lets `calls` more REST calls through; the next one trips the cut.
    pub fn cut_after(&self, calls: u64, applied: bool) {
        *self.cut() = Some(Cut {
            remaining: calls,
            applied,
            tripped: false,
        });
    }

    /// Whether a call has tripped the cut.
    pub fn cut_tripped(&self) -> bool {
        self.cut().as_ref().is_some_and(|c| c.tripped)
    }

    /// Ends the cut; the calls it held are answered with a 500 (their
    /// client is gone by then).
    pub fn clear_cut(&self) {
        *self.cut() = None;
        self.released.notify_waiters();
    }

    /// What the cut does to this call (and counts it).
    pub fn check_cut(&self) -> CutCheck {
        let mut cut = self.cut();
        let Some(c) = cut.as_mut() else {
            return CutCheck::Pass;
        };
        if c.tripped {
            return CutCheck::HangBefore;
        }
        if c.remaining > 0 {
            c.remaining -= 1;
            return CutCheck::Pass;
        }
        c.tripped = true;
        if c.applied {
            CutCheck::HangAfter
        } else {
            CutCheck::HangBefore
        }
    }

    /// Waits until the cut is cleared.
    pub async fn held(&self) {
        loop {
            let released = self.released.notified();
            if self.cut().is_none() {
                return;
            }
            released.await;
        }
    }
}

/// `"POST /channels/{channel_id}/messages"` as (method, route), if the
/// sandbox serves it.
fn known_route(route: &str) -> Result<(String, String), FaultError> {
    let (method, path) = route
        .split_once(' ')
        .map(|(m, p)| (m.trim().to_ascii_uppercase(), p.trim().to_string()))
        .ok_or_else(|| FaultError::UnknownRoute(route.to_string()))?;
    let known = ROUTES
        .iter()
        .any(|(m, p)| m.eq_ignore_ascii_case(&method) && *p == path);
    if !known {
        return Err(FaultError::UnknownRoute(route.to_string()));
    }
    Ok((method, path))
}

impl RandomPlan {
    fn draw(&mut self) -> Option<Failure> {
        if self.rng.f64() >= self.faults.rate {
            return None;
        }
        Some(if self.rng.f64() < self.faults.rate_limited_share {
            Failure::RateLimited {
                retry_after: self.faults.retry_after,
                global: false,
            }
        } else {
            Failure::ServerError
        })
    }
}

/// Faults on demand for one sandbox: REST failures and latency, gateway
/// drops, things deleted behind the bot's back, members leaving.
pub struct FaultControl<'a> {
    pub(crate) shared: &'a crate::shared::Shared,
}

impl FaultControl<'_> {
    /// The next `times` calls of `route` fail (`"POST /channels/{channel_id}/messages"`).
    pub fn fail_next(&self, route: &str, times: u32, failure: Failure) -> Result<(), FaultError> {
        self.shared.faults.fail_next(route, times, failure)
    }

    /// Adds `latency` before every REST answer.
    pub fn set_latency(&self, latency: Duration) {
        self.shared.faults.set_latency(latency);
    }

    /// Adds `latency` before every answer of one route
    /// (`"POST /interactions/{interaction_id}/{interaction_token}/callback"`),
    /// instead of the latency of every route.
    pub fn set_route_latency(&self, route: &str, latency: Duration) -> Result<(), FaultError> {
        self.shared.faults.set_route_latency(route, latency)
    }

    /// A random share of every REST call fails from now on (500 or 429,
    /// drawn from `random.seed`); `None` stops it.
    pub fn set_random(&self, random: Option<RandomFaults>) {
        self.shared.faults.set_random(random);
    }

    /// The faults injected so far.
    pub fn injected(&self) -> FaultCounts {
        self.shared.faults.injected()
    }

    /// Cancels planned failures, random ones and latency.
    pub fn clear(&self) {
        self.shared.faults.clear();
    }

    /// Stages a crash: `calls` more REST calls go through, then every call
    /// hangs unanswered; the one that trips it is carried out first when
    /// `applied`. Kill the bot once [`FaultControl::cut_tripped`], then
    /// [`FaultControl::clear_cut`].
    pub fn cut_after(&self, calls: u64, applied: bool) {
        self.shared.faults.cut_after(calls, applied);
    }

    pub fn cut_tripped(&self) -> bool {
        self.shared.faults.cut_tripped()
    }

    pub fn clear_cut(&self) {
        self.shared.faults.clear_cut();
    }

    /// Cuts every gateway connection without a close frame, like a network
    /// drop. Sessions stay resumable and keep collecting events.
    pub fn drop_gateway(&self) {
        use crate::gateway::hub::Outbound;
        self.shared
            .write(|w| w.gateway.broadcast(|| Outbound::Drop));
    }

    /// Closes every gateway connection with `code` (4000 lets clients resume).
    pub fn close_gateway(&self, code: u16) {
        use crate::gateway::hub::Outbound;
        self.shared.write(|w| {
            w.gateway
                .broadcast(|| Outbound::Close(code, "sandbox fault".to_string()))
        });
    }

    /// Sends op 7 RECONNECT: clients reconnect and resume.
    pub fn request_reconnect(&self) {
        self.send_op(crate::wire::gateway::OP_RECONNECT, serde_json::Value::Null);
    }

    /// Sends op 9 INVALID_SESSION. When not resumable the sessions are
    /// forgotten, so the client must identify again (serenity then waits
    /// about 5 s in its shard queue before it does).
    pub fn invalidate_sessions(&self, resumable: bool) {
        self.send_op(
            crate::wire::gateway::OP_INVALID_SESSION,
            serde_json::Value::Bool(resumable),
        );
        if !resumable {
            self.shared.write(|w| {
                for id in w.gateway.session_ids() {
                    w.gateway.invalidate(&id);
                }
            });
        }
    }

    fn send_op(&self, op: u8, data: serde_json::Value) {
        use crate::gateway::hub::Outbound;
        use crate::wire::gateway::FrameOut;
        let frame = FrameOut {
            op,
            d: &data,
            s: None,
            t: None,
        };
        if let Ok(text) = serde_json::to_string(&frame) {
            self.shared
                .write(|w| w.gateway.broadcast(|| Outbound::Text(text.clone())));
        }
    }

    /// Delivers the last event called `name` (e.g. `INTERACTION_CREATE`)
    /// once more, as a duplicate delivery. False if there was none.
    pub fn replay_last(&self, name: &str) -> bool {
        self.shared.write(|w| w.gateway.replay(name))
    }

    /// Deletes a channel or thread as an admin would, without the bot.
    pub fn delete_channel(&self, channel: &crate::ChannelRef) -> Result<(), ApiError> {
        let id = crate::ids::Snowflake(channel.id);
        self.shared.write(|w| w.remove_channel(id))
    }

    /// Discord holds an older registration of the global command `name`
    /// than the bot's code (another deployment registered it, or Discord
    /// has not caught up): `change` edits the registered options, so the
    /// client lets people send what the bot no longer expects. False if no
    /// such command is registered.
    pub fn stale_command(
        &self,
        name: &str,
        change: impl FnOnce(&mut Vec<crate::wire::command::CommandOption>),
    ) -> bool {
        self.shared.write(
            |w| match w.commands.global.iter_mut().find(|c| c.name == name) {
                Some(c) => {
                    change(&mut c.options);
                    true
                }
                None => false,
            },
        )
    }

    /// A member leaves the server.
    pub fn member_leaves(&self, person: &crate::Person) -> Result<(), ApiError> {
        let user = crate::ids::Snowflake(person.id());
        self.shared.write(|w| {
            let guild = w
                .main_guild()
                .map(|g| g.id)
                .ok_or_else(ApiError::unknown_guild)?;
            w.remove_member(guild, user)
        })
    }
}
