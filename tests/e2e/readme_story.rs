//! The story in README.md, run through the sandbox console as a newcomer
//! would run it with `supportline sandbox < story.txt`: it must complete
//! without errors, and people must see what the README promises.

use supportline::demo::{self, console};

use crate::world::World;

const README: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"));

/// The lines of the fenced block between the story markers.
fn story() -> String {
    let start = README
        .find("<!-- story:begin -->")
        .expect("README.md marks the story's start");
    let end = README
        .find("<!-- story:end -->")
        .expect("README.md marks the story's end");
    README[start..end]
        .lines()
        .filter(|l| !l.starts_with("<!--") && !l.starts_with("```"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[tokio::test]
async fn the_readme_story_runs_without_errors_and_everyone_sees_their_part() {
    let w = World::start().await;
    let spec = demo::preset().expect("the preset parses");
    let mut console = console::Console::new(&w.sandbox, &spec, w.clock.clone());
    let mut out = Vec::new();
    let mut err = Vec::new();
    let report = console
        .run_script(&story(), console::Format::Human, &mut out, &mut err)
        .await
        .expect("printing to memory works");
    let printed = String::from_utf8_lossy(&out);
    assert!(
        report.errors.is_empty(),
        "errors: {:?}\n{printed}",
        report.errors
    );

    let saw = |who: &str, place: &str, needle: &str| {
        report
            .seen
            .iter()
            .any(|s| s.who == who && s.place.starts_with(place) && s.shows(needle))
    };
    assert!(
        saw("alice", "#help", "Talk to a human"),
        "alice's L0 answer offers a person\n{printed}"
    );
    assert!(
        report
            .seen
            .iter()
            .any(|s| s.who == "alice" && s.place.starts_with("#support › ")),
        "alice sees her ticket thread\n{printed}"
    );
    assert!(
        saw("alice", "#support › ", "I can reproduce it"),
        "mark's answer reaches alice's thread\n{printed}"
    );
    assert!(
        saw("mark", "#l2-support", "Looks like a bug in reopening"),
        "mark sees the L2 case with lena's reason\n{printed}"
    );
    assert!(
        saw("olga", "#l3-experts", "Data corruption suspected"),
        "olga sees the L3 case with mark's reason from the form\n{printed}"
    );
    assert!(
        !report
            .seen
            .iter()
            .any(|s| s.place.starts_with("#l2-support") && s.who == "lena"),
        "the help desk never sees the L2 case\n{printed}"
    );
    assert!(
        !report
            .seen
            .iter()
            .any(|s| s.who == "alice" && s.shows("Reopen button missing")),
        "alice never sees the staff note\n{printed}"
    );
    assert!(
        saw("boris", "#help", "Решено"),
        "boris is answered in Russian\n{printed}"
    );
    assert!(
        saw("root", "#support-log", "closed"),
        "the closed ticket reaches the log channel\n{printed}"
    );
    assert!(
        saw("lena", "#l1-desk", "waited longer"),
        "the SLA reminder reaches the help desk\n{printed}"
    );
}

#[tokio::test]
async fn a_script_with_mistakes_reports_each_by_line_and_carries_on() {
    let w = World::start().await;
    let spec = demo::preset().expect("the preset parses");
    let mut console = console::Console::new(&w.sandbox, &spec, w.clock.clone());
    let script = "\
zoe in #help: hello
alice clicks \"Claim\"
alice waves
alice /ask question: how do I reopen a closed ticket?";
    let mut out = Vec::new();
    let mut err = Vec::new();
    let report = console
        .run_script(script, console::Format::Json, &mut out, &mut err)
        .await
        .expect("printing to memory works");
    let lines: Vec<usize> = report.errors.iter().map(|(n, _)| *n).collect();
    assert_eq!(lines, vec![1, 2, 3], "{:?}", report.errors);
    assert!(report.errors[0].1.contains("zoe"), "{:?}", report.errors);
    assert!(report.errors[1].1.contains("Claim"), "{:?}", report.errors);
    let printed = String::from_utf8(out).expect("JSON is UTF-8");
    let objects: Vec<serde_json::Value> = printed
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON object"))
        .collect();
    assert!(
        objects
            .iter()
            .any(|o| o["line"] == 4 && o["who"] == "alice" && o["ephemeral"] == true),
        "the last line still runs: {printed}"
    );
    assert!(objects
        .iter()
        .any(|o| o["line"] == 1 && o["error"].is_string()));
}
