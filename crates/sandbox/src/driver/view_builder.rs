//! Building the views from the state: a message, a modal, a channel, and
//! everything one person sees.

use super::views::*;
use crate::ids::Snowflake;
use crate::state::channel_types::{Channel, ChannelKind};
use crate::state::message_types::{Message, FLAG_EPHEMERAL};
use crate::state::permissions::OverwriteTarget;
use crate::state::DiscordState;
use crate::wire::component::{self, Component, ModalIn};

pub(crate) fn name_of(world: &DiscordState, id: Snowflake) -> String {
    world
        .user(id)
        .map(|u| u.username.clone())
        .unwrap_or_else(|| id.to_string())
}

pub(crate) fn kind_name(kind: ChannelKind) -> &'static str {
    match kind {
        ChannelKind::Text => "text",
        ChannelKind::Announcement => "announcement",
        ChannelKind::Category => "category",
        ChannelKind::PublicThread => "public_thread",
        ChannelKind::PrivateThread => "private_thread",
    }
}

fn components_of(rows: &[Component]) -> (Vec<ButtonView>, Vec<SelectView>) {
    let mut buttons = Vec::new();
    let mut selects = Vec::new();
    for child in rows.iter().flat_map(|r| r.children()) {
        if child.kind == component::BUTTON {
            buttons.push(ButtonView {
                label: child.label.clone().unwrap_or_default(),
                custom_id: child.custom_id.clone(),
                style: child.style.unwrap_or(1),
                disabled: child.disabled.unwrap_or(false),
                url: child.url.clone(),
            });
        } else if child.is_select() {
            selects.push(SelectView {
                custom_id: child.custom_id.clone().unwrap_or_default(),
                kind: child.kind,
                placeholder: child.placeholder.clone(),
                options: child
                    .options
                    .iter()
                    .flatten()
                    .map(|o| (o.label.clone(), o.value.clone()))
                    .collect(),
                disabled: child.disabled.unwrap_or(false),
            });
        }
    }
    (buttons, selects)
}

/// A stored message as plain data.
pub(crate) fn message_view(world: &DiscordState, message: &Message) -> MessageView {
    let channel = world.channels.get(&message.channel_id);
    let (buttons, selects) = components_of(&message.components);
    let role_name = |id: &Snowflake| {
        channel
            .and_then(|c| world.guilds.get(&c.guild_id))
            .and_then(|g| g.role(*id))
            .map(|r| r.name.clone())
            .unwrap_or_else(|| id.to_string())
    };
    MessageView {
        id: message.id.0,
        channel_id: message.channel_id.0,
        channel: channel.map(|c| c.name.clone()).unwrap_or_default(),
        author: name_of(world, message.author_id),
        author_id: message.author_id.0,
        text: message.content.clone(),
        embeds: message
            .embeds
            .iter()
            .map(|e| EmbedView {
                title: e.title.clone(),
                description: e.description.clone(),
                url: e.url.clone(),
                color: e.color,
                author: e.author.as_ref().map(|a| a.name.clone()),
                fields: e
                    .fields
                    .iter()
                    .map(|f| FieldView {
                        name: f.name.clone(),
                        value: f.value.clone(),
                        inline: f.inline,
                    })
                    .collect(),
                footer: e.footer.as_ref().map(|f| f.text.clone()),
            })
            .collect(),
        buttons,
        selects,
        attachments: message
            .attachments
            .iter()
            .map(|a| AttachmentView {
                id: a.id.0,
                filename: a.filename.clone(),
                size: a.size,
                content_type: a.content_type.clone(),
                url: a.url.clone(),
            })
            .collect(),
        ephemeral: message.flags & FLAG_EPHEMERAL != 0,
        loading: message.is_loading(),
        edited: message.edited_timestamp.is_some(),
        kind: message.kind,
        thread: message
            .thread_id
            .and_then(|t| world.channels.get(&t))
            .map(|t| t.name.clone()),
        reply_to: message.reference.and_then(|(_, m)| m).map(|m| m.0),
        in_reply_to_interaction_of: message
            .interaction
            .as_ref()
            .map(|o| name_of(world, o.user_id)),
        pings: PingsView {
            users: message
                .pings
                .users
                .iter()
                .map(|u| name_of(world, *u))
                .collect(),
            roles: message.pings.roles.iter().map(role_name).collect(),
            everyone: message.pings.everyone,
            notified: message
                .pings
                .notified
                .iter()
                .map(|u| name_of(world, *u))
                .collect(),
        },
        allowed_mentions: message.allowed_mentions.clone(),
    }
}

