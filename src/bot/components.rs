//! Buttons and modals. Custom ids carry what they act on (see [`ids`]);
//! each click is checked against the permission table like a command, and
//! answered within Discord's 3 seconds (deferred when it does real work).

use poise::serenity_prelude::{
    self as serenity, ActionRowComponent, ComponentInteraction, Context, CreateActionRow,
    CreateInputText, CreateInteractionResponse, CreateInteractionResponseMessage, CreateModal,
    EditInteractionResponse, InputTextStyle, Interaction, ModalInteraction,
};

use super::app::{log_failure, Data};
use super::error::BotError;
use super::flows::ask::{self, L0Reply};
use super::flows::open::{self, Opening};
use super::flows::{ops, Env};
use super::ids::ComponentId;
use super::mentions;
use super::render::answer;
use crate::i18n::Locale;
use crate::store::L0Click;
use crate::tickets::{allows, Level, Refusal, Ticket, TicketAction, TicketId, TicketSource};
use crate::tr;

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
                log_failure(&format!("the button {}", click.data.custom_id), &e);
                r.fail(&e).await;
            }
        }
        Interaction::Modal(form) => {
            let Some(id) = ComponentId::parse(&form.data.custom_id) else {
                return;
            };
            let mut r = Responder::new(ctx, Target::Form(form), data);
            if let Err(e) = on_submit(&mut r, data, form, id).await {
                log_failure(&format!("the form {}", form.data.custom_id), &e);
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
        }
    }

    pub(super) fn http(&self) -> &serenity::Http {
        &self.ctx.http
    }

    pub(super) async fn respond(
        &mut self,
        response: CreateInteractionResponse,
    ) -> Result<(), BotError> {
        match &self.target {
            Target::Click(c) => c.create_response(&self.ctx.http, response).await?,
            Target::Form(f) => f.create_response(&self.ctx.http, response).await?,
        }
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
        match &self.target {
            Target::Click(c) => c.edit_response(&self.ctx.http, edit).await?,
            Target::Form(f) => f.edit_response(&self.ctx.http, edit).await?,
        };
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
            guild.map(|g| g.get()),
            channel.get(),
            user.id.get(),
            member,
            Some(locale),
        )
        .await
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

