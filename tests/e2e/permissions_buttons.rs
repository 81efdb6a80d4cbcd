//! The permission table for the case card's buttons, row by row: staff of
//! another level are refused (a short ephemeral answer, nothing changes),
//! a lower level cannot even see a higher card, admins may do everything.

use supportline::sandbox::{MessageView, Person};

use crate::world::{int, text, World};

/// Clicks `label` and expects a refusal: an ephemeral answer (the driver
/// waits at most Discord's 3 s for the first one), no form, and the ticket
/// as it was.
async fn refused(w: &World, who: &Person, card: &MessageView, label: &str, n: u64) {
    let before = w.ticket(n).await;
    let response = who
        .click(card, label)
        .await
        .unwrap_or_else(|e| panic!("{} clicking {label} got no answer in time: {e}", who.name()));
    assert!(
        response.modal.is_none(),
        "{label}: no form for {}",
        who.name()
    );
    assert!(response.is_ephemeral(), "{label}: {response:?}");
    let answer = w.answer(who, &response).await;
    assert!(
        answer.ephemeral && answer.text.contains("only"),
        "{label} by {}: {answer:?}",
        who.name()
    );
    w.sandbox.settled().await.unwrap();
    assert_eq!(
        w.ticket(n).await,
        before,
        "{label} by {} changed the ticket",
        who.name()
    );
}

#[tokio::test]
async fn staff_of_another_level_may_press_no_button_on_a_card() {
    let w = World::start().await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    let mark = w.person("mark");
    let (t, _) = w
        .open_ticket(&alice, "Reports are empty since the update")
        .await;
    let n = t.number.0;

    // L2 staff can read the L1 channel (the preset lets higher levels
    // follow a case down) but may not act on an L1 ticket.
    let card = w.card(&mark, n).await;
    for label in ["Claim", "Escalate", "Note", "Resolve", "Close"] {
        refused(&w, &mark, &card, label, n).await;
    }
    // Once lena has it, the Unclaim button is refused to mark too.
    let card = w.card(&lena, n).await;
    w.click(&lena, &card, "Claim").await;
    let card = w.card(&mark, n).await;
    refused(&w, &mark, &card, "Unclaim", n).await;

    // Up at L2, lena (L1) cannot even see the card.
    let l1 = w.case_thread(n).await;
    w.slash(
        &lena,
        &l1,
        "escalate",
        &[("reason", text("Reports are L2's"))],
    )
    .await;
    let l2_card = w.card(&mark, n).await;
    assert!(
        lena.click(&l2_card, "Claim").await.is_err(),
        "L1 cannot see the L2 card"
    );
    // L3 staff see it but may not act on it.
    let olga = w.person("olga");
    let card = w.card(&olga, n).await;
    for label in ["Claim", "Escalate", "Note", "Close"] {
        refused(&w, &olga, &card, label, n).await;
    }
}

#[tokio::test]
async fn another_member_of_the_level_may_not_unclaim_someone_elses_ticket() {
    let w = World::start().await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    let nina = w.sandbox.add_member("nina", &["L1"], "en-US").unwrap();
    w.sandbox.settled().await.unwrap();
    let (t, _) = w
        .open_ticket(&alice, "My password reset mail never comes")
        .await;
    let n = t.number.0;
    let card = w.card(&lena, n).await;
    w.click(&lena, &card, "Claim").await;
    let card = w.card(&nina, n).await;
    let before = w.ticket(n).await;
    let answer = w.click(&nina, &card, "Unclaim").await;
    assert!(
        answer.ephemeral && answer.text.contains("has this ticket"),
        "{answer:?}"
    );
    assert_eq!(w.ticket(n).await, before);
}

