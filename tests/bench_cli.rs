//! `supportline bench` as CI runs it: a few seconds of load on every
//! phase, asserting only that it completes and reports (issue 13: a
//! benchmark, not a timed test).

#![allow(clippy::unwrap_used)] // tests may unwrap

use std::path::Path;
use std::process::Command;

#[test]
fn a_short_bench_completes_and_reports_every_phase() {
    let knowledge = Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge");
    let out = Command::new(env!("CARGO_BIN_EXE_supportline"))
        .args(["bench", "--people", "4", "--duration", "1", "--knowledge"])
        .arg(&knowledge)
        .env("RUST_LOG", "error")
        .output()
        .expect("the binary runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    for part in [
        "REST calls per action",
        "== bare poise bot, /ask only ==",
        "== supportline, /ask only ==",
        "== supportline, /ask and tickets ==",
        "interactions/s",
        "first response: p50",
        "last message:   p50",
        "/ticket open",
        "/close",
        "== against the ceiling ==",
        "ratio",
        "peak RSS",
    ] {
        assert!(stdout.contains(part), "no {part:?} in:\n{stdout}");
    }
}
