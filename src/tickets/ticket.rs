//! A ticket: one user's request on its way up and down the ladder.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::ids::{ChannelId, GuildId, L0ExchangeId, MessageId, TicketId, TicketNumber, UserId};
use super::intake::TicketIntake;
use super::level::{Level, LevelSet};
use super::locale::Locale;
use super::urgency::{self, Cues};
use super::waiting::SlaClock;

/// Where a ticket stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Being worked on (claimed or waiting in the queue).
    Open,
    /// Staff proposed a resolution; waiting for the user's "Did this solve it?".
    Resolving,
    Closed,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Resolving => "resolving",
            Status::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        [Status::Open, Status::Resolving, Status::Closed]
            .into_iter()
            .find(|st| st.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    Normal,
    /// The question carried urgency cues; queues list these first.
    Urgent,
}

impl Priority {
    pub fn as_str(self) -> &'static str {
        match self {
            Priority::Normal => "normal",
            Priority::Urgent => "urgent",
        }
    }

    pub fn parse(s: &str) -> Option<Priority> {
        [Priority::Normal, Priority::Urgent]
            .into_iter()
            .find(|p| p.as_str() == s)
    }
}

/// Why a ticket was closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CloseReason {
    /// The user confirmed the resolution.
    Confirmed,
    /// Staff asked "Did this solve it?" and the user did not answer in time.
    NoAnswer,
    /// Staff (or an admin) closed it.
    ByStaff,
    /// The user closed their own ticket.
    ByUser,
    /// Its user thread or case thread was deleted behind the bot's back.
    ThreadLost,
    /// Staff waited on the user, who did not write in time.
    UserSilent,
    /// Staff asked the user to confirm closing and nobody answered in time.
    CloseRequestExpired,
}

impl CloseReason {
    pub fn as_str(self) -> &'static str {
        match self {
            CloseReason::Confirmed => "confirmed",
            CloseReason::NoAnswer => "no_answer",
            CloseReason::ByStaff => "by_staff",
            CloseReason::ByUser => "by_user",
            CloseReason::ThreadLost => "thread_lost",
            CloseReason::UserSilent => "user_silent",
            CloseReason::CloseRequestExpired => "close_request_expired",
        }
    }

    pub fn parse(s: &str) -> Option<CloseReason> {
        [
            CloseReason::Confirmed,
            CloseReason::NoAnswer,
            CloseReason::ByStaff,
            CloseReason::ByUser,
            CloseReason::ThreadLost,
            CloseReason::UserSilent,
            CloseReason::CloseRequestExpired,
        ]
        .into_iter()
        .find(|r| r.as_str() == s)
    }
}

/// What a ticket was born from. A user cannot have two open tickets from
/// the same source (the database enforces it), so a double-clicked "Talk to
/// a human" under one L0 answer opens one ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TicketSource {
    /// "Talk to a human" (or no match) under a recorded L0 exchange.
    L0Exchange(L0ExchangeId),
    /// `/ticket open` or the panel modal: the interaction's id.
    Interaction(u64),
    /// A plain message in a help channel.
    Message(MessageId),
}

impl TicketSource {
    /// The stored form: `l0:17`, `interaction:123…`, `message:123…`.
    pub fn key(self) -> String {
        match self {
            TicketSource::L0Exchange(id) => format!("l0:{}", id.0),
            TicketSource::Interaction(id) => format!("interaction:{id}"),
            TicketSource::Message(id) => format!("message:{}", id.0),
        }
    }

    pub fn parse(key: &str) -> Option<TicketSource> {
        let (kind, id) = key.split_once(':')?;
        match kind {
            "l0" => id
                .parse()
                .ok()
                .map(|n| TicketSource::L0Exchange(L0ExchangeId(n))),
            "interaction" => id.parse().ok().map(TicketSource::Interaction),
            "message" => id.parse().ok().map(|n| TicketSource::Message(MessageId(n))),
            _ => None,
        }
    }
}

