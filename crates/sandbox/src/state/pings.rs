//! Who a new message pings, and the files it carries.

use super::mentions::{self, Allowed};
use super::message_types::Pings;
use super::messages::{NewMessage, Upload};
use super::permissions::Permissions;
use super::{DiscordState, StoredFile};
use crate::error::ApiError;
use crate::ids::Snowflake;
use crate::wire::interaction::ATTACHMENT_SIZE_LIMIT;
use crate::wire::message::{AllowedMentions, AttachmentOut, MessageIn};

/// Who writes a message where, under which allowed_mentions.
pub(crate) struct Mentioning<'a> {
    pub author: Snowflake,
    pub channel: Snowflake,
    pub rules: Option<&'a AllowedMentions>,
    /// An interaction response or webhook message.
    pub webhook: bool,
}

impl DiscordState {
    /// Turns uploads (and, in edits, kept attachments) into attachments;
    /// a file over Discord's default 10 MiB is 413 / 40005.
    pub(crate) fn store_uploads(
        &mut self,
        channel_id: Snowflake,
        body: &MessageIn,
        uploads: Vec<Upload>,
        existing: &[AttachmentOut],
    ) -> Result<Vec<AttachmentOut>, ApiError> {
        let mut out = Vec::new();
        if let Some(refs) = &body.attachments {
            for kept in refs {
                if let Some(found) = existing.iter().find(|a| a.id == kept.id) {
                    out.push(found.clone());
                }
            }
        } else {
            out.extend(existing.iter().cloned());
        }
        for upload in uploads {
            if upload.data.len() > ATTACHMENT_SIZE_LIMIT as usize {
                return Err(ApiError::new(
                    413,
                    40005,
                    "Request entity too large. Try sending something smaller in size",
                ));
            }
            let described = body
                .attachments
                .as_ref()
                .and_then(|refs| refs.iter().find(|r| r.id.0 == upload.index));
            if body.attachments.is_some() && described.is_none() {
                return Err(ApiError::invalid_field(
                    "attachments",
                    "ATTACHMENT_NOT_FOUND",
                    format!("files[{}] is not listed in attachments", upload.index),
                ));
            }
            let id = self.ids.next_id();
            let filename = described
                .and_then(|d| d.filename.clone())
                .unwrap_or_else(|| upload.filename.clone());
            let url = format!(
                "{}/attachments/{channel_id}/{id}/{filename}",
                self.config.base_url
            );
            out.push(AttachmentOut {
                id,
                filename: filename.clone(),
                size: upload.data.len() as u64,
                url: url.clone(),
                proxy_url: url,
                content_type: upload.content_type.clone(),
                description: described.and_then(|d| d.description.clone()),
            });
            self.files.insert(
                id,
                StoredFile {
                    filename,
                    content_type: upload.content_type,
                    data: upload.data,
                },
            );
        }
        if out.len() > 10 {
            return Err(ApiError::invalid_field(
                "attachments",
                "BASE_TYPE_MAX_LENGTH",
                "Must be 10 or fewer in length.",
            ));
        }
        Ok(out)
    }

    /// Who a new message pings: written mentions filtered by
    /// allowed_mentions (whose default depends on whether the message comes
    /// from an interaction or webhook), role mentions only for mentionable
    /// roles (or an author with MENTION_EVERYONE), @everyone only with
    /// MENTION_EVERYONE, and only people who can see the channel.
    pub(crate) fn compute_pings(
        &self,
        new: &NewMessage,
        content: &str,
        replied_author: Option<Snowflake>,
    ) -> Pings {
        self.pings_for(
            &Mentioning {
                author: new.author,
                channel: new.channel,
                rules: new.body.allowed_mentions.as_ref(),
                webhook: new.webhook,
            },
            content,
            replied_author,
        )
    }

    /// The mentions of `content` as `compute_pings` reads them.
    pub(crate) fn pings_for(
        &self,
        new: &Mentioning<'_>,
        content: &str,
        replied_author: Option<Snowflake>,
    ) -> Pings {
        let written = mentions::written(content);
        let allowed = if new.webhook {
            Allowed::for_webhook(new.rules)
        } else {
            Allowed::new(new.rules)
        };
        let Ok(guild) = self.guild_of(new.channel) else {
            return Pings::default();
        };
        let author_perms = self.permissions_in(new.author, new.channel);
        let may_mention_all = author_perms.contains(Permissions::MENTION_EVERYONE);
        let mut pings = Pings::default();
        for user in &written.users {
            if allowed.user(*user) && guild.members.contains_key(user) {
                pings.users.push(*user);
            }
        }
        if let (Some(author), true) = (replied_author, allowed.replied_user()) {
            if !pings.users.contains(&author) {
                pings.users.push(author);
            }
        }
        for role in &written.roles {
            let Some(found) = guild.role(*role) else {
                continue;
            };
            if allowed.role(*role) && (found.mentionable || may_mention_all) {
                pings.roles.push(*role);
            }
        }
        pings.everyone = written.everyone && allowed.everyone() && may_mention_all;
        // Everyone who may see the channel is only worth listing when a
        // role or @everyone pings; otherwise the mentioned users suffice.
        let candidates = if pings.everyone || !pings.roles.is_empty() {
            self.viewers(new.channel)
        } else {
            pings
                .users
                .iter()
                .copied()
                .filter(|u| self.can_view(*u, new.channel))
                .collect()
        };
        let mut notified: Vec<Snowflake> = candidates
            .into_iter()
            .filter(|u| *u != new.author)
            .filter(|u| {
                pings.everyone
                    || pings.users.contains(u)
                    || pings.roles.iter().any(|r| guild.has_role(*u, *r))
            })
            .collect();
        notified.sort();
        notified.dedup();
        pings.notified = notified;
        pings
    }
}
