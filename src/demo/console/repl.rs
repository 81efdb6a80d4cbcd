//! The console's loop over standard input: a prompt and a short help on a
//! terminal, plain line-by-line reading from a pipe.

use std::io::{IsTerminal, Write};

use tokio::io::{AsyncBufReadExt, BufReader};

use super::{Console, Format};

/// Printed at the start of an interactive session and by `help`.
pub const HELP: &str = "\
Act as anyone; after each line you see what every person saw.
  alice in #help: how do I reopen a ticket?        say something
  alice /ask question: how do I reopen a ticket?   a slash command (in #help unless `in PLACE`)
  alice clicks \"Talk to a human\"                   the newest message alice sees with it
  lena clicks \"Claim\" in #l1-desk
  lena /escalate reason: needs L2 in #l1-desk thread
  mark fills reason: Data corruption suspected      the form last shown to mark
  show alice                                        what alice sees now
  wait 2h                                           move the bot's clock
Places: #channel, thread (the one the person saw last), #channel thread.
People: alice, boris (ru), lena (L1), mark (L2), olga (L3), ivan (L4), root (admin).
";

/// Reads lines until end of input (or Ctrl-C on a terminal). Returns the
/// number of lines that had errors.
pub async fn interactive_loop(console: &mut Console<'_>, format: Format) -> std::io::Result<usize> {
    let terminal = std::io::stdin().is_terminal();
    let mut out = std::io::stdout();
    let mut err = std::io::stderr();
    if terminal {
        write!(out, "{HELP}\n> ")?;
        out.flush()?;
        crate::cli::logging::prompt_shown(true);
    }
    let mut lines = BufReader::new(tokio::io::stdin()).lines();
    let mut failed = 0;
    let mut number = 0;
    loop {
        let line = tokio::select! {
            line = lines.next_line() => line?,
            _ = tokio::signal::ctrl_c() => None,
        };
        crate::cli::logging::prompt_shown(false);
        let Some(line) = line else { break };
        number += 1;
        if line.trim() == "help" {
            write!(out, "{HELP}")?;
        } else {
            let outcome = console.run_line(number, &line).await;
            if !terminal {
                super::echo(&mut out, format, &line)?;
            }
            if !outcome.errors.is_empty() {
                failed += 1;
            }
            console.print(number, &outcome, format, &mut out, &mut err)?;
        }
        if terminal {
            write!(out, "> ")?;
            out.flush()?;
            crate::cli::logging::prompt_shown(true);
        }
    }
    Ok(failed)
}
