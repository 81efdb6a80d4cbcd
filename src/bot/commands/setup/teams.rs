//! `/setup show`'s checks of the teams topics route tickets to (issue
//! 14.1): a routed ticket's new-case card pings the team's role instead
//! of L1's, in the L1 channel, so the role must exist and be pingable
//! there. (Whether each member sees that channel is not checked: without
//! the privileged Guild Members intent the bot does not know who holds
//! the role.)

use poise::serenity_prelude::{self as serenity, Guild, Member};

use crate::bot::error::Say;
use crate::bot::mentions;
use crate::i18n::Locale;
use crate::tickets::{GuildSettings, Level};

/// Lines for `/setup show`: each team whose ping would notify nobody.
pub fn team_problems(
    guild: &Guild,
    settings: &GuildSettings,
    me: &Member,
    locale: Locale,
) -> Vec<String> {
    let Some(desk) = settings
        .level(Level::L1)
        .channel
        .and_then(|c| guild.channels.get(&serenity::ChannelId::new(c.0)))
    else {
        return Vec::new();
    };
    let may_mention_all = guild.user_permissions_in(desk, me).mention_everyone();
    let mut teams: Vec<serenity::RoleId> = settings
        .intake
        .topics
        .iter()
        .filter_map(|t| t.team.map(|r| serenity::RoleId::new(r.0)))
        .collect();
    teams.dedup();
    let mut lines = Vec::new();
    for team in teams {
        let Some(role) = guild.roles.get(&team) else {
            lines.push(
                Say::new("setup-team-gone")
                    .arg("role", mentions::role_tag(team.get()))
                    .text(locale),
            );
            continue;
        };
        if !role.mentionable && !may_mention_all {
            lines.push(
                Say::new("setup-team-unpingable")
                    .arg("role", mentions::role_tag(team.get()))
                    .arg("channel", mentions::channel_tag(desk.id.get()))
                    .text(locale),
            );
        }
    }
    lines
}
