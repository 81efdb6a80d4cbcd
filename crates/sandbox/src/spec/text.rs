//! The text form of a server description, one statement per line:
//!
//! ```text
//! server Acme Support locale en-US
//! everyone: default
//! role L1 mentionable: manage_threads
//! role Admin: administrator
//! category Support
//! channel help in Support topic "Ask here"
//! channel l1-desk in Support
//!   hide
//!   allow L1: view_channel send_messages
//!   allow member root: view_channel
//! member alice
//! member boris locale ru
//! member lena roles L1 name "Lena K."
//! owner root
//! bot supportline roles Admin: default_bot
//! intent message_content off
//! ```
//!
//! Lines starting with `#` are comments. Indented lines shape the channel above them: `hide` denies VIEW_CHANNEL
//! to @everyone; `allow`/`deny <target>: <permissions>` with the target
//! `@everyone`, a role name, or `member <name>`. Permissions are snake_case
//! names separated by spaces or commas, or `none`, `all`, `default` (what
//! @everyone gets in a new server) and `default_bot`; `-name` takes one
//! away (`everyone: default -mention_everyone`).

use thiserror::Error;

use super::{BotSpec, ChannelBuilder, ServerSpec, Target};
use crate::state::permissions::Permissions;

/// A mistake in a server description, with its line (1-based; 0 when the
/// problem is not on one line).
#[derive(Debug, Error, PartialEq, Eq)]
#[error("server description, line {line}: {message}")]
pub struct SpecError {
    pub line: usize,
    pub message: String,
}

impl SpecError {
    pub fn new(line: usize, message: impl Into<String>) -> Self {
        SpecError {
            line,
            message: message.into(),
        }
    }
}

impl ServerSpec {
    /// Parses the text form shown in the module documentation.
    pub fn parse(text: &str) -> Result<ServerSpec, SpecError> {
        let mut spec = ServerSpec::new("Sandbox");
        for (index, raw) in text.lines().enumerate() {
            let line = index + 1;
            let content = raw;
            if content.trim().is_empty() || content.trim_start().starts_with('#') {
                continue;
            }
            let indented = content.starts_with(' ') || content.starts_with('\t');
            let tokens = tokenize(content).map_err(|m| SpecError::new(line, m))?;
            let statement = Statement { line, tokens };
            spec = if indented {
                statement.channel_rule(spec)?
            } else {
                statement.apply(spec)?
            };
        }
        Ok(spec)
    }
}

/// Splits on whitespace and commas, keeps "quoted text" whole and makes
/// every unquoted `:` a token of its own.
fn tokenize(line: &str) -> Result<Vec<String>, String> {
    let mut tokens = Vec::new();
    let mut current = String::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                let mut quoted = String::new();
                loop {
                    match chars.next() {
                        Some('"') => break,
                        Some(c) => quoted.push(c),
                        None => return Err("a quote is not closed".to_string()),
                    }
                }
                tokens.push(quoted);
            }
            ':' => {
                flush(&mut current, &mut tokens);
                tokens.push(":".to_string());
            }
            c if c.is_whitespace() || c == ',' => flush(&mut current, &mut tokens),
            c => current.push(c),
        }
    }
    flush(&mut current, &mut tokens);
    Ok(tokens)
}

fn flush(current: &mut String, tokens: &mut Vec<String>) {
    if !current.is_empty() {
        tokens.push(std::mem::take(current));
    }
}

struct Statement {
    line: usize,
    tokens: Vec<String>,
}

const KEYWORDS: &[&str] = &[
    "in",
    "topic",
    "locale",
    "roles",
    "name",
    "mentionable",
    "hoist",
    ":",
];

impl Statement {
    fn error(&self, message: impl Into<String>) -> SpecError {
        SpecError::new(self.line, message)
    }

    /// The words before the first `:` and the permissions after it.
    fn split_permissions(&self) -> Result<(Vec<&str>, Option<Permissions>), SpecError> {
        let words: Vec<&str> = self.tokens.iter().map(String::as_str).collect();
        match words.iter().position(|t| *t == ":") {
            None => Ok((words, None)),
            Some(at) => {
                let perms = parse_permissions(&words[at + 1..]).map_err(|m| self.error(m))?;
                Ok((words[..at].to_vec(), Some(perms)))
            }
        }
    }

