//! The handoff digest posted at the top of a new case thread when a ticket
//! moves between levels: everything the next level needs without scrolling
//! back through a thread it cannot read. Plain data; the bot renders it
//! (and truncates to Discord's embed limits).

use chrono::{DateTime, Utc};

use super::event::{EventKind, TicketEvent};
use super::ids::{TicketNumber, UserId};
use super::intake::TicketIntake;
use super::level::Level;
use super::ticket::{Priority, Ticket};

/// At most this many notes, the most recent ones.
pub const DIGEST_MAX_NOTES: usize = 10;
/// At most this many of the user's last messages.
pub const DIGEST_MAX_USER_MESSAGES: usize = 5;

/// A message quoted from the user thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub at: DateTime<Utc>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DigestNote {
    pub author: Option<UserId>,
    pub at: DateTime<Utc>,
    pub level: Level,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandoffDigest {
    pub number: TicketNumber,
    pub opener: UserId,
    pub priority: Priority,
    /// Urgency and frustration cues found in the question.
    pub urgency_cues: Vec<String>,
    pub frustration_cues: Vec<String>,
    pub question: String,
    /// Knowledge-base articles L0 showed before the ticket was opened.
    pub articles_tried: Vec<String>,
    /// The user's most recent messages in their thread, oldest first.
    pub last_user_messages: Vec<Quote>,
    /// Internal notes so far that the receiving level may read (written
    /// at its level or below), oldest first.
    pub notes: Vec<DigestNote>,
    pub from: Level,
    pub to: Level,
    pub moved_by: Option<UserId>,
    pub reason: String,
    /// The topic and answers given at intake (issue 14.1).
    pub intake: TicketIntake,
}

impl HandoffDigest {
    /// The digest for the ticket's latest move (escalation or
    /// de-escalation) in `history`; `None` if it never moved. The bot
    /// supplies what only it can see: the articles L0 showed (from the
    /// store's L0 exchange) and the user's last messages (from Discord).
    pub fn for_latest_move(
        ticket: &Ticket,
        history: &[TicketEvent],
        articles_tried: Vec<String>,
        mut last_user_messages: Vec<Quote>,
    ) -> Option<HandoffDigest> {
        let (moved, to, reason) = history.iter().rev().find_map(|e| match &e.kind {
            EventKind::Escalated { to, reason, .. } | EventKind::Deescalated { to, reason, .. } => {
                Some((e, *to, reason.clone()))
            }
            _ => None,
        })?;
        // Lower levels never read higher cases: a digest going down
        // carries only the notes written at its level or below.
        let mut notes: Vec<DigestNote> = history
            .iter()
            .filter(|e| e.level <= to)
            .filter_map(|e| match &e.kind {
                EventKind::Noted { text } => Some(DigestNote {
                    author: e.actor,
                    at: e.at,
                    level: e.level,
                    text: text.clone(),
                }),
                _ => None,
            })
            .collect();
        keep_last(&mut notes, DIGEST_MAX_NOTES);
        keep_last(&mut last_user_messages, DIGEST_MAX_USER_MESSAGES);
        Some(HandoffDigest {
            number: ticket.number,
            opener: ticket.opener,
            priority: ticket.priority,
            urgency_cues: ticket.cues.urgency.clone(),
            frustration_cues: ticket.cues.frustration.clone(),
            question: ticket.question.clone(),
            articles_tried,
            last_user_messages,
            notes,
            from: moved.level,
            to,
            moved_by: moved.actor,
            reason,
            intake: ticket.intake.clone(),
        })
    }
}

