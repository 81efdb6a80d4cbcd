//! The connection to Discord misbehaving: a dropped gateway resumes without
//! losing what happened meanwhile; a 500 while making a ticket leaves the
//! user told and staff without a half-made case.

use supportline::sandbox::Failure;

use crate::world::{text, World};

#[tokio::test]
async fn a_dropped_gateway_resumes_and_the_question_is_still_answered() {
    let w = World::start().await;
    let alice = w.person("alice");
    let help = w.channel("help");
    let handshakes = w.sandbox.handshakes();
    w.sandbox.faults().drop_gateway();
    // Asked while the bot is away: the event waits in the session and
    // arrives on resume, within Discord's 3 s.
    let answer = w
        .ask(&alice, &help, "how do I reopen a closed ticket?")
        .await;
    assert!(answer.has_button("Solved"), "{answer:?}");
    w.sandbox
        .bot_connected_after(handshakes)
        .await
        .expect("the bot came back");

    // A plain message sent during a second drop is answered too.
    w.sandbox.faults().drop_gateway();
    alice
        .say(&help, "how do I reopen a closed ticket?")
        .await
        .unwrap();
    alice
        .sees_in(&help, |m| {
            m.author == "supportline" && m.has_button("Solved")
        })
        .await
        .expect("the message was not lost");
    w.sandbox.settled().await.unwrap();
    let answers = w
        .sandbox
        .messages(&help)
        .into_iter()
        .filter(|m| m.author == "supportline" && !m.ephemeral)
        .count();
    assert_eq!(answers, 1, "answered once, not once per delivery");
}

#[tokio::test]
async fn a_500_on_the_case_thread_tells_the_user_and_leaves_no_half_made_case() {
    let w = World::start().await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    let help = w.channel("help");
    let l1_desk = w.channel("l1-desk");
    w.sandbox
        .faults()
        .fail_next(
            "POST /channels/{channel_id}/messages/{message_id}/threads",
            1,
            Failure::ServerError,
        )
        .unwrap();
    let reply = w
        .slash(
            &alice,
            &help,
            "ticket open",
            &[("question", text("The dashboard shows no data"))],
        )
        .await;
    assert!(reply.ephemeral, "{reply:?}");
    assert!(
        reply.text.contains("try again") || reply.text.contains("is open"),
        "a clear answer: {}",
        reply.text
    );
    w.sandbox.settled().await.unwrap();
    // Staff never see a card without its case thread.
    for m in lena.messages_in(&l1_desk) {
        if m.has_button("Claim") {
            assert!(m.thread.is_some(), "a card with no case thread: {m:?}");
        }
    }

    // Trying again gives alice one working ticket that staff can pick up.
    let again = w
        .slash(
            &alice,
            &help,
            "ticket open",
            &[("question", text("The dashboard shows no data"))],
        )
        .await;
    w.sandbox.settled().await.unwrap();
    let open = w.store.open_tickets(w.guild()).await.unwrap();
    assert_eq!(open.len(), 1, "{open:?}");
    let t = &open[0];
    let thread = t.user_thread.expect("the ticket has its user thread");
    assert!(
        again.text.contains(&format!("<#{thread}>")),
        "the ticket's thread (named after its number) is linked: {}",
        again.text
    );
    let case = t.case.as_ref().expect("the ticket has its case now");
    assert!(lena.can_see(&w.channel_by_id(case.thread.0)));
    let user_thread = w.channel_by_id(t.user_thread.expect("a user thread").0);
    alice
        .sees_in(&user_thread, |m| m.text.contains("your ticket"))
        .await
        .expect("alice has her thread");
    let greetings = alice
        .messages_in(&user_thread)
        .iter()
        .filter(|m| m.text.contains("your ticket"))
        .count();
    assert_eq!(greetings, 1, "greeted once");
}

