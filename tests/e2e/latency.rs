//! A slow Discord: every REST call takes a second and posting a message
//! two and a half, as on a busy day. Discord gives an interaction three
//! seconds for its first answer (then "This interaction failed", and the
//! token is Unknown Interaction): every command and button must
//! acknowledge before its slow work, and nothing may be posted twice.

use std::time::Duration;

use crate::world::{text, World};

const MESSAGES: &str = "POST /channels/{channel_id}/messages";

async fn slow_world() -> World {
    let mut w = World::start().await;
    // Waiting for the bot to settle takes longer on a slow Discord.
    w.sandbox.set_patience(Duration::from_secs(30));
    w
}

fn slow_down(w: &World) {
    let faults = w.sandbox.faults();
    faults.set_latency(Duration::from_secs(1));
    faults
        .set_route_latency(MESSAGES, Duration::from_millis(2500))
        .unwrap();
}

#[tokio::test]
async fn on_a_slow_discord_every_interaction_is_answered_in_time_and_nothing_is_posted_twice() {
    let w = slow_world().await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    let root = w.person("root");
    let help = w.channel("help");
    let (t, user_thread) = w
        .open_ticket(&alice, "The export button does nothing")
        .await;
    let n = t.number.0;
    let l1 = w.case_thread(n).await;
    slow_down(&w);

    // `w.slash` fails the test when the bot does not answer within 3 s.
    let sent = w
        .slash(
            &lena,
            &l1,
            "kb send",
            &[("article", text("en/reopen-ticket"))],
        )
        .await;
    assert!(sent.text.contains("Sent"), "{}", sent.text);
    let posted = w.slash(&root, &help, "setup panel", &[]).await;
    assert!(!posted.text.is_empty());
    let card = w.card(&lena, n).await;
    let claimed = w.click(&lena, &card, "Claim").await;
    assert!(claimed.text.contains("is yours"), "{}", claimed.text);
    let noted = w
        .slash(&lena, &l1, "note", &[("text", text("looked at it"))])
        .await;
    assert!(!noted.text.is_empty());
    w.sandbox.settled().await.unwrap();

    let articles = w
        .sandbox
        .messages(&user_thread)
        .into_iter()
        .filter(|m| m.text.contains("thinks this article may help"))
        .count();
    assert_eq!(articles, 1, "the article reached alice once");
    let panels = w
        .sandbox
        .messages(&help)
        .into_iter()
        .filter(|m| m.has_button("Get help"))
        .count();
    assert_eq!(panels, 1, "one panel");
    let notes = w
        .sandbox
        .messages(&l1)
        .into_iter()
        .filter(|m| m.text.contains("looked at it"))
        .count();
    assert_eq!(notes, 1, "one note in the case");
}
