//! The sandbox console: act as anyone on the demo server and see what each
//! person sees. A script (or a person typing) gives one action per line;
//! after each, the console waits until the bot has settled and prints
//! every new thing each person saw.
//!
//! - [`script`]: the language (parsing, errors naming what was expected);
//! - `act`: running a line as a person; `place`: which channel or thread;
//! - `seen`, `names`, [`render`]: what people saw, with names for mentions;
//! - [`print`]: text or `--json`; `repl`: the loop over standard input;
//! - [`remote`]: the same console driving a served sandbox
//!   (`supportline sandbox --connect`), whose process runs the lines.

mod act;
pub mod help;
mod names;
mod place;
pub mod print;
pub mod remote;
pub mod render;
mod repl;
pub mod script;
mod seen;

use std::io::Write;

pub use help::HELP;
pub use print::Format;
pub use repl::interactive_loop;
pub use seen::{Seen, SeenEmbed, SeenField, SeenFile, SeenModal};

use crate::bot::Clock;
use crate::sandbox::{PersonView, Sandbox, ServerSpec};
use names::SandboxNames;
use seen::{seen_message, Memory};

/// What one line did: what people saw, what the console itself says
/// (help, files saved), what went wrong, and whether the session ends.
/// A served sandbox sends it as JSON to `--connect` consoles.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct LineOutcome {
    pub seen: Vec<Seen>,
    pub notes: Vec<String>,
    pub errors: Vec<String>,
    pub quit: bool,
}

/// What a whole script did.
#[derive(Debug, Default)]
pub struct ScriptReport {
    pub seen: Vec<Seen>,
    /// (line number, message)
    pub errors: Vec<(usize, String)>,
}

/// Something that runs console lines: a [`Console`] on a sandbox in this
/// process, or a [`remote::Remote`] one in a served sandbox.
// Only ever used generically within this crate, never as `dyn` or across threads.
#[allow(async_fn_in_trait)]
pub trait RunsLines {
    /// Runs one line (numbered from 1) and says what it did.
    async fn run_line(&mut self, number: usize, line: &str) -> LineOutcome;
}

impl RunsLines for Console<'_> {
    async fn run_line(&mut self, number: usize, line: &str) -> LineOutcome {
        Console::run_line(self, number, line).await
    }
}

/// A console on a running sandbox with the bot connected.
pub struct Console<'a> {
    sandbox: &'a Sandbox,
    clock: Clock,
    names: SandboxNames<'a>,
    memory: Memory,
    cursor: u64,
}

