//! A guild's support settings, edited with `/setup` and kept in the store.

use std::collections::BTreeSet;

use chrono::Duration;

use super::ids::{ChannelId, GuildId, RoleId};
use super::intake::{IntakeError, IntakeSettings};
use super::level::{Level, LevelSet};
use super::locale::Locale;
use super::service::ServiceSettings;

/// One rung of the ladder in this guild.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LevelSettings {
    /// The staff-only channel where this level's case cards go.
    pub channel: Option<ChannelId>,
    /// Members with this role are staff of the level.
    pub role: Option<RoleId>,
    /// First-response target: after this long without a staff message, one
    /// reminder pings the role.
    pub sla: Duration,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuildSettings {
    pub guild: GuildId,
    /// Where user threads are created.
    pub support_channel: Option<ChannelId>,
    /// L1 to L4, in order; use [`GuildSettings::level`].
    pub levels: [LevelSettings; 4],
    /// Channels where `/ask`'s panel lives and plain messages may be answered.
    pub help_channels: BTreeSet<ChannelId>,
    /// Where transcripts are posted when a ticket closes.
    pub log_channel: Option<ChannelId>,
    /// Answer plain messages in help channels (needs the Message Content intent).
    pub answer_plain_messages: bool,
    /// Reply to small talk (a greeting, thanks, "are you a bot?") in kind
    /// instead of looking for an article.
    pub small_talk: bool,
    /// Open tickets a user may have at once.
    pub ticket_limit: u32,
    /// Minimum time between two tickets opened by one user.
    pub cooldown: Duration,
    /// Hours without an answer to "Did this solve it?" before closing.
    pub auto_close_hours: u32,
    /// Days after closing during which a ticket may be reopened.
    pub reopen_days: u32,
    /// The guild's language for people whose locale the bot does not speak;
    /// `None` means the process default (`DEFAULT_LOCALE`).
    pub default_locale: Option<Locale>,
    /// Working hours, waiting on users, rate limits (`service.rs`).
    pub service: ServiceSettings,
    /// Questions and topics asked when a ticket opens (issue 14.1).
    pub intake: IntakeSettings,
    /// Hours a close request waits for an answer before closing (issue 14.5).
    pub close_request_hours: u32,
}

/// The defaults of design.md.
pub const DEFAULT_TICKET_LIMIT: u32 = 1;
pub const DEFAULT_COOLDOWN_MINUTES: i64 = 10;
pub const DEFAULT_AUTO_CLOSE_HOURS: u32 = 24;
pub const DEFAULT_REOPEN_DAYS: u32 = 7;
/// As long as "Did this solve it?" waits: a day (Zendesk's pending
/// tickets wait days; a chat server moves faster).
pub const DEFAULT_CLOSE_REQUEST_HOURS: u32 = 24;
/// The longest wait `/setup` allows for auto-closes, in hours (30 days).
pub const MAX_AUTO_CLOSE_HOURS: u32 = 24 * 30;

/// Default first-response target of a level: L1 15 min, L2 1 h, L3 4 h, L4 1 day.
pub fn default_sla(level: Level) -> Duration {
    match level {
        Level::L1 => Duration::minutes(15),
        Level::L2 => Duration::hours(1),
        Level::L3 => Duration::hours(4),
        Level::L4 => Duration::days(1),
    }
}

/// Something `/setup` still has to set before tickets can flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    SupportChannel,
    LevelChannel(Level),
    LevelRole(Level),
}

/// A value `/setup` must refuse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SettingsError {
    #[error("the ticket limit must be between 1 and {max}")]
    TicketLimit { max: u32 },
    #[error("the cooldown must be between 0 and 24 hours")]
    Cooldown,
    #[error("the first-response target of {level} must be between 1 minute and 7 days")]
    Sla { level: Level },
    #[error("auto-close must be between 1 and {max} hours")]
    AutoClose { max: u32 },
    #[error("the reopen window must be between 0 and {max} days")]
    ReopenWindow { max: u32 },
    #[error(transparent)]
    Intake(#[from] IntakeError),
    #[error("a close request must wait between 1 and {max} hours")]
    CloseRequest { max: u32 },
}

impl GuildSettings {
    /// A guild nobody has set up yet: nothing configured, default limits.
    pub fn new(guild: GuildId) -> GuildSettings {
        GuildSettings {
            guild,
            support_channel: None,
            levels: Level::ALL.map(|level| LevelSettings {
                channel: None,
                role: None,
                sla: default_sla(level),
            }),
            help_channels: BTreeSet::new(),
            log_channel: None,
            answer_plain_messages: false,
            small_talk: true,
            ticket_limit: DEFAULT_TICKET_LIMIT,
            cooldown: Duration::minutes(DEFAULT_COOLDOWN_MINUTES),
            auto_close_hours: DEFAULT_AUTO_CLOSE_HOURS,
            reopen_days: DEFAULT_REOPEN_DAYS,
            default_locale: None,
            service: ServiceSettings::default(),
            intake: IntakeSettings::default(),
            close_request_hours: DEFAULT_CLOSE_REQUEST_HOURS,
        }
    }

    pub fn level(&self, level: Level) -> &LevelSettings {
        &self.levels[level.index()]
    }

    pub fn level_mut(&mut self, level: Level) -> &mut LevelSettings {
        &mut self.levels[level.index()]
    }

