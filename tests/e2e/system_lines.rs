//! Discord's own lines in a ticket's threads ("Supportline added Lena to
//! the thread", a case thread's pointer to its card) are nobody's words:
//! the transcript keeps what people and the bot wrote, and only that.

use crate::world::{text, World};

#[tokio::test]
async fn a_transcript_keeps_what_people_wrote_and_not_discords_system_lines() {
    let w = World::start().await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    let (t, user_thread) = w.open_ticket(&alice, "Cannot upload my avatar").await;
    let n = t.number.0;
    let card = w.card(&lena, n).await;
    w.click(&lena, &card, "Claim").await;
    w.sandbox.settled().await.unwrap();
    let l1 = w.case_thread(n).await;
    lena.say(&user_thread, "Try clearing the browser cache")
        .await
        .unwrap();
    w.sandbox.settled().await.unwrap();

    // Discord posted its lines: alice and lena added to the user thread,
    // the case thread's starter pointing at the card.
    let system_lines: Vec<u64> = [&user_thread, &l1]
        .into_iter()
        .flat_map(|c| w.sandbox.messages(c))
        .filter(|m| m.is_system())
        .map(|m| m.id)
        .collect();
    assert!(system_lines.len() >= 3, "{system_lines:?}");

    w.slash(&lena, &l1, "close", &[("reason", text("Cache cleared"))])
        .await;
    w.sandbox.settled().await.unwrap();
    let kept = w.store.transcript(t.id).await.unwrap();
    assert!(
        kept.iter()
            .any(|e| e.content.contains("Try clearing the browser cache")),
        "{kept:?}"
    );
    assert!(
        kept.iter().all(|e| !system_lines.contains(&e.message.0)),
        "{kept:?}"
    );
    assert!(
        kept.iter()
            .all(|e| !e.content.is_empty() || e.embeds_json != "[]" || !e.attachments.is_empty()),
        "no blank entries: {kept:?}"
    );
}
