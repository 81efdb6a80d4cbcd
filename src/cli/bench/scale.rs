//! `supportline bench --processes N --guilds G`: supportline as several
//! processes on shard ranges (`SHARDS=n SHARD_TOTAL=N`), all on one
//! PostgreSQL, against one sandbox of G copies of the bench server served
//! over the network. The simulated people are spread over the guilds and
//! act as in the mixed phase. Reported: throughput and latency, and the
//! checks that scaling out must pass: each guild served by exactly one
//! process, every interaction handled once, no outbox step or timer taken
//! twice.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use chrono::Utc;
use tokio::time::Instant;

use super::load::{self, Load, Outcome, Questions};
use super::processes::{self, BotProcess};
use super::{server, stats, BenchArgs};
use crate::demo;
use crate::sandbox::SandboxOptions;
use crate::store::{Repeats, Store};
use crate::tickets::GuildId;

/// How many events of one guild each shard (`[shard_id, num_shards]`) got.
pub type ShardEvents = Vec<([u32; 2], u64)>;

/// What the scale phase measured.
pub struct Scale {
    pub processes: u32,
    pub outcome: Outcome,
    pub wall: Duration,
    /// Per guild: its id and how many events each shard got.
    pub routed: Vec<(u64, ShardEvents)>,
    /// Per process: its shard, interactions handled, CPU, peak RSS (KiB).
    pub bots: Vec<BotFigures>,
    /// Interactions the people made (the sandbox's count).
    pub interactions: u64,
    pub repeats: Repeats,
    /// The `[shard_id, num_shards]` of every gateway session at the end.
    pub sessions: Vec<[u32; 2]>,
    /// Whether the sandbox went quiet after the load (every step done).
    pub settled: Result<(), String>,
}

pub struct BotFigures {
    pub shard: u32,
    pub handled: anyhow::Result<u64>,
    pub cpu: Option<Duration>,
    pub peak_rss_kib: Option<u64>,
}

pub async fn bench(
    args: &BenchArgs,
    processes: u32,
    questions: Questions,
    url: &str,
) -> anyhow::Result<Scale> {
    let options = SandboxOptions {
        shards: processes,
        ..SandboxOptions::default()
    };
    let (sandbox, crowd) = server::start_guilds(args.people * 2, args.guilds, options).await?;
    let store = Store::connect(url)
        .await
        .with_context(|| format!("opening the database {url}"))?;
    let guilds = sandbox.guild_ids();
    for &guild in &guilds {
        let mut settings = demo::settings_for_guild(&sandbox, guild)?;
        settings.cooldown = chrono::Duration::zero();
        store
            .save_settings(&settings, Utc::now())
            .await
            .context("saving a bench server's settings")?;
    }
    let mut bots = (0..processes)
        .map(|n| BotProcess::spawn(n, processes, &sandbox, url, &args.knowledge))
        .collect::<anyhow::Result<Vec<_>>>()?;
    processes::wait_connected(&sandbox, &mut bots, processes).await?;

    let loads = |ask_share: f64| {
        guilds
            .iter()
            .map(|&guild| {
                Ok(Arc::new(Load {
                    questions: questions.clone(),
                    l1: crowd.staff[0].clone(),
                    l2: crowd.staff[1].clone(),
                    help: sandbox.guild_channel(guild, "help")?,
                    ask_share,
                    store: Some((store.clone(), GuildId(guild))),
                }))
            })
            .collect::<anyhow::Result<Vec<_>>>()
    };
    let duration = Duration::from_secs_f64(args.duration);
    let warm_up = duration.mul_f64(0.2).min(Duration::from_secs(2));
    // Questions only: a ticket left half-way would stop its user opening
    // another in the measured run (the limit of open tickets).
    run_people(&crowd.users, &loads(1.0)?, args.seed, warm_up).await;
    let loads = loads(args.ask_share.clamp(0.0, 1.0))?;
    let before = interactions(&sandbox);
    let cpu_before: Vec<_> = bots.iter().map(cpu).collect();
    let client = reqwest::Client::new();
    let mut handled_before = Vec::new();
    for bot in &bots {
        handled_before.push(bot.handled(&client).await.ok());
    }
    let started = Instant::now();
    let outcome = run_people(&crowd.users, &loads, args.seed, duration).await;
    let wall = started.elapsed();
    let settled = sandbox.settled().await.map_err(|e| e.to_string());
    let interactions = interactions(&sandbox) - before;

    let mut figures = Vec::new();
    for (i, bot) in bots.iter_mut().enumerate() {
        let running = bot.check_running();
        let handled = match (running, bot.handled(&client).await, handled_before[i]) {
            (Err(e), _, _) => Err(e),
            (Ok(()), Ok(now), Some(then)) => Ok(now.saturating_sub(then)),
            (Ok(()), Ok(_), None) => Err(anyhow::anyhow!("no count before the run")),
            (Ok(()), Err(e), _) => Err(e),
        };
        figures.push(BotFigures {
            shard: bot.shard,
            handled,
            cpu: cpu(bot)
                .zip(cpu_before[i])
                .map(|(b, a)| b.saturating_sub(a)),
            peak_rss_kib: bot
                .pid()
                .and_then(|p| stats::peak_rss_kib_of(&p.to_string())),
        });
    }
    let ids: Vec<GuildId> = guilds.iter().copied().map(GuildId).collect();
    let repeats = store.repeats(&ids).await?;
    let routed = sandbox.routed().into_iter().collect();
    let sessions = sandbox.live_shards();
    for bot in bots {
        bot.stop().await;
    }
    store.close().await;
    sandbox.stop().await;
    Ok(Scale {
        processes,
        outcome,
        wall,
        routed,
        bots: figures,
        interactions,
        repeats,
        sessions,
        settled,
    })
}

