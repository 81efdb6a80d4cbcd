//! Answering the person who ran a command: always ephemeral unless said
//! otherwise, never pinging anyone, in their language.

use super::app::Context;
use super::error::BotError;
use super::mentions;
use crate::i18n::Locale;

/// The language of whoever ran the command.
pub fn locale_of(ctx: Context<'_>) -> Locale {
    Locale::from_discord(ctx.locale(), ctx.data().default_locale)
}

/// An ephemeral text reply.
pub async fn ephemeral(ctx: Context<'_>, text: impl Into<String>) -> Result<(), BotError> {
    let reply = poise::CreateReply::default()
        .content(text)
        .ephemeral(true)
        .allowed_mentions(mentions::nobody());
    super::retry::answer(&ctx.data().metrics, || ctx.send(reply.clone())).await?;
    Ok(())
}
