//! The console's script language: one action per line.
//!
//! ```text
//! alice in #help: how do I reopen a ticket?          say something
//! alice /ask question: how do I reopen a ticket?     a slash command (in #help)
//! lena /escalate reason: needs L2 in #l1-desk thread  … somewhere else
//! alice clicks "Talk to a human"                      the newest message with it
//! lena clicks "Claim" in #l1-desk                     … in one channel
//! mark fills reason: Data corruption suspected        the modal last shown to mark
//! show alice                                          what alice sees now
//! show root into ./files                              … and save the files shown
//! help, quit                                          the commands; the end
//! wait 2h                                             move the clocks (bot's, Discord's)
//! # a comment
//! ```
//!
//! Places: `#channel`, `thread` (the thread the person saw something in
//! last) or `#channel thread` (the same, among that channel's threads).
//! Parsing is purely textual: whether a person, channel, command or button
//! exists is found out when the line runs.

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

/// Where an action happens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// A channel (or thread) by name, without the `#`.
    Channel(String),
    /// The thread the person saw activity in last, optionally among the
    /// threads of one channel.
    LatestThread { under: Option<String> },
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Channel(name) => write!(f, "#{name}"),
            Place::LatestThread { under: None } => write!(f, "thread"),
            Place::LatestThread { under: Some(c) } => write!(f, "#{c} thread"),
        }
    }
}

/// One line of a script.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Say {
        who: String,
        place: Place,
        text: String,
    },
    Slash {
        who: String,
        /// `ask`, or `ticket open` for a subcommand.
        command: String,
        /// Option values as typed; their types come from the registered command.
        options: Vec<(String, String)>,
        place: Option<Place>,
    },
    Click {
        who: String,
        label: String,
        place: Option<Place>,
    },
    Fill {
        who: String,
        values: Vec<(String, String)>,
    },
    Show {
        who: String,
        /// `show NAME into DIR`: also save the files shown there.
        save_to: Option<PathBuf>,
    },
    Wait(Duration),
    /// `help`: the syntax and the bot's slash commands.
    Help,
    /// `quit` or `exit`: end the session.
    Quit,
}

/// Why a line could not be read; the console adds the line number.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct SyntaxError(String);

fn bad(message: impl Into<String>) -> SyntaxError {
    SyntaxError(message.into())
}

const FORMS: &str = "expected `NAME in #channel: text`, `NAME /command option: value`, \
`NAME clicks \"Label\"`, `NAME fills field: value`, `show NAME [into DIR]`, `wait 2h`, \
`help` or `quit`";

/// Reads one line: `Ok(None)` for a blank line or a comment.
pub fn parse_line(line: &str) -> Result<Option<Action>, SyntaxError> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') || line.starts_with("//") {
        return Ok(None);
    }
    let (first, rest) = split_word(line);
    match first {
        "help" | "quit" | "exit" if !rest.trim().is_empty() => {
            return Err(bad(format!("`{first}` takes nothing after it")));
        }
        "help" => return Ok(Some(Action::Help)),
        "quit" | "exit" => return Ok(Some(Action::Quit)),
        "show" => return parse_show(rest.trim()).map(Some),
        "wait" => return parse_wait(rest.trim()).map(|d| Some(Action::Wait(d))),
        _ => {}
    }
    let who = first.to_string();
    let rest = rest.trim_start();
    if let Some(command) = rest.strip_prefix('/') {
        return parse_slash(who, command).map(Some);
    }
    let (verb, tail) = split_word(rest);
    match verb {
        "in" => parse_say(who, tail).map(Some),
        "clicks" | "click" => parse_click(who, tail.trim()).map(Some),
        "fills" | "fill" => {
            let values = parse_options(unquote(tail.trim()))?;
            if values.is_empty() {
                return Err(bad("expected `NAME fills field: value`"));
            }
            Ok(Some(Action::Fill { who, values }))
        }
        "" => Err(bad(format!("`{who}` alone does nothing; {FORMS}"))),
        other => Err(bad(format!(
            "unknown action `{other}` after `{who}`; {FORMS}"
        ))),
    }
}

