//! Building the world from a server description.

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};

use super::channel_types::{Channel, ChannelKind};
use super::guild::{Guild, Member, Role, User};
use super::permissions::{Overwrite, OverwriteTarget};
use super::DiscordState;
use crate::gateway::hub::GatewayHub;
use crate::ids::{now_iso, Snowflake, SnowflakeGen};
use crate::spec::{ChannelSpecKind, Privileged, ServerSpec, SpecError, Target};

/// Settings of one running sandbox.
#[derive(Clone, Debug)]
pub struct WorldConfig {
    /// `http://127.0.0.1:PORT`, without `/api/v10`.
    pub base_url: String,
    /// `ws://127.0.0.1:PORT`, what GET /gateway answers.
    pub gateway_url: String,
    /// The bot token the sandbox accepts.
    pub token: String,
    pub application_id: Snowflake,
    pub application_name: String,
    pub bot_id: Snowflake,
    pub privileged: Privileged,
    /// What GET /gateway/bot recommends.
    pub shards: u32,
    /// The `heartbeat_interval` of HELLO; a connection that stops
    /// heartbeating is closed after half as long again.
    pub heartbeat_interval: std::time::Duration,
}

impl DiscordState {
    /// Builds a world with one guild from `spec`. `config.application_id`
    /// and `config.bot_id` are filled in here (they are equal, as for every
    /// application made since 2022).
    pub fn build(spec: &ServerSpec, config: WorldConfig) -> Result<DiscordState, SpecError> {
        Self::build_guilds(std::slice::from_ref(spec), config)
    }

    /// Builds a world with one guild per spec, in that order. The bot (named
    /// and granted as in the first spec) is in all of them; a member named
    /// in several specs is one user in several guilds, as on Discord. The
    /// guilds' ids are of consecutive milliseconds, so that `(guild_id >>
    /// 22) % num_shards` spreads them over the shards in turn.
    pub fn build_guilds(
        specs: &[ServerSpec],
        mut config: WorldConfig,
    ) -> Result<DiscordState, SpecError> {
        let Some(first) = specs.first() else {
            return Err(SpecError::new(0, "a sandbox needs at least one server"));
        };
        let mut ids = SnowflakeGen::default();
        let guild_ids = ids.next_milliseconds(specs.len());
        let bot_id = ids.next_id();
        config.application_id = bot_id;
        config.bot_id = bot_id;
        config.application_name = first.bot.name.clone();
        config.privileged = first.privileged;

        let mut users = HashMap::new();
        users.insert(
            bot_id,
            User {
                id: bot_id,
                username: first.bot.name.clone(),
                global_name: None,
                bot: true,
                locale: "en-US".to_string(),
            },
        );
        let mut channels = HashMap::new();
        let mut guilds = BTreeMap::new();
        for (spec, &guild_id) in specs.iter().zip(&guild_ids) {
            let mut made = Made {
                ids: &mut ids,
                users: &mut users,
                channels: &mut channels,
                bot_id,
            };
            let guild = build_guild(spec, guild_id, &mut made)?;
            guilds.insert(guild_id, guild);
        }
        Ok(DiscordState {
            ids,
            config,
            users,
            guilds,
            channels,
            message_index: HashMap::new(),
            files: HashMap::new(),
            commands: Default::default(),
            interactions: Default::default(),
            gateway: GatewayHub::default(),
            feed: Default::default(),
            enforced_nonces: HashMap::new(),
            clock: Default::default(),
        })
    }
}

/// What building the guilds adds to as it goes.
struct Made<'a> {
    ids: &'a mut SnowflakeGen,
    users: &'a mut HashMap<Snowflake, User>,
    channels: &'a mut HashMap<Snowflake, Channel>,
    bot_id: Snowflake,
}

fn build_guild(
    spec: &ServerSpec,
    guild_id: Snowflake,
    made: &mut Made<'_>,
) -> Result<Guild, SpecError> {
    let bot_id = made.bot_id;
    let roles = build_roles(spec, guild_id, bot_id, made.ids);
    let mut guild = Guild {
        id: guild_id,
        name: spec.name.clone(),
        owner_id: bot_id,
        locale: spec.locale.clone(),
        roles,
        members: HashMap::new(),
        channels: Vec::new(),
        threads: BTreeSet::new(),
        active_threads: BTreeSet::new(),
        created_at: now_iso(),
    };

    let mut member_specs = spec.members.clone();
    let owner_name = spec.owner.clone().unwrap_or_else(|| "owner".to_string());
    if !member_specs.iter().any(|m| m.name == owner_name) {
        member_specs.push(crate::spec::MemberSpec {
            name: owner_name.clone(),
            display_name: None,
            roles: Vec::new(),
            locale: spec.locale.clone(),
        });
    }
    for member in &member_specs {
        let existing = made
            .users
            .values()
            .find(|u: &&User| u.username == member.name)
            .map(|u| u.id);
        let twice = member.name.eq_ignore_ascii_case(&spec.bot.name)
            || existing.is_some_and(|id| guild.members.contains_key(&id));
        if twice {
            return Err(SpecError::new(
                0,
                format!("`{}` is named twice", member.name),
            ));
        }
        let roles = role_ids(&guild, &member.roles)?;
        // Someone already in another guild joins this one as themselves.
        let id = match existing {
            Some(id) => id,
            None => {
                let id = made.ids.next_id();
                made.users.insert(
                    id,
                    User {
                        id,
                        username: member.name.clone(),
                        global_name: member.display_name.clone(),
                        bot: false,
                        locale: member.locale.clone(),
                    },
                );
                id
            }
        };
        guild.members.insert(id, new_member(id, roles));
        if member.name == owner_name {
            guild.owner_id = id;
        }
    }
    let mut bot_roles = role_ids(&guild, &spec.bot.roles)?;
    if let Some(managed) = guild.roles.iter().find(|r| r.bot_id == Some(bot_id)) {
        bot_roles.push(managed.id);
    }
    guild.members.insert(bot_id, new_member(bot_id, bot_roles));
    build_channels(spec, &mut guild, made.users, made.channels, made.ids)?;
    Ok(guild)
}

