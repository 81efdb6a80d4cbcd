use super::*;

const GUILD: Snowflake = Snowflake(1);
const OWNER: Snowflake = Snowflake(2);
const ALICE: Snowflake = Snowflake(10);
const STAFF: Snowflake = Snowflake(100);
const ADMIN: Snowflake = Snowflake(101);

fn alice<'a>(roles: &'a [(Snowflake, Permissions)]) -> Subject<'a> {
    Subject {
        user_id: ALICE,
        guild_id: GUILD,
        owner_id: OWNER,
        everyone: Permissions::DEFAULT_EVERYONE,
        roles,
    }
}

fn hidden_from_everyone() -> Overwrite {
    Overwrite {
        id: GUILD,
        target: OverwriteTarget::Role,
        allow: Permissions::NONE,
        deny: Permissions::VIEW_CHANNEL,
    }
}

fn shown_to_staff() -> Overwrite {
    Overwrite {
        id: STAFF,
        target: OverwriteTarget::Role,
        allow: Permissions::VIEW_CHANNEL,
        deny: Permissions::NONE,
    }
}

#[test]
fn a_member_without_roles_has_what_everyone_has() {
    let subject = alice(&[]);
    assert_eq!(base_permissions(&subject), Permissions::DEFAULT_EVERYONE);
}

#[test]
fn roles_add_their_permissions_to_everyone() {
    let roles = [(STAFF, Permissions::MANAGE_THREADS)];
    let base = base_permissions(&alice(&roles));
    assert!(base.contains(Permissions::MANAGE_THREADS | Permissions::SEND_MESSAGES));
}

#[test]
fn the_owner_has_every_permission() {
    let mut subject = alice(&[]);
    subject.owner_id = ALICE;
    subject.everyone = Permissions::NONE;
    assert_eq!(base_permissions(&subject), Permissions::ALL);
}

#[test]
fn an_administrator_role_grants_everything_even_in_hidden_channels() {
    let roles = [(ADMIN, Permissions::ADMINISTRATOR)];
    let subject = alice(&roles);
    let denied_to_alice = Overwrite {
        id: ALICE,
        target: OverwriteTarget::Member,
        allow: Permissions::NONE,
        deny: Permissions::ALL,
    };
    let perms = channel_permissions(&subject, &[hidden_from_everyone(), denied_to_alice]);
    assert_eq!(perms, Permissions::ALL);
}

#[test]
fn a_channel_hidden_from_everyone_is_invisible_to_a_plain_member() {
    let perms = channel_permissions(&alice(&[]), &[hidden_from_everyone(), shown_to_staff()]);
    assert!(perms.is_empty());
}

#[test]
fn a_role_overwrite_shows_a_hidden_channel_to_that_role() {
    let roles = [(STAFF, Permissions::NONE)];
    let perms = channel_permissions(&alice(&roles), &[hidden_from_everyone(), shown_to_staff()]);
    assert!(perms.contains(Permissions::VIEW_CHANNEL | Permissions::SEND_MESSAGES));
}

#[test]
fn a_role_allow_wins_over_another_roles_deny() {
    let muted = Snowflake(102);
    let roles = [(STAFF, Permissions::NONE), (muted, Permissions::NONE)];
    let overwrites = [
        Overwrite {
            id: muted,
            target: OverwriteTarget::Role,
            allow: Permissions::NONE,
            deny: Permissions::SEND_MESSAGES,
        },
        Overwrite {
            id: STAFF,
            target: OverwriteTarget::Role,
            allow: Permissions::SEND_MESSAGES,
            deny: Permissions::NONE,
        },
    ];
    let perms = channel_permissions(&alice(&roles), &overwrites);
    assert!(perms.contains(Permissions::SEND_MESSAGES));
}

#[test]
fn a_member_overwrite_beats_the_role_overwrites() {
    let roles = [(STAFF, Permissions::NONE)];
    let overwrites = [
        hidden_from_everyone(),
        shown_to_staff(),
        Overwrite {
            id: ALICE,
            target: OverwriteTarget::Member,
            allow: Permissions::NONE,
            deny: Permissions::VIEW_CHANNEL,
        },
    ];
    assert!(channel_permissions(&alice(&roles), &overwrites).is_empty());
}

