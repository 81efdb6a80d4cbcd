//! Threads archiving themselves after `auto_archive_duration` minutes
//! without activity (topics/threads, "Active & Archived Threads":
//! "Activity is defined as sending a message, unarchiving a thread, or
//! changing the auto-archive time"). Tests and the console move the
//! sandbox's clock forward; idle threads are archived as it moves (real
//! time counts in the reckoning, but no test lives an hour).

use chrono::{DateTime, Duration, Utc};

use super::DiscordState;
use crate::ids::iso;

/// The sandbox's idea of now: the system time plus however far tests and
/// the console moved it (`wait 3d`), so that a week can pass in a test.
#[derive(Clone, Copy, Debug, Default)]
pub struct SandboxClock {
    shift: Duration,
}

impl SandboxClock {
    pub fn now(&self) -> DateTime<Utc> {
        Utc::now() + self.shift
    }

    pub fn advance(&mut self, by: Duration) {
        self.shift += by;
    }
}

impl DiscordState {
    /// Moves the clock forward by `by` and archives what went idle.
    pub fn advance_clock(&mut self, by: Duration) -> usize {
        self.clock.advance(by);
        self.archive_idle_threads()
    }

    /// Archives every active thread idle for its `auto_archive_duration`,
    /// telling the bot with THREAD_UPDATE as Discord does. Returns how many.
    pub fn archive_idle_threads(&mut self) -> usize {
        let now = self.clock.now();
        let idle: Vec<_> = self
            .guilds
            .values()
            .flat_map(|g| g.active_threads.iter().copied())
            .filter(|id| {
                self.channels
                    .get(id)
                    .and_then(|c| c.thread.as_ref())
                    .is_some_and(|t| {
                        !t.archived
                            && now - t.last_activity
                                >= Duration::minutes(i64::from(t.auto_archive_duration))
                    })
            })
            .collect();
        for &id in &idle {
            if let Some(thread) = self.channels.get_mut(&id).and_then(|c| c.thread.as_mut()) {
                let at = thread.last_activity
                    + Duration::minutes(i64::from(thread.auto_archive_duration));
                thread.archived = true;
                thread.archive_timestamp = Some(iso(at));
            }
            self.note_archived(id, true);
            self.thread_updated(id);
        }
        idle.len()
    }

    /// Notes activity in a thread (no-op for a channel).
    pub(crate) fn thread_active(&mut self, id: crate::ids::Snowflake) {
        let now = self.clock.now();
        if let Some(thread) = self.channels.get_mut(&id).and_then(|c| c.thread.as_mut()) {
            thread.last_activity = now;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::testing::world;
    use crate::wire::channel::{ChannelPatchIn, ThreadCreateIn};
    use crate::wire::message::MessageIn;

    fn thread(minutes: u32) -> ThreadCreateIn {
        ThreadCreateIn {
            name: "ticket".to_string(),
            kind: Some(11),
            auto_archive_duration: Some(minutes),
            invitable: None,
            rate_limit_per_user: None,
        }
    }

    fn archived(w: &DiscordState, id: crate::ids::Snowflake) -> bool {
        w.channel(id).unwrap().thread.as_ref().unwrap().archived
    }

    #[test]
    fn a_thread_archives_itself_after_its_auto_archive_duration_without_activity() {
        let mut w = world("server Acme\nchannel help");
        let bot = w.bot_id();
        let help = w.channel_by_name("help").unwrap().id;
        let id = w.start_thread(bot, help, thread(60)).unwrap().id;
        assert_eq!(w.advance_clock(Duration::minutes(59)), 0);
        assert!(!archived(&w, id));
        assert_eq!(w.advance_clock(Duration::minutes(1)), 1);
        assert!(archived(&w, id));
    }

    #[test]
    fn a_message_or_an_unarchive_is_activity_that_restarts_the_wait() {
        let mut w = world("server Acme\nchannel help");
        let bot = w.bot_id();
        let help = w.channel_by_name("help").unwrap().id;
        let id = w.start_thread(bot, help, thread(60)).unwrap().id;
        w.advance_clock(Duration::minutes(50));
        let said = MessageIn {
            content: Some("still here".into()),
            ..MessageIn::default()
        };
        w.post_message(bot, id, said, vec![]).unwrap();
        w.advance_clock(Duration::minutes(50));
        assert!(!archived(&w, id), "the message was activity");
        w.advance_clock(Duration::minutes(10));
        assert!(archived(&w, id));

        let reopen = ChannelPatchIn {
            archived: Some(false),
            ..ChannelPatchIn::default()
        };
        w.modify_thread(bot, id, reopen).unwrap();
        w.advance_clock(Duration::minutes(59));
        assert!(!archived(&w, id), "unarchiving was activity");
    }
}
