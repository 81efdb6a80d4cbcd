//! Guild settings kept in memory for a few seconds: every command and
//! button reads its guild's settings (six statements), and they change only
//! through `/setup`. A save in this process forgets the guild at once; a
//! save by another process sharing PostgreSQL is seen within [`TTL`].
//!
//! Why a time-to-live and not a version column: each guild is served by
//! exactly one process (its shard), and `/setup` is that guild's
//! interaction, so it lands in the process that caches the guild; other
//! writers (the CLI seeding the demo, a process that took the shard over,
//! the scheduler of another process) are rare and may lag a few seconds.
//! A version column would cost a statement on every read, the very thing
//! the cache removes.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use crate::tickets::{GuildId, GuildSettings};

/// How long a read settings row is trusted without asking the database.
pub const TTL: Duration = Duration::from_secs(5);

#[derive(Debug, Default)]
pub(crate) struct SettingsCache {
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    /// Bumped by every save: a read that began before a save must not
    /// put what it read (perhaps the old settings) in the cache.
    epoch: u64,
    entries: HashMap<GuildId, (Instant, GuildSettings)>,
}

/// A ticket to put a read in the cache, taken before reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Epoch(u64);

impl SettingsCache {
    fn lock(&self) -> MutexGuard<'_, Inner> {
        // The lock guards no invariant a panic could break half-way.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The guild's settings if read less than [`TTL`] ago, else the epoch
    /// to hand to [`SettingsCache::put`] after reading them.
    pub fn get(&self, guild: GuildId) -> Result<GuildSettings, Epoch> {
        let inner = self.lock();
        match inner.entries.get(&guild) {
            Some((at, s)) if at.elapsed() < TTL => Ok(s.clone()),
            _ => Err(Epoch(inner.epoch)),
        }
    }

    /// Keeps what was read, unless a save happened since `epoch`.
    pub fn put(&self, epoch: Epoch, settings: &GuildSettings) {
        let mut inner = self.lock();
        if inner.epoch == epoch.0 {
            inner
                .entries
                .insert(settings.guild, (Instant::now(), settings.clone()));
        }
    }

    /// Forgets the guild (its settings were just saved).
    pub fn forget(&self, guild: GuildId) {
        let mut inner = self.lock();
        inner.epoch = inner.epoch.wrapping_add(1);
        inner.entries.remove(&guild);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_read_that_began_before_a_save_is_not_kept() {
        let cache = SettingsCache::default();
        let guild = GuildId(1);
        let Err(epoch) = cache.get(guild) else {
            panic!("nothing cached yet");
        };
        cache.forget(guild);
        cache.put(epoch, &GuildSettings::new(guild));
        assert!(cache.get(guild).is_err(), "the old read was dropped");
        let Err(epoch) = cache.get(guild) else {
            panic!("still nothing cached");
        };
        cache.put(epoch, &GuildSettings::new(guild));
        assert_eq!(cache.get(guild), Ok(GuildSettings::new(guild)));
    }
}
