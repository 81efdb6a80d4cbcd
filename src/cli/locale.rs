//! The language of what the command line tells an admin (`kb report`,
//! `kb ask`): the command's `--locale`, else `SUPPORTLINE_LOCALE`, else
//! the system's (`LC_ALL`, `LC_MESSAGES`, `LANG`, as POSIX orders them),
//! else English. A language we have no catalogue for counts as unset.

use crate::i18n::Locale;

/// The admin's language, from `flag` (a language tag) or the environment.
pub fn admin_locale(flag: Option<&str>) -> Locale {
    from_sources(flag, |name| std::env::var(name).ok())
}

fn from_sources(flag: Option<&str>, env: impl Fn(&str) -> Option<String>) -> Locale {
    if let Some(locale) = flag.and_then(Locale::from_tag) {
        return locale;
    }
    if let Some(locale) = env("SUPPORTLINE_LOCALE").and_then(|t| Locale::from_tag(&t)) {
        return locale;
    }
    // The first of these that is set decides, even if it is `C`.
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .find_map(|name| env(name).filter(|v| !v.is_empty()))
        .and_then(|tag| Locale::from_tag(&tag))
        .unwrap_or(Locale::En)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(vars: &[(&str, &str)], flag: Option<&str>) -> Locale {
        from_sources(flag, |name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
        })
    }

    #[test]
    fn the_flag_then_our_variable_then_the_systems_decide() {
        assert_eq!(with(&[], None), Locale::En);
        assert_eq!(with(&[("LANG", "ru_RU.UTF-8")], None), Locale::Ru);
        assert_eq!(
            with(&[("LANG", "ru_RU.UTF-8"), ("LC_ALL", "C")], None),
            Locale::En
        );
        assert_eq!(
            with(
                &[("LANG", "en_US.UTF-8"), ("SUPPORTLINE_LOCALE", "ru")],
                None
            ),
            Locale::Ru
        );
        assert_eq!(
            with(&[("SUPPORTLINE_LOCALE", "ru")], Some("en")),
            Locale::En
        );
        assert_eq!(with(&[("LANG", "de_DE.UTF-8")], None), Locale::En);
    }
}
