//! L0 answers: an article with "Solved" and "Talk to a human", or, when
//! the matcher is unsure, up to three candidates and "Talk to a human".

use poise::serenity_prelude::{ButtonStyle, CreateActionRow, CreateButton, CreateEmbed};

use super::clip;
use crate::bot::ids::ComponentId;
use crate::i18n::Catalog;
use crate::i18n::Locale;
use crate::knowledge::{render_for_discord, Article, SmallTalk, EMBED_DESCRIPTION_LIMIT};
use crate::tickets::L0ExchangeId;
use crate::tr;

/// How many candidates an unsure answer offers.
pub const MAX_CANDIDATES: usize = 3;

const ARTICLE_COLOUR: u32 = 0x57F287;

/// An article as L0's answer, above its "Solved" / "Talk to a human" buttons.
pub fn article_embed(locale: Locale, article: &Article) -> CreateEmbed {
    embed_with_footer(article, tr!(locale, "answer-footer"))
}

/// An article staff sent into a ticket's thread: no buttons below it, so
/// the footer invites a reply instead.
pub fn sent_article_embed(locale: Locale, article: &Article) -> CreateEmbed {
    embed_with_footer(article, tr!(locale, "kb-sent-footer"))
}

fn embed_with_footer(article: &Article, footer: String) -> CreateEmbed {
    CreateEmbed::new()
        .title(clip(&article.title, 256))
        .description(clip(
            &render_for_discord(&article.body),
            EMBED_DESCRIPTION_LIMIT,
        ))
        .colour(ARTICLE_COLOUR)
        .footer(poise::serenity_prelude::CreateEmbedFooter::new(footer))
}

pub fn answer_buttons(locale: Locale, exchange: L0ExchangeId) -> Vec<CreateActionRow> {
    vec![CreateActionRow::Buttons(vec![
        CreateButton::new(ComponentId::Solved(exchange).to_string())
            .label(tr!(locale, "button-solved"))
            .style(ButtonStyle::Success),
        human_button(locale, exchange),
    ])]
}

/// Candidate articles (by title) and "Talk to a human".
pub fn candidate_buttons(
    locale: Locale,
    exchange: L0ExchangeId,
    titles: &[String],
) -> Vec<CreateActionRow> {
    let mut rows: Vec<CreateActionRow> = titles
        .iter()
        .take(MAX_CANDIDATES)
        .enumerate()
        .map(|(i, title)| {
            CreateActionRow::Buttons(vec![CreateButton::new(
                ComponentId::Candidate(exchange, i as u8).to_string(),
            )
            .label(clip(title, 80))
            .style(ButtonStyle::Secondary)])
        })
        .collect();
    rows.push(CreateActionRow::Buttons(vec![human_button(
        locale, exchange,
    )]));
    rows
}

/// The reply to small talk, from the catalogue (`small-talk-<kind>`).
pub fn small_talk_text(locale: Locale, kind: SmallTalk) -> String {
    let key = format!("small-talk-{}", kind.name());
    Catalog::global().text(locale, &key, &[])
}

/// "Talk to a human" alone (under a reply that is no answer).
pub fn human_buttons(locale: Locale, exchange: L0ExchangeId) -> Vec<CreateActionRow> {
    vec![CreateActionRow::Buttons(vec![human_button(
        locale, exchange,
    )])]
}

fn human_button(locale: Locale, exchange: L0ExchangeId) -> CreateButton {
    CreateButton::new(ComponentId::Human(exchange).to_string())
        .label(tr!(locale, "button-human"))
        .style(ButtonStyle::Primary)
}