/// A staff-only case: the case card message and its thread in the channel
/// of `level`. A ticket has at most one current case; escalating moves it
/// to `previous_cases` and the bot opens the next one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CaseThread {
    pub level: Level,
    pub card: MessageId,
    pub thread: ChannelId,
    pub opened_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Ticket {
    pub id: TicketId,
    pub guild: GuildId,
    pub number: TicketNumber,
    pub opener: UserId,
    /// A short title derived from the question (see [`subject_of`]).
    pub subject: String,
    pub question: String,
    /// The opener's language: every message to them uses it.
    pub locale: Locale,
    pub priority: Priority,
    /// Why the ticket was flagged urgent or frustrated (see [`urgency`]).
    pub cues: Cues,
    pub source: TicketSource,
    pub level: Level,
    /// Every level the ticket has been at (for transcript access).
    pub levels_seen: LevelSet,
    pub status: Status,
    pub assignee: Option<UserId>,
    /// The private thread in the support channel the user talks in.
    pub user_thread: Option<ChannelId>,
    /// The current case at `level` (None until the bot has posted it).
    pub case: Option<CaseThread>,
    /// Earlier cases, oldest first, for links both ways.
    pub previous_cases: Vec<CaseThread>,
    pub opened_at: DateTime<Utc>,
    /// When the ticket arrived at its current level (or was reopened).
    pub level_reached_at: DateTime<Utc>,
    /// First staff message in the user thread since `level_reached_at`.
    pub first_response_at: Option<DateTime<Utc>>,
    /// When the SLA reminder for the current level went out.
    pub sla_breached_at: Option<DateTime<Utc>>,
    pub resolve_requested_at: Option<DateTime<Utc>>,
    /// Staff asked the user to confirm closing (issue 14.5); cleared when
    /// answered, withdrawn, or the ticket moves on.
    pub close_requested_at: Option<DateTime<Utc>>,
    /// The topic and answers given when it opened (issue 14.1).
    pub intake: TicketIntake,
    pub closed_at: Option<DateTime<Utc>>,
    pub close_reason: Option<CloseReason>,
    /// The SLA clock at the current level, and waiting on the user.
    pub sla_clock: SlaClock,
    /// Bumped by every stored change; the store refuses a change based on
    /// an older version (optimistic concurrency).
    pub version: i64,
}

impl Ticket {
    pub fn is_closed(&self) -> bool {
        self.status == Status::Closed
    }

    /// The current case and every earlier one, oldest first.
    pub fn all_cases(&self) -> impl Iterator<Item = &CaseThread> {
        self.previous_cases.iter().chain(self.case.as_ref())
    }

    /// The levels the ticket went through, in order, a return counted
    /// again (L1 → L2 → L1): one step per case. A ticket without cases
    /// yet has only been where it is.
    pub fn level_path(&self) -> Vec<Level> {
        let mut path: Vec<Level> = Vec::new();
        for case in self.all_cases() {
            if path.last() != Some(&case.level) {
                path.push(case.level);
            }
        }
        if path.is_empty() {
            path.push(self.level);
        }
        path
    }
}

/// The longest question kept; Discord modals allow 4,000 characters.
pub const QUESTION_MAX_CHARS: usize = 4000;
/// Subjects are cut to this many characters (plus an ellipsis).
pub const SUBJECT_MAX_CHARS: usize = 80;

