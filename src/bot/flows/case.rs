//! The case side of a ticket: its threads' name, refreshing the card,
//! archiving and unarchiving threads. (Posting cases is an outbox step:
//! `bot::effects`.)

use poise::serenity_prelude::{
    ChannelId as DChannel, EditMessage, EditThread, Http, MessageId as DMessage,
};

use super::staff_locale;
use crate::bot::app::Data;
use crate::bot::error::BotError;
use crate::bot::render::{card, clip};
use crate::tickets::{ChannelId, GuildSettings, Ticket};

/// The thread name for a ticket: "#12 subject", within Discord's 100.
pub fn thread_name(t: &Ticket) -> String {
    clip(&format!("{} {}", t.number, t.subject), 100)
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

/// Locks and archives a thread (a case the ticket left, or a closed
/// ticket's threads). A thread already gone is not an error; one that
/// archived itself is unarchived first, since Discord takes no lock on an
/// archived thread (50083).
pub async fn lock_and_archive(http: &Http, thread: ChannelId) -> Result<(), BotError> {
    let done = in_active_thread(http, thread, || {
        DChannel::new(thread.0).edit_thread(http, EditThread::new().locked(true).archived(true))
    })
    .await;
    match done {
        Err(BotError::Discord(e))
            if crate::bot::effects::discord_code(&e).is_some_and(|c| c == UNKNOWN_CHANNEL) =>
        {
            Ok(())
        }
        other => other.map(|_| ()),
    }
}

/// Discord's "Unknown Channel".
const UNKNOWN_CHANNEL: isize = 10_003;
/// Discord's "Thread is archived".
const THREAD_ARCHIVED: isize = 50_083;

/// Does `op` in `thread`. Discord archives a thread after a week without
/// activity (our threads' `auto_archive_duration`), and then refuses to add
/// members, edit messages or lock it (50083): such a thread is unarchived
/// and `op` tried once more. Unarchiving an active thread changes nothing,
/// so a step that repeats stays safe; a message needs none of this (it
/// unarchives the thread itself).
pub async fn in_active_thread<T, F, Fut>(
    http: &Http,
    thread: ChannelId,
    op: F,
) -> Result<T, BotError>
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = Result<T, poise::serenity_prelude::Error>>,
{
    match op().await {
        Err(e) if crate::bot::effects::discord_code(&e) == Some(THREAD_ARCHIVED) => {
            DChannel::new(thread.0)
                .edit_thread(http, EditThread::new().archived(false))
                .await?;
            Ok(op().await?)
        }
        other => Ok(other?),
    }
}

/// Unarchives and unlocks a thread (a reopened ticket).
pub async fn unarchive(http: &Http, thread: ChannelId) -> Result<(), BotError> {
    DChannel::new(thread.0)
        .edit_thread(http, EditThread::new().archived(false).locked(false))
        .await?;
    Ok(())
}
