//! `/stats [days]`: the support numbers of this server, with a chart of
//! the ladder (staff and admins).

use poise::serenity_prelude::{CreateAttachment, CreateEmbed};

use super::env;
use crate::bot::app::Context;
use crate::bot::blocking::off_runtime;
use crate::bot::error::{BotError, Say};
use crate::bot::mentions;
use crate::bot::render::clip;
use crate::i18n::Locale;
use crate::insight;
use crate::store::TopicCount;
use crate::tickets::{allows_in_guild, GuildAction};
use crate::tr;

const DEFAULT_DAYS: u32 = 30;
const MAX_DAYS: u32 = 365;

/// `/stats [days]` (staff and admins): the report and its chart, ephemeral.
#[poise::command(slash_command, guild_only)]
pub async fn stats(
    ctx: Context<'_>,
    #[min = 1]
    #[max = 365]
    days: Option<u32>,
) -> Result<(), BotError> {
    let env = env(ctx).await?;
    allows_in_guild(GuildAction::ViewStats, &env.actor).map_err(BotError::Refused)?;
    // Discord enforces the registered range; a stale registration does not.
    let days = days.unwrap_or(DEFAULT_DAYS);
    if !(1..=MAX_DAYS).contains(&days) {
        return Err(BotError::Say(
            Say::new("error-bad-days").count("max", MAX_DAYS),
        ));
    }
    ctx.defer_ephemeral().await?;
    let until = ctx.data().clock.now() + chrono::Duration::seconds(1);
    let since = until - chrono::Duration::days(i64::from(days));
    let stats = ctx.data().store.stats(env.guild, since, until).await?;
    let report = insight::embed_fields(&stats, env.locale);
    let mut embed = CreateEmbed::new()
        .title(clip(&report.title, 256))
        .colour(0x5865F2);
    // Per topic (issue 14.6): one field of its own, after the report's.
    let topics = ctx
        .data()
        .store
        .topic_counts(env.guild, since, until)
        .await?;
    let by_topic = topics_field(env.locale, &topics);
    let room = if by_topic.is_some() { 24 } else { 25 };
    for f in report.fields.iter().take(room) {
        embed = embed.field(clip(&f.name, 256), clip(&f.value, 1024), false);
    }
    if let Some((name, value)) = by_topic {
        embed = embed.field(name, value, false);
    }
    let mut reply = poise::CreateReply::default()
        .ephemeral(true)
        .allowed_mentions(mentions::nobody());
    // Drawing and encoding the chart is CPU work: off the async workers.
    let locale = env.locale;
    match off_runtime(move || insight::ladder_chart(&stats, locale)).await? {
        Ok(png) => {
            embed = embed.image("attachment://ladder.png");
            reply = reply.attachment(CreateAttachment::bytes(png, "ladder.png"));
        }
        Err(e) => tracing::warn!(error = %e, "could not draw the stats chart"),
    }
    ctx.send(reply.embed(embed)).await?;
    Ok(())
}

/// "Payments: 3 opened, 2 closed" per topic; `None` without topics.
fn topics_field(locale: Locale, topics: &[TopicCount]) -> Option<(String, String)> {
    if topics.is_empty() {
        return None;
    }
    let lines: Vec<String> = topics
        .iter()
        .map(|t| {
            tr!(
                locale,
                "stats-topic-line",
                topic = clip(&t.topic, 50),
                opened = t.opened,
                closed = t.closed
            )
        })
        .collect();
    Some((tr!(locale, "stats-topics"), clip(&lines.join("\n"), 1024)))
}
