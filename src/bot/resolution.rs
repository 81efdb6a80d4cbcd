//! The buttons and forms of resolving: the card's "Resolve" (a form for an
//! optional summary), and the user's Yes / No / 1–5 stars under "Did this
//! solve it?" (a rating or a No opens a form for an optional comment).

use poise::serenity_prelude::{InputTextStyle, ModalInteraction};

use super::app::Data;
use super::components::{field, modal, ticket, value, Responder};
use super::error::BotError;
use super::flows::{resolve, Env};
use super::ids::ComponentId;
use crate::tickets::{allows, TicketAction};
use crate::tr;

pub(super) async fn on_click(
    r: &mut Responder<'_>,
    data: &Data,
    env: &Env,
    id: ComponentId,
) -> Result<(), BotError> {
    let locale = env.locale;
    match id {
        ComponentId::Resolve(t) => {
            let t = ticket(data, t, env).await?;
            allows(TicketAction::Resolve, &env.actor, &t).map_err(BotError::Refused)?;
            let summary = field(
                InputTextStyle::Paragraph,
                tr!(locale, "form-summary"),
                "summary",
                false,
                1500,
            );
            r.respond(modal(
                ComponentId::ResolveForm(t.id),
                tr!(locale, "form-resolve-title", number = t.number.to_string()),
                vec![summary],
            ))
            .await
        }
        ComponentId::ResolvedYes(t) => {
            let t = ticket(data, t, env).await?;
            allows(TicketAction::AnswerResolve, &env.actor, &t).map_err(BotError::Refused)?;
            r.defer().await?;
            let text = resolve::confirm(r.http(), data, env, &t, None, None).await?;
            r.say(text).await
        }
        ComponentId::ResolvedNo(t) | ComponentId::Rate(t, _) => {
            let t = ticket(data, t, env).await?;
            allows(TicketAction::AnswerResolve, &env.actor, &t).map_err(BotError::Refused)?;
            if t.status != crate::tickets::Status::Resolving {
                return Err(BotError::Refused(
                    crate::tickets::Refusal::NotAwaitingConfirmation,
                ));
            }
            let (form, title, label) = match id {
                ComponentId::Rate(_, n) => (
                    ComponentId::RateForm(t.id, n),
                    tr!(
                        t.locale,
                        "form-rate-title",
                        stars = "★".repeat(usize::from(n))
                    ),
                    tr!(t.locale, "form-rate-comment"),
                ),
                _ => (
                    ComponentId::ResolvedNo(t.id),
                    tr!(t.locale, "form-no-title"),
                    tr!(t.locale, "form-no-comment"),
                ),
            };
            let comment = field(InputTextStyle::Paragraph, label, "comment", false, 1500);
            r.respond(modal(form, title, vec![comment])).await
        }
        // Form ids never sit on a button.
        _ => Err(BotError::say("error-generic")),
    }
}

pub(super) async fn on_submit(
    r: &mut Responder<'_>,
    data: &Data,
    env: &Env,
    form: &ModalInteraction,
    id: ComponentId,
) -> Result<(), BotError> {
    match id {
        ComponentId::ResolveForm(t) => {
            let t = ticket(data, t, env).await?;
            let summary = value(form, "summary");
            let text = resolve::request(r.http(), data, env, &t, summary.as_deref()).await?;
            r.say(text).await
        }
        ComponentId::RateForm(t, n) => {
            let t = ticket(data, t, env).await?;
            let comment = value(form, "comment");
            let text =
                resolve::confirm(r.http(), data, env, &t, Some(n), comment.as_deref()).await?;
            r.say(text).await
        }
        ComponentId::ResolvedNo(t) => {
            let t = ticket(data, t, env).await?;
            let comment = value(form, "comment");
            let text = resolve::reject(r.http(), data, env, &t, comment.as_deref()).await?;
            r.say(text).await
        }
        _ => Err(BotError::say("error-generic")),
    }
}
