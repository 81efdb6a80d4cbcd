//! Restarting on a kept database under a new Discord (a new sandbox makes
//! new ids for everything): the reconciler closes the old server's tickets
//! with a reason, their timers cancelled, instead of letting them fail
//! quietly (a thread deleted while the bot was down: tests/e2e/durability.rs).

use std::time::Duration;

use supportline::tickets::{CloseReason, GuildId, Ticket, TicketNumber};

use crate::world::World;

/// Waits until ticket `number` of `guild` is closed (the check runs in
/// the background after READY).
async fn closed(w: &World, guild: GuildId, number: u64) -> Ticket {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        let t = w
            .store
            .ticket_by_number(guild, TicketNumber(number))
            .await
            .unwrap()
            .unwrap();
        if t.is_closed() {
            return t;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "ticket {number} is still {:?} after the restart",
            t.status
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn a_kept_database_under_a_new_discord_closes_the_tickets_of_the_old_server() {
    let mut w = World::start().await;
    let alice = w.person("alice");
    let (t, _) = w.open_ticket(&alice, "The CSV export fails").await;
    let old = w.guild();
    assert!(
        !w.store.pending_timers(t.id).await.unwrap().is_empty(),
        "an open ticket has its SLA timer"
    );

    w.replace_sandbox().await;
    assert_ne!(w.guild(), old, "a new sandbox is a new server");
    let t = closed(&w, old, t.number.0).await;
    assert_eq!(t.close_reason, Some(CloseReason::ThreadLost));
    assert!(
        w.store.pending_timers(t.id).await.unwrap().is_empty(),
        "no timer fires into the old server"
    );

    // The new server works as a fresh one.
    let alice = w.person("alice");
    let (fresh, _) = w.open_ticket(&alice, "Now the import fails").await;
    assert_eq!(fresh.guild, w.guild());
    assert!(!fresh.is_closed());
}
