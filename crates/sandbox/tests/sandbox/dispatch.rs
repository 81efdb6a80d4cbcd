//! Every dispatch the sandbox sends reaches serenity's handler: serenity
//! turns a payload it cannot read into `Unknown` without a word, so each
//! event type is proven here by the handler firing.

use crate::support;

use serenity::all::{
    ChannelId, ChannelType, CreateChannel, CreateThread, EditThread, GatewayIntents,
};
use support::recording::Recording;
use supportline_sandbox::{Permissions, Sandbox, ServerSpec, Target};

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

/// The bot tells "staff wrote" from "the user wrote" in a ticket thread by
/// the author alone (waiting on the user), so the author and channel must
/// come even when the text does not.
#[tokio::test]
async fn without_the_message_content_intent_a_message_still_names_its_author_and_channel() {
    let sandbox = Sandbox::start_local(ServerSpec::parse(SERVER).unwrap())
        .await
        .unwrap();
    let mut events = Recording::connect(&sandbox, GatewayIntents::non_privileged()).await;
    let boris = sandbox.person("boris").unwrap();
    let help = sandbox.channel("help").unwrap();
    boris.say(&help, "a secret").await.unwrap();
    assert_eq!(events.expect("MESSAGE_CREATE").await, "MESSAGE_CREATE ");
    let id = sandbox.channel_info(&help).unwrap().id;
    assert_eq!(
        events.expect("MESSAGE_AUTHOR").await,
        format!("MESSAGE_AUTHOR {} in {id}", boris.name())
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
