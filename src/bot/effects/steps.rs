//! Each outbox step, made safe to repeat. A step reads the ticket as it
//! is stored now (a card shows the latest state, a note goes to the
//! current case) and skips what no longer applies (a case for a level the
//! ticket has left, a reminder for a closed ticket).

use poise::serenity_prelude::{
    AutoArchiveDuration, ChannelId as DChannel, ChannelType, CreateMessage, CreateThread,
    EditMessage, GetMessages, GuildId as DGuild, Http, MessageId as DMessage, Nonce,
    UserId as DUser,
};

use crate::bot::app::Data;
use crate::bot::error::{BotError, Say};
use crate::bot::flows::{case, resolve, staff_locale, transcript};
use crate::bot::mentions;
use crate::bot::render::{card, clip, digest, duration, level_name, quote, when};
use crate::store::{Progress, StoredEffect};
use crate::tickets::{
    CaseNote, CaseRef, ChannelId, Effect, GuildSettings, HandoffDigest, Level, MessageId, Ticket,
    TicketEvent, UserId, UserNews,
};
use crate::tr;

mod close_ask;

/// Discord's "A thread has already been created for this message".
const THREAD_ALREADY_CREATED: isize = 160_004;

/// One step being run: what it has made so far, and its nonces.
struct Run<'a> {
    http: &'a Http,
    data: &'a Data,
    settings: GuildSettings,
    effect: &'a StoredEffect,
    progress: Progress,
    /// The ticket's opening time, in milliseconds (for nonces).
    opened_at: i64,
}

/// `n` in base 36: short nonces.
fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

impl Run<'_> {
    /// A nonce for one message of this step (Discord takes 25
    /// characters): the step's id, and when its ticket opened, so that a
    /// new database against the same server (ids from 1 again) never
    /// reuses a nonce Discord still remembers.
    fn nonce(&self, part: &str) -> Nonce {
        Nonce::String(format!(
            "{}.{}{part}",
            base36(self.effect.id.0.unsigned_abs()),
            base36(self.opened_at.unsigned_abs())
        ))
    }

    fn made(&self, key: &str) -> Option<u64> {
        self.progress.get(key).copied()
    }

    /// Saves that `key` is made before going on, so a retry skips it.
    async fn record(&mut self, key: &str, value: u64) -> Result<(), BotError> {
        self.progress.insert(key.to_owned(), value);
        self.data
            .store
            .save_progress(self.effect.id, &self.progress)
            .await?;
        Ok(())
    }

    fn staff(&self) -> crate::i18n::Locale {
        staff_locale(self.data, &self.settings)
    }

    /// Sends `message` to `channel` once, however often the step runs.
    async fn send_once(
        &mut self,
        key: &str,
        channel: u64,
        message: CreateMessage,
    ) -> Result<(), BotError> {
        if self.made(key).is_some() {
            return Ok(());
        }
        // An earlier run of this step may have posted this part and died
        // before saving it. Discord remembers a nonce only "in the past few
        // minutes", so after a longer outage look for the message first.
        if self.effect.attempts > 1 {
            if let Some(id) = posted_before(self.http, channel, &message).await? {
                return self.record(key, id).await;
            }
        }
        let message = message.nonce(self.nonce(key)).enforce_nonce(true);
        let sent = DChannel::new(channel)
            .send_message(self.http, message)
            .await?;
        self.record(key, sent.id.get()).await
    }
}

/// How far back a retried step looks for what it may have posted.
const LOOK_BACK: u8 = 50;

/// The id of a recent message of a bot in `channel` with the content of
/// `message`, if any: what an interrupted run already posted. (A message
/// without text is left to the nonce.)
async fn posted_before(
    http: &Http,
    channel: u64,
    message: &CreateMessage,
) -> Result<Option<u64>, BotError> {
    let content = serde_json::to_value(message)
        .ok()
        .and_then(|v| v.get("content")?.as_str().map(str::to_owned))
        .filter(|c| !c.is_empty());
    let Some(content) = content else {
        return Ok(None);
    };
    let recent = DChannel::new(channel)
        .messages(http, GetMessages::new().limit(LOOK_BACK))
        .await?;
    Ok(recent
        .iter()
        .find(|m| m.author.bot && m.content == content)
        .map(|m| m.id.get()))
}