#[tokio::test]
async fn an_admin_may_press_every_button() {
    let w = World::start().await;
    let alice = w.person("alice");
    let root = w.person("root");
    let (t, _) = w.open_ticket(&alice, "Data import stops at 50%").await;
    let n = t.number.0;
    let card = w.card(&root, n).await;

    for label in ["Escalate", "Note", "Resolve", "Close"] {
        let form = root.click(&card, label).await.unwrap();
        assert!(
            form.modal.is_some(),
            "{label}: an admin gets the form: {form:?}"
        );
    }
    let claimed = w.click(&root, &card, "Claim").await;
    assert!(claimed.text.contains("is yours"), "{}", claimed.text);
    assert_eq!(w.ticket(n).await.assignee.map(|a| a.0), Some(root.id()));
    let card = w.card(&root, n).await;
    let back = w.click(&root, &card, "Unclaim").await;
    assert!(back.text.contains("back in the queue"), "{}", back.text);
    assert_eq!(w.ticket(n).await.assignee, None);

    // An admin may also unclaim a ticket someone else holds.
    let lena = w.person("lena");
    let card = w.card(&lena, n).await;
    w.click(&lena, &card, "Claim").await;
    let card = w.card(&root, n).await;
    let back = w.click(&root, &card, "Unclaim").await;
    assert!(back.text.contains("back in the queue"), "{}", back.text);

    let card = w.card(&root, n).await;
    let form = root.click(&card, "Escalate").await.unwrap();
    let modal = form.modal().unwrap().clone();
    let moved = root
        .submit_modal(&modal, &[("reason", "Imports are L3's"), ("level", "3")])
        .await
        .unwrap();
    let moved = w.answer(&root, &moved).await;
    assert!(moved.text.contains("L3"), "{}", moved.text);
    assert_eq!(w.ticket(n).await.level, supportline::tickets::Level::L3);
}

#[tokio::test]
async fn reopening_is_for_the_author_and_the_staff_who_handled_it() {
    let w = World::start().await;
    let alice = w.person("alice");
    let boris = w.person("boris");
    let lena = w.person("lena");
    let mark = w.person("mark");
    let help = w.channel("help");
    let (t, user_thread) = w
        .open_ticket(&alice, "The calendar sync duplicates events")
        .await;
    let n = t.number.0;
    w.slash(&alice, &user_thread, "close", &[]).await;
    assert!(w.ticket(n).await.is_closed());

    // Boris is not told alice's ticket exists; mark is told who may.
    for (who, says) in [(&boris, "нет"), (&mark, "only")] {
        let refused = w
            .slash(who, &help, "reopen", &[("ticket", int(n as i64))])
            .await;
        assert!(refused.ephemeral, "{refused:?}");
        assert!(
            refused.text.contains(says),
            "{} reopening: {}",
            who.name(),
            refused.text
        );
        assert!(w.ticket(n).await.is_closed(), "{} reopened it", who.name());
    }
    let again = w
        .slash(&lena, &help, "reopen", &[("ticket", int(n as i64))])
        .await;
    assert!(again.text.contains("open again"), "{}", again.text);
    assert!(!w.ticket(n).await.is_closed());
}

#[tokio::test]
async fn a_form_opened_before_a_restart_still_works_after_it() {
    let mut w = World::start().await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    let (t, user_thread) = w.open_ticket(&alice, "Exports time out").await;
    let n = t.number.0;
    let card = w.card(&lena, n).await;
    let form = lena.click(&card, "Escalate").await.unwrap();
    let modal = form.modal().unwrap().clone();
    w.restart_bot().await;
    let moved = lena
        .submit_modal(&modal, &[("reason", "Timeouts are L2's")])
        .await
        .unwrap();
    let moved = w.answer(&lena, &moved).await;
    assert!(moved.text.contains("L2"), "{}", moved.text);
    let now = w.ticket(n).await;
    assert_eq!(now.level, supportline::tickets::Level::L2);
    assert_eq!(now.user_thread, t.user_thread);
    alice
        .sees_in(&user_thread, |m| m.text.contains("Specialists"))
        .await
        .expect("alice is told");
}
