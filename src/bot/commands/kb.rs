//! `/kb search|send|reload`: the knowledge base for staff and admins.

use poise::serenity_prelude::{ChannelId as DChannel, CreateMessage};

use super::{env, env_and_ticket};
use crate::bot::app::Context;
use crate::bot::blocking::off_runtime;
use crate::bot::error::{BotError, Say};
use crate::bot::mentions;
use crate::bot::render::{answer, clip, problems};
use crate::bot::reply::ephemeral;
use crate::i18n::Locale;
use crate::tickets::{allows, allows_in_guild, GuildAction, TicketAction};
use crate::tr;

/// The `/kb` group; its text is `cmd-kb` in the catalogues.
#[poise::command(
    slash_command,
    guild_only,
    subcommands("search", "send", "reload"),
    subcommand_required
)]
pub async fn kb(_ctx: Context<'_>) -> Result<(), BotError> {
    Ok(())
}

/// `/kb search query` (staff): the index's top matches as a list.
#[poise::command(slash_command, guild_only)]
pub async fn search(ctx: Context<'_>, #[max_length = 200] query: String) -> Result<(), BotError> {
    let env = env(ctx).await?;
    allows_in_guild(GuildAction::KbSearch, &env.actor).map_err(BotError::Refused)?;
    let index = ctx.data().knowledge.current();
    let found = {
        let query = query.clone();
        off_runtime(move || index.search(&query, 10)).await?
    };
    let text = if found.is_empty() {
        tr!(env.locale, "kb-search-none", query = clip(&query, 100))
    } else {
        let lines: Vec<String> = found
            .iter()
            .map(|c| format!("• **{}** `{}`", clip(&c.title, 100), c.id))
            .collect();
        format!(
            "{}\n{}",
            tr!(env.locale, "kb-search-found", count = found.len()),
            lines.join("\n")
        )
    };
    ephemeral(ctx, clip(&text, 2000)).await
}

async fn article_ids(
    ctx: Context<'_>,
    partial: &str,
) -> poise::serenity_prelude::CreateAutocompleteResponse {
    let index = ctx.data().knowledge.current();
    let found = if partial.trim().is_empty() {
        index
            .articles()
            .iter()
            .take(25)
            .map(|a| (a.title.clone(), a.id.to_string()))
            .collect::<Vec<_>>()
    } else {
        let partial = partial.to_owned();
        // No answer is better than a stalled worker; the next keystroke
        // asks again.
        off_runtime(move || index.search(&partial, 25))
            .await
            .unwrap_or_default()
            .into_iter()
            .map(|c| (c.title, c.id.to_string()))
            .collect()
    };
    let choices = found
        .into_iter()
        .map(|(title, id)| {
            poise::serenity_prelude::AutocompleteChoice::new(
                clip(&format!("{title} ({id})"), 100),
                id,
            )
        })
        .collect();
    poise::serenity_prelude::CreateAutocompleteResponse::new().set_choices(choices)
}

/// `/kb send article [ticket]` (staff): posts the article in the user thread.
#[poise::command(slash_command, guild_only)]
pub async fn send(
    ctx: Context<'_>,
    #[autocomplete = "article_ids"] article: String,
    #[min = 1] ticket: Option<i64>,
) -> Result<(), BotError> {
    let (env, t) = env_and_ticket(ctx, ticket).await?;
    allows(TicketAction::SendArticle, &env.actor, &t).map_err(BotError::Refused)?;
    if t.is_closed() {
        return Err(BotError::Refused(crate::tickets::Refusal::TicketClosed {
            action: TicketAction::SendArticle,
        }));
    }
    let index = ctx.data().knowledge.current();
    let found = index.article(article.trim()).ok_or_else(|| {
        BotError::Say(Say::new("kb-no-such-article").arg("id", clip(&article, 100)))
    })?;
    let thread = t
        .user_thread
        .ok_or_else(|| BotError::say("refusal-thread-gone"))?;
    // Posting may outlast Discord's 3 seconds: acknowledge first.
    ctx.defer_ephemeral().await?;
    // One message in one language: the article's, when it has one we
    // speak; staff are told when that is not the user's.
    let article_locale = found.locale.as_deref().and_then(Locale::from_tag);
    let message_locale = article_locale.unwrap_or(t.locale);
    DChannel::new(thread.0)
        .send_message(
            ctx.http(),
            CreateMessage::new()
                .content(tr!(
                    message_locale,
                    "kb-sent-intro",
                    by = mentions::user_tag(env.actor.user)
                ))
                .embed(answer::sent_article_embed(message_locale, found))
                .allowed_mentions(mentions::nobody()),
        )
        .await?;
    let mut text = tr!(
        env.locale,
        "kb-sent",
        title = found.title.clone(),
        number = t.number.to_string()
    );
    if message_locale != t.locale {
        text.push('\n');
        text.push_str(&tr!(
            env.locale,
            "kb-sent-other-language",
            article = message_locale.code(),
            user = t.locale.code()
        ));
    }
    ephemeral(ctx, text).await
}

/// `/kb reload` (admins): rebuilds the index now and reports what it loaded.
#[poise::command(slash_command, guild_only)]
pub async fn reload(ctx: Context<'_>) -> Result<(), BotError> {
    let env = env(ctx).await?;
    allows_in_guild(GuildAction::KbReload, &env.actor).map_err(BotError::Refused)?;
    ctx.defer_ephemeral().await?;
    // Reading the folder and building the index: off the async workers.
    let knowledge = std::sync::Arc::clone(&ctx.data().knowledge);
    let (report, articles) = off_runtime(move || {
        let report = knowledge.reload_now();
        (report, knowledge.current().len())
    })
    .await?;
    let problems = report.problems.len();
    let mut text = tr!(
        env.locale,
        "kb-reloaded",
        articles = articles,
        problems = problems
    );
    for p in report.problems.iter().take(10) {
        let line = problems::problem_line(env.locale, p);
        text.push_str(&format!("\n• `{}`", clip(&line, 180).replace('`', "'")));
    }
    ephemeral(ctx, clip(&text, 2000)).await
}
