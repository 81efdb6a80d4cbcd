//! What commands, buttons and events share: who is acting where, opening
//! a ticket, the staff operations on a ticket, and moving a case between
//! levels. Each operation returns the text for the person who acted.

pub mod ask;
pub mod case;
pub mod open;
pub mod ops;
pub mod resolve;
pub mod transcript;

use poise::serenity_prelude::Member;

use super::actor::actor_of;
use super::app::Data;
use super::error::BotError;
use crate::i18n::Locale;
use crate::tickets::{Actor, ChannelId, GuildId, GuildSettings, UserId};

/// Who acts, where, in which language.
pub struct Env {
    pub guild: GuildId,
    pub channel: ChannelId,
    pub settings: GuildSettings,
    pub actor: Actor,
    /// The acting person's language (their Discord locale).
    pub locale: Locale,
}

impl Env {
    pub async fn load(
        data: &Data,
        guild: Option<GuildId>,
        channel: ChannelId,
        user: UserId,
        member: Option<&Member>,
        discord_locale: Option<&str>,
    ) -> Result<Env, BotError> {
        let guild = guild.ok_or_else(|| BotError::say("error-guild-only"))?;
        let settings = data.store.settings(guild).await?;
        Ok(Env::with_settings(
            data,
            settings,
            channel,
            user,
            member,
            discord_locale,
        ))
    }

    /// [`Env::load`] with the guild's settings already read.
    pub fn with_settings(
        data: &Data,
        settings: GuildSettings,
        channel: ChannelId,
        user: UserId,
        member: Option<&Member>,
        discord_locale: Option<&str>,
    ) -> Env {
        let fallback = settings.default_locale.unwrap_or(data.default_locale);
        Env {
            guild: settings.guild,
            channel,
            actor: actor_of(user.0, member, &settings),
            locale: Locale::from_discord(discord_locale, fallback),
            settings,
        }
    }

    /// The language of staff-facing messages (cards, digests, notes): the
    /// guild's default.
    pub fn staff_locale(&self, data: &Data) -> Locale {
        staff_locale(data, &self.settings)
    }
}

pub fn staff_locale(data: &Data, settings: &GuildSettings) -> Locale {
    settings.default_locale.unwrap_or(data.default_locale)
}
