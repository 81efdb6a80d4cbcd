//! Transcripts: at close, every message of the user thread and of every
//! case thread the ticket had, read page by page and kept in the store.

use crate::bot::mentions;
use poise::serenity_prelude::{
    ChannelId as DChannel, GetMessages, Http, Message, MessageId as DMessage,
};

use crate::bot::app::Data;
use crate::bot::blocking::off_runtime;
use crate::bot::error::BotError;
use crate::tickets::{
    Attachment, ChannelId, EntryKind, MessageId, Ticket, TranscriptEntry, UserId,
};

/// Discord's page size for message lists.
const PAGE: u8 = 100;
/// A guard against a thread that never ends (a transcript is for people).
const MAX_MESSAGES_PER_THREAD: usize = 10_000;

/// Discord's default upload limit per file (10 MiB).
const FILE_LIMIT: u64 = 10 * 1024 * 1024;
/// Files the log message can carry besides the transcript (10 in all).
const MAX_FILES: usize = 9;
/// What they may weigh together.
const FILES_BUDGET: u64 = 20 * 1024 * 1024;

/// A transcript, and the members' files downloaded while their links
/// still work (Discord's CDN links expire within a day; the transcript
/// keeps only them).
pub struct Captured {
    pub entries: Vec<TranscriptEntry>,
    pub files: Vec<poise::serenity_prelude::CreateAttachment>,
    /// Files that could not be kept: over the limits, or not downloadable.
    pub not_kept: usize,
}

/// Reads the ticket's threads and stores the transcript; returns it with
/// the members' files.
pub async fn capture(
    http: &Http,
    data: &Data,
    t: &Ticket,
    staff: crate::i18n::Locale,
) -> Result<Captured, BotError> {
    let mut kept = Kept::default();
    // Without the Message Content intent members' messages come back
    // blank: each says so, in the staff's language, rather than nothing.
    let hidden = (!data.content.readable()).then(|| crate::tr!(staff, "transcript-unreadable"));
    let mut entries = Vec::new();
    if let Some(thread) = t.user_thread {
        for m in all_messages(http, thread).await? {
            kept.download(&m).await;
            entries.push(entry(t, thread, &m, false, hidden.as_deref()));
        }
    }
    for case in t.all_cases() {
        for m in all_messages(http, case.thread).await? {
            kept.download(&m).await;
            entries.push(entry(t, case.thread, &m, true, hidden.as_deref()));
        }
    }
    entries.sort_by_key(|e| (e.at, e.message));
    data.store.save_transcript(t.id, &entries).await?;
    Ok(Captured {
        entries,
        files: kept.files,
        not_kept: kept.not_kept,
    })
}

#[derive(Default)]
struct Kept {
    files: Vec<poise::serenity_prelude::CreateAttachment>,
    bytes: u64,
    not_kept: usize,
}

impl Kept {
    /// Downloads a member's files within Discord's limits; counts the rest.
    async fn download(&mut self, m: &Message) {
        if m.author.bot {
            return;
        }
        for a in &m.attachments {
            let size = u64::from(a.size);
            if size > FILE_LIMIT
                || self.files.len() >= MAX_FILES
                || self.bytes + size > FILES_BUDGET
            {
                self.not_kept += 1;
                continue;
            }
            match a.download().await {
                Ok(data) => {
                    self.bytes += size;
                    self.files
                        .push(poise::serenity_prelude::CreateAttachment::bytes(
                            data,
                            a.filename.clone(),
                        ));
                }
                Err(e) => {
                    tracing::warn!(error = %e, file = %a.filename, "could not keep an attachment");
                    self.not_kept += 1;
                }
            }
        }
    }
}

/// Every message of a thread, oldest first, page by page.
async fn all_messages(http: &Http, thread: ChannelId) -> Result<Vec<Message>, BotError> {
    let channel = DChannel::new(thread.0);
    let mut all: Vec<Message> = Vec::new();
    let mut before: Option<DMessage> = None;
    loop {
        let mut page = GetMessages::new().limit(PAGE);
        if let Some(b) = before {
            page = page.before(b);
        }
        let batch = match channel.messages(http, page).await {
            Ok(batch) => batch,
            // A thread deleted meanwhile has no more to give.
            Err(e) if is_gone(&e) => break,
            Err(e) => return Err(e.into()),
        };
        let full = batch.len() == usize::from(PAGE);
        before = batch.iter().map(|m| m.id).min();
        all.extend(batch);
        if !full || before.is_none() || all.len() >= MAX_MESSAGES_PER_THREAD {
            break;
        }
    }
    // Discord's own lines ("added to the thread", the thread's starter)
    // say nothing anyone wrote.
    all.retain(crate::bot::said::is_said);
    all.sort_by_key(|m| m.id);
    Ok(all)
}

fn is_gone(e: &poise::serenity_prelude::Error) -> bool {
    use poise::serenity_prelude::{Error, HttpError};
    matches!(e, Error::Http(HttpError::UnsuccessfulRequest(r)) if r.status_code.as_u16() == 404)
}

