//! L0: match a question against the knowledge base, record the exchange,
//! and render the answer: an article, candidates, or nothing.

use poise::serenity_prelude::{CreateActionRow, CreateEmbed};
use tracing::Instrument;

use super::Env;
use crate::bot::app::Data;
use crate::bot::blocking::off_runtime;
use crate::bot::error::BotError;
use crate::bot::render::answer;
use crate::i18n::Locale;
use crate::store::NewL0Exchange;
use crate::telemetry::L0Outcome;
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
    /// Nothing relevant at all: says so and offers "Talk to a human"
    /// (a ticket opens only when the person asks for one).
    Nothing {
        text: String,
        buttons: Vec<CreateActionRow>,
    },
    /// Only small talk ("hi", "thanks", "are you a bot?"): a short reply
    /// in kind and "Talk to a human", never an article.
    SmallTalk {
        text: String,
        buttons: Vec<CreateActionRow>,
    },
}

/// Asks the knowledge base in the question's language (judged from its
/// letters, else the person's locale) first, then in any language, and
/// records the exchange. The reply speaks the question's language: an
/// English-locale user who writes in Russian is answered in Russian.
pub async fn ask(data: &Data, env: &Env, question: &str) -> Result<L0Reply, BotError> {
    let question = question.trim();
    // Emoji, punctuation or zero-width characters alone ask nothing.
    if crate::knowledge::text::is_blank(question) {
        return Err(BotError::say("error-empty-question"));
    }
    // Every question counts, small talk too: a flood is a flood.
    super::limits::refuse_too_many_questions(data, env, data.clock.now()).await?;
    let locale = question_locale(question, env.locale);
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
                    channel: env.channel,
                    question: question.to_owned(),
                    locale,
                    article: None,
                    confidence: 0.0,
                    candidates: Vec::new(),
                    small_talk: Some(kind.name().to_owned()),
                },
                data.clock.now(),
            )
            .await?;
        data.metrics.l0_question(L0Outcome::SmallTalk);
        return Ok(L0Reply::SmallTalk {
            text: answer::small_talk_text(locale, kind),
            buttons: answer::human_buttons(locale, exchange),
        });
    }
    // Matching a question of a line or two takes tens of microseconds
    // (`kb bench`: p99 under 100 µs at 10,000 articles), less than a hop
    // to the blocking pool and back costs: it runs here. A longer question
    // (up to 1,000 characters) may take longer: off the async workers
    // (see `blocking`). The span lets `supportline bench` tell the
    // matcher's share.
    let found = if question.len() <= INLINE_MATCH_MAX {
        tracing::debug_span!("l0_match").in_scope(|| match_question(&index, question, locale))
    } else {
        let index = std::sync::Arc::clone(&index);
        let question = question.to_owned();
        off_runtime(move || match_question(&index, &question, locale))
            .instrument(tracing::debug_span!("l0_match"))
            .await?
    };
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
                channel: env.channel,
                question: question.to_owned(),
                locale,
                article: article.map(|a| a.id.to_string()),
                confidence: f64::from(found.confidence),
                candidates: candidates.iter().map(|c| c.id.to_string()).collect(),
                small_talk: None,
            },
            data.clock.now(),
        )
        .await?;
    let outcome = match (article, candidates.is_empty()) {
        (Some(_), _) => L0Outcome::Answered,
        (None, false) => L0Outcome::Candidates,
        (None, true) => L0Outcome::Nothing,
    };
    data.metrics.l0_question(outcome);
    Ok(match article {
        Some(a) => L0Reply::Article {
            embed: Box::new(answer::article_embed(locale, a)),
            buttons: answer::answer_buttons(locale, exchange),
        },
        None if !candidates.is_empty() => {
            let titles: Vec<String> = candidates.iter().map(|c| c.title.clone()).collect();
            L0Reply::Candidates {
                text: tr!(locale, "answer-candidates"),
                buttons: answer::candidate_buttons(locale, exchange, &titles),
            }
        }
        None => L0Reply::Nothing {
            text: tr!(locale, "answer-nothing"),
            buttons: answer::human_buttons(locale, exchange),
        },
    })
}

/// The longest question (in bytes) matched on the async worker itself.
const INLINE_MATCH_MAX: usize = 200;

/// The matcher's answer in the question's language, else in any.
fn match_question(
    index: &crate::knowledge::Index,
    question: &str,
    locale: Locale,
) -> crate::knowledge::Answer {
    let found = index.match_articles(question, Some(locale.code()));
    if found.answer.is_none() && found.candidates.is_empty() {
        index.match_articles(question, None)
    } else {
        found
    }
}

/// The language to answer a question in: the one its letters are written
/// in when that is a language we speak, else the person's.
fn question_locale(question: &str, person: Locale) -> Locale {
    crate::knowledge::text::language_of(question)
        .and_then(Locale::from_tag)
        .unwrap_or(person)
}