    fn apply(self, spec: ServerSpec) -> Result<ServerSpec, SpecError> {
        let (words, perms) = self.split_permissions()?;
        let Some((keyword, rest)) = words.split_first() else {
            return Err(self.error("a line without a statement"));
        };
        let opts = Options::read(rest);
        match *keyword {
            "server" => {
                let mut spec = spec;
                spec.name = opts
                    .head_joined()
                    .ok_or_else(|| self.error("server needs a name"))?;
                if let Some(locale) = opts.value("locale") {
                    spec.locale = locale;
                }
                Ok(spec)
            }
            "everyone" => Ok(spec.everyone(perms.unwrap_or(Permissions::DEFAULT_EVERYONE))),
            "role" => {
                let name = opts
                    .head_joined()
                    .ok_or_else(|| self.error("role needs a name"))?;
                let mut spec = spec.role(name, perms.unwrap_or_default());
                if let Some(role) = spec.roles.last_mut() {
                    role.mentionable = opts.flag("mentionable");
                    role.hoist = opts.flag("hoist");
                }
                Ok(spec)
            }
            "category" => {
                let name = opts
                    .head_joined()
                    .ok_or_else(|| self.error("category needs a name"))?;
                Ok(spec.category(name))
            }
            "channel" => {
                let name = opts
                    .head_joined()
                    .ok_or_else(|| self.error("channel needs a name"))?;
                let name = name.trim_start_matches('#').to_string();
                let category = opts.value("in");
                let topic = opts.value("topic");
                Ok(spec.channel(name, |mut c: ChannelBuilder| {
                    if let Some(category) = category {
                        c = c.category(category);
                    }
                    if let Some(topic) = topic {
                        c = c.topic(topic);
                    }
                    c
                }))
            }
            "member" => {
                let name = opts
                    .head_joined()
                    .ok_or_else(|| self.error("member needs a name"))?;
                let roles = opts.list("roles");
                let locale = opts.value("locale");
                let display = opts.value("name");
                Ok(spec.member_with(name, |mut m| {
                    m = m.roles(roles);
                    if let Some(locale) = locale {
                        m = m.locale(locale);
                    }
                    if let Some(display) = display {
                        m = m.display_name(display);
                    }
                    m
                }))
            }
            "owner" => {
                let name = opts
                    .head_joined()
                    .ok_or_else(|| self.error("owner needs a name"))?;
                Ok(spec.owner(name))
            }
            "bot" => {
                let mut spec = spec;
                if let Some(name) = opts.head_joined() {
                    spec.bot.name = name;
                }
                spec.bot.roles = opts.list("roles");
                if let Some(perms) = perms {
                    spec.bot.permissions = perms;
                }
                Ok(spec)
            }
            "intent" => self.intent(spec, rest),
            other => Err(self.error(format!("unknown statement `{other}`"))),
        }
    }

    fn intent(&self, mut spec: ServerSpec, rest: &[&str]) -> Result<ServerSpec, SpecError> {
        let [name, state] = rest else {
            return Err(self.error("write `intent <name> on|off`"));
        };
        let on = match *state {
            "on" => true,
            "off" => false,
            _ => return Err(self.error("an intent is `on` or `off`")),
        };
        match *name {
            "message_content" => spec.privileged.message_content = on,
            "guild_members" => spec.privileged.guild_members = on,
            "presences" | "guild_presences" => spec.privileged.presences = on,
            other => return Err(self.error(format!("`{other}` is not a privileged intent"))),
        }
        Ok(spec)
    }

    /// An indented line: a rule for the last channel.
    fn channel_rule(self, mut spec: ServerSpec) -> Result<ServerSpec, SpecError> {
        let (words, perms) = self.split_permissions()?;
        let Some(channel) = spec.channels.last_mut() else {
            return Err(self.error("an indented rule needs a channel above it"));
        };
        let overwrite = match words.as_slice() {
            ["hide"] => (
                Target::Everyone,
                Permissions::NONE,
                Permissions::VIEW_CHANNEL,
            ),
            [verb @ ("allow" | "deny"), target @ ..] => {
                let perms = perms.ok_or_else(|| self.error("write `allow <target>: <perms>`"))?;
                let target = match target {
                    ["@everyone"] | ["everyone"] => Target::Everyone,
                    ["member", name @ ..] if !name.is_empty() => Target::Member(name.join(" ")),
                    ["role", name @ ..] if !name.is_empty() => Target::Role(name.join(" ")),
                    name if !name.is_empty() => Target::Role(name.join(" ")),
                    _ => return Err(self.error("allow/deny needs a target")),
                };
                if *verb == "allow" {
                    (target, perms, Permissions::NONE)
                } else {
                    (target, Permissions::NONE, perms)
                }
            }
            _ => return Err(self.error("a channel rule is `hide`, `allow …` or `deny …`")),
        };
        channel.overwrites.push(super::OverwriteSpec {
            target: overwrite.0,
            allow: overwrite.1,
            deny: overwrite.2,
        });
        Ok(spec)
    }
}

/// The words of a statement: a head (the name) and keyword options.
struct Options<'a> {
    head: Vec<&'a str>,
    rest: &'a [&'a str],
}

impl<'a> Options<'a> {
    fn read(words: &'a [&'a str]) -> Self {
        let end = words
            .iter()
            .position(|w| KEYWORDS.contains(w))
            .unwrap_or(words.len());
        Options {
            head: words[..end].to_vec(),
            rest: &words[end..],
        }
    }

    fn head_joined(&self) -> Option<String> {
        (!self.head.is_empty()).then(|| self.head.join(" "))
    }

    fn flag(&self, name: &str) -> bool {
        self.rest.contains(&name)
    }

    fn values(&self, name: &str) -> Vec<String> {
        let Some(at) = self.rest.iter().position(|w| *w == name) else {
            return Vec::new();
        };
        self.rest[at + 1..]
            .iter()
            .take_while(|w| !KEYWORDS.contains(w))
            .map(|w| w.to_string())
            .collect()
    }

    fn value(&self, name: &str) -> Option<String> {
        let values = self.values(name);
        (!values.is_empty()).then(|| values.join(" "))
    }

    fn list(&self, name: &str) -> Vec<String> {
        self.values(name)
    }
}

fn parse_permissions(words: &[&str]) -> Result<Permissions, String> {
    let mut perms = Permissions::NONE;
    for word in words {
        if let Some(name) = word.strip_prefix('-') {
            let taken = Permissions::from_name(name)
                .ok_or_else(|| format!("`{name}` is not a Discord permission"))?;
            perms = perms & !taken;
            continue;
        }
        perms |= match *word {
            "none" => Permissions::NONE,
            "all" => Permissions::ALL,
            "default" => Permissions::DEFAULT_EVERYONE,
            "default_bot" => BotSpec::DEFAULT_PERMISSIONS,
            name => Permissions::from_name(name)
                .ok_or_else(|| format!("`{name}` is not a Discord permission"))?,
        };
    }
    Ok(perms)
}

#[cfg(test)]
#[path = "text_tests.rs"]
mod tests;