pub(super) async fn perform(http: &Http, data: &Data, e: &StoredEffect) -> Result<(), BotError> {
    let Some(t) = data.store.ticket(e.ticket).await? else {
        return Ok(());
    };
    let settings = data.store.settings(t.guild).await?;
    let mut run = Run {
        http,
        data,
        settings,
        effect: e,
        progress: e.progress.clone(),
        opened_at: t.opened_at.timestamp_millis(),
    };
    match &e.effect {
        Effect::CreateUserThread => create_user_thread(&mut run, &t).await,
        Effect::Greet => greet(&mut run, &t).await,
        Effect::PostCase { level } => post_case(&mut run, &t, *level).await,
        Effect::RetireCase { case } => retire_case(&mut run, &t, *case).await,
        Effect::AddToUserThread { user } => add_to_user_thread(&run, &t, *user).await,
        Effect::RefreshCard => refresh_card(&run, &t).await,
        Effect::CaseNote { note } => case_note(&mut run, &t, note).await,
        Effect::TellUser { news } => tell_user(&mut run, &t, news).await,
        Effect::AskResolve { summary } => ask_resolve(&mut run, &t, summary.as_deref()).await,
        Effect::RetireQuestion { withdrawn } => {
            let note = withdrawn.then(|| tr!(t.locale, "resolve-withdrawn"));
            match resolve::retire_question(http, &t, note).await {
                Err(e) if t.is_closed() => tolerate_gone(e),
                other => other,
            }
        }
        Effect::Archive { transcript } => archive(&mut run, &t, *transcript).await,
        Effect::Unarchive => unarchive(&t, http).await,
        Effect::SlaReminder { level } => sla_reminder(&mut run, &t, *level).await,
        Effect::AskClose => close_ask::ask(&mut run, &t).await,
        Effect::RetireCloseAsk { kept } => close_ask::retire(&run, &t, *kept).await,
    }
}

/// The user thread: the one already recorded, the one this step made
/// before a crash, or a new one; the opener in it; recorded.
async fn create_user_thread(run: &mut Run<'_>, t: &Ticket) -> Result<(), BotError> {
    if t.is_closed() && t.user_thread.is_none() {
        return Ok(());
    }
    let thread = match (t.user_thread, run.made("thread")) {
        (Some(th), _) => th.0,
        (None, Some(th)) => th,
        (None, None) => {
            let support = run
                .settings
                .support_channel
                .ok_or_else(|| BotError::say("error-not-set-up"))?;
            // A runner that died between creating and recording left it
            // behind: find it by its name (the ticket's number) first.
            let found = if run.effect.attempts > 1 {
                find_thread(run.http, t, support).await?
            } else {
                None
            };
            let id = match found {
                Some(id) => id,
                None => {
                    let made = DChannel::new(support.0)
                        .create_thread(
                            run.http,
                            CreateThread::new(case::thread_name(t))
                                .kind(ChannelType::PrivateThread)
                                .invitable(false)
                                .auto_archive_duration(AutoArchiveDuration::OneWeek),
                        )
                        .await?;
                    made.id.get()
                }
            };
            run.record("thread", id).await?;
            id
        }
    };
    DChannel::new(thread)
        .add_thread_member(run.http, DUser::new(t.opener.0))
        .await?;
    if t.user_thread.is_none()
        && !run
            .data
            .store
            .attach_user_thread(t.id, ChannelId(thread))
            .await?
    {
        let now = run.data.store.ticket(t.id).await?;
        if now.and_then(|t| t.user_thread) != Some(ChannelId(thread)) {
            let _ = DChannel::new(thread).delete(run.http).await;
        }
    }
    Ok(())
}

/// An active thread in the support channel named after the ticket.
async fn find_thread(http: &Http, t: &Ticket, support: ChannelId) -> Result<Option<u64>, BotError> {
    let name = case::thread_name(t);
    let active = DGuild::new(t.guild.0).get_active_threads(http).await?;
    Ok(active
        .threads
        .iter()
        .find(|th| th.parent_id.map(|p| p.get()) == Some(support.0) && th.name == name)
        .map(|th| th.id.get()))
}

/// The greeting, in the user's language, pinging only them.
async fn greet(run: &mut Run<'_>, t: &Ticket) -> Result<(), BotError> {
    let Some(thread) = t.user_thread else {
        return Ok(());
    };
    let sla = run.settings.level(Level::L1).sla;
    let mut greeting = vec![tr!(
        t.locale,
        "greeting",
        user = mentions::user_tag(t.opener),
        number = t.number.to_string()
    )];
    if t.cues.is_frustrated() {
        greeting.push(tr!(t.locale, "greeting-frustrated"));
    }
    greeting.push(quote(&clip(&t.question, 1200)));
    // The intake's answers, for the user to see what staff see (and for
    // the transcript, which keeps the thread's messages).
    greeting.extend(crate::bot::render::intake::greeting_lines(
        t.locale, &t.intake,
    ));
    greeting.push(tr!(
        t.locale,
        "greeting-next",
        level = level_name(t.locale, Level::L1),
        sla = duration(t.locale, sla)
    ));
    // Outside working hours: when the team will see it (the opening
    // time is stored, so a repeated greeting says the same).
    if let Some(opens) = run.settings.service.opens_later(t.opened_at) {
        greeting.push(tr!(
            t.locale,
            "greeting-after-hours",
            when = when(opens, 'F')
        ));
    }
    let message = CreateMessage::new()
        .content(clip(&greeting.join("\n\n"), 2000))
        .allowed_mentions(mentions::users([t.opener.0]));
    run.send_once("g", thread.0, message).await
}

