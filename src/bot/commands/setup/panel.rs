//! `/setup panel`: posts the "Get help" panel whose button opens the ask form.

use poise::serenity_prelude::{
    self as serenity, ButtonStyle, CreateActionRow, CreateButton, CreateEmbed, CreateMessage,
};

use super::admin_env;
use crate::bot::app::Context;
use crate::bot::error::BotError;
use crate::bot::ids::ComponentId;
use crate::bot::mentions;
use crate::bot::reply::ephemeral;
use crate::tr;

/// `/setup panel [channel]`: posts the panel whose button opens the ask form.
#[poise::command(slash_command, guild_only)]
pub async fn panel(
    ctx: Context<'_>,
    #[channel_types("Text")] channel: Option<serenity::GuildChannel>,
) -> Result<(), BotError> {
    let env = admin_env(ctx).await?;
    let locale = env
        .settings
        .default_locale
        .unwrap_or(ctx.data().default_locale);
    let target = channel.map(|c| c.id).unwrap_or(ctx.channel_id());
    // Posting may outlast Discord's 3 seconds: acknowledge first.
    ctx.defer_ephemeral().await?;
    target
        .send_message(
            ctx.http(),
            CreateMessage::new()
                .embed(
                    CreateEmbed::new()
                        .title(tr!(locale, "panel-title"))
                        .description(tr!(locale, "panel-text"))
                        .colour(0x5865F2),
                )
                .components(vec![CreateActionRow::Buttons(vec![CreateButton::new(
                    ComponentId::PanelAsk.to_string(),
                )
                .label(tr!(locale, "button-get-help"))
                .style(ButtonStyle::Primary)])])
                .allowed_mentions(mentions::nobody()),
        )
        .await?;
    ephemeral(
        ctx,
        tr!(
            env.locale,
            "panel-posted",
            channel = mentions::channel_tag(target)
        ),
    )
    .await
}
