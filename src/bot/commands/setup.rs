//! `/setup …` (admins): where tickets live, who staffs each level, help
//! channels, the log channel, limits, the language; `show` checks the
//! bot's permissions in every configured channel; `panel` posts the
//! "Get help" panel.

use poise::serenity_prelude::{
    self as serenity, ButtonStyle, ChannelId as DChannel, CreateActionRow, CreateButton,
    CreateEmbed, CreateMessage, Permissions,
};

use super::{env, setup_ladder};
use crate::bot::app::Context;
use crate::bot::error::{BotError, Say};
use crate::bot::flows::Env;
use crate::bot::ids::ComponentId;
use crate::bot::mentions;
use crate::bot::render::{clip, duration};
use crate::bot::reply::ephemeral;
use crate::i18n::Locale;
use crate::tickets::{
    allows_in_guild, ChannelId, ChannelUse, GuildAction, GuildSettings, Level, RoleId,
    SettingsError,
};
use crate::tr;

/// The `/setup` group (admins); its text is `cmd-setup…` in the catalogues.
#[poise::command(
    slash_command,
    guild_only,
    subcommands(
        "support",
        "level",
        "sla",
        "help",
        "log",
        "limits",
        "language",
        "smalltalk",
        "show",
        "panel"
    ),
    subcommand_required
)]
pub async fn setup(_ctx: Context<'_>) -> Result<(), BotError> {
    Ok(())
}

async fn admin_env(ctx: Context<'_>) -> Result<Env, BotError> {
    admin_env_for(ctx, GuildAction::Setup).await
}

async fn admin_env_for(ctx: Context<'_>, action: GuildAction) -> Result<Env, BotError> {
    let env = env(ctx).await?;
    allows_in_guild(action, &env.actor).map_err(BotError::Refused)?;
    Ok(env)
}

async fn save(ctx: Context<'_>, env: &Env, s: GuildSettings) -> Result<(), BotError> {
    s.validate().map_err(settings_error)?;
    ctx.data()
        .store
        .save_settings(&s, ctx.data().clock.now())
        .await?;
    ephemeral(
        ctx,
        format!(
            "{}\n\n{}",
            tr!(env.locale, "setup-saved"),
            summary(env.locale, &s)
        ),
    )
    .await
}

fn settings_error(e: SettingsError) -> BotError {
    BotError::Say(match e {
        SettingsError::TicketLimit { max } => Say::new("setup-bad-limit").count("max", max),
        SettingsError::Cooldown => Say::new("setup-bad-cooldown"),
        SettingsError::Sla { level } => Say::new("setup-bad-sla").arg("level", level),
        SettingsError::AutoClose { max } => Say::new("setup-bad-auto-close").count("max", max),
        SettingsError::ReopenWindow { max } => Say::new("setup-bad-reopen").count("max", max),
    })
}

/// `/setup support channel`: where user threads are made.
#[poise::command(slash_command, guild_only)]
pub async fn support(
    ctx: Context<'_>,
    #[channel_types("Text")] channel: serenity::GuildChannel,
) -> Result<(), BotError> {
    let env = admin_env(ctx).await?;
    let mut s = env.settings.clone();
    let id = ChannelId(channel.id.get());
    s.support_channel = Some(id);
    setup_ladder::refuse_if_unsafe(ctx.guild().as_deref(), &s, id, ChannelUse::Support)?;
    save(ctx, &env, s).await
}

/// `/setup level level channel role [sla_minutes]`: a level's channel and role.
#[poise::command(slash_command, guild_only)]
pub async fn level(
    ctx: Context<'_>,
    #[min = 1]
    #[max = 4]
    level: u8,
    #[channel_types("Text")] channel: serenity::GuildChannel,
    role: serenity::Role,
    #[min = 1]
    #[max = 43200]
    sla_minutes: Option<u32>,
) -> Result<(), BotError> {
    let env = admin_env(ctx).await?;
    let level = Level::try_from(level).map_err(|_| BotError::say("error-bad-level"))?;
    let mut s = env.settings.clone();
    let id = ChannelId(channel.id.get());
    let l = s.level_mut(level);
    l.channel = Some(id);
    l.role = Some(RoleId(role.id.get()));
    if let Some(m) = sla_minutes {
        l.sla = chrono::Duration::minutes(i64::from(m));
    }
    setup_ladder::refuse_if_unsafe(ctx.guild().as_deref(), &s, id, ChannelUse::Level(level))?;
    save(ctx, &env, s).await
}

