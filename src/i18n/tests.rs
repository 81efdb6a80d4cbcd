use super::*;

/// Every message id of `locale` with the names of its variables, for
/// the consistency tests.
fn inventory(locale: Locale) -> Vec<(String, Vec<String>)> {
    let source = SOURCES
        .iter()
        .find(|(l, _)| *l == locale)
        .map(|(_, s)| *s)
        .unwrap_or("");
    let resource = match FluentResource::try_new(source.to_owned()) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    let mut out = Vec::new();
    for entry in resource.entries() {
        if let fluent_syntax::ast::Entry::Message(message) = entry {
            let mut vars = Vec::new();
            if let Some(value) = &message.value {
                collect_variables(value, &mut vars);
            }
            for attribute in &message.attributes {
                collect_variables(&attribute.value, &mut vars);
            }
            vars.sort();
            vars.dedup();
            out.push((message.id.name.to_owned(), vars));
        }
    }
    out
}

fn collect_variables(pattern: &fluent_syntax::ast::Pattern<&str>, out: &mut Vec<String>) {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
    fn inline(e: &InlineExpression<&str>, out: &mut Vec<String>) {
        match e {
            InlineExpression::VariableReference { id } => out.push(id.name.to_owned()),
            InlineExpression::Placeable { expression } => expression_vars(expression, out),
            InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    inline(a, out);
                }
            }
            _ => {}
        }
    }
    fn expression_vars(e: &Expression<&str>, out: &mut Vec<String>) {
        match e {
            Expression::Inline(i) => inline(i, out),
            Expression::Select { selector, variants } => {
                inline(selector, out);
                for v in variants {
                    collect_variables(&v.value, out);
                }
            }
        }
    }
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_vars(expression, out);
        }
    }
}

#[test]
fn russian_plurals_take_their_three_forms() {
    assert_eq!(tr!(Locale::Ru, "test-plural", count = 1), "1 тикет");
    assert_eq!(tr!(Locale::Ru, "test-plural", count = 3), "3 тикета");
    assert_eq!(tr!(Locale::Ru, "test-plural", count = 5), "5 тикетов");
    assert_eq!(tr!(Locale::Ru, "test-plural", count = 21), "21 тикет");
    assert_eq!(tr!(Locale::En, "test-plural", count = 1), "1 ticket");
    assert_eq!(tr!(Locale::En, "test-plural", count = 2), "2 tickets");
}

#[test]
fn a_missing_key_falls_back_to_the_key_instead_of_failing() {
    assert_eq!(
        Catalog::global().text(Locale::Ru, "no-such-key", &[]),
        "no-such-key"
    );
}

#[test]
fn discord_locale_tags_map_to_our_languages() {
    assert_eq!(Locale::from_tag("ru"), Some(Locale::Ru));
    assert_eq!(Locale::from_tag("en-GB"), Some(Locale::En));
    assert_eq!(Locale::from_tag("pt-BR"), None);
    assert_eq!(Locale::from_discord(Some("de"), Locale::Ru), Locale::Ru);
}

#[test]
fn both_catalogues_have_the_same_keys_with_the_same_variables() {
    let en = inventory(Locale::En);
    let ru = inventory(Locale::Ru);
    assert!(!en.is_empty());
    let en_keys: Vec<_> = en.iter().map(|(k, _)| k.as_str()).collect();
    let ru_keys: Vec<_> = ru.iter().map(|(k, _)| k.as_str()).collect();
    let only_en: Vec<_> = en_keys.iter().filter(|k| !ru_keys.contains(k)).collect();
    let only_ru: Vec<_> = ru_keys.iter().filter(|k| !en_keys.contains(k)).collect();
    assert!(
        only_en.is_empty() && only_ru.is_empty(),
        "only in en: {only_en:?}; only in ru: {only_ru:?}"
    );
    for (key, vars) in &en {
        let ru_vars = &ru.iter().find(|(k, _)| k == key).expect("checked above").1;
        assert_eq!(vars, ru_vars, "variables of {key} differ between en and ru");
    }
}

/// Every key given to the `tr!` macro in the source exists in both catalogues,
/// so a typo in a key is a failing test, not an English fallback in prod.
#[test]
fn every_key_used_in_the_code_exists_in_both_catalogues() {
    // `\b`: `include_str!(` is no `tr!(`.
    let pattern = regex::Regex::new(r#"\btr!\(\s*[^,]+,\s*"([^"]+)""#).expect("valid regex");
    let mut missing = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src"
    ))];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src is readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let source = std::fs::read_to_string(&path).expect("source is readable");
                for capture in pattern.captures_iter(&source) {
                    let key = &capture[1];
                    for locale in Locale::ALL {
                        if !Catalog::global().has(locale, key) && key != "no-such-key" {
                            missing.push(format!("{}: {key} ({locale})", path.display()));
                        }
                    }
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "keys missing from a catalogue:\n{}",
        missing.join("\n")
    );
}

