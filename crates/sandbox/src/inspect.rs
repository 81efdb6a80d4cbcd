//! Looking into a running sandbox: people and channels by name, what
//! everyone sees, what the bot sent, and a few admin actions.

use crate::driver::view_builder::{
    channel_info, message_view, modal_view, name_of, person_view, visible_messages,
};
use crate::driver::{
    ChannelInfo, ChannelRef, DriverError, MessageView, Person, PersonView, Sighting,
};
use crate::error::ApiError;
use crate::gateway::hub::Delivered;
use crate::ids::Snowflake;
use crate::record::{Exchange, Recorder};
use crate::server::Sandbox;
use crate::spec::Target;
use crate::state::feed::Change;
use crate::state::permissions::{Overwrite, OverwriteTarget, Permissions};
use crate::state::DiscordState;
use crate::wire::command::CommandOut;

impl Sandbox {
    /// A member by name (username or display name).
    pub fn person(&self, name: &str) -> Result<Person, DriverError> {
        find_person(&self.shared, name, self.patience)
    }

    /// Every member who is not the bot, by name.
    pub fn people(&self) -> Vec<String> {
        self.shared.read(|w| {
            let mut names: Vec<String> = w
                .main_guild()
                .map(|g| {
                    g.members
                        .keys()
                        .filter(|u| w.user(**u).is_some_and(|u| !u.bot))
                        .map(|u| name_of(w, *u))
                        .collect()
                })
                .unwrap_or_default();
            names.sort();
            names
        })
    }

    /// A role's id by name (`@everyone` is the guild's id).
    pub fn role_id(&self, name: &str) -> Option<u64> {
        self.shared
            .read(|w| w.main_guild()?.role_by_name(name).map(|r| r.id.0))
    }

    /// A channel, category or thread by name (`help` or `#help`).
    pub fn channel(&self, name: &str) -> Result<ChannelRef, DriverError> {
        self.shared
            .read(|w| {
                w.channel_by_name(name).map(|c| ChannelRef {
                    id: c.id.0,
                    name: c.name.clone(),
                })
            })
            .ok_or_else(|| DriverError::UnknownChannel(name.to_string()))
    }

    /// A channel of one guild by name, when several guilds have one of that name.
    pub fn guild_channel(&self, guild: u64, name: &str) -> Result<ChannelRef, DriverError> {
        self.shared
            .read(|w| {
                w.channel_by_name_in(Some(Snowflake(guild)), name)
                    .map(|c| ChannelRef {
                        id: c.id.0,
                        name: c.name.clone(),
                    })
            })
            .ok_or_else(|| DriverError::UnknownChannel(name.to_string()))
    }

    /// A role's id in one guild, by name (`@everyone` is the guild's id).
    pub fn guild_role_id(&self, guild: u64, name: &str) -> Option<u64> {
        self.shared.read(|w| {
            w.guilds
                .get(&Snowflake(guild))?
                .role_by_name(name)
                .map(|r| r.id.0)
        })
    }

    /// A channel by id.
    pub fn channel_by_id(&self, id: u64) -> Result<ChannelRef, DriverError> {
        self.shared
            .read(|w| {
                w.channels.get(&Snowflake(id)).map(|c| ChannelRef {
                    id: c.id.0,
                    name: c.name.clone(),
                })
            })
            .ok_or_else(|| DriverError::UnknownChannel(id.to_string()))
    }

    /// Everything about a channel or thread: flags, members, who sees it.
    pub fn channel_info(&self, channel: &ChannelRef) -> Result<ChannelInfo, DriverError> {
        self.shared
            .read(|w| {
                w.channels
                    .get(&Snowflake(channel.id))
                    .map(|c| channel_info(w, c))
            })
            .ok_or_else(|| DriverError::UnknownChannel(channel.name.clone()))
    }

    /// Whether the channel (or thread) still exists.
    pub fn exists(&self, channel: &ChannelRef) -> bool {
        self.shared
            .read(|w| w.channels.contains_key(&Snowflake(channel.id)))
    }

    /// Names of everyone (the bot included) who can see the channel.
    pub fn who_can_see(&self, channel: &ChannelRef) -> Vec<String> {
        self.channel_info(channel)
            .map(|i| i.viewers)
            .unwrap_or_default()
    }

    /// Names of a thread's members.
    pub fn thread_members(&self, thread: &ChannelRef) -> Vec<String> {
        self.channel_info(thread)
            .map(|i| i.members)
            .unwrap_or_default()
    }

    /// Every message of a channel, oldest first, ephemeral ones included.
    pub fn messages(&self, channel: &ChannelRef) -> Vec<MessageView> {
        self.shared.read(|w| {
            w.channels
                .get(&Snowflake(channel.id))
                .map(|c| c.messages.values().map(|m| message_view(w, m)).collect())
                .unwrap_or_default()
        })
    }

