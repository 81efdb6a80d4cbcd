//! Mention markup in user text, looked up by name on Discord, for places
//! that do not render it (a thread's name is plain text: `<@123>` would
//! show as it is).

use std::collections::HashMap;

use poise::serenity_prelude::{ChannelId, GuildId as DGuild, Http, UserId};

use crate::insight::mentions::{mentions, readable, Mention};
use crate::tickets::GuildId;

/// `text` with its mentions as `@name` / `#name`. Costs one request per
/// distinct mention (none for text without markup); a name Discord will
/// not give becomes a plain `@user` / `@role` / `#channel`.
pub async fn readable_text(http: &Http, guild: GuildId, text: &str) -> String {
    let wanted = mentions(text);
    if wanted.is_empty() {
        return text.to_owned();
    }
    let guild = DGuild::new(guild.0);
    let mut names: HashMap<Mention, String> = HashMap::new();
    let mut roles = None;
    for m in wanted {
        if names.contains_key(&m) {
            continue;
        }
        let name = match m {
            Mention::User(id) => guild
                .member(http, UserId::new(id))
                .await
                .ok()
                .map(|member| member.display_name().to_owned()),
            Mention::Role(id) => {
                if roles.is_none() {
                    roles = guild.roles(http).await.ok();
                }
                roles
                    .as_ref()
                    .and_then(|r| r.values().find(|role| role.id.get() == id))
                    .map(|role| role.name.clone())
            }
            Mention::Channel(id) => match ChannelId::new(id).to_channel(http).await {
                Ok(channel) => channel.guild().map(|c| c.name),
                Err(_) => None,
            },
        };
        if let Some(name) = name {
            names.insert(m, name);
        }
    }
    readable(text, &|m| names.get(&m).cloned())
}
