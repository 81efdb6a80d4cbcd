//! A minimal poise bot: `/hello` (a reply with buttons), `/pick` (an
//! autocompleted option and a deferred reply), a "Wave" button that updates
//! its message, a "Feedback" button that opens a modal, an "Ignore" button
//! it never answers, and a message listener (`echo …`, `!private`,
//! `!announce`).

use std::sync::Arc;

use poise::serenity_prelude as serenity;
use serenity::{
    ChannelType, CreateActionRow, CreateButton, CreateInputText, CreateInteractionResponse,
    CreateInteractionResponseMessage, CreateMessage, CreateModal, CreateThread, FullEvent,
    GatewayIntents, InputTextStyle, Interaction, ShardManager,
};
use supportline_sandbox::Sandbox;
use tokio::task::JoinHandle;

type Error = Box<dyn std::error::Error + Send + Sync>;
type Context<'a> = poise::Context<'a, Data, Error>;

pub struct Data;

/// Say hello
#[poise::command(slash_command)]
async fn hello(
    ctx: Context<'_>,
    #[description = "Who to greet"] name: Option<String>,
    #[description = "Only you see the answer"] secret: Option<bool>,
    #[description = "How many times"]
    #[min = 1]
    #[max = 3]
    times: Option<u8>,
) -> Result<(), Error> {
    let _ = times;
    let who = name.unwrap_or_else(|| ctx.author().name.clone());
    let buttons = CreateActionRow::Buttons(vec![
        CreateButton::new("wave").label("Wave"),
        CreateButton::new("feedback").label("Feedback"),
        CreateButton::new("ignore").label("Ignore"),
    ]);
    let reply = poise::CreateReply::default()
        .content(format!("Hello, {who}!"))
        .components(vec![buttons])
        .ephemeral(secret.unwrap_or(false));
    ctx.send(reply).await?;
    Ok(())
}

