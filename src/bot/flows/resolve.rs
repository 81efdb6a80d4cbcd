//! "Did this solve it?": staff ask, the user answers Yes (closed), with a
//! 1–5 rating (closed, rated), or No (back to the assignee). Silence
//! closes it after the configured hours (the scheduler's auto-close).

use poise::serenity_prelude::{
    ButtonStyle, ChannelId as DChannel, CreateActionRow, CreateButton, CreateMessage, Http,
};

use super::{case, ops, staff_locale, Env};
use crate::bot::app::Data;
use crate::bot::error::BotError;
use crate::bot::ids::ComponentId;
use crate::bot::mentions;
use crate::bot::render::{clip, quote};
use crate::i18n::Locale;
use crate::tickets::{self, Rating, Ticket};
use crate::tr;

pub async fn request(
    http: &Http,
    data: &Data,
    env: &Env,
    t: &Ticket,
    summary: Option<&str>,
) -> Result<String, BotError> {
    let change = data
        .store
        .transition(t.id, |t| {
            tickets::request_resolve(t, &env.actor, summary, data.clock.now())
        })
        .await?;
    let t = &change.after;
    let thread = t
        .user_thread
        .ok_or_else(|| BotError::say("refusal-thread-gone"))?;
    let mut text = tr!(
        t.locale,
        "resolve-question",
        user = format!("<@{}>", t.opener),
        hours = env.settings.auto_close_hours
    );
    if let Some(s) = summary.filter(|s| !s.trim().is_empty()) {
        text = format!("{}\n\n{text}", quote(&clip(s, 1500)));
    }
    DChannel::new(thread.0)
        .send_message(
            http,
            CreateMessage::new()
                .content(clip(&text, 2000))
                .components(question_buttons(t.locale, t))
                .allowed_mentions(mentions::users([t.opener.0])),
        )
        .await?;
    let staff = staff_locale(data, &env.settings);
    case::refresh_card(http, data, &env.settings, t).await?;
    case::post_in_case(
        http,
        t,
        tr!(
            staff,
            "case-resolve-asked",
            by = format!("<@{}>", env.actor.user)
        ),
    )
    .await?;
    Ok(tr!(
        env.locale,
        "resolve-asked",
        number = t.number.to_string()
    ))
}

fn question_buttons(locale: Locale, t: &Ticket) -> Vec<CreateActionRow> {
    let answers = CreateActionRow::Buttons(vec![
        CreateButton::new(ComponentId::ResolvedYes(t.id).to_string())
            .label(tr!(locale, "button-yes"))
            .style(ButtonStyle::Success),
        CreateButton::new(ComponentId::ResolvedNo(t.id).to_string())
            .label(tr!(locale, "button-no"))
            .style(ButtonStyle::Danger),
    ]);
    let stars = CreateActionRow::Buttons(
        (1..=5u8)
            .map(|n| {
                CreateButton::new(ComponentId::Rate(t.id, n).to_string())
                    .label(format!("{n} ★"))
                    .style(ButtonStyle::Secondary)
            })
            .collect(),
    );
    vec![answers, stars]
}

/// The user confirms (Yes, or a rating with an optional comment).
pub async fn confirm(
    http: &Http,
    data: &Data,
    env: &Env,
    t: &Ticket,
    rating: Option<u8>,
    comment: Option<&str>,
) -> Result<String, BotError> {
    let rating = rating
        .map(Rating::try_from)
        .transpose()
        .map_err(|_| BotError::say("error-bad-rating"))?;
    let change = data
        .store
        .transition(t.id, |t| {
            tickets::confirm(t, &env.actor, rating, comment, data.clock.now())
        })
        .await?;
    let t = &change.after;
    let staff = staff_locale(data, &env.settings);
    let stars = rating
        .map(|r| "★".repeat(usize::from(r.get())))
        .unwrap_or_default();
    let mut note = tr!(staff, "case-confirmed", stars = stars);
    if let Some(c) = comment.filter(|c| !c.trim().is_empty()) {
        note.push('\n');
        note.push_str(&quote(&clip(c, 1500)));
    }
    case::post_in_case(http, t, note).await?;
    ops::after_close(http, data, &env.settings, t, Some(env.actor.user.0), None).await;
    Ok(tr!(t.locale, "resolve-thanks"))
}

/// The user says No: back to the assignee, who is pinged in the case.
pub async fn reject(
    http: &Http,
    data: &Data,
    env: &Env,
    t: &Ticket,
    comment: Option<&str>,
) -> Result<String, BotError> {
    let change = data
        .store
        .transition(t.id, |t| {
            tickets::reject(t, &env.actor, comment, data.clock.now())
        })
        .await?;
    let t = &change.after;
    let staff = staff_locale(data, &env.settings);
    let who = t.assignee.map(|a| format!("<@{a}>")).unwrap_or_default();
    let mut text = tr!(staff, "case-rejected", assignee = who);
    if let Some(c) = comment.filter(|c| !c.trim().is_empty()) {
        text.push('\n');
        text.push_str(&quote(&clip(c, 1500)));
    }
    if let Some(case) = &t.case {
        let pings = match t.assignee {
            Some(a) => mentions::users([a.0]),
            None => mentions::nobody(),
        };
        DChannel::new(case.thread.0)
            .send_message(
                http,
                CreateMessage::new()
                    .content(clip(&text, 2000))
                    .allowed_mentions(pings),
            )
            .await?;
    }
    case::refresh_card(http, data, &env.settings, t).await?;
    Ok(tr!(t.locale, "resolve-not-solved"))
}
