//! The bot as a separate process against a served sandbox: a console
//! driving it from a third process, the bot killed with SIGKILL and
//! restarted while the sandbox (Discord) lives on. One binary, so the
//! suite links once; it starts `supportline` itself (CARGO_BIN_EXE).
//!
//! `SERVED_KILLS=20 cargo test --test served` runs the SIGKILL story with
//! twenty kills (the default run kills a few times, to stay quick);
//! `SERVED_SEED=N` repeats a run.

#![allow(clippy::unwrap_used)] // tests may unwrap

mod console;
mod sigkill;
mod support;
