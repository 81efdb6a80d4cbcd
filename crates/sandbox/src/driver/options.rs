//! Filling in a slash command's options the way the Discord client does:
//! by the option types the bot registered, resolving people, channels and
//! roles by name.

use serde_json::Value;

use super::DriverError;
use crate::ids::Snowflake;
use crate::state::commands::Command;
use crate::state::DiscordState;
use crate::wire::command::{
    CommandOption, BOOLEAN, CHANNEL, INTEGER, MENTIONABLE, NUMBER, ROLE, STRING, SUB_COMMAND,
    SUB_COMMAND_GROUP, USER,
};
use crate::wire::interaction::{OptionValueOut, ResolvedOut};
use crate::wire::user::PartialMemberOut;

/// A value typed into a slash command option. Text is read according to
/// the option's type, as the Discord client reads what people type: a
/// number for a number option, `true`/`false` (or `yes`/`no`) for a
/// boolean, a person's name for a user option, a channel name for a
/// channel option, a role name for a role option.
#[derive(Clone, Debug, PartialEq)]
pub enum Opt {
    Text(String),
    Int(i64),
    Number(f64),
    Bool(bool),
}

impl From<&str> for Opt {
    fn from(v: &str) -> Self {
        Opt::Text(v.to_string())
    }
}
impl From<String> for Opt {
    fn from(v: String) -> Self {
        Opt::Text(v)
    }
}
impl From<i64> for Opt {
    fn from(v: i64) -> Self {
        Opt::Int(v)
    }
}
impl From<i32> for Opt {
    fn from(v: i32) -> Self {
        Opt::Int(v.into())
    }
}
impl From<u32> for Opt {
    fn from(v: u32) -> Self {
        Opt::Int(v.into())
    }
}
impl From<f64> for Opt {
    fn from(v: f64) -> Self {
        Opt::Number(v)
    }
}
impl From<bool> for Opt {
    fn from(v: bool) -> Self {
        Opt::Bool(v)
    }
}

/// The filled-in options and what they refer to.
pub(crate) struct Filled {
    pub options: Vec<OptionValueOut>,
    pub resolved: ResolvedOut,
}

/// Walks `path` ("ticket open") through subcommand groups and subcommands,
/// then fills the leaf's options from `given`. `focused` marks the option
/// being typed for autocomplete (its value is sent as text, unchecked).
pub(crate) fn fill(
    world: &DiscordState,
    guild: Snowflake,
    command: &Command,
    path: &[&str],
    given: &[(&str, Opt)],
    focused: Option<&str>,
) -> Result<Filled, DriverError> {
    let mut resolved = ResolvedOut::default();
    let leaf = fill_level(
        world,
        guild,
        &command.name,
        &command.options,
        path,
        given,
        focused,
        &mut resolved,
    )?;
    Ok(Filled {
        options: leaf,
        resolved,
    })
}

