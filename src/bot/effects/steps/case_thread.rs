//! The staff's side: a level's case (card, thread, intro or handoff
//! digest), the card kept current, and the case a ticket left.

use poise::serenity_prelude::{
    AutoArchiveDuration, ChannelId as DChannel, CreateMessage, CreateThread, EditMessage, Http,
    MessageId as DMessage,
};

use super::{tolerate_gone, Run};
use crate::bot::effects::discord_code;
use crate::bot::error::{BotError, Say};
use crate::bot::flows::case;
use crate::bot::mentions;
use crate::bot::render::{card, clip, digest};
use crate::tickets::{CaseRef, ChannelId, HandoffDigest, Level, MessageId, Ticket, TicketEvent};
use crate::tr;

/// Discord's "A thread has already been created for this message".
const THREAD_ALREADY_CREATED: isize = 160_004;

/// The case card at `level` and its thread (looked up before made), then
/// its intro. A card whose thread Discord would not make is taken back at
/// once, so staff never see a card they cannot work on.
pub(super) async fn post_case(run: &mut Run<'_>, t: &Ticket, level: Level) -> Result<(), BotError> {
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
                Err(e) if discord_code(&e) == Some(THREAD_ALREADY_CREATED) => card,
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
pub(super) async fn retire_case(
    run: &mut Run<'_>,
    t: &Ticket,
    old: CaseRef,
) -> Result<(), BotError> {
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

pub(super) async fn refresh_card(run: &Run<'_>, t: &Ticket) -> Result<(), BotError> {
    match case::refresh_card(run.http, run.data, &run.settings, t).await {
        Err(e) if t.is_closed() => tolerate_gone(e),
        other => other,
    }
}
