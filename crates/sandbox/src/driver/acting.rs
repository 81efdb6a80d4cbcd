//! People triggering interactions: slash commands (with autocomplete),
//! buttons, select menus and modals.

use tokio::time::Instant;

use super::interact;
use super::options::{self, Opt};
use super::view_builder::message_view;
use super::waiting;
use super::{ChannelRef, ChoiceView, DriverError, MessageView, ModalView, Person, Response};
use crate::error::ApiError;
use crate::ids::Snowflake;
use crate::state::interactions::NewInteraction;
use crate::state::permissions::Permissions;
use crate::state::DiscordState;
use crate::wire::component::{self, Component};
use crate::wire::interaction::{
    CommandDataOut, ComponentDataOut, InteractionDataOut, ModalDataOut, ResolvedOut,
    APPLICATION_COMMAND, AUTOCOMPLETE, MESSAGE_COMPONENT, MODAL_SUBMIT,
};

impl Person {
    /// Runs a slash command in a channel: `"claim"`, or `"ticket open"` for
    /// a subcommand. Waits (within patience) for the command to be
    /// registered, then at most 3 s for the bot's answer. Refused (50083)
    /// in an archived thread, as the Discord client refuses it.
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
            // Discord's client runs no application command in an archived
            // thread (topics/threads, "Active & Archived Threads").
            if channel.thread.as_ref().is_some_and(|t| t.archived) {
                return Err(DriverError::Refused(ApiError::thread_archived()));
            }
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
            // The client offers a string select's options only, between
            // its min_values (default 1) and max_values (default 1).
            if menu.kind == component::STRING_SELECT {
                let offered = menu.options.as_deref().unwrap_or_default();
                let listed = values.iter().all(|v| offered.iter().any(|o| &o.value == v));
                let min = usize::from(menu.min_values.unwrap_or(1));
                let max = usize::from(menu.max_values.unwrap_or(1));
                if !listed || !(min..=max).contains(&values.len()) {
                    return Err(DriverError::Unexpected(
                        "the menu does not offer that choice",
                    ));
                }
            }
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
            // The client keeps typing within the field's lengths and will
            // not submit a filled field shorter than its minimum.
            let length = value.as_deref().map_or(0, |v| v.chars().count());
            let too_long = field.max_length.is_some_and(|m| length > usize::from(m));
            let too_short = length > 0 && field.min_length.is_some_and(|m| length < usize::from(m));
            if too_long || too_short {
                return Err(DriverError::BadOptionValue {
                    command: modal.title.clone(),
                    option: field.label.clone(),
                    why: format!(
                        "{length} characters, outside {}–{}",
                        field.min_length.unwrap_or(0),
                        field.max_length.unwrap_or(4000)
                    ),
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
}

/// The message as it is now, if `me` can see it.
fn current_message(
    world: &DiscordState,
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
