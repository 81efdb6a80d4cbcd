//! Whoever moves a case is told where it went.

use crate::world::{int, text, World};

#[tokio::test]
async fn the_staff_member_who_escalates_gets_a_link_to_the_new_case() {
    let w = World::start().await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    let (t, _) = w.open_ticket(&alice, "My invoices are missing").await;
    let l1 = w.case_thread(t.number.0).await;
    let moved = w
        .slash(&lena, &l1, "escalate", &[("reason", text("Billing bug?"))])
        .await;
    let l2 = w.case_thread(t.number.0).await;
    assert!(
        moved.text.contains(&format!("<#{}>", l2.id)),
        "{}",
        moved.text
    );
}

#[tokio::test]
async fn a_ticket_that_went_up_and_back_is_logged_with_its_whole_path() {
    let w = World::start().await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    let mark = w.person("mark");
    let (t, _) = w.open_ticket(&alice, "Reports time out").await;
    let n = t.number.0;
    let l1 = w.case_thread(n).await;
    w.slash(&lena, &l1, "escalate", &[("reason", text("Slow query?"))])
        .await;
    let l2 = w.case_thread(n).await;
    w.slash(
        &mark,
        &l2,
        "deescalate",
        &[("reason", text("Known, see FAQ"))],
    )
    .await;
    w.sandbox.settled().await.unwrap();

    // The card made by the return says where it came from, not "New ticket".
    let card = w.card(&lena, n).await;
    assert!(card.text.starts_with("Back from L2"), "{}", card.text);
    assert!(!card.text.contains("New ticket"), "{}", card.text);

    let back = w.case_thread(n).await;
    w.slash(&lena, &back, "close", &[]).await;
    let log = w.channel("support-log");
    let line = w
        .person("root")
        .sees_in(&log, |m| m.text.contains("closed"))
        .await
        .expect("the closing is logged");
    assert!(line.text.contains("L1 → L2 → L1"), "{}", line.text);
}

#[tokio::test]
async fn a_case_coming_down_carries_no_note_of_the_higher_level() {
    let w = World::start().await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    let olga = w.person("olga");
    let (t, _) = w.open_ticket(&alice, "Login loops forever").await;
    let n = t.number.0;
    let l1 = w.case_thread(n).await;
    w.slash(&lena, &l1, "note", &[("text", text("L1: cleared cookies"))])
        .await;
    w.slash(
        &lena,
        &l1,
        "escalate",
        &[("reason", text("Auth incident")), ("level", int(3))],
    )
    .await;
    let l3 = w.case_thread(n).await;
    w.slash(
        &olga,
        &l3,
        "note",
        &[("text", text("L3 only: token leak suspected"))],
    )
    .await;
    w.slash(
        &olga,
        &l3,
        "deescalate",
        &[("reason", text("Standard reset")), ("level", int(1))],
    )
    .await;
    w.sandbox.settled().await.unwrap();
    let back = w.case_thread(n).await;
    let digest = lena
        .sees_in(&back, |m| m.embed_text().contains("Standard reset"))
        .await
        .expect("the digest reaches L1");
    let text = digest.embed_text();
    assert!(text.contains("L1: cleared cookies"), "{text}");
    assert!(
        !text.contains("token leak"),
        "an L3 note reached L1: {text}"
    );
}
