//! Every dispatch the sandbox sends reaches serenity's handler: serenity
//! turns a payload it cannot read into `Unknown` without a word, so each
//! event type is proven here by the handler firing.

mod support;

use serenity::all::{
    ChannelId, ChannelType, Command, CreateActionRow, CreateButton, CreateChannel, CreateCommand,
    CreateCommandOption, CreateMessage, CreateThread, EditThread, GatewayIntents,
};
use support::recording::Recording;
use supportline::sandbox::{Permissions, Sandbox, ServerSpec, Target};

const SERVER: &str = "
server Acme
role L1
channel help
member alice locale ru
member boris
bot supportline: default_bot manage_channels manage_roles
";

fn all_intents() -> GatewayIntents {
    GatewayIntents::non_privileged()
        | GatewayIntents::MESSAGE_CONTENT
        | GatewayIntents::GUILD_MEMBERS
}

async fn connected() -> (Sandbox, Recording) {
    let sandbox = Sandbox::start_local(ServerSpec::parse(SERVER).unwrap())
        .await
        .unwrap();
    let recording = Recording::connect(&sandbox, all_intents()).await;
    (sandbox, recording)
}

#[tokio::test]
async fn ready_and_guild_create_reach_the_handler() {
    let sandbox = Sandbox::start_local(ServerSpec::parse(SERVER).unwrap())
        .await
        .unwrap();
    let mut recording = Recording::connect(&sandbox, all_intents()).await;
    let _ = &mut recording;
    let names: Vec<_> = sandbox
        .gateway_events()
        .into_iter()
        .map(|e| e.name)
        .collect();
    assert_eq!(names, ["READY", "GUILD_CREATE"]);
}

#[tokio::test]
async fn message_create_update_and_delete_reach_the_handler() {
    let (sandbox, mut events) = connected().await;
    let alice = sandbox.person("alice").unwrap();
    let help = sandbox.channel("help").unwrap();

    let said = alice.say(&help, "first").await.unwrap();
    assert_eq!(
        events.expect("MESSAGE_CREATE").await,
        "MESSAGE_CREATE first"
    );
    alice.edit(&said, "second").await.unwrap();
    assert_eq!(
        events.expect("MESSAGE_UPDATE").await,
        "MESSAGE_UPDATE second"
    );
    alice.delete(&said).await.unwrap();
    assert_eq!(
        events.expect("MESSAGE_DELETE").await,
        format!("MESSAGE_DELETE {}", said.id)
    );
}

#[tokio::test]
async fn every_kind_of_interaction_reaches_the_handler() {
    let (sandbox, mut events) = connected().await;
    let http = sandbox.http_for_bot();
    let alice = sandbox.person("alice").unwrap();
    let help = sandbox.channel("help").unwrap();
    let option = CreateCommandOption::new(serenity::all::CommandOptionType::String, "what", "What")
        .set_autocomplete(true);
    Command::set_global_commands(
        &http,
        vec![CreateCommand::new("ping")
            .description("Ping")
            .add_option(option)],
    )
    .await
    .unwrap();

    let choices = alice
        .autocomplete(&help, "ping", &[("what", "o".into())], "what")
        .await
        .unwrap();
    assert_eq!(
        events.expect("INTERACTION_CREATE").await,
        "INTERACTION_CREATE autocomplete ping"
    );
    assert_eq!(choices[0].name, "one");

    alice
        .slash(&help, "ping", &[("what", "x".into())])
        .await
        .unwrap();
    assert_eq!(
        events.expect("INTERACTION_CREATE").await,
        "INTERACTION_CREATE command ping what=x locale=ru"
    );

    let buttons = CreateActionRow::Buttons(vec![CreateButton::new("open").label("Open")]);
    let posted = ChannelId::new(help.id)
        .send_message(
            &http,
            CreateMessage::new()
                .content("card")
                .components(vec![buttons]),
        )
        .await
        .unwrap();
    let card = alice
        .sees_in(&help, |m| m.id == posted.id.get())
        .await
        .unwrap();
    let opened = alice.click(&card, "Open").await.unwrap();
    assert_eq!(
        events.expect("INTERACTION_CREATE").await,
        "INTERACTION_CREATE component open"
    );

    alice
        .submit_modal(opened.modal().unwrap(), &[("name", "Alice")])
        .await
        .unwrap();
    assert_eq!(
        events.expect("INTERACTION_CREATE").await,
        "INTERACTION_CREATE modal form"
    );
    support::openapi::assert_valid(&sandbox.exchanges());
}

