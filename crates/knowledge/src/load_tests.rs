use std::fs;

use super::*;
use crate::problem::Severity;

fn write(dir: &Path, rel: &str, text: &str) {
    let path = dir.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

fn article(title: &str) -> String {
    format!("---\ntitle: {title}\nkeywords: [{title}]\n---\nBody of {title}.\n")
}

#[test]
fn every_markdown_file_at_any_depth_is_an_article_except_readme_and_underscored() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", &article("a"));
    write(dir.path(), "x/y/b.md", &article("b"));
    write(dir.path(), "README.md", "# not an article");
    write(dir.path(), "_draft.md", "not an article");
    write(dir.path(), "notes.txt", "not an article");
    let (kb, report) = load(dir.path()).unwrap();
    let ids: Vec<_> = kb.articles.iter().map(|a| a.id.to_string()).collect();
    assert_eq!(ids, ["a", "x/y/b"]);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(report.articles, 2);
}

#[test]
fn one_bad_file_is_skipped_and_reported_while_the_rest_load() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.md", &article("good"));
    write(
        dir.path(),
        "bad.md",
        "---\ntitle: Bad\nkeyowrds: [x]\n---\nbody\n",
    );
    let (kb, report) = load(dir.path()).unwrap();
    assert_eq!(kb.articles.len(), 1);
    assert_eq!(report.problems.len(), 1);
    let p = &report.problems[0];
    assert!(p.path.ends_with("bad.md"));
    assert_eq!(p.line, Some(3));
    assert_eq!(p.severity, Severity::Error);
    assert!(p.message.contains("keyowrds"), "{}", p.message);
}

#[test]
fn duplicate_ids_are_reported_naming_both_files() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", &article("a"));
    write(
        dir.path(),
        "b.md",
        "---\ntitle: B\nid: a\nkeywords: [b]\n---\nB\n",
    );
    let (kb, report) = load(dir.path()).unwrap();
    assert_eq!(kb.articles.len(), 1);
    let text = report.problems[0].to_string();
    assert!(text.contains("a.md") && text.contains("b.md"), "{text}");
}

#[test]
fn synonyms_are_loaded_from_the_root() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", &article("a"));
    write(dir.path(), "synonyms.yml", "- [login, sign in]\n");
    let (kb, report) = load(dir.path()).unwrap();
    assert_eq!(kb.synonyms.groups.len(), 1);
    assert_eq!(report.synonym_groups, 1);
}

#[test]
fn a_missing_folder_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    assert!(load(&dir.path().join("nope")).is_err());
}

#[test]
fn a_file_that_breaks_keeps_its_last_good_version() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", &article("first"));
    let mut loader = Loader::new(dir.path());
    loader.load().unwrap();
    write(dir.path(), "a.md", "---\ntitle: [broken\n---\n");
    let (kb, report) = loader.load().unwrap();
    assert_eq!(kb.articles[0].title, "first");
    assert!(report.problems[0].message.contains("last good"));
}

#[test]
fn a_deleted_file_is_gone_on_the_next_load() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", &article("a"));
    write(dir.path(), "b.md", &article("b"));
    let mut loader = Loader::new(dir.path());
    loader.load().unwrap();
    fs::remove_file(dir.path().join("b.md")).unwrap();
    let (kb, _) = loader.load().unwrap();
    assert_eq!(kb.articles.len(), 1);
}

#[test]
fn a_broken_synonyms_file_keeps_the_last_good_synonyms() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", &article("a"));
    write(dir.path(), "synonyms.yml", "- [a, b]\n");
    let mut loader = Loader::new(dir.path());
    loader.load().unwrap();
    write(dir.path(), "synonyms.yml", "- [a, b\n");
    let (kb, report) = loader.load().unwrap();
    assert_eq!(kb.synonyms.groups.len(), 1);
    assert_eq!(report.problems.len(), 1);
}
