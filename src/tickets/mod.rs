//! The ticket domain: levels, tickets, their timeline, the transitions
//! between states, who may do what, guild settings, timers, handoff
//! digests and statistics. No Discord, no SQL, no async: everything here is
//! a pure function of its arguments and is tested as such.
//!
//! The pattern: a transition (`transitions::claim`, `lifecycle::close`, …)
//! *decides* — it checks [`policy`] and the ticket's state and returns the
//! [`TicketEvent`]s to append or a [`Refusal`]; [`Ticket::apply`]
//! *evolves* the ticket by those events; the store persists both with one
//! conditional update (`store::Store::transition`), together with the
//! Discord steps those events need ([`effects::needed`], the outbox).
//!
//! A ticket remembers which language to speak to its author ([`Locale`], a
//! plain language tag; the catalogue in `i18n` speaks it).

pub mod blocklist;
pub mod close_request;
pub mod effects;
pub mod event;
pub mod handoff;
pub mod hours;
pub mod ids;
pub mod intake;
pub mod ladder;
pub mod level;
pub mod lifecycle;
pub mod locale;
pub mod policy;
pub mod refusal;
pub mod service;
pub mod settings;
pub mod stats;
pub mod stats_time;
pub mod ticket;
pub mod timers;
pub mod transcript;
pub mod transitions;
pub mod urgency;
pub mod waiting;

#[cfg(test)]
pub(crate) mod fixtures;

pub use blocklist::{Block, BlockTarget};
pub use close_request::{accept_close, close_request_due, keep_open, request_close};
pub use effects::{CaseNote, CaseRef, Effect, UserNews};
pub use event::{EventKind, Rating, ThreadRole, TicketEvent};
pub use handoff::{HandoffDigest, Quote};
pub use hours::{HoursError, WorkingHours};
pub use ids::{
    ChannelId, EffectId, EventId, GuildId, L0ExchangeId, MessageId, RoleId, TicketId, TicketNumber,
    TimerId, UserId,
};
pub use intake::{IntakeAnswer, IntakeQuestion, IntakeSettings, TicketIntake, Topic};
pub use ladder::{check_channel, check_visibility, ChannelUse, LadderProblem, Visibility};
pub use level::{Direction, Level, LevelSet};
pub use lifecycle::{
    auto_close, close, confirm, first_response, reject, reopen, request_resolve, sla_breach,
    sla_breach_during, thread_lost, user_replied,
};
pub use locale::Locale;
pub use policy::{allows, allows_in_guild, may_know_of, Actor};
pub use refusal::{Action, Allowed, GuildAction, Refusal, TicketAction};
pub use service::{retry_at, ServiceError, ServiceSettings};
pub use settings::{GuildSettings, LevelSettings, Missing, SettingsError};
pub use stats::TicketStats;
pub use ticket::{
    CaseThread, CloseReason, NewTicket, NewTicketError, Priority, Status, Ticket, TicketSource,
};
pub use timers::{PlannedTimer, TimerKind};
pub use transcript::{readable_by, Attachment, EntryKind, TranscriptEntry};
pub use transitions::{
    claim, deescalate, escalate, note, repeats_last_note, transfer, unclaim, Decision,
};
pub use urgency::Cues;
pub use waiting::{close_waiting, remind_waiting, user_answered, wait_on_user, SlaClock};
