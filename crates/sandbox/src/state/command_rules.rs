//! Discord's rules for command bodies: names, descriptions, option
//! order and nesting, localization locales.

use super::commands::CHAT_INPUT;
use crate::error::FieldErrors;
use crate::wire::command::{
    CommandIn, CommandOption, Localizations, SUB_COMMAND, SUB_COMMAND_GROUP,
};

/// Locales Discord accepts in `*_localizations`.
const LOCALES: &[&str] = &[
    "id", "da", "de", "en-GB", "en-US", "es-ES", "es-419", "fr", "hr", "it", "lt", "hu", "nl",
    "no", "pl", "pt-BR", "ro", "fi", "sv-SE", "vi", "tr", "cs", "el", "bg", "ru", "uk", "hi", "th",
    "zh-CN", "ja", "zh-TW", "ko",
];

fn valid_name(name: &str) -> bool {
    let length = name.chars().count();
    (1..=32).contains(&length)
        && name
            .chars()
            .all(|c| c == '-' || c == '_' || c == '\'' || c.is_alphanumeric())
        && !name.chars().any(char::is_uppercase)
}

fn check_localizations(
    errors: &mut FieldErrors,
    path: &str,
    map: Option<&Localizations>,
    names: bool,
) {
    for (locale, text) in map.into_iter().flatten() {
        if !LOCALES.contains(&locale.as_str()) {
            errors.add(
                &format!("{path}.{locale}"),
                "LOCALE_INVALID",
                format!("`{locale}` is not a Discord locale"),
            );
        } else if names && !valid_name(text) {
            errors.add(
                &format!("{path}.{locale}"),
                "APPLICATION_COMMAND_INVALID_NAME",
                "Command name is invalid",
            );
        }
    }
}

fn check_description(errors: &mut FieldErrors, path: &str, text: &str) {
    let length = text.chars().count();
    if !(1..=100).contains(&length) {
        errors.add(
            path,
            "BASE_TYPE_BAD_LENGTH",
            "Must be between 1 and 100 in length.",
        );
    }
}

fn check_options(errors: &mut FieldErrors, path: &str, options: &[CommandOption], depth: u8) {
    if options.len() > 25 {
        errors.max_length(path, 25);
    }
    let subcommands = options.iter().filter(|o| o.is_subcommand()).count();
    if subcommands != 0 && subcommands != options.len() {
        errors.add(
            path,
            "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID",
            "Subcommands cannot be mixed with other options",
        );
    }
    let mut seen_optional = false;
    let mut names = Vec::new();
    for (i, option) in options.iter().enumerate() {
        let here = format!("{path}.{i}");
        if !valid_name(&option.name) {
            errors.add(
                &format!("{here}.name"),
                "APPLICATION_COMMAND_INVALID_NAME",
                "Command name is invalid",
            );
        }
        if names.contains(&&option.name) {
            errors.add(
                &format!("{here}.name"),
                "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS",
                "Option names must be unique",
            );
        }
        names.push(&option.name);
        check_description(errors, &format!("{here}.description"), &option.description);
        check_localizations(
            errors,
            &format!("{here}.name_localizations"),
            option.name_localizations.as_ref(),
            true,
        );
        check_localizations(
            errors,
            &format!("{here}.description_localizations"),
            option.description_localizations.as_ref(),
            false,
        );
        let required = option.required == Some(true);
        if required && seen_optional {
            errors.add(
                &format!("{here}.required"),
                "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
                "Required options must be placed before non-required options",
            );
        }
        seen_optional |= !required;
        if option.choices.as_ref().is_some_and(|c| c.len() > 25) {
            errors.max_length(&format!("{here}.choices"), 25);
        }
        let nested_allowed = match option.kind {
            SUB_COMMAND_GROUP => depth == 0,
            SUB_COMMAND => depth <= 1,
            _ => false,
        };
        if option.is_subcommand() && !nested_allowed {
            errors.add(
                &format!("{here}.type"),
                "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID",
                "Subcommands nest at most two levels",
            );
        }
        if option.kind == SUB_COMMAND_GROUP
            && option.children().iter().any(|c| c.kind != SUB_COMMAND)
        {
            errors.add(
                &format!("{here}.options"),
                "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID",
                "A subcommand group holds only subcommands",
            );
        }
        if option.is_subcommand() {
            check_options(
                errors,
                &format!("{here}.options"),
                option.children(),
                depth + 1,
            );
        }
    }
}

/// Discord's checks on one command body.
pub fn validate(body: &CommandIn, path: &str, errors: &mut FieldErrors) {
    let kind = body.kind.unwrap_or(CHAT_INPUT);
    let name_ok = if kind == CHAT_INPUT {
        valid_name(&body.name)
    } else {
        (1..=32).contains(&body.name.chars().count())
    };
    if !name_ok {
        errors.add(
            &format!("{path}name"),
            "APPLICATION_COMMAND_INVALID_NAME",
            "Command name is invalid",
        );
    }
    let description = body.description.as_deref().unwrap_or("");
    if kind == CHAT_INPUT {
        check_description(errors, &format!("{path}description"), description);
    }
    check_localizations(
        errors,
        &format!("{path}name_localizations"),
        body.name_localizations.as_ref(),
        kind == CHAT_INPUT,
    );
    check_localizations(
        errors,
        &format!("{path}description_localizations"),
        body.description_localizations.as_ref(),
        false,
    );
    check_options(
        errors,
        &format!("{path}options"),
        body.options.as_deref().unwrap_or_default(),
        0,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_names_are_lowercase_words_of_at_most_32_characters() {
        assert!(valid_name("ticket"));
        assert!(valid_name("заявка"));
        assert!(valid_name("kb-search"));
        assert!(!valid_name("Ticket"));
        assert!(!valid_name("two words"));
        assert!(!valid_name(&"a".repeat(33)));
    }
}
