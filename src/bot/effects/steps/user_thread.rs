//! The user's side: their private thread (made once, found again after
//! a crash), the greeting, and the staff added to it.

use poise::serenity_prelude::{
    AutoArchiveDuration, ChannelId as DChannel, ChannelType, CreateMessage, CreateThread,
    GuildId as DGuild, Http, UserId as DUser,
};

use super::Run;
use crate::bot::error::BotError;
use crate::bot::flows::case;
use crate::bot::mentions;
use crate::bot::render::{clip, duration, level_name, quote, when};
use crate::tickets::{ChannelId, Level, Ticket, UserId};
use crate::tr;

/// The user thread: the one already recorded, the one this step made
/// before a crash, or a new one; the opener in it; recorded.
pub(super) async fn create_user_thread(run: &mut Run<'_>, t: &Ticket) -> Result<(), BotError> {
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
pub(super) async fn greet(run: &mut Run<'_>, t: &Ticket) -> Result<(), BotError> {
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

pub(super) async fn add_to_user_thread(
    run: &Run<'_>,
    t: &Ticket,
    user: UserId,
) -> Result<(), BotError> {
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
