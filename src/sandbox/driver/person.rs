//! A person in the server: what they can do and what they see.

use std::sync::Arc;
use std::time::Duration;

use tokio::time::Instant;

use super::interact;
use super::options::{self, Opt};
use super::views::{self, channel_info, message_view, person_view, visible_messages};
use super::waiting;
use super::{
    ChannelInfo, ChannelRef, ChoiceView, DriverError, MessageView, ModalView, PersonView, Response,
};
use crate::sandbox::ids::Snowflake;
use crate::sandbox::shared::Shared;
use crate::sandbox::state::interactions::NewInteraction;
use crate::sandbox::state::permissions::Permissions;
use crate::sandbox::state::{Upload, World};
use crate::sandbox::wire::component::{self, Component};
use crate::sandbox::wire::interaction::{
    CommandDataOut, ComponentDataOut, InteractionDataOut, ModalDataOut, ResolvedOut,
    APPLICATION_COMMAND, AUTOCOMPLETE, MESSAGE_COMPONENT, MODAL_SUBMIT,
};
use crate::sandbox::wire::message::{MessageIn, MessageReferenceIn};

/// A member of the server, acting and looking around.
#[derive(Clone)]
pub struct Person {
    shared: Arc<Shared>,
    id: Snowflake,
    name: String,
    patience: Duration,
}

impl std::fmt::Debug for Person {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Person({})", self.name)
    }
}

