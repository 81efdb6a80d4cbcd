//! The demo server grants what a default server and README's invite
//! would, nothing more: the e2e tests run on it, so a kinder preset would
//! let a test pass that fails on Discord.

use super::preset;
use crate::sandbox::{BotSpec, Permissions};

const README: &str = include_str!("../../README.md");

/// Discord's names (Server Settings, the invite screen) of the
/// permissions README's invite may ask for.
const DISCORD_NAMES: &[(&str, Permissions)] = &[
    ("View Channels", Permissions::VIEW_CHANNEL),
    ("Send Messages", Permissions::SEND_MESSAGES),
    (
        "Send Messages in Threads",
        Permissions::SEND_MESSAGES_IN_THREADS,
    ),
    ("Create Public Threads", Permissions::CREATE_PUBLIC_THREADS),
    (
        "Create Private Threads",
        Permissions::CREATE_PRIVATE_THREADS,
    ),
    ("Manage Threads", Permissions::MANAGE_THREADS),
    ("Manage Messages", Permissions::MANAGE_MESSAGES),
    ("Embed Links", Permissions::EMBED_LINKS),
    ("Attach Files", Permissions::ATTACH_FILES),
    ("Read Message History", Permissions::READ_MESSAGE_HISTORY),
    ("Mention Everyone", Permissions::MENTION_EVERYONE),
];

/// The permissions README's "Running it for real" step 3 lists.
fn readme_invite() -> Permissions {
    let readme = README.split_whitespace().collect::<Vec<_>>().join(" ");
    let start = readme
        .find("these permissions:")
        .expect("README lists the invite's permissions")
        + "these permissions:".len();
    let end = start + readme[start..].find('.').expect("the list ends");
    let mut wanted = Permissions::NONE;
    for name in readme[start..end].split(',') {
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        let (_, bits) = DISCORD_NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .unwrap_or_else(|| panic!("a permission this test knows: {name:?}"));
        wanted |= *bits;
    }
    wanted
}

#[test]
fn the_bot_is_invited_with_exactly_what_readme_asks_for() {
    assert_eq!(BotSpec::DEFAULT_PERMISSIONS, readme_invite());
    let spec = preset().unwrap();
    assert_eq!(spec.bot.permissions, readme_invite());
    let bot_roles: Vec<_> = spec
        .roles
        .iter()
        .filter(|r| spec.bot.roles.contains(&r.name))
        .collect();
    assert!(!bot_roles.is_empty());
    for role in bot_roles {
        assert_eq!(role.permissions, readme_invite(), "{}", role.name);
    }
}

#[test]
fn no_preset_role_is_mentionable_and_everyone_keeps_discords_defaults() {
    let spec = preset().unwrap();
    for role in &spec.roles {
        assert!(!role.mentionable, "{} is mentionable", role.name);
    }
    assert_eq!(spec.everyone, Permissions::DEFAULT_EVERYONE);
}