    /// Threads whose parent is `channel`, newest first.
    pub fn threads_of(&self, channel: &ChannelRef) -> Vec<ChannelRef> {
        self.shared.read(|w| {
            let mut threads: Vec<ChannelRef> = w
                .channels
                .values()
                .filter(|c| c.parent_id == Some(Snowflake(channel.id)) && c.is_thread())
                .map(|c| ChannelRef {
                    id: c.id.0,
                    name: c.name.clone(),
                })
                .collect();
            threads.sort_by_key(|t| std::cmp::Reverse(t.id));
            threads
        })
    }

    /// Whether the bot can see a channel.
    pub fn bot_can_see(&self, channel: &ChannelRef) -> bool {
        self.shared
            .read(|w| w.can_view(w.bot_id(), Snowflake(channel.id)))
    }

    /// What `name` sees: every visible channel with its last `recent` messages.
    pub fn what_sees(&self, name: &str, recent: usize) -> Result<PersonView, DriverError> {
        let person = self.person(name)?;
        Ok(self
            .shared
            .read(|w| person_view(w, Snowflake(person.id()), recent)))
    }

    /// The commands the bot registered (guild ones first).
    pub fn commands(&self) -> Vec<CommandOut> {
        self.shared.read(|w| {
            let Some(guild) = w.main_guild() else {
                return Vec::new();
            };
            w.commands
                .visible_in(guild.id)
                .into_iter()
                .map(|c| w.command_out(c))
                .collect()
        })
    }

    /// The bytes of an uploaded file.
    pub fn file(&self, attachment_id: u64) -> Option<Vec<u8>> {
        self.shared.read(|w| {
            w.files
                .get(&Snowflake(attachment_id))
                .map(|f| f.data.clone())
        })
    }

    /// Every REST exchange so far.
    pub fn exchanges(&self) -> Vec<Exchange> {
        self.shared.recorder.all()
    }

    pub fn recorder(&self) -> &Recorder {
        &self.shared.recorder
    }

    /// Gateway events sent so far (the latest 20,000).
    pub fn gateway_events(&self) -> Vec<Delivered> {
        self.shared.read(|w| w.gateway.delivered())
    }

    /// Where the change feed is now; pass it to [`Sandbox::sightings_since`].
    pub fn cursor(&self) -> u64 {
        self.shared.read(|w| w.feed.cursor())
    }

    /// What each person saw happen since `cursor`: new, edited and deleted
    /// messages in channels they see, and modals shown to them. Returns the
    /// new cursor.
    pub fn sightings_since(&self, cursor: u64) -> (Vec<Sighting>, u64) {
        sightings_since(&self.shared, cursor)
    }

    /// Time passes on Discord's side: the sandbox's clock moves forward by
    /// `by`, and threads idle for their `auto_archive_duration` archive
    /// themselves (THREAD_UPDATE), as on Discord. Returns how many did.
    /// (The bot's clock is its own: move both, as the console's `wait` does.)
    pub fn advance_clock(&self, by: std::time::Duration) -> usize {
        // Ten years at most: a clock far enough ahead for any test, never
        // one whose dates overflow.
        let by = by.min(std::time::Duration::from_secs(3650 * 86_400));
        let by = chrono::Duration::from_std(by).unwrap_or_default();
        self.shared.write(|w| w.advance_clock(by))
    }

    /// A new person joins (GUILD_MEMBER_ADD).
    pub fn add_member(
        &self,
        name: &str,
        roles: &[&str],
        locale: &str,
    ) -> Result<Person, DriverError> {
        self.shared.write(|w| {
            let guild = w.main_guild().ok_or_else(ApiError::unknown_guild)?;
            let role_ids = roles
                .iter()
                .map(|r| {
                    guild
                        .role_by_name(r)
                        .map(|r| r.id)
                        .ok_or_else(ApiError::unknown_role)
                })
                .collect::<Result<Vec<_>, _>>()?;
            let guild_id = guild.id;
            w.add_member(guild_id, name, locale, role_ids)
        })?;
        self.person(name)
    }

    /// Gives a person exactly these roles (GUILD_MEMBER_UPDATE).
    pub fn set_roles(&self, person: &Person, roles: &[&str]) -> Result<(), DriverError> {
        let user = Snowflake(person.id());
        self.shared.write(|w| {
            let guild = w.main_guild().ok_or_else(ApiError::unknown_guild)?;
            let role_ids = roles
                .iter()
                .map(|r| {
                    guild
                        .role_by_name(r)
                        .map(|r| r.id)
                        .ok_or_else(ApiError::unknown_role)
                })
                .collect::<Result<Vec<_>, _>>()?;
            let guild_id = guild.id;
            w.set_member_roles(guild_id, user, role_ids)
        })?;
        Ok(())
    }

