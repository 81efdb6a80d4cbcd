//! The check at start-up (each READY): tickets the database keeps open
//! whose server or threads are gone. A database kept across a new Discord
//! (a fresh sandbox makes new ids) or a thread deleted while the bot was
//! down would otherwise leave tickets whose timers fire into channels that
//! no longer exist. Each such ticket is closed as a lost thread (which
//! cancels its timers), with a log line saying why; where the server is
//! still there, staff or the user are told as when a thread is deleted live.

use poise::serenity_prelude::{self as serenity, ChannelId as DChannel, Context};

use super::app::Data;
use super::error::BotError;
use crate::tickets::{self, ChannelId, GuildId, Ticket};

/// What the check found, for the log and for tests.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Orphans {
    /// Open tickets looked at.
    pub checked: usize,
    /// Closed because their server is gone.
    pub server_gone: usize,
    /// Closed because a user or case thread is gone.
    pub thread_gone: usize,
}

/// Whether `guild` is served by this shard (Discord's rule).
fn on_this_shard(guild: GuildId, shard: Option<serenity::ShardInfo>) -> bool {
    match shard {
        Some(s) if s.total > 1 => (guild.0 >> 22) % u64::from(s.total) == u64::from(s.id.0),
        _ => true,
    }
}

/// Whether Discord answers that the channel does not exist (404, 10003).
/// Anything else (no access, an outage) is no proof that it is gone.
async fn channel_gone(http: &serenity::Http, id: ChannelId) -> bool {
    match http.get_channel(DChannel::new(id.0)).await {
        Err(serenity::Error::Http(serenity::HttpError::UnsuccessfulRequest(r))) => {
            r.error.code == 10003
        }
        _ => false,
    }
}

/// The thread of `t` that is gone, if any (the user thread first).
async fn lost_thread(http: &serenity::Http, t: &Ticket) -> Option<ChannelId> {
    for thread in [t.user_thread, t.case.map(|c| c.thread)]
        .into_iter()
        .flatten()
    {
        if channel_gone(http, thread).await {
            return Some(thread);
        }
    }
    None
}

/// Closes the open tickets of servers this session's READY does not list
/// (on this shard) and those whose threads are gone.
pub async fn close_orphans(
    ctx: &Context,
    data: &Data,
    ready: &serenity::Ready,
) -> Result<Orphans, BotError> {
    let here: Vec<GuildId> = ready.guilds.iter().map(|g| GuildId(g.id.get())).collect();
    let mut found = Orphans::default();
    for guild in data.store.open_ticket_guilds().await? {
        if !on_this_shard(guild, ready.shard) {
            continue;
        }
        let present = here.contains(&guild);
        for t in data.store.open_tickets(guild).await? {
            found.checked += 1;
            if !present {
                // Nothing to tell anyone: the server itself is gone.
                let Some(thread) = t.user_thread.or(t.case.map(|c| c.thread)) else {
                    continue;
                };
                let now = data.clock.now();
                data.store
                    .transition(t.id, |t| tickets::thread_lost(t, thread, now))
                    .await?;
                found.server_gone += 1;
                tracing::warn!(
                    "ticket {} of server {} closed at start-up: the bot is no longer in that server",
                    t.number,
                    guild.0
                );
                continue;
            }
            if let Some(thread) = lost_thread(&ctx.http, &t).await {
                super::events::on_thread_gone(ctx, data, thread.0).await?;
                found.thread_gone += 1;
                tracing::warn!(
                    "ticket {} of server {} closed at start-up: its thread {} is gone",
                    t.number,
                    guild.0,
                    thread.0
                );
            }
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_guild_belongs_to_the_shard_discord_sends_it_to() {
        let guild = GuildId(41771983427338240); // (id >> 22) % 2 == 1
        let shard = |id, total| {
            Some(serenity::ShardInfo {
                id: serenity::ShardId(id),
                total,
            })
        };
        assert_eq!((guild.0 >> 22) % 2, 1);
        assert!(on_this_shard(guild, shard(1, 2)));
        assert!(!on_this_shard(guild, shard(0, 2)));
        assert!(on_this_shard(guild, None));
        assert!(on_this_shard(guild, shard(0, 1)));
    }
}
