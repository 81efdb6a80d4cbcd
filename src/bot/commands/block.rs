//! `/block` and `/unblock` (staff and admins): keep a user, or everyone
//! holding a role, from opening tickets, with an optional reason (shown
//! to them) and expiry. `/block` alone lists the blocks in force.

use poise::serenity_prelude as serenity;

use super::env;
use crate::bot::app::Context;
use crate::bot::error::BotError;
use crate::bot::mentions;
use crate::bot::render::{clip, when};
use crate::bot::reply::ephemeral;
use crate::tickets::{allows_in_guild, Block, BlockTarget, GuildAction, RoleId, UserId};
use crate::tr;

/// The longest block by hours: a year (longer: block without expiry).
const MAX_HOURS: u32 = 24 * 365;

/// `/block [user] [role] [reason] [hours]`.
#[poise::command(slash_command, guild_only)]
pub async fn block(
    ctx: Context<'_>,
    user: Option<serenity::User>,
    role: Option<serenity::Role>,
    #[max_length = 300] reason: Option<String>,
    #[min = 1]
    #[max = 8760]
    hours: Option<u32>,
) -> Result<(), BotError> {
    let env = env(ctx).await?;
    allows_in_guild(GuildAction::Block, &env.actor).map_err(BotError::Refused)?;
    let now = ctx.data().clock.now();
    let Some(target) = target_of(user, role)? else {
        return list(ctx, env.locale, env.guild, now).await;
    };
    if target == BlockTarget::User(env.actor.user) {
        return Err(BotError::say("block-self"));
    }
    let expires_at = hours
        .filter(|h| *h <= MAX_HOURS)
        .map(|h| now + chrono::Duration::hours(i64::from(h)));
    let reason = reason
        .map(|r| r.trim().to_owned())
        .filter(|r| !r.is_empty());
    let b = Block {
        target,
        reason,
        by: env.actor.user,
        at: now,
        expires_at,
    };
    ctx.data().store.block(env.guild, &b).await?;
    ephemeral(ctx, describe(env.locale, &b, true)).await
}

/// `/unblock [user] [role]`.
#[poise::command(slash_command, guild_only)]
pub async fn unblock(
    ctx: Context<'_>,
    user: Option<serenity::User>,
    role: Option<serenity::Role>,
) -> Result<(), BotError> {
    let env = env(ctx).await?;
    allows_in_guild(GuildAction::Block, &env.actor).map_err(BotError::Refused)?;
    let Some(target) = target_of(user, role)? else {
        return Err(BotError::say("block-need-target"));
    };
    let lifted = ctx.data().store.unblock(env.guild, target).await?;
    let text = if lifted {
        tr!(env.locale, "unblock-done", who = tag(target))
    } else {
        tr!(env.locale, "unblock-none", who = tag(target))
    };
    ephemeral(ctx, text).await
}

/// One of user or role; both is a mistake.
fn target_of(
    user: Option<serenity::User>,
    role: Option<serenity::Role>,
) -> Result<Option<BlockTarget>, BotError> {
    match (user, role) {
        (Some(_), Some(_)) => Err(BotError::say("block-one-target")),
        (Some(u), None) => Ok(Some(BlockTarget::User(UserId(u.id.get())))),
        (None, Some(r)) => Ok(Some(BlockTarget::Role(RoleId(r.id.get())))),
        (None, None) => Ok(None),
    }
}

fn tag(t: BlockTarget) -> String {
    match t {
        BlockTarget::User(u) => mentions::user_tag(u),
        BlockTarget::Role(r) => mentions::role_tag(r),
    }
}

/// "who · until … · “reason”"; `done`: as the answer to `/block`.
fn describe(locale: crate::i18n::Locale, b: &Block, done: bool) -> String {
    let until = match b.expires_at {
        Some(at) => tr!(locale, "block-until", when = when(at, 'F')),
        None => tr!(locale, "block-forever"),
    };
    let reason = b.reason.as_deref().map(|r| clip(r, 200));
    if done {
        // A sentence, with the reason as the user is told it.
        let reason = reason
            .map(|r| tr!(locale, "blocked-reason", reason = r))
            .unwrap_or_default();
        tr!(locale, "block-done", who = tag(b.target), until = until) + &reason
    } else {
        let reason = reason.map(|r| format!(" · “{r}”")).unwrap_or_default();
        format!("{} · {until}{reason}", tag(b.target))
    }
}

async fn list(
    ctx: Context<'_>,
    locale: crate::i18n::Locale,
    guild: crate::tickets::GuildId,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), BotError> {
    let blocks = ctx.data().store.blocks(guild, now).await?;
    if blocks.is_empty() {
        return ephemeral(ctx, tr!(locale, "block-list-empty")).await;
    }
    let mut lines = vec![tr!(locale, "block-list")];
    lines.extend(blocks.iter().take(30).map(|b| describe(locale, b, false)));
    ephemeral(ctx, clip(&lines.join("\n"), 2000)).await
}
