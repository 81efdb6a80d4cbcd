//! A ticket's transcript as one self-contained HTML page: inline CSS, no
//! scripts, no fonts or images from elsewhere, readable on a phone. Every
//! piece of text from Discord is escaped, since users can type `<script>`.
//!
//! The page is chronological across the user thread and every case
//! thread; each message says which thread it was in, and internal notes
//! and level changes are marked so a reader never mistakes a note for
//! something the user saw.

use std::fmt::Write;

use serde_json::Value;

use crate::i18n::Locale;
use crate::tickets::{
    Attachment, ChannelId, EntryKind, EventKind, Rating, Status, Ticket, TicketEvent,
    TranscriptEntry, UserId,
};
use crate::tr;

use super::format::date_time;
use super::mentions::Mention;

const STYLE: &str = "\
*{box-sizing:border-box}\
body{margin:0;padding:12px;font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;\
color:#1f2328;background:#f6f7f9}\
main{max-width:760px;margin:0 auto}\
header{background:#fff;border:1px solid #d8dee4;border-radius:8px;padding:12px 16px;margin-bottom:12px}\
h1{font-size:1.2em;margin:0 0 8px;overflow-wrap:anywhere}\
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0}\
dt{color:#57606a}dd{margin:0;overflow-wrap:anywhere}\
article{background:#fff;border:1px solid #d8dee4;border-radius:8px;padding:8px 12px;margin:8px 0}\
article.note{background:#fff8c5;border-color:#d4a72c}\
article.level-change{background:#ddf4ff;border-color:#54aeff}\
article.bot{background:#f6f8fa}\
.meta{display:flex;flex-wrap:wrap;gap:4px 8px;align-items:baseline;font-size:.85em;color:#57606a}\
.author{font-weight:600;color:#1f2328}\
.badge{display:inline-block;padding:0 6px;border-radius:10px;font-size:.8em;font-weight:600;\
background:#eaeef2;color:#1f2328}\
.note .badge.kind{background:#d4a72c;color:#fff}\
.level-change .badge.kind{background:#0969da;color:#fff}\
.content{white-space:pre-wrap;overflow-wrap:anywhere;margin-top:4px}\
.embed{border-left:4px solid #8c959f;background:#f6f8fa;padding:6px 10px;margin-top:6px;\
white-space:pre-wrap;overflow-wrap:anywhere}\
.embed b{display:block}\
.files{margin:6px 0 0;padding-left:20px;font-size:.9em}\
footer{color:#57606a;font-size:.85em;text-align:center;margin:12px 0}\
";

/// The transcript page. `names` gives a display name for a user id (the
/// opener and assignee in the header; messages carry their own names);
/// `rating` is the user's latest rating, if any (see [`rating_of`]).
pub fn render(
    ticket: &Ticket,
    rating: Option<Rating>,
    entries: &[TranscriptEntry],
    names: &dyn Fn(UserId) -> String,
    locale: Locale,
) -> String {
    let title = tr!(
        locale,
        "transcript-title",
        number = ticket.number.to_string(),
        subject = ticket.subject.as_str()
    );
    let mut page = String::with_capacity(4_096 + entries.len() * 512);
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
        locale.code(),
        escape(&title)
    );
    header(&mut page, &title, ticket, rating, names, locale);
    if entries.is_empty() {
        let _ = writeln!(page, "<p>{}</p>", escape(&tr!(locale, "transcript-empty")));
    }
    for entry in entries {
        message(&mut page, ticket, entry, names, locale);
    }
    let _ = write!(
        page,
        "<footer>{}</footer>\n</main>\n</body>\n</html>\n",
        escape(&tr!(locale, "transcript-footer", count = entries.len()))
    );
    page
}

