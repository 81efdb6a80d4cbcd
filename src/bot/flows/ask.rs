//! L0: match a question against the knowledge base, record the exchange,
//! and render the answer: an article, candidates, or nothing.

use poise::serenity_prelude::{CreateActionRow, CreateEmbed};

use super::Env;
use crate::bot::app::Data;
use crate::bot::error::BotError;
use crate::bot::render::answer;
use crate::store::NewL0Exchange;
use crate::tickets::{ChannelId, L0ExchangeId};
use crate::tr;

/// What L0 has for a question.
pub enum L0Reply {
    /// A confident answer: the article with "Solved" / "Talk to a human".
    Article {
        embed: Box<CreateEmbed>,
        buttons: Vec<CreateActionRow>,
    },
    /// Unsure: candidates and "Talk to a human".
    Candidates {
        text: String,
        buttons: Vec<CreateActionRow>,
    },
    /// Nothing relevant at all.
    Nothing { exchange: L0ExchangeId },
    /// Only small talk ("hi", "thanks", "are you a bot?"): a short reply
    /// in kind and "Talk to a human", never an article.
    SmallTalk {
        text: String,
        buttons: Vec<CreateActionRow>,
    },
}

/// Asks the knowledge base in the person's language first, then in any
/// language (an English-locale user may write in Russian), and records the
/// exchange.
pub async fn ask(data: &Data, env: &Env, question: &str) -> Result<L0Reply, BotError> {
    let question = question.trim();
    if question.is_empty() {
        return Err(BotError::say("error-empty-question"));
    }
    let index = data.knowledge.current();
    let talk = env
        .settings
        .small_talk
        .then(|| index.small_talk(question))
        .flatten();
    if let Some(kind) = talk {
        let exchange = data
            .store
            .record_l0_exchange(
                &NewL0Exchange {
                    guild: env.guild,
                    user: env.actor.user,
                    channel: ChannelId(env.channel),
                    question: question.to_owned(),
                    locale: env.locale,
                    article: None,
                    confidence: 0.0,
                    candidates: Vec::new(),
                    small_talk: Some(kind.name().to_owned()),
                },
                data.clock.now(),
            )
            .await?;
        return Ok(L0Reply::SmallTalk {
            text: answer::small_talk_text(env.locale, kind),
            buttons: answer::human_buttons(env.locale, exchange),
        });
    }
    let mut found = index.match_articles(question, Some(env.locale.code()));
    if found.answer.is_none() && found.candidates.is_empty() {
        found = index.match_articles(question, None);
    }
    let article = found
        .answer
        .as_ref()
        .and_then(|id| index.article(id.as_str()));
    let candidates: Vec<_> = if article.is_some() {
        Vec::new()
    } else {
        found
            .candidates
            .iter()
            .take(answer::MAX_CANDIDATES)
            .collect()
    };
    let exchange = data
        .store
        .record_l0_exchange(
            &NewL0Exchange {
                guild: env.guild,
                user: env.actor.user,
                channel: ChannelId(env.channel),
                question: question.to_owned(),
                locale: env.locale,
                article: article.map(|a| a.id.to_string()),
                confidence: f64::from(found.confidence),
                candidates: candidates.iter().map(|c| c.id.to_string()).collect(),
                small_talk: None,
            },
            data.clock.now(),
        )
        .await?;
    Ok(match article {
        Some(a) => L0Reply::Article {
            embed: Box::new(answer::article_embed(env.locale, a)),
            buttons: answer::answer_buttons(env.locale, exchange),
        },
        None if !candidates.is_empty() => {
            let titles: Vec<String> = candidates.iter().map(|c| c.title.clone()).collect();
            L0Reply::Candidates {
                text: tr!(env.locale, "answer-candidates"),
                buttons: answer::candidate_buttons(env.locale, exchange, &titles),
            }
        }
        None => L0Reply::Nothing { exchange },
    })
}
