//! What intake looks like (issue 14.1): the topic menu, the questions
//! form, and the answers on the case card, in the handoff digest and in
//! the greeting (which the transcript keeps).

use poise::serenity_prelude::{
    CreateActionRow, CreateInputText, CreateModal, CreateSelectMenu, CreateSelectMenuKind,
    CreateSelectMenuOption, InputTextStyle,
};

use super::clip;
use crate::bot::ids::ComponentId;
use crate::bot::mentions;
use crate::i18n::Locale;
use crate::tickets::intake::MAX_QUESTIONS;
use crate::tickets::{IntakeSettings, TicketIntake};
use crate::tr;

/// An embed field's value holds 1,024 characters; an answer gets a share.
const ANSWER_IN_FIELD: usize = 180;

/// The custom id of the `i`th question's text input.
pub fn input_id(i: usize) -> String {
    format!("q{i}")
}

/// The menu of topics (Discord's modals hold no menus, so it comes first,
/// as its own ephemeral message). Option values are the topics' positions.
pub fn topic_menu(locale: Locale, draft: i64, intake: &IntakeSettings) -> Vec<CreateActionRow> {
    let options = intake
        .topics
        .iter()
        .take(25)
        .enumerate()
        .map(|(i, t)| CreateSelectMenuOption::new(clip(&t.name, 100), i.to_string()))
        .collect();
    let menu = CreateSelectMenu::new(
        ComponentId::Topic(draft).to_string(),
        CreateSelectMenuKind::String { options },
    )
    .placeholder(clip(&tr!(locale, "intake-topic-placeholder"), 150))
    .min_values(1)
    .max_values(1);
    vec![CreateActionRow::SelectMenu(menu)]
}

/// The form of the server's questions (at most five: a modal's limit).
pub fn questions_form(locale: Locale, draft: i64, intake: &IntakeSettings) -> CreateModal {
    let inputs = intake
        .questions
        .iter()
        .take(MAX_QUESTIONS)
        .enumerate()
        .map(|(i, q)| {
            let style = if q.long {
                InputTextStyle::Paragraph
            } else {
                InputTextStyle::Short
            };
            CreateActionRow::InputText(
                CreateInputText::new(style, clip(&q.label, 45), input_id(i))
                    .required(q.required)
                    .max_length(q.max_answer()),
            )
        })
        .collect();
    CreateModal::new(
        ComponentId::IntakeForm(draft).to_string(),
        clip(&tr!(locale, "intake-form-title"), 45),
    )
    .components(inputs)
}

/// "Payments · @Payments team" (the team only where mentions render).
pub fn topic_line(intake: &TicketIntake, with_team: bool) -> Option<String> {
    let topic = intake.topic.as_ref()?;
    Some(match intake.team.filter(|_| with_team) {
        Some(team) => format!("{topic} · {}", mentions::role_tag(team)),
        None => topic.clone(),
    })
}

/// The answers as lines of "**label**: answer", each cut to its share of
/// a field, the whole within `max`; `None` when there are none.
pub fn answers_text(intake: &TicketIntake, max: usize) -> Option<String> {
    if intake.answers.is_empty() {
        return None;
    }
    let lines: Vec<String> = intake
        .answers
        .iter()
        .map(|a| {
            format!(
                "**{}**: {}",
                a.label,
                clip(&a.answer.replace('\n', " "), ANSWER_IN_FIELD)
            )
        })
        .collect();
    Some(clip(&lines.join("\n"), max))
}

/// What the greeting repeats of the intake, for the user (and the
/// transcript): the topic and the answers.
pub fn greeting_lines(locale: Locale, intake: &TicketIntake) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(topic) = topic_line(intake, false) {
        lines.push(tr!(locale, "intake-greeting-topic", topic = topic));
    }
    if let Some(answers) = answers_text(intake, 1000) {
        lines.push(format!(
            "{}\n{answers}",
            tr!(locale, "intake-greeting-answers")
        ));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tickets::{IntakeAnswer, RoleId};

    #[test]
    fn answers_are_cut_to_fit_a_field() {
        let intake = TicketIntake {
            topic: Some("Payments".into()),
            team: Some(RoleId(5)),
            answers: (0..5)
                .map(|i| IntakeAnswer {
                    label: format!("Question {i}"),
                    answer: "x".repeat(1000),
                })
                .collect(),
        };
        let text = answers_text(&intake, 1024).unwrap();
        assert!(text.chars().count() <= 1024);
        assert_eq!(text.lines().count(), 5);
        assert_eq!(
            topic_line(&intake, true).as_deref(),
            Some("Payments · <@&5>")
        );
        assert_eq!(topic_line(&intake, false).as_deref(), Some("Payments"));
    }
}
