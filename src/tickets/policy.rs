//! Who may do what: the table of design.md, "Who may do what", as one pure
//! function. The bot checks it on the server side for every command and
//! every button (hidden UI is not a check). Transitions call it themselves,
//! so a transition can never run for someone the table refuses.
//!
//! | action | user (own ticket) | staff of the ticket's level | staff of another level | admin |
//! |---|---|---|---|---|
//! | ask, open | yes | yes | yes | yes |
//! | claim, unclaim, escalate, de-escalate, note, resolve, transfer | no | yes | no | yes |
//! | close | yes | yes | no | yes |
//! | read a case thread | no | its level's role only | no | yes |
//! | setup, kb reload | no | no | no | yes |
//!
//! Actions the table does not list follow its spirit: reopen as close;
//! sending an article as note; answering "Did this solve it?" only the
//! author (an admin's answer would distort the ratings); ticket info for
//! the author, staff of any level the ticket has been at, admins;
//! transcripts for staff of a level that handled it and admins (issue 5);
//! the queue of a level for its staff and the levels above (who see its
//! channel); kb search and stats for any staff.

use super::ids::UserId;
use super::level::{Level, LevelSet};
use super::refusal::{Action, Allowed, GuildAction, Refusal, TicketAction};
use super::ticket::Ticket;

/// The person acting, as the bot sees them in this guild.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub user: UserId,
    /// Holds the Manage Server permission.
    pub is_admin: bool,
    /// The levels whose role they hold.
    pub staff_levels: LevelSet,
}

impl Actor {
    /// A member with no staff role.
    pub fn member(user: UserId) -> Actor {
        Actor {
            user,
            is_admin: false,
            staff_levels: LevelSet::EMPTY,
        }
    }

    pub fn staff(user: UserId, levels: &[Level]) -> Actor {
        Actor {
            staff_levels: LevelSet::of(levels),
            ..Actor::member(user)
        }
    }

    pub fn admin(user: UserId) -> Actor {
        Actor {
            is_admin: true,
            ..Actor::member(user)
        }
    }

    pub fn is_staff_of(&self, level: Level) -> bool {
        self.staff_levels.contains(level)
    }

    pub fn is_staff(&self) -> bool {
        !self.staff_levels.is_empty()
    }

    fn handled(&self, ticket: &Ticket) -> bool {
        ticket.levels_seen.iter().any(|l| self.is_staff_of(l))
    }
}

/// Whether `actor` may learn that `ticket` exists: its author, any staff
/// (every level sees the help desk's channel, where every ticket starts)
/// and admins. Anyone else is answered as for a ticket that does not exist,
/// so a refusal never tells a member about another user's ticket.
pub fn may_know_of(actor: &Actor, ticket: &Ticket) -> bool {
    actor.is_admin || actor.is_staff() || actor.user == ticket.opener
}

/// May `actor` do `action` to `ticket`?
pub fn allows(action: TicketAction, actor: &Actor, ticket: &Ticket) -> Result<(), Refusal> {
    use TicketAction::*;
    let level = ticket.level;
    let is_opener = actor.user == ticket.opener;
    let (allowed, ok) = match action {
        Claim | Unclaim | Transfer | Escalate | Deescalate | Note | Resolve | SendArticle
        | ReadCaseThread => (Allowed::StaffOf(level), actor.is_staff_of(level)),
        Close | Reopen => (
            Allowed::OpenerOrStaffOf(level),
            is_opener || actor.is_staff_of(level),
        ),
        // Not even admins: the answer is the user's own verdict and rating.
        AnswerResolve => return verdict(Action::Ticket(action), Allowed::Opener, is_opener),
        ViewInfo => (
            Allowed::OpenerOrStaffWhoHandled,
            is_opener || actor.handled(ticket),
        ),
        ReadTranscript => (Allowed::StaffWhoHandled, actor.handled(ticket)),
    };
    verdict(Action::Ticket(action), allowed, ok || actor.is_admin)
}

/// May `actor` do `action`, which concerns no particular ticket?
pub fn allows_in_guild(action: GuildAction, actor: &Actor) -> Result<(), Refusal> {
    let (allowed, ok) = match action {
        GuildAction::Ask | GuildAction::Open => return Ok(()),
        GuildAction::KbSearch | GuildAction::ViewStats => (Allowed::AnyStaff, actor.is_staff()),
        // Staff meet spam and abuse first; admins may lift any block too.
        GuildAction::Block => (Allowed::AnyStaff, actor.is_staff()),
        // As Discord shows a level's channel to the levels above it.
        GuildAction::ViewQueue(level) => (
            Allowed::StaffFrom(level),
            actor.staff_levels.iter().any(|l| l >= level),
        ),
        GuildAction::Setup | GuildAction::ViewSetup | GuildAction::KbReload => {
            (Allowed::Admins, false)
        }
    };
    verdict(Action::Guild(action), allowed, ok || actor.is_admin)
}

fn verdict(action: Action, allowed: Allowed, ok: bool) -> Result<(), Refusal> {
    if ok {
        Ok(())
    } else {
        Err(Refusal::NotAllowed { action, allowed })
    }
}

#[cfg(test)]
#[path = "policy_tests.rs"]
mod tests;
