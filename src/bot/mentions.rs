//! Allowed mentions for every message the bot sends: user text may contain
//! `@everyone` or role mentions, and must never ping anyone by itself.

use poise::serenity_prelude::{CreateAllowedMentions, RoleId, UserId};

/// Nobody is pinged, whatever the text contains.
pub fn nobody() -> CreateAllowedMentions {
    CreateAllowedMentions::new()
        .empty_users()
        .empty_roles()
        .everyone(false)
        .replied_user(false)
}

/// Only these users are pinged.
pub fn users(users: impl IntoIterator<Item = u64>) -> CreateAllowedMentions {
    nobody().users(users.into_iter().map(UserId::new))
}

/// Only this role is pinged.
pub fn role(role: u64) -> CreateAllowedMentions {
    nobody().roles([RoleId::new(role)])
}
