//! Why an action was refused. Each variant carries what the person may be
//! told (the bot renders it in their language); none of it is secret.
//! `Display` gives the English sentence for logs and the command line.

use super::ids::UserId;
use super::level::Level;

/// Something done to a ticket (buttons and commands on a ticket).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TicketAction {
    Claim,
    Unclaim,
    Transfer,
    Escalate,
    Deescalate,
    Note,
    /// Ask the user "Did this solve it?" (`/resolve`).
    Resolve,
    /// Post a knowledge-base article into the user thread (`/kb send`).
    SendArticle,
    Close,
    Reopen,
    /// Answer "Did this solve it?" (Yes / No / rating).
    AnswerResolve,
    /// `/ticket info`.
    ViewInfo,
    ReadCaseThread,
    /// `/ticket transcript`.
    ReadTranscript,
}

/// Something done in a guild, not to one ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GuildAction {
    Ask,
    Open,
    KbSearch,
    /// `/ticket queue level`.
    ViewQueue(Level),
    ViewStats,
    Setup,
    /// `/setup show`: reading the settings, not changing them.
    ViewSetup,
    KbReload,
    /// `/block`, `/unblock`: keeping someone from opening tickets.
    Block,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Ticket(TicketAction),
    Guild(GuildAction),
}

/// Who may do a refused action (admins may do everything except answer
/// for the user). For "only L2 staff can claim this ticket".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Allowed {
    StaffOf(Level),
    /// Staff of this level or a higher one.
    StaffFrom(Level),
    OpenerOrStaffOf(Level),
    Opener,
    /// Staff of a level the ticket has been at.
    StaffWhoHandled,
    OpenerOrStaffWhoHandled,
    AnyStaff,
    Admins,
}

/// Longest note, summary or comment (a Discord message holds 2,000).
pub const TEXT_MAX_CHARS: usize = 2000;
/// Longest escalation reason: it heads the handoff digest.
pub const REASON_MAX_CHARS: usize = 1000;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("{action} is not yours to do: allowed for {allowed}")]
    NotAllowed { action: Action, allowed: Allowed },
    #[error("closed tickets can't be {}", past(*.action))]
    TicketClosed { action: TicketAction },
    #[error("the ticket is already closed")]
    AlreadyClosed,
    #[error("the ticket is not closed")]
    NotClosed,
    #[error("already claimed by {by}")]
    AlreadyClaimed { by: UserId },
    #[error("you have already claimed this ticket")]
    AlreadyYours,
    #[error("nobody has claimed this ticket")]
    NotClaimed,
    #[error("claimed by {by}; only they or an admin can do that")]
    ClaimedBySomeoneElse { by: UserId },
    #[error("{target} is not {level} staff")]
    TargetNotStaff { target: UserId, level: Level },
    #[error("the ticket is already assigned to {to}")]
    AlreadyAssigned { to: UserId },
    #[error("already at {}", Level::HIGHEST)]
    AlreadyAtTop,
    #[error("already at {}", Level::LOWEST)]
    AlreadyAtBottom,
    #[error("{requested} is not above {current}")]
    NotAHigherLevel { current: Level, requested: Level },
    #[error("{requested} is not below {current}")]
    NotALowerLevel { current: Level, requested: Level },
    #[error("a reason is required")]
    ReasonRequired,
    #[error("the text is empty")]
    EmptyText,
    #[error("the text is longer than {max} characters")]
    TextTooLong { max: usize },
    #[error("the user has already been asked to confirm")]
    AlreadyResolving,
    #[error("the ticket is not waiting for the user's confirmation")]
    NotAwaitingConfirmation,
    #[error("the reopen window of {days} days has passed")]
    ReopenWindowPassed { days: u32 },
    #[error("the ticket's thread was deleted; open a new ticket")]
    ThreadGone,
    #[error("the user has already been asked to confirm closing")]
    AlreadyCloseRequested,
    #[error("nobody asked to close this ticket (or it was kept open)")]
    NoCloseRequest,
}

fn past(action: TicketAction) -> &'static str {
    match action {
        TicketAction::Claim => "claimed",
        TicketAction::Unclaim => "unclaimed",
        TicketAction::Transfer => "transferred",
        TicketAction::Escalate => "escalated",
        TicketAction::Deescalate => "de-escalated",
        TicketAction::Note => "noted",
        TicketAction::Resolve => "resolved",
        TicketAction::SendArticle => "sent articles",
        TicketAction::Close => "closed",
        TicketAction::Reopen => "reopened",
        TicketAction::AnswerResolve => "confirmed",
        TicketAction::ViewInfo => "viewed",
        TicketAction::ReadCaseThread | TicketAction::ReadTranscript => "read",
    }
}

impl std::fmt::Display for Action {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = match self {
            Action::Ticket(a) => match a {
                TicketAction::Claim => "claim",
                TicketAction::Unclaim => "unclaim",
                TicketAction::Transfer => "transfer",
                TicketAction::Escalate => "escalate",
                TicketAction::Deescalate => "de-escalate",
                TicketAction::Note => "note",
                TicketAction::Resolve => "resolve",
                TicketAction::SendArticle => "send an article",
                TicketAction::Close => "close",
                TicketAction::Reopen => "reopen",
                TicketAction::AnswerResolve => "answer the resolution",
                TicketAction::ViewInfo => "view the ticket",
                TicketAction::ReadCaseThread => "read the case thread",
                TicketAction::ReadTranscript => "read the transcript",
            },
            Action::Guild(a) => match a {
                GuildAction::Ask => "ask",
                GuildAction::Open => "open a ticket",
                GuildAction::KbSearch => "search the knowledge base",
                GuildAction::ViewQueue(_) => "view the queue",
                GuildAction::ViewStats => "view statistics",
                GuildAction::Setup => "set up",
                GuildAction::ViewSetup => "view the setup",
                GuildAction::KbReload => "reload the knowledge base",
                GuildAction::Block => "block or unblock",
            },
        };
        f.write_str(s)
    }
}

impl std::fmt::Display for Allowed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Allowed::StaffOf(l) => write!(f, "{l} staff and admins"),
            Allowed::StaffFrom(l) => write!(f, "staff of {l} and above, and admins"),
            Allowed::OpenerOrStaffOf(l) => write!(f, "the ticket's author, {l} staff and admins"),
            Allowed::Opener => f.write_str("the ticket's author"),
            Allowed::StaffWhoHandled => f.write_str("staff of a level that handled it and admins"),
            Allowed::OpenerOrStaffWhoHandled => {
                f.write_str("the ticket's author, staff of a level that handled it and admins")
            }
            Allowed::AnyStaff => f.write_str("staff and admins"),
            Allowed::Admins => f.write_str("admins"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_read_as_sentences() {
        assert_eq!(
            Refusal::TicketClosed {
                action: TicketAction::Escalate
            }
            .to_string(),
            "closed tickets can't be escalated"
        );
        assert_eq!(Refusal::AlreadyAtTop.to_string(), "already at L4");
        assert_eq!(
            Refusal::ReopenWindowPassed { days: 7 }.to_string(),
            "the reopen window of 7 days has passed"
        );
        assert_eq!(
            Refusal::NotAllowed {
                action: Action::Ticket(TicketAction::Claim),
                allowed: Allowed::StaffOf(Level::L2)
            }
            .to_string(),
            "claim is not yours to do: allowed for L2 staff and admins"
        );
    }
}