    /// Edits a role as an admin would (GUILD_ROLE_UPDATE): `@everyone`,
    /// `@bot` (the role Discord manages for the bot) or a role's name;
    /// `None` leaves that setting as it is.
    pub fn edit_role(
        &self,
        role: &str,
        mentionable: Option<bool>,
        permissions: Option<Permissions>,
    ) -> Result<(), DriverError> {
        self.shared.write(|w| {
            let guild = w.main_guild().ok_or_else(ApiError::unknown_guild)?;
            let found = match role {
                "@everyone" => Some(guild.id),
                "@bot" => {
                    let bot = w.bot_id();
                    guild
                        .roles
                        .iter()
                        .find(|r| r.bot_id == Some(bot))
                        .map(|r| r.id)
                }
                name => guild.role_by_name(name).map(|r| r.id),
            };
            let role_id = found.ok_or_else(ApiError::unknown_role)?;
            let guild_id = guild.id;
            w.edit_role(guild_id, role_id, mentionable, permissions)
        })?;
        Ok(())
    }

    /// Sets a channel overwrite as an admin would (CHANNEL_UPDATE).
    pub fn set_overwrite(
        &self,
        channel: &ChannelRef,
        target: Target,
        allow: Permissions,
        deny: Permissions,
    ) -> Result<(), DriverError> {
        let id = Snowflake(channel.id);
        self.shared.write(|w| {
            let guild = w.guild_of(id)?;
            let (target_id, kind) = match &target {
                Target::Everyone => (guild.id, OverwriteTarget::Role),
                Target::Role(name) => (
                    guild
                        .role_by_name(name)
                        .map(|r| r.id)
                        .ok_or_else(ApiError::unknown_role)?,
                    OverwriteTarget::Role,
                ),
                Target::Member(name) => (
                    w.user_by_name(name)
                        .map(|u| u.id)
                        .ok_or_else(ApiError::unknown_member)?,
                    OverwriteTarget::Member,
                ),
            };
            let channel = w.channel_mut(id)?;
            channel.overwrites.retain(|o| o.id != target_id);
            channel.overwrites.push(Overwrite {
                id: target_id,
                target: kind,
                allow,
                deny,
            });
            w.channel_updated(id);
            Ok::<_, ApiError>(())
        })?;
        Ok(())
    }

    /// What a person sees in a channel (a shortcut for tests and the console).
    pub fn seen_by(
        &self,
        name: &str,
        channel: &ChannelRef,
    ) -> Result<Vec<MessageView>, DriverError> {
        let person = self.person(name)?;
        Ok(self.shared.read(|w| {
            w.channels
                .get(&Snowflake(channel.id))
                .map(|c| visible_messages(w, Snowflake(person.id()), c))
                .unwrap_or_default()
        }))
    }
}

fn person_ids(world: &DiscordState) -> Vec<Snowflake> {
    let mut ids: Vec<Snowflake> = world
        .main_guild()
        .map(|g| {
            g.members
                .keys()
                .copied()
                .filter(|u| world.user(*u).is_some_and(|u| !u.bot))
                .collect()
        })
        .unwrap_or_default();
    ids.sort_by_key(|u| name_of(world, *u));
    ids
}

/// A member by name (username or display name), acting with `patience`.
pub(crate) fn find_person(
    shared: &std::sync::Arc<crate::shared::Shared>,
    name: &str,
    patience: std::time::Duration,
) -> Result<Person, DriverError> {
    let found = shared.read(|w| {
        let user = w.user_by_name(name)?;
        let member = w.main_guild()?.members.contains_key(&user.id);
        member.then(|| (user.id, user.username.clone()))
    });
    let (id, name) = found.ok_or_else(|| DriverError::UnknownPerson(name.to_string()))?;
    Ok(Person::new(shared.clone(), id, name, patience))
}

/// What each person saw happen since `cursor` (see [`Sandbox::sightings_since`]).
pub(crate) fn sightings_since(shared: &crate::shared::Shared, cursor: u64) -> (Vec<Sighting>, u64) {
    shared.read(|w| {
        let people = person_ids(w);
        let mut out = Vec::new();
        for entry in w.feed.since(cursor) {
            let place = w
                .channels
                .get(&entry.channel_id)
                .map(|c| c.name.clone())
                .unwrap_or_else(|| entry.channel_id.to_string());
            match entry.change {
                Change::ModalOpened { user, interaction } => out.push(Sighting {
                    who: name_of(w, user),
                    place,
                    change: "modal".to_string(),
                    message: None,
                    modal: modal_view(w, interaction),
                }),
                change => {
                    let message = entry
                        .message_id
                        .and_then(|m| w.channels.get(&entry.channel_id)?.messages.get(&m));
                    let label = match change {
                        Change::MessageCreated => "new",
                        Change::MessageEdited => "edited",
                        _ => "deleted",
                    };
                    for person in &people {
                        if !w.can_view(*person, entry.channel_id) {
                            continue;
                        }
                        if message.is_some_and(|m| m.ephemeral_for.is_some_and(|u| u != *person)) {
                            continue;
                        }
                        if message.is_none() && label != "deleted" {
                            continue;
                        }
                        out.push(Sighting {
                            who: name_of(w, *person),
                            place: place.clone(),
                            change: label.to_string(),
                            message: message.map(|m| message_view(w, m)),
                            modal: None,
                        });
                    }
                }
            }
        }
        (out, w.feed.cursor())
    })
}
