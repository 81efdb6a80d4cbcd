use std::time::{Duration, Instant};

use super::*;
use crate::state::interactions::NewInteraction;
use crate::wire::interaction::{CommandDataOut, InteractionDataOut, ResolvedOut};
use crate::wire::message::MessageIn;

fn world() -> DiscordState {
    crate::state::testing::world("server Acme\nchannel help\nmember alice")
}

fn command(world: &mut DiscordState) -> (Snowflake, String) {
    let alice = world.user_by_name("alice").unwrap().id;
    let help = world.channel_by_name("help").unwrap().id;
    let id = world
        .begin_interaction(NewInteraction {
            kind: APPLICATION_COMMAND,
            user: alice,
            channel: help,
            data: InteractionDataOut::Command(CommandDataOut {
                id: Snowflake(1),
                name: "ask".into(),
                kind: 1,
                options: vec![],
                resolved: ResolvedOut::default(),
                guild_id: None,
            }),
            command_name: Some("ask".into()),
            custom_id: None,
            source_message: None,
            triggering: None,
        })
        .unwrap();
    let token = world.interactions.by_id[&id].token.clone();
    (id, token)
}

fn reply(kind: u8, text: &str) -> CallbackIn {
    CallbackIn {
        kind,
        data: Some(serde_json::json!({ "content": text })),
    }
}

#[test]
fn a_second_answer_to_an_interaction_is_already_acknowledged() {
    let mut world = world();
    let (id, token) = command(&mut world);
    world
        .interaction_callback(id, &token, reply(CALLBACK_MESSAGE, "one"), vec![])
        .unwrap();
    let again = world.interaction_callback(id, &token, reply(CALLBACK_MESSAGE, "two"), vec![]);
    assert_eq!(again.unwrap_err().code, 40060);
}

#[test]
fn an_answer_after_three_seconds_finds_an_unknown_interaction() {
    let mut world = world();
    let (id, token) = command(&mut world);
    if let Some(record) = world.interactions.by_id.get_mut(&id) {
        record.created = Instant::now() - Duration::from_secs(4);
    }
    let late = world.interaction_callback(id, &token, reply(CALLBACK_MESSAGE, "late"), vec![]);
    assert_eq!(late.unwrap_err().code, 10062);
    assert!(world.interactions.by_id[&id].answered_late);
}

#[test]
fn a_wrong_token_finds_an_unknown_interaction() {
    let mut world = world();
    let (id, _) = command(&mut world);
    let wrong = world.interaction_callback(id, "nope", reply(CALLBACK_MESSAGE, "x"), vec![]);
    assert_eq!(wrong.unwrap_err().code, 10062);
}

#[test]
fn the_first_follow_up_after_a_deferral_replaces_the_thinking_message() {
    let mut world = world();
    let app = world.config.application_id;
    let (id, token) = command(&mut world);
    let thinking = CallbackIn {
        kind: CALLBACK_DEFERRED_MESSAGE,
        data: Some(serde_json::json!({ "flags": 64 })),
    };
    world
        .interaction_callback(id, &token, thinking, vec![])
        .unwrap();
    assert_eq!(world.pending_interactions(), vec![id], "still thinking");

    let body = MessageIn {
        content: Some("done".into()),
        ..MessageIn::default()
    };
    let first = world
        .create_followup(app, &token, body.clone(), vec![])
        .unwrap();
    let second = world.create_followup(app, &token, body, vec![]).unwrap();

    assert_eq!(
        Some(first.id),
        world.interactions.by_id[&id].original_message
    );
    assert_eq!(
        first.flags & FLAG_EPHEMERAL,
        FLAG_EPHEMERAL,
        "keeps the deferral's ephemerality"
    );
    assert_ne!(first.id, second.id);
    assert!(world.pending_interactions().is_empty());
}

#[test]
fn a_follow_up_before_any_answer_finds_an_unknown_webhook() {
    let mut world = world();
    let app = world.config.application_id;
    let (_, token) = command(&mut world);
    let early = world.create_followup(app, &token, MessageIn::default(), vec![]);
    assert_eq!(early.unwrap_err().code, 10015);
}

#[test]
fn a_slash_command_cannot_be_answered_with_a_message_update() {
    let mut world = world();
    let (id, token) = command(&mut world);
    let wrong = world.interaction_callback(id, &token, reply(CALLBACK_UPDATE, "x"), vec![]);
    assert_eq!(wrong.unwrap_err().code, 50035);
}

#[test]
fn a_token_older_than_fifteen_minutes_finds_an_unknown_webhook() {
    let mut world = world();
    let app = world.config.application_id;
    let (id, token) = command(&mut world);
    world
        .interaction_callback(id, &token, reply(CALLBACK_MESSAGE, "first"), vec![])
        .unwrap();
    let body = MessageIn {
        content: Some("later".into()),
        ..MessageIn::default()
    };
    let in_time = world.create_followup(app, &token, body.clone(), vec![]);
    assert!(in_time.is_ok(), "{in_time:?}");

    if let Some(record) = world.interactions.by_id.get_mut(&id) {
        record.created = Instant::now() - Duration::from_secs(15 * 60 + 1);
    }
    let late = world.create_followup(app, &token, body.clone(), vec![]);
    assert_eq!(late.unwrap_err().code, 10015);
    let edit = world.edit_response(app, &token, None, body, vec![]);
    assert_eq!(edit.unwrap_err().code, 10015);
}

#[test]
fn an_interaction_reply_without_allowed_mentions_pings_only_users() {
    let mut world = crate::state::testing::world(
        "server Acme\nrole L1 mentionable\nchannel help\nmember alice\nmember lena roles L1",
    );
    let (id, token) = command(&mut world);
    let lena = world.user_by_name("lena").unwrap().id;
    let l1 = world.main_guild().unwrap().role_by_name("L1").unwrap().id;
    let text = format!("<@{lena}> <@&{l1}> @everyone");
    world
        .interaction_callback(id, &token, reply(CALLBACK_MESSAGE, &text), vec![])
        .unwrap();
    let original = world.interactions.by_id[&id].original_message.unwrap();
    let help = world.interactions.by_id[&id].channel_id;
    let pings = &world.channels[&help].messages[&original].pings;
    assert_eq!(pings.users, vec![lena]);
    assert!(pings.roles.is_empty() && !pings.everyone);
    assert_eq!(pings.notified, vec![lena]);
}

fn form(fields: usize, label: &str) -> crate::wire::component::ModalIn {
    use crate::wire::component::{self, Component};
    crate::wire::component::ModalIn {
        custom_id: "f".into(),
        title: "Intake".into(),
        components: (0..fields)
            .map(|i| Component {
                kind: component::ACTION_ROW,
                components: Some(vec![Component {
                    kind: component::TEXT_INPUT,
                    custom_id: Some(format!("q{i}")),
                    label: Some(label.into()),
                    style: Some(1),
                    ..Component::default()
                }]),
                ..Component::default()
            })
            .collect(),
    }
}

#[test]
fn a_modal_holds_one_to_five_text_inputs_labelled_in_45_characters() {
    assert!(validate_modal(&form(5, &"x".repeat(45))).is_ok());
    assert!(validate_modal(&form(6, "Order number")).is_err());
    assert!(validate_modal(&form(0, "Order number")).is_err());
    assert!(validate_modal(&form(1, &"x".repeat(46))).is_err());
}
