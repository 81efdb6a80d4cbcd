//! Support levels L1–L4. L0 is the bot's self-service and never a ticket
//! level, so it cannot be represented here.

use serde::{Deserialize, Serialize};

/// A rung of the ladder a ticket can sit on: L1 help desk, L2 extended
/// support, L3 experts, L4 product engineers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub enum Level {
    L1 = 1,
    L2 = 2,
    L3 = 3,
    L4 = 4,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a support level is 1, 2, 3 or 4 (L1–L4), not {0:?}")]
pub struct LevelError(pub String);

impl Level {
    pub const ALL: [Level; 4] = [Level::L1, Level::L2, Level::L3, Level::L4];
    pub const LOWEST: Level = Level::L1;
    pub const HIGHEST: Level = Level::L4;

    /// 1 to 4.
    pub const fn number(self) -> u8 {
        self as u8
    }

    /// Position in per-level arrays (0 to 3).
    pub const fn index(self) -> usize {
        self as usize - 1
    }

    /// The level above, `None` at L4.
    pub fn next(self) -> Option<Level> {
        Level::try_from(self.number() + 1).ok()
    }

    /// The level below, `None` at L1.
    pub fn prev(self) -> Option<Level> {
        Level::try_from(self.number() - 1).ok()
    }

    /// The next level in `direction`, `None` past either end.
    pub fn step(self, direction: Direction) -> Option<Level> {
        match direction {
            Direction::Up => self.next(),
            Direction::Down => self.prev(),
        }
    }
}

/// Which way a case moves on the ladder: escalation goes up towards L4,
/// de-escalation down towards L1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

impl TryFrom<u8> for Level {
    type Error = LevelError;

    fn try_from(n: u8) -> Result<Self, Self::Error> {
        match n {
            1 => Ok(Level::L1),
            2 => Ok(Level::L2),
            3 => Ok(Level::L3),
            4 => Ok(Level::L4),
            _ => Err(LevelError(n.to_string())),
        }
    }
}

impl TryFrom<i64> for Level {
    type Error = LevelError;

    fn try_from(n: i64) -> Result<Self, Self::Error> {
        u8::try_from(n)
            .map_err(|_| LevelError(n.to_string()))
            .and_then(Level::try_from)
    }
}

impl From<Level> for u8 {
    fn from(level: Level) -> u8 {
        level.number()
    }
}

impl From<Level> for i64 {
    fn from(level: Level) -> i64 {
        i64::from(level.number())
    }
}

impl std::str::FromStr for Level {
    type Err = LevelError;

    /// Accepts `2`, `L2` and `l2`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        let digits = t.strip_prefix(['L', 'l']).unwrap_or(t);
        digits
            .parse::<u8>()
            .map_err(|_| LevelError(s.to_owned()))
            .and_then(|n| Level::try_from(n).map_err(|_| LevelError(s.to_owned())))
    }
}

impl std::fmt::Display for Level {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "L{}", self.number())
    }
}

/// A small set of levels: the levels a member is staff of, or the levels a
/// ticket has been at. Stored as a bit mask (bit n-1 for level n).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct LevelSet(u8);

impl LevelSet {
    pub const EMPTY: LevelSet = LevelSet(0);

    pub fn of(levels: &[Level]) -> LevelSet {
        levels.iter().copied().collect()
    }

    pub fn contains(self, level: Level) -> bool {
        self.0 & Self::bit(level) != 0
    }

    pub fn insert(&mut self, level: Level) {
        self.0 |= Self::bit(level);
    }

    pub fn with(mut self, level: Level) -> LevelSet {
        self.insert(level);
        self
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Levels in ascending order.
    pub fn iter(self) -> impl Iterator<Item = Level> {
        Level::ALL.into_iter().filter(move |l| self.contains(*l))
    }

    /// The mask as stored in the database.
    pub fn bits(self) -> i64 {
        i64::from(self.0)
    }

    /// From a stored mask; bits above L4 are ignored.
    pub fn from_bits(bits: i64) -> LevelSet {
        LevelSet((bits & 0b1111) as u8)
    }

    fn bit(level: Level) -> u8 {
        1 << level.index()
    }
}

impl FromIterator<Level> for LevelSet {
    fn from_iter<I: IntoIterator<Item = Level>>(iter: I) -> Self {
        let mut set = LevelSet::EMPTY;
        for level in iter {
            set.insert(level);
        }
        set
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_one_to_four_are_accepted() {
        for n in 1i64..=4 {
            assert_eq!(Level::try_from(n).unwrap().number() as i64, n);
        }
    }

    #[test]
    fn a_level_above_four_is_rejected() {
        assert!(Level::try_from(5i64).is_err());
        assert!("L5".parse::<Level>().is_err());
    }

    #[test]
    fn level_zero_is_the_bot_and_not_a_ticket_level() {
        assert!(Level::try_from(0i64).is_err());
        assert!("L0".parse::<Level>().is_err());
        assert!(Level::try_from(-1i64).is_err());
    }

    #[test]
    fn a_level_parses_from_a_number_or_its_name() {
        assert_eq!("2".parse::<Level>(), Ok(Level::L2));
        assert_eq!("L3".parse::<Level>(), Ok(Level::L3));
        assert_eq!(" l4 ".parse::<Level>(), Ok(Level::L4));
        assert!("two".parse::<Level>().is_err());
    }

    #[test]
    fn a_level_is_displayed_as_l_and_its_number() {
        assert_eq!(Level::L2.to_string(), "L2");
    }

    #[test]
    fn the_next_level_after_four_does_not_exist() {
        assert_eq!(Level::L1.next(), Some(Level::L2));
        assert_eq!(Level::L4.next(), None);
    }

    #[test]
    fn the_level_below_one_does_not_exist() {
        assert_eq!(Level::L2.prev(), Some(Level::L1));
        assert_eq!(Level::L1.prev(), None);
    }

    #[test]
    fn levels_serialise_as_numbers_and_refuse_bad_ones() {
        assert_eq!(serde_json::to_string(&Level::L3).unwrap(), "3");
        assert_eq!(serde_json::from_str::<Level>("2").unwrap(), Level::L2);
        assert!(serde_json::from_str::<Level>("9").is_err());
    }

    #[test]
    fn a_level_set_round_trips_through_its_bits() {
        let set = LevelSet::of(&[Level::L1, Level::L3]);
        assert!(set.contains(Level::L3) && !set.contains(Level::L2));
        assert_eq!(LevelSet::from_bits(set.bits()), set);
        assert_eq!(set.iter().collect::<Vec<_>>(), vec![Level::L1, Level::L3]);
    }
}
