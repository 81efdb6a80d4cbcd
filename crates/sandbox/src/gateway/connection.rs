//! One websocket connection: a reader feeding frames to the protocol and a
//! writer draining what the hub queued for it.

use std::sync::Arc;

use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade};
use axum::extract::State;
use axum::response::Response;
use futures_util::{SinkExt, StreamExt};
use tokio::sync::mpsc;
use tokio::time::Instant;

use super::hub::Outbound;
use super::protocol;
use crate::shared::Shared;
use crate::wire::gateway::CLOSE_UNKNOWN_ERROR;

pub async fn upgrade(State(shared): State<Arc<Shared>>, ws: WebSocketUpgrade) -> Response {
    ws.on_upgrade(move |socket| run(shared, socket))
}

async fn run(shared: Arc<Shared>, socket: WebSocket) {
    let (mut sink, mut stream) = socket.split();
    let (tx, mut rx) = mpsc::unbounded_channel();
    let echo = tx.clone();
    let connection = shared.write(|w| {
        let id = w.gateway.connect(tx);
        protocol::hello(w, id);
        id
    });
    let writer = async {
        while let Some(out) = rx.recv().await {
            match out {
                Outbound::Text(text) => {
                    if sink.send(Message::Text(text.into())).await.is_err() {
                        break;
                    }
                }
                Outbound::Close(code, reason) => {
                    let frame = CloseFrame {
                        code,
                        reason: reason.into(),
                    };
                    // After the client's close, the websocket has queued
                    // its answer already and refuses a second: flushing
                    // sends it.
                    if sink.send(Message::Close(Some(frame))).await.is_err() {
                        let _ = sink.flush().await;
                    }
                    break;
                }
                // Dropping the socket without a close frame is a network drop.
                Outbound::Drop => break,
            }
        }
    };
    // Discord closes a connection whose heartbeats stop ("your connection
    // will be closed and you will be forced to Resume", events/gateway,
    // Sending Heartbeats): a zombie. Half an interval of slack, and the
    // resumable close code 4000, are the sandbox's choice.
    let interval = shared.config.heartbeat_interval;
    let allowance = interval + interval / 2;
    let reader = async {
        let mut deadline = Instant::now() + allowance;
        loop {
            let Ok(next) = tokio::time::timeout_at(deadline, stream.next()).await else {
                tracing::warn!("sandbox gateway closes a connection that stopped heartbeating");
                if echo
                    .send(Outbound::Close(
                        CLOSE_UNKNOWN_ERROR,
                        "Heartbeat missed.".into(),
                    ))
                    .is_ok()
                {
                    std::future::pending::<()>().await;
                }
                break;
            };
            let Some(Ok(message)) = next else {
                break;
            };
            match message {
                Message::Text(text) => {
                    let heartbeat =
                        shared.write(|w| protocol::handle(w, connection, text.as_str()));
                    if heartbeat {
                        deadline = Instant::now() + allowance;
                    }
                }
                Message::Close(frame) => {
                    // Discord answers a client's close frame with its own
                    // (RFC 6455 §5.5.1) before ending the connection; the
                    // writer sends it (the websocket echoes the code) and
                    // ends the session.
                    let (code, reason) = frame
                        .map(|f| (f.code, f.reason.to_string()))
                        .unwrap_or((1000, String::new()));
                    if echo.send(Outbound::Close(code, reason)).is_ok() {
                        std::future::pending::<()>().await;
                    }
                    break;
                }
                _ => {}
            }
        }
    };
    tokio::select! {
        _ = writer => {}
        _ = reader => {}
    }
    shared.write(|w| w.gateway.disconnect(connection));
}