/// The case card at `level` and its thread (looked up before made), then
/// its intro. A card whose thread Discord would not make is taken back at
/// once, so staff never see a card they cannot work on.
async fn post_case(run: &mut Run<'_>, t: &Ticket, level: Level) -> Result<(), BotError> {
    if t.is_closed() || t.level != level {
        // The ticket moved on (or closed) before its case was posted.
        return Ok(());
    }
    let (thread, attached_now) = match t.case.filter(|c| c.level == level) {
        Some(c) => (c.thread.0, false),
        None => match make_case(run, t, level).await? {
            Some(thread) => (thread, true),
            None => return Ok(()),
        },
    };
    if !attached_now && run.made("intro").is_some() {
        return Ok(());
    }
    let t = match run.data.store.ticket(t.id).await? {
        Some(t) => t,
        None => return Ok(()),
    };
    let intro = case_intro(run, &t).await?;
    run.send_once("intro", thread, intro).await
}

/// Posts the card and starts its thread; records the case. `None` when
/// the ticket has another case by now (this one is archived).
async fn make_case(run: &mut Run<'_>, t: &Ticket, level: Level) -> Result<Option<u64>, BotError> {
    let channel = run
        .settings
        .level(level)
        .channel
        .ok_or_else(|| BotError::Say(Say::new("error-level-not-set-up").arg("level", level)))?;
    let round = run.made("round").unwrap_or(0);
    let card_key = format!("c{round}");
    if run.made(&card_key).is_none() {
        let message = card_message(run, t, level);
        run.send_once(&card_key, channel.0, message).await?;
    }
    let card = run.made(&card_key).unwrap_or_default();
    let thread = match run.made("thread") {
        Some(th) => th,
        None => {
            let made = DChannel::new(channel.0)
                .create_thread_from_message(
                    run.http,
                    DMessage::new(card),
                    CreateThread::new(case::thread_name(t))
                        .auto_archive_duration(AutoArchiveDuration::OneWeek),
                )
                .await;
            let id = match made {
                Ok(th) => th.id.get(),
                // Made before a crash: a thread started from a message
                // has the message's id.
                Err(e) if super::discord_code(&e) == Some(THREAD_ALREADY_CREATED) => card,
                Err(e) => {
                    // A card without its thread is a case nobody can work
                    // on: take it back; the next try posts a whole case.
                    let _ = DChannel::new(channel.0)
                        .delete_message(run.http, DMessage::new(card))
                        .await;
                    run.record("round", round + 1).await?;
                    return Err(e.into());
                }
            };
            run.record("thread", id).await?;
            id
        }
    };
    let now = run.data.clock.now();
    let attached = run
        .data
        .store
        .attach_case(t.id, level, MessageId(card), ChannelId(thread), now)
        .await?;
    if !attached {
        let current = run.data.store.ticket(t.id).await?;
        if current.and_then(|c| c.case).map(|c| c.thread.0) != Some(thread) {
            // The ticket moved or closed meanwhile: this case is stale.
            case::lock_and_archive(run.http, ChannelId(thread)).await?;
            return Ok(None);
        }
    }
    Ok(Some(thread))
}

