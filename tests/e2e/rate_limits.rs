//! Discord's rate limits as the bot meets them: with Discord-like buckets
//! (5 messages per 5 s in one channel) and serenity's ratelimiter on, as
//! against Discord, a burst of new cases into one channel all land, once
//! each, and no call runs into a 429.

use std::collections::BTreeMap;

use futures_util::future::join_all;
use supportline::sandbox::RateLimits;

use crate::world::{text, ticket_number, World};

#[tokio::test]
async fn ten_cases_opened_at_once_all_reach_the_l1_desk_once_without_a_429() {
    let mut w = World::start().await;
    w.sandbox.set_rate_limits(RateLimits::discord_like());
    // Ten answers wait behind ten cases' calls in Discord's buckets.
    w.sandbox.set_patience(std::time::Duration::from_secs(60));
    let help = w.channel("help");
    let people: Vec<_> = (0..10)
        .map(|n| {
            w.sandbox
                .add_member(&format!("user{n}"), &[], "en-US")
                .expect("a new member")
        })
        .collect();
    let question = [("question", text("The export button does nothing"))];
    let replies = join_all(
        people
            .iter()
            .map(|p| w.slash(p, &help, "ticket open", &question)),
    )
    .await;
    let numbers: Vec<u64> = replies
        .iter()
        .map(|r| ticket_number(&r.text).unwrap_or_else(|| panic!("no ticket in {:?}", r.text)))
        .collect();

    let lena = w.person("lena");
    let l1 = w.channel("l1-desk");
    // Serenity waits the channel's bucket out (two rounds of 5 s at most).
    let cards_seen = || {
        lena.messages_in(&l1)
            .iter()
            .filter(|m| m.has_button("Claim"))
            .count()
    };
    let all_in = tokio::time::timeout(std::time::Duration::from_secs(60), async {
        while cards_seen() < 10 {
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
    })
    .await;
    assert!(all_in.is_ok(), "{} cards at the L1 desk", cards_seen());
    w.sandbox.settled().await.unwrap();

    let mut cards: BTreeMap<u64, usize> = BTreeMap::new();
    for card in lena
        .messages_in(&l1)
        .iter()
        .filter(|m| m.has_button("Claim"))
    {
        let n = card
            .embeds
            .first()
            .and_then(|e| e.title.as_deref())
            .and_then(ticket_number)
            .unwrap_or_else(|| panic!("a card without a number: {card:?}"));
        *cards.entry(n).or_default() += 1;
    }
    let once: BTreeMap<u64, usize> = numbers.iter().map(|n| (*n, 1)).collect();
    assert_eq!(cards, once, "one card per ticket");
    let limited: Vec<String> = w
        .sandbox
        .exchanges()
        .iter()
        .filter(|e| e.status == 429)
        .map(|e| format!("{} {}", e.method, e.path))
        .collect();
    assert!(
        limited.is_empty(),
        "serenity ran into a bucket: {limited:?}"
    );
}
