//! `/setup show`: the settings, the bot's permissions in every configured
//! channel, and what the ladder's rules flag since.

use poise::serenity_prelude::{ChannelId as DChannel, CreateEmbed, Permissions};

use super::admin_env_for;
use super::ladder;
use crate::bot::app::Context;
use crate::bot::error::BotError;
use crate::bot::mentions;
use crate::bot::render::{clip, duration};
use crate::i18n::Locale;
use crate::tickets::{ChannelId, GuildAction, GuildSettings, Level};
use crate::tr;

/// `/setup show`: the settings, with the permission and visibility checks.
#[poise::command(slash_command, guild_only)]
pub async fn show(ctx: Context<'_>) -> Result<(), BotError> {
    let env = admin_env_for(ctx, GuildAction::ViewSetup).await?;
    let mut problems = check(ctx, &env.settings, env.locale);
    if !ctx.data().content.readable() {
        problems.push(tr!(env.locale, "setup-check-no-message-content"));
    }
    let mut text = summary(env.locale, &env.settings);
    text.push_str("\n\n");
    let next = next_steps(env.locale, &env.settings);
    if problems.is_empty() && next.is_empty() {
        text.push_str(&tr!(env.locale, "setup-check-ok"));
    } else if problems.is_empty() {
        text.push_str(&next.join("\n"));
    } else {
        text.push_str(&tr!(env.locale, "setup-check-problems"));
        for p in problems {
            text.push_str("\n• ");
            text.push_str(&p);
        }
    }
    ctx.send(
        poise::CreateReply::default()
            .embed(
                CreateEmbed::new()
                    .title(tr!(env.locale, "setup-title"))
                    .description(clip(&text, 4000)),
            )
            .ephemeral(true)
            .allowed_mentions(mentions::nobody()),
    )
    .await?;
    Ok(())
}

/// What an admin still has to set before users can open tickets (and
/// before they can climb), first thing first; empty once the ladder works.
pub(super) fn next_steps(locale: Locale, s: &GuildSettings) -> Vec<String> {
    let set = |level: Level| {
        let l = s.level(level);
        l.channel.is_some() && l.role.is_some()
    };
    if s.support_channel.is_none() {
        vec![tr!(locale, "setup-next-support")]
    } else if !set(Level::L1) {
        vec![tr!(locale, "setup-next-l1")]
    } else if !set(Level::L2) {
        vec![tr!(locale, "setup-next-escalation")]
    } else {
        Vec::new()
    }
}

pub(super) fn summary(locale: Locale, s: &GuildSettings) -> String {
    let ch = |c: Option<ChannelId>| {
        c.map(mentions::channel_tag)
            .unwrap_or_else(|| tr!(locale, "setup-unset"))
    };
    let mut lines = vec![format!(
        "**{}**: {}",
        tr!(locale, "setup-support"),
        ch(s.support_channel)
    )];
    for level in Level::ALL {
        let l = s.level(level);
        let role = l
            .role
            .map(mentions::role_tag)
            .unwrap_or_else(|| tr!(locale, "setup-unset"));
        lines.push(format!(
            "**{level}**: {} · {role} · {}",
            ch(l.channel),
            tr!(locale, "setup-sla", sla = duration(locale, l.sla))
        ));
    }
    let help: Vec<String> = s.help_channels.iter().map(mentions::channel_tag).collect();
    lines.push(format!(
        "**{}**: {}",
        tr!(locale, "setup-help"),
        if help.is_empty() {
            tr!(locale, "setup-unset")
        } else {
            help.join(", ")
        }
    ));
    lines.push(format!(
        "**{}**: {}",
        tr!(locale, "setup-answer-messages"),
        if s.answer_plain_messages {
            tr!(locale, "setup-yes")
        } else {
            tr!(locale, "setup-no")
        }
    ));
    lines.push(format!(
        "**{}**: {}",
        tr!(locale, "setup-small-talk"),
        if s.small_talk {
            tr!(locale, "setup-yes")
        } else {
            tr!(locale, "setup-no")
        }
    ));
    lines.push(format!(
        "**{}**: {}",
        tr!(locale, "setup-log"),
        ch(s.log_channel)
    ));
    lines.push(tr!(
        locale,
        "setup-limits",
        tickets = s.ticket_limit,
        cooldown = duration(locale, s.cooldown),
        hours = s.auto_close_hours,
        days = s.reopen_days
    ));
    lines.extend(super::service::summary_lines(locale, &s.service));
    lines.extend(intake_summary(locale, s));
    lines.join("\n")
}

