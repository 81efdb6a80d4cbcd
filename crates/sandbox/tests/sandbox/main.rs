//! The sandbox's own tests: its REST routes, gateway, interactions and
//! threads through the real serenity client, its test driver, and the proof
//! of the loop with a minimal poise bot. One binary, so the suite links once.

#![allow(clippy::unwrap_used)] // tests may unwrap

#[path = "../support/mod.rs"]
mod support;

mod dispatch;
mod driver;
mod fidelity;
mod gateway;
mod interactions;
mod rest;
mod shards;
mod the_loop;
mod threads;
