//! The `kb` commands as admins and the evaluation scorer use them: the
//! `kb ask` JSON contract (`../shared/knowledge-format.md`), line order,
//! exit codes.

#![allow(clippy::unwrap_used)] // tests may unwrap

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::{json, Value};

fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_supportline"));
    // English unless a test asks otherwise, whatever this machine's LANG.
    cmd.env_remove("KNOWLEDGE_DIR")
        .env("RUST_LOG", "off")
        .env("SUPPORTLINE_LOCALE", "en");
    cmd
}

fn sample_kb() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge")
}

fn run(cmd: &mut Command, stdin: &str) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(stdin.as_bytes())
        .expect("stdin accepts the questions");
    child.wait_with_output().expect("the binary finishes")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("output is UTF-8")
}

/// The contract of one `kb ask --json` line.
fn answer_schema() -> Value {
    json!({
        "type": "object",
        "required": ["question", "answer", "confidence", "candidates"],
        "properties": {
            "question": {"type": "string"},
            "answer": {"type": ["string", "null"]},
            "confidence": {"type": "number", "minimum": 0, "maximum": 1},
            "candidates": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["id", "title", "score"],
                    "properties": {
                        "id": {"type": "string"},
                        "title": {"type": "string"},
                        "score": {"type": "number"}
                    }
                }
            }
        }
    })
}

fn assert_contract(line: &Value) {
    let schema = answer_schema();
    assert!(
        jsonschema::is_valid(&schema, line),
        "not the kb ask contract: {line}"
    );
    let scores: Vec<f64> = line["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["score"].as_f64().unwrap())
        .collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "candidates not best first: {line}"
    );
}

#[test]
fn ask_with_json_prints_one_line_in_the_contract_shape() {
    let out = run(
        bin()
            .args(["kb", "ask", "--json", "--knowledge"])
            .arg(sample_kb())
            .arg("how do I talk to a real person"),
        "",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1, "{text}");
    let line: Value = serde_json::from_str(lines[0]).unwrap();
    assert_contract(&line);
    assert_eq!(line["question"], "how do I talk to a real person");
    assert_eq!(line["answer"], "en/talk-to-a-human");
}

#[test]
fn questions_on_stdin_get_one_json_line_each_in_order() {
    let questions = [
        "как закрыть заявку",
        "",
        "what is the capital of France",
        "who can see my ticket?",
        "  SPACES and CAPS  ",
    ];
    let out = run(
        bin().args(["kb", "ask", "--knowledge"]).arg(sample_kb()),
        &questions
            .iter()
            .map(|q| format!("{q}\n"))
            .collect::<String>(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = stdout(&out);
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), questions.len());
    for (line, q) in lines.iter().zip(questions) {
        assert_contract(line);
        assert_eq!(line["question"], q);
    }
    assert_eq!(lines[0]["answer"], "ru/close-ticket");
    assert_eq!(lines[1]["answer"], Value::Null);
    assert_eq!(lines[2]["answer"], Value::Null);
}

#[test]
fn windows_line_endings_on_stdin_are_not_part_of_the_question() {
    let out = run(
        bin().args(["kb", "ask", "--knowledge"]).arg(sample_kb()),
        "как закрыть заявку\r\n",
    );
    let line: Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(line["question"], "как закрыть заявку");
}

#[test]
fn a_locale_limits_answers_to_articles_serving_it() {
    let out = run(
        bin()
            .args(["kb", "ask", "--json", "--locale", "ru", "--knowledge"])
            .arg(sample_kb())
            .arg("how do I close my ticket"),
        "",
    );
    let line: Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    for c in line["candidates"].as_array().unwrap() {
        assert!(c["id"].as_str().unwrap().starts_with("ru/"), "{line}");
    }
}

#[test]
fn the_knowledge_folder_defaults_to_the_environment() {
    let out = run(
        bin().env("KNOWLEDGE_DIR", sample_kb()).args([
            "kb",
            "ask",
            "--json",
            "how to rate support",
        ]),
        "",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let line: Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(line["answer"], "en/rate-support");
}

#[test]
fn without_json_a_person_reads_the_answer_and_candidates() {
    let out = run(
        bin()
            .args(["kb", "ask", "--knowledge"])
            .arg(sample_kb())
            .arg("how to rate support"),
        "",
    );
    let text = stdout(&out);
    assert!(text.starts_with("answer: en/rate-support"), "{text}");
    assert!(text.contains("1. en/rate-support"), "{text}");
}

#[test]
fn an_admin_whose_language_is_russian_reads_the_answer_and_its_evidence_in_russian() {
    let out = run(
        bin()
            .env("SUPPORTLINE_LOCALE", "ru")
            .args(["kb", "ask", "--explain", "--knowledge"])
            .arg(sample_kb())
            .arg("how to rate support"),
        "",
    );
    let text = stdout(&out);
    assert!(
        text.starts_with("ответ: en/rate-support (уверенность "),
        "{text}"
    );
    // Evidence names are Russian too.
    let evidence: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("  en/") && l.contains('='))
        .collect();
    assert!(
        evidence
            .iter()
            .any(|l| l.chars().any(|c| ('а'..='я').contains(&c))),
        "{text}"
    );
    // The JSON contract does not change with the language.
    let out = run(
        bin()
            .env("LANG", "ru_RU.UTF-8")
            .env_remove("SUPPORTLINE_LOCALE")
            .args(["kb", "ask", "--json", "--explain", "--knowledge"])
            .arg(sample_kb())
            .arg("how to rate support"),
        "",
    );
    let line: Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert!(line["explain"][0]["id"].is_string(), "{line}");
    assert!(!line.to_string().contains("уверенность"), "{line}");
}