#[allow(clippy::too_many_arguments)]
fn fill_level(
    world: &DiscordState,
    guild: Snowflake,
    command: &str,
    options: &[CommandOption],
    path: &[&str],
    given: &[(&str, Opt)],
    focused: Option<&str>,
    resolved: &mut ResolvedOut,
) -> Result<Vec<OptionValueOut>, DriverError> {
    if let Some((next, rest)) = path.split_first() {
        let sub = options
            .iter()
            .find(|o| o.is_subcommand() && o.is_named(next))
            .ok_or_else(|| DriverError::UnknownCommand(format!("{command} {next}")))?;
        let inner = fill_level(
            world,
            guild,
            command,
            sub.children(),
            rest,
            given,
            focused,
            resolved,
        )?;
        return Ok(vec![OptionValueOut {
            name: sub.name.clone(),
            kind: sub.kind,
            value: None,
            options: Some(inner),
            focused: None,
        }]);
    }
    if options
        .iter()
        .any(|o| matches!(o.kind, SUB_COMMAND | SUB_COMMAND_GROUP))
    {
        return Err(DriverError::UnknownCommand(format!(
            "{command} needs a subcommand: {}",
            options
                .iter()
                .map(|o| o.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    for (name, _) in given {
        if !options.iter().any(|o| o.is_named(name)) {
            return Err(DriverError::UnknownOption {
                command: command.to_string(),
                option: name.to_string(),
            });
        }
    }
    let mut out = Vec::new();
    for option in options {
        let Some((_, value)) = given.iter().find(|(n, _)| option.is_named(n)) else {
            if option.required == Some(true) && focused.is_none() {
                return Err(DriverError::MissingOption {
                    command: command.to_string(),
                    option: option.name.clone(),
                });
            }
            continue;
        };
        let is_focused = focused.is_some_and(|f| option.is_named(f));
        let value = if is_focused {
            match value {
                Opt::Text(t) => Value::String(t.clone()),
                other => Value::String(format!("{other:?}")),
            }
        } else {
            convert(world, guild, command, option, value, resolved)?
        };
        out.push(OptionValueOut {
            name: option.name.clone(),
            kind: option.kind,
            value: Some(value),
            options: None,
            focused: is_focused.then_some(true),
        });
    }
    Ok(out)
}

fn bad(command: &str, option: &CommandOption, why: impl Into<String>) -> DriverError {
    DriverError::BadOptionValue {
        command: command.to_string(),
        option: option.name.clone(),
        why: why.into(),
    }
}

/// The Discord client refuses to send a number outside the option's
/// `min_value`/`max_value` ("Value must be greater than or equal to …"),
/// so the bot never sees one.
fn in_range(command: &str, option: &CommandOption, n: f64) -> Result<(), DriverError> {
    let bound = |v: &Option<Value>| v.as_ref().and_then(Value::as_f64);
    if let Some(min) = bound(&option.min_value).filter(|min| n < *min) {
        return Err(bad(command, option, format!("must be at least {min}")));
    }
    if let Some(max) = bound(&option.max_value).filter(|max| n > *max) {
        return Err(bad(command, option, format!("must be at most {max}")));
    }
    Ok(())
}

fn convert(
    world: &DiscordState,
    guild: Snowflake,
    command: &str,
    option: &CommandOption,
    value: &Opt,
    resolved: &mut ResolvedOut,
) -> Result<Value, DriverError> {
    if let Some(choices) = option.choices.as_ref().filter(|c| !c.is_empty()) {
        let wanted = match value {
            Opt::Text(t) => Value::String(t.clone()),
            Opt::Int(i) => Value::from(*i),
            Opt::Number(n) => Value::from(*n),
            Opt::Bool(b) => Value::from(*b),
        };
        let picked = choices
            .iter()
            .find(|c| c.value == wanted || Value::String(c.name.clone()) == wanted)
            .ok_or_else(|| bad(command, option, "not one of the offered choices"))?;
        return Ok(picked.value.clone());
    }
    match (option.kind, value) {
        (STRING, Opt::Text(t)) => {
            let length = t.chars().count() as u16;
            if option.max_length.is_some_and(|m| length > m)
                || option.min_length.is_some_and(|m| length < m)
            {
                return Err(bad(command, option, "text length out of the allowed range"));
            }
            Ok(Value::String(t.clone()))
        }
        (INTEGER, Opt::Int(i)) => in_range(command, option, *i as f64).map(|_| Value::from(*i)),
        (INTEGER, Opt::Text(t)) => {
            let i = t
                .trim()
                .parse::<i64>()
                .map_err(|_| bad(command, option, format!("`{t}` is not a whole number")))?;
            in_range(command, option, i as f64).map(|_| Value::from(i))
        }
        (NUMBER, Opt::Text(t)) => {
            let n = t
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|n| n.is_finite())
                .ok_or_else(|| bad(command, option, format!("`{t}` is not a number")))?;
            in_range(command, option, n).map(|_| Value::from(n))
        }
        (BOOLEAN, Opt::Text(t)) => match t.trim() {
            "true" | "yes" => Ok(Value::from(true)),
            "false" | "no" => Ok(Value::from(false)),
            _ => Err(bad(command, option, format!("`{t}` is not true or false"))),
        },
        (NUMBER, Opt::Number(n)) => in_range(command, option, *n).map(|_| Value::from(*n)),
        (NUMBER, Opt::Int(i)) => {
            in_range(command, option, *i as f64).map(|_| Value::from(*i as f64))
        }
        (BOOLEAN, Opt::Bool(b)) => Ok(Value::from(*b)),
        (USER | MENTIONABLE, Opt::Text(name)) => {
            let user = world
                .user_by_name(name)
                .ok_or_else(|| bad(command, option, format!("nobody is called {name}")))?;
            resolved.users.insert(user.id, world.user_out(user.id));
            if let Some(member) = world
                .guilds
                .get(&guild)
                .and_then(|g| world.member_out(g, user.id, None))
            {
                resolved
                    .members
                    .insert(user.id, PartialMemberOut::from(member));
            }
            Ok(Value::String(user.id.to_string()))
        }
        (CHANNEL, Opt::Text(name)) => {
            let channel = world
                .channel_by_name(name)
                .ok_or_else(|| bad(command, option, format!("there is no channel {name}")))?;
            let viewer = world.bot_id();
            resolved
                .channels
                .insert(channel.id, world.partial_channel_out(channel, viewer));
            Ok(Value::String(channel.id.to_string()))
        }
        (ROLE, Opt::Text(name)) => {
            let role = world
                .guilds
                .get(&guild)
                .and_then(|g| g.role_by_name(name))
                .ok_or_else(|| bad(command, option, format!("there is no role {name}")))?;
            resolved.roles.insert(role.id, world.role_out(role));
            Ok(Value::String(role.id.to_string()))
        }
        _ => Err(bad(
            command,
            option,
            format!("{value:?} does not fit option type {}", option.kind),
        )),
    }
}
