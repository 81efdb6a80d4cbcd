//! `kb bench`: loading from disk, index build time, match latency and peak
//! memory, on a synthetic knowledge base (see `knowledge::synthetic`) or
//! on a real folder and its questions (`--knowledge DIR --questions FILE`,
//! FILE the scorer's JSONL), so that the matcher can be compared with
//! other engines on the same data.
//!
//! Each synthetic size runs in a process of its own, so that its peak
//! memory is its own; it is written to a temporary folder first and loaded
//! from there, as the bot loads its folder. Latency is measured per
//! question over a warm process: every question is asked once first (the
//! index remembers each known word's derived forms the first time a
//! question uses it), then timed on a second pass. The first pass is
//! reported as well.
//!
//! Then the worst questions of a given length (`--worst`): one word of N
//! random letters, and N characters of 12-letter words, none of them known
//! (every word is tried for typos): what one hostile message costs.

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::Args;

use crate::knowledge::{self, synthetic, Index, KnowledgeBase};

#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Knowledge base size (repeatable); default 1000 and 10000, each in a
    /// fresh process.
    #[arg(long = "articles")]
    articles: Vec<usize>,
    /// How many synthetic questions to time per size, or, with
    /// `--knowledge`, the questions file (JSON lines with a `q` field, as
    /// the scorer reads them).
    #[arg(long, default_value = "5000")]
    questions: String,
    /// A knowledge folder to time instead of a synthetic one.
    #[arg(long = "knowledge", value_name = "DIR")]
    knowledge: Option<PathBuf>,
    /// Lengths (characters) of the worst questions to time, comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "100,1000,10000")]
    worst: Vec<usize>,
}

pub fn run(args: &BenchArgs) -> anyhow::Result<ExitCode> {
    if let Some(dir) = &args.knowledge {
        let questions = read_questions(Path::new(&args.questions))?;
        bench_folder(dir, &questions, &args.worst)?;
        return Ok(ExitCode::SUCCESS);
    }
    let count: usize = args.questions.parse().with_context(|| {
        format!(
            "--questions {}: a number of synthetic questions (a file needs --knowledge)",
            args.questions
        )
    })?;
    if args.articles.is_empty() {
        let me = std::env::current_exe().context("finding this program to run each size")?;
        for size in [1_000, 10_000] {
            let status = Command::new(&me)
                .args(["kb", "bench", "--articles", &size.to_string()])
                .args(["--questions", &count.to_string()])
                .args(["--worst", &worst_list(&args.worst)])
                .status()
                .with_context(|| format!("running the {size}-article benchmark"))?;
            if !status.success() {
                anyhow::bail!("the {size}-article benchmark failed ({status})");
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    for &size in &args.articles {
        bench_synthetic(size, count, &args.worst)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn worst_list(worst: &[usize]) -> String {
    let list: Vec<String> = worst.iter().map(usize::to_string).collect();
    list.join(",")
}

/// The `q` of each line of a scorer's questions file.
fn read_questions(path: &Path) -> anyhow::Result<Vec<String>> {
    let file = std::fs::File::open(path)
        .with_context(|| format!("opening the questions file {}", path.display()))?;
    let mut out = Vec::new();
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("reading {}", path.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = serde_json::from_str(&line)
            .with_context(|| format!("{}:{}: not a JSON line", path.display(), n + 1))?;
        let q = value
            .get("q")
            .and_then(serde_json::Value::as_str)
            .with_context(|| format!("{}:{}: no \"q\" string", path.display(), n + 1))?;
        out.push(q.to_owned());
    }
    Ok(out)
}

fn bench_synthetic(size: usize, questions: usize, worst: &[usize]) -> anyhow::Result<()> {
    let data = synthetic::synthetic(size, questions, 42);
    let dir = tempfile::tempdir().context("making a folder for the synthetic articles")?;
    synthetic::write_folder(&data.kb, dir.path()).context("writing the synthetic articles")?;
    drop(data.kb);
    let (kb, load) = load_timed(dir.path())?;
    bench_index(
        &format!("{size} articles"),
        kb,
        load,
        &data.questions,
        worst,
    );
    Ok(())
}

fn bench_folder(dir: &Path, questions: &[String], worst: &[usize]) -> anyhow::Result<()> {
    let (kb, load) = load_timed(dir)?;
    bench_index(&dir.display().to_string(), kb, load, questions, worst);
    Ok(())
}

/// Loads a folder as the bot does, timed.
fn load_timed(dir: &Path) -> anyhow::Result<(KnowledgeBase, Duration)> {
    let started = Instant::now();
    let (kb, report) =
        knowledge::load(dir).with_context(|| format!("loading {}", dir.display()))?;
    let took = started.elapsed();
    if !report.problems.is_empty() {
        eprintln!(
            "{}: {} problem(s) while loading (see `kb check`)",
            dir.display(),
            report.problems.len()
        );
    }
    Ok((kb, took))
}

fn bench_index(
    name: &str,
    kb: KnowledgeBase,
    load: Duration,
    questions: &[String],
    worst: &[usize],
) {
    let articles = kb.articles.len();
    let started = Instant::now();
    let index = Index::build(kb);
    let build = started.elapsed();
    let (first, _) = time_all(&index, questions);
    let (warm, answered) = time_all(&index, questions);
    println!(
        "{name}: {articles} articles loaded from disk in {:.0} ms, build {:.0} ms | match p50 {:.1} µs, \
         p99 {:.1} µs, max {:.1} µs over {} questions, {answered} answered (first pass: p50 {:.1} µs, \
         p99 {:.1} µs) | peak RSS {}",
        load.as_secs_f64() * 1e3,
        build.as_secs_f64() * 1e3,
        percentile(&warm, 0.5),
        percentile(&warm, 0.99),
        percentile(&warm, 1.0),
        warm.len(),
        percentile(&first, 0.5),
        percentile(&first, 0.99),
        peak_rss().map_or_else(|| "unknown".into(), |kb| format!("{:.1} MB", kb as f64 / 1024.0)),
    );
    for &chars in worst {
        let time = |one_word: bool| {
            let question = synthetic::hostile_question(chars, one_word, 7);
            let t = Instant::now();
            std::hint::black_box(index.ask(&question, None));
            t.elapsed().as_secs_f64() * 1e6
        };
        println!(
            "{name}: worst question of {chars} characters: one word {:.1} µs, many words {:.1} µs",
            time(true),
            time(false),
        );
    }
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
