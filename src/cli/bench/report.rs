//! The bench's report, on standard output: one block per phase, then the
//! ratio to the ceiling and where an /ask's time goes.

use std::collections::BTreeMap;
use std::time::Duration;

use super::load::{Action, Questions};
use super::stats::{mib, ms, Latencies};
use super::{BenchArgs, Phase};
use crate::knowledge::LiveKnowledge;
use crate::store::{Backend, Backlog};

/// The goals of issue 13: /ask at 0.8 of the bare bot at least, p99 at most 20 ms.
const RATIO_GOAL: f64 = 0.8;
const P99_GOAL: Duration = Duration::from_millis(20);

pub fn header(
    args: &BenchArgs,
    url: &str,
    backend: Backend,
    questions: &Questions,
    knowledge: &LiveKnowledge,
) {
    let db = match (backend, &args.database) {
        (Backend::Sqlite, None) => "SQLite (a temporary file)".to_owned(),
        (Backend::Sqlite, Some(_)) => format!("SQLite ({url})"),
        (Backend::Postgres, _) => "PostgreSQL".to_owned(),
    };
    println!(
        "supportline bench: {} people for {:.1} s per phase, {} cores, database {db}, \
         knowledge {} ({} articles)",
        args.people,
        args.duration,
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        args.knowledge.display(),
        knowledge.last_report().articles,
    );
    println!(
        "questions: {} answered, {} with candidates, {} with no match (asked 60/25/15 %)",
        questions.answered.len(),
        questions.candidates.len(),
        questions.none.len()
    );
}

pub fn rest_calls(bare: &[(Action, u64)], supportline: &[(Action, u64)]) {
    let list = |calls: &[(Action, u64)]| {
        calls
            .iter()
            .map(|(a, n)| format!("{} {n}", a.label()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    println!("\nREST calls per action (alone, outbox steps included):");
    println!("  bare poise bot: {}", list(bare));
    println!("  supportline:    {}", list(supportline));
}

pub fn phase(p: &Phase) {
    let o = &p.outcome;
    let actions = o.samples.len();
    let failed: usize = o.failures.values().map(|(n, _)| n).sum();
    let secs = p.wall.as_secs_f64().max(1e-9);
    println!("\n== {} ==", p.name);
    println!(
        "  {actions} interactions in {:.1} s: {:.1} interactions/s; {failed} failed",
        secs,
        actions as f64 / secs
    );
    let all_first = Latencies::new(o.samples.iter().map(|s| s.first).collect());
    let all_last = Latencies::new(o.samples.iter().map(|s| s.last).collect());
    println!("  first response: {}", all_first.summary());
    println!("  last message:   {}", all_last.summary());
    let mut by_action: BTreeMap<Action, (Vec<Duration>, Vec<Duration>)> = BTreeMap::new();
    for s in &o.samples {
        let entry = by_action.entry(s.action).or_default();
        entry.0.push(s.first);
        entry.1.push(s.last);
    }
    for (action, (first, last)) in by_action {
        let (first, last) = (Latencies::new(first), Latencies::new(last));
        println!(
            "    {:<18} {:>6}  first {}  |  last {}",
            action.label(),
            first.len(),
            first.summary(),
            last.summary()
        );
    }
    for (action, (n, why)) in &o.failures {
        println!("    failed {}: {n}, first: {why}", action.label());
    }
    let per = |d: Duration| ms(d.div_f64(actions.max(1) as f64));
    println!(
        "  per interaction: {:.1} REST calls; database {} over {:.1} statements; REST {}; \
         bot handling {}",
        p.rest_calls as f64 / actions.max(1) as f64,
        per(p.spent.db),
        p.spent.db_statements as f64 / actions.max(1) as f64,
        per(p.spent.rest),
        per(p.handled.1),
    );
    println!(
        "  process (bot + sandbox + people): CPU {} ({:.2} cores), peak RSS {}",
        p.cpu.map_or_else(
            || "unknown".to_owned(),
            |c| format!("{:.1} s", c.as_secs_f64())
        ),
        p.cpu.map_or(0.0, |c| c.as_secs_f64() / secs),
        mib(p.peak_rss_kib),
    );
}

/// Throughput of supportline's /ask as a share of the bare bot's, its p99,
/// and where an /ask's time goes.
pub fn ceiling(bare: &Phase, supportline: &Phase) {
    let rate = |p: &Phase| p.outcome.samples.len() as f64 / p.wall.as_secs_f64().max(1e-9);
    let ratio = rate(supportline) / rate(bare).max(1e-9);
    let first = Latencies::new(
        supportline
            .outcome
            .samples
            .iter()
            .map(|s| s.first)
            .collect(),
    );
    let last = Latencies::new(supportline.outcome.samples.iter().map(|s| s.last).collect());
    let verdict = |ok: bool| if ok { "met" } else { "not met" };
    println!("\n== against the ceiling ==");
    println!(
        "  /ask throughput: {:.1}/s against {:.1}/s bare: ratio {ratio:.2} (goal ≥ {RATIO_GOAL}: {})",
        rate(supportline),
        rate(bare),
        verdict(ratio >= RATIO_GOAL)
    );
    println!(
        "  /ask p99: first response {}, last message {} (goal ≤ {}: {})",
        ms(first.quantile(0.99)),
        ms(last.quantile(0.99)),
        ms(P99_GOAL),
        verdict(last.quantile(0.99) <= P99_GOAL)
    );
    for p in [bare, supportline] {
        let n = p.outcome.samples.len().max(1) as f64;
        let per = |d: Duration| d.div_f64(n);
        let handling = per(p.handled.1);
        let parts = per(p.spent.matcher) + per(p.spent.db) + per(p.spent.rest);
        let mean_last = p
            .outcome
            .samples
            .iter()
            .map(|s| s.last)
            .sum::<Duration>()
            .div_f64(n);
        println!(
            "  {}: a mean /ask takes {} to its last message, {} of it in the bot's handler: \
             matcher {}, database {}, REST {} ({:.1} calls), the rest (catalogue, rendering, \
             framework, waiting for a core) {}; outside the handler (gateway, sandbox, people) {}",
            p.name,
            ms(mean_last),
            ms(handling),
            ms(per(p.spent.matcher)),
            ms(per(p.spent.db)),
            ms(per(p.spent.rest)),
            p.spent.rest_calls as f64 / n,
            ms(handling.saturating_sub(parts)),
            ms(mean_last.saturating_sub(handling)),
        );
    }
}

pub fn tickets(mixed: &Phase, backlog: Option<&Backlog>) {
    println!(
        "\n  tickets taken from open to closed in the mixed phase: {}",
        mixed.outcome.stories
    );
    if let Some(b) = backlog {
        let states: Vec<String> = b
            .tickets
            .iter()
            .map(|t| format!("{} {} {}", t.count, t.level, t.status.as_str()))
            .collect();
        println!(
            "  the database after the run: tickets {}; timers pending {}; outbox steps pending {}",
            states.join(", "),
            b.timers_pending,
            b.effects_pending
        );
    }
}
