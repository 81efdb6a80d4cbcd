//! Intake (issue 14.1): the questions a server asks when a ticket opens,
//! the topics a user picks from, and what a ticket keeps of the answers.
//!
//! Discord shapes the limits: a modal holds at most five text inputs and
//! labels of 45 characters, a select menu at most 25 options of 100. The
//! question the user typed arrives before the form (the `/ticket open`
//! option, or the L0 question under "Talk to a human"), so all five
//! inputs are the server's.

use serde::{Deserialize, Serialize};

use super::ids::RoleId;

/// A modal holds at most five text inputs.
pub const MAX_QUESTIONS: usize = 5;
/// A text input's label holds at most 45 characters.
pub const LABEL_MAX_CHARS: usize = 45;
/// A select menu holds at most 25 options.
pub const MAX_TOPICS: usize = 25;
/// A topic's name: a select option's label holds 100; cards need less.
pub const TOPIC_MAX_CHARS: usize = 50;
/// The longest answer to a one-line question.
pub const SHORT_ANSWER_MAX: u16 = 200;
/// The longest answer to a paragraph question.
pub const LONG_ANSWER_MAX: u16 = 1000;

/// One question of the intake form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntakeQuestion {
    pub label: String,
    /// A paragraph rather than one line.
    pub long: bool,
    pub required: bool,
}

impl IntakeQuestion {
    pub fn max_answer(&self) -> u16 {
        if self.long {
            LONG_ANSWER_MAX
        } else {
            SHORT_ANSWER_MAX
        }
    }
}

/// What a ticket can be about; `team` (a role within L1) then gets the
/// ticket instead of the whole L1 role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Topic {
    pub name: String,
    pub team: Option<RoleId>,
}

/// A guild's intake: both lists empty means tickets open at once, as
/// before intake existed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IntakeSettings {
    pub questions: Vec<IntakeQuestion>,
    pub topics: Vec<Topic>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IntakeError {
    #[error("at most {max} questions (a Discord form holds {max} fields)")]
    TooManyQuestions { max: usize },
    #[error("a question's label is 1 to {max} characters")]
    BadLabel { max: usize },
    #[error("at most {max} topics (a Discord menu holds {max} options)")]
    TooManyTopics { max: usize },
    #[error("a topic's name is 1 to {max} characters")]
    BadTopic { max: usize },
}

impl IntakeSettings {
    /// Whether opening a ticket asks anything first.
    pub fn asks(&self) -> bool {
        !self.questions.is_empty() || !self.topics.is_empty()
    }

    pub fn topic(&self, name: &str) -> Option<&Topic> {
        self.topics
            .iter()
            .find(|t| t.name.to_lowercase() == name.to_lowercase())
    }

    pub fn validate(&self) -> Result<(), IntakeError> {
        if self.questions.len() > MAX_QUESTIONS {
            return Err(IntakeError::TooManyQuestions { max: MAX_QUESTIONS });
        }
        let label_ok = |l: &str| (1..=LABEL_MAX_CHARS).contains(&l.trim().chars().count());
        if !self.questions.iter().all(|q| label_ok(&q.label)) {
            return Err(IntakeError::BadLabel {
                max: LABEL_MAX_CHARS,
            });
        }
        if self.topics.len() > MAX_TOPICS {
            return Err(IntakeError::TooManyTopics { max: MAX_TOPICS });
        }
        let name_ok = |n: &str| (1..=TOPIC_MAX_CHARS).contains(&n.trim().chars().count());
        if !self.topics.iter().all(|t| name_ok(&t.name)) {
            return Err(IntakeError::BadTopic {
                max: TOPIC_MAX_CHARS,
            });
        }
        Ok(())
    }
}

/// A question as it was asked, and the user's answer (kept with the
/// ticket: later edits of the questions do not rewrite old tickets).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntakeAnswer {
    pub label: String,
    pub answer: String,
}