/// Variables that hold text (names, links, levels, formatted durations and
/// percentages), never a count. Every other variable counts something.
const TEXT_VARIABLES: &[&str] = &[
    "action",
    "allowed",
    "article",
    "assignee",
    "average",
    "by",
    "channel",
    "confidence",
    "cooldown",
    "cues",
    "current",
    "error",
    "field",
    "first",
    "from",
    "guild",
    "id",
    "input",
    "kind",
    "level",
    "levels",
    "links",
    "locale",
    "lower",
    "median",
    "message",
    "missing",
    "name",
    "number",
    "option",
    "other",
    "p90",
    "percent",
    "query",
    "question",
    "rate",
    "requested",
    "role",
    "since",
    "severity",
    "sla",
    "stars",
    "subject",
    "target",
    "text",
    "thread",
    "threshold",
    "title",
    "titles",
    "to",
    "until",
    "user",
    "what",
    "who",
    "zone",
    "when",
    "where",
    // Intake and close requests (issue 14.1, 14.5).
    "topic",
    "label",
    "after",
];

/// Abbreviated units ("5 min", "5 ч") read the same for every number.
const UNIT_MESSAGES: &[&str] = &[
    "unit-minutes",
    "unit-hours",
    "unit-days",
    "duration-seconds",
    "duration-minutes",
    "duration-hours",
    "duration-hours-minutes",
    "duration-days",
    "duration-days-hours",
];

/// The plural categories a selector on a count must offer.
fn plural_categories(locale: Locale) -> &'static [&'static str] {
    match locale {
        Locale::En => &["one", "other"],
        Locale::Ru => &["one", "few", "many"],
    }
}

/// Walks one pattern: a count shown bare must not be followed by a word
/// (the word would need the count's plural form), and a selector on a
/// count must offer every plural category of the language.
fn check_counts(
    key: &str,
    locale: Locale,
    pattern: &fluent_syntax::ast::Pattern<&str>,
    selected: &[String],
    problems: &mut Vec<String>,
) {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement, VariantKey};
    let elements = &pattern.elements;
    for (i, element) in elements.iter().enumerate() {
        let PatternElement::Placeable { expression } = element else {
            continue;
        };
        match expression {
            Expression::Inline(InlineExpression::VariableReference { id }) => {
                let name = id.name;
                let counts = !TEXT_VARIABLES.contains(&name);
                if !counts || selected.iter().any(|s| s == name) {
                    continue;
                }
                let next = match elements.get(i + 1) {
                    Some(PatternElement::TextElement { value }) => *value,
                    _ => "",
                };
                if next.trim_start().starts_with(char::is_alphabetic) {
                    problems.push(format!(
                        "{}.ftl {key}: the count ${name} is followed by “{}” without plural forms",
                        locale.code(),
                        next.trim()
                    ));
                }
            }
            Expression::Select { selector, variants } => {
                let mut inner = selected.to_vec();
                if let InlineExpression::VariableReference { id } = selector {
                    if !TEXT_VARIABLES.contains(&id.name) {
                        let keys: Vec<&str> = variants
                            .iter()
                            .filter_map(|v| match &v.key {
                                VariantKey::Identifier { name } => Some(*name),
                                VariantKey::NumberLiteral { .. } => None,
                            })
                            .collect();
                        for wanted in plural_categories(locale) {
                            if !keys.contains(wanted) {
                                problems.push(format!(
                                    "{}.ftl {key}: ${} has no [{wanted}] form",
                                    locale.code(),
                                    id.name
                                ));
                            }
                        }
                    }
                    inner.push(id.name.to_owned());
                }
                for v in variants {
                    check_counts(key, locale, &v.value, &inner, problems);
                }
            }
            Expression::Inline(_) => {}
        }
    }
}

/// "1 open tickets", "1 открытых тикетов", "42 articles, 1 problems": a
/// number followed by a noun must choose the noun's form by the number.
#[test]
fn every_count_followed_by_a_word_has_plural_forms_in_both_catalogues() {
    let mut problems = Vec::new();
    for (locale, source) in SOURCES {
        let resource = FluentResource::try_new(source.to_owned()).expect("the catalogue parses");
        for entry in resource.entries() {
            let fluent_syntax::ast::Entry::Message(message) = entry else {
                continue;
            };
            let key = message.id.name;
            if UNIT_MESSAGES.contains(&key) {
                continue;
            }
            let patterns = message
                .value
                .iter()
                .chain(message.attributes.iter().map(|a| &a.value));
            for pattern in patterns {
                check_counts(key, locale, pattern, &[], &mut problems);
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_count_chooses_its_form_in_both_languages() {
    assert_eq!(
        tr!(Locale::Ru, "open-limit", count = 1, links = "#1"),
        "У вас уже 1 открытый тикет. Продолжите, пожалуйста, там: #1"
    );
    assert_eq!(
        tr!(Locale::Ru, "open-limit", count = 3, links = "#1"),
        "У вас уже 3 открытых тикета. Продолжите, пожалуйста, там: #1"
    );
    assert_eq!(
        tr!(Locale::En, "open-limit", count = 1, links = "#1"),
        "You already have an open ticket. Please continue there: #1"
    );
    assert_eq!(
        tr!(Locale::En, "kb-reloaded", articles = 42, problems = 1),
        "Knowledge base reloaded: 42 articles, 1 problem."
    );
    assert_eq!(
        tr!(Locale::Ru, "kb-reloaded", articles = 42, problems = 0),
        "База знаний перезагружена: 42 статьи, проблем нет."
    );
}
