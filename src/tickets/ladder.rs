//! Channels that keep the ladder's promise: lower levels never read higher
//! cases, and users never read staff cases. `/setup` refuses a channel that
//! would break it, and `/setup show` flags one whose permissions changed
//! since. Discord decides who sees a channel; the bot tells this module
//! who does ([`Visibility`]) and it decides.

use super::ids::ChannelId;
use super::level::{Level, LevelSet};
use super::settings::GuildSettings;

/// What a channel is used for in the settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChannelUse {
    /// Where user threads are made: users must see it.
    Support,
    /// A level's cases: that level's role and the levels above only.
    Level(Level),
    /// Closed tickets with their whole transcripts (every level's notes).
    Log,
}

/// Who can view a channel: @everyone, and which levels' roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Visibility {
    pub everyone: bool,
    pub levels: LevelSet,
}

/// Why a channel cannot serve a use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LadderProblem {
    /// A staff channel (a level's, or the log) that @everyone can view.
    Public,
    /// A level's role sees the channel of a level above it, or the log
    /// (which holds every level's cases).
    SeenByLowerLevel { lower: Level },
    /// Already serves another use (a channel per level; the support and
    /// log channels are no level's).
    AlreadyUsedAs(ChannelUse),
    /// The support channel must be visible to users.
    HiddenFromUsers,
}

/// Whether `channel` may serve `purpose` in `settings`, given who sees it.
/// The channel's current use (setting the same channel again) is fine.
pub fn check_channel(
    settings: &GuildSettings,
    channel: ChannelId,
    purpose: ChannelUse,
    seen: Visibility,
) -> Result<(), LadderProblem> {
    if let Some(other) = uses_of(settings, channel).find(|u| *u != purpose) {
        return Err(LadderProblem::AlreadyUsedAs(other));
    }
    check_visibility(purpose, seen)
}

/// The visibility half of [`check_channel`]: what `/setup show` checks again
/// for every configured channel.
pub fn check_visibility(purpose: ChannelUse, seen: Visibility) -> Result<(), LadderProblem> {
    match purpose {
        ChannelUse::Support if !seen.everyone => Err(LadderProblem::HiddenFromUsers),
        ChannelUse::Support => Ok(()),
        ChannelUse::Level(_) | ChannelUse::Log if seen.everyone => Err(LadderProblem::Public),
        ChannelUse::Level(level) => lowest_below(seen.levels, level),
        // The top level reads every case; any other would read higher ones.
        ChannelUse::Log => lowest_below(seen.levels, Level::HIGHEST),
    }
}

fn lowest_below(levels: LevelSet, level: Level) -> Result<(), LadderProblem> {
    match levels.iter().find(|l| *l < level) {
        Some(lower) => Err(LadderProblem::SeenByLowerLevel { lower }),
        None => Ok(()),
    }
}

/// Every use `channel` has in `settings`.
pub fn uses_of(
    settings: &GuildSettings,
    channel: ChannelId,
) -> impl Iterator<Item = ChannelUse> + '_ {
    let support = (settings.support_channel == Some(channel)).then_some(ChannelUse::Support);
    let log = (settings.log_channel == Some(channel)).then_some(ChannelUse::Log);
    let levels = Level::ALL
        .into_iter()
        .filter(move |l| settings.level(*l).channel == Some(channel))
        .map(ChannelUse::Level);
    support.into_iter().chain(levels).chain(log)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tickets::ids::GuildId;

    fn demo() -> GuildSettings {
        let mut s = GuildSettings::new(GuildId(1));
        s.support_channel = Some(ChannelId(10));
        for (i, level) in Level::ALL.into_iter().enumerate() {
            s.level_mut(level).channel = Some(ChannelId(20 + i as u64));
        }
        s.log_channel = Some(ChannelId(30));
        s
    }

    fn seen(everyone: bool, levels: &[Level]) -> Visibility {
        Visibility {
            everyone,
            levels: LevelSet::of(levels),
        }
    }

    /// A level channel as Discord shows it in the demo: its role and the
    /// roles above.
    fn staff_only(level: Level) -> Visibility {
        seen(
            false,
            &Level::ALL
                .into_iter()
                .filter(|l| *l >= level)
                .collect::<Vec<_>>(),
        )
    }

    #[test]
    fn a_public_channel_is_refused_for_a_level_or_the_log() {
        let s = demo();
        let help = ChannelId(40);
        let public = seen(true, &Level::ALL);
        assert_eq!(
            check_channel(&s, help, ChannelUse::Level(Level::L1), public),
            Err(LadderProblem::Public)
        );
        assert_eq!(
            check_channel(&s, help, ChannelUse::Log, public),
            Err(LadderProblem::Public)
        );
    }

    #[test]
    fn a_channel_a_lower_level_sees_is_refused_for_a_higher_level() {
        let s = demo();
        let fresh = ChannelId(41);
        assert_eq!(
            check_channel(
                &s,
                fresh,
                ChannelUse::Level(Level::L2),
                staff_only(Level::L1)
            ),
            Err(LadderProblem::SeenByLowerLevel { lower: Level::L1 })
        );
        assert_eq!(
            check_channel(
                &s,
                fresh,
                ChannelUse::Level(Level::L2),
                staff_only(Level::L2)
            ),
            Ok(())
        );
        assert_eq!(
            check_channel(&s, fresh, ChannelUse::Log, staff_only(Level::L3)),
            Err(LadderProblem::SeenByLowerLevel { lower: Level::L3 })
        );
        assert_eq!(
            check_channel(&s, fresh, ChannelUse::Log, seen(false, &[])),
            Ok(())
        );
    }

    #[test]
    fn one_channel_serves_one_purpose() {
        let s = demo();
        let l1_desk = ChannelId(20);
        assert_eq!(
            check_channel(
                &s,
                l1_desk,
                ChannelUse::Level(Level::L2),
                staff_only(Level::L2)
            ),
            Err(LadderProblem::AlreadyUsedAs(ChannelUse::Level(Level::L1)))
        );
        let l4 = ChannelId(23);
        assert_eq!(
            check_channel(&s, l4, ChannelUse::Support, seen(true, &[])),
            Err(LadderProblem::AlreadyUsedAs(ChannelUse::Level(Level::L4)))
        );
        assert_eq!(
            check_channel(
                &s,
                ChannelId(10),
                ChannelUse::Level(Level::L3),
                staff_only(Level::L3)
            ),
            Err(LadderProblem::AlreadyUsedAs(ChannelUse::Support))
        );
        // Setting a channel again for what it already does is fine.
        assert_eq!(
            check_channel(
                &s,
                l1_desk,
                ChannelUse::Level(Level::L1),
                staff_only(Level::L1)
            ),
            Ok(())
        );
    }

    #[test]
    fn the_support_channel_must_be_visible_to_users() {
        let s = demo();
        assert_eq!(
            check_channel(
                &s,
                ChannelId(42),
                ChannelUse::Support,
                staff_only(Level::L1)
            ),
            Err(LadderProblem::HiddenFromUsers)
        );
    }
}
