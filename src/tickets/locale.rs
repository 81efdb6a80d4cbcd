/// A language the bot speaks. Discord sends user locales as tags such as
/// `en-US`, `en-GB` or `ru`; everything else falls back to the server's
/// default locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    En,
    Ru,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Ru];

    /// Parses a language tag (`ru`, `ru-RU`, `en-US`); `None` for a
    /// language we have no catalogue for.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Locale::En),
            "ru" => Some(Locale::Ru),
            _ => None,
        }
    }

    /// The Discord locale of a user, or `fallback` when we don't speak it.
    pub fn from_discord(tag: Option<&str>, fallback: Locale) -> Locale {
        tag.and_then(Locale::from_tag).unwrap_or(fallback)
    }

    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Ru => "ru",
        }
    }

    /// The tags Discord uses for this language in command localisations.
    pub fn discord_tags(self) -> &'static [&'static str] {
        match self {
            Locale::En => &["en-US", "en-GB"],
            Locale::Ru => &["ru"],
        }
    }
}

impl std::fmt::Display for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}
