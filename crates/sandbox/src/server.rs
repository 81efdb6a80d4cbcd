//! Starting and stopping a sandbox, and connecting serenity to it.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::serve::ListenerExt;
use thiserror::Error;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use tokio::time::Instant;

use crate::driver::waiting;
use crate::driver::DriverError;
use crate::faults::FaultControl;
use crate::gateway::hub::Outbound;
use crate::ids::Snowflake;
use crate::limits::RateLimits;
use crate::rest;
use crate::shared::Shared;
use crate::spec::{Privileged, ServerSpec, SpecError};
use crate::state::{DiscordState, WorldConfig};
use crate::tls::{self, TlsListener};

#[derive(Debug, Error)]
pub enum SandboxError {
    #[error("the sandbox could not listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error(transparent)]
    Spec(#[from] SpecError),
    #[error("the sandbox's TLS certificate: {0}")]
    Tls(#[from] tokio_rustls::rustls::Error),
}

/// A running imitation of Discord: REST under `{base_url}/api/v10` and the
/// gateway at `ws://…` on the same port.
pub struct Sandbox {
    pub(crate) shared: Arc<Shared>,
    addr: SocketAddr,
    /// Where the same API is served as `https://discord.com` (see [`crate::tls`]).
    tls_addr: SocketAddr,
    shutdown: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
    tls_task: Option<JoinHandle<()>>,
    pub(crate) patience: Duration,
    pub(crate) quiet: Duration,
}

/// How to run a sandbox beyond its server description.
#[derive(Clone, Debug)]
pub struct SandboxOptions {
    /// Where to listen; port 0 picks a free port. Default 127.0.0.1:0.
    pub bind: SocketAddr,
    /// The bot token to accept; a random one when `None`. Set it when a
    /// separate bot process brings its own `DISCORD_TOKEN`.
    pub token: Option<String>,
    /// The shard count GET /gateway/bot recommends. Default 1.
    pub shards: u32,
    /// The bucket sizes of Discord's rate limits. Default
    /// [`RateLimits::discord_like`].
    pub rate_limits: RateLimits,
    /// The gateway's `heartbeat_interval`. Default Discord's usual 41.25 s.
    pub heartbeat_interval: Duration,
}

impl Default for SandboxOptions {
    fn default() -> Self {
        SandboxOptions {
            bind: SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
            token: None,
            shards: 1,
            rate_limits: RateLimits::discord_like(),
            heartbeat_interval: Duration::from_millis(crate::gateway::HEARTBEAT_INTERVAL_MS),
        }
    }
}

/// How long `sees_*`, `settled` and `bot_connected` wait by default.
const DEFAULT_PATIENCE: Duration = Duration::from_secs(10);
/// How long nothing must happen for the sandbox to count as settled.
const DEFAULT_QUIET: Duration = Duration::from_millis(150);

impl Sandbox {
    /// Starts on `bind` (port 0 picks a free port) with the server `spec`.
    pub async fn start(bind: SocketAddr, spec: ServerSpec) -> Result<Sandbox, SandboxError> {
        let options = SandboxOptions {
            bind,
            ..SandboxOptions::default()
        };
        Self::start_with(spec, options).await
    }

    /// Starts with explicit options (bind address, token, shard count).
    pub async fn start_with(
        spec: ServerSpec,
        options: SandboxOptions,
    ) -> Result<Sandbox, SandboxError> {
        Self::start_guilds(std::slice::from_ref(&spec), options).await
    }

    /// Starts with one guild per spec (the bot in every one, a member named
    /// in several specs one user in all of them). The guilds' ids spread
    /// them over the shards in turn: with `options.shards` = 2, the first
    /// guild is on one shard, the second on the other, and so on.
    pub async fn start_guilds(
        specs: &[ServerSpec],
        options: SandboxOptions,
    ) -> Result<Sandbox, SandboxError> {
        let bind = options.bind;
        let listener = TcpListener::bind(bind)
            .await
            .map_err(|source| SandboxError::Bind { addr: bind, source })?;
        let addr = listener
            .local_addr()
            .map_err(|source| SandboxError::Bind { addr: bind, source })?;
        let host = if addr.ip().is_unspecified() {
            IpAddr::V4(Ipv4Addr::LOCALHOST)
        } else {
            addr.ip()
        };
        let public = SocketAddr::new(host, addr.port());
        let config = WorldConfig {
            base_url: format!("http://{public}"),
            gateway_url: format!("ws://{public}"),
            token: options
                .token
                .unwrap_or_else(|| format!("sandbox.{:024x}", fastrand::u128(..))),
            application_id: Snowflake(0),
            application_name: String::new(),
            bot_id: Snowflake(0),
            privileged: Privileged {
                message_content: true,
                guild_members: true,
                presences: true,
            },
            shards: options.shards.max(1),
            heartbeat_interval: options.heartbeat_interval,
        };
        let world = DiscordState::build_guilds(specs, config)?;
        let shared = Arc::new(Shared::new(world));
        shared.limits.set(options.rate_limits);
        let app = rest::router(shared.clone());
        let (shutdown, stopped) = oneshot::channel::<()>();
        // Small writes (a gateway event, a short REST answer) go out at
        // once: with Nagle's algorithm a reply could wait ~40 ms for the
        // client's delayed ACK, a delay no Discord client sees.
        let listener = listener.tap_io(|tcp| {
            if let Err(error) = tcp.set_nodelay(true) {
                tracing::debug!(%error, "TCP_NODELAY not set");
            }
        });
        let task = tokio::spawn(async move {
            let serve = axum::serve(listener, app).with_graceful_shutdown(async {
                let _ = stopped.await;
            });
            if let Err(error) = serve.await {
                tracing::error!(%error, "the sandbox server stopped");
            }
        });
        let tls_bind = SocketAddr::new(host, 0);
        let tls_tcp = TcpListener::bind(tls_bind)
            .await
            .map_err(|source| SandboxError::Bind {
                addr: tls_bind,
                source,
            })?;
        let tls_addr = tls_tcp.local_addr().map_err(|source| SandboxError::Bind {
            addr: tls_bind,
            source,
        })?;
        let tls_listener = TlsListener::new(tls_tcp, tls::acceptor()?);
        let tls_app = rest::router(shared.clone());
        let tls_task = tokio::spawn(async move {
            if let Err(error) = axum::serve(tls_listener, tls_app).await {
                tracing::error!(%error, "the sandbox's TLS server stopped");
            }
        });
        Ok(Sandbox {
            shared,
            addr: public,
            tls_addr,
            shutdown: Some(shutdown),
            task: Some(task),
            tls_task: Some(tls_task),
            patience: DEFAULT_PATIENCE,
            quiet: DEFAULT_QUIET,
        })
    }

    /// New bucket sizes for Discord's rate limits (what was counted so far
    /// is forgotten).
    pub fn set_rate_limits(&self, limits: RateLimits) {
        self.shared.limits.set(limits);
    }

    /// Starts on a free port of 127.0.0.1.
    pub async fn start_local(spec: ServerSpec) -> Result<Sandbox, SandboxError> {
        Self::start(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)), spec).await
    }