fn cpu(bot: &BotProcess) -> Option<Duration> {
    stats::cpu_time_of(&bot.pid()?.to_string())
}

/// Interactions the sandbox has created so far, in every guild.
fn interactions(sandbox: &crate::sandbox::Sandbox) -> u64 {
    sandbox.interactions_created()
}

/// The people, two to a worker, each worker in one guild in turn, acting
/// for `duration`.
async fn run_people(
    users: &[crate::sandbox::Person],
    loads: &[Arc<Load>],
    seed: u64,
    duration: Duration,
) -> Outcome {
    let until = Instant::now() + duration;
    let tasks: Vec<_> = load::workers(users, seed)
        .into_iter()
        .enumerate()
        .map(|(i, w)| tokio::spawn(w.run(loads[i % loads.len()].clone(), until)))
        .collect();
    let outcome = Outcome::gather(tasks).await;
    outcome
}

/// The scale phase's figures and checks.
pub fn print(s: &Scale) {
    let o = &s.outcome;
    let actions = o.samples.len();
    let failed: usize = o.failures.values().map(|(n, _)| n).sum();
    let secs = s.wall.as_secs_f64().max(1e-9);
    println!(
        "\n== {} processes (one shard of {} each), one PostgreSQL, {} guilds ==",
        s.processes,
        s.processes,
        s.routed.len()
    );
    println!(
        "  {actions} interactions in {secs:.1} s: {:.1} interactions/s; {failed} failed; \
         {} tickets closed",
        actions as f64 / secs,
        o.stories
    );
    let first = stats::Latencies::new(o.samples.iter().map(|x| x.first).collect());
    let last = stats::Latencies::new(o.samples.iter().map(|x| x.last).collect());
    println!("  first response: {}", first.summary());
    println!("  last message:   {}", last.summary());
    for (action, (n, why)) in &o.failures {
        println!("    failed {}: {n}, first: {why}", action.label());
    }
    for b in &s.bots {
        let handled = match &b.handled {
            Ok(n) => n.to_string(),
            Err(e) => format!("unknown ({e})"),
        };
        println!(
            "  process of shard {}: {handled} interactions handled, CPU {}, peak RSS {}",
            b.shard,
            b.cpu.map_or_else(
                || "unknown".to_owned(),
                |c| format!("{:.1} s", c.as_secs_f64())
            ),
            stats::mib(b.peak_rss_kib)
        );
    }
    println!("  checks:");
    for line in checks(s) {
        println!("    {line}");
    }
}

/// One line per check, starting with "ok" or "FAILED".
pub fn checks(s: &Scale) -> Vec<String> {
    let mark = |ok: bool| if ok { "ok    " } else { "FAILED" };
    let mut out = Vec::new();
    let total = s.processes;
    for (guild, shards) in &s.routed {
        let expected = u32::try_from((guild >> 22) % u64::from(total.max(1))).unwrap_or(0);
        let served: Vec<String> = shards
            .iter()
            .map(|(shard, n)| format!("shard {} ({n} events)", shard[0]))
            .collect();
        let one = shards.len() == 1 && shards[0].0 == [expected, total];
        out.push(format!(
            "{} guild {guild}: served by {} (Discord's formula: shard {expected})",
            mark(one),
            served.join(", ")
        ));
    }
    // Two sessions of one shard would both get its guilds' events.
    let one_each = (0..total).all(|n| s.sessions.iter().filter(|x| **x == [n, total]).count() == 1);
    out.push(format!(
        "{} one gateway session per shard: {}",
        mark(one_each && s.sessions.len() == total as usize),
        s.sessions
            .iter()
            .map(|x| format!("{}/{}", x[0], x[1]))
            .collect::<Vec<_>>()
            .join(", ")
    ));
    let handled: Option<u64> = s.bots.iter().map(|b| b.handled.as_ref().ok()).sum();
    out.push(match handled {
        Some(n) => format!(
            "{} every interaction handled once: {} made, {n} handled over the processes",
            mark(n == s.interactions),
            s.interactions
        ),
        None => format!(
            "{} interactions handled: a process's count is unknown",
            mark(false)
        ),
    });
    let r = &s.repeats;
    out.push(format!(
        "{} outbox steps: {} written, {} done, {} failed, {} taken more than once",
        mark(r.steps_taken_again == 0 && r.steps_failed == 0),
        r.steps,
        r.steps_done,
        r.steps_failed,
        r.steps_taken_again
    ));
    out.push(format!(
        "{} timers: {} fired, {} taken more than once",
        mark(r.timers_taken_again == 0),
        r.timers_fired,
        r.timers_taken_again
    ));
    out.push(match &s.settled {
        Ok(()) => format!("{} the sandbox went quiet after the load", mark(true)),
        Err(e) => format!("{} the sandbox did not go quiet: {e}", mark(false)),
    });
    out
}

/// The header line of a scale run.
pub fn header(args: &BenchArgs, processes: u32) {
    println!(
        "scale: {processes} `supportline run` processes (SHARDS=n, SHARD_TOTAL={processes}), \
         {} guilds, {} people spread over them",
        args.guilds, args.people
    );
}
