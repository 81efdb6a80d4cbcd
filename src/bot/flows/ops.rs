//! Staff operations on a ticket (and the user's close and reopen): the
//! domain decides through `Store::transition`, then Discord is brought in
//! line — the card edited, people added to the user thread, cases moved.
//! A refusal changes nothing and comes back as `BotError::Refused`.

use poise::serenity_prelude::{
    ChannelId as DChannel, CreateMessage, GetMessages, Http, UserId as DUser,
};

use super::{case, staff_locale, Env};
use crate::bot::app::Data;
use crate::bot::error::BotError;
use crate::bot::mentions;
use crate::bot::render::{clip, digest, duration, level_name, quote};
use crate::store::Change;
use crate::tickets::{
    self, Actor, CaseThread, GuildSettings, HandoffDigest, Level, Quote, Ticket, TicketEvent,
};
use crate::tr;

pub async fn claim(http: &Http, data: &Data, env: &Env, t: &Ticket) -> Result<String, BotError> {
    let change = data
        .store
        .transition(t.id, |t| tickets::claim(t, &env.actor, data.clock.now()))
        .await?;
    let t = &change.after;
    if let Some(thread) = t.user_thread {
        DChannel::new(thread.0)
            .add_thread_member(http, DUser::new(env.actor.user.0))
            .await?;
    }
    let staff = env.staff_locale(data);
    case::refresh_card(http, data, &env.settings, t).await?;
    case::post_in_case(
        http,
        t,
        tr!(staff, "case-claimed", by = format!("<@{}>", env.actor.user)),
    )
    .await?;
    Ok(tr!(
        env.locale,
        "claim-done",
        number = t.number.to_string(),
        thread = thread_link(t)
    ))
}

pub async fn unclaim(http: &Http, data: &Data, env: &Env, t: &Ticket) -> Result<String, BotError> {
    let change = data
        .store
        .transition(t.id, |t| tickets::unclaim(t, &env.actor, data.clock.now()))
        .await?;
    let t = &change.after;
    let staff = env.staff_locale(data);
    case::refresh_card(http, data, &env.settings, t).await?;
    case::post_in_case(
        http,
        t,
        tr!(
            staff,
            "case-unclaimed",
            by = format!("<@{}>", env.actor.user)
        ),
    )
    .await?;
    Ok(tr!(
        env.locale,
        "unclaim-done",
        number = t.number.to_string()
    ))
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
    let t = &change.after;
    if let Some(thread) = t.user_thread {
        DChannel::new(thread.0)
            .add_thread_member(http, DUser::new(to.user.0))
            .await?;
    }
    let staff = env.staff_locale(data);
    case::refresh_card(http, data, &env.settings, t).await?;
    case::post_in_case(
        http,
        t,
        tr!(
            staff,
            "case-transferred",
            by = format!("<@{}>", env.actor.user),
            to = format!("<@{}>", to.user)
        ),
    )
    .await?;
    Ok(tr!(
        env.locale,
        "transfer-done",
        number = t.number.to_string(),
        to = format!("<@{}>", to.user)
    ))
}

pub async fn note(
    http: &Http,
    data: &Data,
    env: &Env,
    t: &Ticket,
    text: &str,
) -> Result<String, BotError> {
    let change = data
        .store
        .transition(t.id, |t| {
            tickets::note(t, &env.actor, text, data.clock.now())
        })
        .await?;
    let t = &change.after;
    let staff = env.staff_locale(data);
    case::post_in_case(
        http,
        t,
        tr!(
            staff,
            "case-note",
            by = format!("<@{}>", env.actor.user),
            text = clip(text, 1800)
        ),
    )
    .await?;
    Ok(tr!(env.locale, "note-done", number = t.number.to_string()))
}

/// Escalates (`up`) or de-escalates the ticket to `to` (default: the next
/// level that way) and moves the case.
pub async fn move_level(
    http: &Http,
    data: &Data,
    env: &Env,
    t: &Ticket,
    up: bool,
    to: Option<Level>,
    reason: &str,
) -> Result<String, BotError> {
    // Refuse a move to a level that has no channel before changing anything.
    let target = to.or(if up { t.level.next() } else { t.level.prev() });
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
            if up {
                tickets::escalate(t, &env.actor, to, reason, now)
            } else {
                tickets::deescalate(t, &env.actor, to, reason, now)
            }
        })
        .await?;
    // The ticket after the transition has no case yet: the new one is
    // made by `move_case`, so the link comes from what it made.
    let new_case = move_case(http, data, env, &change).await?;
    let t = &change.after;
    Ok(tr!(
        env.locale,
        "move-done",
        number = t.number.to_string(),
        level = t.level.to_string(),
        thread = format!("<#{}>", new_case.thread)
    ))
}

