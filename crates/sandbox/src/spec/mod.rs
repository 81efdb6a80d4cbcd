//! A short description of a server to build: roles with permissions,
//! categories, channels with overwrites, members with roles and locales,
//! and the bot's own roles. Made with the builder below or parsed from a
//! few lines of text (see [`ServerSpec::parse`]).

mod text;

pub use text::SpecError;

use crate::state::permissions::Permissions;

/// Whom an overwrite is for, by name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Everyone,
    Role(String),
    Member(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct OverwriteSpec {
    pub target: Target,
    pub allow: Permissions,
    pub deny: Permissions,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RoleSpec {
    pub name: String,
    pub permissions: Permissions,
    pub mentionable: bool,
    pub hoist: bool,
    pub color: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChannelSpecKind {
    Text,
    Category,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChannelSpec {
    pub name: String,
    pub kind: ChannelSpecKind,
    pub category: Option<String>,
    pub topic: Option<String>,
    pub overwrites: Vec<OverwriteSpec>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MemberSpec {
    pub name: String,
    pub display_name: Option<String>,
    pub roles: Vec<String>,
    pub locale: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct BotSpec {
    pub name: String,
    /// The permissions of the role Discord manages for the bot.
    pub permissions: Permissions,
    /// Further roles of the bot, by name.
    pub roles: Vec<String>,
}

/// Which privileged intents the application is allowed in the developer
/// portal. Asking for one that is not granted closes the gateway with 4014.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Privileged {
    pub message_content: bool,
    pub guild_members: bool,
    pub presences: bool,
}

/// The description of one server.
#[derive(Clone, Debug, PartialEq)]
pub struct ServerSpec {
    pub name: String,
    pub locale: String,
    pub everyone: Permissions,
    pub roles: Vec<RoleSpec>,
    pub channels: Vec<ChannelSpec>,
    pub members: Vec<MemberSpec>,
    pub owner: Option<String>,
    pub bot: BotSpec,
    pub privileged: Privileged,
}

impl BotSpec {
    /// Exactly what README ("Running it for real", step 3) asks for when
    /// inviting the bot, so that the sandbox's bot can do no more than a
    /// real one. No MANAGE_MESSAGES: the bot deletes only its own messages
    /// (a case card whose thread failed). No MENTION_EVERYONE: the bot pings
    /// a level role only where Discord lets it (the role is mentionable, or
    /// @everyone keeps its default Mention Everyone). No
    /// USE_APPLICATION_COMMANDS: that is for members using commands; a bot
    /// needs none to answer them.
    pub const DEFAULT_PERMISSIONS: Permissions = Permissions(
        Permissions::VIEW_CHANNEL.0
            | Permissions::SEND_MESSAGES.0
            | Permissions::SEND_MESSAGES_IN_THREADS.0
            | Permissions::CREATE_PUBLIC_THREADS.0
            | Permissions::CREATE_PRIVATE_THREADS.0
            | Permissions::MANAGE_THREADS.0
            | Permissions::EMBED_LINKS.0
            | Permissions::ATTACH_FILES.0
            | Permissions::READ_MESSAGE_HISTORY.0,
    );
}

impl ServerSpec {
    /// An empty server: @everyone with Discord's defaults, a bot called
    /// `supportline` with [`BotSpec::DEFAULT_PERMISSIONS`], all privileged
    /// intents granted.
    pub fn new(name: impl Into<String>) -> Self {
        ServerSpec {
            name: name.into(),
            locale: "en-US".to_string(),
            everyone: Permissions::DEFAULT_EVERYONE,
            roles: Vec::new(),
            channels: Vec::new(),
            members: Vec::new(),
            owner: None,
            bot: BotSpec {
                name: "supportline".to_string(),
                permissions: BotSpec::DEFAULT_PERMISSIONS,
                roles: Vec::new(),
            },
            privileged: Privileged {
                message_content: true,
                guild_members: true,
                presences: true,
            },
        }
    }

    pub fn locale(mut self, locale: impl Into<String>) -> Self {
        self.locale = locale.into();
        self
    }

    /// Sets what @everyone may do server-wide.
    pub fn everyone(mut self, permissions: Permissions) -> Self {
        self.everyone = permissions;
        self
    }

    pub fn role(mut self, name: impl Into<String>, permissions: Permissions) -> Self {
        self.roles.push(RoleSpec {
            name: name.into(),
            permissions,
            mentionable: false,
            hoist: false,
            color: 0,
        });
        self
    }

    /// A role that anyone may mention.
    pub fn mentionable_role(self, name: impl Into<String>, permissions: Permissions) -> Self {
        let mut spec = self.role(name, permissions);
        if let Some(role) = spec.roles.last_mut() {
            role.mentionable = true;
        }
        spec
    }

    pub fn category(mut self, name: impl Into<String>) -> Self {
        self.channels.push(ChannelSpec {
            name: name.into(),
            kind: ChannelSpecKind::Category,
            category: None,
            topic: None,
            overwrites: Vec::new(),
        });
        self
    }

    /// A text channel visible to everyone.
    pub fn text_channel(self, name: impl Into<String>) -> Self {
        self.channel(name, |c| c)
    }

    /// A text channel shaped by `build` (category, topic, overwrites).
    pub fn channel(
        mut self,
        name: impl Into<String>,
        build: impl FnOnce(ChannelBuilder) -> ChannelBuilder,
    ) -> Self {
        let builder = build(ChannelBuilder(ChannelSpec {
            name: name.into(),
            kind: ChannelSpecKind::Text,
            category: None,
            topic: None,
            overwrites: Vec::new(),
        }));
        self.channels.push(builder.0);
        self
    }

    pub fn member(self, name: impl Into<String>) -> Self {
        self.member_with(name, |m| m)
    }

    pub fn member_with(
        mut self,
        name: impl Into<String>,
        build: impl FnOnce(MemberBuilder) -> MemberBuilder,
    ) -> Self {
        let builder = build(MemberBuilder(MemberSpec {
            name: name.into(),
            display_name: None,
            roles: Vec::new(),
            locale: "en-US".to_string(),
        }));
        self.members.push(builder.0);
        self
    }

    /// Makes a member the owner (otherwise a member called `owner` is added).
    pub fn owner(mut self, name: impl Into<String>) -> Self {
        self.owner = Some(name.into());
        self
    }

    pub fn bot_name(mut self, name: impl Into<String>) -> Self {
        self.bot.name = name.into();
        self
    }

    /// The permissions of the bot's managed role.
    pub fn bot_permissions(mut self, permissions: Permissions) -> Self {
        self.bot.permissions = permissions;
        self
    }

    /// Further roles for the bot.
    pub fn bot_roles<S: Into<String>>(mut self, roles: impl IntoIterator<Item = S>) -> Self {
        self.bot.roles = roles.into_iter().map(Into::into).collect();
        self
    }

    /// Whether the application may use the Message Content intent.
    pub fn message_content_intent(mut self, granted: bool) -> Self {
        self.privileged.message_content = granted;
        self
    }

    pub fn privileged_intents(mut self, privileged: Privileged) -> Self {
        self.privileged = privileged;
        self
    }
}

/// Shapes a channel: `c.category("Support").hide_from_everyone().allow_role("L1", p)`.
pub struct ChannelBuilder(ChannelSpec);

impl ChannelBuilder {
    pub fn category(mut self, name: impl Into<String>) -> Self {
        self.0.category = Some(name.into());
        self
    }

    pub fn topic(mut self, topic: impl Into<String>) -> Self {
        self.0.topic = Some(topic.into());
        self
    }

    pub fn overwrite(mut self, target: Target, allow: Permissions, deny: Permissions) -> Self {
        self.0.overwrites.push(OverwriteSpec {
            target,
            allow,
            deny,
        });
        self
    }

    /// Denies VIEW_CHANNEL to @everyone.
    pub fn hide_from_everyone(self) -> Self {
        self.overwrite(
            Target::Everyone,
            Permissions::NONE,
            Permissions::VIEW_CHANNEL,
        )
    }

    /// Allows VIEW_CHANNEL plus `extra` to a role.
    pub fn show_to_role(self, role: impl Into<String>, extra: Permissions) -> Self {
        self.allow_role(role, Permissions::VIEW_CHANNEL | extra)
    }

    pub fn allow_role(self, role: impl Into<String>, allow: Permissions) -> Self {
        self.overwrite(Target::Role(role.into()), allow, Permissions::NONE)
    }

    pub fn deny_role(self, role: impl Into<String>, deny: Permissions) -> Self {
        self.overwrite(Target::Role(role.into()), Permissions::NONE, deny)
    }

    pub fn allow_member(self, member: impl Into<String>, allow: Permissions) -> Self {
        self.overwrite(Target::Member(member.into()), allow, Permissions::NONE)
    }

    pub fn deny_member(self, member: impl Into<String>, deny: Permissions) -> Self {
        self.overwrite(Target::Member(member.into()), Permissions::NONE, deny)
    }

    pub fn deny_everyone(self, deny: Permissions) -> Self {
        self.overwrite(Target::Everyone, Permissions::NONE, deny)
    }
}

/// Shapes a member: `m.roles(["L1"]).locale("ru")`.
pub struct MemberBuilder(MemberSpec);

impl MemberBuilder {
    pub fn roles<S: Into<String>>(mut self, roles: impl IntoIterator<Item = S>) -> Self {
        self.0.roles = roles.into_iter().map(Into::into).collect();
        self
    }

    pub fn locale(mut self, locale: impl Into<String>) -> Self {
        self.0.locale = locale.into();
        self
    }

    pub fn display_name(mut self, name: impl Into<String>) -> Self {
        self.0.display_name = Some(name.into());
        self
    }
}
