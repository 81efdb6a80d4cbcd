//! What `help` prints: the console's syntax, and the slash commands the
//! bot registered, read from the sandbox (so the list is never stale).

use crate::sandbox::wire::command::{CommandOption, CommandOut};

/// The console's own syntax.
pub const HELP: &str = "\
Act as anyone; after each line you see what every person saw.
  alice in #help: how do I reopen a ticket?        say something
  alice /ask question: how do I reopen a ticket?   a slash command (in #help unless `in PLACE`)
  alice clicks \"Talk to a human\"                   the newest message alice sees with it
  lena clicks \"Claim\" in #l1-desk                  (labels in any case)
  lena /escalate reason: needs L2 in #l1-desk thread
  mark fills reason: Data corruption suspected      the form last shown to mark
  show alice                                        what alice sees now
  show root into ./files                            … and save the files shown (transcripts, charts)
  wait 2h                                           move the clocks (bot's, Discord's)
  help, quit                                        this text; the end (so do Ctrl-D and Ctrl-C)
Places: #channel, thread (the one the person saw last), #channel thread.
People: alice, boris (ru), lena (L1), mark (L2), olga (L3), ivan (L4), root (admin).
";

/// The registered slash commands, one per line with their options
/// (`[optional]`), subcommands spelled out: `/ticket info [ticket]`.
pub fn commands(registered: &[CommandOut]) -> String {
    let mut lines = Vec::new();
    for c in registered {
        walk(&format!("/{}", c.name), &c.options, &mut lines);
    }
    lines.sort();
    let mut out = String::from("Slash commands ([…] optional):\n");
    for line in lines {
        out.push_str("  ");
        out.push_str(&line);
        out.push('\n');
    }
    out
}

fn walk(path: &str, options: &[CommandOption], lines: &mut Vec<String>) {
    let subs: Vec<&CommandOption> = options.iter().filter(|o| o.is_subcommand()).collect();
    if !subs.is_empty() {
        for sub in subs {
            walk(&format!("{path} {}", sub.name), sub.children(), lines);
        }
        return;
    }
    let mut line = path.to_owned();
    for o in options {
        if o.required == Some(true) {
            line.push_str(&format!(" {}", o.name));
        } else {
            line.push_str(&format!(" [{}]", o.name));
        }
    }
    lines.push(line);
}
