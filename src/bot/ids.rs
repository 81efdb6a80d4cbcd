//! Custom ids of buttons and modals. They carry everything needed to act
//! (the ticket or L0 exchange id), so cards and answers posted before a
//! restart keep working: nothing is looked up in memory.
//!
//! Form: `sl:<verb>[:<number>[:<number>]]`, at most 100 characters as
//! Discord allows.

use std::fmt;

use crate::tickets::{L0ExchangeId, TicketId};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ComponentId {
    /// "Solved" under an L0 answer.
    Solved(L0ExchangeId),
    /// "Talk to a human" under an L0 answer.
    Human(L0ExchangeId),
    /// A candidate article offered under an unsure L0 answer (its index).
    Candidate(L0ExchangeId, u8),
    /// "Get help" on the panel: opens the question modal.
    PanelAsk,
    /// The panel's question modal.
    PanelForm,
    Claim(TicketId),
    Unclaim(TicketId),
    /// Opens the escalation modal.
    Escalate(TicketId),
    EscalateForm(TicketId),
    Note(TicketId),
    NoteForm(TicketId),
    Close(TicketId),
    CloseForm(TicketId),
    Resolve(TicketId),
    ResolveForm(TicketId),
    /// The user's answers to "Did this solve it?".
    ResolvedYes(TicketId),
    ResolvedNo(TicketId),
    Rate(TicketId, u8),
    RateForm(TicketId, u8),
    /// The intake's topic menu, for an opening's draft (issue 14.1).
    Topic(i64),
    /// The intake's questions form, for an opening's draft.
    IntakeForm(i64),
    /// "Ask to close" on the case card (issue 14.5).
    CloseRequest(TicketId),
    /// The answers to a close request in the user thread.
    CloseAccept(TicketId),
    KeepOpen(TicketId),
}

const PREFIX: &str = "sl";

impl ComponentId {
    pub fn parse(custom_id: &str) -> Option<ComponentId> {
        let mut parts = custom_id.split(':');
        if parts.next()? != PREFIX {
            return None;
        }
        let verb = parts.next()?;
        let a: Option<i64> = parts.next().and_then(|p| p.parse().ok());
        let b: Option<u8> = parts.next().and_then(|p| p.parse().ok());
        if parts.next().is_some() {
            return None;
        }
        let t = || a.map(TicketId);
        let x = || a.map(L0ExchangeId);
        use ComponentId::*;
        Some(match verb {
            "solved" => Solved(x()?),
            "human" => Human(x()?),
            "cand" => Candidate(x()?, b?),
            "panel" => PanelAsk,
            "panelf" => PanelForm,
            "claim" => Claim(t()?),
            "unclaim" => Unclaim(t()?),
            "esc" => Escalate(t()?),
            "escf" => EscalateForm(t()?),
            "note" => Note(t()?),
            "notef" => NoteForm(t()?),
            "close" => Close(t()?),
            "closef" => CloseForm(t()?),
            "resolve" => Resolve(t()?),
            "resolvef" => ResolveForm(t()?),
            "yes" => ResolvedYes(t()?),
            "no" => ResolvedNo(t()?),
            "rate" => Rate(t()?, b.filter(|n| (1..=5).contains(n))?),
            "ratef" => RateForm(t()?, b.filter(|n| (1..=5).contains(n))?),
            "topic" => Topic(a?),
            "intakef" => IntakeForm(a?),
            "closereq" => CloseRequest(t()?),
            "closeyes" => CloseAccept(t()?),
            "keepopen" => KeepOpen(t()?),
            _ => return None,
        })
    }
}

impl fmt::Display for ComponentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ComponentId::*;
        match self {
            Solved(x) => write!(f, "{PREFIX}:solved:{}", x.0),
            Human(x) => write!(f, "{PREFIX}:human:{}", x.0),
            Candidate(x, i) => write!(f, "{PREFIX}:cand:{}:{i}", x.0),
            PanelAsk => write!(f, "{PREFIX}:panel"),
            PanelForm => write!(f, "{PREFIX}:panelf"),
            Claim(t) => write!(f, "{PREFIX}:claim:{}", t.0),
            Unclaim(t) => write!(f, "{PREFIX}:unclaim:{}", t.0),
            Escalate(t) => write!(f, "{PREFIX}:esc:{}", t.0),
            EscalateForm(t) => write!(f, "{PREFIX}:escf:{}", t.0),
            Note(t) => write!(f, "{PREFIX}:note:{}", t.0),
            NoteForm(t) => write!(f, "{PREFIX}:notef:{}", t.0),
            Close(t) => write!(f, "{PREFIX}:close:{}", t.0),
            CloseForm(t) => write!(f, "{PREFIX}:closef:{}", t.0),
            Resolve(t) => write!(f, "{PREFIX}:resolve:{}", t.0),
            ResolveForm(t) => write!(f, "{PREFIX}:resolvef:{}", t.0),
            ResolvedYes(t) => write!(f, "{PREFIX}:yes:{}", t.0),
            ResolvedNo(t) => write!(f, "{PREFIX}:no:{}", t.0),
            Rate(t, n) => write!(f, "{PREFIX}:rate:{}:{n}", t.0),
            RateForm(t, n) => write!(f, "{PREFIX}:ratef:{}:{n}", t.0),
            Topic(d) => write!(f, "{PREFIX}:topic:{d}"),
            IntakeForm(d) => write!(f, "{PREFIX}:intakef:{d}"),
            CloseRequest(t) => write!(f, "{PREFIX}:closereq:{}", t.0),
            CloseAccept(t) => write!(f, "{PREFIX}:closeyes:{}", t.0),
            KeepOpen(t) => write!(f, "{PREFIX}:keepopen:{}", t.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_survives_a_round_trip() {
        let t = TicketId(42);
        let x = L0ExchangeId(7);
        use ComponentId::*;
        for id in [
            Solved(x),
            Human(x),
            Candidate(x, 2),
            PanelAsk,
            PanelForm,
            Claim(t),
            Unclaim(t),
            Escalate(t),
            EscalateForm(t),
            Note(t),
            NoteForm(t),
            Close(t),
            CloseForm(t),
            Resolve(t),
            ResolveForm(t),
            ResolvedYes(t),
            ResolvedNo(t),
            Rate(t, 5),
            RateForm(t, 1),
            Topic(3),
            IntakeForm(3),
            CloseRequest(t),
            CloseAccept(t),
            KeepOpen(t),
        ] {
            assert_eq!(ComponentId::parse(&id.to_string()), Some(id), "{id}");
        }
    }

    #[test]
    fn foreign_or_broken_ids_are_ignored() {
        for raw in [
            "",
            "wave",
            "sl",
            "sl:claim",
            "sl:claim:x",
            "sl:rate:1:9",
            "sl:claim:1:2:3",
            "other:claim:1",
        ] {
            assert_eq!(ComponentId::parse(raw), None, "{raw}");
        }
    }
}