fn keep_last<T>(items: &mut Vec<T>, n: usize) {
    let excess = items.len().saturating_sub(n);
    items.drain(..excess);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tickets::fixtures::{minutes, staff, ticket};
    use crate::tickets::transitions::{escalate, note};

    #[test]
    fn the_digest_carries_question_notes_and_the_reason_for_the_move() {
        let lena = staff(1, Level::L1);
        let t = ticket(Level::L1);
        let mut history = note(&t, &lena, "user is on v2.3", minutes(1)).unwrap();
        history.extend(escalate(&t, &lena, None, "needs a specialist", minutes(2)).unwrap());
        let t = t.after(&history);
        let quotes = vec![Quote {
            at: minutes(0),
            text: "still failing".into(),
        }];
        let digest =
            HandoffDigest::for_latest_move(&t, &history, vec!["reset-password".into()], quotes)
                .unwrap();
        assert_eq!(digest.question, "Login fails since this morning");
        assert_eq!(digest.notes.len(), 1);
        assert_eq!(digest.notes[0].text, "user is on v2.3");
        assert_eq!((digest.from, digest.to), (Level::L1, Level::L2));
        assert_eq!(digest.reason, "needs a specialist");
        assert_eq!(digest.moved_by, Some(UserId(1)));
        assert_eq!(digest.articles_tried, vec!["reset-password"]);
    }

    #[test]
    fn the_digest_carries_the_intake_answers_to_every_level() {
        let lena = staff(1, Level::L1);
        let mut t = ticket(Level::L1);
        t.intake = TicketIntake {
            topic: Some("Payments".into()),
            team: None,
            answers: vec![crate::tickets::IntakeAnswer {
                label: "Order".into(),
                answer: "A-17".into(),
            }],
        };
        let history = escalate(&t, &lena, None, "why", minutes(2)).unwrap();
        let t = t.after(&history);
        let d = HandoffDigest::for_latest_move(&t, &history, vec![], vec![]).unwrap();
        assert_eq!(d.intake, t.intake);
    }

    #[test]
    fn only_the_latest_notes_and_messages_are_kept() {
        let lena = staff(1, Level::L1);
        let t = ticket(Level::L1);
        let mut history = Vec::new();
        for i in 0..15 {
            history.extend(note(&t, &lena, &format!("note {i}"), minutes(i)).unwrap());
        }
        history.extend(escalate(&t, &lena, None, "why", minutes(20)).unwrap());
        let quotes = (0..8)
            .map(|i| Quote {
                at: minutes(i),
                text: format!("msg {i}"),
            })
            .collect();
        let d = HandoffDigest::for_latest_move(&t, &history, vec![], quotes).unwrap();
        assert_eq!(d.notes.len(), DIGEST_MAX_NOTES);
        assert_eq!(d.notes[0].text, "note 5");
        assert_eq!(d.last_user_messages.len(), DIGEST_MAX_USER_MESSAGES);
        assert_eq!(d.last_user_messages[0].text, "msg 3");
    }

    #[test]
    fn a_ticket_that_never_moved_has_no_digest() {
        let t = ticket(Level::L1);
        assert_eq!(
            HandoffDigest::for_latest_move(&t, &[], vec![], vec![]),
            None
        );
    }

    #[test]
    fn a_digest_going_down_leaves_out_the_higher_levels_notes() {
        use crate::tickets::transitions::deescalate;
        let lena = staff(1, Level::L1);
        let olga = staff(3, Level::L3);
        let t = ticket(Level::L1);
        let mut history = note(&t, &lena, "L1: user on v2.3", minutes(1)).unwrap();
        let step = escalate(&t, &lena, Some(Level::L3), "incident", minutes(2)).unwrap();
        let t = t.after(&history).after(&step);
        history.extend(step);
        let step = note(
            &t,
            &olga,
            "L3: root cause in shard 7, do not tell",
            minutes(3),
        )
        .unwrap();
        let t = t.after(&step);
        history.extend(step);
        let step = deescalate(&t, &olga, Some(Level::L1), "standard fix", minutes(4)).unwrap();
        let t = t.after(&step);
        history.extend(step);
        let d = HandoffDigest::for_latest_move(&t, &history, vec![], vec![]).unwrap();
        let texts: Vec<&str> = d.notes.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(texts, vec!["L1: user on v2.3"]);
        assert_eq!(d.reason, "standard fix");
    }
}