impl Person {
    pub(crate) fn new(
        shared: Arc<Shared>,
        id: Snowflake,
        name: String,
        patience: Duration,
    ) -> Self {
        Person {
            shared,
            id,
            name,
            patience,
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn id(&self) -> u64 {
        self.id.0
    }

    pub fn user_id(&self) -> serenity::model::id::UserId {
        serenity::model::id::UserId::new(self.id.0)
    }

    /// The same person with another waiting limit for `sees_*`.
    pub fn with_patience(mut self, patience: Duration) -> Self {
        self.patience = patience;
        self
    }

    fn post(
        &self,
        channel: &ChannelRef,
        body: MessageIn,
        uploads: Vec<Upload>,
    ) -> Result<MessageView, DriverError> {
        let me = self.id;
        self.shared.write(|w| {
            let id = w.post_message(me, Snowflake(channel.id), body, uploads)?;
            view_of(w, Snowflake(channel.id), id)
        })
    }

    /// Posts a message.
    pub async fn say(&self, channel: &ChannelRef, text: &str) -> Result<MessageView, DriverError> {
        let body = MessageIn {
            content: Some(text.to_string()),
            ..MessageIn::default()
        };
        self.post(channel, body, Vec::new())
    }

    /// Posts a message with a file.
    pub async fn say_with_file(
        &self,
        channel: &ChannelRef,
        text: &str,
        filename: &str,
        data: Vec<u8>,
    ) -> Result<MessageView, DriverError> {
        let body = MessageIn {
            content: Some(text.to_string()),
            ..MessageIn::default()
        };
        let upload = Upload {
            index: 0,
            filename: filename.to_string(),
            content_type: None,
            data,
        };
        self.post(channel, body, vec![upload])
    }

    /// Replies to a message (a reply pings its author, as in the client).
    pub async fn reply(&self, to: &MessageView, text: &str) -> Result<MessageView, DriverError> {
        let body = MessageIn {
            content: Some(text.to_string()),
            message_reference: Some(MessageReferenceIn {
                message_id: Some(Snowflake(to.id)),
                ..MessageReferenceIn::default()
            }),
            ..MessageIn::default()
        };
        let channel = ChannelRef {
            id: to.channel_id,
            name: to.channel.clone(),
        };
        self.post(&channel, body, Vec::new())
    }

    pub async fn edit(
        &self,
        message: &MessageView,
        text: &str,
    ) -> Result<MessageView, DriverError> {
        let me = self.id;
        let (channel, id) = (Snowflake(message.channel_id), Snowflake(message.id));
        let body = MessageIn {
            content: Some(text.to_string()),
            ..MessageIn::default()
        };
        self.shared.write(|w| {
            w.edit_message(me, channel, id, body, Vec::new())?;
            view_of(w, channel, id)
        })
    }

    pub async fn delete(&self, message: &MessageView) -> Result<(), DriverError> {
        let me = self.id;
        let (channel, id) = (Snowflake(message.channel_id), Snowflake(message.id));
        self.shared
            .write(|w| w.delete_message(me, channel, id))
            .map_err(DriverError::from)
    }

    /// Starts a thread in a channel, as the Discord client does.
    pub async fn start_thread(
        &self,
        channel: &ChannelRef,
        name: &str,
        private: bool,
    ) -> Result<ChannelRef, DriverError> {
        let me = self.id;
        let body = crate::sandbox::wire::channel::ThreadCreateIn {
            name: name.to_string(),
            kind: Some(if private { 12 } else { 11 }),
            auto_archive_duration: None,
            invitable: None,
            rate_limit_per_user: None,
        };
        let thread = self
            .shared
            .write(|w| w.start_thread(me, Snowflake(channel.id), body))?;
        Ok(ChannelRef {
            id: thread.id.0,
            name: thread.name,
        })
    }

    pub async fn join_thread(&self, thread: &ChannelRef) -> Result<(), DriverError> {
        let me = self.id;
        self.shared
            .write(|w| w.join_thread(me, Snowflake(thread.id)))
            .map_err(DriverError::from)
    }

    pub async fn leave_thread(&self, thread: &ChannelRef) -> Result<(), DriverError> {
        let me = self.id;
        self.shared
            .write(|w| w.leave_thread(me, Snowflake(thread.id)))
            .map_err(DriverError::from)
    }

    /// Runs a slash command in a channel: `"claim"`, or `"ticket open"` for
    /// a subcommand. Waits (within patience) for the command to be
    /// registered, then at most 3 s for the bot's answer.
    pub async fn slash(
        &self,
        channel: &ChannelRef,
        command: &str,
        given: &[(&str, Opt)],
    ) -> Result<Response, DriverError> {
        self.command_interaction(channel, command, given, None)
            .await
    }

    /// Types into option `focused` of a command and returns the bot's suggestions.
    pub async fn autocomplete(
        &self,
        channel: &ChannelRef,
        command: &str,
        given: &[(&str, Opt)],
        focused: &str,
    ) -> Result<Vec<ChoiceView>, DriverError> {
        let response = self
            .command_interaction(channel, command, given, Some(focused))
            .await?;
        Ok(response.choices)
    }

    async fn command_interaction(
        &self,
        channel: &ChannelRef,
        command: &str,
        given: &[(&str, Opt)],
        focused: Option<&str>,
    ) -> Result<Response, DriverError> {
        let path: Vec<&str> = command.split_whitespace().collect();
        let Some(root) = path.first().copied() else {
            return Err(DriverError::UnknownCommand(command.to_string()));
        };
        let channel_id = Snowflake(channel.id);
        let deadline = Instant::now() + self.patience;
        let registered = waiting::until(&self.shared, deadline, |w| {
            let guild = w.channels.get(&channel_id)?.guild_id;
            w.commands.find(guild, root).map(|_| ())
        })
        .await;
        if registered.is_none() {
            return Err(DriverError::UnknownCommand(root.to_string()));
        }
        let me = self.id;
        let who = self.name.clone();
        interact::run(&self.shared, format!("/{command}"), |w| {
            let channel =
                w.visible_channel(me, channel_id)
                    .map_err(|_| DriverError::NotVisible {
                        who: who.clone(),
                        what: format!("#{}", channel.name),
                    })?;
            let guild = channel.guild_id;
            let found = w
                .commands
                .find(guild, root)
                .ok_or_else(|| DriverError::UnknownCommand(root.to_string()))?;
            let perms = w.permissions_in(me, channel_id);
            let needed = found.default_member_permissions.unwrap_or_default();
            if !perms.contains(needed | Permissions::USE_APPLICATION_COMMANDS) {
                return Err(DriverError::CommandUnavailable {
                    who: who.clone(),
                    command: found.name.clone(),
                });
            }
            let filled = options::fill(w, guild, found, &path[1..], given, focused)?;
            Ok(NewInteraction {
                kind: if focused.is_some() {
                    AUTOCOMPLETE
                } else {
                    APPLICATION_COMMAND
                },
                user: me,
                channel: channel_id,
                data: InteractionDataOut::Command(CommandDataOut {
                    id: found.id,
                    name: found.name.clone(),
                    kind: found.kind,
                    options: filled.options,
                    resolved: filled.resolved,
                    guild_id: found.guild_id,
                }),
                command_name: Some(found.name.clone()),
                custom_id: None,
                source_message: None,
                triggering: None,
            })
        })
        .await
    }

    /// Clicks the button labelled `label` on a message.
    pub async fn click(&self, message: &MessageView, label: &str) -> Result<Response, DriverError> {
        let me = self.id;
        let who = self.name.clone();
        let (channel, id) = (Snowflake(message.channel_id), Snowflake(message.id));
        interact::run(&self.shared, format!("the `{label}` button"), |w| {
            let current = current_message(w, me, &who, channel, id)?;
            let button =
                find_button(&current.1, label).ok_or_else(|| DriverError::NoSuchButton {
                    who: who.clone(),
                    label: label.to_string(),
                    available: current
                        .0
                        .buttons
                        .iter()
                        .map(|b| b.label.clone())
                        .collect::<Vec<_>>()
                        .join(", "),
                })?;
            if button.disabled.unwrap_or(false) {
                return Err(DriverError::ButtonDisabled(label.to_string()));
            }
            let custom_id = button.custom_id.clone().ok_or(DriverError::Unexpected(
                "a link button sends no interaction",
            ))?;
            Ok(NewInteraction {
                kind: MESSAGE_COMPONENT,
                user: me,
                channel,
                data: InteractionDataOut::Component(ComponentDataOut {
                    custom_id: custom_id.clone(),
                    component_type: component::BUTTON,
                    values: None,
                    resolved: ResolvedOut::default(),
                }),
                command_name: None,
                custom_id: Some(custom_id),
                source_message: Some(id),
                triggering: None,
            })
        })
        .await
    }

    /// Picks `values` in the select menu with this custom id or placeholder.
    pub async fn choose(
        &self,
        message: &MessageView,
        select: &str,
        values: &[&str],
    ) -> Result<Response, DriverError> {
        let me = self.id;
        let who = self.name.clone();
        let (channel, id) = (Snowflake(message.channel_id), Snowflake(message.id));
        let values: Vec<String> = values.iter().map(|v| v.to_string()).collect();
        interact::run(&self.shared, format!("the `{select}` menu"), |w| {
            let (_, rows) = current_message(w, me, &who, channel, id)?;
            let menu = rows
                .iter()
                .flat_map(|r| r.children())
                .find(|c| {
                    c.is_select()
                        && (c.custom_id.as_deref() == Some(select)
                            || c.placeholder.as_deref() == Some(select))
                })
                .ok_or(DriverError::Unexpected(
                    "no such select menu on that message",
                ))?;
            let custom_id = menu.custom_id.clone().unwrap_or_default();
            Ok(NewInteraction {
                kind: MESSAGE_COMPONENT,
                user: me,
                channel,
                data: InteractionDataOut::Component(ComponentDataOut {
                    custom_id: custom_id.clone(),
                    component_type: menu.kind,
                    values: Some(values),
                    resolved: ResolvedOut::default(),
                }),
                command_name: None,
                custom_id: Some(custom_id),
                source_message: Some(id),
                triggering: None,
            })
        })
        .await
    }

    /// Fills a modal the bot showed this person and submits it. Fields are
    /// named by custom id or label.
    pub async fn submit_modal(
        &self,
        modal: &ModalView,
        values: &[(&str, &str)],
    ) -> Result<Response, DriverError> {
        if modal.shown_to != self.name {
            return Err(DriverError::NotVisible {
                who: self.name.clone(),
                what: format!("the modal `{}`", modal.title),
            });
        }
        let me = self.id;
        let opening = Snowflake(modal.interaction_id);
        let mut rows = Vec::new();
        for field in &modal.fields {
            let value = values
                .iter()
                .find(|(k, _)| *k == field.custom_id || *k == field.label)
                .map(|(_, v)| v.to_string())
                .or_else(|| field.value.clone());
            if field.required && value.as_deref().unwrap_or("").is_empty() {
                return Err(DriverError::MissingOption {
                    command: modal.title.clone(),
                    option: field.label.clone(),
                });
            }
            rows.push(Component {
                kind: component::ACTION_ROW,
                components: Some(vec![Component {
                    kind: component::TEXT_INPUT,
                    custom_id: Some(field.custom_id.clone()),
                    value: Some(value.unwrap_or_default()),
                    ..Component::default()
                }]),
                ..Component::default()
            });
        }
        let custom_id = modal.custom_id.clone();
        interact::run(&self.shared, format!("the `{}` modal", modal.title), |w| {
            let opener = w
                .interactions
                .by_id
                .get(&opening)
                .ok_or(DriverError::Unexpected("the modal's interaction is gone"))?;
            Ok(NewInteraction {
                kind: MODAL_SUBMIT,
                user: me,
                channel: opener.channel_id,
                data: InteractionDataOut::Modal(ModalDataOut {
                    custom_id: custom_id.clone(),
                    components: rows,
                }),
                command_name: None,
                custom_id: Some(custom_id),
                source_message: opener.source_message,
                triggering: Some((opener.id, opener.kind, opener.source_message)),
            })
        })
        .await
    }

    /// Whether this person can see the channel or thread.
    pub fn can_see(&self, channel: &ChannelRef) -> bool {
        self.shared
            .read(|w| w.can_view(self.id, Snowflake(channel.id)))
    }

    /// What this person sees in a channel, oldest first.
    pub fn messages_in(&self, channel: &ChannelRef) -> Vec<MessageView> {
        self.shared.read(|w| {
            w.channels
                .get(&Snowflake(channel.id))
                .map(|c| visible_messages(w, self.id, c))
                .unwrap_or_default()
        })
    }

    /// Everything this person sees, with the last `recent` messages of each channel.
    pub fn view(&self, recent: usize) -> PersonView {
        self.shared.read(|w| person_view(w, self.id, recent))
    }

    /// Waits until this person sees, in `channel`, a message matching
    /// `wanted`; returns the newest such message.
    pub async fn sees_in(
        &self,
        channel: &ChannelRef,
        wanted: impl Fn(&MessageView) -> bool,
    ) -> Result<MessageView, DriverError> {
        let deadline = Instant::now() + self.patience;
        let id = Snowflake(channel.id);
        let found = waiting::until(&self.shared, deadline, |w| {
            let channel = w.channels.get(&id)?;
            visible_messages(w, self.id, channel)
                .into_iter()
                .rev()
                .find(|m| wanted(m))
        })
        .await;
        found.ok_or_else(|| {
            let seen = self.messages_in(channel);
            let last: Vec<String> = seen
                .iter()
                .rev()
                .take(3)
                .map(|m| format!("{}: {:?} {:?}", m.author, m.text, m.embed_text()))
                .collect();
            DriverError::Timeout {
                who: self.name.clone(),
                what: format!("a matching message in #{}", channel.name),
                waited: self.patience,
                last_seen: if self.can_see(channel) {
                    last.join(" | ")
                } else {
                    "(the channel is hidden from them)".to_string()
                },
            }
        })
    }

    /// Waits until this person sees a thread matching `wanted`.
    pub async fn sees_thread(
        &self,
        wanted: impl Fn(&ChannelInfo) -> bool,
    ) -> Result<ChannelRef, DriverError> {
        let deadline = Instant::now() + self.patience;
        let found = waiting::until(&self.shared, deadline, |w| {
            let mut threads: Vec<_> = w
                .channels
                .values()
                .filter(|c| c.is_thread() && w.can_view(self.id, c.id))
                .collect();
            threads.sort_by_key(|c| std::cmp::Reverse(c.id));
            threads
                .into_iter()
                .map(|c| channel_info(w, c))
                .find(|info| wanted(info))
                .map(|info| ChannelRef {
                    id: info.id,
                    name: info.name,
                })
        })
        .await;
        found.ok_or_else(|| DriverError::Timeout {
            who: self.name.clone(),
            what: "a matching thread".to_string(),
            waited: self.patience,
            last_seen: String::new(),
        })
    }

    /// The modal most recently shown to this person, if any.
    pub fn open_modal(&self) -> Option<ModalView> {
        self.shared.read(|w| {
            w.interactions
                .by_id
                .values()
                .filter(|r| r.user_id == self.id && r.modal.is_some())
                .max_by_key(|r| r.id)
                .and_then(|r| views::modal_view(w, r.id))
        })
    }
}

fn view_of(world: &World, channel: Snowflake, id: Snowflake) -> Result<MessageView, DriverError> {
    world
        .channels
        .get(&channel)
        .and_then(|c| c.messages.get(&id))
        .map(|m| message_view(world, m))
        .ok_or(DriverError::Unexpected("the message vanished"))
}

/// The message as it is now, if `me` can see it.
fn current_message(
    world: &World,
    me: Snowflake,
    who: &str,
    channel: Snowflake,
    id: Snowflake,
) -> Result<(MessageView, Vec<Component>), DriverError> {
    let hidden = || DriverError::NotVisible {
        who: who.to_string(),
        what: "that message".to_string(),
    };
    if !world.can_view(me, channel) {
        return Err(hidden());
    }
    let message = world
        .channels
        .get(&channel)
        .and_then(|c| c.messages.get(&id))
        .filter(|m| m.ephemeral_for.is_none_or(|u| u == me))
        .ok_or_else(hidden)?;
    Ok((message_view(world, message), message.components.clone()))
}

fn find_button<'a>(rows: &'a [Component], label: &str) -> Option<&'a Component> {
    rows.iter()
        .flat_map(|r| r.children())
        .find(|c| c.kind == component::BUTTON && c.label.as_deref() == Some(label))
}
