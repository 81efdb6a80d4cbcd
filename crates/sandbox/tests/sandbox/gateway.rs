//! The gateway protocol frame by frame, with a bare websocket client:
//! HELLO, IDENTIFY, READY and GUILD_CREATE, heartbeats, close codes, and
//! RESUME replaying by sequence number.

const SERVER: &str = "
server Acme
channel help
member alice
";

use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use supportline_sandbox::{Sandbox, ServerSpec};
use tokio_tungstenite::tungstenite::Message;

pub(crate) type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

async fn sandbox() -> Sandbox {
    Sandbox::start_local(ServerSpec::parse(SERVER).unwrap())
        .await
        .unwrap()
}

pub(crate) async fn connect(sandbox: &Sandbox) -> Socket {
    let url = format!("{}/?v=10&encoding=json", sandbox.gateway_url());
    tokio_tungstenite::connect_async(url).await.unwrap().0
}

/// The next text frame as JSON, or the close code.
pub(crate) async fn next(socket: &mut Socket) -> Result<Value, u16> {
    loop {
        match socket.next().await {
            Some(Ok(Message::Text(text))) => return Ok(serde_json::from_str(&text).unwrap()),
            Some(Ok(Message::Close(frame))) => return Err(frame.map_or(0, |f| f.code.into())),
            Some(Ok(_)) => continue,
            _ => return Err(0),
        }
    }
}

pub(crate) async fn send(socket: &mut Socket, frame: Value) {
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
    let resume = json!({"op": 6, "d": {"token": sandbox.token(), "session_id": "nope", "seq": 3}});
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
    let resume = json!({"op": 6, "d": {"token": sandbox.token(), "session_id": session, "seq": 3}});
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

#[tokio::test]
async fn a_client_closing_the_connection_gets_a_close_frame_back() {
    use tokio_tungstenite::tungstenite::protocol::{frame::coding::CloseCode, CloseFrame};
    let sandbox = sandbox().await;
    let mut socket = connect(&sandbox).await;
    next(&mut socket).await.unwrap();
    send(&mut socket, identify(sandbox.token())).await;
    next(&mut socket).await.unwrap();
    socket
        .send(Message::Close(Some(CloseFrame {
            code: CloseCode::Normal,
            reason: "bye".into(),
        })))
        .await
        .unwrap();
    // Whatever was queued may come first; then the answer to the close.
    let answer = loop {
        match socket.next().await {
            Some(Ok(Message::Close(frame))) => break frame.map(|f| u16::from(f.code)),
            Some(Ok(_)) => continue,
            other => panic!("the connection ended without a close frame: {other:?}"),
        }
    };
    assert_eq!(answer, Some(1000), "the close is answered, not cut");
}

#[tokio::test]
async fn a_connection_that_stops_heartbeating_is_closed_so_the_client_resumes() {
    let options = supportline_sandbox::SandboxOptions {
        heartbeat_interval: std::time::Duration::from_millis(200),
        ..Default::default()
    };
    let sandbox = Sandbox::start_with(ServerSpec::parse(SERVER).unwrap(), options)
        .await
        .unwrap();
    let mut socket = connect(&sandbox).await;
    let hello = next(&mut socket).await.unwrap();
    assert_eq!(hello["d"]["heartbeat_interval"], 200);
    send(&mut socket, identify(sandbox.token())).await;
    // Heartbeating on time for longer than the allowance keeps it open.
    for _ in 0..4 {
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
        send(&mut socket, json!({"op": 1, "d": null})).await;
    }
    let mut acks = 0;
    let closed = loop {
        match next(&mut socket).await {
            Ok(frame) if frame["op"] == 11 => acks += 1,
            Ok(_) => {}
            Err(code) => break code,
        }
    };
    assert_eq!(acks, 4, "every heartbeat was acknowledged first");
    assert_eq!(
        closed, 4000,
        "then, the heartbeats stopped, the connection is closed"
    );
}
