//! `supportline bench`: the whole bot under load, in one process with the
//! sandbox (in-process) on a server of many users and staff at every level.
//!
//! Three phases of `--duration` seconds, each after a short warm-up, every
//! simulated person acting again as soon as they see the last answer:
//!
//! 1. a bare poise bot answering `/ask` with a fixed text (no database, no
//!    matcher): the ceiling of serenity, poise and the sandbox here;
//! 2. supportline, `/ask` only (a mix of answered, candidates, no match);
//! 3. supportline, `/ask` and tickets taken through their whole life
//!    (open, claim, note, escalate, claim, resolve, close).
//!
//! Reported: interactions per second; p50/p99/max from the interaction to
//! the first response and to the last message; REST calls per action
//! (each action once, alone, outbox steps included); database and REST
//! time and the matcher's (from tracing, see `profile`); process CPU and
//! peak memory. The bot, the sandbox and the simulated people share the
//! process and its cores, in every phase alike.
//!
//! With `--processes N`, instead: the scale phase (`scale`), N
//! `supportline run` child processes on shards of N sharing one
//! PostgreSQL, against one sandbox of `--guilds` servers, with its checks.

mod bare;
mod load;
mod processes;
pub mod profile;
mod report;
mod scale;
mod server;
mod stats;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use tokio::time::Instant;

use crate::knowledge::LiveKnowledge;
use crate::sandbox::Sandbox;
use crate::store::Backend;
use crate::telemetry::Metrics;
use crate::tickets::GuildId;
use load::{Action, Load, Outcome, Questions, Worker};

#[derive(Debug, clap::Args)]
pub struct BenchArgs {
    /// Simulated people acting at once.
    #[arg(long, default_value_t = 32)]
    people: usize,
    /// Seconds each phase lasts.
    #[arg(long, default_value_t = 10.0)]
    duration: f64,
    /// supportline's database (default: a temporary SQLite file). Give a
    /// scratch database: the bench leaves its tickets there.
    #[arg(long, value_name = "URL")]
    database: Option<String>,
    /// The knowledge base folder.
    #[arg(long, value_name = "DIR", default_value = "knowledge")]
    knowledge: PathBuf,
    /// Share of the mixed phase's actions that are an /ask.
    #[arg(long, default_value_t = 0.5)]
    ask_share: f64,
    /// Seeds the people's choices, so that two runs do the same.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Instead of the three phases: the scale phase, N `supportline run`
    /// processes on shards 0..N of N, all on --database (PostgreSQL),
    /// against one sandbox of --guilds servers, the people spread over them.
    #[arg(long, value_name = "N")]
    processes: Option<u32>,
    /// How many servers (copies of the bench server) the scale phase has.
    #[arg(long, default_value_t = 4, requires = "processes")]
    guilds: usize,
}

pub fn run(args: &BenchArgs) -> anyhow::Result<ExitCode> {
    if args.people == 0 || !args.duration.is_finite() || args.duration <= 0.0 {
        anyhow::bail!("--people and --duration must be above zero");
    }
    let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    match args.processes {
        Some(n) => runtime.block_on(scale_out(args, n)),
        None => runtime.block_on(bench(args)).map(|()| ExitCode::SUCCESS),
    }
}

