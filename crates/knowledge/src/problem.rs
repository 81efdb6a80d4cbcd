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
    #[error("the body is {length} characters once rendered, over Discord's {limit} for an embed: shorten it or split it into two articles")]
    BodyTooLong { length: usize, limit: usize },
    #[error(
        "the title is {length} characters, over Discord's {limit} for an embed title: shorten it"
    )]
    TitleTooLong { length: usize, limit: usize },
    #[error("this link leads back to {}, a folder that contains it: a loop; it is skipped (remove the link)", target.display())]
    LinkLoop { target: PathBuf },
    #[error("the folder has more than {max} article files; the rest are not loaded")]
    TooManyFiles { max: usize },
    #[error("the articles add up to more than {max_mb} MB; the rest are not loaded")]
    TooManyBytes { max_mb: u64 },
    #[error("the file is larger than {max} bytes, the most an article may have; split it")]
    FileTooLarge { max: u64 },
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

impl LoadErrorKind {
    /// A stable name for this kind of problem and its arguments, for a
    /// message catalogue (see [`Problem::code`]).
    pub fn code(&self) -> (&'static str, Vec<(&'static str, ProblemArg)>) {
        use LoadErrorKind as K;
        let text = |s: &str| ProblemArg::Text(s.to_owned());
        let path = |p: &Path| ProblemArg::Text(p.display().to_string());
        let number = |n: u64| ProblemArg::Number(n);
        match self {
            K::Unreadable(e) => ("unreadable", vec![("error", text(e))]),
            K::NotUtf8 => ("not-utf8", vec![]),
            K::NoFrontMatter => ("no-front-matter", vec![]),
            K::UnclosedFrontMatter => ("unclosed-front-matter", vec![]),
            K::Yaml(e) => ("yaml", vec![("error", text(e))]),
            K::EmptyTitle => ("empty-title", vec![]),
            K::NothingToMatch => ("nothing-to-match", vec![]),
            // `field` reads "a `keywords`": the field's name is between
            // the backticks.
            K::EmptyEntry { field } => (
                "empty-entry",
                vec![("field", text(field.split('`').nth(1).unwrap_or(field)))],
            ),
            K::BadPattern(e) => ("bad-pattern", vec![("error", text(e))]),
            K::BadLocale(l) => ("bad-locale", vec![("locale", text(l))]),
            K::EmptyId => ("empty-id", vec![]),
            K::DuplicateId { id, other } => (
                "duplicate-id",
                vec![("id", text(id)), ("other", path(other))],
            ),
            K::BodyTooLong { length, limit } => (
                "body-too-long",
                vec![
                    ("length", number(*length as u64)),
                    ("limit", number(*limit as u64)),
                ],
            ),
            K::TitleTooLong { length, limit } => (
                "title-too-long",
                vec![
                    ("length", number(*length as u64)),
                    ("limit", number(*limit as u64)),
                ],
            ),
            K::LinkLoop { target } => ("link-loop", vec![("target", path(target))]),
            K::TooManyFiles { max } => ("too-many-files", vec![("max", number(*max as u64))]),
            K::TooManyBytes { max_mb } => ("too-many-bytes", vec![("max", number(*max_mb))]),
            K::FileTooLarge { max } => ("file-too-large", vec![("max", number(*max))]),
        }
    }
}

/// An argument of a problem's message: text (a path, an id, a parser's
/// message) or a number (a message chooses its plural form by it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemArg {
    Text(String),
    Number(u64),
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
    /// In English, as `kb check` prints it.
    pub message: String,
    /// What kind of problem it is, for a message catalogue: a stable name
    /// (`""` for problems only `kb check` reports) with its arguments, so
    /// that the bot can say it in the admin's language.
    pub code: &'static str,
    pub args: Vec<(&'static str, ProblemArg)>,
    /// What was kept instead, if anything: `"article"` (the file's last
    /// good version is still served) or `"synonyms"`.
    pub kept: Option<&'static str>,
}

impl Problem {
    pub fn warning(path: &Path, line: Option<u32>, message: impl Into<String>) -> Self {
        Problem {
            path: path.to_owned(),
            line,
            severity: Severity::Warning,
            message: message.into(),
            code: "",
            args: Vec::new(),
            kept: None,
        }
    }

    pub fn error(path: &Path, line: Option<u32>, message: impl Into<String>) -> Self {
        Problem {
            severity: Severity::Error,
            ..Problem::warning(path, line, message)
        }
    }

    /// Names the kind of problem for a catalogue (see [`Problem::code`]).
    pub fn with_code(mut self, code: &'static str, args: Vec<(&'static str, ProblemArg)>) -> Self {
        self.code = code;
        self.args = args;
        self
    }

    /// Records that the last good version is still in use, and says so.
    pub fn keeping(mut self, kept: &'static str) -> Self {
        self.message.push_str(match kept {
            "synonyms" => " (still using the last good synonyms)",
            _ => " (still serving the last good version)",
        });
        self.kept = Some(kept);
        self
    }
}

impl From<LoadError> for Problem {
    fn from(e: LoadError) -> Self {
        let (code, args) = e.kind.code();
        Problem::error(&e.path, e.line, e.kind.to_string()).with_code(code, args)
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
