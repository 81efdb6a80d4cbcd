//! The driver as tests and the console use it: people acting, waiting for
//! what they see, settling, what each person saw, pings.

use crate::support;

use serenity::all::{ChannelId, CreateAllowedMentions, CreateMessage};
use support::bot::Bot;
use supportline_sandbox::{DriverError, Sandbox, ServerSpec};

const SERVER: &str = "
server Acme
everyone: default -mention_everyone
role L1 mentionable
role Quiet
channel help
channel l1-desk
  hide
  allow L1: view_channel
member alice
member boris locale ru
member lena roles L1
member quinn roles Quiet
";

async fn sandbox() -> Sandbox {
    Sandbox::start_local(ServerSpec::parse(SERVER).unwrap())
        .await
        .unwrap()
}

#[tokio::test]
async fn the_bot_restarts_while_the_sandbox_stays_up() {
    let sandbox = sandbox().await;
    let alice = sandbox.person("alice").unwrap();
    let help = sandbox.channel("help").unwrap();
    let bot = Bot::start(&sandbox).await;
    alice.slash(&help, "hello", &[]).await.unwrap();

    bot.stop().await;
    let _bot = Bot::start(&sandbox).await;

    let answer = alice
        .slash(&help, "hello", &[("name", "again".into())])
        .await
        .unwrap();
    assert_eq!(answer.message().unwrap().text, "Hello, again!");
    let readies = sandbox
        .gateway_events()
        .iter()
        .filter(|e| e.name == "READY")
        .count();
    assert_eq!(readies, 2);
}

#[tokio::test]
async fn settling_waits_until_the_bot_has_answered() {
    let sandbox = sandbox().await;
    let _bot = Bot::start(&sandbox).await;
    let alice = sandbox.person("alice").unwrap();
    let help = sandbox.channel("help").unwrap();

    alice.say(&help, "echo settle").await.unwrap();
    sandbox.settled().await.unwrap();

    let texts: Vec<String> = alice
        .messages_in(&help)
        .into_iter()
        .map(|m| m.text)
        .collect();
    assert_eq!(texts, ["echo settle", "Echo: settle"]);
}

#[tokio::test]
async fn sightings_tell_who_saw_what_and_ephemeral_replies_only_to_their_owner() {
    let sandbox = sandbox().await;
    let _bot = Bot::start(&sandbox).await;
    let alice = sandbox.person("alice").unwrap();
    let help = sandbox.channel("help").unwrap();
    let cursor = sandbox.cursor();

    alice
        .slash(&help, "hello", &[("secret", true.into())])
        .await
        .unwrap();
    alice.slash(&help, "hello", &[]).await.unwrap();
    sandbox.settled().await.unwrap();

    let (seen, next) = sandbox.sightings_since(cursor);
    let lines: Vec<String> = seen
        .iter()
        .map(|s| {
            format!(
                "{} {} {} {}",
                s.who,
                s.place,
                s.change,
                s.message.as_ref().unwrap().ephemeral
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            "alice help new true",
            "alice help new false",
            "boris help new false",
            "lena help new false",
            "owner help new false",
            "quinn help new false",
        ]
    );
    assert!(sandbox.sightings_since(next).0.is_empty());
    let json = serde_json::to_value(&seen[0]).unwrap();
    assert_eq!(json["where"], "help");
    assert_eq!(json["message"]["buttons"][0]["label"], "Wave");
}

#[tokio::test]
async fn a_modal_shown_to_someone_is_a_sighting_of_theirs() {
    let sandbox = sandbox().await;
    let _bot = Bot::start(&sandbox).await;
    let alice = sandbox.person("alice").unwrap();
    let help = sandbox.channel("help").unwrap();
    let greeting = alice.slash(&help, "hello", &[]).await.unwrap();
    let cursor = sandbox.cursor();

    alice
        .click(greeting.message().unwrap(), "Feedback")
        .await
        .unwrap();

    let (seen, _) = sandbox.sightings_since(cursor);
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].who, "alice");
    assert_eq!(seen[0].change, "modal");
    assert_eq!(
        seen[0].modal.as_ref().unwrap().fields[0].label,
        "What do you think?"
    );
    assert_eq!(alice.open_modal().unwrap().title, "Feedback");
}

#[tokio::test]
async fn allowed_mentions_decide_who_is_pinged() {
    let sandbox = sandbox().await;
    let http = sandbox.http_for_bot();
    let (alice, lena) = (
        sandbox.person("alice").unwrap(),
        sandbox.person("lena").unwrap(),
    );
    let help = sandbox.channel("help").unwrap();
    let text = format!("<@{}> asked: @everyone help!", alice.id());

    ChannelId::new(help.id)
        .send_message(
            &http,
            CreateMessage::new()
                .content(&text)
                .allowed_mentions(CreateAllowedMentions::new().users([alice.user_id()])),
        )
        .await
        .unwrap();

    let seen = lena.sees_in(&help, |m| m.text == text).await.unwrap();
    assert_eq!(seen.pings.notified, ["alice"]);
    assert!(!seen.pings.everyone);
    assert!(seen.allowed_mentions.is_some());
    support::openapi::assert_valid(&sandbox.exchanges());
}

