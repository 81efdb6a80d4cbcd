//! `kb check`: everything loading reports, plus what only shows once the
//! whole knowledge base is read: bodies that would not fit Discord,
//! keywords shared by several articles, keywords that can never match,
//! overlapping synonym groups, and articles their own keywords do not
//! reach.

use std::collections::{HashMap, HashSet};

use super::article::same_language;
use super::index::Index;
use super::load::KnowledgeBase;
use super::problem::Problem;
use super::text::{normalize, stem, words};

/// Keywords per article asked on their own (see `check_keywords`).
const MAX_ASKED: usize = 500;

/// Problems beyond loading, sorted by file and line.
pub fn check(kb: &KnowledgeBase, index: &Index) -> Vec<Problem> {
    let mut problems = Vec::new();
    check_bodies(kb, &mut problems);
    check_keywords(kb, index, &mut problems);
    check_synonyms(kb, &mut problems);
    problems.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
    problems
}

fn check_bodies(kb: &KnowledgeBase, problems: &mut Vec<Problem>) {
    // A body too long for Discord is a load error (the article is not
    // served); an empty one loads but says nothing.
    for a in &kb.articles {
        if a.body.trim().is_empty() {
            problems.push(Problem::error(
                &a.source,
                Some(a.lines.body),
                "the body is empty: write the answer below the closing `---`",
            ));
        }
    }
}

fn check_keywords(kb: &KnowledgeBase, index: &Index, problems: &mut Vec<Problem>) {
    let keyword_line = |a: usize, k: usize| kb.articles[a].lines.keywords.get(k).copied();
    // Articles in different languages (translations) never compete.
    let compete = |a: usize, b: usize| match (&kb.articles[a].locale, &kb.articles[b].locale) {
        (Some(x), Some(y)) => same_language(x, y),
        _ => true,
    };
    for uses in index.shared_keywords() {
        for &(a, k) in &uses {
            let others: Vec<String> = uses
                .iter()
                .filter(|(o, _)| *o != a && compete(a, *o))
                .map(|(o, _)| format!("`{}`", kb.articles[*o].id))
                .collect();
            if others.is_empty() {
                continue;
            }
            problems.push(Problem::warning(
                &kb.articles[a].source,
                keyword_line(a, k),
                format!(
                    "keyword `{}` means the same to the matcher (after stemming, synonyms and \
                     common words) as a keyword of {}: a question with it cannot tell them apart; \
                     keep it in one article or make each more specific",
                    kb.articles[a].keywords[k],
                    others.join(", ")
                ),
            ));
        }
    }
    for (a, k) in index.empty_keywords() {
        problems.push(Problem::warning(
            &kb.articles[a].source,
            keyword_line(a, k),
            format!(
                "keyword `{}` has only common words (like `the`, `how`, `и`, `как`) and never matches; \
                 add a word that names the topic",
                kb.articles[a].keywords[k]
            ),
        ));
    }
    for (a, article) in kb.articles.iter().enumerate() {
        // Each ask walks the places of the keyword's words, and in an
        // article with thousands of keywords those are its thousands of
        // keywords: asking every one would cost their square. The same
        // keyword twice is asked once, and at most `MAX_ASKED` per article.
        let mut asked: HashSet<String> = HashSet::new();
        for (k, keyword) in article.keywords.iter().enumerate() {
            if !asked.insert(normalize(keyword)) {
                continue;
            }
            if asked.len() > MAX_ASKED {
                problems.push(Problem::warning(
                    &article.source,
                    keyword_line(a, k),
                    format!(
                        "the article has {} keywords; only the first {MAX_ASKED} were asked \
                         to see which article they answer (so many are rarely all needed)",
                        article.keywords.len()
                    ),
                ));
                break;
            }
            #[cfg(test)]
            tests::ASKS.with(|n| n.set(n.get() + 1));
            let answer = index.ask(keyword, article.locale.as_deref()).answer;
            if let Some(other) = answer.filter(|o| *o != article.id) {
                problems.push(Problem::warning(
                    &article.source,
                    keyword_line(a, k),
                    format!(
                        "asking just `{keyword}` answers `{other}` instead of this article; \
                         make the keyword more specific or move it there"
                    ),
                ));
            }
        }
    }
}

