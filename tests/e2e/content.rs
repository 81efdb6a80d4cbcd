//! A server whose application was not granted the Message Content intent
//! (Discord's default): members' messages reach the bot blank, over REST
//! too. The bot keeps what it sees itself (the question, forms, its own
//! messages) and says plainly, in the transcript, the log, the handoff
//! digest and /setup show, what is missing and why.

use supportline::sandbox::MessageView;

use crate::world::{int, text, World};

fn html_of(w: &World, m: &MessageView) -> String {
    let file = m
        .attachments
        .iter()
        .find(|a| a.filename.ends_with(".html"))
        .expect("an HTML transcript is attached");
    String::from_utf8(w.sandbox.file(file.id).expect("the file is stored")).unwrap()
}

#[tokio::test]
async fn without_the_message_content_intent_the_bot_says_what_it_cannot_read() {
    let w = World::start_without_message_content().await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    let mark = w.person("mark");
    let root = w.person("root");
    let (t, user_thread) = w
        .open_ticket(&alice, "The dashboard shows no data since Monday")
        .await;
    let n = t.number.0;
    alice
        .say(&user_thread, "It started right after the update")
        .await
        .unwrap();
    let card = w.card(&lena, n).await;
    w.click(&lena, &card, "Claim").await;
    let l1 = w.case_thread(n).await;
    w.slash(&lena, &l1, "escalate", &[("reason", text("needs L2"))])
        .await;
    let l2 = w.case_thread(n).await;
    let digest = mark
        .sees_in(&l2, |m| m.embed_text().contains("needs L2"))
        .await
        .expect("the handoff digest");
    assert!(
        digest.embed_text().contains("Message Content"),
        "the digest says why the user's messages are missing: {}",
        digest.embed_text()
    );

    let help = w.channel("help");
    let shown = w.slash(&root, &help, "setup show", &[]).await;
    assert!(
        shown
            .embed_text()
            .contains("Message Content intent is not granted"),
        "{}",
        shown.embed_text()
    );

    w.slash(&mark, &l2, "close", &[("reason", text("fixed"))])
        .await;
    let log = w.channel("support-log");
    let posted = root
        .sees_in(&log, |m| {
            m.attachments.iter().any(|a| a.filename.ends_with(".html"))
        })
        .await
        .expect("the transcript is logged");
    assert!(posted.text.contains("Message Content"), "{}", posted.text);
    let html = html_of(&w, &posted);
    assert!(
        html.contains("The dashboard shows no data since Monday"),
        "the question, which the bot saw, is kept"
    );
    assert!(
        !html.contains("It started right after the update"),
        "Discord never showed the bot this"
    );
    assert!(html.contains("not readable"), "and the transcript says so");

    let read = w
        .slash(
            &root,
            &help,
            "ticket transcript",
            &[("ticket", int(n as i64))],
        )
        .await;
    assert!(html_of(&w, &read).contains("not readable"));
}

#[tokio::test]
async fn with_the_intent_setup_show_flags_nothing_about_message_content() {
    let w = World::start().await;
    let root = w.person("root");
    let help = w.channel("help");
    let shown = w.slash(&root, &help, "setup show", &[]).await;
    assert!(
        !shown.embed_text().contains("Message Content"),
        "{}",
        shown.embed_text()
    );
}
