//! The case side of a ticket: posting a case card and its thread in a
//! level's channel, refreshing the card, retiring a case the ticket left.

use poise::serenity_prelude::{
    self as serenity, AutoArchiveDuration, ChannelId as DChannel, CreateMessage, CreateThread,
    EditMessage, EditThread, Http, MessageId as DMessage,
};

use super::staff_locale;
use crate::bot::app::Data;
use crate::bot::error::BotError;
use crate::bot::mentions;
use crate::bot::render::{card, clip};
use crate::tickets::{CaseThread, ChannelId, GuildSettings, MessageId, Ticket};
use crate::tr;

/// The thread name for a ticket: "#12 subject", within Discord's 100.
pub fn thread_name(t: &Ticket) -> String {
    clip(&format!("{} {}", t.number, t.subject), 100)
}

/// Posts the case card for the ticket's current level, starts the case
/// thread from it, records both, and posts `intro` in the thread. The
/// level's role is pinged on the card (and only it).
pub async fn post(
    http: &Http,
    data: &Data,
    settings: &GuildSettings,
    t: &Ticket,
    intro: CreateMessage,
) -> Result<CaseThread, BotError> {
    let locale = staff_locale(data, settings);
    let level = settings.level(t.level);
    let channel = level
        .channel
        .ok_or_else(|| BotError::say("error-not-set-up"))?;
    let channel = DChannel::new(channel.0);
    let mut message = CreateMessage::new()
        .embed(card::embed(locale, t))
        .components(card::buttons(locale, t))
        .allowed_mentions(mentions::nobody());
    if let Some(role) = level.role {
        let role_mention = format!("<@&{}>", role.0);
        // A moved case says where it came from; only an opening is new.
        let heading = match t.previous_cases.last().map(|c| c.level) {
            Some(from) if from < t.level => tr!(
                locale,
                "card-escalated-for-role",
                role = role_mention,
                level = t.level.to_string(),
                from = from.to_string()
            ),
            Some(from) => tr!(
                locale,
                "card-returned-for-role",
                role = role_mention,
                level = t.level.to_string(),
                from = from.to_string()
            ),
            None => tr!(
                locale,
                "card-new-for-role",
                role = role_mention,
                level = t.level.to_string()
            ),
        };
        message = message
            .content(heading)
            .allowed_mentions(mentions::role(role.0));
    }
    let posted = channel.send_message(http, message).await?;
    let thread = match channel
        .create_thread_from_message(
            http,
            posted.id,
            CreateThread::new(thread_name(t)).auto_archive_duration(AutoArchiveDuration::OneWeek),
        )
        .await
    {
        Ok(thread) => thread,
        Err(e) => {
            // A card without its thread is a case nobody can work on:
            // take it back; the ticket gets a whole case on the next try.
            let _ = channel.delete_message(http, posted.id).await;
            return Err(e.into());
        }
    };
    let now = data.clock.now();
    let case = CaseThread {
        level: t.level,
        card: MessageId(posted.id.get()),
        thread: ChannelId(thread.id.get()),
        opened_at: now,
    };
    if !data
        .store
        .attach_case(t.id, t.level, case.card, case.thread, now)
        .await?
    {
        // The ticket moved or closed meanwhile: this case is stale.
        let _ = thread
            .id
            .edit_thread(http, EditThread::new().archived(true).locked(true))
            .await;
        return Err(BotError::say("error-busy"));
    }
    thread.id.send_message(http, intro).await?;
    Ok(case)
}

/// Edits the current case card to show the ticket as it is now.
pub async fn refresh_card(
    http: &Http,
    data: &Data,
    settings: &GuildSettings,
    t: &Ticket,
) -> Result<(), BotError> {
    let Some(case) = &t.case else { return Ok(()) };
    let Some(channel) = settings.level(case.level).channel else {
        return Ok(());
    };
    let locale = staff_locale(data, settings);
    DChannel::new(channel.0)
        .edit_message(
            http,
            DMessage::new(case.card.0),
            EditMessage::new()
                .embed(card::embed(locale, t))
                .components(card::buttons(locale, t)),
        )
        .await?;
    Ok(())
}

/// Posts in the current case thread (staff only), pinging nobody.
pub async fn post_in_case(http: &Http, t: &Ticket, text: String) -> Result<(), BotError> {
    if let Some(case) = &t.case {
        DChannel::new(case.thread.0)
            .send_message(
                http,
                CreateMessage::new()
                    .content(clip(&text, 2000))
                    .allowed_mentions(mentions::nobody()),
            )
            .await?;
    }
    Ok(())
}

/// Posts in the user thread; `ping_user` pings the ticket's author only.
pub async fn post_to_user(
    http: &Http,
    t: &Ticket,
    text: String,
    ping_user: bool,
) -> Result<Option<serenity::Message>, BotError> {
    let Some(thread) = t.user_thread else {
        return Ok(None);
    };
    let mentions = if ping_user {
        mentions::users([t.opener.0])
    } else {
        mentions::nobody()
    };
    let m = DChannel::new(thread.0)
        .send_message(
            http,
            CreateMessage::new()
                .content(clip(&text, 2000))
                .allowed_mentions(mentions),
        )
        .await?;
    Ok(Some(m))
}

/// Locks and archives a thread (a case the ticket left, or a closed
/// ticket's threads). A thread already gone is not an error.
pub async fn lock_and_archive(http: &Http, thread: ChannelId) {
    let edit = EditThread::new().locked(true).archived(true);
    if let Err(e) = DChannel::new(thread.0).edit_thread(http, edit).await {
        tracing::debug!(error = %e, thread = thread.0, "could not archive a thread");
    }
}

/// Unarchives and unlocks a thread (a reopened ticket).
pub async fn unarchive(http: &Http, thread: ChannelId) -> Result<(), BotError> {
    DChannel::new(thread.0)
        .edit_thread(http, EditThread::new().archived(false).locked(false))
        .await?;
    Ok(())
}
