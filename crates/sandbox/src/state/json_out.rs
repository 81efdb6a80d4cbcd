//! The state as Discord's JSON objects.

use super::channel_types::{Channel, ChannelKind};
use super::guild::{Guild, Role};
use super::permissions::{OverwriteTarget, Permissions};
use super::DiscordState;
use crate::gateway::hub::intents;
use crate::ids::Snowflake;
use crate::wire::channel::{
    ChannelOut, GuildChannelOut, OverwriteOut, PartialChannelOut, ThreadMemberOut,
    ThreadMetadataOut, ThreadOut,
};
use crate::wire::guild::{GuildCreateOut, GuildOut};
use crate::wire::user::{CurrentUserOut, MemberOut, RoleColorsOut, RoleOut, RoleTagsOut, UserOut};

impl DiscordState {
    pub fn user_out(&self, id: Snowflake) -> UserOut {
        let (username, global_name, bot) = match self.users.get(&id) {
            Some(u) => (u.username.clone(), u.global_name.clone(), u.bot),
            None => ("Deleted User".to_string(), None, false),
        };
        UserOut {
            id,
            username,
            discriminator: "0".to_string(),
            global_name,
            avatar: None,
            banner: None,
            accent_color: None,
            bot,
            public_flags: 0,
            flags: 0,
            primary_guild: None,
            avatar_decoration_data: None,
            collectibles: None,
        }
    }

    pub fn current_user_out(&self) -> CurrentUserOut {
        CurrentUserOut {
            user: self.user_out(self.bot_id()),
            mfa_enabled: false,
            locale: "en-US".to_string(),
            verified: true,
            email: None,
            premium_type: 0,
        }
    }

    pub fn member_out(
        &self,
        guild: &Guild,
        user: Snowflake,
        permissions: Option<Permissions>,
    ) -> Option<MemberOut> {
        let member = guild.members.get(&user)?;
        Some(MemberOut {
            user: self.user_out(user),
            nick: member.nick.clone(),
            avatar: None,
            banner: None,
            roles: member.roles.clone(),
            joined_at: member.joined_at.clone(),
            premium_since: None,
            deaf: false,
            mute: false,
            flags: 0,
            pending: false,
            communication_disabled_until: None,
            permissions,
        })
    }

    pub fn guild_channel_out(&self, channel: &Channel) -> GuildChannelOut {
        GuildChannelOut {
            id: channel.id,
            kind: channel.kind.code(),
            guild_id: channel.guild_id,
            name: channel.name.clone(),
            position: channel.position,
            flags: 0,
            parent_id: channel.parent_id,
            permission_overwrites: channel
                .overwrites
                .iter()
                .map(|o| OverwriteOut {
                    id: o.id,
                    kind: match o.target {
                        OverwriteTarget::Role => 0,
                        OverwriteTarget::Member => 1,
                    },
                    allow: o.allow,
                    deny: o.deny,
                })
                .collect(),
            topic: channel.topic.clone(),
            nsfw: channel.nsfw,
            last_message_id: channel.last_message_id,
            rate_limit_per_user: channel.rate_limit_per_user,
        }
    }

    pub fn thread_metadata_out(&self, channel: &Channel) -> Option<ThreadMetadataOut> {
        let thread = channel.thread.as_ref()?;
        Some(ThreadMetadataOut {
            archived: thread.archived,
            archive_timestamp: thread.archive_timestamp.clone(),
            auto_archive_duration: thread.auto_archive_duration,
            locked: thread.locked,
            create_timestamp: thread.create_timestamp.clone(),
            invitable: (channel.kind == ChannelKind::PrivateThread).then_some(thread.invitable),
        })
    }

    /// A thread; `member` is `viewer`'s membership, if any.
    pub fn thread_out(&self, channel: &Channel, viewer: Option<Snowflake>) -> Option<ThreadOut> {
        let thread = channel.thread.as_ref()?;
        Some(ThreadOut {
            id: channel.id,
            kind: channel.kind.code(),
            guild_id: channel.guild_id,
            parent_id: channel.parent_id.unwrap_or_default(),
            owner_id: thread.owner_id,
            name: channel.name.clone(),
            flags: 0,
            last_message_id: channel.last_message_id,
            rate_limit_per_user: channel.rate_limit_per_user,
            thread_metadata: self.thread_metadata_out(channel)?,
            message_count: channel.message_count(),
            member_count: thread.members.len().min(50) as u32,
            total_message_sent: thread.total_message_sent,
            member: viewer.and_then(|v| self.thread_member_out(channel, v, false)),
            newly_created: None,
        })
    }

    pub fn channel_out(&self, channel: &Channel, viewer: Option<Snowflake>) -> ChannelOut {
        match self.thread_out(channel, viewer) {
            Some(thread) => ChannelOut::Thread(Box::new(thread)),
            None => ChannelOut::Guild(self.guild_channel_out(channel)),
        }
    }

