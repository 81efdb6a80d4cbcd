//! Members joining, changing roles and leaving; guild lookups.

use serde::Serialize;

use super::guild::{Member, User};
use super::permissions::Permissions;
use super::DiscordState;
use crate::error::ApiError;
use crate::gateway::hub::intents;
use crate::ids::{now_iso, Snowflake};
use crate::wire::guild::{GuildOut, MemberAddOut, MemberRemoveOut};
use crate::wire::user::{MemberOut, RoleOut, UserOut};

/// GUILD_ROLE_UPDATE.
#[derive(Serialize)]
struct RoleUpdateOut {
    guild_id: Snowflake,
    role: RoleOut,
}

/// GUILD_MEMBER_UPDATE.
#[derive(Serialize)]
struct MemberUpdateOut {
    guild_id: Snowflake,
    #[serde(flatten)]
    member: MemberOut,
}

impl DiscordState {
    /// A new person joins the guild (GUILD_MEMBER_ADD).
    pub fn add_member(
        &mut self,
        guild_id: Snowflake,
        name: &str,
        locale: &str,
        roles: Vec<Snowflake>,
    ) -> Result<Snowflake, ApiError> {
        let guild = self.guild(guild_id)?;
        if roles.iter().any(|r| guild.role(*r).is_none()) {
            return Err(ApiError::unknown_role());
        }
        let id = match self.user_by_name(name) {
            Some(existing) if guild.members.contains_key(&existing.id) => {
                return Err(ApiError::invalid_field(
                    "user",
                    "ALREADY_MEMBER",
                    format!("{name} is already a member"),
                ))
            }
            Some(existing) => existing.id,
            None => {
                let id = self.ids.next_id();
                self.users.insert(
                    id,
                    User {
                        id,
                        username: name.to_string(),
                        global_name: None,
                        bot: false,
                        locale: locale.to_string(),
                    },
                );
                id
            }
        };
        let guild = self
            .guilds
            .get_mut(&guild_id)
            .ok_or_else(ApiError::unknown_guild)?;
        guild.members.insert(
            id,
            Member {
                user_id: id,
                roles,
                nick: None,
                joined_at: now_iso(),
            },
        );
        let guild = self.guild(guild_id)?;
        if let Some(member) = self.member_out(guild, id, None) {
            let event = MemberAddOut { member, guild_id };
            self.dispatch(
                "GUILD_MEMBER_ADD",
                guild_id,
                intents::GUILD_MEMBERS,
                None,
                &event,
            );
        }
        Ok(id)
    }

    /// Replaces a member's roles (GUILD_MEMBER_UPDATE), as an admin would.
    pub fn set_member_roles(
        &mut self,
        guild_id: Snowflake,
        user: Snowflake,
        roles: Vec<Snowflake>,
    ) -> Result<(), ApiError> {
        let guild = self
            .guilds
            .get_mut(&guild_id)
            .ok_or_else(ApiError::unknown_guild)?;
        if roles
            .iter()
            .any(|r| !guild.roles.iter().any(|g| g.id == *r))
        {
            return Err(ApiError::unknown_role());
        }
        let member = guild
            .members
            .get_mut(&user)
            .ok_or_else(ApiError::unknown_member)?;
        member.roles = roles;
        self.member_updated(guild_id, user);
        Ok(())
    }

    fn member_updated(&mut self, guild_id: Snowflake, user: Snowflake) {
        let Ok(guild) = self.guild(guild_id) else {
            return;
        };
        // Discord sends the bot its own member updates (its roles, so its
        // permissions) whatever its intents; others' need GUILD_MEMBERS.
        let needed = if user == self.bot_id() {
            0
        } else {
            intents::GUILD_MEMBERS
        };
        if let Some(member) = self.member_out(guild, user, None) {
            let event = MemberUpdateOut { guild_id, member };
            self.dispatch("GUILD_MEMBER_UPDATE", guild_id, needed, None, &event);
        }
    }

    /// Edits a role as an admin would in Server Settings → Roles
    /// (GUILD_ROLE_UPDATE): whether anyone may @mention it, its permissions.
    pub fn edit_role(
        &mut self,
        guild_id: Snowflake,
        role_id: Snowflake,
        mentionable: Option<bool>,
        permissions: Option<Permissions>,
    ) -> Result<(), ApiError> {
        let guild = self
            .guilds
            .get_mut(&guild_id)
            .ok_or_else(ApiError::unknown_guild)?;
        let role = guild
            .roles
            .iter_mut()
            .find(|r| r.id == role_id)
            .ok_or_else(ApiError::unknown_role)?;
        if let Some(m) = mentionable {
            role.mentionable = m;
        }
        if let Some(p) = permissions {
            role.permissions = p;
        }
        let role = role.clone();
        let event = RoleUpdateOut {
            guild_id,
            role: self.role_out(&role),
        };
        self.dispatch("GUILD_ROLE_UPDATE", guild_id, intents::GUILDS, None, &event);
        Ok(())
    }

