//! Intake (issue 14.1): before a ticket opens, the topic menu (if the
//! server has topics) and the questions form (if it has questions). The
//! opening's question and source wait in a draft whose id the menu and
//! the form carry, so a restart between the steps loses nothing and a
//! form sent twice opens one ticket (the draft is the opening's key).
//!
//! Discord's modals hold text inputs only, so the topic is an ephemeral
//! menu first; choosing answers with the form (an interaction may answer
//! a menu with a modal, never a modal with another).

use poise::serenity_prelude::{CreateActionRow, CreateModal, Http};

use super::open::{self, Opening};
use super::Env;
use crate::bot::app::Data;
use crate::bot::error::{BotError, Say};
use crate::bot::render::intake::{questions_form, topic_menu};
use crate::i18n::Locale;
use crate::store::IntakeDraft;
use crate::tickets::{TicketIntake, TicketSource};
use crate::tr;

/// What an opening shows first when the server asks something.
pub enum Start {
    /// An ephemeral message with the topic menu.
    Menu {
        text: String,
        rows: Vec<CreateActionRow>,
    },
    /// The questions form, at once.
    Form(CreateModal),
}

/// Starts the intake of an opening; `None` when the server asks nothing
/// (the ticket then opens at once, as before intake existed).
pub async fn begin(
    data: &Data,
    env: &Env,
    question: &str,
    source: TicketSource,
    locale: Locale,
) -> Result<Option<Start>, BotError> {
    let intake = &env.settings.intake;
    if !intake.asks() {
        return Ok(None);
    }
    open::ready(env)?;
    if question.trim().is_empty() {
        return Err(BotError::say("error-empty-question"));
    }
    // Someone at their open-ticket limit is told so at once rather than
    // after filling in the form (the opening refuses, or points at the
    // ticket this source already opened).
    let open_now = data
        .store
        .open_tickets_for_user(env.guild, env.actor.user)
        .await?;
    if open_now.len() >= env.settings.ticket_limit as usize {
        return Ok(None);
    }
    let draft = data
        .store
        .create_intake_draft(
            env.guild,
            env.actor.user,
            question,
            locale,
            source,
            data.clock.now(),
        )
        .await?;
    Ok(Some(if intake.topics.is_empty() {
        Start::Form(questions_form(env.locale, draft, intake))
    } else {
        Start::Menu {
            text: tr!(env.locale, "intake-topic-ask"),
            rows: topic_menu(env.locale, draft, intake),
        }
    }))
}

/// A topic was chosen (`value`: its position in the menu). Returns the
/// questions form to show next, or `None` when there are no questions
/// (the caller then opens with [`finish`]).
pub async fn choose(
    data: &Data,
    env: &Env,
    draft: i64,
    value: Option<&str>,
) -> Result<Option<CreateModal>, BotError> {
    let draft = own_draft(data, env, draft).await?;
    let intake = &env.settings.intake;
    let topic = value
        .and_then(|v| v.parse::<usize>().ok())
        .and_then(|i| intake.topics.get(i))
        .ok_or_else(|| BotError::say("intake-topic-gone"))?;
    data.store.choose_draft_topic(draft.id, &topic.name).await?;
    Ok((!intake.questions.is_empty()).then(|| questions_form(env.locale, draft.id, intake)))
}

/// Opens the draft's ticket with the form's `answers` (in the order of
/// the questions; `None` for a field left empty).
pub async fn finish(
    http: &Http,
    data: &Data,
    env: &Env,
    draft: i64,
    answers: &[Option<String>],
) -> Result<String, BotError> {
    let draft = own_draft(data, env, draft).await?;
    let intake = TicketIntake::from_form(&env.settings.intake, draft.topic.as_deref(), answers)
        .map_err(|m| BotError::Say(Say::new("intake-missing-answer").arg("label", m.label)))?;
    let opening = Opening {
        question: &draft.question,
        source: draft.source,
        key: format!("intake:{}", draft.id),
        locale: draft.locale,
        intake,
    };
    open::open(http, data, env, opening).await
}

/// The draft, if it is the acting person's own in this guild.
async fn own_draft(data: &Data, env: &Env, id: i64) -> Result<IntakeDraft, BotError> {
    let draft = data
        .store
        .intake_draft(id)
        .await?
        .ok_or_else(|| BotError::say("error-generic"))?;
    if draft.user != env.actor.user || draft.guild != env.guild {
        return Err(BotError::say("error-not-your-answer"));
    }
    Ok(draft)
}