    pub fn partial_channel_out(&self, channel: &Channel, viewer: Snowflake) -> PartialChannelOut {
        PartialChannelOut {
            id: channel.id,
            kind: channel.kind.code(),
            name: channel.name.clone(),
            guild_id: channel.guild_id,
            parent_id: channel.parent_id,
            permissions: self.permissions_in(viewer, channel.id),
            flags: 0,
            thread_metadata: self.thread_metadata_out(channel),
        }
    }

    pub fn thread_member_out(
        &self,
        channel: &Channel,
        user: Snowflake,
        with_member: bool,
    ) -> Option<ThreadMemberOut> {
        let joined = channel.thread.as_ref()?.members.get(&user)?;
        let member = if with_member {
            self.guilds
                .get(&channel.guild_id)
                .and_then(|g| self.member_out(g, user, None))
        } else {
            None
        };
        Some(ThreadMemberOut {
            id: channel.id,
            user_id: user,
            join_timestamp: joined.clone(),
            flags: 0,
            member,
        })
    }

    pub fn role_out(&self, role: &Role) -> RoleOut {
        RoleOut {
            id: role.id,
            name: role.name.clone(),
            permissions: role.permissions,
            position: role.position,
            color: role.color,
            colors: RoleColorsOut {
                primary_color: role.color,
                secondary_color: None,
                tertiary_color: None,
            },
            hoist: role.hoist,
            managed: role.bot_id.is_some(),
            mentionable: role.mentionable,
            icon: None,
            unicode_emoji: None,
            flags: 0,
            tags: role.bot_id.map(|bot_id| RoleTagsOut { bot_id }),
        }
    }

    pub fn guild_out(&self, guild: &Guild) -> GuildOut {
        GuildOut {
            id: guild.id,
            name: guild.name.clone(),
            icon: None,
            description: None,
            home_header: None,
            splash: None,
            discovery_splash: None,
            features: Vec::new(),
            banner: None,
            owner_id: guild.owner_id,
            application_id: None,
            region: "deprecated".to_string(),
            afk_channel_id: None,
            afk_timeout: 300,
            system_channel_id: None,
            system_channel_flags: 0,
            widget_enabled: false,
            widget_channel_id: None,
            verification_level: 0,
            roles: guild.roles.iter().map(|r| self.role_out(r)).collect(),
            default_message_notifications: 1,
            mfa_level: 0,
            explicit_content_filter: 0,
            max_presences: None,
            max_members: 500_000,
            max_stage_video_channel_users: 50,
            max_video_channel_users: 25,
            vanity_url_code: None,
            premium_tier: 0,
            premium_subscription_count: 0,
            preferred_locale: guild.locale.clone(),
            rules_channel_id: None,
            safety_alerts_channel_id: None,
            public_updates_channel_id: None,
            premium_progress_bar_enabled: false,
            nsfw: false,
            nsfw_level: 0,
            emojis: Vec::new(),
            stickers: Vec::new(),
            approximate_member_count: None,
            approximate_presence_count: None,
        }
    }

    /// GUILD_CREATE for a session with `session_intents`: every channel,
    /// the active threads the bot can see, and the members (all of them
    /// with GUILD_PRESENCES, otherwise only the bot, as Discord does).
    pub fn guild_create_out(&self, guild: &Guild, session_intents: u64) -> GuildCreateOut {
        let bot = self.bot_id();
        let all_members = session_intents & intents::GUILD_PRESENCES != 0;
        let mut members: Vec<_> = guild
            .members
            .keys()
            .filter(|u| all_members || **u == bot)
            .filter_map(|u| self.member_out(guild, *u, None))
            .collect();
        members.sort_by_key(|m| m.user.id);
        let channels = guild
            .channels
            .iter()
            .filter_map(|id| self.channels.get(id))
            .map(|c| self.guild_channel_out(c))
            .collect();
        let threads = guild
            .active_threads
            .iter()
            .filter_map(|id| self.channels.get(id))
            .filter(|t| self.can_view(bot, t.id))
            .filter_map(|t| self.thread_out(t, Some(bot)))
            .collect();
        GuildCreateOut {
            guild: self.guild_out(guild),
            joined_at: guild
                .members
                .get(&bot)
                .map(|m| m.joined_at.clone())
                .unwrap_or_default(),
            large: false,
            unavailable: false,
            member_count: guild.members.len() as u64,
            voice_states: Vec::new(),
            members,
            channels,
            threads,
            presences: Vec::new(),
            stage_instances: Vec::new(),
            guild_scheduled_events: Vec::new(),
            soundboard_sounds: Vec::new(),
        }
    }
}
