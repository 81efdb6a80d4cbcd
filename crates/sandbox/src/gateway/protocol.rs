//! What the sandbox answers to each gateway frame.

use serde::Serialize;
use serde_json::Value;

use super::hub::{intents, shard_holds, Outbound, ResumeRefused};
use crate::state::DiscordState;
use crate::wire::gateway::{
    FrameIn, FrameOut, HelloOut, IdentifyIn, ReadyApplicationOut, ReadyOut, ResumeIn, ResumedOut,
    UnavailableGuildOut, CLOSE_ALREADY_AUTHENTICATED, CLOSE_AUTHENTICATION_FAILED,
    CLOSE_DECODE_ERROR, CLOSE_DISALLOWED_INTENTS, CLOSE_INVALID_SHARD, CLOSE_NOT_AUTHENTICATED,
    CLOSE_UNKNOWN_OPCODE, OP_HEARTBEAT, OP_HEARTBEAT_ACK, OP_HELLO, OP_IDENTIFY,
    OP_INVALID_SESSION, OP_PRESENCE_UPDATE, OP_REQUEST_GUILD_MEMBERS, OP_REQUEST_SOUNDBOARD_SOUNDS,
    OP_RESUME, OP_VOICE_STATE_UPDATE,
};

/// Discord's usual interval. Serenity heartbeats on it; tests are shorter.
pub const HEARTBEAT_INTERVAL_MS: u64 = 41_250;

pub fn send_op<T: Serialize>(world: &DiscordState, connection: u64, op: u8, data: &T) {
    let frame = FrameOut {
        op,
        d: data,
        s: None,
        t: None,
    };
    match serde_json::to_string(&frame) {
        Ok(text) => world.gateway.send(connection, Outbound::Text(text)),
        Err(error) => tracing::error!(%error, op, "could not serialise a gateway frame"),
    }
}

fn close(world: &DiscordState, connection: u64, code: u16, reason: &str) {
    tracing::warn!(code, reason, "sandbox gateway closes a connection");
    world
        .gateway
        .send(connection, Outbound::Close(code, reason.to_string()));
}

pub fn hello(world: &DiscordState, connection: u64) {
    let interval = world.config.heartbeat_interval.as_millis();
    let hello = HelloOut {
        heartbeat_interval: u64::try_from(interval).unwrap_or(HEARTBEAT_INTERVAL_MS),
    };
    send_op(world, connection, OP_HELLO, &hello);
}

/// Answers one frame; true if it was a heartbeat.
pub fn handle(world: &mut DiscordState, connection: u64, text: &str) -> bool {
    let Ok(frame) = serde_json::from_str::<FrameIn>(text) else {
        close(
            world,
            connection,
            CLOSE_DECODE_ERROR,
            "Error while decoding payload.",
        );
        return false;
    };
    let heartbeat = frame.op == OP_HEARTBEAT;
    let identified = world.gateway.session_of(connection).is_some();
    match frame.op {
        OP_HEARTBEAT => send_op(world, connection, OP_HEARTBEAT_ACK, &()),
        OP_IDENTIFY if identified => close(
            world,
            connection,
            CLOSE_ALREADY_AUTHENTICATED,
            "Already authenticated.",
        ),
        OP_IDENTIFY => identify(world, connection, frame.d),
        OP_RESUME => resume(world, connection, frame.d),
        OP_PRESENCE_UPDATE
        | OP_VOICE_STATE_UPDATE
        | OP_REQUEST_GUILD_MEMBERS
        | OP_REQUEST_SOUNDBOARD_SOUNDS
            if !identified =>
        {
            close(
                world,
                connection,
                CLOSE_NOT_AUTHENTICATED,
                "Not authenticated.",
            )
        }
        OP_PRESENCE_UPDATE | OP_VOICE_STATE_UPDATE | OP_REQUEST_SOUNDBOARD_SOUNDS => {}
        OP_REQUEST_GUILD_MEMBERS => {
            tracing::warn!("sandbox gateway does not imitate REQUEST_GUILD_MEMBERS; ignoring it")
        }
        op => {
            tracing::warn!(op, "sandbox gateway got an unknown opcode");
            close(world, connection, CLOSE_UNKNOWN_OPCODE, "Unknown opcode.")
        }
    }
    heartbeat
}