async fn fruits(_ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let choices = ["apple", "apricot", "banana"]
        .into_iter()
        .filter(|f| f.starts_with(partial))
        .map(|f| serenity::AutocompleteChoice::new(f, f))
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

/// Pick a fruit
#[poise::command(slash_command)]
async fn pick(
    ctx: Context<'_>,
    #[description = "A fruit"]
    #[autocomplete = "fruits"]
    fruit: String,
) -> Result<(), Error> {
    ctx.defer().await?;
    ctx.say(format!("You picked {fruit}")).await?;
    Ok(())
}

async fn on_event(
    framework: poise::FrameworkContext<'_, Data, Error>,
    event: &FullEvent,
) -> Result<(), Error> {
    let ctx = framework.serenity_context;
    match event {
        FullEvent::Message { new_message } if !new_message.author.bot => {
            on_message(ctx, new_message).await
        }
        FullEvent::InteractionCreate { interaction } => on_interaction(ctx, interaction).await,
        _ => Ok(()),
    }
}

async fn on_message(ctx: &serenity::Context, message: &serenity::Message) -> Result<(), Error> {
    let text = message.content.as_str();
    if let Some(rest) = text.strip_prefix("echo ") {
        message.channel_id.say(ctx, format!("Echo: {rest}")).await?;
    } else if text == "!private" {
        let thread = message
            .channel_id
            .create_thread(
                ctx,
                CreateThread::new(format!("private-{}", message.author.name))
                    .kind(ChannelType::PrivateThread),
            )
            .await?;
        thread.id.add_thread_member(ctx, message.author.id).await?;
        thread.id.say(ctx, "Only you and me here").await?;
    } else if let Some(how) = text.strip_prefix("!announce") {
        let guild = message.guild_id.ok_or("no guild")?;
        let channels = guild.channels(ctx).await?;
        let target = channels
            .values()
            .find(|c| c.name == "announcements")
            .ok_or("no #announcements")?;
        let news = CreateMessage::new().content("News!");
        // Through the cache serenity checks permissions itself before any
        // request; through bare HTTP the request goes out and Discord says no.
        let outcome = if how == " cached" {
            target.id.send_message(ctx, news).await
        } else {
            target.id.send_message(ctx.http.as_ref(), news).await
        };
        let note = match outcome {
            Ok(_) => "Posted".to_string(),
            Err(serenity::Error::Http(serenity::HttpError::UnsuccessfulRequest(answer))) => {
                format!(
                    "Could not post: {} ({})",
                    answer.error.code,
                    answer.status_code.as_u16()
                )
            }
            Err(serenity::Error::Model(serenity::ModelError::InvalidPermissions {
                required,
                ..
            })) => {
                format!("Serenity refused: missing {required}")
            }
            Err(other) => format!("Failed otherwise: {other}"),
        };
        message.channel_id.say(ctx, note).await?;
    }
    Ok(())
}

async fn on_interaction(ctx: &serenity::Context, interaction: &Interaction) -> Result<(), Error> {
    match interaction {
        Interaction::Component(click) if click.data.custom_id == "wave" => {
            let text = format!("{} (waved by {})", click.message.content, click.user.name);
            let update = CreateInteractionResponseMessage::new().content(text);
            click
                .create_response(ctx, CreateInteractionResponse::UpdateMessage(update))
                .await?;
        }
        Interaction::Component(click) if click.data.custom_id == "feedback" => {
            let field =
                CreateInputText::new(InputTextStyle::Paragraph, "What do you think?", "text")
                    .min_length(2)
                    .max_length(20);
            let modal = CreateModal::new("feedback_form", "Feedback")
                .components(vec![CreateActionRow::InputText(field)]);
            click
                .create_response(ctx, CreateInteractionResponse::Modal(modal))
                .await?;
        }
        Interaction::Modal(form) if form.data.custom_id == "feedback_form" => {
            let text = form
                .data
                .components
                .iter()
                .flat_map(|row| row.components.iter())
                .find_map(|c| match c {
                    serenity::ActionRowComponent::InputText(input) => input.value.clone(),
                    _ => None,
                })
                .unwrap_or_default();
            let reply = CreateInteractionResponseMessage::new()
                .content(format!("Thanks for the feedback: {text}"));
            form.create_response(ctx, CreateInteractionResponse::Message(reply))
                .await?;
        }
        _ => {}
    }
    Ok(())
}

/// The intents the minimal bot asks for.
pub fn intents() -> GatewayIntents {
    GatewayIntents::non_privileged() | GatewayIntents::MESSAGE_CONTENT
}

/// A running bot process (in this test's runtime).
pub struct Bot {
    pub shard_manager: Arc<ShardManager>,
    task: JoinHandle<()>,
}

impl Bot {
    /// Connects the minimal bot to `sandbox` and waits for it to be ready.
    pub async fn start(sandbox: &Sandbox) -> Bot {
        let handshakes = sandbox.handshakes();
        let framework = poise::Framework::builder()
            .options(poise::FrameworkOptions {
                commands: vec![hello(), pick()],
                event_handler: |framework, event| Box::pin(on_event(framework, event)),
                ..Default::default()
            })
            .setup(|ctx, _ready, framework| {
                Box::pin(async move {
                    poise::builtins::register_globally(ctx, &framework.options().commands).await?;
                    Ok(Data)
                })
            })
            .build();
        let mut client = sandbox
            .client_builder(intents())
            .framework(framework)
            .await
            .expect("the bot's client builds");
        let shard_manager = client.shard_manager.clone();
        let task = tokio::spawn(async move {
            if let Err(error) = client.start().await {
                eprintln!("the bot stopped: {error}");
            }
        });
        sandbox
            .bot_connected_after(handshakes)
            .await
            .expect("the bot connects");
        Bot {
            shard_manager,
            task,
        }
    }

    /// Stops the bot (the sandbox stays up).
    pub async fn stop(self) {
        self.task.abort();
        let _ = self.task.await;
    }
}
