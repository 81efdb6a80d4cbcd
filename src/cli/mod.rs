//! The command line: `supportline <group> <command>`. Each group of
//! subcommands lives in its own file and adds one variant to [`Command`].

#[cfg(feature = "sandbox")]
pub mod bench;
mod database;
mod kb;
mod kb_bench;
mod kb_report;
mod live_knowledge;
mod locale;
pub mod logging;
mod migrate;
mod run;
#[cfg(feature = "sandbox")]
mod sandbox;
mod stats;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// A Discord support bot: answers from a knowledge base first (L0), then
/// runs a ticket ladder from the help desk (L1) to engineers (L4).
#[derive(Debug, Parser)]
#[command(name = "supportline", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the bot: reads .env, migrates the database, loads the knowledge
    /// base (live), connects to Discord at DISCORD_API_BASE.
    Run,
    /// The knowledge base: check it, ask it, benchmark the matcher.
    #[command(subcommand)]
    Kb(kb::KbCommand),
    /// Create the database, or bring it up to date.
    Migrate(migrate::MigrateArgs),
    /// Support statistics (the numbers of /stats), per server.
    Stats(stats::StatsArgs),
    /// Try the bot without Discord: the demo server in an embedded
    /// imitation of Discord, and a console to act as anyone (reads a
    /// script from standard input too). `--serve ADDR`: only the imitation,
    /// for a separate `supportline run`.
    #[cfg(feature = "sandbox")]
    Sandbox(sandbox::SandboxArgs),
    /// The whole bot under load in the embedded imitation of Discord:
    /// interactions per second and latency for /ask and tickets, against
    /// a bare poise bot's ceiling (SQLite, or `--database postgres://…`).
    #[cfg(feature = "sandbox")]
    Bench(bench::BenchArgs),
}

impl Command {
    /// What to log when `RUST_LOG` is unset.
    pub fn default_log_filter(&self) -> &'static str {
        match self {
            Command::Run => logging::RUN_FILTER,
            #[cfg(feature = "sandbox")]
            Command::Sandbox(args) if args.serves_only() => logging::RUN_FILTER,
            #[cfg(feature = "sandbox")]
            Command::Sandbox(_) => logging::CONSOLE_FILTER,
            Command::Kb(_) | Command::Migrate(_) | Command::Stats(_) => logging::TOOL_FILTER,
            #[cfg(feature = "sandbox")]
            Command::Bench(_) => logging::TOOL_FILTER,
        }
    }

    /// Whether tracing should also sum where time goes (`bench`).
    pub fn profiles(&self) -> bool {
        #[cfg(feature = "sandbox")]
        if let Command::Bench(_) = self {
            return true;
        }
        false
    }

    /// Runs the command; the exit code is part of each command's contract.
    pub fn run(self) -> anyhow::Result<ExitCode> {
        match self {
            Command::Run => run::run(),
            Command::Kb(cmd) => cmd.run(),
            Command::Migrate(args) => migrate::run(&args),
            Command::Stats(args) => stats::run(&args),
            #[cfg(feature = "sandbox")]
            Command::Sandbox(args) => args.run(),
            #[cfg(feature = "sandbox")]
            Command::Bench(args) => bench::run(&args),
        }
    }
}
