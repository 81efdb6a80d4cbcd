//! `supportline run`: a missing or malformed setting stops it at once with
//! one line naming the setting (no Discord needed to see that).

#![allow(clippy::unwrap_used)] // tests may unwrap

use std::process::Command;

fn run_with(env: &[(&str, &str)]) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_supportline"));
    // An empty directory: no .env is picked up from the repository.
    cmd.arg("run").current_dir(dir.path()).env_clear();
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_missing_token_is_named_in_one_line() {
    let (code, err) = run_with(&[]);
    assert_eq!(code, 1);
    assert!(err.contains("DISCORD_TOKEN is not set"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}

#[test]
fn a_malformed_setting_is_named() {
    for (name, value) in [
        ("DATABASE_URL", "mysql://nope"),
        ("DISCORD_API_BASE", "discord.com"),
        ("DEFAULT_LOCALE", "klingon"),
        ("DISCORD_MESSAGE_CONTENT", "maybe"),
    ] {
        let (code, err) = run_with(&[("DISCORD_TOKEN", "abc"), (name, value)]);
        assert_eq!(code, 1, "{name}");
        assert!(
            err.contains(&format!("{name} is malformed")),
            "{name}: {err}"
        );
    }
}
