//! One Markdown file → one [`Article`]: front matter (YAML between two
//! `---` lines) and a Markdown body, per `knowledge-format.md`.

use std::path::Path;

use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::syntax;
use serde::Deserialize;
use serde_saphyr::Spanned;

use super::article::{Article, ArticleId, FieldLines};
use super::problem::{LoadError, LoadErrorKind};
use super::render::{render_for_discord, EMBED_DESCRIPTION_LIMIT, EMBED_TITLE_LIMIT};
use super::yaml;

/// The front matter as written. Unknown fields are refused so that a typo
/// (`keyowrds`) is an error, not a silently ignored field.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: Spanned<String>,
    keywords: Option<Vec<Spanned<String>>>,
    patterns: Option<Vec<Spanned<String>>>,
    examples: Option<Vec<Spanned<String>>>,
    tags: Option<Vec<String>>,
    locale: Option<Spanned<String>>,
    id: Option<Spanned<String>>,
}

/// Largest compiled size of one pattern: enough for any sensible
/// expression, small enough that a runaway one cannot eat the memory.
const PATTERN_SIZE_LIMIT: usize = 256 * 1024;

/// Compiles a pattern the way the matcher runs it: case-insensitive, on the
/// normalised question, for matching only (no capture groups). The error
/// says what is wrong and where.
pub fn compile_pattern(pattern: &str) -> Result<thompson::NFA, String> {
    thompson::NFA::compiler()
        .syntax(syntax::Config::new().case_insensitive(true))
        .configure(
            thompson::Config::new()
                .which_captures(WhichCaptures::None)
                .nfa_size_limit(Some(PATTERN_SIZE_LIMIT)),
        )
        .build(pattern)
        .map_err(|e| {
            // A syntax error underneath points at the mistake; the build
            // error itself only says that parsing failed.
            std::error::Error::source(&e).map_or_else(|| e.to_string(), ToString::to_string)
        })
}

/// The id an article gets from its place in the knowledge folder.
pub fn id_from_path(relative: &Path) -> Option<ArticleId> {
    let without_ext = relative.with_extension("");
    let parts: Vec<String> = without_ext
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    ArticleId::new(parts.join("/"))
}

/// Parses the text of `path` (found at `relative` below the knowledge root).
pub fn parse_article(path: &Path, relative: &Path, text: &str) -> Result<Article, LoadError> {
    let err = |line: Option<u32>, kind| LoadError::new(path, line, kind);
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (yaml_text, body, body_line) = split_front_matter(text).map_err(|k| err(Some(1), k))?;
    // The YAML starts on the file's second line.
    let offset = 1;
    let fm: FrontMatter = yaml::from_str(yaml_text, offset)
        .map_err(|(line, message)| err(line, LoadErrorKind::Yaml(message)))?;
    let line_of = |s: &Spanned<String>| yaml::line(&s.referenced, offset);

    let title_line = line_of(&fm.title);
    let title = fm.title.value.trim().to_owned();
    if title.is_empty() {
        return Err(err(Some(title_line), LoadErrorKind::EmptyTitle));
    }
    // Discord refuses a longer embed title or description; cutting it
    // would serve half an answer, so the article is not loaded.
    let title_length = title.chars().count();
    if title_length > EMBED_TITLE_LIMIT {
        let kind = LoadErrorKind::TitleTooLong {
            length: title_length,
            limit: EMBED_TITLE_LIMIT,
        };
        return Err(err(Some(title_line), kind));
    }
    let body = body.trim();
    let length = render_for_discord(body).chars().count();
    if length > EMBED_DESCRIPTION_LIMIT {
        let kind = LoadErrorKind::BodyTooLong {
            length,
            limit: EMBED_DESCRIPTION_LIMIT,
        };
        return Err(err(Some(body_line), kind));
    }
    let mut lines = FieldLines {
        title: title_line,
        body: body_line,
        ..FieldLines::default()
    };
    let entries = |field: &'static str, list: Option<Vec<Spanned<String>>>, out: &mut Vec<u32>| {
        let mut values = Vec::new();
        for item in list.unwrap_or_default() {
            let line = line_of(&item);
            if item.value.trim().is_empty() {
                return Err(err(Some(line), LoadErrorKind::EmptyEntry { field }));
            }
            values.push(item.value.trim().to_owned());
            out.push(line);
        }
        Ok(values)
    };
    let keywords = entries("a `keywords`", fm.keywords, &mut lines.keywords)?;
    let patterns = entries("a `patterns`", fm.patterns, &mut lines.patterns)?;
    let examples = entries("an `examples`", fm.examples, &mut lines.examples)?;
    for (pattern, line) in patterns.iter().zip(&lines.patterns) {
        compile_pattern(pattern)
            .map_err(|e| err(Some(*line), LoadErrorKind::BadPattern(first_line(&e))))?;
    }
    if keywords.is_empty() && patterns.is_empty() && examples.is_empty() {
        return Err(err(Some(title_line), LoadErrorKind::NothingToMatch));
    }
    let locale = match fm.locale {
        None => None,
        Some(l) if is_language_tag(l.value.trim()) => Some(l.value.trim().to_ascii_lowercase()),
        Some(l) => {
            return Err(err(Some(line_of(&l)), LoadErrorKind::BadLocale(l.value)));
        }
    };
    let id = match fm.id {
        Some(id) => ArticleId::new(id.value.as_str())
            .ok_or_else(|| err(Some(line_of(&id)), LoadErrorKind::EmptyId))?,
        None => id_from_path(relative).ok_or_else(|| err(None, LoadErrorKind::EmptyId))?,
    };
    Ok(Article {
        id,
        title,
        body: body.to_owned(),
        keywords,
        patterns,
        examples,
        tags: fm.tags.unwrap_or_default(),
        locale,
        source: path.to_owned(),
        lines,
    })
}

/// Splits `---\n<yaml>\n---\n<body>`; returns the YAML, the body and the
/// body's first line number.
fn split_front_matter(text: &str) -> Result<(&str, &str, u32), LoadErrorKind> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or_default();
    if first.trim_end() != "---" {
        return Err(LoadErrorKind::NoFrontMatter);
    }
    let yaml_start = first.len();
    let mut pos = yaml_start;
    for (n, line) in lines.enumerate() {
        if line.trim_end() == "---" {
            let body_start = pos + line.len();
            // Line numbers: `---` is line 1, YAML lines follow, this closing
            // line is n + 2, the body starts on the next one.
            let body_line = u32::try_from(n + 3).unwrap_or(u32::MAX);
            return Ok((&text[yaml_start..pos], &text[body_start..], body_line));
        }
        pos += line.len();
    }
    Err(LoadErrorKind::UnclosedFrontMatter)
}

/// `en`, `ru`, `pt-BR`, `zh_Hant`: letters, 2–3 of them first.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split(['-', '_']);
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && parts
            .all(|p| !p.is_empty() && p.len() <= 8 && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

fn first_line(s: &str) -> String {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