/// The intake's questions and topics and the close-request delay
/// (issue 14.1, 14.5).
fn intake_summary(locale: Locale, s: &GuildSettings) -> Vec<String> {
    let mut lines = Vec::new();
    let questions: Vec<String> = s
        .intake
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let kind = match (q.long, q.required) {
                (false, false) => tr!(locale, "setup-question-short"),
                (false, true) => tr!(locale, "setup-question-short-required"),
                (true, false) => tr!(locale, "setup-question-long"),
                (true, true) => tr!(locale, "setup-question-long-required"),
            };
            format!("{}. {} ({kind})", i + 1, q.label)
        })
        .collect();
    lines.push(format!(
        "**{}**: {}",
        tr!(locale, "setup-questions"),
        if questions.is_empty() {
            tr!(locale, "setup-unset")
        } else {
            questions.join("; ")
        }
    ));
    let topics: Vec<String> = s
        .intake
        .topics
        .iter()
        .map(|t| match t.team {
            Some(team) => format!("{} → {}", t.name, mentions::role_tag(team)),
            None => t.name.clone(),
        })
        .collect();
    lines.push(format!(
        "**{}**: {}",
        tr!(locale, "setup-topics"),
        if topics.is_empty() {
            tr!(locale, "setup-unset")
        } else {
            topics.join(", ")
        }
    ));
    lines.push(tr!(
        locale,
        "setup-close-request",
        hours = s.close_request_hours
    ));
    lines
}

/// What the bot needs in each kind of channel.
fn needs(kind: &str) -> Permissions {
    let base = Permissions::VIEW_CHANNEL | Permissions::SEND_MESSAGES | Permissions::EMBED_LINKS;
    match kind {
        "support" => {
            base | Permissions::CREATE_PRIVATE_THREADS
                | Permissions::SEND_MESSAGES_IN_THREADS
                | Permissions::MANAGE_THREADS
                | Permissions::READ_MESSAGE_HISTORY
        }
        "level" => {
            base | Permissions::CREATE_PUBLIC_THREADS
                | Permissions::SEND_MESSAGES_IN_THREADS
                | Permissions::MANAGE_THREADS
                | Permissions::READ_MESSAGE_HISTORY
        }
        "log" => base | Permissions::ATTACH_FILES,
        _ => base | Permissions::READ_MESSAGE_HISTORY,
    }
}

/// The bot's missing permissions and level channels visible to everyone,
/// from the cache (the guild's full state arrives with GUILD_CREATE).
fn check(ctx: Context<'_>, s: &GuildSettings, locale: Locale) -> Vec<String> {
    let bot = ctx.framework().bot_id();
    let Some(guild) = ctx.guild() else {
        return vec![tr!(locale, "setup-check-no-cache")];
    };
    let Some(me) = guild.members.get(&bot) else {
        return vec![tr!(locale, "setup-check-no-cache")];
    };
    let mut channels: Vec<(ChannelId, &str, String)> = Vec::new();
    if let Some(c) = s.support_channel {
        channels.push((c, "support", tr!(locale, "setup-support")));
    }
    for level in Level::ALL {
        if let Some(c) = s.level(level).channel {
            channels.push((c, "level", level.to_string()));
        }
    }
    for c in &s.help_channels {
        channels.push((*c, "help", tr!(locale, "setup-help")));
    }
    if let Some(c) = s.log_channel {
        channels.push((c, "log", tr!(locale, "setup-log")));
    }
    let mut problems = Vec::new();
    for (id, kind, what) in channels {
        let Some(channel) = guild.channels.get(&DChannel::new(id.0)) else {
            problems.push(tr!(
                locale,
                "setup-check-gone",
                what = what,
                channel = mentions::channel_tag(id)
            ));
            continue;
        };
        let has = guild.user_permissions_in(channel, me);
        let missing = needs(kind) - has;
        if !missing.is_empty() {
            problems.push(tr!(
                locale,
                "setup-check-missing",
                channel = mentions::channel_tag(id),
                what = what.clone(),
                missing = missing.get_permission_names().join(", ")
            ));
        }
    }
    // Permissions may have changed since each channel was set.
    problems.extend(ladder::recheck(&guild, s, locale));
    problems.extend(ladder::unpingable_roles(&guild, s, me, locale));
    problems.extend(super::teams::team_problems(&guild, s, me, locale));
    problems
}
