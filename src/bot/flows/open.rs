//! Opening a ticket (L1): the store decides (idempotency, limit, cooldown),
//! then the bot makes the private user thread, greets the user, and posts
//! the case card in the L1 channel.

use poise::serenity_prelude::{
    AutoArchiveDuration, ChannelId as DChannel, ChannelType, CreateMessage, CreateThread, Http,
    UserId as DUser,
};

use super::{case, staff_locale, Env};
use crate::bot::app::Data;
use crate::bot::error::BotError;
use crate::bot::mentions;
use crate::bot::render::{clip, duration, level_name, quote, when};
use crate::i18n::Locale;
use crate::store::OpenOutcome;
use crate::tickets::{ChannelId, Level, NewTicket, Ticket, TicketSource};
use crate::tr;

pub struct Opening<'a> {
    pub question: &'a str,
    pub source: TicketSource,
    /// The interaction or event id: the same click twice opens once.
    pub key: String,
    /// The user's language (the ticket speaks it from now on).
    pub locale: Locale,
}

/// Opens a ticket for the acting person and returns what to tell them.
pub async fn open(http: &Http, data: &Data, env: &Env, o: Opening<'_>) -> Result<String, BotError> {
    let l1 = env.settings.level(Level::L1);
    if env.settings.support_channel.is_none() || l1.channel.is_none() || l1.role.is_none() {
        return Err(BotError::say("error-not-set-up"));
    }
    let mut new = NewTicket::new(env.guild, env.actor.user, o.question, o.locale, o.source)
        .map_err(|_| BotError::say("error-empty-question"))?;
    // The subject names threads, which show mention markup as it is.
    let readable = crate::bot::render::names::readable_text(http, env.guild, &new.question).await;
    new.subject = crate::tickets::ticket::subject_of(&readable);
    let now = data.clock.now();
    let locale = env.locale;
    match data.store.open_ticket(new, &o.key, now).await? {
        OpenOutcome::Opened(t) => {
            let thread = make_threads(http, data, env, &t).await?;
            Ok(tr!(
                locale,
                "open-done",
                number = t.number.to_string(),
                thread = format!("<#{thread}>")
            ))
        }
        OpenOutcome::AlreadyOpened(t) => Ok(match t.user_thread {
            Some(th) => tr!(
                locale,
                "open-already",
                number = t.number.to_string(),
                thread = format!("<#{th}>")
            ),
            None => tr!(
                locale,
                "open-already-no-thread",
                number = t.number.to_string()
            ),
        }),
        OpenOutcome::LimitReached { limit, open } => {
            // A ticket whose threads Discord failed to make (a 500 midway)
            // is finished now, when its user tries again.
            for t in open.iter().filter(|t| t.case.is_none()) {
                match t.user_thread {
                    Some(thread) => post_case(http, data, env, t, thread.0).await?,
                    None => {
                        make_threads(http, data, env, t).await?;
                    }
                }
            }
            // A thread's name starts with its ticket's number, so the
            // link alone shows it once.
            let list: Vec<String> = open
                .iter()
                .map(|t| match t.user_thread {
                    Some(th) => format!("<#{th}>"),
                    None => t.number.to_string(),
                })
                .collect();
            let count = i64::try_from(open.len()).unwrap_or(i64::from(limit));
            Err(BotError::Say(
                crate::bot::error::Say::new("open-limit")
                    .count("count", count)
                    .arg("links", list.join(", ")),
            ))
        }
        OpenOutcome::Cooldown { until } => Err(BotError::Say(
            crate::bot::error::Say::new("open-cooldown").arg("when", when(until, 'R')),
        )),
    }
}

/// The user thread, the greeting and the L1 case. Returns the user thread.
async fn make_threads(http: &Http, data: &Data, env: &Env, t: &Ticket) -> Result<u64, BotError> {
    let support = env
        .settings
        .support_channel
        .ok_or_else(|| BotError::say("error-not-set-up"))?;
    let thread = DChannel::new(support.0)
        .create_thread(
            http,
            CreateThread::new(case::thread_name(t))
                .kind(ChannelType::PrivateThread)
                .invitable(false)
                .auto_archive_duration(AutoArchiveDuration::OneWeek),
        )
        .await?;
    thread
        .id
        .add_thread_member(http, DUser::new(t.opener.0))
        .await?;
    if !data
        .store
        .attach_user_thread(t.id, ChannelId(thread.id.get()))
        .await?
    {
        let _ = thread.id.delete(http).await;
        return Err(BotError::say("error-busy"));
    }
    let mut t = t.clone();
    t.user_thread = Some(ChannelId(thread.id.get()));

    // The greeting, in the user's language, pinging only them.
    let sla = env.settings.level(Level::L1).sla;
    let mut greeting = vec![tr!(
        t.locale,
        "greeting",
        user = format!("<@{}>", t.opener),
        number = t.number.to_string()
    )];
    if t.cues.is_frustrated() {
        greeting.push(tr!(t.locale, "greeting-frustrated"));
    }
    greeting.push(quote(&clip(&t.question, 1200)));
    greeting.push(tr!(
        t.locale,
        "greeting-next",
        level = level_name(t.locale, Level::L1),
        sla = duration(t.locale, sla)
    ));
    thread
        .id
        .send_message(
            http,
            CreateMessage::new()
                .content(clip(&greeting.join("\n\n"), 2000))
                .allowed_mentions(mentions::users([t.opener.0])),
        )
        .await?;

    post_case(http, data, env, &t, thread.id.get()).await?;
    Ok(thread.id.get())
}

/// The case at L1, with what L0 already tried.
async fn post_case(
    http: &Http,
    data: &Data,
    env: &Env,
    t: &Ticket,
    user_thread: u64,
) -> Result<(), BotError> {
    let staff = staff_locale(data, &env.settings);
    let tried = match data.store.l0_exchange_for_ticket(t.id).await? {
        Some(x) => x.articles_tried(),
        None => Vec::new(),
    };
    let mut intro = vec![tr!(
        staff,
        "case-opened",
        user = format!("<@{}>", t.opener),
        thread = format!("<#{user_thread}>")
    )];
    if t.cues.is_urgent() {
        intro.push(tr!(staff, "case-urgent", cues = t.cues.urgency.join(", ")));
    }
    if t.cues.is_frustrated() {
        intro.push(tr!(
            staff,
            "case-frustrated",
            cues = t.cues.frustration.join(", ")
        ));
    }
    if !tried.is_empty() {
        intro.push(tr!(staff, "case-tried", titles = tried.join(", ")));
    }
    let intro = CreateMessage::new()
        .content(clip(&intro.join("\n"), 2000))
        .allowed_mentions(mentions::nobody());
    case::post(http, data, &env.settings, t, intro).await?;
    Ok(())
}