    pub fn auto_close_after(&self) -> Duration {
        Duration::hours(i64::from(self.auto_close_hours))
    }

    pub fn close_request_after(&self) -> Duration {
        Duration::hours(i64::from(self.close_request_hours))
    }

    /// The levels a member with `roles` is staff of.
    pub fn staff_levels(&self, roles: &[RoleId]) -> LevelSet {
        Level::ALL
            .into_iter()
            .filter(|l| self.level(*l).role.is_some_and(|r| roles.contains(&r)))
            .collect()
    }

    /// The level whose case channel `channel` is.
    pub fn level_of_channel(&self, channel: ChannelId) -> Option<Level> {
        Level::ALL
            .into_iter()
            .find(|l| self.level(*l).channel == Some(channel))
    }

    pub fn is_help_channel(&self, channel: ChannelId) -> bool {
        self.help_channels.contains(&channel)
    }

    /// What is not configured yet, in the order `/setup show` lists it.
    /// Help channels and the log channel are optional.
    pub fn missing(&self) -> Vec<Missing> {
        let mut missing = Vec::new();
        if self.support_channel.is_none() {
            missing.push(Missing::SupportChannel);
        }
        for level in Level::ALL {
            if self.level(level).channel.is_none() {
                missing.push(Missing::LevelChannel(level));
            }
            if self.level(level).role.is_none() {
                missing.push(Missing::LevelRole(level));
            }
        }
        missing
    }

    /// Checks the limits and durations are sensible.
    pub fn validate(&self) -> Result<(), SettingsError> {
        const MAX_LIMIT: u32 = 20;
        const MAX_AUTO_CLOSE: u32 = MAX_AUTO_CLOSE_HOURS;
        const MAX_REOPEN: u32 = 90;
        if !(1..=MAX_LIMIT).contains(&self.ticket_limit) {
            return Err(SettingsError::TicketLimit { max: MAX_LIMIT });
        }
        if self.cooldown < Duration::zero() || self.cooldown > Duration::hours(24) {
            return Err(SettingsError::Cooldown);
        }
        for level in Level::ALL {
            let sla = self.level(level).sla;
            if sla < Duration::minutes(1) || sla > Duration::days(7) {
                return Err(SettingsError::Sla { level });
            }
        }
        if !(1..=MAX_AUTO_CLOSE).contains(&self.auto_close_hours) {
            return Err(SettingsError::AutoClose {
                max: MAX_AUTO_CLOSE,
            });
        }
        if self.reopen_days > MAX_REOPEN {
            return Err(SettingsError::ReopenWindow { max: MAX_REOPEN });
        }
        self.intake.validate()?;
        if !(1..=MAX_AUTO_CLOSE).contains(&self.close_request_hours) {
            return Err(SettingsError::CloseRequest {
                max: MAX_AUTO_CLOSE,
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_guild_has_the_documented_defaults() {
        let s = GuildSettings::new(GuildId(1));
        assert_eq!(s.ticket_limit, 1);
        assert_eq!(s.cooldown, Duration::minutes(10));
        assert_eq!(s.auto_close_hours, 24);
        assert_eq!(s.reopen_days, 7);
        assert_eq!(s.level(Level::L1).sla, Duration::minutes(15));
        assert_eq!(s.level(Level::L2).sla, Duration::hours(1));
        assert_eq!(s.level(Level::L3).sla, Duration::hours(4));
        assert_eq!(s.level(Level::L4).sla, Duration::days(1));
        assert_eq!(s.validate(), Ok(()));
    }

    #[test]
    fn a_new_guild_is_missing_every_channel_and_role() {
        let missing = GuildSettings::new(GuildId(1)).missing();
        assert_eq!(missing.len(), 9);
        assert_eq!(missing[0], Missing::SupportChannel);
        assert!(missing.contains(&Missing::LevelRole(Level::L4)));
    }

    #[test]
    fn a_configured_guild_is_missing_nothing() {
        let mut s = GuildSettings::new(GuildId(1));
        s.support_channel = Some(ChannelId(1));
        for level in Level::ALL {
            let n = u64::from(level.number());
            s.level_mut(level).channel = Some(ChannelId(10 + n));
            s.level_mut(level).role = Some(RoleId(20 + n));
        }
        assert_eq!(s.missing(), vec![]);
        assert_eq!(s.level_of_channel(ChannelId(13)), Some(Level::L3));
    }

    #[test]
    fn a_members_roles_decide_their_staff_levels() {
        let mut s = GuildSettings::new(GuildId(1));
        s.level_mut(Level::L1).role = Some(RoleId(21));
        s.level_mut(Level::L3).role = Some(RoleId(23));
        let levels = s.staff_levels(&[RoleId(23), RoleId(99)]);
        assert_eq!(levels, LevelSet::of(&[Level::L3]));
        assert!(s.staff_levels(&[]).is_empty());
    }

    #[test]
    fn a_ticket_limit_of_zero_is_refused() {
        let mut s = GuildSettings::new(GuildId(1));
        s.ticket_limit = 0;
        assert!(matches!(
            s.validate(),
            Err(SettingsError::TicketLimit { .. })
        ));
    }

    #[test]
    fn an_sla_of_zero_is_refused() {
        let mut s = GuildSettings::new(GuildId(1));
        s.level_mut(Level::L2).sla = Duration::zero();
        assert_eq!(s.validate(), Err(SettingsError::Sla { level: Level::L2 }));
    }
}
