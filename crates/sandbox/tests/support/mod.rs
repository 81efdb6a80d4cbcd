//! Shared by the sandbox test crates (and open to the bot's end-to-end
//! tests): the OpenAPI check, a minimal poise bot, an event recorder.
#![allow(dead_code)]

pub mod bot;
pub mod openapi;
pub mod recording;
