//! What commands, buttons and events share: who is acting where, opening
//! a ticket, the staff operations on a ticket, and moving a case between
//! levels. Each operation returns the text for the person who acted.

pub mod ask;
pub mod case;
pub mod close_request;
pub mod intake;
pub mod limits;
pub mod open;
pub mod ops;
pub mod resolve;
pub mod transcript;

use poise::serenity_prelude::{Http, Member};

use super::actor::actor_of;
use super::app::Data;
use super::effects;
use super::error::BotError;
use crate::i18n::Locale;
use crate::store::Change;
use crate::tickets::{Actor, ChannelId, GuildId, GuildSettings, RoleId, Ticket, UserId};

/// Who acts, where, in which language.
pub struct Env {
    pub guild: GuildId,
    pub channel: ChannelId,
    pub settings: GuildSettings,
    pub actor: Actor,
    /// The acting person's language (their Discord locale).
    pub locale: Locale,
    /// The acting person's roles (a blocked role stops its members).
    pub roles: Vec<RoleId>,
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
            roles: member
                .map(|m| m.roles.iter().map(|r| RoleId(r.get())).collect())
                .unwrap_or_default(),
            settings,
        }
    }
}

pub fn staff_locale(data: &Data, settings: &GuildSettings) -> Locale {
    settings.default_locale.unwrap_or(data.default_locale)
}

/// Runs the Discord steps `change` wrote down, now, and reads the ticket
/// again, so that the answer shows what the steps made (a new case, a
/// thread). Returns it with a note naming any step Discord refused (empty
/// when none was), in the acting person's language. Steps left for a
/// retry are the scheduler's.
/// Runs whatever steps the ticket has left (a change sent again after no
/// answer came) and reads it again, as [`carry_out`] does.
pub async fn run_pending(
    http: &Http,
    data: &Data,
    env: &Env,
    t: &Ticket,
) -> Result<(Ticket, String), BotError> {
    let ran = effects::run_ticket(http, data, t.id).await;
    let now = data.store.ticket(t.id).await?.unwrap_or_else(|| t.clone());
    Ok((now, effects::refusals_note(env.locale, &ran.refused)))
}

pub async fn carry_out(
    http: &Http,
    data: &Data,
    env: &Env,
    change: &Change,
) -> Result<(Ticket, String), BotError> {
    run_pending(http, data, env, &change.after).await
}
