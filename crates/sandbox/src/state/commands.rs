//! Registered application commands, global and per guild, with Discord's
//! naming rules and localizations kept.

use std::collections::HashMap;

use super::command_rules;
use super::permissions::Permissions;
use super::DiscordState;
use crate::error::{ApiError, FieldErrors};
use crate::ids::Snowflake;
use crate::wire::command::{CommandIn, CommandOption, CommandOut, Localizations};

pub const CHAT_INPUT: u8 = 1;

#[derive(Clone, Debug)]
pub struct Command {
    pub id: Snowflake,
    pub guild_id: Option<Snowflake>,
    pub version: Snowflake,
    pub kind: u8,
    pub name: String,
    pub name_localizations: Option<Localizations>,
    pub description: String,
    pub description_localizations: Option<Localizations>,
    pub options: Vec<CommandOption>,
    pub default_member_permissions: Option<Permissions>,
    pub dm_permission: bool,
    pub nsfw: bool,
    pub contexts: Option<Vec<u8>>,
    pub integration_types: Vec<u8>,
}

#[derive(Debug, Default)]
pub struct CommandRegistry {
    pub global: Vec<Command>,
    pub guild: HashMap<Snowflake, Vec<Command>>,
}

impl CommandRegistry {
    fn list_mut(&mut self, guild: Option<Snowflake>) -> &mut Vec<Command> {
        match guild {
            None => &mut self.global,
            Some(g) => self.guild.entry(g).or_default(),
        }
    }

    fn list(&self, guild: Option<Snowflake>) -> &[Command] {
        match guild {
            None => &self.global,
            Some(g) => self.guild.get(&g).map(Vec::as_slice).unwrap_or_default(),
        }
    }

    /// The command a person in `guild` reaches by `name` (guild commands
    /// first), by its name or a localized name.
    pub fn find(&self, guild: Snowflake, name: &str) -> Option<&Command> {
        let matches = |c: &&Command| {
            c.kind == CHAT_INPUT
                && (c.name == name
                    || c.name_localizations
                        .as_ref()
                        .is_some_and(|l| l.values().any(|v| v == name)))
        };
        self.list(Some(guild))
            .iter()
            .find(matches)
            .or_else(|| self.global.iter().find(matches))
    }

    /// Every command a person in `guild` can see, guild ones first.
    pub fn visible_in(&self, guild: Snowflake) -> Vec<&Command> {
        self.list(Some(guild))
            .iter()
            .chain(self.global.iter())
            .collect()
    }
}

impl DiscordState {
    fn command_from(
        &mut self,
        guild: Option<Snowflake>,
        id: Snowflake,
        body: CommandIn,
    ) -> Command {
        Command {
            id,
            guild_id: guild,
            version: self.ids.next_id(),
            kind: body.kind.unwrap_or(CHAT_INPUT),
            name: body.name,
            name_localizations: body.name_localizations,
            description: body.description.unwrap_or_default(),
            description_localizations: body.description_localizations,
            options: body.options.unwrap_or_default(),
            default_member_permissions: body.default_member_permissions,
            dm_permission: body.dm_permission.unwrap_or(true),
            nsfw: body.nsfw.unwrap_or(false),
            contexts: body.contexts,
            integration_types: body.integration_types.unwrap_or_else(|| vec![0]),
        }
    }

    pub fn command_out(&self, command: &Command) -> CommandOut {
        CommandOut {
            id: command.id,
            application_id: self.config.application_id,
            version: command.version,
            default_member_permissions: command.default_member_permissions,
            kind: command.kind,
            name: command.name.clone(),
            name_localizations: command.name_localizations.clone(),
            description: command.description.clone(),
            description_localizations: command.description_localizations.clone(),
            guild_id: command.guild_id,
            dm_permission: command.dm_permission,
            contexts: command.contexts.clone(),
            integration_types: command.integration_types.clone(),
            options: command.options.clone(),
            nsfw: command.nsfw,
        }
    }