#[test]
fn check_passes_on_the_sample_knowledge_base() {
    let out = run(
        bin().args(["kb", "check", "--knowledge"]).arg(sample_kb()),
        "",
    );
    let text = stdout(&out);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("0 error(s), 0 warning(s)"), "{text}");
}

#[test]
fn check_fails_with_file_and_line_on_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("good.md"),
        "---\ntitle: Good\nkeywords: [good]\n---\nFine.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("typo.md"),
        "---\ntitle: Typo\nkeyowrds: [typo]\n---\nBody.\n",
    )
    .unwrap();
    let out = run(
        bin().args(["kb", "check", "--knowledge"]).arg(dir.path()),
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("typo.md:3: error:"), "{text}");
    assert!(text.contains("keyowrds"), "{text}");
}

#[test]
fn check_succeeds_when_there_are_only_warnings() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a", "b"] {
        std::fs::write(
            dir.path().join(format!("{name}.md")),
            format!("---\ntitle: {name}\nkeywords: [shared phrase, {name} only]\n---\nBody.\n"),
        )
        .unwrap();
    }
    let out = run(
        bin().args(["kb", "check", "--knowledge"]).arg(dir.path()),
        "",
    );
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains("a.md:3: warning:") && text.contains("shared phrase"),
        "{text}"
    );
}

#[test]
fn a_missing_knowledge_folder_is_an_error() {
    let out = run(
        bin().args(["kb", "ask", "--knowledge", "/nonexistent/kb", "hello"]),
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/kb"));
}

#[test]
fn an_unknown_command_is_a_usage_error() {
    let out = run(bin().args(["kb", "frobnicate"]), "");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn bench_reports_build_time_latency_and_memory() {
    let out = run(
        bin().args(["kb", "bench", "--articles", "100", "--questions", "50"]),
        "",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = stdout(&out);
    for part in ["100 articles", "build", "p50", "p99", "peak RSS"] {
        assert!(text.contains(part), "{part} missing: {text}");
    }
}

#[test]
fn bench_times_a_real_folder_with_the_scorers_questions() {
    // The same data another engine is compared on: a folder and the
    // scorer's JSON lines.
    let dir = tempfile::tempdir().unwrap();
    let questions = dir.path().join("questions.jsonl");
    std::fs::write(
        &questions,
        "{\"q\": \"how do I reset my password\", \"expect\": null}\n\n{\"q\": \"hello?\", \"expect\": null}\n",
    )
    .unwrap();
    let out = run(
        bin()
            .args(["kb", "bench", "--worst", "100", "--knowledge"])
            .arg(sample_kb())
            .arg("--questions")
            .arg(&questions),
        "",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = stdout(&out);
    for part in [
        "loaded from disk",
        "build",
        "p50",
        "over 2 questions",
        "peak RSS",
    ] {
        assert!(text.contains(part), "{part} missing: {text}");
    }
}

#[test]
fn a_line_that_is_not_utf8_still_gets_its_answer_line() {
    let mut cmd = bin();
    cmd.args(["kb", "ask", "--knowledge"]).arg(sample_kb());
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"bad \xff bytes\nhow to rate support\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let text = stdout(&out);
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert_eq!(lines[1]["answer"], "en/rate-support");
}

#[test]
fn small_talk_is_reported_beside_the_contract_with_no_answer() {
    let out = run(
        bin().args(["kb", "ask", "--knowledge"]).arg(sample_kb()),
        "thanks bot!\nспасибо большое\nhi, how do I close my ticket?\n",
    );
    assert!(out.status.success());
    let lines: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    for line in &lines {
        assert_contract(line);
    }
    // The scorer reads small talk as no answer.
    for line in &lines[..2] {
        assert_eq!(line["small_talk"], "thanks", "{line}");
        assert_eq!(line["answer"], Value::Null, "{line}");
        assert_eq!(line["candidates"], json!([]), "{line}");
    }
    assert_eq!(lines[2].get("small_talk"), None, "{}", lines[2]);
    assert_ne!(lines[2]["answer"], Value::Null, "{}", lines[2]);

    let human = run(
        bin()
            .args(["kb", "ask", "--knowledge"])
            .arg(sample_kb())
            .arg("are you a bot?"),
        "",
    );
    assert!(
        stdout(&human).contains("small talk (bot)"),
        "{}",
        stdout(&human)
    );
}