/// The card, pinging the level's role (and only it), saying where a
/// moved case came from.
fn card_message(run: &Run<'_>, t: &Ticket, level: Level) -> CreateMessage {
    let locale = run.staff();
    let mut message = CreateMessage::new()
        .embed(card::embed(locale, t))
        .components(card::buttons(locale, t))
        .allowed_mentions(mentions::nobody());
    // A topic's team gets an L1 ticket instead of the whole L1 role.
    let team = t.intake.team.filter(|_| level == Level::L1);
    if let Some(team) = team {
        let heading = tr!(
            locale,
            "card-new-for-team",
            role = format!("<@&{}>", team.0),
            level = level.to_string(),
            topic = t.intake.topic.clone().unwrap_or_default()
        );
        return message
            .content(heading)
            .allowed_mentions(mentions::role(team.0));
    }
    if let Some(role) = run.settings.level(level).role {
        let role_mention = mentions::role_tag(role.0);
        let heading = match t.previous_cases.last().map(|c| c.level) {
            Some(from) if from < level => tr!(
                locale,
                "card-escalated-for-role",
                role = role_mention,
                level = level.to_string(),
                from = from.to_string()
            ),
            Some(from) => tr!(
                locale,
                "card-returned-for-role",
                role = role_mention,
                level = level.to_string(),
                from = from.to_string()
            ),
            None => tr!(
                locale,
                "card-new-for-role",
                role = role_mention,
                level = level.to_string()
            ),
        };
        message = message
            .content(heading)
            .allowed_mentions(mentions::role(role.0));
    }
    message
}

/// The first message of a case: a move's handoff digest, or what an
/// opening needs staff to know (the user thread, cues, articles tried).
async fn case_intro(run: &Run<'_>, t: &Ticket) -> Result<CreateMessage, BotError> {
    let staff = run.staff();
    let history: Vec<TicketEvent> = run
        .data
        .store
        .events(t.id)
        .await?
        .into_iter()
        .map(|e| e.event)
        .collect();
    let tried = match run.data.store.l0_exchange_for_ticket(t.id).await? {
        Some(x) => x.articles_tried(),
        None => Vec::new(),
    };
    // Staff read the titles the user was shown; an article deleted since
    // keeps its id.
    let index = run.data.knowledge.current();
    let tried: Vec<String> = tried
        .into_iter()
        .map(|id| index.article(&id).map_or(id, |a| a.title.clone()))
        .collect();
    let moved = history.iter().any(|e| e.kind.moved_to().is_some());
    if moved {
        let last = last_user_messages(run.http, t).await?;
        let mut intro = CreateMessage::new().allowed_mentions(mentions::nobody());
        if let Some(d) = HandoffDigest::for_latest_move(t, &history, tried, last) {
            let previous = t.previous_cases.last().map(|c| c.thread.0);
            intro = intro.embed(digest::embed(
                staff,
                &d,
                previous,
                run.data.content.readable(),
            ));
        }
        return Ok(intro);
    }
    let thread = t.user_thread.map(mentions::channel_tag).unwrap_or_default();
    let mut lines = vec![tr!(
        staff,
        "case-opened",
        user = mentions::user_tag(t.opener),
        thread = thread
    )];
    if t.cues.is_urgent() {
        lines.push(tr!(staff, "case-urgent", cues = t.cues.urgency.join(", ")));
    }
    if t.cues.is_frustrated() {
        lines.push(tr!(
            staff,
            "case-frustrated",
            cues = t.cues.frustration.join(", ")
        ));
    }
    if !tried.is_empty() {
        lines.push(tr!(staff, "case-tried", titles = tried.join(", ")));
    }
    Ok(CreateMessage::new()
        .content(clip(&lines.join("\n"), 2000))
        .allowed_mentions(mentions::nobody()))
}

/// The user's last few messages in their thread, oldest first.
async fn last_user_messages(
    http: &Http,
    t: &Ticket,
) -> Result<Vec<crate::tickets::Quote>, BotError> {
    use poise::serenity_prelude::GetMessages;
    let Some(thread) = t.user_thread else {
        return Ok(Vec::new());
    };
    let messages = match DChannel::new(thread.0)
        .messages(http, GetMessages::new().limit(50))
        .await
    {
        Ok(messages) => messages,
        Err(e) => return tolerate_gone(e.into()).map(|()| Vec::new()),
    };
    let mut quotes: Vec<crate::tickets::Quote> = messages
        .iter()
        .filter(|m| {
            m.author.id.get() == t.opener.0
                && crate::bot::said::is_said(m)
                && !m.content.trim().is_empty()
        })
        .take(5)
        .map(|m| crate::tickets::Quote {
            at: *m.timestamp,
            text: m.content.clone(),
        })
        .collect();
    quotes.reverse();
    Ok(quotes)
}

