//! Knowledge-base problems in the admin's language (`/kb reload`). The
//! engine names each kind of problem with a code and its arguments; the
//! catalogue has `kb-problem-<code>`. A problem without a code (or with one
//! the catalogue lacks) is shown as the engine wrote it, in English.

use crate::i18n::{Catalog, FluentValue, Locale};
use crate::knowledge::{Problem, ProblemArg, Severity};
use crate::tr;

/// One line: where, how bad, what.
pub fn problem_line(locale: Locale, p: &Problem) -> String {
    let place = match p.line {
        Some(line) => format!("{}:{line}", p.path.display()),
        None => p.path.display().to_string(),
    };
    let severity = match p.severity {
        Severity::Error => tr!(locale, "kb-problem-error"),
        Severity::Warning => tr!(locale, "kb-problem-warning"),
    };
    tr!(
        locale,
        "kb-problem-line",
        where = place,
        severity = severity,
        message = problem_message(locale, p)
    )
}

/// What the problem is, without its place.
pub fn problem_message(locale: Locale, p: &Problem) -> String {
    let catalog = Catalog::global();
    let key = format!("kb-problem-{}", p.code);
    if p.code.is_empty() || !catalog.has(locale, &key) {
        return p.message.clone();
    }
    let args: Vec<(&str, FluentValue<'_>)> = p
        .args
        .iter()
        .map(|(name, value)| {
            let value = match value {
                ProblemArg::Text(t) => FluentValue::from(t.as_str()),
                ProblemArg::Number(n) => FluentValue::from(*n),
            };
            (*name, value)
        })
        .collect();
    let mut text = catalog.text(locale, &key, &args);
    match p.kept {
        Some("article") => {
            text.push(' ');
            text.push_str(&tr!(locale, "kb-problem-kept-article"));
        }
        Some("synonyms") => {
            text.push(' ');
            text.push_str(&tr!(locale, "kb-problem-kept-synonyms"));
        }
        _ => {}
    }
    text
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;
    use crate::knowledge::{LoadError, LoadErrorKind};

    /// One of every kind the engine reports while loading. The match has
    /// no catch-all, so that a new kind must be added here.
    fn every_kind() -> Vec<LoadErrorKind> {
        use LoadErrorKind as K;
        let all = vec![
            K::Unreadable("denied".into()),
            K::NotUtf8,
            K::NoFrontMatter,
            K::UnclosedFrontMatter,
            K::Yaml("bad".into()),
            K::EmptyTitle,
            K::NothingToMatch,
            K::EmptyEntry {
                field: "a `keywords`",
            },
            K::BadPattern("bad".into()),
            K::BadLocale("xx-".into()),
            K::EmptyId,
            K::DuplicateId {
                id: "a".into(),
                other: PathBuf::from("b.md"),
            },
            K::BodyTooLong {
                length: 5000,
                limit: 4096,
            },
            K::TitleTooLong {
                length: 300,
                limit: 256,
            },
            K::LinkLoop {
                target: PathBuf::from("kb"),
            },
            K::TooManyFiles { max: 50_000 },
            K::TooManyBytes { max_mb: 256 },
            K::FileTooLarge { max: 4_194_304 },
        ];
        for k in &all {
            match k {
                K::Unreadable(_)
                | K::NotUtf8
                | K::NoFrontMatter
                | K::UnclosedFrontMatter
                | K::Yaml(_)
                | K::EmptyTitle
                | K::NothingToMatch
                | K::EmptyEntry { .. }
                | K::BadPattern(_)
                | K::BadLocale(_)
                | K::EmptyId
                | K::DuplicateId { .. }
                | K::BodyTooLong { .. }
                | K::TitleTooLong { .. }
                | K::LinkLoop { .. }
                | K::TooManyFiles { .. }
                | K::TooManyBytes { .. }
                | K::FileTooLarge { .. } => {}
            }
        }
        all
    }

    #[test]
    fn every_load_problem_has_a_message_in_both_catalogues() {
        let mut codes: Vec<&str> = every_kind().iter().map(|k| k.code().0).collect();
        codes.extend(["same-folder", "same-file"]);
        for code in codes {
            for locale in Locale::ALL {
                assert!(
                    Catalog::global().has(locale, &format!("kb-problem-{code}")),
                    "kb-problem-{code} ({locale:?})"
                );
            }
        }
    }

    #[test]
    fn a_problem_reads_in_the_admins_language_with_its_place() {
        let e = LoadError::new(
            Path::new("kb/a.md"),
            Some(3),
            LoadErrorKind::LinkLoop {
                target: PathBuf::from("kb"),
            },
        );
        let p = Problem::from(e);
        let ru = problem_line(Locale::Ru, &p);
        assert!(ru.starts_with("kb/a.md:3: ошибка: "), "{ru}");
        assert!(ru.contains("цикл"), "{ru}");
        let en = problem_line(Locale::En, &p);
        assert!(en.contains("error") && en.contains("loop"), "{en}");
        let kept = Problem::from(LoadError::new(
            Path::new("a.md"),
            None,
            LoadErrorKind::EmptyTitle,
        ))
        .keeping("article");
        assert!(problem_message(Locale::Ru, &kept).contains("последняя исправная"));
    }

    #[test]
    fn a_problem_without_a_code_is_shown_as_written() {
        let p = Problem::warning(Path::new("a.md"), None, "something odd");
        assert_eq!(problem_message(Locale::Ru, &p), "something odd");
    }
}