#[tokio::test]
async fn thread_create_update_members_and_delete_reach_the_handler() {
    let (sandbox, mut events) = connected().await;
    let http = sandbox.http_for_bot();
    let alice = sandbox.person("alice").unwrap();
    let help = ChannelId::new(sandbox.channel("help").unwrap().id);

    let thread = help
        .create_thread(
            &http,
            CreateThread::new("case-1").kind(ChannelType::PrivateThread),
        )
        .await
        .unwrap();
    assert_eq!(events.expect("THREAD_CREATE").await, "THREAD_CREATE case-1");
    thread
        .id
        .add_thread_member(&http, alice.user_id())
        .await
        .unwrap();
    assert_eq!(
        events.expect("THREAD_MEMBERS_UPDATE").await,
        "THREAD_MEMBERS_UPDATE +1 -0"
    );
    thread
        .id
        .edit_thread(&http, EditThread::new().archived(true).locked(true))
        .await
        .unwrap();
    assert_eq!(
        events.expect("THREAD_UPDATE").await,
        "THREAD_UPDATE case-1 archived=true"
    );
    let reference = sandbox.channel_by_id(thread.id.get()).unwrap();
    sandbox.faults().delete_channel(&reference).unwrap();
    assert_eq!(
        events.expect("THREAD_DELETE").await,
        format!("THREAD_DELETE {}", thread.id)
    );
    support::openapi::assert_valid(&sandbox.exchanges());
}

#[tokio::test]
async fn a_thread_someone_else_starts_reaches_the_handler() {
    let (sandbox, mut events) = connected().await;
    let alice = sandbox.person("alice").unwrap();
    let help = sandbox.channel("help").unwrap();

    alice.start_thread(&help, "question", false).await.unwrap();

    assert_eq!(
        events.expect("THREAD_CREATE").await,
        "THREAD_CREATE question"
    );
}

#[tokio::test]
async fn channel_create_update_and_delete_reach_the_handler() {
    let (sandbox, mut events) = connected().await;
    let http = sandbox.http_for_bot();
    let guild = serenity::all::GuildId::new(sandbox.guild_id());

    guild
        .create_channel(&http, CreateChannel::new("l2-support"))
        .await
        .unwrap();
    assert_eq!(
        events.expect("CHANNEL_CREATE").await,
        "CHANNEL_CREATE l2-support"
    );
    let channel = sandbox.channel("l2-support").unwrap();
    sandbox
        .set_overwrite(
            &channel,
            Target::Everyone,
            Permissions::NONE,
            Permissions::VIEW_CHANNEL,
        )
        .unwrap();
    assert_eq!(
        events.expect("CHANNEL_UPDATE").await,
        "CHANNEL_UPDATE l2-support"
    );
    sandbox.faults().delete_channel(&channel).unwrap();
    assert_eq!(
        events.expect("CHANNEL_DELETE").await,
        "CHANNEL_DELETE l2-support"
    );
    support::openapi::assert_valid(&sandbox.exchanges());
}

#[tokio::test]
async fn members_joining_changing_and_leaving_reach_the_handler() {
    let (sandbox, mut events) = connected().await;

    let carol = sandbox.add_member("carol", &[], "en-US").unwrap();
    assert_eq!(
        events.expect("GUILD_MEMBER_ADD").await,
        "GUILD_MEMBER_ADD carol"
    );
    sandbox.set_roles(&carol, &["L1"]).unwrap();
    assert_eq!(
        events.expect("GUILD_MEMBER_UPDATE").await,
        "GUILD_MEMBER_UPDATE carol roles=1"
    );
    sandbox.faults().member_leaves(&carol).unwrap();
    assert_eq!(
        events.expect("GUILD_MEMBER_REMOVE").await,
        "GUILD_MEMBER_REMOVE carol"
    );
}