    /// A member leaves: out of every thread, then GUILD_MEMBER_REMOVE.
    pub fn remove_member(&mut self, guild_id: Snowflake, user: Snowflake) -> Result<(), ApiError> {
        let guild = self.guild(guild_id)?;
        if !guild.members.contains_key(&user) {
            return Err(ApiError::unknown_member());
        }
        let threads: Vec<Snowflake> = guild
            .threads
            .iter()
            .copied()
            .filter(|t| self.channels.get(t).is_some_and(|c| c.thread_member(user)))
            .collect();
        for thread in threads {
            self.leave(thread, user)?;
        }
        if let Some(guild) = self.guilds.get_mut(&guild_id) {
            guild.members.remove(&user);
        }
        let event = MemberRemoveOut {
            guild_id,
            user: self.user_out(user),
        };
        self.dispatch(
            "GUILD_MEMBER_REMOVE",
            guild_id,
            intents::GUILD_MEMBERS,
            None,
            &event,
        );
        Ok(())
    }

    /// GET /guilds/{id}/members/{user}.
    pub fn get_member(&self, guild_id: Snowflake, user: Snowflake) -> Result<MemberOut, ApiError> {
        let guild = self.guild(guild_id)?;
        self.member_out(guild, user, None)
            .ok_or_else(ApiError::unknown_member)
    }

    /// GET /guilds/{id}/members: needs the Server Members intent granted.
    pub fn list_members(
        &self,
        guild_id: Snowflake,
        after: Option<Snowflake>,
        limit: Option<u32>,
    ) -> Result<Vec<MemberOut>, ApiError> {
        if !self.config.privileged.guild_members {
            return Err(ApiError::missing_access());
        }
        let guild = self.guild(guild_id)?;
        let limit = limit.unwrap_or(1).clamp(1, 1000) as usize;
        let mut ids: Vec<Snowflake> = guild
            .members
            .keys()
            .copied()
            .filter(|u| after.is_none_or(|a| *u > a))
            .collect();
        ids.sort();
        Ok(ids
            .into_iter()
            .take(limit)
            .filter_map(|u| self.member_out(guild, u, None))
            .collect())
    }

    /// PUT/DELETE /guilds/{id}/members/{user}/roles/{role}: MANAGE_ROLES,
    /// and only roles below the caller's highest role.
    pub fn change_member_role(
        &mut self,
        actor: Snowflake,
        guild_id: Snowflake,
        user: Snowflake,
        role: Snowflake,
        add: bool,
    ) -> Result<(), ApiError> {
        let guild = self.guild(guild_id)?;
        let target = guild.role(role).ok_or_else(ApiError::unknown_role)?;
        if !guild.members.contains_key(&user) {
            return Err(ApiError::unknown_member());
        }
        let perms = guild.base_permissions(actor);
        let above = guild.top_position(actor) > target.position || guild.owner_id == actor;
        if !perms.contains(Permissions::MANAGE_ROLES) || !above || target.bot_id.is_some() {
            return Err(ApiError::missing_permissions());
        }
        let mut roles = guild
            .members
            .get(&user)
            .map(|m| m.roles.clone())
            .unwrap_or_default();
        roles.retain(|r| *r != role);
        if add {
            roles.push(role);
        }
        self.set_member_roles(guild_id, user, roles)
    }

    /// GET /guilds/{id}.
    pub fn get_guild(&self, guild_id: Snowflake) -> Result<GuildOut, ApiError> {
        let guild = self.guild(guild_id)?;
        Ok(self.guild_out(guild))
    }

    /// GET /guilds/{id}/roles.
    pub fn guild_roles(&self, guild_id: Snowflake) -> Result<Vec<RoleOut>, ApiError> {
        let guild = self.guild(guild_id)?;
        Ok(guild.roles.iter().map(|r| self.role_out(r)).collect())
    }

    /// GET /users/{id}.
    pub fn get_user(&self, id: Snowflake) -> Result<UserOut, ApiError> {
        self.users
            .get(&id)
            .map(|_| self.user_out(id))
            .ok_or_else(ApiError::unknown_user)
    }
}

#[cfg(test)]
mod tests {
    use crate::gateway::hub::intents;
    use crate::state::testing::world;

    #[test]
    fn the_bot_hears_of_its_own_role_change_without_the_members_intent() {
        let mut w = world("server Acme\nrole Helper\nmember alice");
        let (tx, _rx) = tokio::sync::mpsc::unbounded_channel();
        let connection = w.gateway.connect(tx);
        w.gateway
            .open_session(connection, "s".into(), [0, 1], intents::GUILDS);
        let guild_id = *w.guilds.keys().next().unwrap();
        let guild = &w.guilds[&guild_id];
        let helper = guild.roles.iter().find(|r| r.name == "Helper").unwrap().id;
        let bot = w.bot_id();
        let alice = w.user_by_name("alice").unwrap().id;
        let mut bot_roles = guild.members[&bot].roles.clone();
        bot_roles.push(helper);

        w.set_member_roles(guild_id, alice, vec![helper]).unwrap();
        let updates = |w: &crate::state::DiscordState| {
            w.gateway
                .delivered()
                .iter()
                .filter(|d| d.name == "GUILD_MEMBER_UPDATE")
                .count()
        };
        assert_eq!(updates(&w), 0, "others' updates need GUILD_MEMBERS");
        w.set_member_roles(guild_id, bot, bot_roles).unwrap();
        assert_eq!(updates(&w), 1, "its own always come");
    }
}
