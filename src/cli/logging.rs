//! Logging to standard error, set up once the command is known: each
//! command has its own default when `RUST_LOG` is unset (`run` says what it
//! connected to; the console stays quiet but for errors), colours only on
//! a terminal, and the console's prompt is kept clear of log lines.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer};

/// The filter `supportline run` (and `sandbox --serve`) uses without
/// `RUST_LOG`: the bot's own start-up and shutdown lines, others' warnings.
pub const RUN_FILTER: &str = "warn,supportline=info";
/// The console's: what people see is the output; only errors interrupt.
pub const CONSOLE_FILTER: &str = "error";
/// Everything else (kb, stats, migrate): warnings.
pub const TOOL_FILTER: &str = "warn";

/// Installs the subscriber. `default` applies when `RUST_LOG` is unset or
/// unreadable. `profile`: also sum where time goes (`supportline bench`),
/// whatever the log filter says.
pub fn init(default: &str, profile: bool) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default));
    let log = tracing_subscriber::fmt::layer()
        .with_ansi(std::io::stderr().is_terminal())
        .with_writer(AroundPrompt)
        .with_filter(filter);
    #[cfg(feature = "sandbox")]
    let profile = profile.then(super::bench::profile::layer);
    #[cfg(not(feature = "sandbox"))]
    let profile = profile.then(|| tracing_subscriber::layer::Identity::new());
    tracing_subscriber::registry()
        .with(log)
        .with(profile)
        .init();
}

/// Whether the console shows its `> ` prompt right now (set by the console).
static PROMPT_SHOWN: AtomicBool = AtomicBool::new(false);

/// The console tells the logger when its prompt is on screen.
pub fn prompt_shown(shown: bool) {
    PROMPT_SHOWN.store(shown, Ordering::SeqCst);
}

/// Standard error, but a log line never lands after a pending prompt: the
/// prompt's line is cleared first and the prompt printed again after.
struct AroundPrompt;

impl<'a> MakeWriter<'a> for AroundPrompt {
    type Writer = LogLine;

    fn make_writer(&'a self) -> LogLine {
        LogLine(Vec::new())
    }
}

/// One formatted log line, written out whole when dropped.
pub struct LogLine(Vec<u8>);

impl Write for LogLine {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Drop for LogLine {
    fn drop(&mut self) {
        let prompt = PROMPT_SHOWN.load(Ordering::SeqCst);
        let mut err = std::io::stderr().lock();
        if prompt {
            // Carriage return and "erase line": the prompt goes away.
            let _ = err.write_all(b"\r\x1b[2K");
        }
        let _ = err.write_all(&self.0);
        let _ = err.flush();
        if prompt {
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(b"> ");
            let _ = out.flush();
        }
    }
}