#[tokio::test]
async fn a_resume_reaches_the_handler_and_replays_what_was_missed() {
    let (sandbox, mut events) = connected().await;
    let alice = sandbox.person("alice").unwrap();
    let help = sandbox.channel("help").unwrap();

    sandbox.faults().drop_gateway();
    alice.say(&help, "while away").await.unwrap();

    assert_eq!(
        events.expect("MESSAGE_CREATE").await,
        "MESSAGE_CREATE while away"
    );
    events.expect("RESUMED").await;
}

#[tokio::test]
async fn a_reconnect_request_and_a_resumable_invalid_session_are_resumed() {
    let (sandbox, mut events) = connected().await;
    let alice = sandbox.person("alice").unwrap();
    let help = sandbox.channel("help").unwrap();

    sandbox.faults().request_reconnect();
    events.expect("RESUMED").await;
    sandbox.faults().invalidate_sessions(true);
    events.expect("RESUMED").await;
    alice.say(&help, "still here").await.unwrap();
    assert_eq!(
        events.expect("MESSAGE_CREATE").await,
        "MESSAGE_CREATE still here"
    );
    let readies = sandbox
        .gateway_events()
        .iter()
        .filter(|e| e.name == "READY")
        .count();
    assert_eq!(readies, 1);
}

#[tokio::test]
async fn without_the_message_content_intent_the_text_arrives_empty() {
    let sandbox = Sandbox::start_local(ServerSpec::parse(SERVER).unwrap())
        .await
        .unwrap();
    let mut events = Recording::connect(&sandbox, GatewayIntents::non_privileged()).await;
    let alice = sandbox.person("alice").unwrap();
    let help = sandbox.channel("help").unwrap();

    alice.say(&help, "a secret").await.unwrap();
    assert_eq!(events.expect("MESSAGE_CREATE").await, "MESSAGE_CREATE ");
    let mention = format!("<@{}> hello", sandbox.bot_user_id());
    alice.say(&help, &mention).await.unwrap();
    assert_eq!(
        events.expect("MESSAGE_CREATE").await,
        format!("MESSAGE_CREATE {mention}")
    );
}

#[tokio::test]
async fn a_privileged_intent_the_app_was_not_granted_stops_the_client() {
    let spec = ServerSpec::parse(SERVER)
        .unwrap()
        .message_content_intent(false);
    let sandbox = Sandbox::start_local(spec).await.unwrap();
    let mut client = sandbox
        .client_builder(GatewayIntents::non_privileged() | GatewayIntents::MESSAGE_CONTENT)
        .await
        .unwrap();

    let outcome = tokio::time::timeout(std::time::Duration::from_secs(10), client.start())
        .await
        .expect("the client gives up at once");

    let error = outcome.unwrap_err().to_string();
    assert!(error.contains("isallowed"), "{error}");
}

#[tokio::test]
async fn subcommands_and_user_channel_and_role_options_arrive_resolved() {
    use serenity::all::CommandOptionType as Kind;
    let (sandbox, mut events) = connected().await;
    let http = sandbox.http_for_bot();
    let alice = sandbox.person("alice").unwrap();
    let help = sandbox.channel("help").unwrap();
    let transfer = CreateCommandOption::new(Kind::SubCommand, "transfer", "Hand over")
        .add_sub_option(CreateCommandOption::new(Kind::User, "member", "To whom").required(true))
        .add_sub_option(CreateCommandOption::new(Kind::Channel, "where", "Where"))
        .add_sub_option(CreateCommandOption::new(Kind::Role, "level", "Level"))
        .add_sub_option(CreateCommandOption::new(
            Kind::Integer,
            "priority",
            "Priority",
        ));
    let ticket = CreateCommand::new("ticket")
        .description("Tickets")
        .add_option(transfer);
    Command::set_global_commands(&http, vec![ticket])
        .await
        .unwrap();

    let options = [
        ("member", "boris".into()),
        ("where", "help".into()),
        ("level", "L1".into()),
        ("priority", 2.into()),
    ];
    alice
        .slash(&help, "ticket transfer", &options)
        .await
        .unwrap();

    assert_eq!(
        events.expect("INTERACTION_CREATE").await,
        "INTERACTION_CREATE command ticket transfer member=boris where=#help level=@L1 priority=2 locale=ru"
    );
    let missing = alice.slash(&help, "ticket transfer", &[]).await;
    assert!(
        missing.is_err(),
        "the client refuses a missing required option"
    );
    support::openapi::assert_valid(&sandbox.exchanges());
}

