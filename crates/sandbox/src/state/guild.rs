//! A guild's roles and members, and the permission subject for a member.

use std::collections::{BTreeSet, HashMap};

use super::permissions::{self, Overwrite, Permissions, Subject};
use crate::ids::Snowflake;

#[derive(Clone, Debug)]
pub struct User {
    pub id: Snowflake,
    pub username: String,
    pub global_name: Option<String>,
    pub bot: bool,
    /// The Discord client language (`en-US`, `ru`…), sent in interactions.
    pub locale: String,
}

#[derive(Clone, Debug)]
pub struct Role {
    pub id: Snowflake,
    pub name: String,
    pub permissions: Permissions,
    pub position: u16,
    pub color: u32,
    pub hoist: bool,
    pub mentionable: bool,
    /// Set for the role Discord manages for a bot.
    pub bot_id: Option<Snowflake>,
}

#[derive(Clone, Debug)]
pub struct Member {
    pub user_id: Snowflake,
    pub roles: Vec<Snowflake>,
    pub nick: Option<String>,
    pub joined_at: String,
}

#[derive(Clone, Debug)]
pub struct Guild {
    pub id: Snowflake,
    pub name: String,
    pub owner_id: Snowflake,
    pub locale: String,
    /// Ordered by position; the first is @everyone (its id is the guild's).
    pub roles: Vec<Role>,
    pub members: HashMap<Snowflake, Member>,
    /// Channels and categories in creation order (threads not included).
    pub channels: Vec<Snowflake>,
    /// Every thread of the guild, archived or not.
    pub threads: BTreeSet<Snowflake>,
    /// The threads not archived (Discord allows 1,000 of them).
    pub active_threads: BTreeSet<Snowflake>,
    pub created_at: String,
}

impl Guild {
    pub fn role(&self, id: Snowflake) -> Option<&Role> {
        self.roles.iter().find(|r| r.id == id)
    }

    pub fn role_by_name(&self, name: &str) -> Option<&Role> {
        let name = name.trim_start_matches('@');
        self.roles
            .iter()
            .find(|r| r.name.eq_ignore_ascii_case(name))
    }

    pub fn everyone(&self) -> Permissions {
        self.role(self.id)
            .map(|r| r.permissions)
            .unwrap_or_default()
    }

    /// The member's roles with their permissions (without @everyone).
    fn role_permissions(&self, member: &Member) -> Vec<(Snowflake, Permissions)> {
        member
            .roles
            .iter()
            .filter_map(|id| self.role(*id).map(|r| (r.id, r.permissions)))
            .collect()
    }

    fn with_subject<T>(&self, user: Snowflake, f: impl FnOnce(&Subject<'_>) -> T) -> Option<T> {
        let member = self.members.get(&user)?;
        let roles = self.role_permissions(member);
        let subject = Subject {
            user_id: user,
            guild_id: self.id,
            owner_id: self.owner_id,
            everyone: self.everyone(),
            roles: &roles,
        };
        Some(f(&subject))
    }

    /// Guild-wide permissions of a member (none for a non-member).
    pub fn base_permissions(&self, user: Snowflake) -> Permissions {
        self.with_subject(user, permissions::base_permissions)
            .unwrap_or_default()
    }

    /// What a member's permissions in a thread start from: the parent's,
    /// before the text channel's own SEND_MESSAGES rule.
    pub fn permissions_for_threads_of(
        &self,
        user: Snowflake,
        parent_overwrites: &[Overwrite],
    ) -> Permissions {
        self.with_subject(user, |s| {
            permissions::inherited_by_threads(s, parent_overwrites)
        })
        .unwrap_or_default()
    }

    /// Permissions of a member in a channel with these overwrites.
    pub fn channel_permissions(&self, user: Snowflake, overwrites: &[Overwrite]) -> Permissions {
        self.with_subject(user, |s| permissions::channel_permissions(s, overwrites))
            .unwrap_or_default()
    }

    /// The highest position among the member's roles (0 for @everyone only).
    pub fn top_position(&self, user: Snowflake) -> u16 {
        let Some(member) = self.members.get(&user) else {
            return 0;
        };
        member
            .roles
            .iter()
            .filter_map(|id| self.role(*id))
            .map(|r| r.position)
            .max()
            .unwrap_or(0)
    }

    pub fn has_role(&self, user: Snowflake, role: Snowflake) -> bool {
        self.members
            .get(&user)
            .is_some_and(|m| m.roles.contains(&role))
    }
}
