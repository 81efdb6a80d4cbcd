//! Names of people, channels and roles in a running sandbox, for rendering
//! mentions and saying where something happened.

use std::collections::HashMap;

use super::render::Names;
use crate::sandbox::{Sandbox, ServerSpec};

/// Looks names up in the sandbox (people and roles are fixed by the server
/// description; channels and threads are looked up live, as threads come
/// and go).
pub struct SandboxNames<'a> {
    sandbox: &'a Sandbox,
    users: HashMap<u64, String>,
    roles: HashMap<u64, String>,
}

impl<'a> SandboxNames<'a> {
    pub fn new(sandbox: &'a Sandbox, spec: &ServerSpec) -> SandboxNames<'a> {
        let mut users: HashMap<u64, String> = sandbox
            .people()
            .into_iter()
            .filter_map(|name| sandbox.person(&name).ok().map(|p| (p.id(), name)))
            .collect();
        users.insert(sandbox.bot_user_id(), spec.bot.name.clone());
        let mut roles: HashMap<u64, String> = spec
            .roles
            .iter()
            .filter_map(|r| sandbox.role_id(&r.name).map(|id| (id, r.name.clone())))
            .collect();
        roles.insert(sandbox.guild_id(), "@everyone".to_string());
        SandboxNames {
            sandbox,
            users,
            roles,
        }
    }

    /// `text` with each `@name` of a person or the bot (any case, followed
    /// by no further letter or digit) as the mention `<@id>`.
    pub fn mentions_typed(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(at) = rest.find('@') {
            out.push_str(&rest[..at]);
            let after = &rest[at + 1..];
            let end = after
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
                .unwrap_or(after.len());
            let word = &after[..end];
            let id = self
                .users
                .iter()
                .find(|(_, name)| !word.is_empty() && name.eq_ignore_ascii_case(word))
                .map(|(id, _)| *id);
            match id {
                Some(id) => out.push_str(&format!("<@{id}>")),
                None => {
                    out.push('@');
                    out.push_str(word);
                }
            }
            rest = &after[end..];
        }
        out.push_str(rest);
        out
    }

    /// `#help`, or `#support › #3 My invoices are missing` for a thread.
    pub fn place(&self, channel_id: u64) -> String {
        let Ok(channel) = self.sandbox.channel_by_id(channel_id) else {
            return format!("<#{channel_id}>");
        };
        match self
            .sandbox
            .channel_info(&channel)
            .ok()
            .filter(|i| i.kind.ends_with("thread"))
            .and_then(|i| i.parent)
        {
            Some(parent) => format!("#{parent} › {}", channel.name),
            None => format!("#{}", channel.name),
        }
    }
}

impl Names for SandboxNames<'_> {
    fn user(&self, id: u64) -> Option<String> {
        self.users.get(&id).cloned()
    }

    fn channel(&self, id: u64) -> Option<String> {
        self.sandbox.channel_by_id(id).ok().map(|c| c.name)
    }

    fn role(&self, id: u64) -> Option<String> {
        self.roles.get(&id).cloned()
    }
}