/// The scale phase alone; fails if a check fails (a guild served twice,
/// an interaction handled twice or lost, a step or timer taken twice).
async fn scale_out(args: &BenchArgs, processes: u32) -> anyhow::Result<ExitCode> {
    if processes == 0 || args.guilds == 0 {
        anyhow::bail!("--processes and --guilds must be above zero");
    }
    let url = match &args.database {
        Some(url) if Backend::of_url(url)? == Backend::Postgres => url.clone(),
        _ => anyhow::bail!(
            "--processes shares one database between processes: give --database postgres://…"
        ),
    };
    let knowledge = load_knowledge(args).await?;
    let questions = classify(&knowledge);
    report::header(args, &url, Backend::Postgres, &questions, &knowledge);
    scale::header(args, processes);
    let figures = scale::bench(args, processes, questions, &url).await?;
    scale::print(&figures);
    let failed = scale::checks(&figures)
        .iter()
        .any(|line| line.starts_with("FAILED"));
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

async fn load_knowledge(args: &BenchArgs) -> anyhow::Result<LiveKnowledge> {
    super::live_knowledge::start(
        &args.knowledge,
        format!(
            "loading the knowledge base from {}",
            args.knowledge.display()
        ),
    )
    .await
}

/// One phase's figures.
pub struct Phase {
    pub name: String,
    pub outcome: Outcome,
    pub wall: Duration,
    pub rest_calls: u64,
    pub cpu: Option<Duration>,
    pub peak_rss_kib: Option<u64>,
    pub spent: profile::Spent,
    /// Interactions the bot handled and the time it spent on them.
    pub handled: (u64, Duration),
}

async fn bench(args: &BenchArgs) -> anyhow::Result<()> {
    let duration = Duration::from_secs_f64(args.duration);
    let warm_up = duration.mul_f64(0.2).min(Duration::from_secs(2));
    let knowledge = Arc::new(load_knowledge(args).await?);
    let questions = classify(&knowledge);
    let (url, _temporary) = database(args)?;
    let backend = Backend::of_url(&url)?;
    report::header(args, &url, backend, &questions, &knowledge);

    // 1. The ceiling.
    let (sandbox, crowd) = server::start_sandbox(args.people * 2).await?;
    let bare = server::start_bare(&sandbox).await?;
    let load = Arc::new(Load {
        questions: questions.clone(),
        l1: crowd.staff[0].clone(),
        l2: crowd.staff[1].clone(),
        help: sandbox.channel("help")?,
        ask_share: 1.0,
        store: None,
    });
    let bare_calls = load::calibrate(&load, &sandbox, &crowd.users[0]).await?;
    let workers = || load::workers(&crowd.users, args.seed);
    phase(
        &sandbox,
        &load,
        workers(),
        warm_up,
        &bare.metrics,
        "warm-up",
    )
    .await;
    let bare_ask = phase(
        &sandbox,
        &load,
        workers(),
        duration,
        &bare.metrics,
        "bare poise bot, /ask only",
    )
    .await;
    bare.stop().await;
    sandbox.stop().await;

    // 2 and 3. supportline.
    let (sandbox, crowd) = server::start_sandbox(args.people * 2).await?;
    let bot = server::start_supportline(&sandbox, &url, knowledge.clone()).await?;
    let guild = GuildId(sandbox.guild_id());
    let mut ask_only = Load {
        questions: questions.clone(),
        l1: crowd.staff[0].clone(),
        l2: crowd.staff[1].clone(),
        help: sandbox.channel("help")?,
        ask_share: 1.0,
        store: Some((bot.store.clone(), guild)),
    };
    let calls = load::calibrate(&ask_only, &sandbox, &crowd.users[0]).await?;
    let workers = || load::workers(&crowd.users, args.seed);
    let load = Arc::new(ask_only);
    phase(&sandbox, &load, workers(), warm_up, &bot.metrics, "warm-up").await;
    let ask = phase(
        &sandbox,
        &load,
        workers(),
        duration,
        &bot.metrics,
        "supportline, /ask only",
    )
    .await;
    ask_only = Arc::into_inner(load).context("the workers are done with the load")?;
    ask_only.ask_share = args.ask_share.clamp(0.0, 1.0);
    let load = Arc::new(ask_only);
    let mixed = phase(
        &sandbox,
        &load,
        workers(),
        duration,
        &bot.metrics,
        "supportline, /ask and tickets",
    )
    .await;
    let backlog = bot.store.backlog().await.ok();
    bot.bot.stop().await;
    bot.store.close().await;
    sandbox.stop().await;

    report::rest_calls(&bare_calls, &calls);
    for p in [&bare_ask, &ask, &mixed] {
        report::phase(p);
    }
    report::ceiling(&bare_ask, &ask);
    report::tickets(&mixed, backlog.as_ref());
    Ok(())
}

/// Runs `workers` for `duration` and gathers the figures.
async fn phase(
    sandbox: &Sandbox,
    load: &Arc<Load>,
    workers: Vec<Worker>,
    duration: Duration,
    metrics: &Metrics,
    name: &str,
) -> Phase {
    let peak = Arc::new(AtomicU64::new(stats::rss_kib().unwrap_or(0)));
    let running = Arc::new(AtomicBool::new(true));
    let sampler = {
        let (peak, running) = (peak.clone(), running.clone());
        tokio::spawn(async move {
            while running.load(Ordering::Relaxed) {
                if let Some(now) = stats::rss_kib() {
                    peak.fetch_max(now, Ordering::Relaxed);
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        })
    };
    let (calls, cpu, spent, handled) = (
        sandbox.recorder().total(),
        stats::cpu_time(),
        profile::spent(),
        metrics.handled(),
    );
    callgrind("--zero").await;
    let started = Instant::now();
    let until = started + duration;
    let tasks: Vec<_> = workers
        .into_iter()
        .map(|w| tokio::spawn(w.run(load.clone(), until)))
        .collect();
    let outcome = Outcome::gather(tasks).await;
    let wall = started.elapsed();
    callgrind(&format!("--dump={name}")).await;
    running.store(false, Ordering::Relaxed);
    let _ = sampler.await;
    let (n, t) = metrics.handled();
    Phase {
        name: name.to_owned(),
        outcome,
        wall,
        rest_calls: sandbox.recorder().total() - calls,
        cpu: stats::cpu_time().zip(cpu).map(|(b, a)| b.saturating_sub(a)),
        peak_rss_kib: Some(peak.load(Ordering::Relaxed)).filter(|k| *k > 0),
        spent: profile::spent() - spent,
        handled: (n - handled.0, t.saturating_sub(handled.1)),
    }
}

/// Under `valgrind --tool=callgrind` with `SUPPORTLINE_BENCH_CALLGRIND=1`:
/// zeroes the instruction counters as a phase begins and dumps them as it
/// ends (a file per phase, named after it), so that a phase's instructions
/// divided by its interactions is what one costs, whatever the load. Does
/// nothing otherwise.
async fn callgrind(action: &str) {
    if std::env::var_os("SUPPORTLINE_BENCH_CALLGRIND").is_none() {
        return;
    }
    let done = tokio::process::Command::new("callgrind_control")
        .arg(action)
        .arg(std::process::id().to_string())
        .stdout(std::process::Stdio::null())
        .status()
        .await;
    if !matches!(done, Ok(s) if s.success()) {
        eprintln!("callgrind_control {action} failed: {done:?}");
    }
}

/// The bench's questions, sorted by what L0 makes of them now (the same
/// order as the bot: the question's language first, then any).
fn classify(knowledge: &LiveKnowledge) -> Questions {
    let index = knowledge.current();
    let mut q = Questions {
        answered: Vec::new(),
        candidates: Vec::new(),
        none: Vec::new(),
    };
    for question in QUESTIONS {
        let mut found = index.match_articles(question, Some("en"));
        if found.answer.is_none() && found.candidates.is_empty() {
            found = index.match_articles(question, None);
        }
        let list = if found.answer.is_some() {
            &mut q.answered
        } else if found.candidates.is_empty() {
            &mut q.none
        } else {
            &mut q.candidates
        };
        list.push((*question).to_owned());
    }
    q
}

/// What people ask in a help channel, clear and vague and off-topic.
const QUESTIONS: &[&str] = &[
    "how do I reopen a closed ticket?",
    "how do I close my ticket?",
    "I want to talk to a human",
    "who can see my ticket?",
    "how long until someone answers me?",
    "how do I attach a screenshot to my ticket?",
    "what are the support levels?",
    "the bot is not responding",
    "how do I rate the support I got?",
    "can I open two tickets at once?",
    "how do I change the bot's language?",
    "I get no notifications about my ticket",
    "how should I ask a good question?",
    "how do tickets work here?",
    "I forgot my password",
    "ticket",
    "levels and time",
    "help with my account",
    "a question about notifications and privacy",
    "something about language",
    "zxqv blorp frobnicator quux",
    "the purple elephant dances at midnight",
    "qwerty asdf zxcv",
    "what is the capital of mongolia",
];

/// The database URL, and the temporary folder holding it (removed when dropped).
fn database(args: &BenchArgs) -> anyhow::Result<(String, Option<tempfile::TempDir>)> {
    if let Some(url) = &args.database {
        return Ok((url.clone(), None));
    }
    let folder = tempfile::Builder::new()
        .prefix("supportline-bench-")
        .tempdir()
        .context("making a temporary folder for the bench's database")?;
    let url = format!("sqlite://{}/bench.db", folder.path().display());
    Ok((url, Some(folder)))
}

impl Outcome {
    /// Every worker's outcome, merged; a worker that panicked counts as a
    /// failure, not as a crash of the bench.
    pub(super) async fn gather(tasks: Vec<tokio::task::JoinHandle<Outcome>>) -> Outcome {
        let mut outcome = Outcome::default();
        for task in tasks {
            match task.await {
                Ok(o) => outcome.merge(o),
                Err(e) => outcome.merge(Outcome::panicked(e.to_string())),
            }
        }
        outcome
    }

    fn panicked(why: String) -> Outcome {
        let mut o = Outcome::default();
        o.failures
            .insert(Action::AskNone, (1, format!("a worker panicked: {why}")));
        o
    }
}
