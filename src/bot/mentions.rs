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

/// The markup for a user mention, `<@id>`: Discord shows the name, and
/// pings only as the message's allowed mentions say.
pub fn user_tag(id: impl std::fmt::Display) -> String {
    format!("<@{id}>")
}

/// The markup for a role mention, `<@&id>`.
pub fn role_tag(id: impl std::fmt::Display) -> String {
    format!("<@&{id}>")
}

/// The markup for a channel or thread link, `<#id>`.
pub fn channel_tag(id: impl std::fmt::Display) -> String {
    format!("<#{id}>")
}
