//! Which ticket a staff command means: the number given, or the ticket
//! whose case thread or user thread the command was run in. Someone who
//! may not know of a ticket is told it does not exist, as for a number
//! nobody has (a refusal would say it exists and at which level).

use super::error::{BotError, Say};
use crate::store::Store;
use crate::tickets::{may_know_of, Actor, ChannelId, GuildId, Ticket, TicketNumber};

pub async fn ticket_for(
    store: &Store,
    guild: GuildId,
    channel: ChannelId,
    number: Option<i64>,
    actor: &Actor,
) -> Result<Ticket, BotError> {
    if let Some(n) = number {
        let missing =
            || BotError::Say(Say::new("error-no-such-ticket").arg("number", format!("#{n}")));
        let n = u64::try_from(n).map_err(|_| missing())?;
        return store
            .ticket_by_number(guild, TicketNumber(n))
            .await?
            .filter(|t| may_know_of(actor, t))
            .ok_or_else(missing);
    }
    let here = match store.ticket_by_case_thread(channel).await? {
        Some(t) => Some(t),
        None => store.ticket_by_user_thread(channel).await?,
    };
    here.filter(|t| t.guild == guild && may_know_of(actor, t))
        .ok_or_else(|| BotError::say("error-which-ticket"))
}