/// What a ticket was told at intake.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TicketIntake {
    pub topic: Option<String>,
    /// The team the topic routed the ticket to, within L1.
    pub team: Option<RoleId>,
    pub answers: Vec<IntakeAnswer>,
}

impl TicketIntake {
    pub fn is_empty(&self) -> bool {
        self.topic.is_none() && self.answers.is_empty()
    }

    /// The intake of a user who chose `topic` (by name) and answered
    /// `questions` with `answers` (in order; `None` left empty). Empty
    /// answers are dropped; each is cut to its question's limit.
    pub fn from_form(
        settings: &IntakeSettings,
        topic: Option<&str>,
        answers: &[Option<String>],
    ) -> Result<TicketIntake, MissingAnswer> {
        let mut kept = Vec::new();
        for (i, q) in settings.questions.iter().enumerate() {
            let answer = answers
                .get(i)
                .cloned()
                .flatten()
                .map(|a| a.trim().chars().take(usize::from(q.max_answer())).collect())
                .filter(|a: &String| !a.is_empty());
            match answer {
                Some(answer) => kept.push(IntakeAnswer {
                    label: q.label.clone(),
                    answer,
                }),
                None if q.required => {
                    return Err(MissingAnswer {
                        label: q.label.clone(),
                    })
                }
                None => {}
            }
        }
        let chosen = topic.and_then(|name| settings.topic(name));
        Ok(TicketIntake {
            topic: chosen
                .map(|t| t.name.clone())
                .or_else(|| topic.map(str::to_owned)),
            team: chosen.and_then(|t| t.team),
            answers: kept,
        })
    }
}

/// A required question left empty (only a forged submission gets past
/// Discord's own check).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("“{label}” needs an answer")]
pub struct MissingAnswer {
    pub label: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(label: &str, required: bool) -> IntakeQuestion {
        IntakeQuestion {
            label: label.into(),
            long: false,
            required,
        }
    }

    fn settings() -> IntakeSettings {
        IntakeSettings {
            questions: vec![q("Order number", true), q("Browser", false)],
            topics: vec![Topic {
                name: "Payments".into(),
                team: Some(RoleId(7)),
            }],
        }
    }

    #[test]
    fn a_sixth_question_is_refused_as_a_form_holds_five() {
        let mut s = settings();
        s.questions = (0..6).map(|i| q(&format!("Q{i}"), false)).collect();
        assert_eq!(s.validate(), Err(IntakeError::TooManyQuestions { max: 5 }));
    }

    #[test]
    fn a_label_longer_than_discord_allows_is_refused() {
        let mut s = settings();
        s.questions[0].label = "x".repeat(46);
        assert_eq!(s.validate(), Err(IntakeError::BadLabel { max: 45 }));
        s.questions[0].label = "x".repeat(45);
        assert_eq!(s.validate(), Ok(()));
    }

    #[test]
    fn answers_keep_their_labels_and_the_topic_its_team() {
        let intake = TicketIntake::from_form(
            &settings(),
            Some("payments"),
            &[Some(" 1234 ".into()), None],
        )
        .unwrap();
        assert_eq!(intake.topic.as_deref(), Some("Payments"));
        assert_eq!(intake.team, Some(RoleId(7)));
        assert_eq!(
            intake.answers,
            vec![IntakeAnswer {
                label: "Order number".into(),
                answer: "1234".into()
            }]
        );
    }

    #[test]
    fn a_required_question_left_empty_opens_nothing() {
        let missing = TicketIntake::from_form(&settings(), None, &[Some("  ".into())]);
        assert_eq!(
            missing,
            Err(MissingAnswer {
                label: "Order number".into()
            })
        );
    }

    #[test]
    fn a_topic_removed_meanwhile_is_kept_by_name_without_a_team() {
        let intake =
            TicketIntake::from_form(&settings(), Some("Bug"), &[Some("1".into())]).unwrap();
        assert_eq!(intake.topic.as_deref(), Some("Bug"));
        assert_eq!(intake.team, None);
    }
}
