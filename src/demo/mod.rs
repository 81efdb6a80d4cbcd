//! The sandbox demo: a ready-made server ([`PRESET`]) with its settings
//! already made ([`configure`]), used by `supportline sandbox` and by the
//! end-to-end tests, and the [`console`] to act as anyone on it.

pub mod console;

use chrono::Utc;

use crate::bot::{self, RunningBot, Services};
use crate::sandbox::{Sandbox, ServerSpec, SpecError};
use crate::store::{Store, StoreError};
use crate::tickets::{ChannelId, GuildId, GuildSettings, Level, RoleId};

/// How often the demo's bot looks for due timers: often, so that `wait 2h`
/// in the console shows the SLA reminders and auto-closes it causes.
pub const TIMER_TICK: std::time::Duration = std::time::Duration::from_millis(100);

/// The ready-made server, in the sandbox's server description language.
pub const PRESET: &str = include_str!("preset.txt");

pub fn preset() -> Result<ServerSpec, SpecError> {
    ServerSpec::parse(PRESET)
}

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("the preset server has no {0}")]
    Missing(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The settings an admin would make with `/setup` on the preset server:
/// #support for tickets, one channel and role per level, #help as a help
/// channel answering plain messages, #support-log for the log.
pub fn settings_for(sandbox: &Sandbox) -> Result<GuildSettings, DemoError> {
    settings_for_guild(sandbox, sandbox.guild_id())
}

/// [`settings_for`] one of several preset guilds of a sandbox.
pub fn settings_for_guild(sandbox: &Sandbox, guild: u64) -> Result<GuildSettings, DemoError> {
    let channel = |name: &str| {
        sandbox
            .guild_channel(guild, name)
            .map(|c| ChannelId(c.channel_id().get()))
            .map_err(|_| DemoError::Missing(format!("#{name}")))
    };
    let role = |name: &str| {
        sandbox
            .guild_role_id(guild, name)
            .map(RoleId)
            .ok_or_else(|| DemoError::Missing(format!("role {name}")))
    };
    let mut s = GuildSettings::new(GuildId(guild));
    s.support_channel = Some(channel("support")?);
    for (level, ch, r) in [
        (Level::L1, "l1-desk", "L1"),
        (Level::L2, "l2-support", "L2"),
        (Level::L3, "l3-experts", "L3"),
        (Level::L4, "l4-engineering", "L4"),
    ] {
        let l = s.level_mut(level);
        l.channel = Some(channel(ch)?);
        l.role = Some(role(r)?);
    }
    s.help_channels.insert(channel("help")?);
    s.answer_plain_messages = true;
    s.log_channel = Some(channel("support-log")?);
    Ok(s)
}

/// Saves [`settings_for`] the preset server.
pub async fn configure(sandbox: &Sandbox, store: &Store) -> Result<GuildSettings, DemoError> {
    let s = settings_for(sandbox)?;
    store.save_settings(&s, Utc::now()).await?;
    Ok(s)
}

/// Starts the real bot against `sandbox` (all intents, as the preset grants
/// them) and returns once it is connected and its commands are registered.
/// Works for a restart too: it waits for a new connection.
pub async fn start_bot(sandbox: &Sandbox, services: Services) -> anyhow::Result<RunningBot> {
    start_bot_with(sandbox, services, true).await
}

/// [`start_bot`], identifying with the Message Content intent or without
/// it (`DISCORD_MESSAGE_CONTENT=false`, for a server whose application was
/// not granted it).
pub async fn start_bot_with(
    sandbox: &Sandbox,
    services: Services,
    message_content: bool,
) -> anyhow::Result<RunningBot> {
    let handshakes = sandbox.handshakes();
    let builder = sandbox.client_builder(bot::intents(message_content));
    let running = bot::start(builder, services, None).await?;
    sandbox
        .bot_connected_after(handshakes)
        .await
        .map_err(|e| anyhow::anyhow!("the bot did not connect to the sandbox: {e}"))?;
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(10);
    while sandbox.commands().is_empty() {
        if tokio::time::Instant::now() > deadline {
            anyhow::bail!("the bot did not register its commands within 10 s");
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    Ok(running)
}

#[cfg(test)]
#[path = "preset_tests.rs"]
mod preset_tests;