#[tokio::test]
async fn a_replayed_interaction_cannot_be_answered_twice() {
    let (sandbox, mut events) = connected().await;
    let http = sandbox.http_for_bot();
    let alice = sandbox.person("alice").unwrap();
    let help = sandbox.channel("help").unwrap();
    Command::set_global_commands(&http, vec![CreateCommand::new("ping").description("Ping")])
        .await
        .unwrap();
    alice.slash(&help, "ping", &[]).await.unwrap();
    events.expect("INTERACTION_CREATE").await;

    assert!(sandbox.faults().replay_last("INTERACTION_CREATE"));

    events.expect("INTERACTION_CREATE").await;
    let error = events.expect("ERROR").await;
    assert!(error.contains("already been acknowledged"), "{error}");
    let pongs = sandbox
        .messages(&help)
        .iter()
        .filter(|m| m.text == "pong")
        .count();
    assert_eq!(pongs, 1);
}

#[tokio::test]
async fn a_deferred_update_then_an_edit_of_the_original_changes_the_clicked_message() {
    let (sandbox, mut events) = connected().await;
    let http = sandbox.http_for_bot();
    let alice = sandbox.person("alice").unwrap();
    let help = sandbox.channel("help").unwrap();
    let buttons = CreateActionRow::Buttons(vec![CreateButton::new("ack").label("Ack")]);
    let posted = ChannelId::new(help.id)
        .send_message(
            &http,
            CreateMessage::new()
                .content("card")
                .components(vec![buttons]),
        )
        .await
        .unwrap();
    let card = alice
        .sees_in(&help, |m| m.id == posted.id.get())
        .await
        .unwrap();

    let answer = alice.click(&card, "Ack").await.unwrap();

    assert_eq!(
        answer.kind,
        supportline::sandbox::ResponseKind::DeferredUpdate
    );
    events.expect("INTERACTION_CREATE component ack").await;
    let edited = alice
        .sees_in(&help, |m| m.text == "acked by alice")
        .await
        .unwrap();
    assert_eq!(edited.id, card.id);
    support::openapi::assert_valid(&sandbox.exchanges());
}

#[tokio::test]
async fn an_interaction_reply_can_carry_a_file() {
    let (sandbox, mut events) = connected().await;
    let http = sandbox.http_for_bot();
    let alice = sandbox.person("alice").unwrap();
    let help = sandbox.channel("help").unwrap();
    Command::set_global_commands(
        &http,
        vec![CreateCommand::new("file").description("A file")],
    )
    .await
    .unwrap();

    let answer = alice.slash(&help, "file", &[]).await.unwrap();

    events.expect("INTERACTION_CREATE command file").await;
    let reply = answer.message().unwrap();
    assert_eq!(reply.attachments[0].filename, "report.txt");
    assert_eq!(sandbox.file(reply.attachments[0].id).unwrap(), b"report");
    support::openapi::assert_valid(&sandbox.exchanges());
}

/// The gateway protocol frame by frame, with a bare websocket client.
mod protocol {
    use futures_util::{SinkExt, StreamExt};
    use serde_json::{json, Value};
    use supportline::sandbox::{Sandbox, ServerSpec};
    use tokio_tungstenite::tungstenite::Message;

    type Socket = tokio_tungstenite::WebSocketStream<
        tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>,
    >;

    async fn sandbox() -> Sandbox {
        Sandbox::start_local(ServerSpec::parse(super::SERVER).unwrap())
            .await
            .unwrap()
    }

    async fn connect(sandbox: &Sandbox) -> Socket {
        let url = format!("{}/?v=10&encoding=json", sandbox.gateway_url());
        tokio_tungstenite::connect_async(url).await.unwrap().0
    }

    /// The next text frame as JSON, or the close code.
    async fn next(socket: &mut Socket) -> Result<Value, u16> {
        loop {
            match socket.next().await {
                Some(Ok(Message::Text(text))) => return Ok(serde_json::from_str(&text).unwrap()),
                Some(Ok(Message::Close(frame))) => return Err(frame.map_or(0, |f| f.code.into())),
                Some(Ok(_)) => continue,
                _ => return Err(0),
            }
        }
    }

    async fn send(socket: &mut Socket, frame: Value) {
        socket.send(Message::Text(frame.to_string())).await.unwrap();
    }

