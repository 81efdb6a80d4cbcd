//! `/setup limits | language | smalltalk`: how the bot behaves.

use super::{admin_env, save};
use crate::bot::app::Context;
use crate::bot::error::BotError;
use crate::i18n::Locale;

/// `/setup limits …`: the open-ticket limit, cooldown, auto-close and reopen window.
#[poise::command(slash_command, guild_only)]
pub async fn limits(
    ctx: Context<'_>,
    #[min = 1]
    #[max = 20]
    tickets: Option<u32>,
    #[min = 0]
    #[max = 1440]
    cooldown_minutes: Option<u32>,
    #[min = 1]
    #[max = 720]
    auto_close_hours: Option<u32>,
    #[min = 0]
    #[max = 90]
    reopen_days: Option<u32>,
) -> Result<(), BotError> {
    let env = admin_env(ctx).await?;
    let mut s = env.settings.clone();
    if let Some(n) = tickets {
        s.ticket_limit = n;
    }
    if let Some(m) = cooldown_minutes {
        s.cooldown = chrono::Duration::minutes(i64::from(m));
    }
    if let Some(h) = auto_close_hours {
        s.auto_close_hours = h;
    }
    if let Some(d) = reopen_days {
        s.reopen_days = d;
    }
    save(ctx, &env, s).await
}

#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum LanguageChoice {
    #[name = "English"]
    En,
    #[name = "Русский"]
    Ru,
}

/// `/setup language`: the guild's default locale.
#[poise::command(slash_command, guild_only)]
pub async fn language(ctx: Context<'_>, language: LanguageChoice) -> Result<(), BotError> {
    let env = admin_env(ctx).await?;
    let mut s = env.settings.clone();
    s.default_locale = Some(match language {
        LanguageChoice::En => Locale::En,
        LanguageChoice::Ru => Locale::Ru,
    });
    save(ctx, &env, s).await
}

/// `/setup smalltalk enabled`: small talk gets a reply in kind, or not.
#[poise::command(slash_command, guild_only)]
pub async fn smalltalk(ctx: Context<'_>, enabled: bool) -> Result<(), BotError> {
    let env = admin_env(ctx).await?;
    let mut s = env.settings.clone();
    s.small_talk = enabled;
    save(ctx, &env, s).await
}
