//! Every error poise reports, answered in one place: each variant named
//! (no catch-all arm, so a new one is a compile error, not a silent
//! "This interaction failed"), the person told in their language and only
//! them, unexpected causes logged in full.

use poise::serenity_prelude::{
    CommandDataOption, CommandDataOptionValue, CreateInteractionResponse,
    CreateInteractionResponseMessage,
};
use poise::FrameworkError;

use super::app::{log_failure, Context, Data};
use super::error::{BotError, Say};
use super::mentions;
use super::reply::{ephemeral, locale_of};
use crate::i18n::{Catalog, Locale};

/// poise's `on_error`.
pub async fn on_error(error: FrameworkError<'_, Data, BotError>) {
    match error {
        FrameworkError::Setup { error, .. } => {
            tracing::error!(error = %error, "the bot could not finish starting");
        }
        FrameworkError::EventHandler {
            error,
            event,
            framework,
            ..
        } => {
            log_failure(
                framework.user_data,
                &format!("the event {}", event.snake_case_name()),
                &error,
            );
        }
        FrameworkError::Command { error, ctx, .. } => {
            log_failure(
                ctx.data(),
                &format!("/{}", ctx.command().qualified_name),
                &error,
            );
            let text = error.user_text(locale_of(ctx));
            tell(ctx, text).await;
        }
        FrameworkError::SubcommandRequired { ctx } => {
            say(ctx, Say::new("error-subcommand-required")).await;
        }
        FrameworkError::CommandPanic { payload, ctx, .. } => {
            tracing::error!(
                payload = payload.as_deref().unwrap_or("?"),
                command = %ctx.command().qualified_name,
                "a command panicked"
            );
            say(ctx, Say::new("error-generic")).await;
        }
        FrameworkError::ArgumentParse {
            error, input, ctx, ..
        } => {
            tracing::debug!(error = %error, ?input, "an option did not parse");
            let locale = locale_of(ctx);
            let option = input
                .as_deref()
                .and_then(|i| option_given(ctx, i))
                .map(|name| option_label(ctx, &name, locale));
            let said = match option {
                Some(option) => Say::new("error-bad-option")
                    .arg("option", option)
                    .arg("input", input.unwrap_or_default()),
                None => Say::new("error-bad-argument"),
            };
            say(ctx, said).await;
        }
        FrameworkError::CommandStructureMismatch {
            description, ctx, ..
        } => {
            // Discord checks types and ranges against what was registered:
            // a mismatch means an older registration is still in use.
            tracing::warn!(
                description,
                command = %ctx.command().qualified_name,
                "a command arrived in another shape than registered"
            );
            say(Context::Application(ctx), Say::new("error-command-changed")).await;
        }
        FrameworkError::CooldownHit {
            remaining_cooldown,
            ctx,
            ..
        } => {
            let seconds = i64::try_from(remaining_cooldown.as_secs().max(1)).unwrap_or(i64::MAX);
            say(ctx, Say::new("error-cooldown").count("seconds", seconds)).await;
        }
        FrameworkError::MissingBotPermissions {
            missing_permissions,
            ctx,
            ..
        } => {
            tracing::info!(%missing_permissions, "the bot lacks permissions for a command");
            say(ctx, Say::new("error-bot-permissions")).await;
        }
        FrameworkError::MissingUserPermissions { ctx, .. } => {
            say(ctx, Say::new("error-user-permissions")).await;
        }
        FrameworkError::PermissionFetchFailed { ctx, .. } => {
            tracing::warn!(command = %ctx.command().qualified_name, "could not read permissions");
            say(ctx, Say::new("error-generic")).await;
        }
        FrameworkError::NotAnOwner { ctx, .. } => {
            say(ctx, Say::new("error-user-permissions")).await;
        }
        FrameworkError::GuildOnly { ctx, .. } => say(ctx, Say::new("error-guild-only")).await,
        FrameworkError::DmOnly { ctx, .. } => say(ctx, Say::new("error-dm-only")).await,
        FrameworkError::NsfwOnly { ctx, .. } => say(ctx, Say::new("error-nsfw-only")).await,
        FrameworkError::CommandCheckFailed { error, ctx, .. } => {
            let locale = locale_of(ctx);
            let text = match error {
                Some(e) => {
                    log_failure(
                        ctx.data(),
                        &format!("the check of /{}", ctx.command().qualified_name),
                        &e,
                    );
                    e.user_text(locale)
                }
                None => Say::new("error-user-permissions").text(locale),
            };
            tell(ctx, text).await;
        }
        // Prefix commands are not used: a message is never a command, so
        // these have nobody to answer.
        FrameworkError::DynamicPrefix { error, ctx, .. } => {
            log_failure(ctx.framework.user_data, "the dynamic prefix", &error);
        }
        FrameworkError::UnknownCommand { .. } => {}
        FrameworkError::NonCommandMessage {
            error, framework, ..
        } => {
            log_failure(framework.user_data, "a message", &error);
        }
        FrameworkError::UnknownInteraction {
            framework,
            interaction,
            ..
        } => {
            let fallback = framework.user_data.default_locale;
            let locale = Locale::from_discord(Some(&interaction.locale), fallback);
            let response = CreateInteractionResponse::Message(
                CreateInteractionResponseMessage::new()
                    .content(Say::new("error-command-changed").text(locale))
                    .ephemeral(true)
                    .allowed_mentions(mentions::nobody()),
            );
            let http = &framework.serenity_context.http;
            if let Err(e) = interaction.create_response(http, response).await {
                tracing::debug!(error = %e, "could not answer an unknown command");
            }
        }
        FrameworkError::__NonExhaustive(never) => match never {},
    }
}

