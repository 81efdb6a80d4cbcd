//! Command names, descriptions and parameters in every catalogue language.
//!
//! The catalogue holds, for the command with qualified name `ticket open`,
//! the message `cmd-ticket-open` (its description) with the attributes
//! `.name` (its name in that language) and, per parameter `p`, `.p` (the
//! parameter's description) and `.p-name` (its name).

use super::app::Data;
use super::error::BotError;
use crate::i18n::{Catalog, Locale};

type Command = poise::Command<Data, BotError>;

pub fn localize_commands(commands: &mut [Command]) {
    for c in commands {
        localize(c, "");
    }
}

fn localize(c: &mut Command, parent: &str) {
    let qualified = if parent.is_empty() {
        c.name.to_string()
    } else {
        format!("{parent}-{}", c.name)
    };
    let key = format!("cmd-{qualified}");
    let catalog = Catalog::global();
    if catalog.has(Locale::En, &key) {
        c.description = Some(catalog.text(Locale::En, &key, &[]).into());
    } else {
        tracing::warn!(key, "command without a catalogue entry");
    }
    let mut names = Vec::new();
    let mut descriptions = Vec::new();
    for locale in Locale::ALL {
        if locale == Locale::En || !catalog.has(locale, &key) {
            continue;
        }
        let description = catalog.text(locale, &key, &[]);
        let name = catalog.attribute(locale, &key, "name");
        for tag in locale.discord_tags() {
            descriptions.push(((*tag).into(), description.clone().into()));
            if let Some(n) = &name {
                names.push(((*tag).into(), n.clone().into()));
            }
        }
    }
    c.description_localizations = descriptions.into();
    c.name_localizations = names.into();
    for p in &mut c.parameters {
        let pname = p.name.to_string();
        if let Some(d) = catalog.attribute(Locale::En, &key, &pname) {
            p.description = Some(d.into());
        }
        let mut names = Vec::new();
        let mut descriptions = Vec::new();
        for locale in Locale::ALL {
            if locale == Locale::En {
                continue;
            }
            let description = catalog.attribute(locale, &key, &pname);
            let name = catalog.attribute(locale, &key, &format!("{pname}-name"));
            for tag in locale.discord_tags() {
                if let Some(d) = &description {
                    descriptions.push(((*tag).into(), d.clone().into()));
                }
                if let Some(n) = &name {
                    names.push(((*tag).into(), n.clone().into()));
                }
            }
        }
        p.description_localizations = descriptions.into();
        p.name_localizations = names.into();
    }
    for sub in &mut c.subcommands {
        localize(sub, &qualified);
    }
}
