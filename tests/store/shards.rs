//! Several processes on shard ranges: each takes the timers, outbox steps
//! and open tickets of the guilds on its own shards only, so that a guild
//! is served by the one process its gateway events reach.

use supportline::config::ShardRange;
use supportline::store::{NewTimer, TimerSubject};
use supportline::tickets::{GuildId, TimerKind, UserId};

use crate::common::*;

/// Shard `n` of 2.
fn shard(n: u32) -> ShardRange {
    ShardRange {
        range: n..n + 1,
        total: 2,
    }
}

/// `GUILD` is on shard 1 of 2 (`(id >> 22) % 2`); this one is on shard 0.
const OTHER: GuildId = GuildId(GUILD.0 + (1 << 22));

fn cooldown(guild: GuildId, n: u64) -> NewTimer {
    NewTimer {
        kind: TimerKind::CooldownExpiry,
        guild,
        subject: TimerSubject::User(UserId(ALICE.0 + n)),
        generation: 0,
        due_at: at(1),
    }
}

#[tokio::test]
async fn each_shard_takes_only_the_timers_of_its_own_guilds() {
    assert_eq!(((GUILD.0 >> 22) % 2, (OTHER.0 >> 22) % 2), (1, 0));
    for db in backends().await {
        let store = db.store().await;
        for n in 0..3 {
            store.schedule_timer(&cooldown(GUILD, n)).await.unwrap();
            store.schedule_timer(&cooldown(OTHER, n)).await.unwrap();
        }
        let zero = store
            .take_due_timers(Some(&shard(0)), at(5), 10)
            .await
            .unwrap();
        let one = store
            .take_due_timers(Some(&shard(1)), at(5), 10)
            .await
            .unwrap();
        assert_eq!(zero.len(), 3, "{}", db.backend);
        assert!(zero.iter().all(|t| t.guild == OTHER), "{}", db.backend);
        assert_eq!(one.len(), 3, "{}", db.backend);
        assert!(one.iter().all(|t| t.guild == GUILD), "{}", db.backend);
        assert!(store
            .take_due_timers(None, at(5), 10)
            .await
            .unwrap()
            .is_empty());
    }
}

#[tokio::test]
async fn a_guilds_outbox_and_open_tickets_are_left_to_the_process_of_its_shard() {
    for db in backends().await {
        let store = db.store().await;
        store.save_settings(&settings(), at(0)).await.unwrap();
        let t = open(&store, ALICE, 1, at(0)).await;
        let (zero, one) = (shard(0), shard(1));
        let later = at(10);
        assert!(
            store
                .tickets_with_due_effects(Some(&zero), later, 10)
                .await
                .unwrap()
                .is_empty(),
            "{}: shard 0 does not serve ticket #1's guild",
            db.backend
        );
        assert_eq!(
            store
                .tickets_with_due_effects(Some(&one), later, 10)
                .await
                .unwrap(),
            vec![t.id]
        );
        assert!(store
            .open_tickets_everywhere(Some(&zero))
            .await
            .unwrap()
            .is_empty());
        let open_here = store.open_tickets_everywhere(Some(&one)).await.unwrap();
        assert_eq!(open_here.len(), 1, "{}", db.backend);
        assert_eq!(store.open_tickets_everywhere(None).await.unwrap().len(), 1);
    }
}
