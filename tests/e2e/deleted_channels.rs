//! A configured channel deleted behind the bot's back. Discord deletes its
//! threads with it and sends no THREAD_DELETE for them: the bot must not
//! keep tickets open whose threads are gone.

use crate::world::World;

#[tokio::test]
async fn deleting_the_support_channel_closes_its_tickets_and_says_so() {
    let w = World::start().await;
    let alice = w.person("alice");
    let boris = w.person("boris");
    let lena = w.person("lena");
    let root = w.person("root");
    let (a, _) = w.open_ticket(&alice, "The app crashes on start").await;
    let (b, _) = w.open_ticket(&boris, "Не могу войти в аккаунт").await;
    let l1 = w.case_thread(a.number.0).await;

    let support = w.channel("support");
    w.sandbox.faults().delete_channel(&support).unwrap();
    let log = w.channel("support-log");
    let told = root
        .sees_in(&log, |m| m.text.contains("was deleted"))
        .await
        .expect("the log channel is told");
    assert!(told.text.contains("2 open tickets"), "{}", told.text);
    lena.sees_in(&l1, |m| m.text.contains("deleted"))
        .await
        .expect("staff are told in the case");
    w.sandbox.settled().await.unwrap();
    assert!(w.ticket(a.number.0).await.is_closed());
    assert!(w.ticket(b.number.0).await.is_closed());

    let help = w.channel("help");
    let shown = w.slash(&root, &help, "setup show", &[]).await;
    assert!(
        shown.embed_text().contains(&format!("<#{}>", support.id)),
        "/setup show flags the channel that is gone: {}",
        shown.embed_text()
    );
}

#[tokio::test]
async fn deleting_a_level_channel_closes_the_tickets_whose_case_was_there() {
    let w = World::start().await;
    let alice = w.person("alice");
    let root = w.person("root");
    let (t, user_thread) = w.open_ticket(&alice, "Export is broken").await;
    w.sandbox
        .faults()
        .delete_channel(&w.channel("l1-desk"))
        .unwrap();
    root.sees_in(&w.channel("support-log"), |m| {
        m.text.contains("L1") && m.text.contains("was deleted")
    })
    .await
    .expect("the log channel is told");
    alice
        .sees_in(&user_thread, |m| m.text.contains("closed"))
        .await
        .expect("the user is told");
    w.sandbox.settled().await.unwrap();
    assert!(w.ticket(t.number.0).await.is_closed());
}
