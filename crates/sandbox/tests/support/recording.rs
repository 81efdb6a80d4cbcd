//! A plain serenity event handler that writes down every event it is
//! handed, and answers interactions just enough to not fail them. Events
//! serenity could not read arrive as `Event::Unknown` and are written down
//! as `UNKNOWN …`, so a payload serenity silently drops shows up.

use std::time::Duration;

use serenity::all::{
    ChannelId, Context, CreateActionRow, CreateAttachment, CreateAutocompleteResponse,
    CreateInputText, CreateInteractionResponse, CreateInteractionResponseMessage, CreateModal,
    EditInteractionResponse, Event, EventHandler, GatewayIntents, GuildChannel, GuildId,
    GuildMemberUpdateEvent, InputTextStyle, Interaction, Member, Message, MessageId,
    MessageUpdateEvent, PartialGuildChannel, Ready, ResumedEvent, ShardManager,
    ThreadMembersUpdateEvent, User,
};
use serenity::async_trait;
use std::sync::Arc;
use supportline_sandbox::Sandbox;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

struct Handler {
    tx: mpsc::UnboundedSender<String>,
}

impl Handler {
    fn note(&self, event: String) {
        let _ = self.tx.send(event);
    }
}

#[async_trait]
impl EventHandler for Handler {
    async fn ready(&self, _: Context, ready: Ready) {
        self.note(format!("READY {}", ready.user.name));
    }
    async fn guild_create(&self, _: Context, guild: serenity::all::Guild, _: Option<bool>) {
        self.note(format!("GUILD_CREATE {} channels", guild.channels.len()));
    }
    async fn message(&self, _: Context, message: Message) {
        self.note(format!("MESSAGE_CREATE {}", message.content));
        // Who wrote where, which arrives without the content intent too.
        self.note(format!(
            "MESSAGE_AUTHOR {} in {}",
            message.author.name, message.channel_id
        ));
    }
    async fn message_update(
        &self,
        _: Context,
        _: Option<Message>,
        _: Option<Message>,
        event: MessageUpdateEvent,
    ) {
        self.note(format!(
            "MESSAGE_UPDATE {}",
            event.content.unwrap_or_default()
        ));
    }
    async fn message_delete(&self, _: Context, _: ChannelId, id: MessageId, _: Option<GuildId>) {
        self.note(format!("MESSAGE_DELETE {id}"));
    }
    async fn thread_create(&self, _: Context, thread: GuildChannel) {
        self.note(format!("THREAD_CREATE {}", thread.name));
    }
    async fn thread_update(&self, _: Context, _: Option<GuildChannel>, new: GuildChannel) {
        let archived = new.thread_metadata.is_some_and(|m| m.archived);
        self.note(format!("THREAD_UPDATE {} archived={archived}", new.name));
    }
    async fn thread_delete(
        &self,
        _: Context,
        thread: PartialGuildChannel,
        _: Option<GuildChannel>,
    ) {
        self.note(format!("THREAD_DELETE {}", thread.id));
    }
    async fn thread_members_update(&self, _: Context, update: ThreadMembersUpdateEvent) {
        self.note(format!(
            "THREAD_MEMBERS_UPDATE +{} -{}",
            update.added_members.len(),
            update.removed_member_ids.len()
        ));
    }
    async fn channel_create(&self, _: Context, channel: GuildChannel) {
        self.note(format!("CHANNEL_CREATE {}", channel.name));
    }
    async fn channel_update(&self, _: Context, _: Option<GuildChannel>, new: GuildChannel) {
        self.note(format!("CHANNEL_UPDATE {}", new.name));
    }
    async fn channel_delete(&self, _: Context, channel: GuildChannel, _: Option<Vec<Message>>) {
        self.note(format!("CHANNEL_DELETE {}", channel.name));
    }
    async fn guild_member_addition(&self, _: Context, member: Member) {
        self.note(format!("GUILD_MEMBER_ADD {}", member.user.name));
    }
    async fn guild_member_update(
        &self,
        _: Context,
        _: Option<Member>,
        _: Option<Member>,
        event: GuildMemberUpdateEvent,
    ) {
        self.note(format!(
            "GUILD_MEMBER_UPDATE {} roles={}",
            event.user.name,
            event.roles.len()
        ));
    }
    async fn guild_member_removal(&self, _: Context, _: GuildId, user: User, _: Option<Member>) {
        self.note(format!("GUILD_MEMBER_REMOVE {}", user.name));
    }
    async fn resume(&self, _: Context, _: ResumedEvent) {
        self.note("RESUMED".to_string());
    }
    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        let (kind, answer) = match &interaction {
            Interaction::Command(c) if c.data.name == "file" => (
                "command file".to_string(),
                CreateInteractionResponse::Message(
                    CreateInteractionResponseMessage::new()
                        .content("here")
                        .add_file(CreateAttachment::bytes(b"report".to_vec(), "report.txt")),
                ),
            ),
            Interaction::Component(c) if c.data.custom_id == "ack" => {
                self.note("INTERACTION_CREATE component ack".to_string());
                let acked = c
                    .create_response(&ctx, CreateInteractionResponse::Acknowledge)
                    .await;
                let edit =
                    EditInteractionResponse::new().content(format!("acked by {}", c.user.name));
                let edited = c.edit_response(&ctx, edit).await;
                if let Err(error) = acked.and(edited.map(|_| ())) {
                    self.note(format!("ERROR answering: {error}"));
                }
                return;
            }
            Interaction::Command(c) => (
                format!(
                    "command {}{} locale={}",
                    c.data.name,
                    options_of(&c.data.options()),
                    c.locale
                ),
                CreateInteractionResponse::Message(
                    CreateInteractionResponseMessage::new().content("pong"),
                ),
            ),
            Interaction::Autocomplete(a) => (
                format!("autocomplete {}", a.data.name),
                CreateInteractionResponse::Autocomplete(
                    CreateAutocompleteResponse::new().add_string_choice("one", "1"),
                ),
            ),
            Interaction::Component(c) => (
                format!("component {}", c.data.custom_id),
                CreateInteractionResponse::Modal(CreateModal::new("form", "Form").components(
                    vec![CreateActionRow::InputText(CreateInputText::new(
                        InputTextStyle::Short,
                        "Name",
                        "name",
                    ))],
                )),
            ),
            Interaction::Modal(m) => (
                format!("modal {}", m.data.custom_id),
                CreateInteractionResponse::Acknowledge,
            ),
            _ => ("other".to_string(), CreateInteractionResponse::Acknowledge),
        };
        self.note(format!("INTERACTION_CREATE {kind}"));
        if let Err(error) = interaction_response(&ctx, &interaction, answer).await {
            self.note(format!("ERROR answering: {error}"));
        }
    }
}

