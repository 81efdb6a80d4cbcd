//! Mentions in message text and which of them may ping, per allowed_mentions.

use crate::ids::Snowflake;
use crate::wire::message::AllowedMentions;

/// Mentions written in a message's text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Written {
    pub users: Vec<Snowflake>,
    pub roles: Vec<Snowflake>,
    /// `@everyone` or `@here`.
    pub everyone: bool,
}

/// Finds `<@id>`, `<@!id>`, `<@&id>`, `@everyone` and `@here`.
pub fn written(content: &str) -> Written {
    let mut found = Written {
        everyone: content.contains("@everyone") || content.contains("@here"),
        ..Written::default()
    };
    let mut rest = content;
    while let Some(start) = rest.find("<@") {
        rest = &rest[start + 2..];
        let (is_role, body) = match rest.strip_prefix('&') {
            Some(body) => (true, body),
            None => (false, rest.strip_prefix('!').unwrap_or(rest)),
        };
        let Some(end) = body.find('>') else { break };
        if let Ok(id) = body[..end].parse::<u64>() {
            let list = if is_role {
                &mut found.roles
            } else {
                &mut found.users
            };
            if !list.contains(&Snowflake(id)) {
                list.push(Snowflake(id));
            }
        }
    }
    found
}

/// Which kinds of mention may ping. Without allowed_mentions Discord
/// parses everything in a regular message, but only user mentions in an
/// interaction response or a webhook message ("Default Settings for
/// Allowed Mentions", resources/message).
#[derive(Clone, Debug)]
pub struct Allowed<'a> {
    rules: Option<&'a AllowedMentions>,
    webhook: bool,
}

impl<'a> Allowed<'a> {
    /// The rules of a regular message.
    pub fn new(rules: Option<&'a AllowedMentions>) -> Self {
        Allowed {
            rules,
            webhook: false,
        }
    }

    /// The rules of an interaction response or webhook message.
    pub fn for_webhook(rules: Option<&'a AllowedMentions>) -> Self {
        Allowed {
            rules,
            webhook: true,
        }
    }

    fn parses(&self, kind: &str) -> bool {
        match self.rules {
            None => !self.webhook || kind == "users",
            Some(rules) => rules
                .parse
                .as_ref()
                .is_some_and(|p| p.iter().any(|k| k == kind)),
        }
    }

    pub fn user(&self, id: Snowflake) -> bool {
        self.parses("users")
            || self
                .rules
                .and_then(|r| r.users.as_ref())
                .is_some_and(|users| users.contains(&id))
    }

    pub fn role(&self, id: Snowflake) -> bool {
        self.parses("roles")
            || self
                .rules
                .and_then(|r| r.roles.as_ref())
                .is_some_and(|roles| roles.contains(&id))
    }

    pub fn everyone(&self) -> bool {
        self.parses("everyone")
    }

    /// Whether replying pings the replied-to author (true without rules,
    /// except in webhook messages, whose default leaves it out).
    pub fn replied_user(&self) -> bool {
        match self.rules {
            None => !self.webhook,
            Some(rules) => rules.replied_user.unwrap_or(false),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_role_and_everyone_mentions_are_found_in_text() {
        let found = written("hi <@12> and <@!13>, <@&7> @everyone <@12>");
        assert_eq!(found.users, vec![Snowflake(12), Snowflake(13)]);
        assert_eq!(found.roles, vec![Snowflake(7)]);
        assert!(found.everyone);
    }

    #[test]
    fn without_allowed_mentions_everything_may_ping() {
        let allowed = Allowed::new(None);
        assert!(allowed.user(Snowflake(1)) && allowed.role(Snowflake(2)) && allowed.everyone());
    }

    #[test]
    fn without_allowed_mentions_a_webhook_message_pings_only_users() {
        let allowed = Allowed::for_webhook(None);
        assert!(allowed.user(Snowflake(1)));
        assert!(!allowed.role(Snowflake(2)) && !allowed.everyone() && !allowed.replied_user());
    }

    #[test]
    fn an_empty_parse_list_pings_no_one() {
        let rules = AllowedMentions {
            parse: Some(vec![]),
            ..AllowedMentions::default()
        };
        let allowed = Allowed::new(Some(&rules));
        assert!(!allowed.user(Snowflake(1)) && !allowed.role(Snowflake(2)) && !allowed.everyone());
    }

    #[test]
    fn an_explicit_role_list_allows_only_those_roles() {
        let rules = AllowedMentions {
            roles: Some(vec![Snowflake(2)]),
            ..AllowedMentions::default()
        };
        let allowed = Allowed::new(Some(&rules));
        assert!(allowed.role(Snowflake(2)));
        assert!(!allowed.role(Snowflake(3)));
        assert!(!allowed.everyone());
    }
}