/// The messages `viewer` sees in a channel, oldest first (none if the
/// channel is hidden from them; ephemeral ones only if addressed to them).
pub(crate) fn visible_messages(
    world: &DiscordState,
    viewer: Snowflake,
    channel: &Channel,
) -> Vec<MessageView> {
    if !world.can_view(viewer, channel.id) {
        return Vec::new();
    }
    channel
        .messages
        .values()
        .filter(|m| m.ephemeral_for.is_none_or(|u| u == viewer))
        .map(|m| message_view(world, m))
        .collect()
}

pub(crate) fn modal_view(world: &DiscordState, interaction: Snowflake) -> Option<ModalView> {
    let record = world.interactions.by_id.get(&interaction)?;
    let form: &ModalIn = record.modal.as_ref()?;
    Some(ModalView {
        interaction_id: interaction.0,
        channel_id: record.channel_id.0,
        shown_to: name_of(world, record.user_id),
        custom_id: form.custom_id.clone(),
        title: form.title.clone(),
        fields: form
            .components
            .iter()
            .flat_map(|r| r.children())
            .filter(|c| c.kind == component::TEXT_INPUT)
            .map(|c| ModalFieldView {
                custom_id: c.custom_id.clone().unwrap_or_default(),
                label: c.label.clone().unwrap_or_default(),
                style: c.style.unwrap_or(1),
                required: c.required.unwrap_or(true),
                value: c.value.clone(),
                placeholder: c.placeholder.clone(),
                min_length: c.min_length,
                max_length: c.max_length,
            })
            .collect(),
    })
}

pub(crate) fn channel_info(world: &DiscordState, channel: &Channel) -> ChannelInfo {
    let guild = world.guilds.get(&channel.guild_id);
    let target_name = |id: Snowflake, target: OverwriteTarget| match target {
        OverwriteTarget::Member => name_of(world, id),
        OverwriteTarget::Role if Some(id) == guild.map(|g| g.id) => "@everyone".to_string(),
        OverwriteTarget::Role => guild
            .and_then(|g| g.role(id))
            .map(|r| r.name.clone())
            .unwrap_or_else(|| id.to_string()),
    };
    let thread = channel.thread.as_ref();
    ChannelInfo {
        id: channel.id.0,
        name: channel.name.clone(),
        kind: kind_name(channel.kind).to_string(),
        parent: channel
            .parent_id
            .and_then(|p| world.channels.get(&p))
            .map(|p| p.name.clone()),
        topic: channel.topic.clone(),
        archived: thread.is_some_and(|t| t.archived),
        locked: thread.is_some_and(|t| t.locked),
        owner: thread.map(|t| name_of(world, t.owner_id)),
        members: thread
            .map(|t| t.members.keys().map(|u| name_of(world, *u)).collect())
            .unwrap_or_default(),
        viewers: world
            .viewers(channel.id)
            .into_iter()
            .map(|u| name_of(world, u))
            .collect(),
        overwrites: channel
            .overwrites
            .iter()
            .map(|o| OverwriteView {
                target: target_name(o.id, o.target),
                allow: o.allow.names().into_iter().map(String::from).collect(),
                deny: o.deny.names().into_iter().map(String::from).collect(),
            })
            .collect(),
        message_count: channel.message_count(),
    }
}

/// Everything `viewer` sees: each visible channel with its latest messages.
pub(crate) fn person_view(world: &DiscordState, viewer: Snowflake, recent: usize) -> PersonView {
    let mut channels: Vec<&Channel> = world
        .channels
        .values()
        .filter(|c| world.can_view(viewer, c.id))
        .collect();
    channels.sort_by_key(|c| (c.is_thread(), c.parent_id, c.position, c.id));
    PersonView {
        who: name_of(world, viewer),
        channels: channels
            .into_iter()
            .map(|c| {
                let mut messages = visible_messages(world, viewer, c);
                let skip = messages.len().saturating_sub(recent);
                messages.drain(..skip);
                ChannelView {
                    id: c.id.0,
                    name: c.name.clone(),
                    kind: kind_name(c.kind).to_string(),
                    parent: c
                        .parent_id
                        .and_then(|p| world.channels.get(&p))
                        .map(|p| p.name.clone()),
                    archived: c.thread.as_ref().is_some_and(|t| t.archived),
                    locked: c.thread.as_ref().is_some_and(|t| t.locked),
                    recent: messages,
                }
            })
            .collect(),
    }
}
