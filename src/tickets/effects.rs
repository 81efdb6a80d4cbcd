//! The Discord steps a change needs, as data (the outbox). A stored change
//! and its steps are written in one transaction (`store::Store::apply`),
//! so a crash between the database and Discord never loses a step: the
//! bot carries each out at least once, and each step is made so that doing
//! it twice changes nothing (see `bot::effects`).
//!
//! The steps follow from the events alone ([`needed`]), so every
//! transition — a person's or a timer's — gets them the same way, and the
//! domain stays free of Discord: a step names *what* must become true
//! ("the user is told the ticket moved to L2"), the bot decides how.

use serde::{Deserialize, Serialize};

use super::event::{EventKind, Rating, ThreadRole, TicketEvent};
use super::ids::{ChannelId, MessageId, UserId};
use super::level::Level;
use super::ticket::{CaseThread, CloseReason, Ticket};

/// One Discord step for a ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Effect {
    /// The private user thread in the support channel, the opener in it.
    CreateUserThread,
    /// The greeting in the user thread.
    Greet,
    /// A case card and its thread in `level`'s channel, with its intro
    /// (the opening's summary, or a move's handoff digest).
    PostCase { level: Level },
    /// The case the ticket left: a link forward, its card marked moved,
    /// locked and archived.
    RetireCase { case: CaseRef },
    /// `user` joins the user thread (a claimer, a transfer's target).
    AddToUserThread { user: UserId },
    /// The current case card shows the ticket as stored.
    RefreshCard,
    /// A line for staff in the current case thread.
    CaseNote { note: CaseNote },
    /// A message to the user in their thread.
    TellUser { news: UserNews },
    /// "Did this solve it?" with its Yes / No / ★ buttons.
    AskResolve { summary: Option<String> },
    /// The buttons come off the questions still showing them;
    /// `withdrawn`: the user wrote instead of answering, and the question
    /// says so.
    RetireQuestion { withdrawn: bool },
    /// A closed ticket: its transcript kept (and logged) unless its thread
    /// is gone, its threads locked and archived.
    Archive { transcript: bool },
    /// A reopened ticket's threads open again.
    Unarchive,
    /// The SLA reminder, pinging `level`'s role, once.
    SlaReminder { level: Level },
    /// "Can we close this?" with Close / Keep open, in the user thread.
    AskClose,
    /// The buttons come off the close request; `kept`: it was kept open
    /// (by a click or the user writing), and the request says so.
    RetireCloseAsk { kept: bool },
}

/// A case as the step remembers it (the ticket's current state no longer
/// holds a case it left).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseRef {
    pub level: Level,
    pub card: MessageId,
    pub thread: ChannelId,
}

impl From<CaseThread> for CaseRef {
    fn from(c: CaseThread) -> Self {
        CaseRef {
            level: c.level,
            card: c.card,
            thread: c.thread,
        }
    }
}

/// What staff read in the case thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CaseNote {
    Claimed {
        by: UserId,
    },
    Unclaimed {
        by: UserId,
    },
    Transferred {
        by: UserId,
        to: UserId,
    },
    Note {
        by: UserId,
        text: String,
    },
    ResolveAsked {
        by: UserId,
    },
    Confirmed {
        rating: Option<Rating>,
        comment: Option<String>,
    },
    /// Back to the assignee (pinged): the user said No (`replied`: wrote
    /// instead of answering).
    BackToAssignee {
        assignee: Option<UserId>,
        comment: Option<String>,
        replied: bool,
    },
    /// `by`: who closed it; `None`: the auto-close.
    Closed {
        by: Option<UserId>,
    },
    Reopened {
        by: UserId,
    },
    UserThreadLost,
    CloseAsked {
        by: UserId,
    },
    /// The close request was withdrawn: `by` clicked Keep open, or
    /// (`replied`) the user wrote.
    KeptOpen {
        by: UserId,
        replied: bool,
    },
}

/// What the user reads in their thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum UserNews {
    Moved {
        level: Level,
        up: bool,
    },
    Closed {
        by: Option<UserId>,
        reason: Option<String>,
    },
    Reopened,
    CaseLost,
    /// Staff still wait on the user (pinged).
    WaitingReminder,
}

impl Effect {
    /// The stored name (`effects.kind`), also the serde tag.
    pub fn name(&self) -> &'static str {
        match self {
            Effect::CreateUserThread => "create_user_thread",
            Effect::Greet => "greet",
            Effect::PostCase { .. } => "post_case",
            Effect::RetireCase { .. } => "retire_case",
            Effect::AddToUserThread { .. } => "add_to_user_thread",
            Effect::RefreshCard => "refresh_card",
            Effect::CaseNote { .. } => "case_note",
            Effect::TellUser { .. } => "tell_user",
            Effect::AskResolve { .. } => "ask_resolve",
            Effect::RetireQuestion { .. } => "retire_question",
            Effect::Archive { .. } => "archive",
            Effect::Unarchive => "unarchive",
            Effect::SlaReminder { .. } => "sla_reminder",
            Effect::AskClose => "ask_close",
            Effect::RetireCloseAsk { .. } => "retire_close_ask",
        }
    }
}

/// The steps of a new ticket: its user thread, the greeting, the L1 case.
pub fn opening() -> Vec<Effect> {
    vec![
        Effect::CreateUserThread,
        Effect::Greet,
        Effect::PostCase { level: Level::L1 },
    ]
}

