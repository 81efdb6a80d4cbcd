//! Resolving with the user (Yes, a rating, No), auto-close on silence
//! across a restart, and SLA reminders: once, to the right role only.

use chrono::Duration;
use supportline::tickets::{EventKind, Status};

use crate::world::{text, World};

async fn claimed_ticket(
    w: &World,
    who: &str,
    question: &str,
) -> (u64, supportline::sandbox::ChannelRef) {
    let user = w.person(who);
    let lena = w.person("lena");
    let (t, thread) = w.open_ticket(&user, question).await;
    let card = w.card(&lena, t.number.0).await;
    w.click(&lena, &card, "Claim").await;
    (t.number.0, thread)
}

#[tokio::test]
async fn resolve_then_yes_closes_the_ticket() {
    let w = World::start().await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    let (n, thread) = claimed_ticket(&w, "alice", "My avatar won't upload").await;
    let l1 = w.case_thread(n).await;
    let asked = w
        .slash(
            &lena,
            &l1,
            "resolve",
            &[("summary", text("Cleared the CDN cache"))],
        )
        .await;
    assert!(asked.text.contains("confirm"), "{}", asked.text);
    let question = alice
        .sees_in(&thread, |m| m.has_button("Yes, solved"))
        .await
        .expect("alice is asked");
    assert!(question.text.contains("Cleared the CDN cache"));
    assert_eq!(w.ticket(n).await.status, Status::Resolving);
    let thanks = w.click(&alice, &question, "Yes, solved").await;
    assert!(thanks.text.contains("Thank you"), "{}", thanks.text);
    let t = w.ticket(n).await;
    assert!(t.is_closed());
    let info = w.sandbox.channel_info(&thread).unwrap();
    assert!(info.archived && info.locked);
    // Staff read it as a sentence, with no stars (nor room for them) unrated.
    lena.sees_in(&l1, |m| m.text == "The user confirmed the solution.")
        .await
        .expect("the case says the user confirmed");
}

#[tokio::test]
async fn a_rating_with_a_comment_closes_and_is_kept() {
    let w = World::start().await;
    let boris = w.person("boris");
    let lena = w.person("lena");
    let (n, thread) = claimed_ticket(&w, "boris", "Не приходит письмо для входа").await;
    let l1 = w.case_thread(n).await;
    w.slash(&lena, &l1, "resolve", &[]).await;
    let question = boris
        .sees_in(&thread, |m| m.has_button("Да, решено"))
        .await
        .expect("boris is asked in Russian");
    let form = boris.click(&question, "4 ★").await.unwrap();
    let modal = form.modal().expect("a comment form").clone();
    let done = boris
        .submit_modal(&modal, &[("comment", "Быстро и вежливо")])
        .await
        .unwrap();
    let done = w.answer(&boris, &done).await;
    assert!(done.text.contains("Спасибо"), "{}", done.text);
    let events = w.store.events(w.ticket(n).await.id).await.unwrap();
    let rated = events.iter().find_map(|e| match &e.event.kind {
        EventKind::UserConfirmed { rating, comment } => {
            Some((rating.map(|r| r.get()), comment.clone()))
        }
        _ => None,
    });
    assert_eq!(rated, Some((Some(4), Some("Быстро и вежливо".to_string()))));
    lena.sees_in(&l1, |m| m.text.contains("★★★★"))
        .await
        .expect("staff see the rating");
}

#[tokio::test]
async fn no_sends_it_back_to_the_assignee() {
    let w = World::start().await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    let (n, thread) = claimed_ticket(&w, "alice", "Exports are empty").await;
    let l1 = w.case_thread(n).await;
    w.slash(&lena, &l1, "resolve", &[]).await;
    let question = alice
        .sees_in(&thread, |m| m.has_button("No, not yet"))
        .await
        .unwrap();
    let form = alice.click(&question, "No, not yet").await.unwrap();
    let modal = form.modal().unwrap().clone();
    let done = alice
        .submit_modal(&modal, &[("comment", "Still empty after the fix")])
        .await
        .unwrap();
    w.answer(&alice, &done).await;
    let back = lena
        .sees_in(&l1, |m| m.text.contains("Still empty after the fix"))
        .await
        .expect("the assignee hears it in the case");
    assert_eq!(back.pings.notified, vec!["lena".to_string()]);
    let t = w.ticket(n).await;
    assert_eq!(t.status, Status::Open);
    assert_eq!(t.assignee.map(|a| a.0), Some(lena.id()));
}

#[tokio::test]
async fn silence_closes_the_ticket_once_even_across_a_restart() {
    let mut w = World::start().await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    let (n, thread) = claimed_ticket(&w, "alice", "Where is my receipt?").await;
    let l1 = w.case_thread(n).await;
    w.slash(&lena, &l1, "resolve", &[]).await;
    alice
        .sees_in(&thread, |m| m.has_button("Yes, solved"))
        .await
        .unwrap();
    // The bot is down when the 24 h pass, and comes back after.
    w.stop_bot().await;
    w.clock.advance(Duration::hours(25));
    w.restart_bot().await;
    alice
        .sees_in(&thread, |m| m.text.contains("closed automatically"))
        .await
        .expect("the auto-close ran after the restart");
    w.restart_bot().await;
    w.sandbox.settled().await.unwrap();
    let t = w.ticket(n).await;
    assert!(t.is_closed());
    let closes = w
        .store
        .events(t.id)
        .await
        .unwrap()
        .iter()
        .filter(|e| matches!(e.event.kind, EventKind::Closed { .. }))
        .count();
    assert_eq!(closes, 1, "closed once, not twice");
    let notices = w
        .sandbox
        .messages(&thread)
        .iter()
        .filter(|m| m.text.contains("closed automatically"))
        .count();
    assert_eq!(notices, 1);
}

