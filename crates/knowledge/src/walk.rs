//! Finding the article files of a knowledge folder. Symbolic links are
//! followed (a folder may link articles kept elsewhere), but no folder or
//! file is read twice: each is known by its device and inode. A link back
//! to a folder that contains it (a loop) is an error naming the link; a
//! second link to a folder or file already read is a warning. Links are
//! followed only once every real folder has been read, so that a file is
//! known by its real path, whatever links point at it. The walk stops at a
//! number of files and of bytes, so that no folder, however linked, makes
//! a load unbounded.

use std::collections::{HashMap, VecDeque};
use std::fs::DirEntry;
use std::fs::Metadata;
use std::path::{Path, PathBuf};

use super::load::is_article_file;
use super::problem::{LoadError, LoadErrorKind, Problem, ProblemArg};

/// How much one load may read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Article files.
    pub files: usize,
    /// Bytes of all article files together.
    pub bytes: u64,
    /// Bytes of one article file.
    pub file_bytes: u64,
}

impl Limits {
    pub const DEFAULT: Limits = Limits {
        files: 50_000,
        bytes: 256 * 1024 * 1024,
        file_bytes: 4 * 1024 * 1024,
    };
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}

/// Folders deeper than this below the root are not read.
const MAX_DEPTH: usize = 16;

/// The article files found (path, path relative to the root), sorted, and
/// what the walk had to skip.
#[derive(Debug, Default)]
pub struct Walk {
    pub files: Vec<(PathBuf, PathBuf)>,
    pub problems: Vec<Problem>,
}

/// A file's identity: device and inode.
type FileId = (u64, u64);

#[cfg(unix)]
fn file_id(meta: &Metadata) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

/// Without inodes, linked folders are not followed at all (below).
#[cfg(not(unix))]
fn file_id(_meta: &Metadata) -> Option<FileId> {
    None
}

/// A folder to read, with the identities of the folders that contain it.
struct Pending {
    dir: PathBuf,
    depth: usize,
    ancestors: Vec<(FileId, PathBuf)>,
}

/// All article files below `root`. Fails only when `root` cannot be read.
pub fn article_files(root: &Path, limits: Limits) -> Result<Walk, LoadError> {
    let unreadable =
        |e: std::io::Error| LoadError::new(root, None, LoadErrorKind::Unreadable(e.to_string()));
    let root_meta = std::fs::metadata(root).map_err(unreadable)?;
    let mut walk = Walk::default();
    let mut folders: HashMap<FileId, PathBuf> = HashMap::new();
    let mut files: HashMap<FileId, PathBuf> = HashMap::new();
    let mut bytes = 0u64;
    let root_id = file_id(&root_meta);
    if let Some(id) = root_id {
        folders.insert(id, root.to_owned());
    }
    let mut stack = vec![Pending {
        dir: root.to_owned(),
        depth: 0,
        ancestors: root_id
            .map(|id| (id, root.to_owned()))
            .into_iter()
            .collect(),
    }];
    // Links met so far, with the folder they are in, followed in the
    // order they were met once the real folders are done.
    let mut links: VecDeque<(DirEntry, Pending)> = VecDeque::new();
    'walk: loop {
        let (here, entries, followed) = if let Some(here) = stack.pop() {
            let entries = match std::fs::read_dir(&here.dir) {
                Ok(entries) => entries,
                Err(e) if here.depth == 0 => return Err(unreadable(e)),
                Err(e) => {
                    tracing::warn!(dir = %here.dir.display(), error = %e, "skipping an unreadable folder");
                    continue;
                }
            };
            // In name order, so that which of two links to one folder
            // counts as the first does not depend on the file system.
            let mut entries: Vec<DirEntry> = entries.flatten().collect();
            entries.sort_by_key(|e| e.file_name());
            (here, entries, false)
        } else if let Some((link, folder)) = links.pop_front() {
            // One link, as if it were the only entry of its folder.
            (folder, vec![link], true)
        } else {
            break;
        };
        let mut subfolders = Vec::new();
        for entry in entries {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            if !followed && entry.file_type().is_ok_and(|t| t.is_symlink()) {
                let folder = Pending {
                    dir: here.dir.clone(),
                    depth: here.depth,
                    ancestors: here.ancestors.clone(),
                };
                links.push_back((entry, folder));
                continue;
            }
            let path = entry.path();
            let Ok(meta) = std::fs::metadata(&path) else {
                continue;
            };
            let id = file_id(&meta);
            if meta.is_dir() {
                if here.depth + 1 > MAX_DEPTH {
                    continue;
                }
                let Some(id) = id else {
                    // No way to tell a loop: only real folders are read.
                    if !entry.file_type().is_ok_and(|t| t.is_symlink()) {
                        subfolders.push(Pending {
                            dir: path,
                            depth: here.depth + 1,
                            ancestors: Vec::new(),
                        });
                    }
                    continue;
                };
                if let Some((_, target)) = here.ancestors.iter().find(|(a, _)| *a == id) {
                    let kind = LoadErrorKind::LinkLoop {
                        target: target.clone(),
                    };
                    walk.problems.push(LoadError::new(&path, None, kind).into());
                    continue;
                }
                if let Some(first) = folders.get(&id) {
                    walk.problems.push(
                        Problem::warning(
                            &path,
                            None,
                            format!(
                                "the same folder as {}, already read; skipped",
                                first.display()
                            ),
                        )
                        .with_code("same-folder", vec![("first", shown(first))]),
                    );
                    continue;
                }
                folders.insert(id, path.clone());
                let mut ancestors = here.ancestors.clone();
                ancestors.push((id, path.clone()));
                subfolders.push(Pending {
                    dir: path,
                    depth: here.depth + 1,
                    ancestors,
                });
            } else if meta.is_file() && is_article_file(&name) {
                if let Some(id) = id {
                    if let Some(first) = files.get(&id) {
                        walk.problems.push(
                            Problem::warning(
                                &path,
                                None,
                                format!(
                                    "the same file as {}, already read; skipped",
                                    first.display()
                                ),
                            )
                            .with_code("same-file", vec![("first", shown(first))]),
                        );
                        continue;
                    }
                    files.insert(id, path.clone());
                }
                if meta.len() > limits.file_bytes {
                    let kind = LoadErrorKind::FileTooLarge {
                        max: limits.file_bytes,
                    };
                    walk.problems.push(LoadError::new(&path, None, kind).into());
                    continue;
                }
                if walk.files.len() >= limits.files {
                    let kind = LoadErrorKind::TooManyFiles { max: limits.files };
                    walk.problems.push(LoadError::new(root, None, kind).into());
                    break 'walk;
                }
                if bytes + meta.len() > limits.bytes {
                    let kind = LoadErrorKind::TooManyBytes {
                        max_mb: limits.bytes / (1024 * 1024),
                    };
                    walk.problems.push(LoadError::new(root, None, kind).into());
                    break 'walk;
                }
                bytes += meta.len();
                let relative = path.strip_prefix(root).unwrap_or(&path).to_owned();
                walk.files.push((path, relative));
            }
        }
        // Popped last-in first-out: push in reverse to read in name order.
        stack.extend(subfolders.into_iter().rev());
    }
    walk.files.sort();
    Ok(walk)
}

fn shown(path: &Path) -> ProblemArg {
    ProblemArg::Text(path.display().to_string())
}
