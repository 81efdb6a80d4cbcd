//! The matcher against the shared evaluation set `../shared/eval/moemesto`
//! (a bilingual helpdesk knowledge base and questions written apart from
//! it), scored the way `../shared/eval/score` scores: the public targets
//! must hold. Skipped, with a message, where the folder is absent.

#![allow(clippy::unwrap_used)] // tests may unwrap

use std::path::Path;

use serde_json::Value;
use supportline_knowledge::{self as knowledge, Index};

struct Scores {
    in_scope_accuracy: f64,
    out_of_scope_answered: f64,
    precision: f64,
}

fn score(kb: &Path, questions: &Path) -> Scores {
    let (kb, report) = knowledge::load(kb).expect("the evaluation knowledge base loads");
    assert!(!report.has_errors(), "{:?}", report.problems);
    let index = Index::build(kb);
    let text = std::fs::read_to_string(questions).expect("the questions are readable");
    let (mut in_scope, mut correct, mut out_of_scope, mut oos_answered) = (0, 0, 0, 0);
    let (mut answered, mut wrong) = (0, 0);
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let case: Value = serde_json::from_str(line).expect("a question is JSON");
        // Questions in a language their only article does not serve are
        // scored apart by the scorer too.
        if case["kind"] == "oos-lang" {
            continue;
        }
        let q = case["q"].as_str().expect("a question has text");
        let got = index.ask(q, None).answer.map(|a| a.to_string());
        answered += usize::from(got.is_some());
        match case["expect"].as_str() {
            Some(expected) => {
                in_scope += 1;
                match got.as_deref() {
                    Some(a) if a == expected => correct += 1,
                    Some(_) => wrong += 1,
                    None => {}
                }
            }
            None => {
                out_of_scope += 1;
                oos_answered += usize::from(got.is_some());
            }
        }
    }
    let bad = wrong + oos_answered;
    Scores {
        in_scope_accuracy: correct as f64 / in_scope.max(1) as f64,
        out_of_scope_answered: oos_answered as f64 / out_of_scope.max(1) as f64,
        precision: (answered - bad) as f64 / answered.max(1) as f64,
    }
}

#[test]
fn the_matcher_meets_the_targets_on_the_moemesto_set() {
    // The evaluation sets live in `shared/eval` beside the repository.
    let Some(eval) = Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .map(|dir| dir.join("shared/eval"))
        .find(|dir| dir.join("moemesto.questions.jsonl").is_file())
    else {
        assert!(
            std::env::var_os("SUPPORTLINE_REQUIRE_SHARED").is_none(),
            "the evaluation set ../shared/eval/moemesto is not here, and SUPPORTLINE_REQUIRE_SHARED is set"
        );
        eprintln!("skipped: the evaluation set ../shared/eval/moemesto is not here");
        return;
    };
    let (kb, questions) = (eval.join("moemesto"), eval.join("moemesto.questions.jsonl"));
    let s = score(&kb, &questions);
    eprintln!(
        "moemesto: in-scope accuracy {:.1}%, out-of-scope answered {:.1}%, precision {:.1}%",
        100.0 * s.in_scope_accuracy,
        100.0 * s.out_of_scope_answered,
        100.0 * s.precision
    );
    assert!(s.in_scope_accuracy >= 0.80, "in-scope accuracy below 80%");
    assert!(
        s.out_of_scope_answered <= 0.10,
        "out-of-scope answered above 10%"
    );
    assert!(s.precision >= 0.95, "precision below 95%");
}
