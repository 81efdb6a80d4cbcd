//! `supportline migrate`: creates the database (a SQLite file and its
//! folder when missing) and applies every pending migration, so an admin
//! can prepare it before the bot's first start or after an upgrade.

use std::process::ExitCode;

use clap::Args;

use super::database::{redacted, runtime, DatabaseArg};

#[derive(Debug, Args)]
pub struct MigrateArgs {
    #[command(flatten)]
    database: DatabaseArg,
}

pub fn run(args: &MigrateArgs) -> anyhow::Result<ExitCode> {
    runtime()?.block_on(async {
        // `Store::connect` migrates; connecting is the whole job.
        let store = args.database.open().await?;
        store.close().await;
        println!("{}: up to date", redacted(&args.database.url));
        Ok(ExitCode::SUCCESS)
    })
}
