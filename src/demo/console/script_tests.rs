use std::time::Duration;

use super::*;

fn parse(line: &str) -> Action {
    parse_line(line)
        .unwrap_or_else(|e| panic!("{line:?}: {e}"))
        .unwrap_or_else(|| panic!("{line:?} is not an action"))
}

fn error(line: &str) -> String {
    match parse_line(line) {
        Err(e) => e.to_string(),
        Ok(a) => panic!("{line:?} parsed as {a:?}"),
    }
}

fn opts(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn saying_something_in_a_channel() {
    assert_eq!(
        parse("alice in #help: how do I reopen a ticket?"),
        Action::Say {
            who: "alice".into(),
            place: Place::Channel("help".into()),
            text: "how do I reopen a ticket?".into(),
        }
    );
}

#[test]
fn saying_something_in_the_latest_thread_of_a_channel() {
    assert_eq!(
        parse("mark in #support thread: Hi Alice: looking at it now"),
        Action::Say {
            who: "mark".into(),
            place: Place::LatestThread {
                under: Some("support".into())
            },
            text: "Hi Alice: looking at it now".into(),
        }
    );
}

#[test]
fn a_slash_command_with_an_option_runs_in_help_by_default() {
    assert_eq!(
        parse("alice /ask question: how do I reopen a ticket?"),
        Action::Slash {
            who: "alice".into(),
            command: "ask".into(),
            options: opts(&[("question", "how do I reopen a ticket?")]),
            place: None,
        }
    );
}

#[test]
fn a_subcommand_with_several_options_and_a_place() {
    assert_eq!(
        parse("ivan /deescalate level: 1 reason: fixed in 2.3.1 in #l4-engineering thread"),
        Action::Slash {
            who: "ivan".into(),
            command: "deescalate".into(),
            options: opts(&[("level", "1"), ("reason", "fixed in 2.3.1")]),
            place: Some(Place::LatestThread {
                under: Some("l4-engineering".into())
            }),
        }
    );
    assert_eq!(
        parse("alice /ticket open question: my export fails"),
        Action::Slash {
            who: "alice".into(),
            command: "ticket open".into(),
            options: opts(&[("question", "my export fails")]),
            place: None,
        }
    );
}

#[test]
fn a_quoted_value_may_contain_what_looks_like_an_option_or_a_place() {
    assert_eq!(
        parse(r#"lena /note text: "see ticket: 12 in #help""#),
        Action::Slash {
            who: "lena".into(),
            command: "note".into(),
            options: opts(&[("text", "see ticket: 12 in #help")]),
            place: None,
        }
    );
}

#[test]
fn a_command_without_options() {
    assert_eq!(
        parse("lena /claim in thread"),
        Action::Slash {
            who: "lena".into(),
            command: "claim".into(),
            options: vec![],
            place: Some(Place::LatestThread { under: None }),
        }
    );
}

#[test]
fn clicking_a_button_by_its_label_anywhere_or_in_a_channel() {
    assert_eq!(
        parse(r#"alice clicks "Talk to a human""#),
        Action::Click {
            who: "alice".into(),
            label: "Talk to a human".into(),
            place: None,
        }
    );
    assert_eq!(
        parse(r#"lena clicks "Claim" in #l1-desk"#),
        Action::Click {
            who: "lena".into(),
            label: "Claim".into(),
            place: Some(Place::Channel("l1-desk".into())),
        }
    );
    assert_eq!(
        parse("lena clicks Claim in #l1-desk"),
        Action::Click {
            who: "lena".into(),
            label: "Claim".into(),
            place: Some(Place::Channel("l1-desk".into())),
        }
    );
}

#[test]
fn filling_a_form_quoted_or_not() {
    let expected = Action::Fill {
        who: "mark".into(),
        values: opts(&[("reason", "Data corruption suspected")]),
    };
    assert_eq!(
        parse(r#"mark fills "reason: Data corruption suspected""#),
        expected
    );
    assert_eq!(
        parse("mark fills reason: Data corruption suspected"),
        expected
    );
}

#[test]
fn show_and_wait() {
    assert_eq!(
        parse("show alice"),
        Action::Show {
            who: "alice".into(),
            save_to: None
        }
    );
    assert_eq!(
        parse("show root into ./my files"),
        Action::Show {
            who: "root".into(),
            save_to: Some("./my files".into())
        }
    );
    assert_eq!(parse("wait 2h"), Action::Wait(Duration::from_secs(7200)));
    assert_eq!(parse("wait 15m"), Action::Wait(Duration::from_secs(900)));
    assert_eq!(parse("wait 3d"), Action::Wait(Duration::from_secs(259_200)));
}

#[test]
fn help_quit_and_exit_are_words_of_their_own() {
    assert_eq!(parse("help"), Action::Help);
    assert_eq!(parse("quit"), Action::Quit);
    assert_eq!(parse("exit"), Action::Quit);
    assert!(error("quit now").contains("takes nothing"));
    assert!(error("show alice to ./x").contains("into DIR"));
}

#[test]
fn comments_and_blank_lines_are_not_actions() {
    assert_eq!(parse_line("   ").unwrap(), None);
    assert_eq!(parse_line("# lena takes it").unwrap(), None);
}

#[test]
fn mistakes_say_what_was_expected() {
    assert!(error("alice").contains("alone does nothing"));
    assert!(error("alice shouts hi").contains("unknown action `shouts`"));
    assert!(error("alice in help: hi").contains("expected a channel like `#help`"));
    assert!(error("alice in #help hi").contains("a colon before the text"));
    assert!(error(r#"alice clicks "Talk to"#).contains("no closing quote"));
    assert!(error("wait soon").contains("expected a duration"));
    assert!(error("wait 99999999999999999999d").contains("expected a duration"));
    assert!(error("wait 9999999999999d").contains("at most 365d"));
    assert!(error("wait 2y").contains("expected a duration"));
    assert!(error("mark fills Data corruption").contains("name: value"));
    assert!(error("alice /ask question: a question: b").contains("given twice"));
    assert!(error("alice /").contains("command name"));
}

#[test]
fn a_colon_inside_a_value_is_part_of_it() {
    let options = parse_options("zone: Europe/Moscow week: Mon-Fri 09:00-18:00").unwrap();
    assert_eq!(
        options,
        vec![
            ("zone".to_string(), "Europe/Moscow".to_string()),
            ("week".to_string(), "Mon-Fri 09:00-18:00".to_string()),
        ]
    );
    let link = parse_options("question: see https://example.com/a:b please").unwrap();
    assert_eq!(link[0].1, "see https://example.com/a:b please");
}

#[test]
fn a_quoted_name_may_hold_spaces() {
    let options = parse_options("\"Номер заказа\": 55123 reason: \"a: b\"").unwrap();
    assert_eq!(
        options,
        vec![
            ("Номер заказа".to_string(), "55123".to_string()),
            ("reason".to_string(), "a: b".to_string()),
        ]
    );
}
