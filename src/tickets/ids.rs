//! Identifiers. Discord snowflakes are `u64` newtypes so a user id can never
//! be passed where a channel id is expected; database row ids are `i64`.

use serde::{Deserialize, Serialize};

macro_rules! snowflake {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u64);

        impl $name {
            pub const fn get(self) -> u64 {
                self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }

        impl From<u64> for $name {
            fn from(id: u64) -> Self {
                Self(id)
            }
        }
    };
}

snowflake!(
    /// A Discord server.
    GuildId
);
snowflake!(
    /// A Discord user (a member of the guild).
    UserId
);
snowflake!(
    /// A Discord channel or thread.
    ChannelId
);
snowflake!(
    /// A Discord role.
    RoleId
);
snowflake!(
    /// A Discord message.
    MessageId
);

macro_rules! row_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

row_id!(
    /// A ticket's row id: stable, global, for custom ids and internal links.
    /// People see the per-guild [`TicketNumber`] instead.
    TicketId
);
row_id!(
    /// One entry of a ticket's timeline.
    EventId
);
row_id!(
    /// One recorded L0 exchange (a question the bot answered or tried to).
    L0ExchangeId
);
row_id!(
    /// One scheduled timer.
    TimerId
);
row_id!(
    /// One Discord step in the outbox (`effects`).
    EffectId
);

/// The number people see and type (`#42`), counted per guild from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TicketNumber(pub u64);

impl std::fmt::Display for TicketNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "#{}", self.0)
    }
}

impl std::str::FromStr for TicketNumber {
    type Err = std::num::ParseIntError;

    /// Accepts `42` and `#42`, as people type both.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        s.strip_prefix('#').unwrap_or(s).parse().map(TicketNumber)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ticket_number_is_shown_with_a_hash() {
        assert_eq!(TicketNumber(42).to_string(), "#42");
    }

    #[test]
    fn a_ticket_number_parses_with_or_without_the_hash() {
        assert_eq!("#42".parse::<TicketNumber>(), Ok(TicketNumber(42)));
        assert_eq!(" 7 ".parse::<TicketNumber>(), Ok(TicketNumber(7)));
        assert!("#x".parse::<TicketNumber>().is_err());
    }

    #[test]
    fn snowflakes_serialise_as_plain_numbers() {
        let json = serde_json::to_string(&UserId(1234567890123456789)).unwrap();
        assert_eq!(json, "1234567890123456789");
    }
}
