//! End-to-end stories: the real bot, through serenity, against the
//! sandbox's demo server. Each test builds its own world.

mod world;

mod ask;
mod ladder;
mod moves;
mod permissions;
mod readme_story;
mod robustness;