/// `/setup sla level minutes`: a level's first-response target.
#[poise::command(slash_command, guild_only)]
pub async fn sla(
    ctx: Context<'_>,
    #[min = 1]
    #[max = 4]
    level: u8,
    #[min = 1]
    #[max = 43200]
    minutes: u32,
) -> Result<(), BotError> {
    let env = admin_env(ctx).await?;
    let level = Level::try_from(level).map_err(|_| BotError::say("error-bad-level"))?;
    let mut s = env.settings.clone();
    s.level_mut(level).sla = chrono::Duration::minutes(i64::from(minutes));
    save(ctx, &env, s).await
}

/// `/setup help channel [remove] [answer_messages]`: the help channels.
#[poise::command(slash_command, guild_only)]
pub async fn help(
    ctx: Context<'_>,
    #[channel_types("Text")] channel: serenity::GuildChannel,
    remove: Option<bool>,
    answer_messages: Option<bool>,
) -> Result<(), BotError> {
    let env = admin_env(ctx).await?;
    let mut s = env.settings.clone();
    let id = ChannelId(channel.id.get());
    if remove.unwrap_or(false) {
        s.help_channels.remove(&id);
    } else {
        s.help_channels.insert(id);
    }
    if let Some(on) = answer_messages {
        s.answer_plain_messages = on;
    }
    save(ctx, &env, s).await
}

/// `/setup log channel`: where closings and transcripts are posted.
#[poise::command(slash_command, guild_only)]
pub async fn log(
    ctx: Context<'_>,
    #[channel_types("Text")] channel: serenity::GuildChannel,
) -> Result<(), BotError> {
    let env = admin_env(ctx).await?;
    let mut s = env.settings.clone();
    let id = ChannelId(channel.id.get());
    s.log_channel = Some(id);
    setup_ladder::refuse_if_unsafe(ctx.guild().as_deref(), &s, id, ChannelUse::Log)?;
    save(ctx, &env, s).await
}

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

/// `/setup show`: the settings, with the permission and visibility checks.
#[poise::command(slash_command, guild_only)]
pub async fn show(ctx: Context<'_>) -> Result<(), BotError> {
    let env = admin_env_for(ctx, GuildAction::ViewSetup).await?;
    let problems = check(ctx, &env.settings, env.locale);
    let mut text = summary(env.locale, &env.settings);
    text.push_str("\n\n");
    if problems.is_empty() {
        text.push_str(&tr!(env.locale, "setup-check-ok"));
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
        tr!(env.locale, "panel-posted", channel = format!("<#{target}>")),
    )
    .await
}

fn summary(locale: Locale, s: &GuildSettings) -> String {
    let ch = |c: Option<ChannelId>| {
        c.map(|c| format!("<#{c}>"))
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
            .map(|r| format!("<@&{r}>"))
            .unwrap_or_else(|| tr!(locale, "setup-unset"));
        lines.push(format!(
            "**{level}**: {} · {role} · {}",
            ch(l.channel),
            tr!(locale, "setup-sla", sla = duration(locale, l.sla))
        ));
    }
    let help: Vec<String> = s.help_channels.iter().map(|c| format!("<#{c}>")).collect();
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
    lines.join("\n")
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
                channel = format!("<#{id}>")
            ));
            continue;
        };
        let has = guild.user_permissions_in(channel, me);
        let missing = needs(kind) - has;
        if !missing.is_empty() {
            problems.push(tr!(
                locale,
                "setup-check-missing",
                channel = format!("<#{id}>"),
                what = what.clone(),
                missing = missing.get_permission_names().join(", ")
            ));
        }
    }
    // Permissions may have changed since each channel was set.
    problems.extend(setup_ladder::recheck(&guild, s, locale));
    problems.extend(setup_ladder::unpingable_roles(&guild, s, me, locale));
    problems
}
