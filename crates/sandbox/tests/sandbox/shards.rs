//! Several guilds on several shards (gateway.mdx, Sharding): each guild's
//! events reach only the session of the shard `(guild_id >> 22) %
//! num_shards`, events of no guild only shard 0, an impossible shard is
//! closed with 4010, and GET /gateway/bot recommends the shard count.

use crate::gateway::{connect, next, send, Socket};
use crate::support;

use serde_json::{json, Value};
use supportline_sandbox::{Sandbox, SandboxOptions, ServerSpec};

async fn two_guilds_on_two_shards() -> Sandbox {
    let specs = [
        "server Acme\nchannel help\nmember alice",
        "server Umbrella\nchannel help\nmember alice\nmember bob",
    ]
    .map(|text| ServerSpec::parse(text).unwrap());
    let options = SandboxOptions {
        shards: 2,
        ..SandboxOptions::default()
    };
    Sandbox::start_guilds(&specs, options).await.unwrap()
}

fn identify(token: &str, shard: [u32; 2]) -> Value {
    json!({"op": 2, "d": {"token": token, "intents": 1 | 512 | 32768, "properties": {}, "shard": shard}})
}

/// A session on `shard`: its READY's guild ids and its GUILD_CREATEs' names.
async fn session(sandbox: &Sandbox, shard: [u32; 2]) -> (Socket, Vec<String>, Vec<String>) {
    let mut socket = connect(sandbox).await;
    next(&mut socket).await.unwrap();
    send(&mut socket, identify(sandbox.token(), shard)).await;
    let ready = next(&mut socket).await.unwrap();
    assert_eq!(ready["t"], "READY");
    assert_eq!(ready["d"]["shard"], json!(shard));
    let ids: Vec<String> = ready["d"]["guilds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["id"].as_str().unwrap().to_owned())
        .collect();
    let mut names = Vec::new();
    for _ in &ids {
        let created = next(&mut socket).await.unwrap();
        assert_eq!(created["t"], "GUILD_CREATE");
        names.push(created["d"]["name"].as_str().unwrap().to_owned());
    }
    (socket, ids, names)
}

#[tokio::test]
async fn each_guild_is_on_the_shard_discords_formula_gives() {
    let sandbox = two_guilds_on_two_shards().await;
    let guilds = sandbox.guild_ids();
    assert_eq!(guilds.len(), 2);
    let shard_of = |g: u64| ((g >> 22) % 2) as u32;
    assert_ne!(shard_of(guilds[0]), shard_of(guilds[1]), "{guilds:?}");

    let (mut zero, zero_ids, zero_names) = session(&sandbox, [0, 2]).await;
    let (mut one, one_ids, one_names) = session(&sandbox, [1, 2]).await;
    let acme_shard = shard_of(guilds[0]);
    let (acme_session, umbrella_session) = if acme_shard == 0 {
        (&mut zero, &mut one)
    } else {
        (&mut one, &mut zero)
    };
    let (acme_names, umbrella_names) = if acme_shard == 0 {
        (&zero_names, &one_names)
    } else {
        (&one_names, &zero_names)
    };
    assert_eq!(acme_names, &["Acme"]);
    assert_eq!(umbrella_names, &["Umbrella"]);
    assert_eq!(zero_ids.len() + one_ids.len(), 2);

    // Alice is one user in both guilds; what she says in Umbrella's #help
    // reaches only Umbrella's shard.
    let alice = sandbox.person("alice").unwrap();
    let umbrella_help = sandbox.guild_channel(guilds[1], "help").unwrap();
    assert_ne!(
        umbrella_help.id,
        sandbox.guild_channel(guilds[0], "help").unwrap().id
    );
    alice.say(&umbrella_help, "hello umbrella").await.unwrap();
    let event = next(umbrella_session).await.unwrap();
    assert_eq!(event["t"], "MESSAGE_CREATE");
    assert_eq!(event["d"]["content"], "hello umbrella");
    assert_eq!(event["d"]["guild_id"], guilds[1].to_string());
    let acme_help = sandbox.guild_channel(guilds[0], "help").unwrap();
    alice.say(&acme_help, "hello acme").await.unwrap();
    let event = next(acme_session).await.unwrap();
    assert_eq!(
        event["d"]["content"], "hello acme",
        "the first event Acme's shard gets"
    );

    let routed = sandbox.routed();
    assert_eq!(routed[&guilds[0]], vec![([acme_shard, 2], 1)]);
    assert_eq!(routed[&guilds[1]], vec![([1 - acme_shard, 2], 1)]);
}

#[tokio::test]
async fn a_shard_outside_the_count_is_closed_with_4010() {
    let sandbox = two_guilds_on_two_shards().await;
    for shard in [[2, 2], [0, 0]] {
        let mut socket = connect(&sandbox).await;
        next(&mut socket).await.unwrap();
        send(&mut socket, identify(sandbox.token(), shard)).await;
        assert_eq!(next(&mut socket).await, Err(4010), "{shard:?}");
    }
}

#[tokio::test]
async fn get_gateway_bot_recommends_the_sandboxs_shard_count() {
    let sandbox = two_guilds_on_two_shards().await;
    let http = sandbox.http_for_bot();
    let gateway = http.get_bot_gateway().await.unwrap();
    assert_eq!(gateway.shards, 2);
    assert_eq!(gateway.url, sandbox.gateway_url());
    support::openapi::assert_valid(&sandbox.exchanges());
}