#[tokio::test]
async fn a_replayed_message_or_click_is_handled_once() {
    let w = World::start().await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    let help = w.channel("help");
    alice
        .say(&help, "how do I reopen a closed ticket?")
        .await
        .unwrap();
    alice
        .sees_in(&help, |m| {
            m.author == "supportline" && m.has_button("Solved")
        })
        .await
        .expect("alice is answered");
    w.sandbox.settled().await.unwrap();
    assert!(w.sandbox.faults().replay_last("MESSAGE_CREATE"));
    w.sandbox.settled().await.unwrap();
    let answers = w
        .sandbox
        .messages(&help)
        .into_iter()
        .filter(|m| m.author == "supportline" && !m.ephemeral)
        .count();
    assert_eq!(answers, 1, "one answer for one message");

    let (t, _) = w.open_ticket(&alice, "Sync stopped on my phone").await;
    let l1 = w.case_thread(t.number.0).await;
    let card = w.card(&lena, t.number.0).await;
    w.click(&lena, &card, "Claim").await;
    w.sandbox.settled().await.unwrap();
    let claimed = |w: &World| {
        w.sandbox
            .messages(&l1)
            .iter()
            .filter(|m| m.text.contains("claimed the ticket"))
            .count()
    };
    assert_eq!(claimed(&w), 1);
    assert!(w.sandbox.faults().replay_last("INTERACTION_CREATE"));
    w.sandbox.settled().await.unwrap();
    assert_eq!(claimed(&w), 1, "a replayed click claims once");
    assert_eq!(
        w.ticket(t.number.0).await.assignee.map(|a| a.0),
        Some(lena.id())
    );
}

#[tokio::test]
async fn a_500_on_the_user_thread_does_not_leave_the_user_stuck() {
    let w = World::start().await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    let help = w.channel("help");
    w.sandbox
        .faults()
        .fail_next(
            "POST /channels/{channel_id}/threads",
            1,
            Failure::ServerError,
        )
        .unwrap();
    let reply = w
        .slash(
            &alice,
            &help,
            "ticket open",
            &[("question", text("Notifications never arrive"))],
        )
        .await;
    // The ticket is stored; its thread is promised, not refused.
    assert!(reply.text.contains("is open"), "{}", reply.text);
    w.sandbox.settled().await.unwrap();
    assert!(
        w.sandbox.threads_of(&w.channel("l1-desk")).is_empty(),
        "no case without a user thread"
    );

    // The one-ticket limit must not lock her out of a ticket she never got.
    w.slash(
        &alice,
        &help,
        "ticket open",
        &[("question", text("Notifications never arrive"))],
    )
    .await;
    w.sandbox.settled().await.unwrap();
    let open = w.store.open_tickets(w.guild()).await.unwrap();
    assert_eq!(open.len(), 1, "{open:?}");
    let t = &open[0];
    let user_thread = w.channel_by_id(t.user_thread.expect("a user thread now").0);
    alice
        .sees_in(&user_thread, |m| m.text.contains("your ticket"))
        .await
        .expect("alice is greeted");
    let case = t.case.as_ref().expect("and a case");
    assert!(lena.can_see(&w.channel_by_id(case.thread.0)));
}

#[tokio::test]
async fn a_user_thread_discord_is_slow_to_make_is_promised_not_refused_and_then_made() {
    let w = World::start().await;
    let alice = w.person("alice");
    let help = w.channel("help");
    w.sandbox
        .faults()
        .fail_next(
            "POST /channels/{channel_id}/threads",
            2,
            Failure::ServerError,
        )
        .unwrap();
    let reply = w
        .slash(
            &alice,
            &help,
            "ticket open",
            &[("question", text("The invoice page is blank"))],
        )
        .await;
    // The ticket is stored and its steps are retried: alice is told it is
    // open and where its thread will appear, not to try again.
    assert!(reply.ephemeral, "{reply:?}");
    assert!(
        reply.text.contains("is open") && !reply.text.contains("try again"),
        "{}",
        reply.text
    );
    let t = w.ticket(1).await;
    assert!(
        reply.text.contains(&t.number.to_string()),
        "names the ticket: {}",
        reply.text
    );
    // The outbox retries the thread in the background (with backoff on
    // the bot's clock); alice is mentioned there.
    let mut made = None;
    for _ in 0..100 {
        w.clock.advance(chrono::Duration::seconds(30));
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        made = w.ticket(1).await.user_thread;
        if made.is_some() {
            break;
        }
    }
    w.sandbox.settled().await.unwrap();
    let thread = w.channel_by_id(made.expect("the thread was made").0);
    alice
        .sees_in(&thread, |m| m.text.contains("your ticket"))
        .await
        .expect("alice is greeted in her thread");
    assert_eq!(w.store.open_tickets(w.guild()).await.unwrap().len(), 1);
}
