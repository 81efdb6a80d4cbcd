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
/// ticket's threads). A thread already gone is not an error.
pub async fn lock_and_archive(http: &Http, thread: ChannelId) -> Result<(), BotError> {
    let edit = EditThread::new().locked(true).archived(true);
    match DChannel::new(thread.0).edit_thread(http, edit).await {
        Err(e) if crate::bot::effects::discord_code(&e).is_some_and(|c| c == UNKNOWN_CHANNEL) => {
            Ok(())
        }
        other => other.map(|_| ()).map_err(BotError::from),
    }
}

/// Discord's "Unknown Channel".
const UNKNOWN_CHANNEL: isize = 10_003;

/// Unarchives and unlocks a thread (a reopened ticket).
pub async fn unarchive(http: &Http, thread: ChannelId) -> Result<(), BotError> {
    DChannel::new(thread.0)
        .edit_thread(http, EditThread::new().archived(false).locked(false))
        .await?;
    Ok(())
}
