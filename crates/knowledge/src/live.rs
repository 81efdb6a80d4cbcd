//! Live knowledge: the index the bot answers from, rebuilt when the
//! knowledge folder changes. A background thread watches the folder
//! (`notify`), waits for a burst of edits to settle, reloads, and swaps the
//! new index in atomically (`arc-swap`): readers never block and always see
//! a whole index. A file that breaks keeps its last good version (see
//! [`Loader`]); the problem is logged and kept in [`LiveKnowledge::last_report`].

use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use arc_swap::ArcSwap;
use notify::event::ModifyKind;
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};

use super::index::Index;
use super::load::{LoadReport, Loader};
use super::problem::{LoadError, Severity};

/// Quiet time after the last change before reloading (editors write a
/// file in several steps).
const SETTLE: Duration = Duration::from_millis(150);
/// Longest a stream of changes may delay a reload.
const MAX_DELAY: Duration = Duration::from_millis(1000);

#[derive(Debug, thiserror::Error)]
pub enum LiveError {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error("cannot watch {path} for changes: {source}")]
    Watch {
        path: PathBuf,
        #[source]
        source: notify::Error,
    },
    #[error("cannot start the reload thread: {0}")]
    Thread(#[from] std::io::Error),
}

/// What the watcher thread is told.
enum Signal {
    Changed,
    Stop,
}

struct Shared {
    current: ArcSwap<Index>,
    loader: Mutex<Loader>,
    report: Mutex<LoadReport>,
    /// Bumped after every reload; waiters use the condvar.
    generation: Mutex<u64>,
    reloaded: Condvar,
}

/// A knowledge base that follows its folder. Dropping it stops watching.
pub struct LiveKnowledge {
    shared: Arc<Shared>,
    signals: Sender<Signal>,
    watcher: Option<RecommendedWatcher>,
    thread: Option<JoinHandle<()>>,
}

impl LiveKnowledge {
    /// Loads `dir` and starts watching it. Fails if the folder cannot be
    /// read or watched; problems in single files are in
    /// [`last_report`](Self::last_report).
    pub fn start(dir: impl AsRef<Path>) -> Result<Self, LiveError> {
        let root = dir.as_ref().to_owned();
        let mut loader = Loader::new(&root);
        let (kb, report) = loader.load()?;
        log_problems(&report);
        let shared = Arc::new(Shared {
            current: ArcSwap::from_pointee(Index::build(kb)),
            loader: Mutex::new(loader),
            report: Mutex::new(report),
            generation: Mutex::new(0),
            reloaded: Condvar::new(),
        });
        let (signals, inbox) = channel();
        let events = signals.clone();
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<Event>| match event {
                Ok(event) if matters(&event) => {
                    let _ = events.send(Signal::Changed);
                }
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "knowledge folder watcher error"),
            })
            .map_err(|source| LiveError::Watch {
                path: root.clone(),
                source,
            })?;
        watcher
            .watch(&root, RecursiveMode::Recursive)
            .map_err(|source| LiveError::Watch {
                path: root.clone(),
                source,
            })?;
        let thread = {
            let shared = Arc::clone(&shared);
            std::thread::Builder::new()
                .name("knowledge-reload".into())
                .spawn(move || watch_loop(&shared, &inbox))?
        };
        Ok(LiveKnowledge {
            shared,
            signals,
            watcher: Some(watcher),
            thread: Some(thread),
        })
    }

    /// The index to answer from now. Cheap; never blocks.
    pub fn current(&self) -> Arc<Index> {
        self.shared.current.load_full()
    }

    /// Reloads at once (for `/kb reload`) and reports what it found.
    pub fn reload_now(&self) -> LoadReport {
        reload(&self.shared)
    }

    /// The report of the latest load.
    pub fn last_report(&self) -> LoadReport {
        lock(&self.shared.report).clone()
    }

    /// How many reloads have happened since start.
    pub fn generation(&self) -> u64 {
        *lock(&self.shared.generation)
    }

    /// Waits until a reload after generation `seen` completes; `false` on
    /// timeout.
    pub fn wait_for_reload(&self, seen: u64, timeout: Duration) -> bool {
        let guard = lock(&self.shared.generation);
        let (guard, _) = self
            .shared
            .reloaded
            .wait_timeout_while(guard, timeout, |g| *g <= seen)
            .unwrap_or_else(PoisonError::into_inner);
        *guard > seen
    }

    /// Stops watching and waits for the reload thread to finish.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        // Dropping the watcher ends its events; the signal ends the loop.
        self.watcher.take();
        let _ = self.signals.send(Signal::Stop);
        if let Some(thread) = self.thread.take() {
            if thread.join().is_err() {
                tracing::error!("the knowledge reload thread panicked");
            }
        }
    }
}

impl Drop for LiveKnowledge {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// Changes that can alter the knowledge base: not reads, not metadata,
/// not editor swap files.
fn matters(event: &Event) -> bool {
    let kind_matters = !matches!(
        event.kind,
        EventKind::Access(_) | EventKind::Modify(ModifyKind::Metadata(_))
    );
    kind_matters && event.paths.iter().any(|p| !is_scratch_file(p))
}

fn is_scratch_file(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || (name.starts_with(".#") || name.starts_with('#'))
}

fn watch_loop(shared: &Shared, inbox: &Receiver<Signal>) {
    loop {
        match inbox.recv() {
            Ok(Signal::Changed) => {}
            Ok(Signal::Stop) | Err(_) => return,
        }
        // Let the burst settle, but not forever.
        let first = Instant::now();
        loop {
            let left = MAX_DELAY.saturating_sub(first.elapsed());
            if left.is_zero() {
                break;
            }
            match inbox.recv_timeout(SETTLE.min(left)) {
                Ok(Signal::Changed) => continue,
                Ok(Signal::Stop) | Err(RecvTimeoutError::Disconnected) => return,
                Err(RecvTimeoutError::Timeout) => break,
            }
        }
        reload(shared);
    }
}

fn reload(shared: &Shared) -> LoadReport {
    let started = Instant::now();
    let mut loader = lock(&shared.loader);
    let report = match loader.load() {
        Ok((kb, report)) => {
            shared.current.store(Arc::new(Index::build(kb)));
            tracing::info!(
                articles = report.articles,
                problems = report.problems.len(),
                took_ms = started.elapsed().as_millis() as u64,
                "knowledge reloaded"
            );
            report
        }
        Err(e) => {
            tracing::error!(error = %e, "knowledge folder unreadable; still serving the last index");
            LoadReport {
                problems: vec![e.into()],
                ..LoadReport::default()
            }
        }
    };
    drop(loader);
    log_problems(&report);
    *lock(&shared.report) = report.clone();
    *lock(&shared.generation) += 1;
    shared.reloaded.notify_all();
    report
}

fn log_problems(report: &LoadReport) {
    for p in &report.problems {
        match p.severity {
            Severity::Error => tracing::warn!("{p}"),
            Severity::Warning => tracing::info!("{p}"),
        }
    }
}

/// A poisoned lock only means another thread panicked mid-reload; the data
/// (the last report, the counter) is still usable.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
#[path = "live_tests.rs"]
mod tests;