/// `NAME` or `NAME into DIR` (the folder may contain spaces).
fn parse_show(rest: &str) -> Result<Action, SyntaxError> {
    let (who, tail) = split_word(rest);
    if who.is_empty() {
        return Err(bad("expected `show NAME` or `show NAME into DIR`"));
    }
    let tail = tail.trim();
    let save_to = if tail.is_empty() {
        None
    } else {
        let dir = tail
            .strip_prefix("into ")
            .map(|d| unquote(d.trim()))
            .filter(|d| !d.is_empty())
            .ok_or_else(|| bad(format!("expected `show {who} into DIR`, found `{tail}`")))?;
        Some(PathBuf::from(dir))
    };
    Ok(Action::Show {
        who: who.to_string(),
        save_to,
    })
}

fn split_word(s: &str) -> (&str, &str) {
    let s = s.trim_start();
    match s.find(char::is_whitespace) {
        Some(i) => (&s[..i], &s[i..]),
        None => (s, ""),
    }
}

/// `in #help: text` (the leading `in` already taken).
fn parse_say(who: String, tail: &str) -> Result<Action, SyntaxError> {
    let (place, text) = tail
        .split_once(':')
        .ok_or_else(|| bad("expected `NAME in #channel: text` (a colon before the text)"))?;
    let place = parse_place(place.trim())?;
    let text = text.trim();
    if text.is_empty() {
        return Err(bad("nothing to say after the colon"));
    }
    Ok(Action::Say {
        who,
        place,
        text: unquote(text).to_string(),
    })
}

/// `#channel`, `thread` or `#channel thread`.
pub fn parse_place(s: &str) -> Result<Place, SyntaxError> {
    let words: Vec<&str> = s.split_whitespace().collect();
    let channel = |w: &str| {
        w.strip_prefix('#')
            .filter(|n| !n.is_empty())
            .map(str::to_string)
            .ok_or_else(|| bad(format!("expected a channel like `#help`, found `{w}`")))
    };
    match words.as_slice() {
        ["thread"] => Ok(Place::LatestThread { under: None }),
        [c] => Ok(Place::Channel(channel(c)?)),
        [c, "thread"] => Ok(Place::LatestThread {
            under: Some(channel(c)?),
        }),
        _ => Err(bad(format!(
            "expected a place: `#channel`, `thread` or `#channel thread`, found `{s}`"
        ))),
    }
}

/// Splits a trailing ` in PLACE` off an action (quote a value that
/// itself ends in "in #something").
fn split_place(s: &str) -> Result<(&str, Option<Place>), SyntaxError> {
    let trimmed = s.trim_end();
    if let Some(i) = trimmed.rfind(" in ") {
        // Inside an open quote, " in #x" is part of a value.
        if trimmed[..i].matches('"').count() % 2 == 1 {
            return Ok((trimmed, None));
        }
        let tail = trimmed[i + 4..].trim();
        let words: Vec<&str> = tail.split_whitespace().collect();
        let looks_like_place = match words.as_slice() {
            ["thread"] => true,
            [c] | [c, "thread"] => c.starts_with('#'),
            _ => false,
        };
        if looks_like_place {
            return Ok((&trimmed[..i], Some(parse_place(tail)?)));
        }
    }
    Ok((trimmed, None))
}

fn parse_slash(who: String, command: &str) -> Result<Action, SyntaxError> {
    let (body, place) = split_place(command)?;
    let first_option = option_starts(body).first().copied();
    let (path, options) = match first_option {
        Some(i) => (&body[..i], parse_options(&body[i..])?),
        None => (body, Vec::new()),
    };
    let path = path.split_whitespace().collect::<Vec<_>>().join(" ");
    if path.is_empty() {
        return Err(bad("expected a command name after `/`"));
    }
    Ok(Action::Slash {
        who,
        command: path,
        options,
        place,
    })
}