fn token_matches(world: &DiscordState, token: &str) -> bool {
    token.strip_prefix("Bot ").unwrap_or(token).trim() == world.config.token
}

fn identify(world: &mut DiscordState, connection: u64, data: Value) {
    let Ok(identify) = serde_json::from_value::<IdentifyIn>(data) else {
        return close(
            world,
            connection,
            CLOSE_DECODE_ERROR,
            "Error while decoding payload.",
        );
    };
    if !token_matches(world, &identify.token) {
        return close(
            world,
            connection,
            CLOSE_AUTHENTICATION_FAILED,
            "Authentication failed.",
        );
    }
    let granted = world.config.privileged;
    let mut allowed = !intents::PRIVILEGED;
    if granted.message_content {
        allowed |= intents::MESSAGE_CONTENT;
    }
    if granted.guild_members {
        allowed |= intents::GUILD_MEMBERS;
    }
    if granted.presences {
        allowed |= intents::GUILD_PRESENCES;
    }
    if identify.intents & !allowed != 0 {
        return close(
            world,
            connection,
            CLOSE_DISALLOWED_INTENTS,
            "Disallowed intent(s).",
        );
    }
    let shard = identify.shard.unwrap_or([0, 1]);
    if shard[1] == 0 || shard[0] >= shard[1] {
        return close(world, connection, CLOSE_INVALID_SHARD, "Invalid shard.");
    }
    let session_id = format!("{:032x}", fastrand::u128(..));
    world
        .gateway
        .open_session(connection, session_id.clone(), shard, identify.intents);
    let guilds: Vec<_> = world
        .guilds
        .keys()
        .copied()
        .filter(|g| shard_holds(shard, *g))
        .collect();
    let ready = ReadyOut {
        v: 10,
        user: world.current_user_out(),
        guilds: guilds
            .iter()
            .map(|id| UnavailableGuildOut {
                id: *id,
                unavailable: true,
            })
            .collect(),
        session_id: session_id.clone(),
        session_type: "normal".to_string(),
        resume_gateway_url: world.config.gateway_url.clone(),
        shard,
        application: ReadyApplicationOut {
            id: world.config.application_id,
            flags: 0,
        },
        private_channels: Vec::new(),
        relationships: Vec::new(),
        guild_join_requests: Vec::new(),
        geo_ordered_rtc_regions: Vec::new(),
    };
    send_dispatch(world, &session_id, "READY", &ready);
    if identify.intents & intents::GUILDS != 0 {
        for id in guilds {
            let Some(guild) = world.guilds.get(&id) else {
                continue;
            };
            let out = world.guild_create_out(guild, identify.intents);
            send_dispatch(world, &session_id, "GUILD_CREATE", &out);
        }
    }
    world.gateway.handshakes += 1;
}

fn send_dispatch<T: Serialize>(
    world: &mut DiscordState,
    session: &str,
    name: &'static str,
    data: &T,
) {
    match serde_json::to_value(data) {
        Ok(value) => world.gateway.send_to_session(session, name, &value),
        Err(error) => tracing::error!(%error, event = name, "could not serialise a dispatch"),
    }
}

fn resume(world: &mut DiscordState, connection: u64, data: Value) {
    let Ok(resume) = serde_json::from_value::<ResumeIn>(data) else {
        return close(
            world,
            connection,
            CLOSE_DECODE_ERROR,
            "Error while decoding payload.",
        );
    };
    if !token_matches(world, &resume.token) {
        return close(
            world,
            connection,
            CLOSE_AUTHENTICATION_FAILED,
            "Authentication failed.",
        );
    }
    match world
        .gateway
        .resume(connection, &resume.session_id, resume.seq)
    {
        Ok(()) => {
            send_dispatch(world, &resume.session_id, "RESUMED", &ResumedOut {});
            world.gateway.handshakes += 1;
        }
        Err(ResumeRefused::UnknownSession) | Err(ResumeRefused::TooOld) => {
            send_op(world, connection, OP_INVALID_SESSION, &false);
        }
    }
}
