//! End-to-end stories: the real bot, through serenity, against the
//! sandbox's demo server. Each test builds its own world.

#![allow(clippy::unwrap_used)] // tests may unwrap

mod world;

mod aging;
mod ask;
mod attachments;
mod close_request;
mod console;
mod content;
mod deleted_channels;
mod durability;
mod fidelity;
mod framework_errors;
mod gateway;
mod hours;
mod insight;
mod intake;
mod ladder;
mod latency;
mod load;
mod metrics;
mod moves;
mod permissions;
mod permissions_buttons;
mod rate_limits;
mod readme_story;
mod resolution;
mod restart;
mod robustness;
mod russian;
mod setup;
mod staff_flows;
mod system_lines;