/// The case the ticket left: a link forward, its card marked moved, then
/// locked and archived (last: a message would unarchive it again).
async fn retire_case(run: &mut Run<'_>, t: &Ticket, old: CaseRef) -> Result<(), BotError> {
    let staff = run.staff();
    let cases: Vec<_> = t.all_cases().collect();
    let next = cases
        .iter()
        .position(|c| c.thread == old.thread)
        .and_then(|i| cases.get(i + 1))
        .map(|c| (c.level, c.thread.0));
    if let Some((level, thread)) = next {
        let text = tr!(
            staff,
            "case-moved-away",
            level = level.to_string(),
            thread = mentions::channel_tag(thread)
        );
        let message = CreateMessage::new()
            .content(text)
            .allowed_mentions(mentions::nobody());
        if let Err(e) = run.send_once("away", old.thread.0, message).await {
            tolerate_gone(e)?;
        }
    }
    if run.made("card").is_none() {
        if let Some(channel) = run.settings.level(old.level).channel {
            let edit = EditMessage::new()
                .embed(card::moved_embed(
                    staff,
                    t,
                    old.level,
                    next.map(|(_, thread)| thread),
                ))
                .components(Vec::new());
            if let Err(e) = DChannel::new(channel.0)
                .edit_message(run.http, DMessage::new(old.card.0), edit)
                .await
            {
                tolerate_gone(e.into())?;
            }
        }
        run.record("card", 1).await?;
    }
    case::lock_and_archive(run.http, old.thread).await
}

async fn add_to_user_thread(run: &Run<'_>, t: &Ticket, user: UserId) -> Result<(), BotError> {
    let Some(thread) = t.user_thread else {
        return Ok(());
    };
    // Adding a member twice is no change on Discord's side; a week-old
    // ticket's thread has archived itself and must be woken first.
    case::in_active_thread(run.http, thread, || {
        DChannel::new(thread.0).add_thread_member(run.http, DUser::new(user.0))
    })
    .await
}

async fn refresh_card(run: &Run<'_>, t: &Ticket) -> Result<(), BotError> {
    match case::refresh_card(run.http, run.data, &run.settings, t).await {
        Err(e) if t.is_closed() => tolerate_gone(e),
        other => other,
    }
}

async fn case_note(run: &mut Run<'_>, t: &Ticket, note: &CaseNote) -> Result<(), BotError> {
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
            with_quote(tr!(staff, "case-confirmed", stars = stars), comment)
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
            with_quote(Say::new(key).arg("assignee", who).text(staff), comment)
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

async fn tell_user(run: &mut Run<'_>, t: &Ticket, news: &UserNews) -> Result<(), BotError> {
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

async fn ask_resolve(run: &mut Run<'_>, t: &Ticket, summary: Option<&str>) -> Result<(), BotError> {
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

/// The transcript kept (once) and logged, then both threads locked and
/// archived. Threads already gone are no error.
async fn archive(run: &mut Run<'_>, t: &Ticket, keep_transcript: bool) -> Result<(), BotError> {
    if keep_transcript && run.made("transcript").is_none() {
        let nonce = run.nonce("log");
        let kept = async {
            let captured = transcript::capture(run.http, run.data, t, run.staff()).await?;
            transcript::log_closed(run.http, run.data, &run.settings, t, &captured, nonce).await
        }
        .await;
        match kept {
            Ok(()) => {}
            // Refused for good (the log channel gone, no permission):
            // the threads are still archived.
            Err(e) if super::is_refusal(&e) => {
                tracing::warn!(error = %e, ticket = t.number.0, "could not keep or log the transcript")
            }
            Err(e) => return Err(e),
        }
        run.record("transcript", 1).await?;
    }
    if let Some(th) = t.user_thread {
        case::lock_and_archive(run.http, th).await?;
    }
    if let Some(c) = &t.case {
        case::lock_and_archive(run.http, c.thread).await?;
    }
    Ok(())
}

async fn unarchive(t: &Ticket, http: &Http) -> Result<(), BotError> {
    if let Some(th) = t.user_thread {
        case::unarchive(http, th).await?;
    }
    if let Some(c) = &t.case {
        case::unarchive(http, c.thread).await?;
    }
    Ok(())
}

/// The reminder in the case at `level`, pinging its role: once, as the
/// nonce makes a repeat the same message.
async fn sla_reminder(run: &mut Run<'_>, t: &Ticket, level: Level) -> Result<(), BotError> {
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

/// A channel, thread or message that is gone (404) leaves nothing to do.
fn tolerate_gone(e: BotError) -> Result<(), BotError> {
    match super::discord_status(&e) {
        Some(404) => Ok(()),
        _ => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::base36;

    #[test]
    fn a_nonce_of_a_trillionth_step_and_an_opening_time_fits_discords_25_characters() {
        let nonce = format!(
            "{}.{}intro",
            base36(1_000_000_000_000),
            base36(4_102_444_800_000) // 2100-01-01 in milliseconds
        );
        assert!(nonce.len() <= 25, "{nonce} is {} long", nonce.len());
        assert_eq!(base36(0), "0");
        assert_eq!(base36(36), "10");
    }
}