/// After a level change: a new case with the handoff digest, the old case
/// locked and archived with links both ways, the user told.
async fn move_case(
    http: &Http,
    data: &Data,
    env: &Env,
    change: &Change,
) -> Result<CaseThread, BotError> {
    let t = &change.after;
    let old = change.before.case;
    let staff = staff_locale(data, &env.settings);
    let history: Vec<TicketEvent> = data
        .store
        .events(t.id)
        .await?
        .into_iter()
        .map(|e| e.event)
        .collect();
    let tried = match data.store.l0_exchange_for_ticket(t.id).await? {
        Some(x) => x.articles_tried(),
        None => Vec::new(),
    };
    let last = last_user_messages(http, t).await;
    let digest = HandoffDigest::for_latest_move(t, &history, tried, last);
    let mut intro = CreateMessage::new().allowed_mentions(mentions::nobody());
    if let Some(d) = &digest {
        intro = intro.embed(digest::embed(staff, d, old.as_ref().map(|c| c.thread.0)));
    }
    let new_case = case::post(http, data, &env.settings, t, intro).await?;

    if let Some(old) = &old {
        let text = tr!(
            staff,
            "case-moved-away",
            level = t.level.to_string(),
            thread = format!("<#{}>", new_case.thread)
        );
        let _ = DChannel::new(old.thread.0)
            .send_message(
                http,
                CreateMessage::new()
                    .content(text)
                    .allowed_mentions(mentions::nobody()),
            )
            .await;
        if let Some(channel) = env.settings.level(old.level).channel {
            let _ = DChannel::new(channel.0)
                .edit_message(
                    http,
                    poise::serenity_prelude::MessageId::new(old.card.0),
                    poise::serenity_prelude::EditMessage::new()
                        .embed(crate::bot::render::card::moved_embed(
                            staff,
                            t,
                            old.level,
                            Some(new_case.thread.0),
                        ))
                        .components(Vec::new()),
                )
                .await;
        }
        case::lock_and_archive(http, old.thread).await;
    }

    let sla = env.settings.level(t.level).sla;
    let key_up = t.level > change.before.level;
    let text = if key_up {
        tr!(
            t.locale,
            "user-escalated",
            level = level_name(t.locale, t.level),
            sla = duration(t.locale, sla)
        )
    } else {
        tr!(
            t.locale,
            "user-deescalated",
            level = level_name(t.locale, t.level),
            sla = duration(t.locale, sla)
        )
    };
    case::post_to_user(http, t, text, false).await?;
    Ok(new_case)
}

/// The user's last few messages in their thread, oldest first.
async fn last_user_messages(http: &Http, t: &Ticket) -> Vec<Quote> {
    let Some(thread) = t.user_thread else {
        return Vec::new();
    };
    let Ok(messages) = DChannel::new(thread.0)
        .messages(http, GetMessages::new().limit(50))
        .await
    else {
        return Vec::new();
    };
    let mut quotes: Vec<Quote> = messages
        .iter()
        .filter(|m| m.author.id.get() == t.opener.0 && !m.content.trim().is_empty())
        .take(5)
        .map(|m| Quote {
            at: *m.timestamp,
            text: m.content.clone(),
        })
        .collect();
    quotes.reverse();
    quotes
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
    let t = &change.after;
    after_close(http, data, &env.settings, t, Some(env.actor.user.0), reason).await;
    Ok(tr!(env.locale, "close-done", number = t.number.to_string()))
}

/// Tells both sides, edits the card, keeps the transcript, locks and
/// archives the threads. `by`: who closed it (`None`: the auto-close).
pub async fn after_close(
    http: &Http,
    data: &Data,
    settings: &GuildSettings,
    t: &Ticket,
    by: Option<u64>,
    reason: Option<&str>,
) {
    let staff = staff_locale(data, settings);
    let days = settings.reopen_days;
    let (mut user_text, case_text) = match by {
        Some(u) => (
            tr!(t.locale, "user-closed", by = format!("<@{u}>"), days = days),
            tr!(staff, "case-closed", by = format!("<@{u}>")),
        ),
        None => (
            tr!(t.locale, "user-auto-closed", days = days),
            tr!(staff, "case-auto-closed"),
        ),
    };
    if let Some(r) = reason.filter(|r| !r.trim().is_empty()) {
        user_text.push('\n');
        user_text.push_str(&quote(&clip(r, 1000)));
    }
    if let Err(e) = case::post_to_user(http, t, user_text, false).await {
        tracing::debug!(error = %e, "could not tell the user about the closing");
    }
    let _ = case::post_in_case(http, t, case_text).await;
    if let Err(e) = case::refresh_card(http, data, settings, t).await {
        tracing::debug!(error = %e, "could not refresh a closed ticket's card");
    }
    // Before archiving: an archived thread's messages cannot be edited.
    super::resolve::retire_question(http, t, None).await;
    match super::transcript::capture(http, data, t).await {
        Ok(entries) => super::transcript::log_closed(http, data, settings, t, &entries).await,
        Err(e) => tracing::warn!(error = %e, ticket = t.number.0, "could not keep the transcript"),
    }
    if let Some(th) = t.user_thread {
        case::lock_and_archive(http, th).await;
    }
    if let Some(c) = &t.case {
        case::lock_and_archive(http, c.thread).await;
    }
}

pub async fn reopen(http: &Http, data: &Data, env: &Env, t: &Ticket) -> Result<String, BotError> {
    let days = env.settings.reopen_days;
    let change = data
        .store
        .transition(t.id, |t| {
            tickets::reopen(t, &env.actor, days, data.clock.now())
        })
        .await?;
    let t = &change.after;
    if let Some(th) = t.user_thread {
        case::unarchive(http, th).await?;
    }
    if let Some(c) = &t.case {
        case::unarchive(http, c.thread).await?;
    }
    let staff = staff_locale(data, &env.settings);
    case::refresh_card(http, data, &env.settings, t).await?;
    case::post_in_case(
        http,
        t,
        tr!(
            staff,
            "case-reopened",
            by = format!("<@{}>", env.actor.user)
        ),
    )
    .await?;
    case::post_to_user(http, t, tr!(t.locale, "user-reopened"), false).await?;
    Ok(tr!(
        env.locale,
        "reopen-done",
        number = t.number.to_string(),
        thread = thread_link(t)
    ))
}

fn thread_link(t: &Ticket) -> String {
    t.user_thread
        .map(|th| format!("<#{th}>"))
        .unwrap_or_default()
}
