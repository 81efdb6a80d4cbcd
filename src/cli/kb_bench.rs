//! `kb bench`: index build time, match latency and peak memory on a
//! synthetic knowledge base (see `knowledge::synthetic`).

use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::Args;

use crate::knowledge::{synthetic, Index};

#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Knowledge base sizes to try (repeatable); default 1000 and 10000.
    #[arg(long = "articles")]
    articles: Vec<usize>,
    /// Questions to time per size.
    #[arg(long, default_value_t = 5000)]
    questions: usize,
}

pub fn run(args: &BenchArgs) -> anyhow::Result<ExitCode> {
    let sizes = if args.articles.is_empty() {
        vec![1_000, 10_000]
    } else {
        args.articles.clone()
    };
    for size in sizes {
        let data = synthetic::synthetic(size, args.questions, 42);
        let started = Instant::now();
        let index = Index::build(data.kb);
        let build = started.elapsed();
        // Warm up caches and per-thread memory before timing.
        for q in data.questions.iter().take(200) {
            std::hint::black_box(index.ask(q, None));
        }
        let mut times: Vec<Duration> = Vec::with_capacity(data.questions.len());
        let mut answered = 0usize;
        for q in &data.questions {
            let t = Instant::now();
            let answer = std::hint::black_box(index.ask(q, None));
            times.push(t.elapsed());
            answered += usize::from(answer.answer.is_some());
        }
        times.sort_unstable();
        let pct = |p: f64| {
            let i = ((times.len() as f64 - 1.0) * p).round() as usize;
            times.get(i).map_or(0.0, |d| d.as_secs_f64() * 1e6)
        };
        println!(
            "{size} articles: build {:.0} ms | match p50 {:.1} µs, p99 {:.1} µs, max {:.1} µs over {} questions ({answered} answered) | peak RSS {}",
            build.as_secs_f64() * 1e3,
            pct(0.5),
            pct(0.99),
            pct(1.0),
            times.len(),
            peak_rss().map_or_else(|| "unknown".into(), |kb| format!("{:.1} MB", kb as f64 / 1024.0)),
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The process's peak resident memory in KiB (`VmHWM`, Linux only).
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
