//! `supportline sandbox`: the bot against the embedded Discord imitation,
//! on the ready-made demo server, with a console to act as anyone; with
//! `--serve`, only the imitation, for a separate `supportline run`; with
//! `--connect`, the console driving such a served sandbox.

use std::collections::HashMap;
use std::io::IsTerminal;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;

use crate::bot::{Clock, Services};
use crate::demo::{self, console};
use crate::i18n::Locale;
use crate::sandbox::{Sandbox, SandboxOptions, ServerSpec};
use crate::store::Store;

#[derive(Debug, clap::Args)]
pub struct SandboxArgs {
    /// Print one JSON object per thing a person sees (who, where, text, embeds, buttons).
    #[arg(long)]
    json: bool,
    /// Serve only the Discord imitation on ADDR (e.g. 127.0.0.1:8787) for a
    /// separate `supportline run` with DISCORD_API_BASE=http://ADDR.
    /// A console (`--connect URL`) drives it while the bot is the other process.
    #[arg(long, value_name = "ADDR", conflicts_with = "connect")]
    serve: Option<SocketAddr>,
    /// The console, driving a sandbox served elsewhere with `--serve`
    /// (URL as it prints, e.g. http://127.0.0.1:8787).
    #[arg(long, value_name = "URL")]
    connect: Option<String>,
    /// The bot token the sandbox accepts (default: a random one, printed with --serve).
    #[arg(long, value_name = "TOKEN")]
    token: Option<String>,
    /// Where the bot keeps its data (default: a temporary SQLite file).
    #[arg(long, value_name = "URL")]
    database: Option<String>,
    /// The knowledge base folder.
    #[arg(long, value_name = "DIR", default_value = "knowledge")]
    knowledge: PathBuf,
    /// The demo server as an admin finds it after inviting the bot: its
    /// channels, roles and people, but nothing set up yet (try `/setup` as root).
    #[arg(long)]
    unconfigured: bool,
}

impl SandboxArgs {
    /// `--serve`: only the imitation, no console.
    pub fn serves_only(&self) -> bool {
        self.serve.is_some()
    }

    pub fn run(self) -> anyhow::Result<ExitCode> {
        let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
        runtime.block_on(async move {
            match (self.serve, &self.connect) {
                (Some(addr), _) => serve(&self, addr).await,
                (None, Some(url)) => connect(url, self.format()).await,
                (None, None) => console_session(&self).await,
            }
        })
    }

    fn format(&self) -> console::Format {
        if self.json {
            console::Format::Json
        } else {
            console::Format::Human
        }
    }

    /// The database URL, and the temporary folder holding it (removed
    /// when dropped).
    fn database(&self) -> anyhow::Result<(String, Option<tempfile::TempDir>)> {
        if let Some(url) = &self.database {
            return Ok((url.clone(), None));
        }
        let folder = tempfile::Builder::new()
            .prefix("supportline-sandbox-")
            .tempdir()
            .context("making a temporary folder for the sandbox's database")?;
        let url = format!("sqlite://{}/sandbox.db", folder.path().display());
        Ok((url, Some(folder)))
    }
}

/// The demo server in a sandbox on `bind`, with its settings saved in the
/// database (unless `--unconfigured`).
async fn demo_server(
    args: &SandboxArgs,
    bind: SocketAddr,
    url: &str,
) -> anyhow::Result<(ServerSpec, Sandbox, Store)> {
    let spec = demo::preset().context("the demo server description")?;
    let options = SandboxOptions {
        bind,
        token: args.token.clone(),
        ..SandboxOptions::default()
    };
    let sandbox = Sandbox::start_with(spec.clone(), options)
        .await
        .context("starting the sandbox")?;
    let store = Store::connect(url)
        .await
        .with_context(|| format!("opening the database {url}"))?;
    if !args.unconfigured {
        demo::configure(&sandbox, &store)
            .await
            .context("saving the demo server's settings")?;
    }
    Ok((spec, sandbox, store))
}

