//! Buttons and modals. Custom ids carry what they act on (see [`ids`]);
//! each click is checked against the permission table like a command, and
//! answered within Discord's 3 seconds (deferred when it does real work).
//! Every kind of component has its own handler, by where it sits: under
//! L0's answers and on the panel (`l0`), on the case card (`card`), and in
//! resolving a ticket (`resolving`).

mod card;
mod close_request;
mod intake;
mod l0;
mod resolving;

use poise::serenity_prelude::{
    self as serenity, ActionRowComponent, ComponentInteraction, Context, CreateActionRow,
    CreateInputText, CreateInteractionResponse, CreateInteractionResponseMessage, CreateModal,
    EditInteractionResponse, InputTextStyle, Interaction, ModalInteraction,
};

use super::app::{log_failure, Data};
use super::error::BotError;
use super::flows::Env;
use super::ids::ComponentId;
use super::mentions;
use crate::i18n::{Catalog, FluentValue, Locale};
use crate::tickets::{ChannelId, GuildId, Ticket, TicketId, UserId};

/// The longest question the panel's form takes (as `/ask` does).
const PANEL_QUESTION_MAX: usize = 1000;

pub async fn handle(ctx: &Context, data: &Data, interaction: &Interaction) {
    match interaction {
        Interaction::Component(click) => {
            let Some(id) = ComponentId::parse(&click.data.custom_id) else {
                return;
            };
            let mut r = Responder::new(ctx, Target::Click(click), data);
            if let Err(e) = on_click(&mut r, data, id).await {
                log_failure(data, &format!("the button {}", click.data.custom_id), &e);
                r.fail(&e).await;
            }
        }
        Interaction::Modal(form) => {
            let Some(id) = ComponentId::parse(&form.data.custom_id) else {
                return;
            };
            let mut r = Responder::new(ctx, Target::Form(form), data);
            if let Err(e) = on_submit(&mut r, data, form, id).await {
                log_failure(data, &format!("the form {}", form.data.custom_id), &e);
                r.fail(&e).await;
            }
        }
        _ => {}
    }
}

pub(super) enum Target<'a> {
    Click(&'a ComponentInteraction),
    Form(&'a ModalInteraction),
}

/// Answers one interaction: at most one initial response, then edits.
pub(super) struct Responder<'a> {
    ctx: &'a Context,
    target: Target<'a>,
    locale: Locale,
    answered: bool,
    metrics: crate::telemetry::Metrics,
}

impl<'a> Responder<'a> {
    fn new(ctx: &'a Context, target: Target<'a>, data: &Data) -> Self {
        let tag = match &target {
            Target::Click(c) => c.locale.clone(),
            Target::Form(f) => f.locale.clone(),
        };
        Responder {
            ctx,
            target,
            locale: Locale::from_discord(Some(&tag), data.default_locale),
            answered: false,
            metrics: data.metrics.clone(),
        }
    }

    pub(super) fn http(&self) -> &serenity::Http {
        &self.ctx.http
    }

    pub(super) async fn respond(
        &mut self,
        response: CreateInteractionResponse,
    ) -> Result<(), BotError> {
        let http = &self.ctx.http;
        crate::bot::retry::answer(&self.metrics, || async {
            match &self.target {
                Target::Click(c) => c.create_response(http, response.clone()).await,
                Target::Form(f) => f.create_response(http, response.clone()).await,
            }
        })
        .await?;
        self.answered = true;
        Ok(())
    }

    /// "Thinking…", visible to the clicker only.
    pub(super) async fn defer(&mut self) -> Result<(), BotError> {
        self.respond(CreateInteractionResponse::Defer(
            CreateInteractionResponseMessage::new().ephemeral(true),
        ))
        .await
    }

    pub(super) async fn edit(&self, edit: EditInteractionResponse) -> Result<(), BotError> {
        let edit = edit.allowed_mentions(mentions::nobody());
        let http = &self.ctx.http;
        crate::bot::retry::answer(&self.metrics, || async {
            match &self.target {
                Target::Click(c) => c.edit_response(http, edit.clone()).await,
                Target::Form(f) => f.edit_response(http, edit.clone()).await,
            }
        })
        .await?;
        Ok(())
    }

