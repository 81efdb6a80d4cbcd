//! Why an action was refused, in the person's language.

use crate::bot::mentions;
use crate::i18n::Locale;
use crate::tickets::{Action, Allowed, GuildAction, Refusal, TicketAction};
use crate::tr;

pub fn text(locale: Locale, refusal: &Refusal) -> String {
    match refusal {
        Refusal::NotAllowed { action, allowed } => tr!(
            locale,
            "refusal-not-allowed",
            action = action_name(locale, action),
            allowed = allowed_name(locale, allowed)
        ),
        Refusal::TicketClosed { .. } => tr!(locale, "refusal-ticket-closed"),
        Refusal::AlreadyClosed => tr!(locale, "refusal-already-closed"),
        Refusal::NotClosed => tr!(locale, "refusal-not-closed"),
        Refusal::AlreadyClaimed { by } => {
            tr!(
                locale,
                "refusal-already-claimed",
                by = mentions::user_tag(by)
            )
        }
        Refusal::AlreadyYours => tr!(locale, "refusal-already-yours"),
        Refusal::NotClaimed => tr!(locale, "refusal-not-claimed"),
        Refusal::ClaimedBySomeoneElse { by } => {
            tr!(
                locale,
                "refusal-claimed-by-other",
                by = mentions::user_tag(by)
            )
        }
        Refusal::TargetNotStaff { target, level } => tr!(
            locale,
            "refusal-target-not-staff",
            target = mentions::user_tag(target),
            level = level.to_string()
        ),
        Refusal::AlreadyAssigned { to } => {
            tr!(
                locale,
                "refusal-already-assigned",
                to = mentions::user_tag(to)
            )
        }
        Refusal::AlreadyAtTop => tr!(locale, "refusal-at-top"),
        Refusal::AlreadyAtBottom => tr!(locale, "refusal-at-bottom"),
        Refusal::NotAHigherLevel { current, requested } => tr!(
            locale,
            "refusal-not-higher",
            current = current.to_string(),
            requested = requested.to_string()
        ),
        Refusal::NotALowerLevel { current, requested } => tr!(
            locale,
            "refusal-not-lower",
            current = current.to_string(),
            requested = requested.to_string()
        ),
        Refusal::ReasonRequired => tr!(locale, "refusal-reason-required"),
        Refusal::EmptyText => tr!(locale, "refusal-empty-text"),
        Refusal::TextTooLong { max } => tr!(locale, "refusal-text-too-long", max = *max),
        Refusal::AlreadyResolving => tr!(locale, "refusal-already-resolving"),
        Refusal::NotAwaitingConfirmation => tr!(locale, "refusal-not-awaiting"),
        Refusal::ReopenWindowPassed { days } => {
            tr!(locale, "refusal-reopen-window", days = *days)
        }
        Refusal::ThreadGone => tr!(locale, "refusal-thread-gone"),
        Refusal::AlreadyCloseRequested => tr!(locale, "refusal-already-close-requested"),
        Refusal::NoCloseRequest => tr!(locale, "refusal-no-close-request"),
    }
}

fn action_name(locale: Locale, action: &Action) -> String {
    match action {
        Action::Ticket(a) => match a {
            TicketAction::Claim => tr!(locale, "action-claim"),
            TicketAction::Unclaim => tr!(locale, "action-unclaim"),
            TicketAction::Transfer => tr!(locale, "action-transfer"),
            TicketAction::Escalate => tr!(locale, "action-escalate"),
            TicketAction::Deescalate => tr!(locale, "action-deescalate"),
            TicketAction::Note => tr!(locale, "action-note"),
            TicketAction::Resolve => tr!(locale, "action-resolve"),
            TicketAction::SendArticle => tr!(locale, "action-send-article"),
            TicketAction::Close => tr!(locale, "action-close"),
            TicketAction::Reopen => tr!(locale, "action-reopen"),
            TicketAction::AnswerResolve => tr!(locale, "action-answer-resolve"),
            TicketAction::ViewInfo => tr!(locale, "action-view-info"),
            TicketAction::ReadCaseThread => tr!(locale, "action-read-case"),
            TicketAction::ReadTranscript => tr!(locale, "action-read-transcript"),
        },
        Action::Guild(a) => match a {
            GuildAction::Ask => tr!(locale, "action-ask"),
            GuildAction::Open => tr!(locale, "action-open"),
            GuildAction::KbSearch => tr!(locale, "action-kb-search"),
            GuildAction::ViewQueue(_) => tr!(locale, "action-view-queue"),
            GuildAction::ViewStats => tr!(locale, "action-view-stats"),
            GuildAction::Setup => tr!(locale, "action-setup"),
            GuildAction::ViewSetup => tr!(locale, "action-view-setup"),
            GuildAction::KbReload => tr!(locale, "action-kb-reload"),
            GuildAction::Block => tr!(locale, "action-block"),
        },
    }
}

fn allowed_name(locale: Locale, allowed: &Allowed) -> String {
    match allowed {
        Allowed::StaffOf(l) => tr!(locale, "allowed-staff-of", level = l.to_string()),
        Allowed::StaffFrom(l) => tr!(locale, "allowed-staff-from", level = l.to_string()),
        Allowed::OpenerOrStaffOf(l) => {
            tr!(locale, "allowed-opener-or-staff-of", level = l.to_string())
        }
        Allowed::Opener => tr!(locale, "allowed-opener"),
        Allowed::StaffWhoHandled => tr!(locale, "allowed-staff-who-handled"),
        Allowed::OpenerOrStaffWhoHandled => tr!(locale, "allowed-opener-or-staff-who-handled"),
        Allowed::AnyStaff => tr!(locale, "allowed-any-staff"),
        Allowed::Admins => tr!(locale, "allowed-admins"),
    }
}
