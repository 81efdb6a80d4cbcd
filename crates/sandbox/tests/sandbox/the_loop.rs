//! Proof of the loop: a minimal poise bot connected through real serenity,
//! driven by people in the sandbox.

use crate::support;

use std::time::Instant;

use support::bot::Bot;
use supportline_sandbox::{DriverError, ResponseKind, Sandbox, ServerSpec};

const SERVER: &str = "
server Acme
role Mods: manage_threads
channel help
channel announcements
  deny member supportline: send_messages
member alice
member boris
member mona roles Mods
";

async fn sandbox_with_bot() -> (Sandbox, Bot) {
    let sandbox = Sandbox::start_local(ServerSpec::parse(SERVER).unwrap())
        .await
        .unwrap();
    let bot = Bot::start(&sandbox).await;
    (sandbox, bot)
}

#[tokio::test]
async fn a_connecting_bot_gets_ready_then_its_guild() {
    let started = Instant::now();
    let (sandbox, _bot) = sandbox_with_bot().await;
    let took = started.elapsed();
    println!("sandbox + serenity READY in {took:?}");
    let events: Vec<String> = sandbox
        .gateway_events()
        .into_iter()
        .map(|e| e.name)
        .collect();
    assert_eq!(
        events[..2],
        ["READY".to_string(), "GUILD_CREATE".to_string()]
    );
}

#[tokio::test]
async fn a_slash_command_gets_a_reply_everyone_in_the_channel_sees() {
    let (sandbox, _bot) = sandbox_with_bot().await;
    let (alice, boris) = (
        sandbox.person("alice").unwrap(),
        sandbox.person("boris").unwrap(),
    );
    let help = sandbox.channel("help").unwrap();

    let answer = alice.slash(&help, "hello", &[]).await.unwrap();

    assert_eq!(answer.kind, ResponseKind::Message);
    let reply = answer.message().unwrap();
    assert_eq!(reply.text, "Hello, alice!");
    assert!(reply.has_button("Wave") && reply.has_button("Feedback"));
    boris
        .sees_in(&help, |m| m.text == "Hello, alice!")
        .await
        .unwrap();
    support::openapi::assert_valid(&sandbox.exchanges());
}

#[tokio::test]
async fn an_ephemeral_reply_is_seen_only_by_whoever_asked() {
    let (sandbox, _bot) = sandbox_with_bot().await;
    let (alice, boris) = (
        sandbox.person("alice").unwrap(),
        sandbox.person("boris").unwrap(),
    );
    let help = sandbox.channel("help").unwrap();

    let answer = alice
        .slash(&help, "hello", &[("secret", true.into())])
        .await
        .unwrap();

    assert!(answer.is_ephemeral());
    alice
        .sees_in(&help, |m| m.text == "Hello, alice!")
        .await
        .unwrap();
    sandbox.settled().await.unwrap();
    assert!(boris.messages_in(&help).is_empty());
    support::openapi::assert_valid(&sandbox.exchanges());
}

#[tokio::test]
async fn a_click_updates_the_message_for_everyone() {
    let (sandbox, _bot) = sandbox_with_bot().await;
    let (alice, boris) = (
        sandbox.person("alice").unwrap(),
        sandbox.person("boris").unwrap(),
    );
    let help = sandbox.channel("help").unwrap();
    let greeting = alice.slash(&help, "hello", &[]).await.unwrap();

    let answer = boris
        .click(greeting.message().unwrap(), "Wave")
        .await
        .unwrap();

    assert_eq!(answer.kind, ResponseKind::Updated);
    alice
        .sees_in(&help, |m| m.text == "Hello, alice! (waved by boris)")
        .await
        .unwrap();
    support::openapi::assert_valid(&sandbox.exchanges());
}

#[tokio::test]
async fn a_button_opens_a_modal_and_its_submission_is_answered() {
    let (sandbox, _bot) = sandbox_with_bot().await;
    let alice = sandbox.person("alice").unwrap();
    let help = sandbox.channel("help").unwrap();
    let greeting = alice.slash(&help, "hello", &[]).await.unwrap();

    let opened = alice
        .click(greeting.message().unwrap(), "Feedback")
        .await
        .unwrap();
    let modal = opened.modal().unwrap();
    assert_eq!(modal.title, "Feedback");
    let answer = alice
        .submit_modal(modal, &[("text", "Lovely")])
        .await
        .unwrap();

    assert_eq!(
        answer.message().unwrap().text,
        "Thanks for the feedback: Lovely"
    );
    support::openapi::assert_valid(&sandbox.exchanges());
}

