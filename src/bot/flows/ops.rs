//! Staff operations on a ticket (and the user's close and reopen): the
//! domain decides through `Store::transition`, which writes the Discord
//! steps the change needs with it (the outbox); the flow then runs them
//! ([`super::carry_out`]) and tells the person what happened, naming any
//! step Discord refused. A refusal changes nothing and comes back as
//! `BotError::Refused`.

use super::{carry_out, Env};
use crate::bot::app::Data;
use crate::bot::error::BotError;
use crate::bot::mentions::{channel_tag, user_tag};
use crate::tickets::{self, Actor, Direction, Level, Ticket};
use crate::tr;
use poise::serenity_prelude::Http;

pub async fn claim(http: &Http, data: &Data, env: &Env, t: &Ticket) -> Result<String, BotError> {
    let change = data
        .store
        .transition(t.id, |t| tickets::claim(t, &env.actor, data.clock.now()))
        .await?;
    let (t, note) = carry_out(http, data, env, &change).await?;
    Ok(tr!(
        env.locale,
        "claim-done",
        number = t.number.to_string(),
        thread = thread_link(&t)
    ) + &note)
}

pub async fn unclaim(http: &Http, data: &Data, env: &Env, t: &Ticket) -> Result<String, BotError> {
    let change = data
        .store
        .transition(t.id, |t| tickets::unclaim(t, &env.actor, data.clock.now()))
        .await?;
    let (t, note) = carry_out(http, data, env, &change).await?;
    Ok(tr!(env.locale, "unclaim-done", number = t.number.to_string()) + &note)
}

pub async fn transfer(
    http: &Http,
    data: &Data,
    env: &Env,
    t: &Ticket,
    to: &Actor,
) -> Result<String, BotError> {
    let change = data
        .store
        .transition(t.id, |t| {
            tickets::transfer(t, &env.actor, to, data.clock.now())
        })
        .await?;
    let (t, note) = carry_out(http, data, env, &change).await?;
    Ok(tr!(
        env.locale,
        "transfer-done",
        number = t.number.to_string(),
        to = user_tag(to.user)
    ) + &note)
}

pub async fn note(
    http: &Http,
    data: &Data,
    env: &Env,
    t: &Ticket,
    text: &str,
) -> Result<String, BotError> {
    // Sent again because no answer came: the first one stands (and its
    // post in the case is finished if it was left pending).
    let events: Vec<_> = data
        .store
        .events(t.id)
        .await?
        .into_iter()
        .map(|e| e.event)
        .collect();
    if tickets::repeats_last_note(&events, &env.actor, text, data.clock.now()) {
        data.store.hurry_effects(t.id, data.clock.now()).await?;
        let (t, note) = super::run_pending(http, data, env, t).await?;
        return Ok(tr!(env.locale, "note-already", number = t.number.to_string()) + &note);
    }
    let change = data
        .store
        .transition(t.id, |t| {
            tickets::note(t, &env.actor, text, data.clock.now())
        })
        .await?;
    let (t, note) = carry_out(http, data, env, &change).await?;
    Ok(tr!(env.locale, "note-done", number = t.number.to_string()) + &note)
}

/// Moves the ticket up (escalates) or down (de-escalates) to `to`
/// (default: the next level that way). The steps move the case: a new one with the handoff
/// digest, the old one locked and archived with links both ways, the
/// user told.
pub async fn move_level(
    http: &Http,
    data: &Data,
    env: &Env,
    t: &Ticket,
    direction: Direction,
    to: Option<Level>,
    reason: &str,
) -> Result<String, BotError> {
    // Refuse a move to a level that has no channel before changing anything.
    let target = to.or(t.level.step(direction));
    if let Some(level) = target {
        if env.settings.level(level).channel.is_none() {
            return Err(BotError::Say(
                crate::bot::error::Say::new("error-level-not-set-up").arg("level", level),
            ));
        }
    }
    let change = data
        .store
        .transition(t.id, |t| {
            let now = data.clock.now();
            match direction {
                Direction::Up => tickets::escalate(t, &env.actor, to, reason, now),
                Direction::Down => tickets::deescalate(t, &env.actor, to, reason, now),
            }
        })
        .await?;
    let (t, note) = carry_out(http, data, env, &change).await?;
    // The new case's thread, or the level's channel while it is on its way.
    let thread = match (t.case, env.settings.level(t.level).channel) {
        (Some(c), _) if c.level == t.level => channel_tag(c.thread),
        (_, Some(channel)) => channel_tag(channel),
        _ => String::new(),
    };
    Ok(tr!(
        env.locale,
        "move-done",
        number = t.number.to_string(),
        level = t.level.to_string(),
        thread = thread
    ) + &note)
}

pub async fn close(
    http: &Http,
    data: &Data,
    env: &Env,
    t: &Ticket,
    reason: Option<&str>,
) -> Result<String, BotError> {
    let change = data
        .store
        .transition(t.id, |t| {
            tickets::close(t, &env.actor, reason, data.clock.now())
        })
        .await?;
    let (t, note) = carry_out(http, data, env, &change).await?;
    Ok(tr!(env.locale, "close-done", number = t.number.to_string()) + &note)
}

pub async fn reopen(http: &Http, data: &Data, env: &Env, t: &Ticket) -> Result<String, BotError> {
    let days = env.settings.reopen_days;
    let change = data
        .store
        .transition(t.id, |t| {
            tickets::reopen(t, &env.actor, days, data.clock.now())
        })
        .await?;
    let (t, note) = carry_out(http, data, env, &change).await?;
    Ok(tr!(
        env.locale,
        "reopen-done",
        number = t.number.to_string(),
        thread = thread_link(&t)
    ) + &note)
}

fn thread_link(t: &Ticket) -> String {
    t.user_thread.map(channel_tag).unwrap_or_default()
}
