//! `/setup topic`: what a ticket can be about (issue 14.1), chosen from a
//! menu when it opens; a topic may route its tickets to a team (a role)
//! within L1, pinged instead of the whole L1 role.

use poise::serenity_prelude as serenity;

use super::{admin_env, save};
use crate::bot::app::Context;
use crate::bot::error::BotError;
use crate::tickets::{RoleId, Topic};

/// `/setup topic`: adds a topic (or changes its team), or removes it.
#[poise::command(slash_command, guild_only)]
pub async fn topic(
    ctx: Context<'_>,
    #[max_length = 50] label: String,
    team: Option<serenity::Role>,
    remove: Option<bool>,
) -> Result<(), BotError> {
    let env = admin_env(ctx).await?;
    let mut s = env.settings.clone();
    let name = label.trim().to_owned();
    let same = |t: &Topic| t.name.to_lowercase() == name.to_lowercase();
    let topics = &mut s.intake.topics;
    if remove.unwrap_or(false) {
        topics.retain(|t| !same(t));
        return save(ctx, &env, s).await;
    }
    let team = team.map(|r| RoleId(r.id.get()));
    match topics.iter_mut().find(|t| same(t)) {
        Some(t) => {
            t.name = name;
            t.team = team;
        }
        None => topics.push(Topic { name, team }),
    }
    save(ctx, &env, s).await
}
