//! What an article is once loaded: the domain type the matcher and the bot
//! read. Parsing lives in `parse.rs`.

use std::borrow::Borrow;
use std::fmt;
use std::path::PathBuf;

/// An article's id: the front-matter `id`, else its path below the
/// knowledge folder without `.md` (`account/reset-password`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ArticleId(String);

impl ArticleId {
    /// Builds an id; `None` for an empty or blank one.
    pub fn new(id: impl Into<String>) -> Option<Self> {
        let id = id.into();
        let trimmed = id.trim();
        if trimmed.is_empty() {
            return None;
        }
        Some(ArticleId(trimmed.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Borrow<str> for ArticleId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for ArticleId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// One article of the knowledge base.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub id: ArticleId,
    pub title: String,
    /// Markdown, as written (see [`render_for_discord`](super::render_for_discord)).
    pub body: String,
    pub keywords: Vec<String>,
    pub patterns: Vec<String>,
    pub examples: Vec<String>,
    pub tags: Vec<String>,
    /// `None`: the article serves every locale.
    pub locale: Option<String>,
    /// The file it came from (the knowledge folder joined with its path).
    pub source: PathBuf,
    /// Where each field starts in that file, for messages about it.
    pub lines: FieldLines,
}

/// 1-based line numbers in the source file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldLines {
    pub title: u32,
    pub keywords: Vec<u32>,
    pub patterns: Vec<u32>,
    pub examples: Vec<u32>,
    /// The first line of the body.
    pub body: u32,
}

impl Article {
    /// Whether the article may answer someone whose locale is `locale`
    /// (`None`: any locale; an article without a locale serves everyone).
    /// `en-US` matches `en`.
    pub fn serves(&self, locale: Option<&str>) -> bool {
        match (&self.locale, locale) {
            (None, _) | (_, None) => true,
            (Some(mine), Some(asked)) => same_language(mine, asked),
        }
    }
}

/// `en`, `en-US` and `EN_gb` are one language.
pub fn same_language(a: &str, b: &str) -> bool {
    let primary = |s: &str| {
        s.split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    };
    primary(a) == primary(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(locale: Option<&str>) -> Article {
        Article {
            id: ArticleId::new("a").unwrap(),
            title: "A".into(),
            body: String::new(),
            keywords: vec!["a".into()],
            patterns: vec![],
            examples: vec![],
            tags: vec![],
            locale: locale.map(str::to_owned),
            source: PathBuf::from("a.md"),
            lines: FieldLines::default(),
        }
    }

    #[test]
    fn an_article_without_locale_serves_everyone() {
        assert!(article(None).serves(Some("ru")));
        assert!(article(None).serves(None));
    }

    #[test]
    fn a_regional_locale_is_served_by_its_language() {
        assert!(article(Some("en")).serves(Some("en-US")));
        assert!(!article(Some("en")).serves(Some("ru")));
        assert!(article(Some("ru")).serves(None));
    }

    #[test]
    fn blank_ids_are_refused() {
        assert!(ArticleId::new("  ").is_none());
        assert_eq!(ArticleId::new(" a/b ").unwrap().as_str(), "a/b");
    }
}
