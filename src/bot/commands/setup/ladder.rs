//! Who can see a channel, read from the cached guild (Discord's rule: the
//! @everyone role's permissions, then each role's, then the channel's
//! overwrites for @everyone and for the role), handed to the domain's
//! ladder rules (`tickets::ladder`) by `/setup` and `/setup show`.

use crate::bot::mentions;
use poise::serenity_prelude::{
    self as serenity, Guild, GuildChannel, Member, PermissionOverwriteType,
};

use crate::bot::error::{BotError, Say};
use crate::i18n::Locale;
use crate::tickets::{
    check_channel, ChannelId, ChannelUse, GuildSettings, LadderProblem, Level, LevelSet, Visibility,
};

/// Who can view `channel`: @everyone, and the roles of which levels.
pub fn visibility(guild: &Guild, settings: &GuildSettings, channel: &GuildChannel) -> Visibility {
    let everyone_id = serenity::RoleId::new(guild.id.get());
    let everyone = guild.roles.get(&everyone_id);
    let mut levels = LevelSet::EMPTY;
    for level in Level::ALL {
        let role = settings
            .level(level)
            .role
            .and_then(|r| guild.roles.get(&serenity::RoleId::new(r.0)));
        if let Some(role) = role {
            if can_view(everyone, Some(role), channel) {
                levels.insert(level);
            }
        }
    }
    Visibility {
        everyone: can_view(everyone, None, channel),
        levels,
    }
}

/// Whether a member with only @everyone and `role` can view `channel`.
fn can_view(
    everyone: Option<&serenity::Role>,
    role: Option<&serenity::Role>,
    channel: &GuildChannel,
) -> bool {
    let mut p = everyone.map(|r| r.permissions).unwrap_or_default();
    if let Some(role) = role {
        p |= role.permissions;
    }
    if p.administrator() {
        return true;
    }
    let overwrite = |target| {
        channel
            .permission_overwrites
            .iter()
            .find(|o| o.kind == PermissionOverwriteType::Role(target))
    };
    if let Some(o) = everyone.and_then(|e| overwrite(e.id)) {
        p = (p - o.deny) | o.allow;
    }
    if let Some(o) = role.and_then(|r| overwrite(r.id)) {
        p = (p - o.deny) | o.allow;
    }
    p.view_channel()
}

/// Refuses `channel` for `purpose` when it would break the ladder; the
/// settings are those about to be saved (a level's new role included).
pub fn refuse_if_unsafe(
    guild: Option<&Guild>,
    settings: &GuildSettings,
    channel: ChannelId,
    purpose: ChannelUse,
) -> Result<(), BotError> {
    let Some(guild) = guild else {
        return Err(BotError::say("setup-check-no-cache"));
    };
    let Some(found) = guild.channels.get(&serenity::ChannelId::new(channel.0)) else {
        return Err(BotError::say("setup-check-no-cache"));
    };
    let seen = visibility(guild, settings, found);
    check_channel(settings, channel, purpose, seen)
        .map_err(|problem| BotError::Say(said(problem, channel, purpose)))
}

/// The sentence for a problem, for a refusal or a line of `/setup show`.
pub fn said(problem: LadderProblem, channel: ChannelId, purpose: ChannelUse) -> Say {
    let channel = mentions::channel_tag(channel);
    match problem {
        LadderProblem::Public => Say::new("setup-ladder-public")
            .arg("channel", channel)
            .arg("what", purpose_key(purpose)),
        LadderProblem::SeenByLowerLevel { lower } => Say::new("setup-ladder-lower")
            .arg("channel", channel)
            .arg("lower", lower)
            .arg("what", purpose_key(purpose)),
        LadderProblem::AlreadyUsedAs(other) => Say::new("setup-ladder-used")
            .arg("channel", channel)
            .arg("what", purpose_key(other)),
        LadderProblem::HiddenFromUsers => Say::new("setup-ladder-hidden").arg("channel", channel),
    }
}

/// Which channel it is, as the sentence names it (`what` in the catalogue
/// selects on it: `support`, `log`, or a level).
fn purpose_key(purpose: ChannelUse) -> String {
    match purpose {
        ChannelUse::Support => "support".into(),
        ChannelUse::Log => "log".into(),
        ChannelUse::Level(level) => level.to_string(),
    }
}

/// Every configured channel checked again (permissions may have changed
/// since `/setup`): the problems, as lines for `/setup show`.
pub fn recheck(guild: &Guild, settings: &GuildSettings, locale: Locale) -> Vec<String> {
    let mut uses: Vec<(ChannelId, ChannelUse)> = Vec::new();
    if let Some(c) = settings.support_channel {
        uses.push((c, ChannelUse::Support));
    }
    for level in Level::ALL {
        if let Some(c) = settings.level(level).channel {
            uses.push((c, ChannelUse::Level(level)));
        }
    }
    if let Some(c) = settings.log_channel {
        uses.push((c, ChannelUse::Log));
    }
    uses.into_iter()
        .filter_map(|(id, purpose)| {
            let channel = guild.channels.get(&serenity::ChannelId::new(id.0))?;
            let seen = visibility(guild, settings, channel);
            crate::tickets::check_visibility(purpose, seen)
                .err()
                .map(|p| said(p, id, purpose).text(locale))
        })
        .collect()
}

/// Level roles whose pings would notify nobody: Discord pings a role only
/// when it is mentionable or the author has Mention Everyone where it
/// writes (the level's channel, whose threads carry the new-case ping and
/// SLA reminders). Lines for `/setup show`.
pub fn unpingable_roles(
    guild: &Guild,
    settings: &GuildSettings,
    me: &Member,
    locale: Locale,
) -> Vec<String> {
    Level::ALL
        .into_iter()
        .filter_map(|level| {
            let level_settings = settings.level(level);
            let role = guild
                .roles
                .get(&serenity::RoleId::new(level_settings.role?.0))?;
            let channel = guild
                .channels
                .get(&serenity::ChannelId::new(level_settings.channel?.0))?;
            let may_mention_all = guild.user_permissions_in(channel, me).mention_everyone();
            (!role.mentionable && !may_mention_all).then(|| {
                Say::new("setup-role-unpingable")
                    .arg("level", level.to_string())
                    .arg("role", mentions::role_tag(role.id))
                    .text(locale)
            })
        })
        .collect()
}
