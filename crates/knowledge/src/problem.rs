//! Problems found while loading or checking a knowledge base, each tied to
//! a file and, when known, a line.

use std::fmt;
use std::path::{Path, PathBuf};

/// Why a file could not be loaded. The file is skipped (or, on a live
/// reload, its last good version is kept); the rest load.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {kind}", location(path, *line))]
pub struct LoadError {
    pub path: PathBuf,
    /// 1-based; `None` when the problem is the whole file.
    pub line: Option<u32>,
    pub kind: LoadErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadErrorKind {
    #[error("cannot read the file: {0}")]
    Unreadable(String),
    #[error("the file is not UTF-8 text; save it as UTF-8")]
    NotUtf8,
    #[error("no front matter: the first line must be `---`, then the fields, then `---`")]
    NoFrontMatter,
    #[error("the front matter is not closed: add a line `---` after the last field")]
    UnclosedFrontMatter,
    #[error("{0}")]
    Yaml(String),
    #[error("`title` is empty; write the title people will see")]
    EmptyTitle,
    #[error("nothing to match on: give at least one of `keywords`, `patterns`, `examples`")]
    NothingToMatch,
    #[error("{field} entry is empty; remove it or write the text")]
    EmptyEntry { field: &'static str },
    #[error("pattern does not compile: {0}")]
    BadPattern(String),
    #[error("`locale: {0}` is not a language tag like `en` or `ru`")]
    BadLocale(String),
    #[error("`id` is empty; remove it to use the file's path")]
    EmptyId,
    #[error("id `{id}` is also used by {}; ids must be unique (set `id:` in one of them)", other.display())]
    DuplicateId { id: String, other: PathBuf },
}

impl LoadError {
    pub fn new(path: &Path, line: Option<u32>, kind: LoadErrorKind) -> Self {
        LoadError {
            path: path.to_owned(),
            line,
            kind,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// Something an admin should fix: an error (the file is skipped, or the
/// article cannot be sent) or a warning (it works, but probably not as
/// meant).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    pub line: Option<u32>,
    pub severity: Severity,
    pub message: String,
}

impl Problem {
    pub fn warning(path: &Path, line: Option<u32>, message: impl Into<String>) -> Self {
        Problem {
            path: path.to_owned(),
            line,
            severity: Severity::Warning,
            message: message.into(),
        }
    }

    pub fn error(path: &Path, line: Option<u32>, message: impl Into<String>) -> Self {
        Problem {
            severity: Severity::Error,
            ..Problem::warning(path, line, message)
        }
    }
}

impl From<LoadError> for Problem {
    fn from(e: LoadError) -> Self {
        Problem::error(&e.path, e.line, e.kind.to_string())
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{}: {severity}: {}",
            location(&self.path, self.line),
            self.message
        )
    }
}

fn location(path: &Path, line: Option<u32>) -> String {
    match line {
        Some(line) => format!("{}:{line}", path.display()),
        None => path.display().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_reads_file_line_severity_message() {
        let p = Problem::error(Path::new("kb/a.md"), Some(3), "bad");
        assert_eq!(p.to_string(), "kb/a.md:3: error: bad");
        let w = Problem::warning(Path::new("kb/a.md"), None, "meh");
        assert_eq!(w.to_string(), "kb/a.md: warning: meh");
    }

    #[test]
    fn a_load_error_names_its_file_and_line() {
        let e = LoadError::new(Path::new("a.md"), Some(2), LoadErrorKind::EmptyTitle);
        assert!(e.to_string().starts_with("a.md:2: `title` is empty"));
    }
}
