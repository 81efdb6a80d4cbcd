//! Close requests (issue 14.5): staff ask the user to confirm closing
//! (`/close-request` or the card's button); the user's Close closes it,
//! Keep open or writing in the thread keeps it open, only the ticket's
//! user (or staff) may answer, and silence closes it after the server's
//! delay, once, even across a restart.

use chrono::Duration;
use supportline::tickets::{CloseReason, EventKind, Status};

use supportline::tickets::TimerKind;

use crate::world::{int, World};

#[tokio::test]
async fn the_user_closes_from_the_request_and_a_stranger_cannot() {
    let w = World::start().await;
    let alice = w.person("alice");
    let boris = w.person("boris");
    let lena = w.person("lena");
    let (t, thread) = w.open_ticket(&alice, "Can't change my e-mail").await;
    let n = t.number.0;
    let card = w.card(&lena, n).await;
    let asked = w.click(&lena, &card, "Ask to close").await;
    assert!(
        asked.ephemeral && asked.text.contains("confirm closing"),
        "{asked:?}"
    );
    let request = alice
        .sees_in(&thread, |m| m.has_button("Keep open"))
        .await
        .expect("alice is asked");
    assert_eq!(request.pings.notified, vec!["alice".to_string()]);
    let card = w.card(&lena, n).await;
    assert!(card.shows("Close requested") && !card.has_button("Ask to close"));
    // Someone else cannot answer for alice (boris cannot even see it).
    assert!(boris.click(&request, "Close").await.is_err());
    let done = w.click(&alice, &request, "Close").await;
    assert!(done.text.contains("closed"), "{}", done.text);
    let t = w.ticket(n).await;
    assert_eq!(t.status, Status::Closed);
    // The user's Close confirms the resolution (counted as resolved).
    assert_eq!(t.close_reason, Some(CloseReason::Confirmed));
    let retired = w
        .sandbox
        .messages(&thread)
        .into_iter()
        .find(|m| m.id == request.id)
        .unwrap();
    assert!(retired.buttons.is_empty(), "{retired:?}");
}

#[tokio::test]
async fn keep_open_or_writing_in_the_thread_withdraws_the_request() {
    let w = World::start().await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    let (t, thread) = w.open_ticket(&alice, "Dark mode resets itself").await;
    let n = t.number.0;
    let l1 = w.case_thread(n).await;
    let asked = w.slash(&lena, &l1, "close-request", &[]).await;
    assert!(asked.text.contains("confirm closing"), "{}", asked.text);
    let request = alice
        .sees_in(&thread, |m| m.has_button("Keep open"))
        .await
        .unwrap();
    let kept = w.click(&alice, &request, "Keep open").await;
    assert!(kept.text.contains("stays open"), "{}", kept.text);
    assert_eq!(w.ticket(n).await.close_requested_at, None);
    lena.sees_in(&l1, |m| m.text.contains("kept the ticket open"))
        .await
        .expect("staff are told");

    // Asked again; this time alice writes instead of clicking.
    w.slash(&lena, &l1, "close-request", &[]).await;
    alice
        .sees_in(&thread, |m| m.has_button("Keep open"))
        .await
        .unwrap();
    alice
        .say(&thread, "Actually it happened again just now")
        .await
        .unwrap();
    lena.sees_in(&l1, |m| m.text.contains("close request is withdrawn"))
        .await
        .expect("the message withdraws the request");
    assert_eq!(w.ticket(n).await.close_requested_at, None);
    // Nothing is left to close it: no auto-close timer waits.
    let timers = w.store.pending_timers(w.ticket(n).await.id).await.unwrap();
    assert!(
        timers.iter().all(|t| t.kind != TimerKind::AutoClose),
        "{timers:?}"
    );
    assert_eq!(w.ticket(n).await.status, Status::Open);
    assert!(w
        .sandbox
        .messages(&thread)
        .iter()
        .all(|m| m.buttons.iter().all(|b| b.label != "Keep open")));
}

#[tokio::test]
async fn silence_closes_after_the_configured_delay_once_across_a_restart() {
    let mut w = World::start().await;
    let root = w.person("root");
    let alice = w.person("alice");
    let lena = w.person("lena");
    let help = w.channel("help");
    let saved = w
        .slash(&root, &help, "setup close-request", &[("hours", int(48))])
        .await;
    assert!(saved.text.contains("48 hours"), "{}", saved.text);
    let (t, thread) = w.open_ticket(&alice, "Where do I find my API key?").await;
    let n = t.number.0;
    let l1 = w.case_thread(n).await;
    w.slash(&lena, &l1, "close-request", &[]).await;
    alice
        .sees_in(&thread, |m| m.has_button("Keep open"))
        .await
        .unwrap();
    // A day later it still waits (the server set two).
    w.clock.advance(Duration::hours(25));
    w.restart_bot().await;
    w.sandbox.settled().await.unwrap();
    assert_eq!(w.ticket(n).await.status, Status::Open);
    // The bot is down when the second day ends, and comes back after.
    w.stop_bot().await;
    w.clock.advance(Duration::hours(24));
    w.restart_bot().await;
    alice
        .sees_in(&thread, |m| m.text.contains("closed automatically"))
        .await
        .expect("the close request's timer ran after the restart");
    w.restart_bot().await;
    w.sandbox.settled().await.unwrap();
    let t = w.ticket(n).await;
    assert_eq!(t.close_reason, Some(CloseReason::CloseRequestExpired));
    let closes = w
        .store
        .events(t.id)
        .await
        .unwrap()
        .iter()
        .filter(|e| matches!(e.event.kind, EventKind::Closed { .. }))
        .count();
    assert_eq!(closes, 1, "closed once");
    let notices = w
        .sandbox
        .messages(&thread)
        .iter()
        .filter(|m| m.text.contains("closed automatically"))
        .count();
    assert_eq!(notices, 1);
}