fn new_member(user_id: Snowflake, roles: Vec<Snowflake>) -> Member {
    Member {
        user_id,
        roles,
        nick: None,
        joined_at: now_iso(),
    }
}

/// @everyone first, then the described roles upwards, then the bot's
/// managed role on top (so that it may manage every other role).
fn build_roles(
    spec: &ServerSpec,
    guild_id: Snowflake,
    bot_id: Snowflake,
    ids: &mut SnowflakeGen,
) -> Vec<Role> {
    let mut roles = vec![Role {
        id: guild_id,
        name: "@everyone".to_string(),
        permissions: spec.everyone,
        position: 0,
        color: 0,
        hoist: false,
        mentionable: false,
        bot_id: None,
    }];
    for (i, role) in spec.roles.iter().enumerate() {
        roles.push(Role {
            id: ids.next_id(),
            name: role.name.clone(),
            permissions: role.permissions,
            position: (i + 1) as u16,
            color: role.color,
            hoist: role.hoist,
            mentionable: role.mentionable,
            bot_id: None,
        });
    }
    roles.push(Role {
        id: ids.next_id(),
        name: spec.bot.name.clone(),
        permissions: spec.bot.permissions,
        position: (spec.roles.len() + 1) as u16,
        color: 0,
        hoist: false,
        mentionable: false,
        bot_id: Some(bot_id),
    });
    roles
}

fn role_ids(guild: &Guild, names: &[String]) -> Result<Vec<Snowflake>, SpecError> {
    names
        .iter()
        .map(|name| {
            guild
                .role_by_name(name)
                .map(|r| r.id)
                .ok_or_else(|| SpecError::new(0, format!("there is no role `{name}`")))
        })
        .collect()
}

fn build_channels(
    spec: &ServerSpec,
    guild: &mut Guild,
    users: &HashMap<Snowflake, User>,
    channels: &mut HashMap<Snowflake, Channel>,
    ids: &mut SnowflakeGen,
) -> Result<(), SpecError> {
    for (position, described) in spec.channels.iter().enumerate() {
        let parent_id = match &described.category {
            None => None,
            Some(name) => Some(
                channels
                    .values()
                    .find(|c: &&Channel| {
                        c.guild_id == guild.id && c.kind == ChannelKind::Category && c.name == *name
                    })
                    .map(|c| c.id)
                    .ok_or_else(|| SpecError::new(0, format!("there is no category `{name}`")))?,
            ),
        };
        let mut overwrites = Vec::new();
        for rule in &described.overwrites {
            let (id, target) = match &rule.target {
                Target::Everyone => (guild.id, OverwriteTarget::Role),
                Target::Role(name) => (
                    guild
                        .role_by_name(name)
                        .map(|r| r.id)
                        .ok_or_else(|| SpecError::new(0, format!("there is no role `{name}`")))?,
                    OverwriteTarget::Role,
                ),
                Target::Member(name) => (
                    users
                        .values()
                        .find(|u| u.username == *name)
                        .map(|u| u.id)
                        .ok_or_else(|| SpecError::new(0, format!("there is no member `{name}`")))?,
                    OverwriteTarget::Member,
                ),
            };
            merge_overwrite(&mut overwrites, id, target, rule.allow, rule.deny);
        }
        let id = ids.next_id();
        let kind = match described.kind {
            ChannelSpecKind::Text => ChannelKind::Text,
            ChannelSpecKind::Category => ChannelKind::Category,
        };
        channels.insert(
            id,
            Channel {
                id,
                guild_id: guild.id,
                kind,
                name: described.name.clone(),
                topic: described.topic.clone(),
                position: position as u32,
                parent_id,
                overwrites,
                nsfw: false,
                rate_limit_per_user: 0,
                last_message_id: None,
                thread: None,
                messages: BTreeMap::new(),
                visible_messages: 0,
                renames: VecDeque::new(),
            },
        );
        guild.channels.push(id);
    }
    Ok(())
}

/// Several rules for one target add up into one overwrite, as in Discord.
fn merge_overwrite(
    overwrites: &mut Vec<Overwrite>,
    id: Snowflake,
    target: OverwriteTarget,
    allow: super::permissions::Permissions,
    deny: super::permissions::Permissions,
) {
    if let Some(existing) = overwrites.iter_mut().find(|o| o.id == id) {
        existing.allow = (existing.allow & !deny) | allow;
        existing.deny = (existing.deny & !allow) | deny;
    } else {
        overwrites.push(Overwrite {
            id,
            target,
            allow,
            deny,
        });
    }
}