#[tokio::test]
async fn people_ping_mentionable_roles_but_not_everyone() {
    let sandbox = sandbox().await;
    let (alice, boris) = (
        sandbox.person("alice").unwrap(),
        sandbox.person("boris").unwrap(),
    );
    let help = sandbox.channel("help").unwrap();
    let l1 = sandbox.role_id("L1").unwrap();
    let quiet = sandbox.role_id("Quiet").unwrap();

    let everyone = alice.say(&help, "@everyone look").await.unwrap();
    let mentionable = alice.say(&help, &format!("<@&{l1}> help")).await.unwrap();
    let unmentionable = alice
        .say(&help, &format!("<@&{quiet}> help"))
        .await
        .unwrap();
    let reply = boris.reply(&everyone, "seen").await.unwrap();

    assert!(
        everyone.pings.notified.is_empty(),
        "alice may not mention everyone"
    );
    assert_eq!(mentionable.pings.notified, ["lena"]);
    assert!(unmentionable.pings.notified.is_empty());
    assert_eq!(reply.pings.notified, ["alice"], "a reply pings its author");
}

#[tokio::test]
async fn what_a_person_sees_leaves_out_hidden_channels() {
    let sandbox = sandbox().await;
    let alice = sandbox.what_sees("alice", 5).unwrap();
    let lena = sandbox.what_sees("lena", 5).unwrap();
    let names = |v: &supportline_sandbox::PersonView| -> Vec<String> {
        v.channels.iter().map(|c| c.name.clone()).collect()
    };
    assert_eq!(names(&alice), ["help"]);
    assert_eq!(names(&lena), ["help", "l1-desk"]);
    assert!(serde_json::to_string(&lena).unwrap().contains("l1-desk"));
}

#[tokio::test]
async fn a_person_cannot_post_where_they_cannot_see() {
    let sandbox = sandbox().await;
    let alice = sandbox.person("alice").unwrap();
    let desk = sandbox.channel("l1-desk").unwrap();

    let refused = alice.say(&desk, "let me in").await.unwrap_err();

    assert!(
        matches!(refused, DriverError::Refused(ref e) if e.code == 50001),
        "{refused}"
    );
    assert!(sandbox.messages(&desk).is_empty());
}

#[tokio::test]
async fn unknown_people_channels_and_commands_are_named_in_the_error() {
    let sandbox = sandbox().await;
    let _bot = Bot::start(&sandbox).await;
    let alice = sandbox.person("alice").unwrap();
    let help = sandbox.channel("help").unwrap();

    assert!(matches!(
        sandbox.person("zed"),
        Err(DriverError::UnknownPerson(_))
    ));
    assert!(matches!(
        sandbox.channel("nowhere"),
        Err(DriverError::UnknownChannel(_))
    ));
    let missing = alice
        .slash(&help, "hello", &[("colour", "red".into())])
        .await;
    assert!(
        matches!(missing, Err(DriverError::UnknownOption { .. })),
        "{missing:?}"
    );
    let greeting = alice.slash(&help, "hello", &[]).await.unwrap();
    let no_button = alice.click(greeting.message().unwrap(), "Dance").await;
    assert!(
        matches!(no_button, Err(DriverError::NoSuchButton { .. })),
        "{no_button:?}"
    );
}

#[tokio::test]
async fn typed_text_is_read_by_the_option_type_as_the_client_does() {
    let sandbox = sandbox().await;
    let _bot = Bot::start(&sandbox).await;
    let alice = sandbox.person("alice").unwrap();
    let help = sandbox.channel("help").unwrap();

    alice
        .slash(&help, "hello", &[("secret", "yes".into())])
        .await
        .unwrap();
    sandbox.settled().await.unwrap();
    let reply = alice.messages_in(&help).pop().unwrap();
    assert!(reply.ephemeral, "`yes` is true for a boolean option");

    let refused = alice
        .slash(&help, "hello", &[("secret", "maybe".into())])
        .await;
    assert!(
        matches!(refused, Err(DriverError::BadOptionValue { ref why, .. }) if why.contains("maybe")),
        "{refused:?}"
    );
}

#[tokio::test]
async fn a_number_outside_the_options_range_is_refused_before_the_bot_sees_it() {
    let sandbox = sandbox().await;
    let _bot = Bot::start(&sandbox).await;
    let alice = sandbox.person("alice").unwrap();
    let help = sandbox.channel("help").unwrap();

    for (typed, bound) in [("0", "at least 1"), ("4", "at most 3")] {
        let refused = alice
            .slash(&help, "hello", &[("times", typed.into())])
            .await;
        assert!(
            matches!(refused, Err(DriverError::BadOptionValue { ref why, .. }) if why.contains(bound)),
            "{typed}: {refused:?}"
        );
    }
    alice
        .slash(&help, "hello", &[("times", "3".into())])
        .await
        .expect("3 is within 1-3");
}

#[tokio::test]
async fn a_modal_field_outside_its_lengths_is_not_submitted() {
    let sandbox = sandbox().await;
    let _bot = Bot::start(&sandbox).await;
    let alice = sandbox.person("alice").unwrap();
    let help = sandbox.channel("help").unwrap();
    alice.slash(&help, "hello", &[]).await.unwrap();
    sandbox.settled().await.unwrap();
    let hello = alice.messages_in(&help).pop().unwrap();
    let form = alice.click(&hello, "Feedback").await.unwrap();
    let modal = form.modal().unwrap().clone();
    for text in ["x", &"x".repeat(21)] {
        let refused = alice.submit_modal(&modal, &[("text", text)]).await;
        assert!(
            matches!(refused, Err(DriverError::BadOptionValue { .. })),
            "{} characters: {refused:?}",
            text.len()
        );
    }
    alice
        .submit_modal(&modal, &[("text", "fine")])
        .await
        .expect("4 characters are within 2-20");
}
