//! Whoever moves a case is told where it went.

use crate::world::{text, World};

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
