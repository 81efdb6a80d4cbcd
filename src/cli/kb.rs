//! `supportline kb check | ask | bench | report`: the knowledge base from the shell.
//! `kb ask`'s output is a contract (`../shared/knowledge-format.md`), read
//! by the evaluation scorer.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Subcommand};
use serde::Serialize;

use crate::i18n::{Catalog, Locale};
use crate::knowledge::{self, Answer, Index, Severity};
use crate::tr;

#[derive(Debug, Subcommand)]
pub enum KbCommand {
    /// Lint the knowledge base before publishing it; exit 1 on any error.
    Check(CheckArgs),
    /// Ask a question (or one per line on standard input, JSON lines out).
    Ask(AskArgs),
    /// Time index building and matching on a synthetic knowledge base.
    Bench(super::kb_bench::BenchArgs),
    /// What to write next: questions L0 could not answer or did not help
    /// with, grouped by wording, most asked first.
    Report(super::kb_report::ReportArgs),
}

#[derive(Debug, Args)]
pub struct KnowledgeDir {
    /// The knowledge folder.
    #[arg(long = "knowledge", env = "KNOWLEDGE_DIR", default_value = "knowledge")]
    pub dir: PathBuf,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    knowledge: KnowledgeDir,
}

#[derive(Debug, Args)]
pub struct AskArgs {
    #[command(flatten)]
    knowledge: KnowledgeDir,
    /// Print JSON (always, when questions are piped in).
    #[arg(long)]
    json: bool,
    /// Only consider articles serving this locale (`en`, `ru`, …); its
    /// language is also the one the answers are described in (else
    /// `SUPPORTLINE_LOCALE`, then `LANG`; English by default).
    #[arg(long)]
    locale: Option<String>,
    /// Show the evidence behind each candidate (for tuning articles).
    #[arg(long)]
    explain: bool,
    /// The question; without it, questions are read from standard input.
    question: Vec<String>,
}

impl KbCommand {
    pub fn run(self) -> anyhow::Result<ExitCode> {
        match self {
            KbCommand::Check(args) => check(&args.knowledge.dir),
            KbCommand::Ask(args) => ask(args),
            KbCommand::Bench(args) => super::kb_bench::run(&args),
            KbCommand::Report(args) => super::kb_report::run(&args),
        }
    }
}

