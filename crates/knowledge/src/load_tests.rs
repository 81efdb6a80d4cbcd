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

#[cfg(unix)]
mod links {
    use std::os::unix::fs::symlink;

    use super::*;

    fn ids(kb: &KnowledgeBase) -> Vec<String> {
        kb.articles.iter().map(|a| a.id.to_string()).collect()
    }

    #[test]
    fn a_link_back_to_the_folder_is_an_error_naming_the_link_and_loads_nothing_twice() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "a.md", &article("a"));
        write(dir.path(), "sub/b.md", &article("b"));
        symlink(".", dir.path().join("loop")).unwrap();
        symlink("..", dir.path().join("sub/up")).unwrap();
        let (kb, report) = load(dir.path()).unwrap();
        assert_eq!(ids(&kb), ["a", "sub/b"]);
        let loops: Vec<_> = report
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .collect();
        assert_eq!(loops.len(), 2, "{:?}", report.problems);
        assert!(loops.iter().any(|p| p.path.ends_with("loop")));
        assert!(loops.iter().any(|p| p.path.ends_with("sub/up")));
        assert!(loops[0].message.contains("loop"), "{}", loops[0].message);
        assert!(report.has_errors());
    }

    #[test]
    fn two_links_to_one_folder_read_it_once() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "shared/a.md", &article("a"));
        symlink("shared", dir.path().join("x")).unwrap();
        symlink("shared", dir.path().join("y")).unwrap();
        symlink("shared/a.md", dir.path().join("z.md")).unwrap();
        let (kb, report) = load(dir.path()).unwrap();
        assert_eq!(ids(&kb), ["shared/a"]);
        assert_eq!(report.problems.len(), 3, "{:?}", report.problems);
        assert!(!report.has_errors());
    }

    #[test]
    fn a_linked_folder_elsewhere_is_read() {
        let outside = tempfile::tempdir().unwrap();
        write(outside.path(), "c.md", &article("c"));
        let dir = tempfile::tempdir().unwrap();
        symlink(outside.path(), dir.path().join("common")).unwrap();
        let (kb, report) = load(dir.path()).unwrap();
        assert_eq!(ids(&kb), ["common/c"]);
        assert!(report.problems.is_empty(), "{:?}", report.problems);
    }

    #[test]
    fn many_links_to_ancestors_cost_one_read_of_each_file() {
        // Two loops at every level made 2^17 copies when links were
        // followed by depth alone.
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "a.md", &article("a"));
        symlink(".", dir.path().join("l1")).unwrap();
        symlink(".", dir.path().join("l2")).unwrap();
        let (kb, report) = load(dir.path()).unwrap();
        assert_eq!(ids(&kb), ["a"]);
        assert_eq!(report.problems.len(), 2);
    }
}

#[test]
fn a_load_stops_at_its_limits_on_files_and_bytes_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    for n in 0..5 {
        write(dir.path(), &format!("a{n}.md"), &article(&format!("a{n}")));
    }
    let limits = |files, bytes| Limits {
        files,
        bytes,
        file_bytes: 1024,
    };
    let (kb, report) = Loader::new(dir.path())
        .with_limits(limits(3, 1 << 20))
        .load()
        .unwrap();
    assert_eq!(kb.articles.len(), 3);
    assert!(
        report.problems[0].message.contains("more than 3"),
        "{report:?}"
    );
    let size = article("a0").len() as u64;
    let (kb, report) = Loader::new(dir.path())
        .with_limits(limits(100, 2 * size))
        .load()
        .unwrap();
    assert_eq!(kb.articles.len(), 2);
    assert!(report.has_errors());
}

#[test]
fn a_file_over_the_size_of_an_article_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", &article("a"));
    write(dir.path(), "big.md", &"x".repeat(2000));
    let (kb, report) = Loader::new(dir.path())
        .with_limits(Limits {
            file_bytes: 1000,
            ..Limits::DEFAULT
        })
        .load()
        .unwrap();
    assert_eq!(kb.articles.len(), 1);
    assert!(report.problems[0].path.ends_with("big.md"));
    assert!(report.problems[0].message.contains("1000 bytes"));
}
