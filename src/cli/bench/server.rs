//! The benchmark's Discord: the demo server (the same channels, roles and
//! settings as `supportline sandbox`) with a crowd of users and staff at
//! every level, and the two bots that can run on it: supportline itself
//! and a bare poise bot (the ceiling).

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use chrono::Utc;

use super::bare;
use crate::bot::{Clock, RunningBot, Services};
use crate::demo;
use crate::i18n::Locale;
use crate::knowledge::LiveKnowledge;
use crate::sandbox::{Person, Sandbox, SandboxOptions, ServerSpec};
use crate::store::Store;
use crate::telemetry::Metrics;

/// How many staff each level has (L1 takes every new ticket, so it has most).
pub const STAFF: [(&str, usize); 4] = [("L1", 8), ("L2", 4), ("L3", 2), ("L4", 2)];

/// The people of a bench server.
pub struct Crowd {
    pub users: Vec<Person>,
    /// Staff of L1, L2, L3, L4 in that order.
    pub staff: [Vec<Person>; 4],
}

/// The demo server with `users` more users and [`STAFF`], in a sandbox on
/// a free local port.
pub async fn start_sandbox(users: usize) -> anyhow::Result<(Sandbox, Crowd)> {
    start_guilds(users, 1, SandboxOptions::default()).await
}

/// `guilds` copies of the bench server ("Supportline Demo 1", "… 2"), the
/// same people in each, in one sandbox started with `options` (several
/// bot processes connect to it over the network).
pub async fn start_guilds(
    users: usize,
    guilds: usize,
    options: SandboxOptions,
) -> anyhow::Result<(Sandbox, Crowd)> {
    let text = server_text(users);
    let specs = (1..=guilds.max(1))
        .map(|k| {
            let mut spec = ServerSpec::parse(&text)?;
            if guilds > 1 {
                spec.name = format!("{} {k}", spec.name);
            }
            Ok(spec)
        })
        .collect::<Result<Vec<_>, crate::sandbox::SpecError>>()
        .context("the bench server description")?;
    let mut sandbox = Sandbox::start_guilds(&specs, options)
        .await
        .context("starting the sandbox")?;
    // Bodies are not kept (memory stays flat); calls are still counted.
    sandbox.recorder().set_enabled(false);
    // The bench measures the bot, not Discord's buckets (50 calls a second
    // in all would be the whole figure): headers come, nothing is refused.
    sandbox.set_rate_limits(crate::sandbox::RateLimits::generous());
    // A loaded bot may take a while; a person waits as long as Discord lets
    // them (the 3 s answer window is the sandbox's own rule).
    sandbox.set_patience(Duration::from_secs(30));
    let person = |name: String| sandbox.person(&name).context("a bench person");
    let users = (1..=users)
        .map(|i| person(format!("user{i}")))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let staff_of = |level: &str, count: usize| {
        (1..=count)
            .map(|i| person(format!("{}_{i}", level.to_lowercase())))
            .collect::<anyhow::Result<Vec<_>>>()
    };
    let staff = [
        staff_of(STAFF[0].0, STAFF[0].1)?,
        staff_of(STAFF[1].0, STAFF[1].1)?,
        staff_of(STAFF[2].0, STAFF[2].1)?,
        staff_of(STAFF[3].0, STAFF[3].1)?,
    ];
    Ok((sandbox, Crowd { users, staff }))
}

/// The demo server's description with the crowd and the staff added.
fn server_text(users: usize) -> String {
    let mut text = demo::PRESET.to_owned();
    for i in 1..=users {
        text.push_str(&format!("member user{i} name \"User {i}\"\n"));
    }
    for (level, count) in STAFF {
        let lower = level.to_lowercase();
        for i in 1..=count {
            text.push_str(&format!(
                "member {lower}_{i} roles {level} name \"{level} staff {i}\"\n"
            ));
        }
    }
    text
}

/// Supportline on the bench server, with its settings made as in the
/// demo but no cooldown between tickets (a benchmark's users open one
/// ticket after another).
pub struct Supportline {
    pub bot: RunningBot,
    pub store: Store,
    pub metrics: Metrics,
}

pub async fn start_supportline(
    sandbox: &Sandbox,
    database_url: &str,
    knowledge: Arc<LiveKnowledge>,
) -> anyhow::Result<Supportline> {
    let store = Store::connect(database_url)
        .await
        .with_context(|| format!("opening the database {database_url}"))?;
    let mut settings = demo::settings_for(sandbox)?;
    settings.cooldown = chrono::Duration::zero();
    store
        .save_settings(&settings, Utc::now())
        .await
        .context("saving the bench server's settings")?;
    let metrics = Metrics::new();
    let services = Services {
        store: store.clone(),
        knowledge,
        clock: Clock::system(),
        default_locale: Locale::En,
        timer_tick: Duration::from_secs(1),
        metrics: metrics.clone(),
    };
    let bot = demo::start_bot(sandbox, services).await?;
    Ok(Supportline {
        bot,
        store,
        metrics,
    })
}

/// The bare poise bot on the bench server, connected, its /ask registered.
pub async fn start_bare(sandbox: &Sandbox) -> anyhow::Result<bare::Bare> {
    let handshakes = sandbox.handshakes();
    let metrics = Metrics::new();
    let builder = sandbox.client_builder(crate::bot::intents(false));
    let running = bare::start(builder, metrics).await?;
    sandbox
        .bot_connected_after(handshakes)
        .await
        .map_err(|e| anyhow::anyhow!("the bare bot did not connect to the sandbox: {e}"))?;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while sandbox.commands().is_empty() {
        if tokio::time::Instant::now() > deadline {
            anyhow::bail!("the bare bot did not register /ask within 10 s");
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    Ok(running)
}
