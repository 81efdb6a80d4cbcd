//! `supportline sandbox --serve` + `supportline run` + `supportline
//! sandbox --connect`: the README's three terminals.

use serde_json::json;

use crate::support::Served;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_console_drives_a_served_sandbox_and_its_state_outlives_the_bot() {
    let mut s = Served::start().await;
    s.start_bot().await;
    let opened = s
        .console(
            "alice /ticket open question: The CSV export fails with error 500\n",
            false,
        )
        .await;
    let printed = String::from_utf8_lossy(&opened.stdout);
    assert!(
        opened.status.success(),
        "{printed}\n{}",
        String::from_utf8_lossy(&opened.stderr)
    );
    assert!(
        printed.contains("The CSV export fails"),
        "the console shows the ticket being opened:\n{printed}"
    );

    // The bot dies and comes back; Discord (the sandbox) kept everything.
    s.kill_bot().await;
    s.start_bot().await;
    let claimed = s.console("lena clicks \"Claim\" in #l1-desk\n", true).await;
    let printed = String::from_utf8_lossy(&claimed.stdout);
    assert!(claimed.status.success(), "{printed}");
    let lines: Vec<serde_json::Value> = printed
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(
        lines
            .iter()
            .any(|l| l["who"] == "lena" && l["text"].as_str().unwrap().contains("is yours")),
        "the card made before the restart still works:\n{printed}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_control_door_acts_looks_and_says_when_nobody_answers() {
    let mut s = Served::start().await;
    // No bot yet: a command goes unanswered, as "This interaction failed".
    let lost = s
        .door(json!({"do": "slash", "who": "alice", "channel": "help",
                     "command": "ask", "options": {"question": "hello"}}))
        .await;
    // No command is registered before the bot runs.
    assert!(lost.is_err(), "{lost:?}");
    s.start_bot().await;
    let said = s
        .door(json!({"do": "say", "who": "alice", "channel": "#help",
                     "text": "how do I reopen a ticket?"}))
        .await
        .unwrap();
    assert_eq!(said["author"], "alice");
    s.door(json!({"do": "settled"})).await.unwrap();
    let seen = s
        .door(json!({"do": "look", "who": "alice", "recent": 5}))
        .await
        .unwrap();
    let help = seen["channels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "help")
        .unwrap();
    assert!(
        help["recent"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["author"] != "alice"),
        "the bot answered in #help: {help}"
    );
    let unknown = s
        .door(json!({"do": "say", "who": "nobody", "channel": "help", "text": "x"}))
        .await
        .unwrap_err();
    assert_eq!(unknown.kind, "invalid");
    assert!(unknown.error.contains("nobody"), "{unknown:?}");

    s.kill_bot().await;
    let unanswered = s
        .door(json!({"do": "slash", "who": "alice", "channel": "help",
                     "command": "ask", "options": {"question": "hello"}}))
        .await
        .unwrap_err();
    assert_eq!(unanswered.kind, "no_response", "{unanswered:?}");
}
