//! Loading a knowledge folder: every `*.md` below it (except `README.md`
//! and `_*.md`) is an article, `synonyms.yml` at the root holds synonyms.
//! One bad file is skipped and reported; the rest load.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::article::Article;
use super::parse::parse_article;
use super::problem::{LoadError, LoadErrorKind, Problem};
use super::synonyms::{self, Synonyms};
pub use super::walk::Limits;
use super::walk::{article_files, Walk};

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
    limits: Limits,
    last_good: HashMap<PathBuf, Article>,
    last_synonyms: Option<Synonyms>,
}

impl Loader {
    pub fn new(root: &Path) -> Self {
        Loader {
            root: root.to_owned(),
            limits: Limits::DEFAULT,
            last_good: HashMap::new(),
            last_synonyms: None,
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Other bounds on what a load may read than [`Limits::DEFAULT`].
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    pub fn load(&mut self) -> Result<(KnowledgeBase, LoadReport), LoadError> {
        let Walk {
            files,
            mut problems,
        } = article_files(&self.root, self.limits)?;
        let mut articles = Vec::with_capacity(files.len());
        let mut good = HashMap::with_capacity(files.len());
        for (path, relative) in files {
            match read_article(&path, &relative, self.limits.file_bytes) {
                Ok(article) => {
                    good.insert(path, article.clone());
                    articles.push(article);
                }
                Err(e) => {
                    let kept = self.last_good.remove(&path);
                    let mut problem = Problem::from(e);
                    if let Some(article) = kept {
                        problem = problem.keeping("article");
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
                    problem = problem.keeping("synonyms");
                }
                problems.push(problem);
                kept
            }
        }
    }
}

fn read_article(path: &Path, relative: &Path, max: u64) -> Result<Article, LoadError> {
    use std::io::Read;
    let unreadable =
        |e: std::io::Error| LoadError::new(path, None, LoadErrorKind::Unreadable(e.to_string()));
    // At most one byte over the limit: a file that grew since the walk
    // looked at it is still not read whole.
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(max + 1).read_to_end(&mut bytes))
        .map_err(unreadable)?;
    if bytes.len() as u64 > max {
        let kind = LoadErrorKind::FileTooLarge { max };
        return Err(LoadError::new(path, None, kind));
    }
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

#[cfg(test)]
#[path = "load_tests.rs"]
mod tests;