    /// Says `text` to the clicker: as the answer, or in the deferred one.
    pub(super) async fn say(&mut self, text: String) -> Result<(), BotError> {
        if self.answered {
            self.edit(EditInteractionResponse::new().content(text))
                .await
        } else {
            self.respond(CreateInteractionResponse::Message(
                CreateInteractionResponseMessage::new()
                    .content(text)
                    .ephemeral(true)
                    .allowed_mentions(mentions::nobody()),
            ))
            .await
        }
    }

    pub(super) async fn fail(&mut self, e: &BotError) {
        let text = e.user_text(self.locale);
        if let Err(e) = self.say(text).await {
            tracing::debug!(error = %e, "could not report an error to the person");
        }
    }

    pub(super) async fn env(&self, data: &Data) -> Result<Env, BotError> {
        let (guild, channel, user, member, locale) = match &self.target {
            Target::Click(c) => (
                c.guild_id,
                c.channel_id,
                &c.user,
                c.member.as_ref(),
                &c.locale,
            ),
            Target::Form(f) => (
                f.guild_id,
                f.channel_id,
                &f.user,
                f.member.as_ref(),
                &f.locale,
            ),
        };
        Env::load(
            data,
            guild.map(|g| GuildId(g.get())),
            ChannelId(channel.get()),
            UserId(user.id.get()),
            member,
            Some(locale),
        )
        .await
    }

    /// The first value chosen in a select menu (none for anything else).
    pub(super) fn selected(&self) -> Option<String> {
        match &self.target {
            Target::Click(c) => match &c.data.kind {
                serenity::ComponentInteractionDataKind::StringSelect { values } => {
                    values.first().cloned()
                }
                _ => None,
            },
            Target::Form(_) => None,
        }
    }

    pub(super) fn interaction_id(&self) -> u64 {
        match &self.target {
            Target::Click(c) => c.id.get(),
            Target::Form(f) => f.id.get(),
        }
    }
}

pub(super) async fn ticket(data: &Data, id: TicketId, env: &Env) -> Result<Ticket, BotError> {
    let t = data
        .store
        .ticket(id)
        .await?
        .ok_or_else(|| BotError::say("error-ticket-not-found"))?;
    if t.guild != env.guild || !crate::tickets::may_know_of(&env.actor, &t) {
        return Err(BotError::say("error-ticket-not-found"));
    }
    Ok(t)
}

pub(super) fn modal(
    id: ComponentId,
    title: String,
    fields: Vec<CreateInputText>,
) -> CreateInteractionResponse {
    CreateInteractionResponse::Modal(
        CreateModal::new(id.to_string(), super::render::clip(&title, 45))
            .components(fields.into_iter().map(CreateActionRow::InputText).collect()),
    )
}

/// One text field of a form about a ticket: its label in the catalogue,
/// its id, whether it must be filled, its length limit, one line or many.
pub(super) struct Ask {
    pub label: &'static str,
    pub id: &'static str,
    pub required: bool,
    pub max: u16,
    pub long: bool,
}

/// Shows the form `form` about ticket number `number`, titled by the
/// catalogue's `title` (which names the number), with `fields`.
pub(super) async fn ticket_form(
    r: &mut Responder<'_>,
    locale: Locale,
    form: ComponentId,
    title: &str,
    number: crate::tickets::TicketNumber,
    fields: &[Ask],
) -> Result<(), BotError> {
    let catalog = Catalog::global();
    let inputs = fields
        .iter()
        .map(|f| {
            let style = if f.long {
                InputTextStyle::Paragraph
            } else {
                InputTextStyle::Short
            };
            field(
                style,
                catalog.text(locale, f.label, &[]),
                f.id,
                f.required,
                f.max,
            )
        })
        .collect();
    let title = catalog.text(
        locale,
        title,
        &[("number", FluentValue::from(number.to_string()))],
    );
    r.respond(modal(form, title, inputs)).await
}

pub(super) fn field(
    style: InputTextStyle,
    label: String,
    id: &str,
    required: bool,
    max: u16,
) -> CreateInputText {
    CreateInputText::new(style, super::render::clip(&label, 45), id)
        .required(required)
        .max_length(max)
}