fn check(dir: &Path) -> anyhow::Result<ExitCode> {
    let (kb, report) =
        knowledge::load(dir).with_context(|| format!("loading {}", dir.display()))?;
    let index = Index::build(kb.clone());
    let mut problems = report.problems.clone();
    problems.extend(knowledge::check(&kb, &index));
    for p in &problems {
        println!("{p}");
    }
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = problems.len() - errors;
    println!(
        "{}: {} articles, {} synonym groups; {errors} error(s), {warnings} warning(s)",
        dir.display(),
        report.articles,
        report.synonym_groups,
    );
    Ok(if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn ask(args: AskArgs) -> anyhow::Result<ExitCode> {
    let dir = &args.knowledge.dir;
    let (kb, report) =
        knowledge::load(dir).with_context(|| format!("loading {}", dir.display()))?;
    for p in &report.problems {
        eprintln!("{p}");
    }
    let index = Index::build(kb);
    let locale = args.locale.as_deref();
    // What it says around the answers is in the admin's language.
    let lang = super::locale::admin_locale(locale);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.question.is_empty() {
        // Someone typing questions wants each answer at once; a pipe is
        // answered in one go.
        let interactive = std::io::stdin().is_terminal();
        // A person at a terminal reads answers, a program reads JSON lines.
        let human = interactive && !args.json;
        if human {
            eprintln!("{}", tr!(lang, "cli-ask-prompt"));
        }
        let mut input = std::io::stdin().lock();
        let mut line = Vec::new();
        loop {
            if human {
                eprint!("> ");
            }
            line.clear();
            let read = input
                .read_until(b'\n', &mut line)
                .context("reading questions from standard input")?;
            if read == 0 {
                break;
            }
            // Bad bytes must not shift the answers off their lines.
            let text = String::from_utf8_lossy(&line);
            let question = text.trim_end_matches(['\n', '\r']);
            if human {
                write_human(&mut out, &index, question, locale, args.explain, lang)?;
            } else {
                write_json(&mut out, &index, question, locale, args.explain)?;
            }
            if interactive {
                out.flush()?;
            }
        }
    } else {
        let question = args.question.join(" ");
        if args.json {
            write_json(&mut out, &index, &question, locale, args.explain)?;
        } else {
            write_human(&mut out, &index, &question, locale, args.explain, lang)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
struct AnswerLine<'a> {
    question: &'a str,
    answer: Option<&'a str>,
    confidence: f64,
    candidates: Vec<CandidateLine<'a>>,
    /// The question is only small talk (`greeting`, `thanks`, `goodbye`,
    /// `bot`, `presence`): the bot replies in kind. Beyond the contract's
    /// fields; `answer` is then null, which the scorer reads as no answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    small_talk: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    explain: Option<Vec<serde_json::Value>>,
}

#[derive(Serialize)]
struct CandidateLine<'a> {
    id: &'a str,
    title: &'a str,
    score: f64,
}

fn rounded(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}

fn write_json(
    out: &mut impl Write,
    index: &Index,
    question: &str,
    locale: Option<&str>,
    explain: bool,
) -> anyhow::Result<()> {
    let answer = index.ask(question, locale);
    let explain = explain.then(|| {
        index
            .explain(question, locale)
            .into_iter()
            .map(|e| {
                let mut m = serde_json::Map::new();
                m.insert("id".into(), e.id.to_string().into());
                m.insert("score".into(), rounded(e.score).into());
                for (k, v) in e.evidence {
                    m.insert(k.into(), rounded(v).into());
                }
                serde_json::Value::Object(m)
            })
            .collect()
    });
    let line = AnswerLine {
        question,
        answer: answer.answer.as_ref().map(|a| a.as_str()),
        confidence: rounded(answer.confidence),
        candidates: candidates(&answer),
        small_talk: answer.small_talk.map(knowledge::SmallTalk::name),
        explain,
    };
    serde_json::to_writer(&mut *out, &line)?;
    out.write_all(b"\n")?;
    Ok(())
}

fn candidates(answer: &Answer) -> Vec<CandidateLine<'_>> {
    answer
        .candidates
        .iter()
        .map(|c| CandidateLine {
            id: c.id.as_str(),
            title: &c.title,
            score: rounded(c.score),
        })
        .collect()
}

fn write_human(
    out: &mut impl Write,
    index: &Index,
    question: &str,
    locale: Option<&str>,
    explain: bool,
    lang: Locale,
) -> anyhow::Result<()> {
    let answer = index.ask(question, locale);
    if let Some(kind) = answer.small_talk {
        writeln!(
            out,
            "{}",
            tr!(lang, "cli-ask-small-talk", kind = kind.name())
        )?;
        return Ok(());
    }
    let confidence = format!("{:.2}", answer.confidence);
    match &answer.answer {
        Some(id) => writeln!(
            out,
            "{}",
            tr!(
                lang,
                "cli-ask-answer",
                id = id.to_string(),
                confidence = confidence
            )
        )?,
        None => writeln!(
            out,
            "{}",
            tr!(
                lang,
                "cli-ask-no-answer",
                confidence = confidence,
                threshold = format!("{:.2}", knowledge::ANSWER_THRESHOLD)
            )
        )?,
    }
    for (n, c) in answer.candidates.iter().enumerate() {
        writeln!(out, "  {}. {}  {:.3}  {}", n + 1, c.id, c.score, c.title)?;
    }
    if explain {
        let catalog = Catalog::global();
        for e in index.explain(question, locale) {
            let parts: Vec<String> = e
                .evidence
                .iter()
                .filter(|(_, v)| *v != 0.0)
                .map(|(k, v)| {
                    // A name the catalogue does not know yet stays as the
                    // engine wrote it.
                    let key = format!("cli-evidence-{k}");
                    let name = if catalog.has(lang, &key) {
                        catalog.text(lang, &key, &[])
                    } else {
                        (*k).to_owned()
                    };
                    format!("{name}={v:.2}")
                })
                .collect();
            writeln!(out, "  {}: {}", e.id, parts.join(" "))?;
        }
    }
    Ok(())
}
