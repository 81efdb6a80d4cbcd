//! The framework: the shared data every handler sees, the command list,
//! error handling, start and stop.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use poise::serenity_prelude as serenity;
use serenity::{ClientBuilder, FullEvent, GatewayIntents, ShardManager};
use tokio::sync::Notify;
use tokio::task::JoinHandle;

use super::clock::Clock;
use super::error::BotError;
use crate::config::ShardRange;
use crate::i18n::Locale;
use crate::knowledge::LiveKnowledge;
use crate::store::Store;
use crate::telemetry::Metrics;
use crate::tickets::{ChannelId, GuildId};

pub type Context<'a> = poise::Context<'a, Data, BotError>;

/// What the bot needs from the rest of the process.
pub struct Services {
    pub store: Store,
    pub knowledge: Arc<LiveKnowledge>,
    pub clock: Clock,
    /// The language for guilds that haven't chosen one and for staff-facing
    /// cards (`DEFAULT_LOCALE`).
    pub default_locale: Locale,
    /// How often the scheduler looks for due timers (1 s in production;
    /// tests and the demo use less).
    pub timer_tick: std::time::Duration,
    /// Where the bot counts what it does (served by `METRICS_ADDR`).
    pub metrics: Metrics,
}

/// Shared by every handler (and the scheduler).
#[derive(Clone)]
pub struct Data {
    pub store: Store,
    pub knowledge: Arc<LiveKnowledge>,
    pub clock: Clock,
    pub default_locale: Locale,
    pub in_flight: InFlight,
    /// Whether members' messages can be read (the Message Content intent).
    pub content: super::content::ContentAccess,
    pub metrics: Metrics,
    /// The shards this process runs (`SHARDS`; `None`: all): timers, the
    /// outbox's sweeps and the reconciler keep to their guilds, which the
    /// process's events come from, so a guild is served by one process.
    pub shards: Option<ShardRange>,
}

/// Counts the events and interactions being handled, so that a shutdown
/// lets them finish instead of cutting them half-written.
#[derive(Clone, Default)]
pub struct InFlight {
    count: Arc<AtomicUsize>,
    idle: Arc<Notify>,
}

pub struct InFlightGuard(InFlight);

impl InFlight {
    pub fn enter(&self) -> InFlightGuard {
        self.count.fetch_add(1, Ordering::SeqCst);
        InFlightGuard(self.clone())
    }

    /// Waits until nothing is being handled.
    pub async fn wait_idle(&self) {
        loop {
            let notified = self.idle.notified();
            if self.count.load(Ordering::SeqCst) == 0 {
                return;
            }
            notified.await;
        }
    }
}

impl Drop for InFlightGuard {
    fn drop(&mut self) {
        if self.0.count.fetch_sub(1, Ordering::SeqCst) == 1 {
            self.0.idle.notify_waiters();
        }
    }
}

/// The gateway intents: guilds (channels, threads) and their messages;
/// message content only when asked for, as it is privileged.
pub fn intents(message_content: bool) -> GatewayIntents {
    let mut intents = GatewayIntents::GUILDS | GatewayIntents::GUILD_MESSAGES;
    if message_content {
        intents |= GatewayIntents::MESSAGE_CONTENT;
    }
    intents
}

/// A connected bot.
pub struct RunningBot {
    pub shard_manager: Arc<ShardManager>,
    task: JoinHandle<Result<(), serenity::Error>>,
    scheduler: JoinHandle<()>,
    in_flight: InFlight,
    store: Store,
    metrics: Metrics,
}

impl RunningBot {
    /// What the bot is handling right now (wait for it to be idle before
    /// closing the database).
    pub fn in_flight(&self) -> InFlight {
        self.in_flight.clone()
    }

    /// Its counters, for the metrics endpoint.
    pub fn metrics(&self) -> Metrics {
        self.metrics.clone()
    }

    /// What `/healthz` and `/metrics` read of it.
    pub fn probe(&self) -> super::health::BotProbe {
        super::health::BotProbe {
            store: self.store.clone(),
            shards: self.shard_manager.clone(),
        }
    }

    /// Closes the gateway connections and waits for the client to end.
    pub async fn stop(self) {
        self.shard_manager.shutdown_all().await;
        let _ = self.task.await;
        self.scheduler.abort();
        self.in_flight.wait_idle().await;
    }

    /// Stops at once, as a crash would (tests of restarts).
    pub async fn abort(self) {
        self.scheduler.abort();
        let _ = self.scheduler.await;
        self.task.abort();
        let _ = self.task.await;
    }