#[tokio::test]
async fn autocomplete_suggests_and_a_deferred_reply_arrives_later() {
    let (sandbox, _bot) = sandbox_with_bot().await;
    let alice = sandbox.person("alice").unwrap();
    let help = sandbox.channel("help").unwrap();

    let choices = alice
        .autocomplete(&help, "pick", &[("fruit", "ap".into())], "fruit")
        .await
        .unwrap();
    let names: Vec<_> = choices.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["apple", "apricot"]);

    let answer = alice
        .slash(&help, "pick", &[("fruit", "apple".into())])
        .await
        .unwrap();
    assert_eq!(answer.kind, ResponseKind::Deferred);
    let reply = alice
        .sees_in(&help, |m| m.text == "You picked apple")
        .await
        .unwrap();
    assert!(!reply.loading);
    assert_eq!(
        alice.messages_in(&help).len(),
        1,
        "the reply replaced the thinking message"
    );
    support::openapi::assert_valid(&sandbox.exchanges());
}

#[tokio::test]
async fn a_message_reaches_the_bots_listener() {
    let (sandbox, _bot) = sandbox_with_bot().await;
    let alice = sandbox.person("alice").unwrap();
    let help = sandbox.channel("help").unwrap();

    alice.say(&help, "echo ping").await.unwrap();

    alice
        .sees_in(&help, |m| m.text == "Echo: ping")
        .await
        .unwrap();
    support::openapi::assert_valid(&sandbox.exchanges());
}

#[tokio::test]
async fn a_private_thread_is_seen_only_by_its_members_and_thread_managers() {
    let (sandbox, _bot) = sandbox_with_bot().await;
    let alice = sandbox.person("alice").unwrap();
    let boris = sandbox.person("boris").unwrap();
    let mona = sandbox.person("mona").unwrap();
    let help = sandbox.channel("help").unwrap();

    alice.say(&help, "!private").await.unwrap();

    let thread = alice
        .sees_thread(|t| t.name == "private-alice")
        .await
        .unwrap();
    alice
        .sees_in(&thread, |m| m.text == "Only you and me here")
        .await
        .unwrap();
    let info = sandbox.channel_info(&thread).unwrap();
    assert_eq!(info.kind, "private_thread");
    assert_eq!(info.members, ["supportline", "alice"]);
    assert!(!boris.can_see(&thread));
    assert!(boris.messages_in(&thread).is_empty());
    assert!(mona.can_see(&thread), "manage_threads sees private threads");
    support::openapi::assert_valid(&sandbox.exchanges());
}

#[tokio::test]
async fn a_missing_permission_reaches_the_bot_as_serenitys_50013() {
    let (sandbox, _bot) = sandbox_with_bot().await;
    let alice = sandbox.person("alice").unwrap();
    let help = sandbox.channel("help").unwrap();

    alice.say(&help, "!announce").await.unwrap();

    alice
        .sees_in(&help, |m| m.text == "Could not post: 50013 (403)")
        .await
        .unwrap();
    let announcements = sandbox.channel("announcements").unwrap();
    assert!(sandbox.messages(&announcements).is_empty());
    support::openapi::assert_valid(&sandbox.exchanges());
}

#[tokio::test]
async fn serenitys_cache_knows_the_bots_permissions_from_guild_create() {
    let (sandbox, _bot) = sandbox_with_bot().await;
    let alice = sandbox.person("alice").unwrap();
    let help = sandbox.channel("help").unwrap();

    alice.say(&help, "!announce cached").await.unwrap();

    alice
        .sees_in(&help, |m| {
            m.text == "Serenity refused: missing Send Messages"
        })
        .await
        .unwrap();
}

#[tokio::test]
async fn a_dropped_gateway_resumes_without_losing_an_event() {
    let (sandbox, _bot) = sandbox_with_bot().await;
    let alice = sandbox.person("alice").unwrap();
    let help = sandbox.channel("help").unwrap();
    let handshakes = sandbox.handshakes();

    sandbox.faults().drop_gateway();
    alice.say(&help, "echo while away").await.unwrap();

    alice
        .sees_in(&help, |m| m.text == "Echo: while away")
        .await
        .unwrap();
    sandbox.bot_connected_after(handshakes).await.unwrap();
    let names: Vec<String> = sandbox
        .gateway_events()
        .into_iter()
        .map(|e| e.name)
        .collect();
    assert_eq!(
        names.iter().filter(|n| *n == "READY").count(),
        1,
        "resumed, not identified again"
    );
    assert!(names.contains(&"RESUMED".to_string()));
}

#[tokio::test]
async fn an_interaction_the_bot_does_not_answer_fails_after_three_seconds() {
    let (sandbox, _bot) = sandbox_with_bot().await;
    let alice = sandbox.person("alice").unwrap();
    let help = sandbox.channel("help").unwrap();
    let greeting = alice.slash(&help, "hello", &[]).await.unwrap();

    let outcome = alice.click(greeting.message().unwrap(), "Ignore").await;

    assert!(
        matches!(outcome, Err(DriverError::NoResponse { .. })),
        "{outcome:?}"
    );
}
