//! Interactions of every kind reach serenity's handler and its answers
//! reach the person: commands with options, autocomplete, buttons, modals,
//! deferred updates, files, replays.

use crate::support;

use serenity::all::{
    ChannelId, Command, CreateActionRow, CreateButton, CreateCommand, CreateCommandOption,
    CreateMessage, GatewayIntents,
};
use support::recording::Recording;
use supportline_sandbox::{Sandbox, ServerSpec};

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
        supportline_sandbox::ResponseKind::DeferredUpdate
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