/// The rating of the latest rated confirmation among a ticket's events
/// (oldest first), e.g. `rating_of(stored.iter().map(|s| &s.event))`.
pub fn rating_of<'a>(events: impl IntoIterator<Item = &'a TicketEvent>) -> Option<Rating> {
    events
        .into_iter()
        .filter_map(|e| match &e.kind {
            EventKind::UserConfirmed { rating, .. } => *rating,
            _ => None,
        })
        .last()
}

fn header(
    page: &mut String,
    title: &str,
    ticket: &Ticket,
    rating: Option<Rating>,
    names: &dyn Fn(UserId) -> String,
    locale: Locale,
) {
    let none = tr!(locale, "transcript-none");
    let status = match ticket.status {
        Status::Open => tr!(locale, "transcript-status-open"),
        Status::Resolving => tr!(locale, "transcript-status-resolving"),
        Status::Closed => tr!(locale, "transcript-status-closed"),
    };
    let levels: Vec<String> = ticket.level_path().iter().map(|l| l.to_string()).collect();
    let mut rows = vec![
        (tr!(locale, "transcript-opener"), names(ticket.opener)),
        (
            tr!(locale, "transcript-opened-at"),
            format!("{} UTC", date_time(ticket.opened_at)),
        ),
        (
            tr!(locale, "transcript-closed-at"),
            ticket
                .closed_at
                .map_or_else(|| none.clone(), |at| format!("{} UTC", date_time(at))),
        ),
        (tr!(locale, "transcript-levels"), levels.join(" → ")),
        (tr!(locale, "transcript-status"), status),
        (
            tr!(locale, "transcript-assignee"),
            ticket.assignee.map_or_else(|| none.clone(), names),
        ),
        (
            tr!(locale, "transcript-rating"),
            rating.map_or_else(|| none.clone(), |r| format!("{}/5", r.get())),
        ),
    ];
    // What the user said at intake (issue 14.1), as asked.
    if let Some(topic) = &ticket.intake.topic {
        rows.push((tr!(locale, "transcript-topic"), topic.clone()));
    }
    for a in &ticket.intake.answers {
        rows.push((a.label.clone(), a.answer.clone()));
    }
    let _ = write!(page, "<header>\n<h1>{}</h1>\n<dl>\n", escape(title));
    for (name, value) in rows {
        let _ = writeln!(
            page,
            "<dt>{}</dt><dd>{}</dd>",
            escape(&name),
            escape(&value)
        );
    }
    page.push_str("</dl>\n</header>\n");
}

/// Discord renders mention markup; a page must do it itself: people by
/// their names, the ticket's threads by what they are.
fn with_names(
    text: &str,
    ticket: &Ticket,
    names: &dyn Fn(UserId) -> String,
    locale: Locale,
) -> String {
    super::mentions::readable(text, &|m| match m {
        Mention::User(id) => Some(names(UserId(id))),
        Mention::Channel(id) => {
            let thread = ChannelId(id);
            let known = ticket.user_thread == Some(thread)
                || ticket.all_cases().any(|c| c.thread == thread);
            known.then(|| thread_name(ticket, thread, locale))
        }
        Mention::Role(_) => None,
    })
}

fn message(
    page: &mut String,
    ticket: &Ticket,
    e: &TranscriptEntry,
    names: &dyn Fn(UserId) -> String,
    locale: Locale,
) {
    let named = |text: &str| with_names(text, ticket, names, locale);
    let (class, badge) = match e.kind {
        EntryKind::User => ("user", None),
        EntryKind::Staff => ("staff", Some(tr!(locale, "transcript-kind-staff"))),
        EntryKind::Bot => ("bot", Some(tr!(locale, "transcript-kind-bot"))),
        EntryKind::Note => ("note", Some(tr!(locale, "transcript-kind-note"))),
        EntryKind::LevelChange => (
            "level-change",
            Some(tr!(locale, "transcript-kind-level-change")),
        ),
    };
    let _ = write!(
        page,
        "<article class=\"{class}\" id=\"m{}\">\n<div class=\"meta\">\
         <span class=\"author\">{}</span>",
        e.message.0,
        escape(&e.author_name)
    );
    if let Some(badge) = badge {
        let _ = write!(page, "<span class=\"badge kind\">{}</span>", escape(&badge));
    }
    let _ = writeln!(
        page,
        "<span class=\"badge\">{}</span><time datetime=\"{}\">{}</time></div>",
        escape(&thread_name(ticket, e.thread, locale)),
        e.at.format("%Y-%m-%dT%H:%M:%SZ"),
        date_time(e.at)
    );
    if !e.content.is_empty() {
        let _ = writeln!(
            page,
            "<div class=\"content\">{}</div>",
            escape(&named(&e.content))
        );
    }
    embeds(page, &e.embeds_json, &named, locale);
    attachments(page, &e.attachments, locale);
    page.push_str("</article>\n");
}