async fn on_click(r: &mut Responder<'_>, data: &Data, id: ComponentId) -> Result<(), BotError> {
    let env = r.env(data).await?;
    let locale = env.locale;
    match id {
        ComponentId::Solved(x) | ComponentId::Human(x) | ComponentId::Candidate(x, _) => {
            let exchange = data
                .store
                .l0_exchange(x)
                .await?
                .ok_or_else(|| BotError::say("error-ticket-not-found"))?;
            if exchange.user != env.actor.user || exchange.guild != env.guild {
                return Err(BotError::say("error-not-your-answer"));
            }
            let now = data.clock.now();
            match id {
                ComponentId::Solved(_) => {
                    data.store.mark_l0_click(x, &L0Click::Solved, now).await?;
                    r.respond(CreateInteractionResponse::UpdateMessage(
                        CreateInteractionResponseMessage::new()
                            .content(tr!(locale, "answer-glad"))
                            .components(Vec::new()),
                    ))
                    .await
                }
                ComponentId::Candidate(_, i) => {
                    let index = data.knowledge.current();
                    let article = exchange
                        .candidates
                        .get(usize::from(i))
                        .and_then(|a| index.article(a))
                        .ok_or_else(|| BotError::say("kb-article-gone"))?;
                    data.store
                        .mark_l0_click(x, &L0Click::Candidate(article.id.to_string()), now)
                        .await?;
                    r.respond(CreateInteractionResponse::UpdateMessage(
                        CreateInteractionResponseMessage::new()
                            .content("")
                            .embed(answer::article_embed(locale, article))
                            .components(answer::answer_buttons(locale, x)),
                    ))
                    .await
                }
                _ => {
                    r.defer().await?;
                    data.store
                        .mark_l0_click(x, &L0Click::TalkToHuman, now)
                        .await?;
                    let opening = Opening {
                        question: &exchange.question,
                        source: TicketSource::L0Exchange(x),
                        key: r.interaction_id().to_string(),
                        locale: exchange.locale,
                    };
                    let text = open::open(r.http(), data, &env, opening).await?;
                    r.say(text).await
                }
            }
        }
        ComponentId::PanelAsk => {
            let question = field(
                InputTextStyle::Paragraph,
                tr!(locale, "form-question"),
                "question",
                true,
                PANEL_QUESTION_MAX as u16,
            );
            r.respond(modal(
                ComponentId::PanelForm,
                tr!(locale, "form-ask-title"),
                vec![question],
            ))
            .await
        }
        ComponentId::Claim(t) => {
            r.defer().await?;
            let t = ticket(data, t, &env).await?;
            let text = ops::claim(r.http(), data, &env, &t).await?;
            r.say(text).await
        }
        ComponentId::Unclaim(t) => {
            r.defer().await?;
            let t = ticket(data, t, &env).await?;
            let text = ops::unclaim(r.http(), data, &env, &t).await?;
            r.say(text).await
        }
        ComponentId::Escalate(t) => {
            // Refuse before asking for a reason nobody may give.
            let t = ticket(data, t, &env).await?;
            allows(TicketAction::Escalate, &env.actor, &t).map_err(BotError::Refused)?;
            let reason = field(
                InputTextStyle::Paragraph,
                tr!(locale, "form-reason"),
                "reason",
                true,
                1000,
            );
            let level = field(
                InputTextStyle::Short,
                tr!(locale, "form-level"),
                "level",
                false,
                2,
            );
            r.respond(modal(
                ComponentId::EscalateForm(t.id),
                tr!(locale, "form-escalate-title", number = t.number.to_string()),
                vec![reason, level],
            ))
            .await
        }
        ComponentId::Note(t) => {
            let t = ticket(data, t, &env).await?;
            allows(TicketAction::Note, &env.actor, &t).map_err(BotError::Refused)?;
            let text = field(
                InputTextStyle::Paragraph,
                tr!(locale, "form-note"),
                "text",
                true,
                1800,
            );
            r.respond(modal(
                ComponentId::NoteForm(t.id),
                tr!(locale, "form-note-title", number = t.number.to_string()),
                vec![text],
            ))
            .await
        }
        ComponentId::Close(t) => {
            let t = ticket(data, t, &env).await?;
            allows(TicketAction::Close, &env.actor, &t).map_err(BotError::Refused)?;
            let reason = field(
                InputTextStyle::Paragraph,
                tr!(locale, "form-close-reason"),
                "reason",
                false,
                1000,
            );
            r.respond(modal(
                ComponentId::CloseForm(t.id),
                tr!(locale, "form-close-title", number = t.number.to_string()),
                vec![reason],
            ))
            .await
        }
        other => super::resolution::on_click(r, data, &env, other).await,
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

async fn on_submit(
    r: &mut Responder<'_>,
    data: &Data,
    form: &ModalInteraction,
    id: ComponentId,
) -> Result<(), BotError> {
    let env = r.env(data).await?;
    r.defer().await?;
    match id {
        ComponentId::PanelForm => {
            let question = value(form, "question").unwrap_or_default();
            // The form declares this limit; Discord enforces it, and a
            // forged submission is refused all the same.
            if question.chars().count() > PANEL_QUESTION_MAX {
                return Err(BotError::Refused(Refusal::TextTooLong {
                    max: PANEL_QUESTION_MAX,
                }));
            }
            match ask::ask(data, &env, &question).await? {
                L0Reply::Article { embed, buttons } => {
                    r.edit(
                        EditInteractionResponse::new()
                            .embed(*embed)
                            .components(buttons),
                    )
                    .await
                }
                L0Reply::Candidates { text, buttons }
                | L0Reply::Nothing { text, buttons }
                | L0Reply::SmallTalk { text, buttons } => {
                    r.edit(
                        EditInteractionResponse::new()
                            .content(text)
                            .components(buttons),
                    )
                    .await
                }
            }
        }
        ComponentId::EscalateForm(t) => {
            let t = ticket(data, t, &env).await?;
            let reason = value(form, "reason").unwrap_or_default();
            let level = match value(form, "level") {
                None => None,
                Some(l) => Some(
                    l.parse::<Level>()
                        .map_err(|_| BotError::say("error-bad-form-level"))?,
                ),
            };
            let text = ops::move_level(r.http(), data, &env, &t, true, level, &reason).await?;
            r.say(text).await
        }
        ComponentId::NoteForm(t) => {
            let t = ticket(data, t, &env).await?;
            let text = value(form, "text").unwrap_or_default();
            let done = ops::note(r.http(), data, &env, &t, &text).await?;
            r.say(done).await
        }
        ComponentId::CloseForm(t) => {
            let t = ticket(data, t, &env).await?;
            let reason = value(form, "reason");
            let done = ops::close(r.http(), data, &env, &t, reason.as_deref()).await?;
            r.say(done).await
        }
        other => super::resolution::on_submit(r, data, &env, form, other).await,
    }
}
