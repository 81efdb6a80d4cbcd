//! The outbox and the reconciler as people notice them: a step Discord
//! refuses is reported and left, not retried forever; a thread deleted
//! while the bot was down closes its ticket at start-up; a restart in the
//! middle of a move finishes it without doing anything twice, even when
//! the bot stays down longer than Discord remembers a nonce.

use supportline::sandbox::{ChannelRef, Permissions, Person, Target};
use supportline::store::EffectStatus;
use supportline::tickets::{CloseReason, Level};

use crate::world::{text, World};

#[tokio::test]
async fn a_case_discord_refuses_to_start_is_reported_to_the_mover_and_the_log_and_never_half_made()
{
    let w = World::start().await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    let (t, _) = w
        .open_ticket(&alice, "Exports time out after a minute")
        .await;
    let l1 = w.case_thread(t.number.0).await;
    // Someone takes the bot's right to start threads in the L2 channel.
    let l2 = w.channel("l2-support");
    w.sandbox
        .set_overwrite(
            &l2,
            Target::Role("Supportline".into()),
            Permissions::VIEW_CHANNEL,
            Permissions::CREATE_PUBLIC_THREADS,
        )
        .unwrap();
    let moved = w
        .slash(&lena, &l1, "escalate", &[("reason", text("needs L2"))])
        .await;
    assert!(moved.text.contains("Discord refused"), "{}", moved.text);
    w.sandbox.settled().await.unwrap();
    let log = w.channel("support-log");
    let reports: Vec<String> = w
        .sandbox
        .messages(&log)
        .into_iter()
        .map(|m| m.text)
        .filter(|t| t.contains("Discord refused"))
        .collect();
    assert_eq!(reports.len(), 1, "{reports:?}");
    assert!(reports[0].contains("50013"), "{reports:?}");
    // No card without its thread is left in the L2 channel.
    for m in w.sandbox.messages(&l2) {
        assert!(!m.has_button("Claim"), "a half-made case: {m:?}");
    }
    let steps = w.store.effects(t.id).await.unwrap();
    let failed: Vec<_> = steps
        .iter()
        .filter(|e| e.status == EffectStatus::Failed)
        .collect();
    assert_eq!(failed.len(), 1, "{steps:?}");
    assert!(steps.iter().all(|e| e.status != EffectStatus::Pending));
    assert_eq!(w.ticket(t.number.0).await.level, Level::L2);
}

#[tokio::test]
async fn a_user_thread_deleted_while_the_bot_was_down_closes_the_ticket_at_start_up() {
    let mut w = World::start().await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    let (t, user_thread) = w.open_ticket(&alice, "The app crashes on start").await;
    let case = w.case_thread(t.number.0).await;
    w.stop_bot().await;
    w.sandbox.faults().delete_channel(&user_thread).unwrap();
    w.restart_bot().await;
    lena.sees_in(&case, |m| m.text.contains("thread was deleted"))
        .await
        .expect("staff hear why the ticket closed");
    let now = w.ticket(t.number.0).await;
    assert_eq!(now.close_reason, Some(CloseReason::ThreadLost));
    assert!(w.store.pending_timers(t.id).await.unwrap().is_empty());
}

#[tokio::test]
async fn a_restart_in_the_middle_of_a_move_finishes_it_once() {
    let mut w = World::start().await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    let mark = w.person("mark");
    let (t, user_thread) = w.open_ticket(&alice, "Reports show yesterday's data").await;
    let l1 = w.case_thread(t.number.0).await;
    // The bot dies in the middle of the move: its second REST call is
    // carried out, then nothing answers until it is killed.
    w.sandbox.settled().await.unwrap();
    escalate_and_die(&mut w, &lena, &l1, 1).await;
    w.clock.advance(chrono::Duration::seconds(
        supportline::store::EFFECT_LEASE_SECS + 1,
    ));
    w.restart_bot().await;
    let l2 = w.channel("l2-support");
    alice
        .sees_in(&user_thread, |m| m.text.contains("Specialists"))
        .await
        .expect("alice is told, after the restart");
    w.sandbox.settled().await.unwrap();
    let cards: Vec<_> = mark
        .messages_in(&l2)
        .into_iter()
        .filter(|m| m.has_button("Claim"))
        .collect();
    assert_eq!(cards.len(), 1, "one card at L2: {cards:?}");
    assert!(cards[0].thread.is_some());
    let told = alice
        .messages_in(&user_thread)
        .into_iter()
        .filter(|m| m.text.contains("Specialists"))
        .count();
    assert_eq!(told, 1, "alice is told once");
    let old = w.sandbox.channel_info(&l1).unwrap();
    assert!(old.archived && old.locked);
}

#[tokio::test]
async fn a_step_that_posted_before_an_outage_longer_than_discords_nonce_memory_posts_once() {
    let mut w = World::start().await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    let (t, user_thread) = w.open_ticket(&alice, "Reports show yesterday's data").await;
    let l1 = w.case_thread(t.number.0).await;
    w.sandbox.settled().await.unwrap();
    // The bot dies right after Discord made a message for it, before it
    // heard back; it stays down longer than Discord remembers a nonce.
    escalate_and_die(&mut w, &lena, &l1, CUT_AT_A_MESSAGE).await;
    let outage = std::time::Duration::from_secs(10 * 60);
    w.sandbox.advance_clock(outage);
    w.clock.advance(chrono::Duration::from_std(outage).unwrap());
    w.restart_bot().await;
    alice
        .sees_in(&user_thread, |m| m.text.contains("Specialists"))
        .await
        .expect("alice is told, after the restart");
    w.sandbox.settled().await.unwrap();
    let mut seen: Vec<String> = Vec::new();
    for channel in [&user_thread, &l1] {
        seen.extend(bot_texts(&w, channel));
    }
    let mut twice: Vec<&String> = seen
        .iter()
        .filter(|m| seen.iter().filter(|n| n == m).count() > 1)
        .collect();
    twice.dedup();
    assert!(twice.is_empty(), "posted twice: {twice:?}");
    let cards = w
        .person("mark")
        .messages_in(&w.channel("l2-support"))
        .into_iter()
        .filter(|m| m.has_button("Claim"))
        .count();
    assert_eq!(cards, 1, "one card at L2");
}

/// How many REST calls of the escalation go through before the one that
/// is carried out as the bot dies: the L1 thread's "This case moved to
/// L2" note (posted twice before the runner looked for it).
const CUT_AT_A_MESSAGE: u64 = 5;

/// What the bot wrote; Discord's own lines in its name ("Supportline
/// added Mark to the thread") are not its words.
fn bot_texts(w: &World, channel: &supportline_sandbox::ChannelRef) -> Vec<String> {
    w.sandbox
        .messages(channel)
        .into_iter()
        .filter(|m| m.author == "supportline" && !m.is_system())
        .map(|m| m.text)
        .collect()
}

/// `who` escalates in `case`; the bot dies after Discord carried out
/// `calls` of its REST calls (nothing answers after them), and is stopped.
async fn escalate_and_die(w: &mut World, who: &Person, case: &ChannelRef, calls: u64) {
    w.sandbox.faults().cut_after(calls, true);
    let interrupted = who
        .slash(case, "escalate", &[("reason", text("stale data"))])
        .await;
    for _ in 0..100 {
        if w.sandbox.faults().cut_tripped() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(w.sandbox.faults().cut_tripped(), "{interrupted:?}");
    w.stop_bot().await;
    w.sandbox.faults().clear_cut();
}
