//! `/setup question`: the intake's questions (issue 14.1), asked in a
//! form when a ticket opens. At most five: a Discord form holds five
//! fields.

use super::{admin_env, save};
use crate::bot::app::Context;
use crate::bot::error::BotError;
use crate::tickets::intake::MAX_QUESTIONS;
use crate::tickets::IntakeQuestion;

/// `/setup question`: sets or removes one intake question.
#[poise::command(slash_command, guild_only)]
pub async fn question(
    ctx: Context<'_>,
    #[min = 1]
    #[max = 5]
    number: u8,
    #[max_length = 45] label: Option<String>,
    long: Option<bool>,
    required: Option<bool>,
    remove: Option<bool>,
) -> Result<(), BotError> {
    let env = admin_env(ctx).await?;
    let mut s = env.settings.clone();
    let questions = &mut s.intake.questions;
    let at = usize::from(number).saturating_sub(1);
    if at >= MAX_QUESTIONS || at > questions.len() {
        return Err(BotError::Say(
            crate::bot::error::Say::new("setup-bad-question-number").count(
                "max",
                i64::try_from((questions.len() + 1).min(MAX_QUESTIONS)).unwrap_or(5),
            ),
        ));
    }
    if remove.unwrap_or(false) {
        if at < questions.len() {
            questions.remove(at);
        }
        return save(ctx, &env, s).await;
    }
    let editing = questions.get(at).cloned();
    let label = match (label, &editing) {
        (Some(l), _) => l.trim().to_owned(),
        (None, Some(q)) => q.label.clone(),
        (None, None) => return Err(BotError::say("setup-question-needs-label")),
    };
    let q = IntakeQuestion {
        label,
        long: long.or(editing.as_ref().map(|q| q.long)).unwrap_or(false),
        required: required
            .or(editing.as_ref().map(|q| q.required))
            .unwrap_or(false),
    };
    if at < questions.len() {
        questions[at] = q;
    } else {
        questions.push(q);
    }
    save(ctx, &env, s).await
}
