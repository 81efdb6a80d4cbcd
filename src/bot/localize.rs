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

#[cfg(test)]
mod tests {
    use super::*;

    /// Discord's rule for command and option names (lower case where the
    /// script has case; letters, digits, `-` and `_`; 1–32 characters).
    fn valid_name(name: &str) -> bool {
        let chars = name.chars().count();
        (1..=32).contains(&chars)
            && name
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
            && name.to_lowercase() == name
    }

    /// Every catalogue key of a command tree: `(key, command, parameters)`.
    fn keys(c: &Command, parent: &str, out: &mut Vec<(String, String, Vec<String>)>) {
        let qualified = if parent.is_empty() {
            c.name.to_string()
        } else {
            format!("{parent}-{}", c.name)
        };
        let params = c.parameters.iter().map(|p| p.name.to_string()).collect();
        out.push((format!("cmd-{qualified}"), c.name.to_string(), params));
        for sub in &c.subcommands {
            keys(sub, &qualified, out);
        }
    }

    fn all_keys() -> Vec<(String, String, Vec<String>)> {
        let mut out = Vec::new();
        for c in &crate::bot::commands::all() {
            keys(c, "", &mut out);
        }
        out
    }

    #[test]
    fn every_command_subcommand_and_option_has_english_and_russian_text() {
        let catalog = Catalog::global();
        let mut problems = Vec::new();
        for (key, name, params) in all_keys() {
            for locale in Locale::ALL {
                let code = locale.code();
                if !catalog.has(locale, &key) {
                    problems.push(format!("{code}: no {key}"));
                    continue;
                }
                let description = catalog.text(locale, &key, &[]);
                if description.is_empty() || description.chars().count() > 100 {
                    problems.push(format!("{code}: {key} needs a description of 1–100"));
                }
                match catalog.attribute(locale, &key, "name") {
                    Some(n) if locale == Locale::En && n != name => {
                        problems.push(format!("{code}: {key}.name is {n}, the command is {name}"))
                    }
                    Some(n) if !valid_name(&n) => {
                        problems.push(format!("{code}: {key}.name “{n}” is no Discord name"))
                    }
                    None if locale != Locale::En => problems.push(format!("{code}: no {key}.name")),
                    _ => {}
                }
                for p in &params {
                    match catalog.attribute(locale, &key, p) {
                        Some(d) if !d.is_empty() && d.chars().count() <= 100 => {}
                        _ => problems.push(format!("{code}: {key}.{p} needs a description")),
                    }
                    if locale == Locale::En {
                        continue;
                    }
                    match catalog.attribute(locale, &key, &format!("{p}-name")) {
                        Some(n) if valid_name(&n) => {}
                        other => problems.push(format!("{code}: {key}.{p}-name is {other:?}")),
                    }
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn the_catalogues_describe_no_command_that_is_not_registered() {
        let registered = all_keys();
        let mut stray = Vec::new();
        for locale in Locale::ALL {
            for (key, attributes) in Catalog::global().entries(locale) {
                if !key.starts_with("cmd-") {
                    continue;
                }
                let Some((_, _, params)) = registered.iter().find(|(k, _, _)| *k == key) else {
                    stray.push(format!("{}: {key}", locale.code()));
                    continue;
                };
                for a in attributes {
                    let param = a.strip_suffix("-name").unwrap_or(&a);
                    if param != "name" && !params.iter().any(|p| p == param) {
                        stray.push(format!("{}: {key}.{a}", locale.code()));
                    }
                }
            }
        }
        assert!(
            stray.is_empty(),
            "catalogue text for nothing:\n{}",
            stray.join("\n")
        );
    }

    #[test]
    fn the_registered_text_is_the_catalogue_text() {
        let mut commands = crate::bot::commands::all();
        localize_commands(&mut commands);
        let ask = commands.iter().find(|c| c.name == "ask").expect("/ask");
        assert_eq!(
            ask.description.as_deref(),
            Some(Catalog::global().text(Locale::En, "cmd-ask", &[]).as_str())
        );
        let question = &ask.parameters[0];
        assert_eq!(
            question.description.as_deref(),
            Catalog::global()
                .attribute(Locale::En, "cmd-ask", "question")
                .as_deref()
        );
        assert!(question
            .description_localizations
            .iter()
            .any(|(tag, _)| tag == "ru"));
    }
}
