//! The console's loop over standard input: a prompt and a short help on a
//! terminal, plain line-by-line reading from a pipe.

use std::io::{IsTerminal, Write};

use tokio::io::{AsyncBufReadExt, BufReader};

use super::help::HELP;
use super::{print_outcome, Format, RunsLines};

/// Reads lines until end of input (or Ctrl-C on a terminal). Returns the
/// number of lines that had errors.
pub async fn interactive_loop(
    console: &mut impl RunsLines,
    format: Format,
) -> std::io::Result<usize> {
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
        let outcome = console.run_line(number, &line).await;
        if !terminal {
            super::echo(&mut out, format, &line)?;
        }
        if !outcome.errors.is_empty() {
            failed += 1;
        }
        print_outcome(number, &outcome, format, &mut out, &mut err)?;
        if outcome.quit {
            break;
        }
        if terminal {
            write!(out, "> ")?;
            out.flush()?;
            crate::cli::logging::prompt_shown(true);
        }
    }
    Ok(failed)
}
