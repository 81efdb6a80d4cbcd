use std::process::ExitCode;

use clap::Parser;
use supportline::cli::Cli;

fn main() -> ExitCode {
    // A missing .env is normal; a malformed one is worth saying.
    if let Err(e) = dotenvy::dotenv() {
        if !e.not_found() {
            eprintln!("warning: .env not loaded: {e}");
        }
    }
    let cli = Cli::parse();
    supportline::cli::logging::init(cli.command.default_log_filter(), cli.command.profiles());
    match cli.command.run() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
