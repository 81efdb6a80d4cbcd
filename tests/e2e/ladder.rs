//! The ladder: open, claim, escalate L1→L2→L3→L4 and back down to L1,
//! checking who sees which case thread at each step and that the user's
//! thread never changes.

use crate::world::{int, text, ticket_number, World};

#[tokio::test]
async fn the_full_climb_and_back_keeps_one_user_thread_and_hides_higher_cases() {
    let w = World::start().await;
    let alice = w.person("alice");
    let boris = w.person("boris");
    let lena = w.person("lena");
    let mark = w.person("mark");
    let olga = w.person("olga");
    let ivan = w.person("ivan");

    let (t, user_thread) = w
        .open_ticket(
            &alice,
            "The CSV export fails with error 500 since this morning",
        )
        .await;
    let n = t.number.0;
    assert!(alice.can_see(&user_thread));
    assert!(
        !boris.can_see(&user_thread),
        "another user never sees the thread"
    );
    alice
        .sees_in(&user_thread, |m| m.text.contains("your ticket"))
        .await
        .expect("alice is greeted");

    // L1: the case is for the help desk only.
    let l1 = w.case_thread(n).await;
    assert!(lena.can_see(&l1));
    assert!(!alice.can_see(&l1), "users never see cases");
    let card = w.card(&lena, n).await;
    assert!(
        card.embed_text().contains("CSV export"),
        "{}",
        card.embed_text()
    );
    let claimed = w.click(&lena, &card, "Claim").await;
    assert!(claimed.text.contains("is yours"), "{}", claimed.text);
    assert!(w
        .sandbox
        .thread_members(&user_thread)
        .contains(&"lena".to_string()));
    let card = w.card(&lena, n).await;
    assert!(card.has_button("Unclaim") && !card.has_button("Claim"));

    // L1 → L2 with the slash command, in the case thread.
    let moved = w
        .slash(
            &lena,
            &l1,
            "escalate",
            &[("reason", text("Needs a specialist in exports"))],
        )
        .await;
    assert!(moved.text.contains("L2"), "{}", moved.text);
    let l2 = w.case_thread(n).await;
    assert_ne!(l2, l1);
    assert!(mark.can_see(&l2));
    assert!(
        !lena.can_see(&l2),
        "a lower level cannot read a higher case"
    );
    let old = w.sandbox.channel_info(&l1).unwrap();
    assert!(
        old.archived && old.locked,
        "the old case is archived and locked"
    );
    mark.sees_in(&l2, |m| {
        m.embed_text().contains("Needs a specialist in exports")
    })
    .await
    .expect("the handoff digest carries the reason");
    lena.sees_in(&l1, |m| m.text.contains(&format!("<#{}>", l2.id)))
        .await
        .expect("the old case links forward");
    alice
        .sees_in(&user_thread, |m| m.text.contains("Specialists"))
        .await
        .expect("alice is told who has it now");

    // L2 → L3 with the card's button and its modal.
    let card = w.card(&mark, n).await;
    w.click(&mark, &card, "Claim").await;
    let card = w.card(&mark, n).await;
    let form = mark.click(&card, "Escalate").await.unwrap();
    let modal = form.modal().expect("a modal asks for the reason").clone();
    let submitted = mark
        .submit_modal(&modal, &[("reason", "Data corruption suspected")])
        .await
        .unwrap();
    let done = w.answer(&mark, &submitted).await;
    assert!(done.text.contains("L3"), "{}", done.text);
    let l3 = w.case_thread(n).await;
    assert!(olga.can_see(&l3));
    assert!(!mark.can_see(&l3) && !lena.can_see(&l3));

    // L3 → L4, then straight back down to L1.
    w.slash(
        &olga,
        &l3,
        "escalate",
        &[("reason", text("A defect in the exporter"))],
    )
    .await;
    let l4 = w.case_thread(n).await;
    assert!(ivan.can_see(&l4));
    assert!(!olga.can_see(&l4) && !mark.can_see(&l4) && !lena.can_see(&l4));
    let down = w
        .slash(
            &ivan,
            &l4,
            "deescalate",
            &[
                (
                    "reason",
                    text("Fixed in 2.3.1; L1 can confirm with the user"),
                ),
                ("level", int(1)),
            ],
        )
        .await;
    assert!(down.text.contains("L1"), "{}", down.text);
    let back = w.case_thread(n).await;
    assert!(lena.can_see(&back));
    lena.sees_in(&back, |m| m.embed_text().contains("Fixed in 2.3.1"))
        .await
        .expect("the digest of the way down");

    // Through it all, one user thread.
    let now = w.ticket(n).await;
    assert_eq!(now.user_thread, t.user_thread);
    assert_eq!(now.previous_cases.len(), 4);
    assert!(alice.can_see(&user_thread));
}

