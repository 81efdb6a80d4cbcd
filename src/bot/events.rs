//! Gateway events: plain questions in help channels (opt-in), the first
//! staff reply in a user thread (the SLA's first response; the ticket then
//! waits on its user), the user's reply (to "Did this solve it?", or to
//! staff waiting on them: the SLA clock resumes), and threads deleted
//! behind the bot's back.

use poise::serenity_prelude::{Context, CreateMessage, Message};

use super::actor::actor_from_roles;
use super::app::Data;
use super::effects;
use super::error::BotError;
use super::flows::ask::{self, L0Reply};
use super::flows::{resolve, Env};
use super::mentions;
use crate::tickets::{self, ChannelId, GuildId, UserId};

pub async fn on_message(ctx: &Context, data: &Data, m: &Message) -> Result<(), BotError> {
    // Discord's own lines (someone added to a thread by a member) are no
    // reply of anyone's.
    if m.author.bot || m.webhook_id.is_some() || !super::said::is_said(m) {
        return Ok(());
    }
    let Some(guild) = m.guild_id else {
        return Ok(());
    };
    let channel = ChannelId(m.channel_id.get());
    // Every message of the server passes here: a channel the cache knows
    // as a regular channel (not a thread) cannot be a ticket's thread, so
    // it costs no query.
    let regular_channel = ctx
        .cache
        .guild(guild)
        .is_some_and(|g| g.channels.contains_key(&m.channel_id));
    let ticket = if regular_channel {
        None
    } else {
        data.store.ticket_by_user_thread(channel).await?
    };
    if let Some(t) = ticket {
        if t.is_closed() {
            return Ok(());
        }
        if m.author.id.get() == t.opener.0 {
            // A reply to "Did this solve it?" is no Yes.
            if t.status == tickets::Status::Resolving {
                resolve::replied(&ctx.http, data, &t, m).await?;
            } else if t.is_waiting_on_user() {
                user_answered(&ctx.http, data, &t).await?;
            }
            // Writing after "Can we close this?" keeps it open.
            crate::bot::flows::close_request::user_wrote(&ctx.http, data, &t, m).await?;
            return Ok(());
        }
        // Answered and waiting on the user already: nothing to record.
        let waiting_or_done =
            t.sla_clock.waiting_since.is_some() || t.status != tickets::Status::Open;
        if t.first_response_at.is_some() && waiting_or_done {
            return Ok(());
        }
        let settings = data.store.settings(t.guild).await?;
        let roles: Vec<u64> = m
            .member
            .as_ref()
            .map(|mm| mm.roles.iter().map(|r| r.get()).collect())
            .unwrap_or_default();
        let author = actor_from_roles(m.author.id.get(), &roles, &settings);
        let now = data.clock.now();
        // The first response, and the ticket now waits on its user.
        match data
            .store
            .transition(t.id, |t| tickets::first_response(t, &author, now))
            .await
        {
            Ok(change) if !change.events.is_empty() => {
                effects::run_ticket(&ctx.http, data, t.id).await;
            }
            Ok(_) | Err(crate::store::TransitionError::Refused(_)) => {}
            Err(e) => return Err(e.into()),
        }
        return Ok(());
    }
    let settings = data.store.settings(GuildId(guild.get())).await?;
    if !settings.answer_plain_messages || !settings.is_help_channel(channel) {
        return Ok(());
    }
    let bot = ctx.cache.current_user().id;
    // "@supportline thanks": the mention of the bot is not part of it.
    let text = without_mention_of(&m.content, bot.get());
    let question = text.trim();
    if question.is_empty() {
        // Without the Message Content intent the text is empty: stay quiet.
        return Ok(());
    }
    // Small talk in a public channel is mostly people talking to each
    // other ("hi all", "thanks!"): the bot joins in only when spoken to
    // (mentioned, or its message replied to) or asked for ("anyone
    // there?"); chatter it stays out of is not logged as a question.
    let spoken_to = m.mentions_user_id(bot)
        || m.referenced_message
            .as_ref()
            .is_some_and(|r| r.author.id == bot);
    if settings.small_talk && !spoken_to {
        let talk = data.knowledge.current().small_talk(question);
        if talk.is_some_and(|kind| !kind.asks_for_someone()) {
            return Ok(());
        }
    }
    let env = Env::with_settings(
        data,
        settings,
        channel,
        UserId(m.author.id.get()),
        None,
        None,
    );
    // Only a confident answer (or small talk the bot was spoken to with)
    // is worth a reply in a public channel, where people mostly talk to
    // each other; a question put to the bot itself (a mention, a reply to
    // it) gets its candidates or "Talk to a human" too, never silence.
    // A refusal (over the question rate limit) stays quiet there.
    let reply = match ask::ask(data, &env, question).await {
        Err(BotError::Say(_)) => return Ok(()),
        other => other?,
    };
    let message = match reply {
        L0Reply::Article { embed, buttons } => {
            CreateMessage::new().embed(*embed).components(buttons)
        }
        L0Reply::SmallTalk { text, buttons } => {
            CreateMessage::new().content(text).components(buttons)
        }
        L0Reply::Candidates { text, buttons } | L0Reply::Nothing { text, buttons } if spoken_to => {
            CreateMessage::new().content(text).components(buttons)
        }
        L0Reply::Candidates { .. } | L0Reply::Nothing { .. } => return Ok(()),
    };
    m.channel_id
        .send_message(
            &ctx.http,
            message
                .reference_message(m)
                .allowed_mentions(mentions::nobody()),
        )
        .await?;
    Ok(())
}

/// The message without the bot's own mentions (`<@id>`, `<@!id>`).
fn without_mention_of(content: &str, bot: u64) -> String {
    content
        .replace(&format!("<@{bot}>"), " ")
        .replace(&format!("<@!{bot}>"), " ")
}

/// The user wrote while staff waited on them: the SLA clock resumes (the
/// working time it counted before is kept).
async fn user_answered(
    http: &poise::serenity_prelude::Http,
    data: &Data,
    t: &tickets::Ticket,
) -> Result<(), BotError> {
    let settings = data.store.settings(t.guild).await?;
    let user = tickets::Actor::member(t.opener);
    let now = data.clock.now();
    let hours = settings.service.hours.as_ref();
    let change = data
        .store
        .transition(t.id, |t| tickets::user_answered(t, &user, hours, now))
        .await?;
    if !change.events.is_empty() {
        effects::run_ticket(http, data, t.id).await;
    }
    Ok(())
}

/// A user thread or case thread was deleted: the ticket records it (a
/// lost user thread or current case closes the ticket) and its steps tell
/// whoever can still be told (`tickets::effects`).
pub async fn on_thread_gone(ctx: &Context, data: &Data, thread: u64) -> Result<(), BotError> {
    thread_gone(&ctx.http, data, ChannelId(thread)).await
}

/// [`on_thread_gone`], also for the threads of a deleted channel.
pub async fn thread_gone(
    http: &poise::serenity_prelude::Http,
    data: &Data,
    channel: ChannelId,
) -> Result<(), BotError> {
    let t = match data.store.ticket_by_user_thread(channel).await? {
        Some(t) => t,
        None => match data.store.ticket_by_case_thread(channel).await? {
            Some(t) => t,
            None => return Ok(()),
        },
    };
    let now = data.clock.now();
    let change = data
        .store
        .transition(t.id, |t| tickets::thread_lost(t, channel, now))
        .await?;
    if !change.events.is_empty() {
        effects::run_ticket(http, data, t.id).await;
    }
    Ok(())
}