/// `hidden`: what to write for a member's message Discord sent blank
/// (the bot lacks the Message Content intent).
fn entry(
    t: &Ticket,
    thread: ChannelId,
    m: &Message,
    in_case: bool,
    hidden: Option<&str>,
) -> TranscriptEntry {
    let blank = m.content.is_empty() && m.embeds.is_empty() && m.attachments.is_empty();
    let content = match hidden {
        Some(note) if blank && !m.author.bot => note.to_owned(),
        _ => m.content.clone(),
    };
    let kind = if m.author.bot {
        // The bot's own messages: notes start with their marker, moves
        // carry the handoff digest ("A → B" in its title).
        if in_case && m.content.starts_with("📝") {
            EntryKind::Note
        } else if m
            .embeds
            .iter()
            .any(|e| e.title.as_deref().is_some_and(|t| t.contains('→')))
        {
            EntryKind::LevelChange
        } else {
            EntryKind::Bot
        }
    } else if m.author.id.get() == t.opener.0 {
        EntryKind::User
    } else {
        EntryKind::Staff
    };
    TranscriptEntry {
        message: MessageId(m.id.get()),
        thread,
        author: UserId(m.author.id.get()),
        author_name: m
            .member
            .as_ref()
            .and_then(|mm| mm.nick.clone())
            .unwrap_or_else(|| m.author.display_name().to_owned()),
        at: *m.timestamp,
        content,
        embeds_json: serde_json::to_string(&m.embeds).unwrap_or_else(|_| "[]".into()),
        attachments: m
            .attachments
            .iter()
            .map(|a| Attachment {
                filename: a.filename.clone(),
                url: a.url.clone(),
                size: u64::from(a.size),
            })
            .collect(),
        kind,
    }
}

/// Tells the log channel (if any) that the ticket closed, with the
/// transcript attached; once, however often it runs (`nonce`).
pub async fn log_closed(
    http: &Http,
    data: &Data,
    settings: &crate::tickets::GuildSettings,
    t: &Ticket,
    captured: &Captured,
    nonce: poise::serenity_prelude::Nonce,
) -> Result<(), BotError> {
    let entries = &captured.entries;
    let Some(log) = settings.log_channel else {
        return Ok(());
    };
    let staff = super::staff_locale(data, settings);
    let levels: Vec<String> = t.level_path().iter().map(|l| l.to_string()).collect();
    let mut text = crate::tr!(
        staff,
        "log-closed",
        number = t.number.to_string(),
        user = mentions::user_tag(t.opener),
        levels = levels.join(" → "),
        messages = entries.len()
    );
    if !data.content.readable() {
        text.push('\n');
        text.push_str(&crate::tr!(staff, "log-closed-content-missing"));
    }
    if !captured.files.is_empty() {
        text.push('\n');
        text.push_str(&crate::tr!(
            staff,
            "log-closed-files",
            kept = captured.files.len()
        ));
    }
    if captured.not_kept > 0 {
        text.push('\n');
        text.push_str(&crate::tr!(
            staff,
            "log-closed-files-missed",
            missed = captured.not_kept
        ));
    }
    let mut message = poise::serenity_prelude::CreateMessage::new()
        .content(crate::bot::render::clip(&text, 2000))
        .allowed_mentions(crate::bot::mentions::nobody())
        .nonce(nonce)
        .enforce_nonce(true);
    if let Some(file) = transcript_file(data, t, entries, staff).await {
        message = message.add_file(file);
    }
    message = message.add_files(captured.files.clone());
    DChannel::new(log.0).send_message(http, message).await?;
    Ok(())
}

/// The transcript as a self-contained HTML file.
pub async fn transcript_file(
    data: &Data,
    t: &Ticket,
    entries: &[TranscriptEntry],
    locale: crate::i18n::Locale,
) -> Option<poise::serenity_prelude::CreateAttachment> {
    let events = match data.store.events(t.id).await {
        Ok(events) => events,
        Err(e) => {
            tracing::warn!(error = %e, "could not read the ticket's events for its transcript");
            return None;
        }
    };
    let rating = crate::insight::transcript_html::rating_of(events.iter().map(|e| &e.event));
    // A long ticket's page is real CPU work: off the async workers.
    let (ticket, entries) = (t.clone(), entries.to_vec());
    let html = off_runtime(move || {
        // Messages carry their authors' names: the header and mentions use them.
        let authors: std::collections::HashMap<UserId, &str> = entries
            .iter()
            .map(|e| (e.author, e.author_name.as_str()))
            .collect();
        let names = |u: UserId| {
            authors
                .get(&u)
                .map_or_else(|| "user".to_owned(), |n| (*n).to_owned())
        };
        crate::insight::transcript_html::render(&ticket, rating, &entries, &names, locale)
    });
    let html = match html.await {
        Ok(html) => html,
        Err(e) => {
            tracing::warn!(error = %e, "could not render the transcript");
            return None;
        }
    };
    Some(poise::serenity_prelude::CreateAttachment::bytes(
        html.into_bytes(),
        format!("ticket-{}.html", t.number.0),
    ))
}