/// ` sub member=lena text=hi` for a command's filled-in options.
fn options_of(options: &[serenity::all::ResolvedOption<'_>]) -> String {
    use serenity::all::ResolvedValue;
    let mut out = String::new();
    for option in options {
        match &option.value {
            ResolvedValue::SubCommand(inner) | ResolvedValue::SubCommandGroup(inner) => {
                out.push_str(&format!(" {}{}", option.name, options_of(inner)));
            }
            ResolvedValue::User(user, _) => {
                out.push_str(&format!(" {}={}", option.name, user.name))
            }
            ResolvedValue::String(text) => out.push_str(&format!(" {}={text}", option.name)),
            ResolvedValue::Integer(n) => out.push_str(&format!(" {}={n}", option.name)),
            ResolvedValue::Channel(c) => out.push_str(&format!(
                " {}=#{}",
                option.name,
                c.name.clone().unwrap_or_default()
            )),
            ResolvedValue::Role(r) => out.push_str(&format!(" {}=@{}", option.name, r.name)),
            other => out.push_str(&format!(" {}={other:?}", option.name)),
        }
    }
    out
}

async fn interaction_response(
    ctx: &Context,
    interaction: &Interaction,
    answer: CreateInteractionResponse,
) -> serenity::Result<()> {
    match interaction {
        Interaction::Command(c) | Interaction::Autocomplete(c) => {
            c.create_response(ctx, answer).await
        }
        Interaction::Component(c) => c.create_response(ctx, answer).await,
        Interaction::Modal(m) => m.create_response(ctx, answer).await,
        _ => Ok(()),
    }
}

struct Raw {
    tx: mpsc::UnboundedSender<String>,
}

#[async_trait]
impl serenity::all::RawEventHandler for Raw {
    async fn raw_event(&self, _: Context, event: Event) {
        if let Event::Unknown(unknown) = event {
            let _ = self
                .tx
                .send(format!("UNKNOWN {} {}", unknown.kind, unknown.value));
        }
    }
}

/// A connected recording client.
pub struct Recording {
    rx: mpsc::UnboundedReceiver<String>,
    pub shard_manager: Arc<ShardManager>,
    task: JoinHandle<()>,
}

impl Recording {
    pub async fn connect(sandbox: &Sandbox, intents: GatewayIntents) -> Recording {
        let (tx, rx) = mpsc::unbounded_channel();
        let mut client = sandbox
            .client_builder(intents)
            .event_handler(Handler { tx: tx.clone() })
            .raw_event_handler(Raw { tx })
            .await
            .expect("the client builds");
        let shard_manager = client.shard_manager.clone();
        let task = tokio::spawn(async move {
            let _ = client.start().await;
        });
        let mut recording = Recording {
            rx,
            shard_manager,
            task,
        };
        recording.expect("GUILD_CREATE").await;
        recording
    }

    /// Waits (at most 10 s) for an event starting with `prefix`, skipping
    /// others; fails on any event serenity could not read.
    pub async fn expect(&mut self, prefix: &str) -> String {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
        loop {
            match tokio::time::timeout_at(deadline, self.rx.recv()).await {
                Ok(Some(event)) if event.starts_with("UNKNOWN") => {
                    panic!("serenity could not read an event: {event}")
                }
                Ok(Some(event)) if event.starts_with(prefix) => return event,
                Ok(Some(_)) => continue,
                _ => panic!("no `{prefix}` event reached the handler"),
            }
        }
    }
}

impl Drop for Recording {
    fn drop(&mut self) {
        self.task.abort();
    }
}