fn parse_click(who: String, tail: &str) -> Result<Action, SyntaxError> {
    let (label, rest) = if let Some(quoted) = tail.strip_prefix('"') {
        let end = quoted
            .find('"')
            .ok_or_else(|| bad("the button label has no closing quote"))?;
        (quoted[..end].to_string(), quoted[end + 1..].trim())
    } else {
        let (body, place) = split_place(tail)?;
        return if body.trim().is_empty() {
            Err(bad("expected `NAME clicks \"Label\"`"))
        } else {
            Ok(Action::Click {
                who,
                label: body.trim().to_string(),
                place,
            })
        };
    };
    if label.is_empty() {
        return Err(bad("the button label is empty"));
    }
    let place = if rest.is_empty() {
        None
    } else {
        let where_ = rest.strip_prefix("in ").ok_or_else(|| {
            bad(format!(
                "expected `in PLACE` after the label, found `{rest}`"
            ))
        })?;
        Some(parse_place(where_.trim())?)
    };
    Ok(Action::Click { who, label, place })
}

/// Byte offsets where `name:` options begin (a word of letters, digits,
/// `_` or `-` directly followed by a colon and then a space or the end, at
/// the start or after a space, outside quotes). A colon inside a value,
/// as in `09:00-18:00` or `https://…`, has no space after it.
fn option_starts(s: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut in_quotes = false;
    let mut word_start: Option<usize> = Some(0);
    let mut quote_start: Option<usize> = None;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let ends_name = chars.peek().is_none_or(|(_, next)| next.is_whitespace());
        match c {
            '"' => {
                // `"a label": value` names a form field by a label with spaces.
                let opening = !in_quotes && word_start == Some(i);
                in_quotes = !in_quotes;
                if opening {
                    quote_start = Some(i);
                    word_start = None;
                } else if !in_quotes && chars.peek().is_some_and(|(_, c)| *c == ':') {
                    word_start = quote_start.take();
                } else {
                    word_start = None;
                }
            }
            c if c.is_whitespace() => {
                word_start = (!in_quotes).then_some(i + c.len_utf8());
            }
            ':' if ends_name => {
                if let Some(start) = word_start.filter(|s| *s < i) {
                    starts.push(start);
                }
                word_start = None;
            }
            ':' => word_start = None,
            c if c.is_alphanumeric() || c == '_' || c == '-' => {}
            _ => word_start = None,
        }
    }
    starts
}

/// `name: value other: value…`; a value may be quoted to contain `word:`,
/// a name to contain spaces (`"Order number": 55123`).
pub fn parse_options(s: &str) -> Result<Vec<(String, String)>, SyntaxError> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(Vec::new());
    }
    let starts = option_starts(s);
    match starts.first() {
        Some(0) => {}
        _ => {
            return Err(bad(format!(
                "expected `name: value`, found `{s}` (options are written `name: value`)"
            )))
        }
    }
    let mut out: Vec<(String, String)> = Vec::new();
    for (k, start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(s.len());
        let piece = &s[*start..end];
        let (name, value) = piece
            .split_once(':')
            .ok_or_else(|| bad("expected `name: value`"))?;
        let value = unquote(value.trim());
        let name = unquote(name);
        if out.iter().any(|(n, _)| n == name) {
            return Err(bad(format!("the option `{name}` is given twice")));
        }
        out.push((name.to_string(), value.to_string()));
    }
    Ok(out)
}

fn unquote(s: &str) -> &str {
    s.strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .unwrap_or(s)
}

/// `90s`, `15m`, `2h`, `3d`.
const MAX_WAIT_SECONDS: u64 = 365 * 86_400;

fn parse_wait(s: &str) -> Result<Duration, SyntaxError> {
    let problem = || {
        bad(format!(
            "expected a duration like `30s`, `15m`, `2h` or `3d`, found `{s}`"
        ))
    };
    let unit_at = s.find(|c: char| !c.is_ascii_digit()).ok_or_else(problem)?;
    let (digits, unit) = s.split_at(unit_at);
    let n: u64 = digits.parse().map_err(|_| problem())?;
    let seconds = match unit {
        "s" => 1,
        "m" | "min" => 60,
        "h" => 3600,
        "d" => 86_400,
        _ => return Err(problem()),
    };
    // A year is more than any timer of the bot needs; far more would
    // move the clock past what dates can hold.
    match n.checked_mul(seconds) {
        Some(total) if total <= MAX_WAIT_SECONDS => Ok(Duration::from_secs(total)),
        _ => Err(bad(format!("`wait {s}` is too long: at most 365d"))),
    }
}

#[cfg(test)]
#[path = "script_tests.rs"]
mod tests;
