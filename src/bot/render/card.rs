//! The case card: the staff-facing summary of a ticket at the head of its
//! case thread, edited (never re-posted) as the ticket changes, with
//! buttons for the frequent actions.

use crate::bot::mentions;
use poise::serenity_prelude::{ButtonStyle, CreateActionRow, CreateButton, CreateEmbed};

use super::{clip, intake, level_name, priority_name, quote, status_name, when};
use crate::bot::ids::ComponentId;
use crate::i18n::Locale;
use crate::tickets::{Level, Priority, Status, Ticket};
use crate::tr;

const OPEN_COLOUR: u32 = 0x5865F2;
const URGENT_COLOUR: u32 = 0xED4245;
const RESOLVING_COLOUR: u32 = 0xFEE75C;
const CLOSED_COLOUR: u32 = 0x99AAB5;

pub fn embed(locale: Locale, t: &Ticket) -> CreateEmbed {
    let colour = match (t.status, t.priority) {
        (Status::Closed, _) => CLOSED_COLOUR,
        (Status::Resolving, _) => RESOLVING_COLOUR,
        (_, Priority::Urgent) => URGENT_COLOUR,
        _ => OPEN_COLOUR,
    };
    let assignee = match t.assignee {
        Some(u) => mentions::user_tag(u),
        None => tr!(locale, "card-nobody"),
    };
    let mut e = head(locale, t)
        .colour(colour)
        .field(tr!(locale, "card-user"), mentions::user_tag(t.opener), true)
        .field(
            tr!(locale, "card-level"),
            format!("{} · {}", t.level, level_name(locale, t.level)),
            true,
        )
        .field(tr!(locale, "card-status"), status_text(locale, t), true)
        .field(
            tr!(locale, "card-priority"),
            priority_name(locale, t.priority),
            true,
        )
        .field(tr!(locale, "card-assignee"), assignee, true)
        .field(tr!(locale, "card-opened"), when(t.opened_at, 'R'), true);
    if let Some(thread) = t.user_thread {
        e = e.field(
            tr!(locale, "card-user-thread"),
            mentions::channel_tag(thread),
            true,
        );
    }
    if t.cues.is_urgent() || t.cues.is_frustrated() {
        let cues: Vec<String> = t
            .cues
            .urgency
            .iter()
            .chain(t.cues.frustration.iter())
            .map(|c| format!("“{c}”"))
            .collect();
        e = e.field(
            tr!(locale, "card-cues"),
            clip(&cues.join(", "), 1024),
            false,
        );
    }
    e = with_intake(locale, e, t);
    if let Some(asked) = t.close_requested_at.filter(|_| t.status == Status::Open) {
        e = e.field(
            tr!(locale, "card-close-requested"),
            tr!(locale, "card-close-requested-at", when = when(asked, 'R')),
            false,
        );
    }
    e
}

/// The intake's topic (with its team) and answers (issue 14.1).
fn with_intake(locale: Locale, mut e: CreateEmbed, t: &Ticket) -> CreateEmbed {
    if let Some(topic) = intake::topic_line(&t.intake, true) {
        e = e.field(tr!(locale, "card-topic"), topic, true);
    }
    if let Some(answers) = intake::answers_text(&t.intake, 1024) {
        e = e.field(tr!(locale, "card-intake"), answers, false);
    }
    e
}

/// The status, or whom the ticket waits on: staff read at a glance that
/// the SLA clock is stopped.
fn status_text(locale: Locale, t: &Ticket) -> String {
    match (t.is_waiting_on_user(), t.sla_clock.waiting_since) {
        (true, Some(since)) => tr!(locale, "card-waiting-on-user", since = when(since, 'R')),
        _ => status_name(locale, t.status),
    }
}

/// The buttons for the ticket's state: none once closed.
pub fn buttons(locale: Locale, t: &Ticket) -> Vec<CreateActionRow> {
    if t.status == Status::Closed {
        return Vec::new();
    }
    let mut row = Vec::new();
    if t.assignee.is_none() {
        row.push(
            CreateButton::new(ComponentId::Claim(t.id).to_string())
                .label(tr!(locale, "button-claim"))
                .style(ButtonStyle::Success),
        );
    } else {
        row.push(
            CreateButton::new(ComponentId::Unclaim(t.id).to_string())
                .label(tr!(locale, "button-unclaim"))
                .style(ButtonStyle::Secondary),
        );
    }
    if t.level != Level::L4 {
        row.push(
            CreateButton::new(ComponentId::Escalate(t.id).to_string())
                .label(tr!(locale, "button-escalate"))
                .style(ButtonStyle::Primary),
        );
    }
    row.push(
        CreateButton::new(ComponentId::Note(t.id).to_string())
            .label(tr!(locale, "button-note"))
            .style(ButtonStyle::Secondary),
    );
    if t.status == Status::Open {
        row.push(
            CreateButton::new(ComponentId::Resolve(t.id).to_string())
                .label(tr!(locale, "button-resolve"))
                .style(ButtonStyle::Success),
        );
    }
    row.push(
        CreateButton::new(ComponentId::Close(t.id).to_string())
            .label(tr!(locale, "button-close"))
            .style(ButtonStyle::Danger),
    );
    let mut rows = vec![CreateActionRow::Buttons(row)];
    // A row of its own: the first holds Discord's five buttons already.
    if t.status == Status::Open && t.close_requested_at.is_none() {
        rows.push(CreateActionRow::Buttons(vec![CreateButton::new(
            ComponentId::CloseRequest(t.id).to_string(),
        )
        .label(tr!(locale, "button-close-request"))
        .style(ButtonStyle::Secondary)]));
    }
    rows
}

/// The card of a case the ticket has left: where it went, no buttons.
pub fn moved_embed(locale: Locale, t: &Ticket, from: Level, to_thread: Option<u64>) -> CreateEmbed {
    let whereto = match to_thread {
        Some(th) => tr!(
            locale,
            "card-moved-to",
            level = t.level.to_string(),
            thread = mentions::channel_tag(th)
        ),
        None => tr!(locale, "card-moved-to-level", level = t.level.to_string()),
    };
    head(locale, t)
        .colour(CLOSED_COLOUR)
        .field(tr!(locale, "card-user"), mentions::user_tag(t.opener), true)
        .field(tr!(locale, "card-level"), from.to_string(), true)
        .field(tr!(locale, "card-status"), whereto, false)
}

/// What every card starts with: the number, the subject, the question.
fn head(locale: Locale, t: &Ticket) -> CreateEmbed {
    let title = tr!(
        locale,
        "card-title",
        number = t.number.to_string(),
        subject = t.subject.clone()
    );
    CreateEmbed::new()
        .title(clip(&title, 256))
        .description(clip(&quote(&t.question), 1500))
}