async fn console_session(args: &SandboxArgs) -> anyhow::Result<ExitCode> {
    let (url, _temporary) = args.database()?;
    let local = SandboxOptions::default().bind;
    let (spec, sandbox, store) = demo_server(args, local, &url).await?;
    let knowledge = super::live_knowledge::start(
        &args.knowledge,
        format!(
            "loading the knowledge base from {}",
            args.knowledge.display()
        ),
    )
    .await?;
    let clock = Clock::adjustable();
    let services = Services {
        store: store.clone(),
        knowledge: Arc::new(knowledge),
        clock: clock.clone(),
        default_locale: Locale::En,
        timer_tick: crate::demo::TIMER_TICK,
        metrics: crate::telemetry::Metrics::new(),
    };
    let running = demo::start_bot(&sandbox, services).await?;
    let format = args.format();
    let mut console = console::Console::new(&sandbox, &spec, clock);
    let failed = console::interactive_loop(&mut console, format)
        .await
        .context("reading the script")?;
    // Closing the gateway first keeps serenity from trying to resume.
    running.stop().await;
    store.close().await;
    Ok(exit_code(failed))
}

/// A script (standard input not a terminal) fails if any line failed.
fn exit_code(failed: usize) -> ExitCode {
    let script = !std::io::stdin().is_terminal();
    if script && failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// `--connect URL`: the console, each line run by the served sandbox.
async fn connect(url: &str, format: console::Format) -> anyhow::Result<ExitCode> {
    let mut remote = console::remote::Remote::connect(url).await?;
    let failed = console::interactive_loop(&mut remote, format)
        .await
        .context("reading the script")?;
    Ok(exit_code(failed))
}

/// Serves only the imitation, with the demo server's settings saved, and
/// prints how to run the bot against it; runs the lines of `--connect`
/// consoles; Ctrl-C stops it.
async fn serve(args: &SandboxArgs, bind: SocketAddr) -> anyhow::Result<ExitCode> {
    let (url, _temporary) = args.database()?;
    let (spec, sandbox, store) = demo_server(args, bind, &url).await?;
    store.close().await;
    let base = sandbox.base_url().to_string();
    println!(
        "The sandbox serves the demo server at {base} (REST under /api/v10, gateway {}).",
        sandbox.gateway_url()
    );
    if args.unconfigured {
        println!("Nothing is set up yet (--unconfigured); the bot's data goes to {url}.");
        println!("Run the bot against it in another terminal:");
    } else {
        println!("Its settings are saved in {url}. Run the bot against it in another terminal:");
    }
    println!();
    println!("  DISCORD_API_BASE={base} \\");
    println!("  DISCORD_TOKEN={} \\", sandbox.token());
    println!("  DATABASE_URL={url} \\");
    println!("  DISCORD_MESSAGE_CONTENT=true \\");
    println!("  cargo run --release -- run");
    println!();
    println!("and act as anyone with the console in a third:");
    println!();
    println!("  cargo run --release -- sandbox --connect {base}");
    println!();
    println!("Ctrl-C stops the sandbox.");
    let mut lines = sandbox.open_console_door();
    // One console per session: each remembers what it has shown.
    let mut consoles: HashMap<String, console::Console<'_>> = HashMap::new();
    let stop = tokio::signal::ctrl_c();
    tokio::pin!(stop);
    loop {
        tokio::select! {
            stopped = &mut stop => {
                stopped.context("waiting for Ctrl-C")?;
                break;
            }
            call = lines.recv() => {
                let Some(call) = call else { break };
                let console = consoles.entry(call.session.clone()).or_insert_with(|| {
                    // The bot is another process on the real clock: `wait`
                    // says it cannot move it.
                    console::Console::new(&sandbox, &spec, Clock::system())
                });
                let outcome = console.run_line(call.number, &call.line).await;
                let answer = serde_json::to_value(&outcome)
                    .unwrap_or_else(|e| serde_json::json!({ "errors": [e.to_string()] }));
                // The caller may have given up waiting; nothing to do then.
                let _ = call.reply.send(answer);
            }
        }
    }
    drop(consoles);
    sandbox.stop().await;
    Ok(ExitCode::SUCCESS)
}
