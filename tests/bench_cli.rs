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

/// Two `supportline run` processes on shards 0 and 1 of 2, one PostgreSQL,
/// one sandbox of four servers: the run completes, reports, and its checks
/// pass. Needs PostgreSQL (`SUPPORTLINE_TEST_POSTGRES_URL`, as `.ci/run`
/// sets it); skipped with a reason without it.
#[test]
fn a_two_process_bench_on_postgres_completes_and_its_checks_pass() {
    let Ok(admin_url) = std::env::var("SUPPORTLINE_TEST_POSTGRES_URL") else {
        eprintln!("skipped: SUPPORTLINE_TEST_POSTGRES_URL is not set (no PostgreSQL to share)");
        return;
    };
    let name = format!("sl_bench_{:016x}", fastrand::u64(..));
    let (base, _) = admin_url.rsplit_once('/').unwrap();
    let url = format!("{base}/{name}");
    admin(&admin_url, &format!("CREATE DATABASE {name}"));
    let knowledge = Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge");
    let out = Command::new(env!("CARGO_BIN_EXE_supportline"))
        .args(["bench", "--processes", "2", "--guilds", "4"])
        .args(["--people", "8", "--duration", "1", "--database", &url])
        .arg("--knowledge")
        .arg(&knowledge)
        .env("RUST_LOG", "error")
        .output()
        .expect("the binary runs");
    admin(
        &admin_url,
        &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    for part in [
        "== 2 processes (one shard of 2 each), one PostgreSQL, 4 guilds ==",
        "interactions/s",
        "first response: p50",
        "process of shard 0:",
        "process of shard 1:",
        "every interaction handled once",
        "outbox steps:",
        "timers:",
    ] {
        assert!(stdout.contains(part), "no {part:?} in:\n{stdout}");
    }
    assert_eq!(stdout.matches("served by shard").count(), 4, "{stdout}");
    assert!(!stdout.contains("FAILED"), "{stdout}");
}

/// Runs one statement on the PostgreSQL server of `admin_url`.
fn admin(admin_url: &str, sql: &str) {
    use sqlx::Connection;
    sqlx::any::install_default_drivers();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let mut conn = sqlx::AnyConnection::connect(admin_url).await.unwrap();
        sqlx::query(sql).execute(&mut conn).await.unwrap();
        conn.close().await.ok();
    });
}
