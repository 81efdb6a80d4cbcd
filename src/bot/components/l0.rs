//! The buttons under L0's answers (Solved, a candidate article, Talk to a
//! human) and the panel's "Get help" with its question form.

use poise::serenity_prelude::{
    CreateInteractionResponse, CreateInteractionResponseMessage, EditInteractionResponse,
    InputTextStyle, ModalInteraction,
};

use super::{field, modal, value, Responder, PANEL_QUESTION_MAX};
use crate::bot::app::Data;
use crate::bot::error::BotError;
use crate::bot::flows::ask::{self, L0Reply};
use crate::bot::flows::intake;
use crate::bot::flows::open::{self, Opening};
use crate::bot::flows::Env;
use crate::bot::ids::ComponentId;
use crate::bot::render::answer;
use crate::store::{L0Click, L0Exchange};
use crate::tickets::{L0ExchangeId, Refusal, TicketSource};
use crate::tr;

/// The exchange a button sits under, if it is the clicker's own.
async fn own_exchange(data: &Data, env: &Env, x: L0ExchangeId) -> Result<L0Exchange, BotError> {
    let exchange = data
        .store
        .l0_exchange(x)
        .await?
        .ok_or_else(|| BotError::say("error-ticket-not-found"))?;
    if exchange.user != env.actor.user || exchange.guild != env.guild {
        return Err(BotError::say("error-not-your-answer"));
    }
    Ok(exchange)
}

/// "Solved": recorded, and the buttons go.
pub(super) async fn solved(
    r: &mut Responder<'_>,
    data: &Data,
    env: &Env,
    x: L0ExchangeId,
) -> Result<(), BotError> {
    // The answer spoke the question's language; so does what replaces it.
    let exchange = own_exchange(data, env, x).await?;
    data.store
        .mark_l0_click(x, &L0Click::Solved, data.clock.now())
        .await?;
    r.respond(CreateInteractionResponse::UpdateMessage(
        CreateInteractionResponseMessage::new()
            .content(tr!(exchange.locale, "answer-glad"))
            .components(Vec::new()),
    ))
    .await
}

/// A candidate article: shown in place of the candidates.
pub(super) async fn candidate(
    r: &mut Responder<'_>,
    data: &Data,
    env: &Env,
    x: L0ExchangeId,
    i: u8,
) -> Result<(), BotError> {
    let exchange = own_exchange(data, env, x).await?;
    let index = data.knowledge.current();
    let article = exchange
        .candidates
        .get(usize::from(i))
        .and_then(|a| index.article(a))
        .ok_or_else(|| BotError::say("kb-article-gone"))?;
    data.store
        .mark_l0_click(
            x,
            &L0Click::Candidate(article.id.to_string()),
            data.clock.now(),
        )
        .await?;
    r.respond(CreateInteractionResponse::UpdateMessage(
        CreateInteractionResponseMessage::new()
            .content("")
            .embed(answer::article_embed(exchange.locale, article))
            .components(answer::answer_buttons(exchange.locale, x)),
    ))
    .await
}

/// "Talk to a human": opens (or points at) the asker's ticket.
pub(super) async fn talk_to_human(
    r: &mut Responder<'_>,
    data: &Data,
    env: &Env,
    x: L0ExchangeId,
) -> Result<(), BotError> {
    let exchange = own_exchange(data, env, x).await?;
    let source = TicketSource::L0Exchange(x);
    // The server's intake first (a menu or a form), if it asks anything.
    let start = intake::begin(data, env, &exchange.question, source, exchange.locale).await?;
    if let Some(start) = start {
        data.store
            .mark_l0_click(x, &L0Click::TalkToHuman, data.clock.now())
            .await?;
        return super::intake::show(r, start).await;
    }
    r.defer().await?;
    data.store
        .mark_l0_click(x, &L0Click::TalkToHuman, data.clock.now())
        .await?;
    let opening = Opening {
        question: &exchange.question,
        source,
        key: r.interaction_id().to_string(),
        locale: exchange.locale,
        intake: Default::default(),
    };
    let text = open::open(r.http(), data, env, opening).await?;
    r.say(text).await
}

/// The panel's "Get help": the question form.
pub(super) async fn panel_form(r: &mut Responder<'_>, env: &Env) -> Result<(), BotError> {
    let question = field(
        InputTextStyle::Paragraph,
        tr!(env.locale, "form-question"),
        "question",
        true,
        PANEL_QUESTION_MAX as u16,
    );
    r.respond(modal(
        ComponentId::PanelForm,
        tr!(env.locale, "form-ask-title"),
        vec![question],
    ))
    .await
}

/// The panel's question, answered as `/ask` answers.
pub(super) async fn panel_question(
    r: &mut Responder<'_>,
    data: &Data,
    env: &Env,
    form: &ModalInteraction,
) -> Result<(), BotError> {
    let question = value(form, "question").unwrap_or_default();
    // The form declares this limit; Discord enforces it, and a forged
    // submission is refused all the same.
    if question.chars().count() > PANEL_QUESTION_MAX {
        return Err(BotError::Refused(Refusal::TextTooLong {
            max: PANEL_QUESTION_MAX,
        }));
    }
    let edit = match ask::ask(data, env, &question).await? {
        L0Reply::Article { embed, buttons } => EditInteractionResponse::new()
            .embed(*embed)
            .components(buttons),
        L0Reply::Candidates { text, buttons }
        | L0Reply::Nothing { text, buttons }
        | L0Reply::SmallTalk { text, buttons } => EditInteractionResponse::new()
            .content(text)
            .components(buttons),
    };
    r.edit(edit).await
}