impl<'a> Console<'a> {
    /// `spec` is the server the sandbox was started with (for role names);
    /// `clock` the bot's, moved by `wait`.
    pub fn new(sandbox: &'a Sandbox, spec: &ServerSpec, clock: Clock) -> Console<'a> {
        Console {
            sandbox,
            clock,
            names: SandboxNames::new(sandbox, spec),
            memory: Memory::default(),
            cursor: sandbox.cursor(),
        }
    }

    /// Runs one line (numbered from 1): acts, waits until the bot has
    /// settled, and collects what everyone saw since the previous line.
    pub async fn run_line(&mut self, number: usize, line: &str) -> LineOutcome {
        let mut outcome = LineOutcome::default();
        let action = match script::parse_line(line) {
            Ok(Some(action)) => action,
            Ok(None) => return outcome,
            Err(e) => {
                outcome.errors.push(e.to_string());
                return outcome;
            }
        };
        match &action {
            script::Action::Help => {
                outcome.notes.push(help::HELP.to_string());
                outcome.notes.push(help::commands(&self.sandbox.commands()));
                return outcome;
            }
            script::Action::Quit => {
                outcome.quit = true;
                return outcome;
            }
            _ => {}
        }
        // "@lena" typed in a message is what the Discord client sends once
        // the name is picked from its list: a mention.
        let action = match action {
            script::Action::Say { who, place, text } => script::Action::Say {
                who,
                place,
                text: self.names.mentions_typed(&text),
            },
            other => other,
        };
        let shown = match act::act(self.sandbox, &self.clock, &action).await {
            Ok(view) => view,
            Err(e) => {
                outcome.errors.push(e.to_string());
                None
            }
        };
        if let Err(e) = self.sandbox.settled().await {
            outcome.errors.push(e.to_string());
        }
        let (sightings, cursor) = self.sandbox.sightings_since(self.cursor);
        self.cursor = cursor;
        outcome.seen = self.memory.filter(number, &sightings, &self.names);
        if let Some(view) = shown {
            outcome.seen.extend(self.shown(number, &view));
            if let script::Action::Show {
                save_to: Some(dir), ..
            } = &action
            {
                self.save_files(&view, dir, &mut outcome);
            }
        }
        outcome
    }

    /// `show NAME into DIR`: every file among the messages shown, written
    /// to `dir` under its own name.
    fn save_files(&self, view: &PersonView, dir: &std::path::Path, outcome: &mut LineOutcome) {
        let files = view
            .channels
            .iter()
            .flat_map(|c| &c.recent)
            .flat_map(|m| &m.attachments);
        if let Err(e) = std::fs::create_dir_all(dir) {
            outcome
                .errors
                .push(format!("cannot make {}: {e}", dir.display()));
            return;
        }
        for file in files {
            let Some(bytes) = self.sandbox.file(file.id) else {
                outcome
                    .errors
                    .push(format!("{} is no longer stored", file.filename));
                continue;
            };
            // The file's own name, never a path it might carry.
            let name = std::path::Path::new(&file.filename)
                .file_name()
                .map(|n| n.to_owned())
                .unwrap_or_else(|| format!("file-{}", file.id).into());
            let path = dir.join(name);
            match std::fs::write(&path, &bytes) {
                Ok(()) => {
                    outcome
                        .notes
                        .push(format!("saved {} ({} bytes)", path.display(), bytes.len()))
                }
                Err(e) => outcome
                    .errors
                    .push(format!("cannot write {}: {e}", path.display())),
            }
        }
    }

    /// What `show` prints: the latest messages of every channel the person
    /// sees, without Discord's own lines ("added to the thread"), which the
    /// live view leaves out too: printed, they were empty bot messages.
    fn shown(&self, number: usize, view: &PersonView) -> Vec<Seen> {
        view.channels
            .iter()
            .flat_map(|c| &c.recent)
            .filter(|m| !m.loading && !m.is_system())
            .map(|m| seen_message(number, &view.who, "shown", m, &self.names))
            .collect()
    }

    /// Runs every line of `script`, printing as it goes; carries on after
    /// errors and reports them all.
    pub async fn run_script(
        &mut self,
        script: &str,
        format: Format,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> std::io::Result<ScriptReport> {
        let mut report = ScriptReport::default();
        for (i, line) in script.lines().enumerate() {
            let number = i + 1;
            let outcome = self.run_line(number, line).await;
            echo(out, format, line)?;
            self.print(number, &outcome, format, out, err)?;
            report.seen.extend(outcome.seen);
            report
                .errors
                .extend(outcome.errors.into_iter().map(|e| (number, e)));
            if outcome.quit {
                break;
            }
        }
        Ok(report)
    }

    /// Prints a line's outcome.
    pub fn print(
        &self,
        number: usize,
        outcome: &LineOutcome,
        format: Format,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> std::io::Result<()> {
        print_outcome(number, outcome, format, out, err)
    }
}

/// Prints a line's outcome: what people saw, notes, errors.
pub fn print_outcome(
    number: usize,
    outcome: &LineOutcome,
    format: Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<()> {
    print::print_seen(out, format, &outcome.seen)?;
    for note in &outcome.notes {
        print::print_note(out, format, number, note)?;
    }
    for e in &outcome.errors {
        print::print_error(out, err, format, number, e)?;
    }
    Ok(())
}

/// In text, each action of a script is repeated above what it caused, so
/// the output reads as the story.
pub fn echo(out: &mut dyn Write, format: Format, line: &str) -> std::io::Result<()> {
    if format == Format::Human && matches!(script::parse_line(line), Ok(Some(_))) {
        writeln!(out, "\n▶ {}", line.trim())?;
    }
    Ok(())
}