    /// PUT …/commands: replaces the whole list. Commands keep their ids
    /// when a command of the same name and type stays.
    pub fn overwrite_commands(
        &mut self,
        guild: Option<Snowflake>,
        bodies: Vec<CommandIn>,
    ) -> Result<Vec<CommandOut>, ApiError> {
        let mut errors = FieldErrors::default();
        let mut names = Vec::new();
        for (i, body) in bodies.iter().enumerate() {
            command_rules::validate(body, &format!("{i}."), &mut errors);
            let key = (body.kind.unwrap_or(CHAT_INPUT), body.name.clone());
            if names.contains(&key) {
                errors.add(
                    &format!("{i}.name"),
                    "APPLICATION_COMMANDS_DUPLICATE_NAME",
                    "Application command names must be unique",
                );
            }
            names.push(key);
        }
        if bodies.len() > 100 {
            errors.max_length("_errors", 100);
        }
        errors.into_result()?;
        if let Some(g) = guild {
            self.guild(g)?;
        }
        let old = std::mem::take(self.commands.list_mut(guild));
        let mut fresh = Vec::new();
        for body in bodies {
            let kind = body.kind.unwrap_or(CHAT_INPUT);
            let id = old
                .iter()
                .find(|c| c.name == body.name && c.kind == kind)
                .map(|c| c.id)
                .unwrap_or_else(|| self.ids.next_id());
            fresh.push(self.command_from(guild, id, body));
        }
        let out = fresh.iter().map(|c| self.command_out(c)).collect();
        *self.commands.list_mut(guild) = fresh;
        Ok(out)
    }

    /// POST …/commands: creates or replaces one command by name. The bool
    /// says whether it is new (201) or replaced (200).
    pub fn upsert_command(
        &mut self,
        guild: Option<Snowflake>,
        body: CommandIn,
    ) -> Result<(CommandOut, bool), ApiError> {
        let mut errors = FieldErrors::default();
        command_rules::validate(&body, "", &mut errors);
        errors.into_result()?;
        let kind = body.kind.unwrap_or(CHAT_INPUT);
        let existing = self
            .commands
            .list(guild)
            .iter()
            .position(|c| c.name == body.name && c.kind == kind);
        let id = match existing {
            Some(at) => self.commands.list(guild)[at].id,
            None => self.ids.next_id(),
        };
        let command = self.command_from(guild, id, body);
        let out = self.command_out(&command);
        let list = self.commands.list_mut(guild);
        match existing {
            Some(at) => list[at] = command,
            None => list.push(command),
        }
        Ok((out, existing.is_none()))
    }

    pub fn list_commands(&self, guild: Option<Snowflake>) -> Vec<CommandOut> {
        self.commands
            .list(guild)
            .iter()
            .map(|c| self.command_out(c))
            .collect()
    }

    pub fn get_command(
        &self,
        guild: Option<Snowflake>,
        id: Snowflake,
    ) -> Result<CommandOut, ApiError> {
        self.commands
            .list(guild)
            .iter()
            .find(|c| c.id == id)
            .map(|c| self.command_out(c))
            .ok_or_else(ApiError::unknown_command)
    }

    pub fn delete_command(
        &mut self,
        guild: Option<Snowflake>,
        id: Snowflake,
    ) -> Result<(), ApiError> {
        let list = self.commands.list_mut(guild);
        let before = list.len();
        list.retain(|c| c.id != id);
        if list.len() == before {
            return Err(ApiError::unknown_command());
        }
        Ok(())
    }

    /// PATCH …/commands/{id}: the fields present replace the old ones.
    pub fn edit_command(
        &mut self,
        guild: Option<Snowflake>,
        id: Snowflake,
        patch: serde_json::Value,
    ) -> Result<CommandOut, ApiError> {
        let current = self
            .commands
            .list(guild)
            .iter()
            .find(|c| c.id == id)
            .map(|c| self.command_out(c))
            .ok_or_else(ApiError::unknown_command)?;
        let mut merged = serde_json::to_value(current).map_err(ApiError::malformed)?;
        if let (Some(target), Some(fields)) = (merged.as_object_mut(), patch.as_object()) {
            for (key, value) in fields {
                target.insert(key.clone(), value.clone());
            }
        }
        let body: CommandIn = serde_json::from_value(merged).map_err(ApiError::malformed)?;
        let mut errors = FieldErrors::default();
        command_rules::validate(&body, "", &mut errors);
        errors.into_result()?;
        let command = self.command_from(guild, id, body);
        let out = self.command_out(&command);
        if let Some(slot) = self
            .commands
            .list_mut(guild)
            .iter_mut()
            .find(|c| c.id == id)
        {
            *slot = command;
        }
        Ok(out)
    }
}
