use std::path::Path;

use super::*;

fn parse(text: &str) -> Result<Article, LoadError> {
    parse_article(
        Path::new("kb/account/reset.md"),
        Path::new("account/reset.md"),
        text,
    )
}

const GOOD: &str = "---
title: Reset your password
keywords:
  - reset password
  - забыл пароль
patterns:
  - 'pass ?word .*(reset|change)'
examples:
  - I forgot my password
tags: [account]
locale: en
---
Open **Settings**.
";

#[test]
fn every_field_is_read() {
    let a = parse(GOOD).unwrap();
    assert_eq!(a.id.as_str(), "account/reset");
    assert_eq!(a.title, "Reset your password");
    assert_eq!(a.keywords, ["reset password", "забыл пароль"]);
    assert_eq!(a.patterns, ["pass ?word .*(reset|change)"]);
    assert_eq!(a.examples, ["I forgot my password"]);
    assert_eq!(a.tags, ["account"]);
    assert_eq!(a.locale.as_deref(), Some("en"));
    assert_eq!(a.body, "Open **Settings**.");
    assert_eq!(a.lines.title, 2);
    assert_eq!(a.lines.keywords, [4, 5]);
    assert_eq!(a.lines.patterns, [7]);
    assert_eq!(a.lines.body, 13);
}

#[test]
fn the_front_matter_id_overrides_the_path() {
    let a = parse(&GOOD.replace("locale: en", "locale: en\nid: pw")).unwrap();
    assert_eq!(a.id.as_str(), "pw");
}

#[test]
fn windows_line_endings_and_a_bom_are_accepted() {
    let text = format!("\u{feff}{}", GOOD.replace('\n', "\r\n"));
    let a = parse(&text).unwrap();
    assert_eq!(a.title, "Reset your password");
    assert_eq!(a.body, "Open **Settings**.");
}

#[test]
fn an_unknown_field_is_an_error_on_its_line() {
    let e = parse(&GOOD.replace("tags:", "tagz:")).unwrap_err();
    assert_eq!(e.line, Some(10), "{e}");
    assert!(e.to_string().contains("tagz"), "{e}");
}

#[test]
fn a_yaml_syntax_error_points_at_the_file_line() {
    let e = parse("---\ntitle: A\nkeywords: [a, b\n---\nbody\n").unwrap_err();
    assert!(matches!(e.kind, LoadErrorKind::Yaml(_)), "{e}");
    assert!(e.line.is_some_and(|l| (3..=4).contains(&l)), "{e}");
}

#[test]
fn a_missing_title_is_an_error() {
    let e = parse("---\nkeywords: [a]\n---\nbody\n").unwrap_err();
    assert!(e.to_string().contains("title"), "{e}");
}

#[test]
fn an_article_needs_something_to_match_on() {
    let e = parse("---\ntitle: A\ntags: [x]\n---\nbody\n").unwrap_err();
    assert_eq!(e.kind, LoadErrorKind::NothingToMatch);
    assert_eq!(e.line, Some(2));
}

#[test]
fn a_pattern_that_does_not_compile_is_an_error_on_its_line() {
    let e = parse("---\ntitle: A\npatterns:\n  - 'a(b'\n---\nbody\n").unwrap_err();
    assert!(matches!(e.kind, LoadErrorKind::BadPattern(_)), "{e}");
    assert_eq!(e.line, Some(4));
}

#[test]
fn missing_or_unclosed_front_matter_is_an_error() {
    assert_eq!(
        parse("title: A\n").unwrap_err().kind,
        LoadErrorKind::NoFrontMatter
    );
    assert_eq!(
        parse("---\ntitle: A\n").unwrap_err().kind,
        LoadErrorKind::UnclosedFrontMatter
    );
}

#[test]
fn a_malformed_locale_is_an_error() {
    let e = parse(&GOOD.replace("locale: en", "locale: english please")).unwrap_err();
    assert!(matches!(e.kind, LoadErrorKind::BadLocale(_)), "{e}");
    assert_eq!(e.line, Some(11));
}

#[test]
fn an_empty_keyword_is_an_error() {
    let e = parse("---\ntitle: A\nkeywords:\n  - ok\n  - ''\n---\nb\n").unwrap_err();
    assert_eq!(e.line, Some(5), "{e}");
}

#[test]
fn ids_from_nested_paths_keep_their_slashes() {
    let id = id_from_path(Path::new("billing/cards/declined.md")).unwrap();
    assert_eq!(id.as_str(), "billing/cards/declined");
}

#[test]
fn a_body_too_long_for_discord_is_an_error_and_the_article_is_not_served_cut() {
    let long = format!("{GOOD}{}", "word ".repeat(1000));
    let e = parse(&long).unwrap_err();
    assert!(matches!(e.kind, LoadErrorKind::BodyTooLong { .. }), "{e}");
    assert_eq!(e.line, Some(13));
    assert!(e.to_string().contains("4096"), "{e}");
    // Just at the limit is fine.
    let fits = format!(
        "{GOOD}{}",
        "ж".repeat(4096 - "Open **Settings**.".len() - 2)
    );
    assert!(parse(&fits).is_ok());
}

#[test]
fn a_title_too_long_for_discord_is_an_error() {
    let long = GOOD.replace("Reset your password", &"T".repeat(257));
    let e = parse(&long).unwrap_err();
    assert!(matches!(e.kind, LoadErrorKind::TitleTooLong { .. }), "{e}");
    assert_eq!(e.line, Some(2));
}