#[tokio::test]
async fn a_note_stays_with_staff_and_reaches_the_next_level() {
    let w = World::start().await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    let mark = w.person("mark");
    let (t, user_thread) = w.open_ticket(&alice, "My invoices are missing").await;
    let n = t.number.0;
    let l1 = w.case_thread(n).await;
    w.slash(
        &lena,
        &l1,
        "note",
        &[("text", text("Checked billing: invoices exist"))],
    )
    .await;
    lena.sees_in(&l1, |m| m.text.contains("Checked billing"))
        .await
        .unwrap();
    w.slash(&lena, &l1, "escalate", &[("reason", text("Billing bug?"))])
        .await;
    let l2 = w.case_thread(n).await;
    mark.sees_in(&l2, |m| m.embed_text().contains("Checked billing"))
        .await
        .expect("notes travel in the digest");
    w.sandbox.settled().await.unwrap();
    assert!(
        !alice
            .messages_in(&user_thread)
            .iter()
            .any(|m| m.text.contains("Checked billing")),
        "the user never sees a note"
    );
}

#[tokio::test]
async fn the_same_note_sent_again_because_no_answer_came_is_one_note() {
    let w = World::start().await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    let (t, _) = w.open_ticket(&alice, "My invoices are missing").await;
    let n = t.number.0;
    let l1 = w.case_thread(n).await;
    let note = [("text", text("Checked billing: invoices exist"))];
    let first = w.slash(&lena, &l1, "note", &note).await;
    assert!(first.text.contains("Note added"), "{}", first.text);
    let again = w.slash(&lena, &l1, "note", &note).await;
    assert!(again.text.contains("already"), "{}", again.text);
    w.sandbox.settled().await.unwrap();
    let posted = lena
        .messages_in(&l1)
        .iter()
        .filter(|m| m.text.contains("Checked billing"))
        .count();
    assert_eq!(posted, 1, "one note in the case");
    // A different note is a new one.
    let other = w
        .slash(
            &lena,
            &l1,
            "note",
            &[("text", text("Asked the user for a screenshot"))],
        )
        .await;
    assert!(other.text.contains("Note added"), "{}", other.text);
}

#[tokio::test]
async fn closing_archives_both_threads_and_reopening_brings_them_back() {
    let w = World::start().await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    let (t, user_thread) = w.open_ticket(&alice, "Cannot upload my avatar").await;
    let n = t.number.0;
    let l1 = w.case_thread(n).await;
    let done = w
        .slash(
            &lena,
            &l1,
            "close",
            &[("reason", text("Fixed by clearing the cache"))],
        )
        .await;
    assert!(done.text.contains("closed"), "{}", done.text);
    alice
        .sees_in(&user_thread, |m| {
            m.text.contains("Fixed by clearing the cache")
        })
        .await
        .unwrap();
    let info = w.sandbox.channel_info(&user_thread).unwrap();
    assert!(info.archived && info.locked);
    let case = w.sandbox.channel_info(&l1).unwrap();
    assert!(case.archived && case.locked);

    let help = w.channel("help");
    let again = w
        .slash(&alice, &help, "reopen", &[("ticket", int(n as i64))])
        .await;
    assert!(again.text.contains("open again"), "{}", again.text);
    let info = w.sandbox.channel_info(&user_thread).unwrap();
    assert!(!info.archived && !info.locked);
    assert_eq!(w.ticket(n).await.status, supportline::tickets::Status::Open);
}

#[tokio::test]
async fn staff_read_the_titles_of_the_articles_the_user_was_shown() {
    let w = World::start().await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    let mark = w.person("mark");
    let help = w.channel("help");
    let answer = w
        .ask(&alice, &help, "how do I reopen a closed ticket?")
        .await;
    assert!(answer.has_button("Solved"), "{answer:?}");
    let title = answer.embeds[0].title.clone().expect("the article's title");
    let opened = w.click(&alice, &answer, "Talk to a human").await;
    let n = ticket_number(&opened.text).expect("a ticket");
    w.sandbox.settled().await.unwrap();

    let l1 = w.case_thread(n).await;
    let intro = lena
        .sees_in(&l1, |m| m.text.contains("already showed"))
        .await
        .expect("the case says what L0 showed");
    assert!(intro.text.contains(&title), "{title}: {}", intro.text);
    assert!(
        !intro.text.contains("en/"),
        "no article ids: {}",
        intro.text
    );

    w.slash(&lena, &l1, "escalate", &[("reason", text("needs L2"))])
        .await;
    let l2 = w.case_thread(n).await;
    let digest = mark
        .sees_in(&l2, |m| m.embed_text().contains("Articles L0 showed"))
        .await
        .expect("the digest");
    assert!(
        digest.embed_text().contains(&title),
        "{title}: {}",
        digest.embed_text()
    );
}
