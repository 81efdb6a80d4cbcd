//! Files in a ticket outlive their links: Discord's CDN links expire
//! within a day, so at close the bot downloads members' files (within
//! Discord's 10 MiB per file) and posts them with the transcript.

use supportline::sandbox::{Permissions, Target};

use crate::world::{text, World};

#[tokio::test]
async fn a_members_file_is_kept_with_the_transcript_when_the_ticket_closes() {
    let w = World::start().await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    let root = w.person("root");
    // #support denies @everyone Send Messages, which the sandbox (stricter
    // than Discord here) lets take Attach Files in its threads too.
    w.sandbox
        .set_overwrite(
            &w.channel("support"),
            Target::Member("alice".into()),
            Permissions::SEND_MESSAGES,
            Permissions::NONE,
        )
        .unwrap();
    let (t, user_thread) = w.open_ticket(&alice, "The import stops halfway").await;
    let log_file = b"2026-12-03 ERROR import aborted at row 512".to_vec();
    alice
        .say_with_file(
            &user_thread,
            "here is the log",
            "import.log",
            log_file.clone(),
        )
        .await
        .unwrap();
    let l1 = w.case_thread(t.number.0).await;
    w.slash(&lena, &l1, "close", &[("reason", text("fixed"))])
        .await;

    let log = w.channel("support-log");
    let posted = root
        .sees_in(&log, |m| {
            m.attachments.iter().any(|a| a.filename.ends_with(".html"))
        })
        .await
        .expect("the transcript is logged");
    let kept = posted
        .attachments
        .iter()
        .find(|a| a.filename == "import.log")
        .unwrap_or_else(|| panic!("alice's file is kept: {:?}", posted.attachments));
    assert_eq!(w.sandbox.file(kept.id).unwrap(), log_file);
    assert!(
        posted.text.contains("files kept with it"),
        "{}",
        posted.text
    );
}
