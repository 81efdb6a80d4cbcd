use std::fs;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use super::*;

/// Edits must be live within this long (the promise is 2 s).
const LIVE_WITHIN: Duration = Duration::from_secs(2);

fn article(title: &str, keyword: &str) -> String {
    format!("---\ntitle: {title}\nkeywords: [{keyword}]\n---\nAbout {keyword}.\n")
}

fn setup() -> (tempfile::TempDir, LiveKnowledge) {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("wifi.md"),
        article("Wi-Fi", "wifi password"),
    )
    .unwrap();
    fs::write(
        dir.path().join("parking.md"),
        article("Parking", "parking permit"),
    )
    .unwrap();
    let live = LiveKnowledge::start(dir.path()).unwrap();
    (dir, live)
}

/// Waits (on reloads, never by sleeping) until `check` holds for the
/// current index; `false` after `LIVE_WITHIN`.
fn eventually(live: &LiveKnowledge, check: impl Fn(&Index) -> bool) -> bool {
    let deadline = Instant::now() + LIVE_WITHIN;
    loop {
        let seen = live.generation();
        if check(&live.current()) {
            return true;
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return false;
        }
        live.wait_for_reload(seen, left);
    }
}

fn title_of(index: &Index, id: &str) -> Option<String> {
    index.article(id).map(|a| a.title.clone())
}

#[test]
fn the_folder_is_loaded_at_start() {
    let (_dir, live) = setup();
    assert_eq!(live.current().len(), 2);
    assert!(live.last_report().problems.is_empty());
}

#[test]
fn a_written_file_is_live_within_two_seconds() {
    let (dir, live) = setup();
    fs::write(
        dir.path().join("wifi.md"),
        article("Wireless", "wifi password"),
    )
    .unwrap();
    assert!(eventually(&live, |i| title_of(i, "wifi").as_deref()
        == Some("Wireless")));
}

#[test]
fn a_new_file_is_live_within_two_seconds() {
    let (dir, live) = setup();
    fs::create_dir(dir.path().join("desk")).unwrap();
    fs::write(
        dir.path().join("desk/book.md"),
        article("Book a desk", "book desk"),
    )
    .unwrap();
    assert!(eventually(&live, |i| i.article("desk/book").is_some()));
}

#[test]
fn a_deleted_file_is_gone_within_two_seconds() {
    let (dir, live) = setup();
    fs::remove_file(dir.path().join("parking.md")).unwrap();
    assert!(eventually(&live, |i| i.article("parking").is_none() && i.len() == 1));
}

#[test]
fn a_file_renamed_over_another_is_live_within_two_seconds() {
    let (dir, live) = setup();
    // How many editors save: write a temporary file, rename it over.
    let tmp = dir.path().join(".wifi.md.tmp");
    fs::write(&tmp, article("Wi-Fi at the office", "wifi password")).unwrap();
    fs::rename(&tmp, dir.path().join("wifi.md")).unwrap();
    assert!(eventually(&live, |i| title_of(i, "wifi").as_deref()
        == Some("Wi-Fi at the office")));
}

#[test]
fn a_broken_edit_keeps_the_last_good_version_and_says_why() {
    let (dir, live) = setup();
    let seen = live.generation();
    fs::write(dir.path().join("wifi.md"), "---\ntitle: [unclosed\n---\n").unwrap();
    assert!(live.wait_for_reload(seen, LIVE_WITHIN));
    assert!(eventually(&live, |_| !live
        .last_report()
        .problems
        .is_empty()));
    assert_eq!(title_of(&live.current(), "wifi").as_deref(), Some("Wi-Fi"));
    let report = live.last_report();
    assert!(
        report.problems[0].to_string().contains("wifi.md"),
        "{:?}",
        report.problems
    );
    assert!(report.problems[0].message.contains("last good"));
}

#[test]
fn reload_now_reports_counts() {
    let (dir, live) = setup();
    fs::write(dir.path().join("synonyms.yml"), "- [wifi, wi-fi, вайфай]\n").unwrap();
    let report = live.reload_now();
    assert_eq!(report.articles, 2);
    assert_eq!(report.synonym_groups, 1);
}

#[test]
fn readers_keep_answering_while_the_index_is_swapped() {
    let (dir, live) = setup();
    let live = Arc::new(live);
    let stop = Arc::new(AtomicBool::new(false));
    let answered = Arc::new(AtomicUsize::new(0));
    let readers: Vec<_> = (0..4)
        .map(|_| {
            let (live, stop, answered) =
                (Arc::clone(&live), Arc::clone(&stop), Arc::clone(&answered));
            std::thread::spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    let index = live.current();
                    // Every version has the parking article, whole.
                    assert!(index.article("parking").is_some());
                    if index.ask("parking permit", None).answer.is_some() {
                        answered.fetch_add(1, Ordering::Relaxed);
                    }
                }
            })
        })
        .collect();
    for n in 0..5 {
        let title = format!("Wi-Fi {n}");
        fs::write(dir.path().join("wifi.md"), article(&title, "wifi password")).unwrap();
        live.reload_now();
        assert!(eventually(&live, |i| title_of(i, "wifi").as_deref()
            == Some(title.as_str())));
    }
    stop.store(true, Ordering::Relaxed);
    for r in readers {
        r.join().unwrap();
    }
    assert!(answered.load(Ordering::Relaxed) > 0);
}

#[test]
fn stopping_ends_the_watcher() {
    let (dir, live) = setup();
    live.stop();
    // Nothing left to notice this; the test passes by not hanging.
    fs::write(dir.path().join("wifi.md"), article("After stop", "wifi")).unwrap();
}

#[cfg(unix)]
#[test]
fn link_loops_added_to_a_running_folder_are_reported_and_load_nothing_twice() {
    let (dir, live) = setup();
    std::os::unix::fs::symlink(".", dir.path().join("loop")).unwrap();
    std::os::unix::fs::symlink(".", dir.path().join("loop2")).unwrap();
    assert!(eventually(&live, |_| live
        .last_report()
        .problems
        .iter()
        .filter(|p| p.code == "link-loop")
        .count()
        == 2));
    assert_eq!(live.current().len(), 2);
    // Removing the links leaves a clean folder again.
    fs::remove_file(dir.path().join("loop")).unwrap();
    fs::remove_file(dir.path().join("loop2")).unwrap();
    assert!(eventually(&live, |_| live
        .last_report()
        .problems
        .is_empty()));
    assert_eq!(live.current().len(), 2);
}
