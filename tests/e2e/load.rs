//! Load and faults (issue 11.5): a hundred staff claiming one ticket at
//! once, fifty users opening at once, and both again while a seeded 5 % of
//! REST calls fail with 500 or 429. Every action completes or the person
//! is told (an answer saying so, or Discord's "This interaction failed"),
//! and nothing is made twice. The counts are printed (`--nocapture`);
//! `LOAD_SEED=N` repeats a faulty run.

use std::collections::HashMap;
use std::time::Duration;

use futures_util::future::join_all;
use supportline::sandbox::{DriverError, Person, RandomFaults, Response};

use crate::world::{text, World};

/// What became of one person's action.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    /// It happened, and they were told so.
    Completed,
    /// It did not (or may not have), and they were told: a refusal or an
    /// error in the answer, or "This interaction failed".
    Told(String),
    /// Nothing they could see: an answer "thinking…" forever, an error of
    /// the sandbox itself.
    Silent(String),
}

#[derive(Debug, Default)]
struct Tally {
    completed: usize,
    told: usize,
    silent: Vec<String>,
}

impl Tally {
    fn add(&mut self, outcome: &Outcome) {
        match outcome {
            Outcome::Completed => self.completed += 1,
            Outcome::Told(_) => self.told += 1,
            Outcome::Silent(why) => self.silent.push(why.clone()),
        }
    }
}

/// Reads the outcome the way the person would: waits out "thinking…".
async fn outcome(
    w: &World,
    who: &Person,
    result: Result<Response, DriverError>,
    success: &str,
) -> Outcome {
    let response = match result {
        Ok(r) => r,
        Err(DriverError::NoResponse { .. }) => {
            return Outcome::Told("This interaction failed".to_string())
        }
        // The card changed before the click: they see it is taken.
        Err(e @ DriverError::NoSuchButton { .. }) => return Outcome::Told(e.to_string()),
        Err(e) => return Outcome::Silent(format!("{}: {e}", who.name())),
    };
    let Some(first) = response.message.clone() else {
        return Outcome::Silent(format!("{}: no message in the answer", who.name()));
    };
    let last = if first.loading {
        let channel = w.channel_by_id(first.channel_id);
        match who
            .sees_in(&channel, |m| m.id == first.id && !m.loading)
            .await
        {
            Ok(m) => m,
            Err(_) => {
                return Outcome::Silent(format!("{}: \"thinking…\" and nothing more", who.name()))
            }
        }
    } else {
        first
    };
    if last.text.contains(success) {
        Outcome::Completed
    } else {
        Outcome::Told(last.text)
    }
}

/// Waits until the bot has settled, allowing for steps retried with backoff.
async fn settle(w: &World) {
    let mut last = None;
    for _ in 0..4 {
        match w.sandbox.settled().await {
            Ok(()) => return,
            Err(e) => last = Some(e),
        }
    }
    panic!("the bot never settled: {last:?}");
}

/// The default run repeats one seed (a run that once found a bug), so CI
/// is reproducible; `LOAD_SEED=random` explores, `LOAD_SEED=N` repeats N.
fn seed() -> u64 {
    match std::env::var("LOAD_SEED").ok().as_deref() {
        Some("random") => fastrand::u64(..),
        Some(s) => s.parse().unwrap_or(8452104161650552779),
        None => 8452104161650552779,
    }
}

/// `n` new members with `roles`, named `prefix1`…
fn crowd(w: &World, prefix: &str, n: usize, roles: &[&str]) -> Vec<Person> {
    (1..=n)
        .map(|i| {
            w.sandbox
                .add_member(&format!("{prefix}{i}"), roles, "en-US")
                .unwrap()
        })
        .collect()
}

/// Everyone clicks Claim on the same card at once; returns the outcomes
/// (with the number of the ticket).
async fn claim_at_once(w: &World, staff: &[Person], number: u64) -> Vec<(String, Outcome)> {
    let cards = join_all(staff.iter().map(|p| w.card(p, number))).await;
    let clicks = join_all(staff.iter().zip(&cards).map(|(p, c)| p.click(c, "Claim"))).await;
    let mut out = Vec::new();
    for (p, result) in staff.iter().zip(clicks) {
        out.push((
            p.name().to_string(),
            outcome(w, p, result, "is yours").await,
        ));
    }
    out
}