fn check_synonyms(kb: &KnowledgeBase, problems: &mut Vec<Problem>) {
    let Some(path) = &kb.synonyms.source else {
        return;
    };
    let mut first_group: HashMap<Vec<String>, usize> = HashMap::new();
    for (n, group) in kb.synonyms.groups.iter().enumerate() {
        if group.entries.len() < 2 {
            problems.push(Problem::warning(
                path,
                Some(group.line),
                "this group has fewer than two entries, so it does nothing; add the other ways to say it",
            ));
        }
        for entry in &group.entries {
            let stems: Vec<String> = words(entry).iter().map(|w| stem(w)).collect();
            if stems.is_empty() {
                continue;
            }
            match first_group.get(&stems) {
                Some(&m) if m != n => problems.push(Problem::warning(
                    path,
                    Some(group.line),
                    format!(
                        "`{entry}` is also in the group on line {}; it can mean only one thing, \
                         so this group loses it: merge the groups or remove it from one",
                        kb.synonyms.groups[m].line
                    ),
                )),
                Some(_) => {}
                None => {
                    first_group.insert(stems, n);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;
    use crate::article::{Article, ArticleId, FieldLines};

    thread_local! {
        /// Questions `check` asked on this thread.
        pub static ASKS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }
    use crate::problem::Severity;
    use crate::synonyms::{SynonymGroup, Synonyms};

    fn article(id: &str, keywords: &[&str], body: &str, locale: Option<&str>) -> Article {
        Article {
            id: ArticleId::new(id).unwrap(),
            title: id.into(),
            body: body.into(),
            keywords: keywords.iter().map(|k| k.to_string()).collect(),
            patterns: vec![],
            examples: vec![],
            tags: vec![],
            locale: locale.map(str::to_owned),
            source: PathBuf::from(format!("{id}.md")),
            lines: FieldLines {
                keywords: (4..4 + keywords.len() as u32).collect(),
                body: 9,
                ..FieldLines::default()
            },
        }
    }

    fn problems(articles: Vec<Article>, groups: &[&[&str]]) -> Vec<Problem> {
        let kb = KnowledgeBase {
            articles,
            synonyms: Synonyms {
                groups: groups
                    .iter()
                    .enumerate()
                    .map(|(n, g)| SynonymGroup {
                        entries: g.iter().map(|e| e.to_string()).collect(),
                        line: n as u32 + 1,
                    })
                    .collect(),
                source: Some(PathBuf::from("synonyms.yml")),
            },
        };
        let index = Index::build(kb.clone());
        check(&kb, &index)
    }

    fn has(problems: &[Problem], file: &str, line: u32, severity: Severity, text: &str) -> bool {
        problems.iter().any(|p| {
            p.path == Path::new(file)
                && p.line == Some(line)
                && p.severity == severity
                && p.message.contains(text)
        })
    }

    #[test]
    fn an_empty_body_is_an_error() {
        let p = problems(vec![article("empty", &["nothing here"], "", None)], &[]);
        assert!(has(&p, "empty.md", 9, Severity::Error, "empty"), "{p:?}");
    }

    #[test]
    fn a_keyword_shared_by_two_articles_is_a_warning_on_both() {
        let p = problems(
            vec![
                article("a", &["reset password"], "A.", None),
                article("b", &["resetting passwords"], "B.", None),
            ],
            &[],
        );
        assert!(has(&p, "a.md", 4, Severity::Warning, "`b`"), "{p:?}");
        assert!(has(&p, "b.md", 4, Severity::Warning, "`a`"), "{p:?}");
    }

    #[test]
    fn translations_may_share_keywords() {
        let p = problems(
            vec![
                article("en", &["/close"], "Close.", Some("en")),
                article("ru", &["/close"], "Закрыть.", Some("ru")),
            ],
            &[],
        );
        assert!(p.is_empty(), "{p:?}");
    }

    #[test]
    fn a_keyword_of_only_common_words_is_a_warning() {
        let p = problems(vec![article("a", &["how do I", "refund"], "A.", None)], &[]);
        assert!(
            has(&p, "a.md", 4, Severity::Warning, "never matches"),
            "{p:?}"
        );
    }

    #[test]
    fn overlapping_and_single_entry_synonym_groups_are_warnings() {
        let p = problems(
            vec![article("a", &["refund"], "A.", None)],
            &[
                &["refund", "money back"],
                &["refunds", "return"],
                &["lonely"],
            ],
        );
        assert!(
            has(&p, "synonyms.yml", 2, Severity::Warning, "line 1"),
            "{p:?}"
        );
        assert!(
            has(&p, "synonyms.yml", 3, Severity::Warning, "fewer than two"),
            "{p:?}"
        );
    }

    #[test]
    fn thousands_of_keywords_are_checked_in_bounded_work() {
        let keywords: Vec<String> = (0..20_000).map(|n| format!("printer jam {n}")).collect();
        let refs: Vec<&str> = keywords.iter().map(String::as_str).collect();
        ASKS.with(|n| n.set(0));
        let p = problems(vec![article("many", &refs, "A.", None)], &[]);
        assert!(
            ASKS.with(|n| n.get()) <= MAX_ASKED,
            "{}",
            ASKS.with(|n| n.get())
        );
        assert!(
            has(
                &p,
                "many.md",
                4 + MAX_ASKED as u32,
                Severity::Warning,
                "20000 keywords"
            ),
            "{p:?}"
        );
    }

    #[test]
    fn a_keyword_written_twice_is_asked_once() {
        ASKS.with(|n| n.set(0));
        problems(
            vec![article(
                "a",
                &["Reset password", "reset  password!", "x"],
                "A.",
                None,
            )],
            &[],
        );
        assert_eq!(ASKS.with(|n| n.get()), 2);
    }
}