    /// Closes every connection and stops serving.
    pub async fn stop(mut self) {
        self.shared
            .write(|w| w.gateway.broadcast(|| Outbound::Drop));
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        if let Some(tls) = self.tls_task.take() {
            tls.abort();
        }
        if let Some(mut task) = self.task.take() {
            // Clients may hold connections open; do not wait on them long.
            if tokio::time::timeout(Duration::from_millis(500), &mut task)
                .await
                .is_err()
            {
                task.abort();
            }
        }
    }

    /// `http://127.0.0.1:PORT` (what `HttpBuilder::proxy` and
    /// `DISCORD_API_BASE` take).
    pub fn base_url(&self) -> &str {
        &self.shared.config.base_url
    }

    /// `ws://127.0.0.1:PORT`, what GET /gateway answers.
    pub fn gateway_url(&self) -> &str {
        &self.shared.config.gateway_url
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The bot token the sandbox accepts (REST and IDENTIFY).
    pub fn token(&self) -> &str {
        &self.shared.config.token
    }

    pub fn application_id(&self) -> u64 {
        self.shared.config.application_id.0
    }

    pub fn bot_user_id(&self) -> u64 {
        self.shared.config.bot_id.0
    }

    /// The first (usually only) guild's id.
    pub fn guild_id(&self) -> u64 {
        self.shared
            .read(|w| w.main_guild().map(|g| g.id.0))
            .unwrap_or_default()
    }

    /// Every guild's id, in the order of the specs it was started with.
    pub fn guild_ids(&self) -> Vec<u64> {
        self.shared.read(|w| w.guilds.keys().map(|g| g.0).collect())
    }

    /// How many interactions people have made so far, in every guild.
    pub fn interactions_created(&self) -> u64 {
        self.shared.read(|w| w.interactions.by_id.len() as u64)
    }

    /// The `[shard_id, num_shards]` of each connected gateway session.
    pub fn live_shards(&self) -> Vec<[u32; 2]> {
        self.shared.read(|w| w.gateway.live_shards())
    }

    /// How many gateway events of each guild went to each shard
    /// (`[shard_id, num_shards]`) so far: one shard per guild when routing
    /// is right.
    pub fn routed(&self) -> std::collections::BTreeMap<u64, Vec<([u32; 2], u64)>> {
        let mut out: std::collections::BTreeMap<u64, Vec<([u32; 2], u64)>> = Default::default();
        for ((guild, shard), n) in self.shared.read(|w| w.gateway.routed()) {
            out.entry(guild.0).or_default().push((shard, n));
        }
        out
    }

    /// Where the REST API is served as `https://discord.com`.
    pub fn tls_addr(&self) -> SocketAddr {
        self.tls_addr
    }

    /// An HTTP client that reaches this sandbox for `https://discord.com`
    /// (and trusts nothing else), for serenity's `HttpBuilder::client`.
    pub fn discord_client(&self) -> reqwest::Client {
        tls::client_for(self.tls_addr)
    }

    /// A serenity HTTP client for the bot, pointed at the sandbox, with its
    /// ratelimiter on as against Discord: it calls `https://discord.com`,
    /// which [`Sandbox::discord_client`] resolves to the sandbox.
    pub fn http_for_bot(&self) -> serenity::http::Http {
        serenity::http::HttpBuilder::new(self.token())
            .client(self.discord_client())
            .application_id(serenity::model::id::ApplicationId::new(
                self.application_id(),
            ))
            .build()
    }

    /// A serenity HTTP client through the plain port with the ratelimiter
    /// off: every 429 comes back as an error instead of being waited out
    /// (for tests of the sandbox's own answers).
    pub fn http_without_ratelimiter(&self) -> serenity::http::Http {
        serenity::http::HttpBuilder::new(self.token())
            .proxy(self.base_url())
            .ratelimiter_disabled(true)
            .application_id(serenity::model::id::ApplicationId::new(
                self.application_id(),
            ))
            .build()
    }

    /// `ClientBuilder::new_with_http(self.http_for_bot(), intents)`: add the
    /// event handler or framework, then `.await` and `start()` as usual.
    pub fn client_builder(
        &self,
        intents: serenity::model::gateway::GatewayIntents,
    ) -> serenity::client::ClientBuilder {
        serenity::client::ClientBuilder::new_with_http(self.http_for_bot(), intents)
    }

    /// How long the driver waits for what people should see (default 10 s).
    pub fn set_patience(&mut self, patience: Duration) {
        self.patience = patience;
    }

    /// How long nothing must happen before [`Sandbox::settled`] returns (default 150 ms).
    pub fn set_quiet_period(&mut self, quiet: Duration) {
        self.quiet = quiet;
    }

    /// Waits until a bot session is connected and has got READY (and
    /// GUILD_CREATE) or RESUMED since `after` handshakes; use
    /// [`Sandbox::handshakes`] to wait for a reconnection.
    pub async fn bot_connected_after(&self, after: u64) -> Result<(), DriverError> {
        let deadline = Instant::now() + self.patience;
        waiting::until(&self.shared, deadline, |w| {
            (w.gateway.handshakes > after && w.gateway.live_sessions() > 0).then_some(())
        })
        .await
        .ok_or_else(|| DriverError::Timeout {
            who: "the bot".to_string(),
            what: "a gateway session".to_string(),
            waited: self.patience,
            last_seen: String::new(),
        })
    }

    /// Waits until the bot has connected to the gateway (READY sent).
    pub async fn bot_connected(&self) -> Result<(), DriverError> {
        self.bot_connected_after(0).await
    }

    /// How many READY/RESUMED handshakes have completed so far.
    pub fn handshakes(&self) -> u64 {
        self.shared.read(|w| w.gateway.handshakes)
    }

    /// Waits until the bot has settled: no REST call in flight, no
    /// interaction waiting for its answer, and nothing happening for the
    /// quiet period.
    pub async fn settled(&self) -> Result<(), DriverError> {
        waiting::settled(&self.shared, self.quiet, self.patience)
            .await
            .map_err(|busy| DriverError::NotSettled {
                waited: self.patience,
                busy,
            })
    }

    /// Opens `POST /sandbox/console`: each line posted there arrives on the
    /// returned receiver, to be answered through its `reply`. Until then
    /// (and after the receiver is dropped) the door answers that no console runs.
    pub fn open_console_door(&self) -> tokio::sync::mpsc::Receiver<crate::control::ConsoleCall> {
        let (door, lines) = tokio::sync::mpsc::channel(16);
        *self
            .shared
            .console
            .lock()
            .unwrap_or_else(|e| e.into_inner()) = Some(door);
        lines
    }

    /// `http://127.0.0.1:PORT/sandbox/control`, the control door.
    pub fn control_url(&self) -> String {
        format!("{}{}", self.base_url(), crate::control::CONTROL_PATH)
    }

    /// Faults on demand.
    pub fn faults(&self) -> FaultControl<'_> {
        FaultControl {
            shared: &self.shared,
        }
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        self.shared
            .write(|w| w.gateway.broadcast(|| Outbound::Drop));
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }
}