/// A ticket about to be opened: the store gives it an id and number.
#[derive(Debug, Clone, PartialEq)]
pub struct NewTicket {
    pub guild: GuildId,
    pub opener: UserId,
    pub subject: String,
    pub question: String,
    pub locale: Locale,
    pub priority: Priority,
    pub cues: Cues,
    pub source: TicketSource,
    /// The intake's topic and answers; empty until the bot sets them.
    pub intake: TicketIntake,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NewTicketError {
    #[error("the question is empty")]
    EmptyQuestion,
}

impl NewTicket {
    /// Prepares a ticket from a user's question: trims it (keeping at most
    /// [`QUESTION_MAX_CHARS`]), derives the subject and the urgency and
    /// frustration flags.
    pub fn new(
        guild: GuildId,
        opener: UserId,
        question: &str,
        locale: Locale,
        source: TicketSource,
    ) -> Result<NewTicket, NewTicketError> {
        let question: String = question.trim().chars().take(QUESTION_MAX_CHARS).collect();
        if question.is_empty() {
            return Err(NewTicketError::EmptyQuestion);
        }
        let cues = urgency::assess(&question);
        let priority = if cues.is_urgent() {
            Priority::Urgent
        } else {
            Priority::Normal
        };
        Ok(NewTicket {
            guild,
            opener,
            subject: subject_of(&question),
            question,
            locale,
            priority,
            cues,
            source,
            intake: TicketIntake::default(),
        })
    }
}

/// The first line of the question, cut at a word boundary to
/// [`SUBJECT_MAX_CHARS`] with an ellipsis when longer.
pub fn subject_of(question: &str) -> String {
    let line = question
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    if line.chars().count() <= SUBJECT_MAX_CHARS {
        return line.to_owned();
    }
    let cut: String = line.chars().take(SUBJECT_MAX_CHARS).collect();
    let at_word = match cut.rfind(char::is_whitespace) {
        Some(i) if i > SUBJECT_MAX_CHARS / 2 => &cut[..i],
        _ => &cut,
    };
    format!("{}…", at_word.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new(question: &str) -> Result<NewTicket, NewTicketError> {
        NewTicket::new(
            GuildId(1),
            UserId(2),
            question,
            Locale::En,
            TicketSource::Interaction(3),
        )
    }

    #[test]
    fn an_empty_question_opens_no_ticket() {
        assert_eq!(new("   \n "), Err(NewTicketError::EmptyQuestion));
    }

    #[test]
    fn an_urgent_question_makes_an_urgent_ticket() {
        let t = new("Production is down, urgent!").unwrap();
        assert_eq!(t.priority, Priority::Urgent);
        assert_eq!(t.cues.urgency, vec!["urgent", "is down"]);
    }

    #[test]
    fn a_long_question_is_kept_up_to_the_limit() {
        let t = new(&"a".repeat(QUESTION_MAX_CHARS + 10)).unwrap();
        assert_eq!(t.question.chars().count(), QUESTION_MAX_CHARS);
    }

    #[test]
    fn the_subject_is_the_first_line() {
        assert_eq!(subject_of("\n  Login fails \nmore details"), "Login fails");
    }

    #[test]
    fn a_long_subject_is_cut_at_a_word_with_an_ellipsis() {
        let q = "word ".repeat(40);
        let s = subject_of(&q);
        assert!(s.ends_with("word…"), "{s}");
        assert!(s.chars().count() <= SUBJECT_MAX_CHARS + 1);
    }

    #[test]
    fn a_source_round_trips_through_its_key() {
        for s in [
            TicketSource::L0Exchange(L0ExchangeId(17)),
            TicketSource::Interaction(u64::MAX),
            TicketSource::Message(MessageId(5)),
        ] {
            assert_eq!(TicketSource::parse(&s.key()), Some(s));
        }
        assert_eq!(TicketSource::parse("l0:x"), None);
    }

    #[test]
    fn the_level_path_counts_a_return_to_a_lower_level() {
        let mut t = crate::tickets::fixtures::ticket(Level::L1);
        let case = t.case.expect("the fixture has a case");
        t.previous_cases = vec![
            case,
            CaseThread {
                level: Level::L2,
                ..case
            },
        ];
        assert_eq!(t.level_path(), vec![Level::L1, Level::L2, Level::L1]);
        t.previous_cases.clear();
        t.case = None;
        assert_eq!(t.level_path(), vec![Level::L1]);
    }

    #[test]
    fn stored_names_round_trip() {
        for s in [Status::Open, Status::Resolving, Status::Closed] {
            assert_eq!(Status::parse(s.as_str()), Some(s));
        }
        for p in [Priority::Normal, Priority::Urgent] {
            assert_eq!(Priority::parse(p.as_str()), Some(p));
        }
        assert_eq!(CloseReason::parse("no_answer"), Some(CloseReason::NoAnswer));
    }
}
