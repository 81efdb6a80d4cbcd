//! A world to test state rules on, without a server.

use super::{DiscordState, WorldConfig};
use crate::ids::Snowflake;
use crate::spec::ServerSpec;

pub fn world(description: &str) -> DiscordState {
    let spec = ServerSpec::parse(description).expect("the test server reads");
    let config = WorldConfig {
        base_url: "http://127.0.0.1:1".into(),
        gateway_url: "ws://127.0.0.1:1".into(),
        token: "t".into(),
        application_id: Snowflake(0),
        application_name: String::new(),
        bot_id: Snowflake(0),
        privileged: spec.privileged,
        shards: 1,
        heartbeat_interval: std::time::Duration::from_millis(crate::gateway::HEARTBEAT_INTERVAL_MS),
    };
    DiscordState::build(&spec, config).expect("the test world builds")
}
