//! `/ask question`: L0 answers; a question nothing matches gets "Talk to a
//! human", and a ticket opens only when the person presses it.

use super::env;
use crate::bot::app::Context;
use crate::bot::error::BotError;
use crate::bot::flows::ask::{self, L0Reply};
use crate::bot::mentions;
use crate::bot::quick;
use crate::tickets::{allows_in_guild, GuildAction};

// Answered at once when the answer is ready quickly (no "thinking…"),
// else after deferring (see `quick`).
/// `/ask question`: runs L0 on the question and replies only to the asker.
#[poise::command(slash_command, guild_only)]
pub async fn ask(ctx: Context<'_>, #[max_length = 1000] question: String) -> Result<(), BotError> {
    let answer = quick::or_defer(ctx, async {
        let env = env(ctx).await?;
        allows_in_guild(GuildAction::Ask, &env.actor).map_err(BotError::Refused)?;
        ask::ask(ctx.data(), &env, &question).await
    })
    .await?;
    let reply = poise::CreateReply::default()
        .ephemeral(true)
        .allowed_mentions(mentions::nobody());
    let reply = match answer {
        L0Reply::Article { embed, buttons } => reply.embed(*embed).components(buttons),
        L0Reply::Candidates { text, buttons }
        | L0Reply::Nothing { text, buttons }
        | L0Reply::SmallTalk { text, buttons } => reply.content(text).components(buttons),
    };
    ctx.send(reply).await?;
    Ok(())
}