#[tokio::test]
async fn an_overdue_ticket_gets_one_reminder_pinging_its_levels_role_only() {
    let w = World::start().await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    let mark = w.person("mark");
    let (t, _) = w.open_ticket(&alice, "Login loops forever").await;
    let l1 = w.case_thread(t.number.0).await;
    w.clock.advance(Duration::minutes(16));
    let reminder = lena
        .sees_in(&l1, |m| m.text.contains("waited longer"))
        .await
        .expect("the L1 reminder");
    assert_eq!(reminder.pings.roles, vec!["L1".to_string()]);
    assert!(!reminder.pings.everyone);
    w.clock.advance(Duration::minutes(30));
    w.sandbox.settled().await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    w.sandbox.settled().await.unwrap();
    let reminders = w
        .sandbox
        .messages(&l1)
        .iter()
        .filter(|m| m.text.contains("waited longer"))
        .count();
    assert_eq!(reminders, 1, "one reminder, not one per tick");

    // At L2 the clock starts again, with L2's target (1 h) and role.
    w.slash(&lena, &l1, "escalate", &[("reason", text("Auth team"))])
        .await;
    let l2 = w.case_thread(t.number.0).await;
    w.clock.advance(Duration::minutes(61));
    let reminder = mark
        .sees_in(&l2, |m| m.text.contains("waited longer"))
        .await
        .expect("the L2 reminder");
    assert_eq!(reminder.pings.roles, vec!["L2".to_string()]);
}

#[tokio::test]
async fn a_staff_answer_in_the_user_thread_stops_the_reminder() {
    let w = World::start().await;
    let lena = w.person("lena");
    let (n, thread) = claimed_ticket(&w, "alice", "Password reset link expired").await;
    lena.say(&thread, "Hi Alice, I'm sending a new link now.")
        .await
        .unwrap();
    w.sandbox.settled().await.unwrap();
    assert!(w.ticket(n).await.first_response_at.is_some());
    w.clock.advance(Duration::minutes(20));
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    w.sandbox.settled().await.unwrap();
    let l1 = w.case_thread(n).await;
    assert!(!w
        .sandbox
        .messages(&l1)
        .iter()
        .any(|m| m.text.contains("waited longer")));
}

#[tokio::test]
async fn a_reply_instead_of_an_answer_goes_back_to_the_assignee_and_nothing_closes() {
    let w = World::start().await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    let (n, thread) = claimed_ticket(&w, "alice", "Sync stopped working").await;
    let l1 = w.case_thread(n).await;
    w.slash(&lena, &l1, "resolve", &[]).await;
    let question = alice
        .sees_in(&thread, |m| m.has_button("Yes, solved"))
        .await
        .unwrap();

    alice.say(&thread, "no! it is still broken").await.unwrap();
    let back = lena
        .sees_in(&l1, |m| m.text.contains("no! it is still broken"))
        .await
        .expect("the assignee hears it in the case");
    assert_eq!(back.pings.notified, vec!["lena".to_string()]);
    assert_eq!(w.ticket(n).await.status, Status::Open);
    let asked = alice
        .sees_in(&thread, |m| m.id == question.id && m.buttons.is_empty())
        .await
        .expect("the question loses its buttons");
    assert!(asked.text.contains("stays open"), "{}", asked.text);

    // A day later nothing closes by itself.
    w.clock.advance(Duration::hours(25));
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    w.sandbox.settled().await.unwrap();
    assert_eq!(w.ticket(n).await.status, Status::Open);
    assert!(!w
        .sandbox
        .messages(&thread)
        .iter()
        .any(|m| m.text.contains("closed automatically")));
}

#[tokio::test]
async fn the_question_loses_its_buttons_once_answered_or_closed() {
    let w = World::start().await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    // Answered with Yes.
    let (n, thread) = claimed_ticket(&w, "alice", "Avatar upload fails").await;
    let l1 = w.case_thread(n).await;
    w.slash(&lena, &l1, "resolve", &[]).await;
    let question = alice
        .sees_in(&thread, |m| m.has_button("Yes, solved"))
        .await
        .unwrap();
    w.click(&alice, &question, "Yes, solved").await;
    w.sandbox.settled().await.unwrap();
    let after = w.sandbox.messages(&thread);
    let asked = after.iter().find(|m| m.id == question.id).unwrap();
    assert!(asked.buttons.is_empty(), "{asked:?}");

    // Closed by the auto-close.
    let boris = w.person("boris");
    let (n, thread) = claimed_ticket(&w, "boris", "Письма не приходят").await;
    let l1 = w.case_thread(n).await;
    w.slash(&lena, &l1, "resolve", &[]).await;
    let question = boris
        .sees_in(&thread, |m| m.has_button("Да, решено"))
        .await
        .unwrap();
    w.clock.advance(Duration::hours(25));
    boris
        .sees_in(&thread, |m| m.text.contains("автоматически"))
        .await
        .expect("the auto-close runs");
    w.sandbox.settled().await.unwrap();
    let asked = w
        .sandbox
        .messages(&thread)
        .into_iter()
        .find(|m| m.id == question.id)
        .unwrap();
    assert!(asked.buttons.is_empty(), "{asked:?}");
}
