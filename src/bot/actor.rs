//! Who is acting: their staff levels (from the roles the guild settings
//! map to levels) and whether they are an admin (Manage Server, as
//! design.md defines it). Discord computes the member's permissions in an
//! interaction, so nothing is cached or guessed here.

use poise::serenity_prelude::Member;

use crate::tickets::{Actor, GuildSettings, RoleId, UserId};

pub fn actor_of(user: u64, member: Option<&Member>, settings: &GuildSettings) -> Actor {
    let roles: Vec<RoleId> = member
        .map(|m| m.roles.iter().map(|r| RoleId(r.get())).collect())
        .unwrap_or_default();
    let is_admin = member
        .and_then(|m| m.permissions)
        .is_some_and(|p| p.manage_guild() || p.administrator());
    Actor {
        user: UserId(user),
        is_admin,
        staff_levels: settings.staff_levels(&roles),
    }
}

/// A staff actor from roles only (a message's author has no computed
/// permissions): never an admin.
pub fn actor_from_roles(user: u64, roles: &[u64], settings: &GuildSettings) -> Actor {
    let roles: Vec<RoleId> = roles.iter().map(|r| RoleId(*r)).collect();
    Actor {
        user: UserId(user),
        is_admin: false,
        staff_levels: settings.staff_levels(&roles),
    }
}
