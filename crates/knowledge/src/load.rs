//! Loading a knowledge folder: every `*.md` below it (except `README.md`
//! and `_*.md`) is an article, `synonyms.yml` at the root holds synonyms.
//! One bad file is skipped and reported; the rest load.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::article::Article;
use super::parse::parse_article;
use super::problem::{LoadError, LoadErrorKind, Problem};
use super::synonyms::{self, Synonyms};

/// A loaded knowledge base: what an [`Index`](super::Index) is built from.
#[derive(Debug, Clone, Default)]
pub struct KnowledgeBase {
    pub articles: Vec<Article>,
    pub synonyms: Synonyms,
}

/// What a load found: counts for a summary line, and every problem with
/// its file and line.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LoadReport {
    pub articles: usize,
    pub synonym_groups: usize,
    pub problems: Vec<Problem>,
}

impl LoadReport {
    pub fn has_errors(&self) -> bool {
        self.problems
            .iter()
            .any(|p| p.severity == super::problem::Severity::Error)
    }
}

/// Loads `root` once. Fails only when the folder itself cannot be read.
pub fn load(root: &Path) -> Result<(KnowledgeBase, LoadReport), LoadError> {
    Loader::new(root).load()
}

/// Loads a folder again and again, remembering the last good version of
/// each file: a file that breaks is reported and its last good version is
/// kept, so a typo in one edit never takes an article offline.
#[derive(Debug)]
pub struct Loader {
    root: PathBuf,
    last_good: HashMap<PathBuf, Article>,
    last_synonyms: Option<Synonyms>,
}

impl Loader {
    pub fn new(root: &Path) -> Self {
        Loader {
            root: root.to_owned(),
            last_good: HashMap::new(),
            last_synonyms: None,
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn load(&mut self) -> Result<(KnowledgeBase, LoadReport), LoadError> {
        let files = article_files(&self.root)?;
        let mut problems = Vec::new();
        let mut articles = Vec::with_capacity(files.len());
        let mut good = HashMap::with_capacity(files.len());
        for (path, relative) in files {
            match read_article(&path, &relative) {
                Ok(article) => {
                    good.insert(path, article.clone());
                    articles.push(article);
                }
                Err(e) => {
                    let kept = self.last_good.remove(&path);
                    let mut problem = Problem::from(e);
                    if let Some(article) = kept {
                        problem
                            .message
                            .push_str(" (still serving the last good version)");
                        good.insert(path, article.clone());
                        articles.push(article);
                    }
                    problems.push(problem);
                }
            }
        }
        self.last_good = good;
        let articles = drop_duplicate_ids(articles, &mut problems);
        let synonyms = self.load_synonyms(&mut problems);
        let report = LoadReport {
            articles: articles.len(),
            synonym_groups: synonyms.groups.len(),
            problems,
        };
        Ok((KnowledgeBase { articles, synonyms }, report))
    }

    fn load_synonyms(&mut self, problems: &mut Vec<Problem>) -> Synonyms {
        let path = self.root.join(synonyms::FILE_NAME);
        let parsed = match std::fs::read(&path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Synonyms::default()),
            Err(e) => Err(LoadError::new(
                &path,
                None,
                LoadErrorKind::Unreadable(e.to_string()),
            )),
            Ok(bytes) => String::from_utf8(bytes)
                .map_err(|_| LoadError::new(&path, None, LoadErrorKind::NotUtf8))
                .and_then(|text| Synonyms::parse(&path, &text)),
        };
        match parsed {
            Ok(s) => {
                self.last_synonyms = Some(s.clone());
                s
            }
            Err(e) => {
                let mut problem = Problem::from(e);
                let kept = self.last_synonyms.clone().unwrap_or_default();
                if self.last_synonyms.is_some() {
                    problem
                        .message
                        .push_str(" (still using the last good synonyms)");
                }
                problems.push(problem);
                kept
            }
        }
    }
}

fn read_article(path: &Path, relative: &Path) -> Result<Article, LoadError> {
    let bytes = std::fs::read(path)
        .map_err(|e| LoadError::new(path, None, LoadErrorKind::Unreadable(e.to_string())))?;
    let text =
        String::from_utf8(bytes).map_err(|_| LoadError::new(path, None, LoadErrorKind::NotUtf8))?;
    parse_article(path, relative, &text)
}

/// Keeps the first article of each id (in path order) and reports the rest,
/// naming both files.
fn drop_duplicate_ids(articles: Vec<Article>, problems: &mut Vec<Problem>) -> Vec<Article> {
    let mut seen: HashMap<String, PathBuf> = HashMap::new();
    let mut kept = Vec::with_capacity(articles.len());
    for article in articles {
        if let Some(first) = seen.get(article.id.as_str()) {
            let kind = LoadErrorKind::DuplicateId {
                id: article.id.to_string(),
                other: first.clone(),
            };
            problems.push(LoadError::new(&article.source, None, kind).into());
            continue;
        }
        seen.insert(article.id.to_string(), article.source.clone());
        kept.push(article);
    }
    kept
}

/// Whether a file name is an article: `*.md`, not `README.md`, not `_*`.
pub fn is_article_file(name: &str) -> bool {
    name.ends_with(".md") && name != "README.md" && !name.starts_with('_') && !name.starts_with('.')
}

/// All article files below `root`, sorted, with their paths relative to it.
fn article_files(root: &Path) -> Result<Vec<(PathBuf, PathBuf)>, LoadError> {
    let mut out = Vec::new();
    let unreadable = |path: &Path, e: std::io::Error| {
        LoadError::new(path, None, LoadErrorKind::Unreadable(e.to_string()))
    };
    let mut stack = vec![(root.to_owned(), 0usize)];
    while let Some((dir, depth)) = stack.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if dir == root => return Err(unreadable(root, e)),
            Err(e) => {
                tracing::warn!(dir = %dir.display(), error = %e, "skipping an unreadable folder");
                continue;
            }
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let path = entry.path();
            // Follows symlinks; the depth limit stops a link loop.
            let Ok(meta) = std::fs::metadata(&path) else {
                continue;
            };
            if meta.is_dir() && depth < 16 {
                stack.push((path, depth + 1));
            } else if meta.is_file() && is_article_file(&name) {
                let relative = path.strip_prefix(root).unwrap_or(&path).to_owned();
                out.push((path, relative));
            }
        }
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
#[path = "load_tests.rs"]
mod tests;
