//! `kb bench`: index build time, match latency and peak memory on a
//! synthetic knowledge base (see `knowledge::synthetic`).
//!
//! Each size runs in a process of its own, so that its peak memory is its
//! own. Latency is measured per question over a warm process: every
//! question is asked once first (the index remembers each known word's
//! derived forms the first time a question uses it), then timed on a
//! second pass. The first pass is reported as well.

use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::Args;

use crate::knowledge::{synthetic, Index};

#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Knowledge base size (repeatable); default 1000 and 10000, each in a
    /// fresh process.
    #[arg(long = "articles")]
    articles: Vec<usize>,
    /// Questions to time per size.
    #[arg(long, default_value_t = 5000)]
    questions: usize,
}

pub fn run(args: &BenchArgs) -> anyhow::Result<ExitCode> {
    if args.articles.is_empty() {
        let me = std::env::current_exe().context("finding this program to run each size")?;
        for size in [1_000, 10_000] {
            let status = Command::new(&me)
                .args(["kb", "bench", "--articles", &size.to_string()])
                .args(["--questions", &args.questions.to_string()])
                .status()
                .with_context(|| format!("running the {size}-article benchmark"))?;
            if !status.success() {
                anyhow::bail!("the {size}-article benchmark failed ({status})");
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    for &size in &args.articles {
        bench(size, args.questions);
    }
    Ok(ExitCode::SUCCESS)
}

fn bench(size: usize, questions: usize) {
    let data = synthetic::synthetic(size, questions, 42);
    let started = Instant::now();
    let index = Index::build(data.kb);
    let build = started.elapsed();
    let (first, _) = time_all(&index, &data.questions);
    let (warm, answered) = time_all(&index, &data.questions);
    println!(
        "{size} articles: build {:.0} ms | match p50 {:.1} µs, p99 {:.1} µs, max {:.1} µs \
         over {} questions, {answered} answered (first pass: p50 {:.1} µs, p99 {:.1} µs) | peak RSS {}",
        build.as_secs_f64() * 1e3,
        percentile(&warm, 0.5),
        percentile(&warm, 0.99),
        percentile(&warm, 1.0),
        warm.len(),
        percentile(&first, 0.5),
        percentile(&first, 0.99),
        peak_rss().map_or_else(|| "unknown".into(), |kb| format!("{:.1} MB", kb as f64 / 1024.0)),
    );
}

/// Each question's time, sorted, and how many got an answer.
fn time_all(index: &Index, questions: &[String]) -> (Vec<Duration>, usize) {
    let mut times = Vec::with_capacity(questions.len());
    let mut answered = 0usize;
    for q in questions {
        let t = Instant::now();
        let answer = std::hint::black_box(index.ask(q, None));
        times.push(t.elapsed());
        answered += usize::from(answer.answer.is_some());
    }
    times.sort_unstable();
    (times, answered)
}

/// In microseconds.
fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(i).map_or(0.0, |d| d.as_secs_f64() * 1e6)
}

/// The process's peak resident memory in KiB (`VmHWM`, Linux only).
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
