//! What staff are told in the case thread: each change of the ticket
//! as a line, and the SLA reminder pinging the level's role.

use poise::serenity_prelude::CreateMessage;

use super::{tolerate_gone, Run};
use crate::bot::error::{BotError, Say};
use crate::bot::mentions;
use crate::bot::render::{clip, duration, quote};
use crate::tickets::{CaseNote, Level, Ticket, UserId};
use crate::tr;

pub(super) async fn case_note(
    run: &mut Run<'_>,
    t: &Ticket,
    note: &CaseNote,
) -> Result<(), BotError> {
    let Some(case) = t.case else {
        return Ok(());
    };
    let staff = run.staff();
    let user = |u: UserId| mentions::user_tag(u);
    let mut pings = mentions::nobody();
    let text = match note {
        CaseNote::Claimed { by } => tr!(staff, "case-claimed", by = user(*by)),
        CaseNote::Unclaimed { by } => tr!(staff, "case-unclaimed", by = user(*by)),
        CaseNote::Transferred { by, to } => {
            tr!(staff, "case-transferred", by = user(*by), to = user(*to))
        }
        CaseNote::Note { by, text } => {
            tr!(staff, "case-note", by = user(*by), text = clip(text, 1800))
        }
        CaseNote::ResolveAsked { by } => tr!(staff, "case-resolve-asked", by = user(*by)),
        CaseNote::Confirmed { rating, comment } => {
            let stars = rating
                .map(|r| "★".repeat(usize::from(r.get())))
                .unwrap_or_default();
            // No rating, no stars: nor the space before them.
            let text = tr!(staff, "case-confirmed", stars = stars);
            with_quote(text.trim_end().to_owned(), comment)
        }
        CaseNote::BackToAssignee {
            assignee,
            comment,
            replied,
        } => {
            let key = if *replied {
                "case-replied"
            } else {
                "case-rejected"
            };
            let who = assignee.map(user).unwrap_or_default();
            if let Some(a) = assignee {
                pings = mentions::users([a.0]);
            }
            let text = Say::new(key).arg("assignee", who).text(staff);
            with_quote(text.trim_start().to_owned(), comment)
        }
        CaseNote::Closed { by: Some(by) } => tr!(staff, "case-closed", by = user(*by)),
        CaseNote::Closed { by: None } => tr!(staff, "case-auto-closed"),
        CaseNote::Reopened { by } => tr!(staff, "case-reopened", by = user(*by)),
        CaseNote::UserThreadLost => tr!(staff, "case-user-thread-lost"),
        CaseNote::CloseAsked { by } => tr!(
            staff,
            "case-close-asked",
            by = user(*by),
            hours = run.settings.close_request_hours
        ),
        CaseNote::KeptOpen { by, replied: true } => {
            tr!(staff, "case-kept-open-replied", by = user(*by))
        }
        CaseNote::KeptOpen { by, replied: false } => tr!(staff, "case-kept-open", by = user(*by)),
    };
    let message = CreateMessage::new()
        .content(clip(&text, 2000))
        .allowed_mentions(pings);
    match run.send_once("n", case.thread.0, message).await {
        Err(e) if t.is_closed() => tolerate_gone(e),
        other => other,
    }
}

fn with_quote(mut text: String, comment: &Option<String>) -> String {
    if let Some(c) = comment.as_deref().filter(|c| !c.trim().is_empty()) {
        text.push('\n');
        text.push_str(&quote(&clip(c, 1500)));
    }
    text
}

/// The reminder in the case at `level`, pinging its role: once, as the
/// nonce makes a repeat the same message.
pub(super) async fn sla_reminder(
    run: &mut Run<'_>,
    t: &Ticket,
    level: Level,
) -> Result<(), BotError> {
    let (Some(case), Some(role)) = (t.case, run.settings.level(level).role) else {
        return Ok(());
    };
    if t.is_closed() || case.level != level {
        return Ok(());
    }
    let staff = run.staff();
    let text = tr!(
        staff,
        "sla-reminder",
        role = mentions::role_tag(role.0),
        number = t.number.to_string(),
        level = level.to_string(),
        sla = duration(staff, run.settings.level(level).sla)
    );
    let message = CreateMessage::new()
        .content(text)
        .allowed_mentions(mentions::role(role.0));
    run.send_once("r", case.thread.0, message).await
}
