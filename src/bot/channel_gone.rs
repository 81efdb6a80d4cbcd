//! A configured channel deleted: #support or a level's channel. Discord
//! deletes its threads with it but sends no THREAD_DELETE for them
//! (events/gateway-events, "Channel Delete"), so the tickets whose user
//! thread or current case lived there are closed here as if each thread
//! had been deleted, and the log channel is told. (At start-up the
//! reconciler finds the same tickets by their threads answering 10003.)

use poise::serenity_prelude::{ChannelId as DChannel, CreateMessage, Http};

use super::app::Data;
use super::error::{BotError, Say};
use super::events::thread_gone;
use super::flows::staff_locale;
use super::mentions;
use crate::tickets::{ChannelId, GuildId, GuildSettings, Level, Ticket};

/// What a deleted channel was to the bot.
enum Role {
    Support,
    Level(Level),
}

fn role_of(s: &GuildSettings, channel: ChannelId) -> Option<Role> {
    if s.support_channel == Some(channel) {
        return Some(Role::Support);
    }
    Level::ALL
        .into_iter()
        .find(|l| s.level(*l).channel == Some(channel))
        .map(Role::Level)
}

/// The thread of `t` that lived in the deleted channel, if any.
fn lost_thread(t: &Ticket, role: &Role) -> Option<ChannelId> {
    match role {
        Role::Support => t.user_thread,
        Role::Level(level) => t.case.filter(|c| c.level == *level).map(|c| c.thread),
    }
}

pub async fn on_channel_gone(
    http: &Http,
    data: &Data,
    guild: GuildId,
    channel: ChannelId,
) -> Result<(), BotError> {
    let settings = data.store.settings(guild).await?;
    let Some(role) = role_of(&settings, channel) else {
        return Ok(());
    };
    let mut closed = 0u32;
    for t in data.store.open_tickets(guild).await? {
        if let Some(thread) = lost_thread(&t, &role) {
            thread_gone(http, data, thread).await?;
            closed += 1;
        }
    }
    let Some(log) = settings.log_channel.filter(|l| *l != channel) else {
        return Ok(());
    };
    let staff = staff_locale(data, &settings);
    let (key, level) = match role {
        Role::Support => ("log-support-deleted", String::new()),
        Role::Level(level) => ("log-level-deleted", level.to_string()),
    };
    let text = Say::new(key)
        .arg("level", level)
        .arg("channel", mentions::channel_tag(channel))
        .count("count", closed)
        .text(staff);
    let message = CreateMessage::new()
        .content(text)
        .allowed_mentions(mentions::nobody());
    DChannel::new(log.0).send_message(http, message).await?;
    Ok(())
}