    fn identify(token: &str) -> Value {
        json!({"op": 2, "d": {"token": token, "intents": 513 | 32768, "properties": {}}})
    }

    #[tokio::test]
    async fn hello_identify_ready_guild_create_and_heartbeat_ack() {
        let sandbox = sandbox().await;
        let mut socket = connect(&sandbox).await;
        let hello = next(&mut socket).await.unwrap();
        assert_eq!(hello["op"], 10);
        assert!(hello["d"]["heartbeat_interval"].as_u64().unwrap() > 0);

        send(&mut socket, identify(sandbox.token())).await;
        let ready = next(&mut socket).await.unwrap();
        assert_eq!(
            (ready["t"].as_str(), ready["s"].as_u64()),
            (Some("READY"), Some(1))
        );
        assert_eq!(ready["d"]["resume_gateway_url"], sandbox.gateway_url());
        let guild = next(&mut socket).await.unwrap();
        assert_eq!(guild["t"], "GUILD_CREATE");
        assert_eq!(guild["d"]["channels"][0]["name"], "help");

        send(&mut socket, json!({"op": 1, "d": 2})).await;
        assert_eq!(next(&mut socket).await.unwrap()["op"], 11);
    }

    #[tokio::test]
    async fn a_wrong_token_is_closed_with_4004() {
        let sandbox = sandbox().await;
        let mut socket = connect(&sandbox).await;
        next(&mut socket).await.unwrap();
        send(&mut socket, identify("not the token")).await;
        assert_eq!(next(&mut socket).await, Err(4004));
    }

    #[tokio::test]
    async fn identifying_twice_is_closed_with_4005_and_an_unknown_opcode_with_4001() {
        let sandbox = sandbox().await;
        let mut socket = connect(&sandbox).await;
        next(&mut socket).await.unwrap();
        send(&mut socket, identify(sandbox.token())).await;
        next(&mut socket).await.unwrap();
        next(&mut socket).await.unwrap();
        send(&mut socket, identify(sandbox.token())).await;
        assert_eq!(next(&mut socket).await, Err(4005));

        let mut other = connect(&sandbox).await;
        next(&mut other).await.unwrap();
        send(&mut other, json!({"op": 99, "d": null})).await;
        assert_eq!(next(&mut other).await, Err(4001));
    }

    #[tokio::test]
    async fn an_unknown_session_cannot_resume() {
        let sandbox = sandbox().await;
        let mut socket = connect(&sandbox).await;
        next(&mut socket).await.unwrap();
        let resume =
            json!({"op": 6, "d": {"token": sandbox.token(), "session_id": "nope", "seq": 3}});
        send(&mut socket, resume).await;
        let invalid = next(&mut socket).await.unwrap();
        assert_eq!(
            (invalid["op"].as_u64(), invalid["d"].as_bool()),
            (Some(9), Some(false))
        );
    }

    #[tokio::test]
    async fn resume_replays_every_event_after_the_given_sequence_number() {
        let sandbox = sandbox().await;
        let alice = sandbox.person("alice").unwrap();
        let help = sandbox.channel("help").unwrap();
        let mut first = connect(&sandbox).await;
        next(&mut first).await.unwrap();
        send(&mut first, identify(sandbox.token())).await;
        let ready = next(&mut first).await.unwrap();
        let session = ready["d"]["session_id"].as_str().unwrap().to_string();
        next(&mut first).await.unwrap();
        drop(first);

        for text in ["one", "two", "three"] {
            alice.say(&help, text).await.unwrap();
        }
        let mut second = connect(&sandbox).await;
        next(&mut second).await.unwrap();
        let resume =
            json!({"op": 6, "d": {"token": sandbox.token(), "session_id": session, "seq": 3}});
        send(&mut second, resume).await;

        let two = next(&mut second).await.unwrap();
        assert_eq!(
            (two["s"].as_u64(), two["d"]["content"].as_str()),
            (Some(4), Some("two"))
        );
        let three = next(&mut second).await.unwrap();
        assert_eq!(three["d"]["content"], "three");
        let resumed = next(&mut second).await.unwrap();
        assert_eq!(
            (resumed["t"].as_str(), resumed["s"].as_u64()),
            (Some("RESUMED"), Some(6))
        );
    }
}