/// A click, sent to the handler of its kind. Every kind is named: a new
/// component cannot be added without deciding what its click does.
async fn on_click(r: &mut Responder<'_>, data: &Data, id: ComponentId) -> Result<(), BotError> {
    let env = r.env(data).await?;
    match id {
        ComponentId::Solved(x) => l0::solved(r, data, &env, x).await,
        ComponentId::Candidate(x, i) => l0::candidate(r, data, &env, x, i).await,
        ComponentId::Human(x) => l0::talk_to_human(r, data, &env, x).await,
        ComponentId::PanelAsk => l0::panel_form(r, &env).await,
        ComponentId::Claim(t) => card::claim(r, data, &env, t).await,
        ComponentId::Unclaim(t) => card::unclaim(r, data, &env, t).await,
        ComponentId::Escalate(t) => card::escalate_form(r, data, &env, t).await,
        ComponentId::Note(t) => card::note_form(r, data, &env, t).await,
        ComponentId::Close(t) => card::close_form(r, data, &env, t).await,
        ComponentId::Resolve(t) => resolving::resolve_form(r, data, &env, t).await,
        ComponentId::ResolvedYes(t) => resolving::yes(r, data, &env, t).await,
        ComponentId::ResolvedNo(t) => resolving::comment_form(r, data, &env, t, None).await,
        ComponentId::Rate(t, n) => resolving::comment_form(r, data, &env, t, Some(n)).await,
        ComponentId::Topic(d) => intake::topic(r, data, &env, d).await,
        ComponentId::CloseRequest(t) => {
            close_request::clicked(r, data, &env, t, close_request::Click::Ask).await
        }
        ComponentId::CloseAccept(t) => {
            close_request::clicked(r, data, &env, t, close_request::Click::Accept).await
        }
        ComponentId::KeepOpen(t) => {
            close_request::clicked(r, data, &env, t, close_request::Click::KeepOpen).await
        }
        // A form's id never sits on a button: only a forged click has one.
        ComponentId::IntakeForm(_)
        | ComponentId::PanelForm
        | ComponentId::EscalateForm(_)
        | ComponentId::NoteForm(_)
        | ComponentId::CloseForm(_)
        | ComponentId::ResolveForm(_)
        | ComponentId::RateForm(..) => Err(BotError::say("error-generic")),
    }
}

/// A submitted form, sent to the handler of its kind.
async fn on_submit(
    r: &mut Responder<'_>,
    data: &Data,
    form: &ModalInteraction,
    id: ComponentId,
) -> Result<(), BotError> {
    let env = r.env(data).await?;
    r.defer().await?;
    match id {
        ComponentId::PanelForm => l0::panel_question(r, data, &env, form).await,
        ComponentId::EscalateForm(t) => card::escalate(r, data, &env, form, t).await,
        ComponentId::NoteForm(t) => card::note(r, data, &env, form, t).await,
        ComponentId::CloseForm(t) => card::close(r, data, &env, form, t).await,
        ComponentId::ResolveForm(t) => resolving::resolve(r, data, &env, form, t).await,
        ComponentId::RateForm(t, n) => resolving::rate(r, data, &env, form, t, n).await,
        ComponentId::ResolvedNo(t) => resolving::reject(r, data, &env, form, t).await,
        ComponentId::IntakeForm(d) => intake::form(r, data, &env, form, d).await,
        // Buttons carry no form.
        ComponentId::Topic(_)
        | ComponentId::CloseRequest(_)
        | ComponentId::CloseAccept(_)
        | ComponentId::KeepOpen(_)
        | ComponentId::Solved(_)
        | ComponentId::Candidate(..)
        | ComponentId::Human(_)
        | ComponentId::PanelAsk
        | ComponentId::Claim(_)
        | ComponentId::Unclaim(_)
        | ComponentId::Escalate(_)
        | ComponentId::Note(_)
        | ComponentId::Close(_)
        | ComponentId::Resolve(_)
        | ComponentId::ResolvedYes(_)
        | ComponentId::Rate(..) => Err(BotError::say("error-generic")),
    }
}

/// The value of the text field `id` in a submitted modal.
pub(super) fn value(form: &ModalInteraction, id: &str) -> Option<String> {
    form.data
        .components
        .iter()
        .flat_map(|row| row.components.iter())
        .find_map(|c| match c {
            ActionRowComponent::InputText(input) if input.custom_id == id => input.value.clone(),
            _ => None,
        })
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}
