//! `/ask question`: L0 first; a question nothing matches opens a ticket at
//! once (the person asked for help).

use super::env;
use crate::bot::app::Context;
use crate::bot::error::BotError;
use crate::bot::flows::ask::{self, L0Reply};
use crate::bot::flows::open::{self, Opening};
use crate::bot::mentions;
use crate::tickets::{allows_in_guild, GuildAction, TicketSource};
use crate::tr;

/// `/ask question`: runs L0 on the question and replies only to the asker.
#[poise::command(slash_command, guild_only)]
pub async fn ask(ctx: Context<'_>, #[max_length = 1000] question: String) -> Result<(), BotError> {
    let env = env(ctx).await?;
    allows_in_guild(GuildAction::Ask, &env.actor).map_err(BotError::Refused)?;
    ctx.defer_ephemeral().await?;
    let reply = poise::CreateReply::default()
        .ephemeral(true)
        .allowed_mentions(mentions::nobody());
    let reply = match ask::ask(ctx.data(), &env, &question).await? {
        L0Reply::Article { embed, buttons } => reply.embed(*embed).components(buttons),
        L0Reply::Candidates { text, buttons } | L0Reply::SmallTalk { text, buttons } => {
            reply.content(text).components(buttons)
        }
        L0Reply::Nothing { exchange } => {
            let opening = Opening {
                question: &question,
                source: TicketSource::L0Exchange(exchange),
                key: ctx.id().to_string(),
                locale: env.locale,
            };
            let done = open::open(ctx.http(), ctx.data(), &env, opening).await?;
            reply.content(format!("{}\n{done}", tr!(env.locale, "answer-nothing")))
        }
    };
    ctx.send(reply).await?;
    Ok(())
}
