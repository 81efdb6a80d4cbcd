//! The message catalogue: every word the bot says, in English and Russian.
//!
//! Messages live in Fluent files (`en.ftl`, `ru.ftl`) compiled into the
//! binary. Fluent gives Russian its three plural forms (`1 тикет`,
//! `3 тикета`, `5 тикетов`) without code. Use [`tr!`](crate::tr):
//!
//! ```
//! use supportline::{i18n::Locale, tr};
//! let text = tr!(Locale::Ru, "test-plural", count = 3);
//! assert_eq!(text, "3 тикета");
//! ```

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

pub use crate::tickets::Locale;
pub use fluent_bundle::FluentValue;

const SOURCES: [(Locale, &str); 2] = [
    (Locale::En, include_str!("en.ftl")),
    (Locale::Ru, include_str!("ru.ftl")),
];

/// Both catalogues, parsed once.
pub struct Catalog {
    bundles: Vec<(Locale, FluentBundle<FluentResource>)>,
}

impl Catalog {
    /// The catalogue built into the binary. The files are checked by the
    /// tests below, so a parse error here is a bug, not bad input.
    pub fn global() -> &'static Catalog {
        static CATALOG: OnceLock<Catalog> = OnceLock::new();
        CATALOG.get_or_init(|| Catalog::parse().expect("the built-in message catalogue parses"))
    }

    fn parse() -> Result<Catalog, String> {
        let mut bundles = Vec::new();
        for (locale, source) in SOURCES {
            let resource = FluentResource::try_new(source.to_owned())
                .map_err(|(_, errors)| format!("{}.ftl: {errors:?}", locale.code()))?;
            let mut bundle = FluentBundle::new_concurrent(vec![langid(locale)]);
            // Unicode isolation marks around placeables show up as garbage
            // in Discord clients; our messages are never bidirectional.
            bundle.set_use_isolating(false);
            bundle
                .add_resource(resource)
                .map_err(|errors| format!("{}.ftl: {errors:?}", locale.code()))?;
            bundles.push((locale, bundle));
        }
        Ok(Catalog { bundles })
    }

    fn bundle(&self, locale: Locale) -> &FluentBundle<FluentResource> {
        self.bundles
            .iter()
            .find(|(l, _)| *l == locale)
            .or_else(|| self.bundles.first())
            .map(|(_, b)| b)
            .expect("the catalogue has at least one locale")
    }

    /// Whether `key` exists in the catalogue of `locale`.
    pub fn has(&self, locale: Locale, key: &str) -> bool {
        self.bundle(locale).has_message(key)
    }

    /// The message `key` in `locale`, with `args` filled in. A missing key
    /// falls back to English, then to the key itself (logged), so a gap in
    /// a catalogue never breaks a reply.
    pub fn text(&self, locale: Locale, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        for candidate in [locale, Locale::En] {
            let bundle = self.bundle(candidate);
            let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
            if !errors.is_empty() {
                tracing::warn!(key, ?locale, ?errors, "message formatted with errors");
            }
            return text.into_owned();
        }
        tracing::warn!(key, ?locale, "message missing from the catalogue");
        key.to_owned()
    }

    /// Every message id of `locale`'s catalogue with its attribute names,
    /// in file order (for the tests that hold code and catalogue together).
    pub fn entries(&self, locale: Locale) -> Vec<(String, Vec<String>)> {
        let source = SOURCES
            .iter()
            .find(|(l, _)| *l == locale)
            .map(|(_, s)| *s)
            .unwrap_or("");
        let resource = match fluent_syntax::parser::parse(source) {
            Ok(r) => r,
            Err((r, _)) => r,
        };
        resource
            .body
            .iter()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(m) => Some((
                    m.id.name.to_owned(),
                    m.attributes.iter().map(|a| a.id.name.to_owned()).collect(),
                )),
                _ => None,
            })
            .collect()
    }

    /// An attribute of a message (`key.attribute` in Fluent), used for
    /// command parameter names and descriptions.
    pub fn attribute(&self, locale: Locale, key: &str, attribute: &str) -> Option<String> {
        let bundle = self.bundle(locale);
        let pattern = bundle.get_message(key)?.get_attribute(attribute)?.value();
        let mut errors = Vec::new();
        Some(
            bundle
                .format_pattern(pattern, None, &mut errors)
                .into_owned(),
        )
    }
}

/// Formats a catalogue message by its key, with named arguments
/// (`name = value`) filled into the Fluent variables of the same name.
#[macro_export]
macro_rules! tr {
    ($locale:expr, $key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Catalog::global().text(
            $locale,
            $key,
            &[$((stringify!($name), $crate::i18n::FluentValue::from($value))),*],
        )
    };
}

#[cfg(test)]
mod tests;

/// Fluent's name for a locale (its plural rules come from it).
fn langid(locale: Locale) -> unic_langid::LanguageIdentifier {
    // Both codes are valid BCP 47 tags, so parsing cannot fail.
    locale.code().parse().unwrap_or_default()
}