async fn say(ctx: Context<'_>, said: Say) {
    let text = said.text(locale_of(ctx));
    tell(ctx, text).await;
}

async fn tell(ctx: Context<'_>, text: String) {
    if let Err(e) = ephemeral(ctx, text).await {
        tracing::debug!(error = %e, "could not report an error to the person");
    }
}

/// The name of the option whose value was `input` (poise reports the
/// text, not the option).
fn option_given(ctx: Context<'_>, input: &str) -> Option<String> {
    fn find(options: &[CommandDataOption], input: &str) -> Option<String> {
        options.iter().find_map(|o| match &o.value {
            CommandDataOptionValue::SubCommand(inner)
            | CommandDataOptionValue::SubCommandGroup(inner) => find(inner, input),
            value => (value_text(value).as_deref() == Some(input)).then(|| o.name.clone()),
        })
    }
    match ctx {
        Context::Application(app) => find(&app.interaction.data.options, input),
        Context::Prefix(_) => None,
    }
}

fn value_text(value: &CommandDataOptionValue) -> Option<String> {
    Some(match value {
        CommandDataOptionValue::String(s) => s.clone(),
        CommandDataOptionValue::Integer(i) => i.to_string(),
        CommandDataOptionValue::Number(n) => n.to_string(),
        CommandDataOptionValue::Boolean(b) => b.to_string(),
        CommandDataOptionValue::User(id) => id.to_string(),
        CommandDataOptionValue::Channel(id) => id.to_string(),
        CommandDataOptionValue::Role(id) => id.to_string(),
        CommandDataOptionValue::Mentionable(id) => id.to_string(),
        CommandDataOptionValue::Attachment(id) => id.to_string(),
        _ => return None,
    })
}

/// `name:` as the person sees it in their language.
fn option_label(ctx: Context<'_>, name: &str, locale: Locale) -> String {
    let key = format!("cmd-{}", ctx.command().qualified_name.replace(' ', "-"));
    let shown = Catalog::global()
        .attribute(locale, &key, &format!("{name}-name"))
        .unwrap_or_else(|| name.to_owned());
    format!("{shown}:")
}
