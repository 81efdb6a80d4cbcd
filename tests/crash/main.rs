//! The crash-point suite (issue 11.4): a whole ladder story (ask, open,
//! claim, note, escalate L1→L4, de-escalate, resolve, rate, reopen, an
//! SLA reminder due) is run once to count its REST calls; then, for a
//! crash point k, run again with the bot killed right after its k-th call
//! (the call carried out, its answer never arriving) or right before it
//! (never carried out): the sandbox holds every call from there on, the
//! test aborts the bot, restarts it on the same database and sandbox,
//! finishes the story as people would (redoing what did not happen), and
//! checks the invariants against the uncrashed run.
//!
//! By default a sample of crash points runs (CI, under a minute); the
//! whole sweep is `SUPPORTLINE_CRASH_POINTS=all cargo test --test crash`
//! (or a list, `=3,17,40`), see docs/durability.md.

#![allow(clippy::unwrap_used)] // tests may unwrap

#[allow(dead_code)]
#[path = "../e2e/world.rs"]
mod world;

mod story;

use story::{run, Crash, Outcome};

/// How many crash points the default run samples.
const SAMPLE: usize = 4;

fn points(total: usize) -> Vec<Crash> {
    let all = || {
        (0..total).flat_map(|k| {
            [true, false].map(|applied| Crash {
                after: k as u64,
                applied,
            })
        })
    };
    match std::env::var("SUPPORTLINE_CRASH_POINTS").ok().as_deref() {
        Some("all") => all().collect(),
        Some(list) => list
            .split(',')
            .filter_map(|k| k.trim().parse::<u64>().ok())
            .flat_map(|k| [true, false].map(|applied| Crash { after: k, applied }))
            .collect(),
        // Spread over the story, both kinds, a different spread each run
        // of CI is not wanted: fixed points.
        None => (0..SAMPLE)
            .map(|i| Crash {
                after: ((i * 2 + 1) * total / (SAMPLE * 2)) as u64,
                applied: i % 2 == 0,
            })
            .collect(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_crash_at_any_rest_call_of_the_ladder_leaves_nothing_lost_or_doubled() {
    let baseline = run(None).await;
    assert!(
        baseline.violations.is_empty(),
        "the uncrashed story: {:?}",
        baseline.violations
    );
    let total = baseline.calls;
    assert!(total > 20, "the story makes its REST calls: {total}");
    let mut tried = 0;
    let mut restarts = 0;
    let mut violations: Vec<String> = Vec::new();
    for crash in points(total) {
        let outcome: Outcome = run(Some(crash)).await;
        tried += 1;
        restarts += outcome.restarts;
        let found: Vec<String> = outcome
            .violations
            .iter()
            .cloned()
            .chain(outcome.compare(&baseline))
            .map(|v| format!("{crash:?}: {v}"))
            .collect();
        eprintln!(
            "crash point {crash:?}: {} restart(s), {} violation(s)",
            outcome.restarts,
            found.len()
        );
        violations.extend(found);
    }
    println!(
        "crash points tried: {tried} (of {} calls × 2), restarts: {restarts}, invariant violations: {}",
        total,
        violations.len()
    );
    assert!(violations.is_empty(), "{violations:#?}");
}
