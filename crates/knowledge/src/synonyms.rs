//! `synonyms.yml`: groups of words or phrases that mean the same thing.

use std::path::{Path, PathBuf};

use serde_saphyr::Spanned;

use super::problem::{LoadError, LoadErrorKind};
use super::yaml;

/// The synonym groups of a knowledge base, as written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Synonyms {
    pub groups: Vec<SynonymGroup>,
    /// The file they came from (`None` when there is none).
    pub source: Option<PathBuf>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynonymGroup {
    pub entries: Vec<String>,
    /// 1-based line of the group in the file.
    pub line: u32,
}

pub const FILE_NAME: &str = "synonyms.yml";

impl Synonyms {
    /// Parses the text of a `synonyms.yml` at `path`: a list of lists of
    /// strings. Blank entries are dropped.
    pub fn parse(path: &Path, text: &str) -> Result<Synonyms, LoadError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.trim().is_empty() {
            return Ok(Synonyms {
                groups: Vec::new(),
                source: Some(path.to_owned()),
            });
        }
        let raw: Vec<Spanned<Vec<String>>> = yaml::from_str(text, 0).map_err(|(line, msg)| {
            LoadError::new(
                path,
                line,
                LoadErrorKind::Yaml(format!(
                    "{msg} (expected a list of groups like `- [login, sign in]`)"
                )),
            )
        })?;
        let groups = raw
            .into_iter()
            .map(|g| SynonymGroup {
                line: yaml::line(&g.referenced, 0),
                entries: g
                    .value
                    .into_iter()
                    .map(|e| e.trim().to_owned())
                    .filter(|e| !e.is_empty())
                    .collect(),
            })
            .collect();
        Ok(Synonyms {
            groups,
            source: Some(path.to_owned()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_are_read_with_their_lines() {
        let s = Synonyms::parse(
            Path::new("synonyms.yml"),
            "- [login, log in, войти]\n- [refund, money back]\n",
        )
        .unwrap();
        assert_eq!(s.groups.len(), 2);
        assert_eq!(s.groups[0].entries, ["login", "log in", "войти"]);
        assert_eq!(s.groups[1].line, 2);
    }

    #[test]
    fn block_style_groups_are_read_too() {
        let s = Synonyms::parse(Path::new("s.yml"), "-\n  - a\n  - b\n").unwrap();
        assert_eq!(s.groups[0].entries, ["a", "b"]);
    }

    #[test]
    fn a_malformed_file_is_an_error_with_a_line() {
        let e = Synonyms::parse(Path::new("s.yml"), "- [a, b]\n- c: d\n").unwrap_err();
        assert_eq!(e.line, Some(2), "{e}");
    }

    #[test]
    fn an_empty_file_has_no_groups() {
        assert!(Synonyms::parse(Path::new("s.yml"), "\n")
            .unwrap()
            .groups
            .is_empty());
    }
}
