//! What the user is told in their thread: moves, closing, reopening,
//! the waiting reminder, and the "is it resolved?" question.

use poise::serenity_prelude::CreateMessage;

use super::{tolerate_gone, Run};
use crate::bot::error::{BotError, Say};
use crate::bot::flows::resolve;
use crate::bot::mentions;
use crate::bot::render::{clip, duration, level_name, quote, when};
use crate::tickets::{GuildSettings, Ticket, UserNews};
use crate::tr;

pub(super) async fn tell_user(
    run: &mut Run<'_>,
    t: &Ticket,
    news: &UserNews,
) -> Result<(), BotError> {
    let Some(thread) = t.user_thread else {
        return Ok(());
    };
    let l = t.locale;
    let text = match news {
        UserNews::Moved { level, up } => {
            let key = if *up {
                "user-escalated"
            } else {
                "user-deescalated"
            };
            Say::new(key)
                .arg("level", level_name(l, *level))
                .arg("sla", duration(l, run.settings.level(*level).sla))
                .text(l)
        }
        UserNews::Closed { by, reason } => {
            // The thread is locked and archived next: no command runs and no
            // button can be clicked there (not even by admins), so the user
            // is told the exact command and where it works.
            let key = if by.is_some() {
                "user-closed"
            } else {
                "user-auto-closed"
            };
            let channel = run
                .settings
                .support_channel
                .map(mentions::channel_tag)
                .unwrap_or_default();
            let mut text = Say::new(key)
                .arg("by", by.map(mentions::user_tag).unwrap_or_default())
                .count("days", run.settings.reopen_days)
                .arg("number", t.number.0)
                .arg("channel", channel)
                .text(l);
            if let Some(r) = reason.as_deref().filter(|r| !r.trim().is_empty()) {
                text.push('\n');
                text.push_str(&quote(&clip(r, 1000)));
            }
            text
        }
        UserNews::Reopened => tr!(l, "user-reopened"),
        UserNews::CaseLost => tr!(l, "user-case-lost"),
        UserNews::WaitingReminder => waiting_reminder(&run.settings, t),
    };
    // Only the reminder pings (the user is the one it is for).
    let allowed = match news {
        UserNews::WaitingReminder => mentions::users([t.opener.0]),
        _ => mentions::nobody(),
    };
    let message = CreateMessage::new()
        .content(clip(&text, 2000))
        .allowed_mentions(allowed);
    match run.send_once("u", thread.0, message).await {
        Err(e) if t.is_closed() => tolerate_gone(e),
        other => other,
    }
}

/// "We are waiting for your answer", with when the ticket closes if the
/// server closes silent tickets.
fn waiting_reminder(settings: &GuildSettings, t: &Ticket) -> String {
    let user = mentions::user_tag(t.opener);
    let closes = settings
        .service
        .close_after()
        .zip(t.sla_clock.waiting_since)
        .map(|(after, since)| since + after);
    match closes {
        Some(at) => tr!(
            t.locale,
            "waiting-reminder-closes",
            user = user,
            when = when(at, 'F')
        ),
        None => tr!(t.locale, "waiting-reminder", user = user),
    }
}

pub(super) async fn ask_resolve(
    run: &mut Run<'_>,
    t: &Ticket,
    summary: Option<&str>,
) -> Result<(), BotError> {
    let Some(thread) = t.user_thread else {
        return Ok(());
    };
    let mut text = tr!(
        t.locale,
        "resolve-question",
        user = mentions::user_tag(t.opener),
        hours = run.settings.auto_close_hours
    );
    if let Some(s) = summary.filter(|s| !s.trim().is_empty()) {
        text = format!("{}\n\n{text}", quote(&clip(s, 1500)));
    }
    let message = CreateMessage::new()
        .content(clip(&text, 2000))
        .components(resolve::question_buttons(t.locale, t))
        .allowed_mentions(mentions::users([t.opener.0]));
    run.send_once("q", thread.0, message).await
}
