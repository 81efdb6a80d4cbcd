//! Discord's JSON shapes as serde structs with Discord's field names: bodies
//! the bot sends (`*In`) and objects the sandbox answers or dispatches
//! (`*Out`). Required fields follow both Discord's OpenAPI description and
//! what serenity 0.12.5 needs to deserialise.

pub mod channel;
pub mod command;
pub mod component;
pub mod gateway;
pub mod guild;
pub mod interaction;
pub mod message;
pub mod user;