#[test]
fn an_everyone_overwrite_applies_before_role_overwrites() {
    let roles = [(STAFF, Permissions::NONE)];
    let overwrites = [
        Overwrite {
            id: GUILD,
            target: OverwriteTarget::Role,
            allow: Permissions::NONE,
            deny: Permissions::SEND_MESSAGES,
        },
        Overwrite {
            id: STAFF,
            target: OverwriteTarget::Role,
            allow: Permissions::SEND_MESSAGES,
            deny: Permissions::NONE,
        },
    ];
    assert!(channel_permissions(&alice(&roles), &overwrites).contains(Permissions::SEND_MESSAGES));
    assert!(!channel_permissions(&alice(&[]), &overwrites).contains(Permissions::SEND_MESSAGES));
}

#[test]
fn without_send_messages_the_sending_permissions_are_implicitly_denied() {
    let overwrites = [Overwrite {
        id: GUILD,
        target: OverwriteTarget::Role,
        allow: Permissions::NONE,
        deny: Permissions::SEND_MESSAGES,
    }];
    let perms = channel_permissions(&alice(&[]), &overwrites);
    assert!(perms.contains(Permissions::VIEW_CHANNEL));
    assert!(!perms.contains(Permissions::ATTACH_FILES));
    assert!(!perms.contains(Permissions::EMBED_LINKS));
}

#[test]
fn a_thread_is_invisible_without_view_channel_on_its_parent() {
    let access = ThreadAccess {
        private: false,
        is_member: true,
    };
    assert!(thread_permissions(Permissions::NONE, access).is_empty());
}

#[test]
fn a_private_thread_is_visible_only_to_its_members() {
    let parent = Permissions::DEFAULT_EVERYONE;
    let outsider = ThreadAccess {
        private: true,
        is_member: false,
    };
    let member = ThreadAccess {
        private: true,
        is_member: true,
    };
    assert!(thread_permissions(parent, outsider).is_empty());
    assert!(thread_permissions(parent, member).contains(Permissions::VIEW_CHANNEL));
}

#[test]
fn manage_threads_sees_private_threads_without_joining() {
    let parent = Permissions::DEFAULT_EVERYONE | Permissions::MANAGE_THREADS;
    let outsider = ThreadAccess {
        private: true,
        is_member: false,
    };
    assert!(thread_permissions(parent, outsider).contains(Permissions::VIEW_CHANNEL));
}

#[test]
fn sending_in_a_thread_needs_send_messages_in_threads_not_send_messages() {
    let access = ThreadAccess {
        private: false,
        is_member: true,
    };
    let only_channel_sending = Permissions::VIEW_CHANNEL | Permissions::SEND_MESSAGES;
    let only_thread_sending = Permissions::VIEW_CHANNEL | Permissions::SEND_MESSAGES_IN_THREADS;
    assert!(!thread_permissions(only_channel_sending, access).contains(Permissions::SEND_MESSAGES));
    assert!(thread_permissions(only_thread_sending, access).contains(Permissions::SEND_MESSAGES));
}

#[test]
fn a_thread_keeps_files_and_embeds_where_its_channel_denies_only_send_messages() {
    // #support as many servers have it: nobody writes in the channel, but
    // everyone writes (with files and links) in their threads.
    let overwrites = [Overwrite {
        id: GUILD,
        target: OverwriteTarget::Role,
        allow: Permissions::SEND_MESSAGES_IN_THREADS,
        deny: Permissions::SEND_MESSAGES,
    }];
    let access = ThreadAccess {
        private: false,
        is_member: true,
    };
    let parent = inherited_by_threads(&alice(&[]), &overwrites);
    let in_thread = thread_permissions(parent, access);
    assert!(in_thread.contains(Permissions::SEND_MESSAGES));
    assert!(in_thread.contains(Permissions::ATTACH_FILES));
    assert!(in_thread.contains(Permissions::EMBED_LINKS));
    // In the channel itself they are still implicitly gone.
    let in_channel = channel_permissions(&alice(&[]), &overwrites);
    assert!(!in_channel.contains(Permissions::ATTACH_FILES));
}

#[test]
fn permission_names_read_both_ways() {
    assert_eq!(
        Permissions::from_name("SEND_MESSAGES"),
        Some(Permissions::SEND_MESSAGES)
    );
    assert_eq!(
        Permissions::from_name("manage_threads"),
        Some(Permissions::MANAGE_THREADS)
    );
    assert_eq!(Permissions::from_name("fly"), None);
    let two = Permissions::VIEW_CHANNEL | Permissions::SEND_MESSAGES;
    assert_eq!(two.to_string(), "view_channel send_messages");
}

#[test]
fn permissions_travel_as_decimal_strings() {
    let perms = Permissions::ADMINISTRATOR;
    assert_eq!(serde_json::to_string(&perms).unwrap(), "\"8\"");
}