    /// Waits until the client ends by itself (a fatal gateway error).
    pub async fn wait(self) -> anyhow::Result<()> {
        let ended = self.task.await;
        self.scheduler.abort();
        match ended {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(e.into()),
            Err(e) => Err(anyhow::anyhow!("the bot's task ended: {e}")),
        }
    }
}

/// Builds the framework on `builder` (made with the token, the HTTP client
/// and [`intents`]) and starts the client in the background. Commands are
/// registered globally once the bot is ready. `shards`: run only these
/// (several processes on one database); `None`: all, as Discord suggests.
pub async fn start(
    builder: ClientBuilder,
    services: Services,
    shards: Option<ShardRange>,
) -> anyhow::Result<RunningBot> {
    let in_flight = InFlight::default();
    let metrics = services.metrics.clone();
    let store = services.store.clone();
    let data = Data {
        in_flight: in_flight.clone(),
        metrics: services.metrics,
        store: services.store,
        knowledge: services.knowledge,
        clock: services.clock,
        default_locale: services.default_locale,
        content: Default::default(),
        shards: shards.clone(),
    };
    let for_scheduler = data.clone();
    let mut commands = super::commands::all();
    super::localize::localize_commands(&mut commands);
    let framework = poise::Framework::builder()
        .options(poise::FrameworkOptions {
            commands,
            event_handler: |framework, event| Box::pin(on_event(framework, event)),
            on_error: |error| Box::pin(super::framework_errors::on_error(error)),
            allowed_mentions: Some(super::mentions::nobody()),
            ..Default::default()
        })
        .setup(move |ctx, ready, framework| {
            Box::pin(async move {
                let shard = ready
                    .shard
                    .map(|s| format!("shard {} of {}", s.id, s.total))
                    .unwrap_or_else(|| "one shard".to_owned());
                tracing::info!(
                    "connected as {} ({}), {shard}; servers: {}",
                    ready.user.name,
                    ready.user.id,
                    ready.guilds.len()
                );
                data.content.learn(&ctx.http).await;
                poise::builtins::register_globally(ctx, &framework.options().commands).await?;
                tracing::info!(
                    "slash commands registered: {}",
                    framework.options().commands.len()
                );
                Ok(data)
            })
        })
        .build();
    let framework = super::metered::Metered::new(framework, metrics.clone());
    let mut client = builder.framework(framework).await?;
    let shard_manager = client.shard_manager.clone();
    let scheduler = tokio::spawn(super::scheduler::run(
        client.http.clone(),
        for_scheduler,
        services.timer_tick,
    ));
    let task = tokio::spawn(async move {
        match shards {
            // Not `s.range`: serenity starts shards up to its end inclusive.
            Some(s) => client.start_shard_range(s.for_serenity(), s.total).await,
            None => client.start().await,
        }
    });
    Ok(RunningBot {
        shard_manager,
        task,
        scheduler,
        in_flight,
        store,
        metrics,
    })
}

async fn on_event(
    framework: poise::FrameworkContext<'_, Data, BotError>,
    event: &FullEvent,
) -> Result<(), BotError> {
    let ctx = framework.serenity_context;
    let data = framework.user_data;
    let _busy = data.in_flight.enter();
    match event {
        FullEvent::InteractionCreate { interaction } => {
            super::components::handle(ctx, data, interaction).await;
        }
        FullEvent::Message { new_message } => {
            if let Err(e) = super::events::on_message(ctx, data, new_message).await {
                log_failure(data, "a message", &e);
            }
        }
        FullEvent::ChannelDelete { channel, .. } => {
            let (guild, id) = (GuildId(channel.guild_id.get()), ChannelId(channel.id.get()));
            if let Err(e) = super::channel_gone::on_channel_gone(&ctx.http, data, guild, id).await {
                log_failure(data, "a deleted channel", &e);
            }
        }
        FullEvent::ThreadDelete { thread, .. } => {
            if let Err(e) = super::events::on_thread_gone(ctx, data, thread.id.get()).await {
                log_failure(data, "a deleted thread", &e);
            }
        }
        _ => {}
    }
    Ok(())
}

/// Logs a failed handling, and counts it when Discord refused a call.
pub fn log_failure(data: &Data, what: &str, e: &BotError) {
    if let BotError::Discord(e) = e {
        super::metered::count_rest_error(&data.metrics, e);
    }
    if e.is_expected() {
        tracing::debug!(error = %e, "handling {what}: refused");
    } else {
        tracing::warn!(error = %e, "handling {what} failed");
    }
}
