//! Tickets that waited: Discord archives a thread after a week without
//! activity (the bot's threads' `auto_archive_duration`), and then refuses
//! to add members to it or lock it (50083). Work on a week-old ticket must
//! still reach Discord, and a closed ticket must tell its user how to
//! reopen it where commands still run.

use chrono::Duration;

use crate::world::{int, text, World};

/// Longer than the bot's threads' week of auto-archive.
fn eight_days() -> Duration {
    Duration::days(8)
}

#[tokio::test]
async fn a_week_old_ticket_is_claimed_noted_and_escalated_as_a_fresh_one() {
    let w = World::start().await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    let mark = w.person("mark");
    let (t, user_thread) = w
        .open_ticket(&alice, "The nightly backup has been failing")
        .await;
    let n = t.number.0;
    let l1 = w.case_thread(n).await;

    w.wait(eight_days()).await;
    assert!(
        w.sandbox.channel_info(&user_thread).unwrap().archived,
        "Discord archived the idle user thread"
    );

    // Claim from the card (in the level channel: its buttons still work).
    let card = w.card(&lena, n).await;
    let claimed = w.click(&lena, &card, "Claim").await;
    assert!(claimed.text.contains("is yours"), "{}", claimed.text);
    assert!(
        !claimed.text.contains("Discord refused"),
        "no step was refused: {}",
        claimed.text
    );
    assert!(
        w.sandbox
            .thread_members(&user_thread)
            .contains(&"lena".to_string()),
        "the claimer is in the user thread, as the database says"
    );
    assert!(lena.can_see(&user_thread));

    // Slash commands do not run in an archived thread; with the number
    // they run in the level channel.
    let l1_desk = w.channel("l1-desk");
    let noted = w
        .slash(
            &lena,
            &l1_desk,
            "note",
            &[
                ("text", text("restarted the agent")),
                ("ticket", int(n as i64)),
            ],
        )
        .await;
    assert!(!noted.text.contains("Discord refused"), "{}", noted.text);
    lena.sees_in(&l1, |m| m.text.contains("restarted the agent"))
        .await
        .expect("the note reaches the case thread");

    w.wait(eight_days()).await;
    let card = w.card(&lena, n).await;
    let form = lena.click(&card, "Escalate").await.unwrap();
    let done = lena
        .submit_modal(form.modal().unwrap(), &[("reason", "needs a specialist")])
        .await
        .unwrap();
    let done = w.answer(&lena, &done).await;
    assert!(!done.text.contains("Discord refused"), "{}", done.text);
    let l2 = w.case_thread(n).await;
    assert_ne!(l2, l1);
    assert!(mark.can_see(&l2));
    let old = w.sandbox.channel_info(&l1).unwrap();
    assert!(old.archived && old.locked, "the old case is locked away");
    alice
        .sees_in(&user_thread, |m| m.text.contains("Specialists"))
        .await
        .expect("alice is told in her thread, which wakes up for it");
    assert!(w
        .store
        .effects(w.ticket(n).await.id)
        .await
        .unwrap()
        .iter()
        .all(|e| e.status == supportline::store::EffectStatus::Done));
}

#[tokio::test]
async fn a_week_old_ticket_closes_with_both_threads_locked() {
    let w = World::start().await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    let (t, user_thread) = w.open_ticket(&alice, "My invoices are missing").await;
    let n = t.number.0;
    let l1 = w.case_thread(n).await;

    w.wait(eight_days()).await;
    let help = w.channel("help");
    let done = w
        .slash(
            &lena,
            &help,
            "close",
            &[("reason", text("found them")), ("ticket", int(n as i64))],
        )
        .await;
    assert!(!done.text.contains("Discord refused"), "{}", done.text);
    for thread in [&user_thread, &l1] {
        let info = w.sandbox.channel_info(thread).unwrap();
        assert!(
            info.archived && info.locked,
            "{} is locked: nobody writes in a closed ticket",
            info.name
        );
    }
}

#[tokio::test]
async fn a_closed_ticket_tells_its_user_the_exact_command_to_reopen_it_and_where() {
    let w = World::start().await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    let (t, user_thread) = w.open_ticket(&alice, "Cannot change my email").await;
    let n = t.number.0;
    let l1 = w.case_thread(n).await;
    w.slash(&lena, &l1, "close", &[("reason", text("done"))])
        .await;

    let support = w.channel("support");
    let command = format!("/reopen ticket: {n}");
    let told = alice
        .sees_in(&user_thread, |m| m.text.contains("closed by"))
        .await
        .unwrap();
    assert!(told.text.contains(&command), "{}", told.text);
    assert!(
        told.text.contains(&format!("<#{}>", support.id)),
        "it names where the command runs: {}",
        told.text
    );

    // Not in the thread: it is locked and archived.
    assert!(alice.slash(&user_thread, "reopen", &[]).await.is_err());
    let again = w
        .slash(&alice, &support, "reopen", &[("ticket", int(n as i64))])
        .await;
    assert!(again.text.contains("open again"), "{}", again.text);
    let info = w.sandbox.channel_info(&user_thread).unwrap();
    assert!(!info.archived && !info.locked);
}