/// Checks one ticket per opener at most, each with its threads and one
/// card; returns how many tickets there are.
async fn nothing_made_twice(w: &World, users: &[Person]) -> usize {
    settle(w).await;
    let open = w.store.open_tickets(w.guild()).await.unwrap();
    let mut per_user: HashMap<u64, usize> = HashMap::new();
    for t in &open {
        *per_user.entry(t.opener.0).or_default() += 1;
    }
    for u in users {
        let n = per_user.get(&u.id()).copied().unwrap_or(0);
        assert!(n <= 1, "{} has {n} tickets from one opening", u.name());
    }
    let desk = w.channel("l1-desk");
    let threads = w.sandbox.threads_of(&desk);
    let support = w.channel("support");
    let user_threads = w.sandbox.threads_of(&support);
    for t in &open {
        let name = format!("{} ", t.number);
        let cases = threads.iter().filter(|c| c.name.starts_with(&name)).count();
        let mine = user_threads
            .iter()
            .filter(|c| c.name.starts_with(&name))
            .count();
        assert!(cases <= 1, "ticket {}: {cases} case threads", t.number);
        assert!(mine <= 1, "ticket {}: {mine} user threads", t.number);
        let cards = w
            .sandbox
            .messages(&desk)
            .iter()
            .filter(|m| m.thread.as_deref().is_some_and(|n| n.starts_with(&name)))
            .count();
        assert!(cards <= 1, "ticket {}: {cards} cards", t.number);
    }
    open.len()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hundred_staff_claiming_one_ticket_at_once_get_one_winner_and_everyone_an_answer() {
    let w = World::start().await;
    let alice = w.person("alice");
    let (t, user_thread) = w.open_ticket(&alice, "The CSV export fails").await;
    let staff = crowd(&w, "desk", 100, &["L1"]);
    let outcomes = claim_at_once(&w, &staff, t.number.0).await;
    let mut tally = Tally::default();
    for (_, o) in &outcomes {
        tally.add(o);
    }
    println!(
        "100 claims at once: {} completed, {} told, {} silent",
        tally.completed,
        tally.told,
        tally.silent.len()
    );
    assert!(tally.silent.is_empty(), "{:?}", tally.silent);
    assert_eq!(tally.completed, 1, "one winner: {outcomes:?}");
    let winner = outcomes
        .iter()
        .find(|(_, o)| *o == Outcome::Completed)
        .map(|(n, _)| n.clone())
        .unwrap();
    let stored = w.ticket(t.number.0).await.assignee.unwrap();
    assert_eq!(stored.0, w.person(&winner).id());
    let members = w.sandbox.thread_members(&user_thread);
    let joined: Vec<&String> = members.iter().filter(|m| m.starts_with("desk")).collect();
    assert_eq!(
        joined,
        vec![&winner],
        "only the winner joins alice's thread"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_users_opening_at_once_get_fifty_tickets() {
    let w = World::start().await;
    let users = crowd(&w, "user", 50, &[]);
    let help = w.channel("help");
    let question = [("question", text("The CSV export fails with error 500"))];
    let opened = join_all(
        users
            .iter()
            .map(|u| u.slash(&help, "ticket open", &question)),
    )
    .await;
    let mut tally = Tally::default();
    for (u, result) in users.iter().zip(opened) {
        tally.add(&outcome(&w, u, result, "ticket").await);
    }
    println!(
        "50 openings at once: {} completed, {} told, {} silent",
        tally.completed,
        tally.told,
        tally.silent.len()
    );
    assert!(tally.silent.is_empty(), "{:?}", tally.silent);
    assert_eq!(tally.completed, 50);
    assert_eq!(nothing_made_twice(&w, &users).await, 50);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_five_percent_of_rest_calls_failing_everyone_is_answered_or_told_and_nothing_doubles()
{
    let seed = seed();
    let w = World::start().await;
    // Retried steps take a while: people wait longer than the default.
    let patient = |people: Vec<Person>| -> Vec<Person> {
        people
            .into_iter()
            .map(|p| p.with_patience(Duration::from_secs(30)))
            .collect()
    };
    let users = patient(crowd(&w, "user", 30, &[]));
    let staff = patient(crowd(&w, "desk", 20, &["L1"]));
    let help = w.channel("help");
    w.sandbox.faults().set_random(Some(RandomFaults {
        rate: 0.05,
        seed,
        rate_limited_share: 0.5,
        retry_after: 0.05,
    }));
    let question = [("question", text("The CSV export fails with error 500"))];
    let opened = join_all(
        users
            .iter()
            .map(|u| u.slash(&help, "ticket open", &question)),
    )
    .await;
    let mut openings = Tally::default();
    let mut told_openers = Vec::new();
    for (u, result) in users.iter().zip(opened) {
        let o = outcome(&w, u, result, "ticket").await;
        if matches!(o, Outcome::Told(_)) {
            told_openers.push(u.id());
        }
        openings.add(&o);
    }
    // Claims on the first ticket that got its card.
    settle(&w).await;
    let open = w.store.open_tickets(w.guild()).await.unwrap();
    let target = open.iter().find(|t| t.case.is_some()).map(|t| t.number.0);
    let mut claims = Tally::default();
    if let Some(number) = target {
        for (_, o) in claim_at_once(&w, &staff, number).await {
            claims.add(&o);
        }
    }
    let injected = w.sandbox.faults().injected();
    w.sandbox.faults().clear();
    println!(
        "5% faults (seed {seed}): {} injected ({} × 500, {} × 429); \
         30 openings: {} completed, {} told, {} silent; \
         20 claims: {} completed, {} told, {} silent",
        injected.total(),
        injected.server_errors,
        injected.rate_limited,
        openings.completed,
        openings.told,
        openings.silent.len(),
        claims.completed,
        claims.told,
        claims.silent.len()
    );
    let silent: Vec<&String> = openings.silent.iter().chain(&claims.silent).collect();
    assert!(silent.is_empty(), "seed {seed}: {silent:?}");
    assert!(claims.completed <= 1, "seed {seed}: two winners");
    let tickets = nothing_made_twice(&w, &users).await;
    assert!(tickets <= 30);
    // Told it failed, yet the ticket opened (its steps finished later):
    // not lost, not doubled, but worth knowing.
    let open = w.store.open_tickets(w.guild()).await.unwrap();
    let opened_anyway = told_openers
        .iter()
        .filter(|u| open.iter().any(|t| t.opener.0 == **u))
        .count();
    println!(
        "5% faults (seed {seed}): {tickets} tickets; {opened_anyway} of the {} told openers have one",
        told_openers.len()
    );
}