/// "User thread", "Case thread L2", or "Other thread".
fn thread_name(ticket: &Ticket, thread: ChannelId, locale: Locale) -> String {
    if ticket.user_thread == Some(thread) {
        return tr!(locale, "transcript-thread-user");
    }
    match ticket.all_cases().find(|c| c.thread == thread) {
        Some(case) => tr!(
            locale,
            "transcript-thread-case",
            level = case.level.to_string()
        ),
        None => tr!(locale, "transcript-thread-other"),
    }
}

/// The text parts of each embed (title, description, fields, footer);
/// images are not fetched, so the page stays self-contained.
fn embeds(page: &mut String, json: &str, named: &dyn Fn(&str) -> String, locale: Locale) {
    let Ok(Value::Array(embeds)) = serde_json::from_str::<Value>(json) else {
        return;
    };
    let text = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).map(named);
    for embed in &embeds {
        let mut parts: Vec<(bool, String)> = Vec::new();
        if let Some(t) = text(embed, "title") {
            parts.push((true, t));
        }
        if let Some(d) = text(embed, "description") {
            parts.push((false, d));
        }
        for field in embed
            .get("fields")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let Some(name) = text(field, "name") {
                parts.push((true, name));
            }
            if let Some(value) = text(field, "value") {
                parts.push((false, value));
            }
        }
        if let Some(footer) = embed.get("footer").and_then(|f| text(f, "text")) {
            parts.push((false, footer));
        }
        let _ = write!(
            page,
            "<div class=\"embed\" title=\"{}\">",
            escape(&tr!(locale, "transcript-embed"))
        );
        for (bold, part) in parts {
            if bold {
                let _ = write!(page, "<b>{}</b>", escape(&part));
            } else {
                let _ = writeln!(page, "{}", escape(&part));
            }
        }
        page.push_str("</div>\n");
    }
}

fn attachments(page: &mut String, files: &[Attachment], locale: Locale) {
    if files.is_empty() {
        return;
    }
    let _ = write!(
        page,
        "<ul class=\"files\" aria-label=\"{}\">",
        escape(&tr!(locale, "transcript-attachments"))
    );
    for f in files {
        let size = human_size(f.size);
        // Links only to Discord's https CDN: never a `javascript:` URL.
        if f.url.starts_with("https://") {
            let _ = write!(
                page,
                "<li><a href=\"{}\" rel=\"noreferrer\">{}</a> ({size})</li>",
                escape(&f.url),
                escape(&f.filename)
            );
        } else {
            let _ = write!(page, "<li>{} ({size})</li>", escape(&f.filename));
        }
    }
    page.push_str("</ul>\n");
}

fn human_size(bytes: u64) -> String {
    match bytes {
        b if b < 1_024 => format!("{b} B"),
        b if b < 1_024 * 1_024 => format!("{:.1} KiB", b as f64 / 1_024.0),
        b => format!("{:.1} MiB", b as f64 / (1_024.0 * 1_024.0)),
    }
}

/// Text made safe for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
#[path = "transcript_html_tests.rs"]
mod tests;
