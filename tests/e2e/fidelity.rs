//! Every REST body the bot sent and the sandbox answered during a long
//! story (commands, buttons, forms, threads, edits, files, a chart)
//! validates against Discord's own OpenAPI description.

#[path = "../../crates/sandbox/tests/support/openapi.rs"]
#[allow(dead_code)]
mod openapi;

use crate::world::{int, text, World};

#[tokio::test]
async fn a_whole_ticket_life_speaks_discords_api_exactly() {
    let w = World::start().await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    let mark = w.person("mark");
    let root = w.person("root");
    let help = w.channel("help");

    let answer = w
        .ask(&alice, &help, "how do I reopen a closed ticket?")
        .await;
    let opened = w.click(&alice, &answer, "Talk to a human").await;
    let n = crate::world::ticket_number(&opened.text).expect("a ticket");
    w.sandbox.settled().await.unwrap();
    let card = w.card(&lena, n).await;
    w.click(&lena, &card, "Claim").await;
    let l1 = w.case_thread(n).await;
    w.slash(&lena, &l1, "note", &[("text", text("checked the logs"))])
        .await;
    w.slash(
        &lena,
        &l1,
        "kb send",
        &[("article", text("en/reopen-ticket"))],
    )
    .await;
    let card = w.card(&lena, n).await;
    let form = lena.click(&card, "Escalate").await.unwrap();
    let done = lena
        .submit_modal(form.modal().unwrap(), &[("reason", "needs L2")])
        .await
        .unwrap();
    w.answer(&lena, &done).await;
    let l2 = w.case_thread(n).await;
    w.slash(&mark, &l2, "resolve", &[("summary", text("fixed"))])
        .await;
    w.rate(&alice, n, 5).await;
    w.slash(&root, &help, "stats", &[("days", int(1))]).await;
    w.slash(&root, &help, "setup show", &[]).await;
    w.slash(
        &root,
        &help,
        "ticket transcript",
        &[("ticket", int(n as i64))],
    )
    .await;
    w.sandbox.settled().await.unwrap();

    openapi::assert_valid(&w.sandbox.exchanges());
}
