//! What must hold when things happen at once or go wrong: simultaneous
//! claims, replayed gateway events, a restart mid-ticket, a thread deleted
//! behind the bot's back, a missing bot permission, pings in user text.

use supportline::sandbox::{Permissions, Target};

use crate::world::{text, World};

#[tokio::test]
async fn two_staff_claiming_at_once_get_one_winner() {
    let w = World::start().await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    let root = w.person("root");
    let (t, _) = w.open_ticket(&alice, "Two-factor codes are rejected").await;
    let card_l = w.card(&lena, t.number.0).await;
    let card_r = w.card(&root, t.number.0).await;
    let (a, b) = tokio::join!(lena.click(&card_l, "Claim"), root.click(&card_r, "Claim"));
    let a = w.answer(&lena, &a.unwrap()).await;
    let b = w.answer(&root, &b.unwrap()).await;
    let won: Vec<bool> = [&a, &b]
        .iter()
        .map(|m| m.text.contains("is yours"))
        .collect();
    assert_eq!(won.iter().filter(|x| **x).count(), 1, "{a:?} / {b:?}");
    let loser = if won[0] { &b } else { &a };
    assert!(loser.text.contains("already has"), "{}", loser.text);
    let assignee = w.ticket(t.number.0).await.assignee.unwrap();
    let winner = if won[0] { lena.id() } else { root.id() };
    assert_eq!(assignee.0, winner);
}

#[tokio::test]
async fn a_replayed_gateway_event_does_not_open_a_second_ticket() {
    let w = World::start().await;
    let alice = w.person("alice");
    let help = w.channel("help");
    w.slash(
        &alice,
        &help,
        "ticket open",
        &[("question", text("Payment failed twice"))],
    )
    .await;
    w.sandbox.settled().await.unwrap();
    assert!(w.sandbox.faults().replay_last("INTERACTION_CREATE"));
    w.sandbox.settled().await.unwrap();
    let open = w.store.open_tickets(w.guild()).await.unwrap();
    assert_eq!(open.len(), 1);
}

#[tokio::test]
async fn after_a_restart_old_cards_still_work_and_nothing_is_lost() {
    let mut w = World::start().await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    let (t, user_thread) = w.open_ticket(&alice, "Cannot change my email").await;
    let card = w.card(&lena, t.number.0).await;
    w.restart_bot().await;
    let claimed = w.click(&lena, &card, "Claim").await;
    assert!(claimed.text.contains("is yours"), "{}", claimed.text);
    let l1 = w.case_thread(t.number.0).await;
    w.slash(&lena, &l1, "escalate", &[("reason", text("Account team"))])
        .await;
    let now = w.ticket(t.number.0).await;
    assert_eq!(now.level, supportline::tickets::Level::L2);
    assert_eq!(now.user_thread, t.user_thread);
    assert!(alice.can_see(&user_thread));
}

#[tokio::test]
async fn a_user_thread_deleted_behind_the_bots_back_closes_the_ticket_with_a_note() {
    let w = World::start().await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    let (t, user_thread) = w.open_ticket(&alice, "The app crashes on start").await;
    let l1 = w.case_thread(t.number.0).await;
    w.sandbox.faults().delete_channel(&user_thread).unwrap();
    lena.sees_in(&l1, |m| m.text.contains("deleted"))
        .await
        .expect("staff are told");
    w.sandbox.settled().await.unwrap();
    assert!(w.ticket(t.number.0).await.is_closed());
    // The user may open a new ticket afterwards (after the cooldown).
    w.clock.advance(chrono::Duration::hours(1));
    let (again, _) = w.open_ticket(&alice, "The app still crashes").await;
    assert_ne!(again.number, t.number);
}

#[tokio::test]
async fn setup_show_reports_a_missing_bot_permission() {
    let w = World::start().await;
    let root = w.person("root");
    let help = w.channel("help");
    let fine = w.slash(&root, &help, "setup show", &[]).await;
    assert!(
        fine.embed_text().contains("every permission"),
        "{}",
        fine.embed_text()
    );
    // Someone takes the bot's right to create threads in the L2 channel.
    let l2 = w.channel("l2-support");
    w.sandbox
        .set_overwrite(
            &l2,
            Target::Role("Supportline".into()),
            Permissions::VIEW_CHANNEL,
            Permissions::CREATE_PUBLIC_THREADS,
        )
        .unwrap();
    w.sandbox.settled().await.unwrap();
    let report = w.slash(&root, &help, "setup show", &[]).await;
    let text = report.embed_text();
    assert!(
        text.contains("CREATE_PUBLIC_THREADS") || text.contains("Create Public Threads"),
        "{text}"
    );
    assert!(text.contains(&format!("<#{}>", l2.id)), "{text}");
}

#[tokio::test]
async fn everyone_in_a_question_pings_nobody_and_the_limit_holds() {
    let w = World::start().await;
    let alice = w.person("alice");
    let (t, user_thread) = w
        .open_ticket(&alice, "@everyone HELP <@&1> urgent!!!")
        .await;
    w.sandbox.settled().await.unwrap();
    for m in w.sandbox.messages(&user_thread) {
        assert!(!m.pings.everyone, "{m:?}");
        assert!(
            m.pings.notified.iter().all(|n| n == "alice"),
            "{:?}",
            m.pings
        );
    }
    assert_eq!(t.priority, supportline::tickets::Priority::Urgent);
    // One open ticket per user by default.
    let help = w.channel("help");
    let second = w
        .slash(
            &alice,
            &help,
            "ticket open",
            &[("question", text("another thing"))],
        )
        .await;
    assert!(second.text.contains("already have"), "{}", second.text);
    assert_eq!(w.store.open_tickets(w.guild()).await.unwrap().len(), 1);
}

#[tokio::test]
async fn mention_markup_in_a_question_becomes_names_in_the_thread_name() {
    let w = World::start().await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    let question = format!(
        "<@{}> said ask <@&{}> in <#{}>",
        lena.id(),
        w.sandbox.role_id("L2").unwrap(),
        w.channel("help").id
    );
    let (_, thread) = w.open_ticket(&alice, &question).await;
    let name = w.sandbox.channel_info(&thread).unwrap().name;
    // Her display name on the server, as members see it.
    assert_eq!(name, "#1 @Lena (L1) said ask @L2 in #help");
}