/// The steps `events` (decided on `before`) need, in the order to carry
/// them out.
pub fn needed(before: &Ticket, events: &[TicketEvent]) -> Vec<Effect> {
    let mut out = Vec::new();
    let mut assignee = before.assignee;
    for (i, e) in events.iter().enumerate() {
        let by = e.actor;
        match &e.kind {
            EventKind::Opened { .. } => out.extend(opening()),
            EventKind::Claimed => {
                if let Some(by) = by {
                    out.push(Effect::AddToUserThread { user: by });
                    out.push(Effect::RefreshCard);
                    out.push(note(CaseNote::Claimed { by }));
                }
                assignee = by;
            }
            EventKind::Unclaimed { .. } => {
                out.push(Effect::RefreshCard);
                if let Some(by) = by {
                    out.push(note(CaseNote::Unclaimed { by }));
                }
                assignee = None;
            }
            EventKind::Transferred { to, .. } => {
                out.push(Effect::AddToUserThread { user: *to });
                out.push(Effect::RefreshCard);
                if let Some(by) = by {
                    out.push(note(CaseNote::Transferred { by, to: *to }));
                }
                assignee = Some(*to);
            }
            EventKind::Noted { text } => {
                if let Some(by) = by {
                    let text = text.clone();
                    out.push(note(CaseNote::Note { by, text }));
                }
            }
            EventKind::Escalated { from, to, .. } | EventKind::Deescalated { from, to, .. } => {
                // A move or "Did this solve it?" withdraws a close request.
                if before.close_requested_at.is_some() {
                    out.push(Effect::RetireCloseAsk { kept: false });
                }
                out.push(Effect::PostCase { level: *to });
                // The case being left: the one before this change, unless
                // an earlier event of the same change moved already.
                let left = if i == 0 { before.case } else { None };
                if let Some(case) = left {
                    out.push(Effect::RetireCase { case: case.into() });
                }
                out.push(Effect::TellUser {
                    news: UserNews::Moved {
                        level: *to,
                        up: to > from,
                    },
                });
                assignee = None;
            }
            EventKind::ResolveRequested { summary } => {
                if before.close_requested_at.is_some() {
                    out.push(Effect::RetireCloseAsk { kept: false });
                }
                out.push(Effect::AskResolve {
                    summary: summary.clone(),
                });
                out.push(Effect::RefreshCard);
                if let Some(by) = by {
                    out.push(note(CaseNote::ResolveAsked { by }));
                }
            }
            EventKind::UserConfirmed { rating, comment } => out.push(note(CaseNote::Confirmed {
                rating: *rating,
                comment: comment.clone(),
            })),
            EventKind::UserRejected { comment, replied } => {
                out.push(Effect::RetireQuestion {
                    withdrawn: *replied,
                });
                out.push(note(CaseNote::BackToAssignee {
                    assignee,
                    comment: comment.clone(),
                    replied: *replied,
                }));
                out.push(Effect::RefreshCard);
            }
            EventKind::Closed { reason, text, auto } => {
                if before.close_requested_at.is_some() {
                    out.push(Effect::RetireCloseAsk { kept: false });
                }
                let lost = events.iter().find_map(|e| match e.kind {
                    EventKind::ThreadLost { role, .. } => Some(role),
                    _ => None,
                });
                out.extend(closing(*reason, lost, by.filter(|_| !auto), text.clone()));
            }
            EventKind::Reopened => {
                out.push(Effect::Unarchive);
                out.push(Effect::RefreshCard);
                if let Some(by) = by {
                    out.push(note(CaseNote::Reopened { by }));
                }
                out.push(Effect::TellUser {
                    news: UserNews::Reopened,
                });
            }
            EventKind::SlaBreached => out.push(Effect::SlaReminder { level: e.level }),
            // The card shows whom the ticket waits on.
            EventKind::WaitingOnUser | EventKind::UserAnswered { .. } => {
                out.push(Effect::RefreshCard)
            }
            EventKind::WaitingReminded => out.push(Effect::TellUser {
                news: UserNews::WaitingReminder,
            }),
            EventKind::CloseRequested => {
                out.push(Effect::AskClose);
                out.push(Effect::RefreshCard);
                if let Some(by) = by {
                    out.push(note(CaseNote::CloseAsked { by }));
                }
            }
            EventKind::CloseRequestWithdrawn { replied } => {
                out.push(Effect::RetireCloseAsk { kept: true });
                out.push(Effect::RefreshCard);
                if let Some(by) = by {
                    out.push(note(CaseNote::KeptOpen {
                        by,
                        replied: *replied,
                    }));
                }
            }
            EventKind::FirstResponse | EventKind::ThreadLost { .. } => {}
        }
    }
    out
}

fn note(note: CaseNote) -> Effect {
    Effect::CaseNote { note }
}

/// Closing: both sides told, the card shows it, the question retired, the
/// transcript kept, the threads archived. A lost thread closes quietly on
/// its side: the other side hears why.
fn closing(
    reason: CloseReason,
    lost: Option<ThreadRole>,
    by: Option<UserId>,
    text: Option<String>,
) -> Vec<Effect> {
    if reason == CloseReason::ThreadLost {
        return match lost {
            Some(ThreadRole::User) => vec![
                note(CaseNote::UserThreadLost),
                Effect::RefreshCard,
                Effect::Archive { transcript: false },
            ],
            _ => vec![
                Effect::TellUser {
                    news: UserNews::CaseLost,
                },
                Effect::Archive { transcript: false },
            ],
        };
    }
    vec![
        Effect::TellUser {
            news: UserNews::Closed { by, reason: text },
        },
        note(CaseNote::Closed { by }),
        Effect::RefreshCard,
        Effect::RetireQuestion { withdrawn: false },
        Effect::Archive { transcript: true },
    ]
}

#[cfg(test)]
#[path = "effects_tests.rs"]
mod tests;
