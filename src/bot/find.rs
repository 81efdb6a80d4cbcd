//! Which ticket a staff command means: the number given, or the ticket
//! whose case thread or user thread the command was run in.

use super::error::BotError;
use crate::store::Store;
use crate::tickets::{ChannelId, GuildId, Ticket, TicketNumber};

pub async fn ticket_for(
    store: &Store,
    guild: GuildId,
    channel: u64,
    number: Option<i64>,
) -> Result<Ticket, BotError> {
    if let Some(n) = number {
        let n = u64::try_from(n).map_err(|_| BotError::say("error-ticket-not-found"))?;
        return store
            .ticket_by_number(guild, TicketNumber(n))
            .await?
            .ok_or_else(|| BotError::say("error-ticket-not-found"));
    }
    let channel = ChannelId(channel);
    let here = match store.ticket_by_case_thread(channel).await? {
        Some(t) => Some(t),
        None => store.ticket_by_user_thread(channel).await?,
    };
    here.filter(|t| t.guild == guild)
        .ok_or_else(|| BotError::say("error-which-ticket"))
}
