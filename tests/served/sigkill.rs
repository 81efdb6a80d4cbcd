//! A real SIGKILL run: the ladder (open, claim, note, escalate L1→L4,
//! de-escalate, claim, resolve, yes, reopen, close) told again and again
//! through the control door while another task kills `supportline run`
//! with SIGKILL at random moments (seeded; the seed is printed) and starts
//! it again on the same database. People act as people do: a step that did
//! not happen (no answer, "This interaction failed") is tried again, one
//! that happened is not. Afterwards the invariants of issue 11 are checked
//! against the sandbox (what Discord holds) and the database.
//!
//! `SERVED_KILLS` (default 3) sets how many kills; `SERVED_SEED` the seed.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use serde_json::{json, Value};
use supportline::store::{EffectStatus, Store};
use supportline::tickets::{GuildId, Level, Status, Ticket, TicketNumber};

use crate::support::{Door, Served};

/// Where a step acts.
#[derive(Clone, Copy, Debug)]
enum Place {
    Channel(&'static str),
    CaseThread,
    UserThread,
}

/// What a step does.
#[derive(Clone, Copy, Debug)]
enum Act {
    Slash {
        who: &'static str,
        place: Place,
        command: &'static str,
        options: &'static str,
    },
    Click {
        who: &'static str,
        place: Place,
        label: &'static str,
    },
}

/// How the story knows a step happened (read from the database, or the
/// sandbox for a note).
#[derive(Clone, Copy, Debug)]
enum Done {
    Opened,
    Claimed(Level),
    At(Level),
    NoteInCase(&'static str),
    Is(Status),
}

const NOTE: &str = "Checked the logs: the exporter times out";

/// One round of the ladder, in order.
fn ladder(round: usize) -> Vec<(Act, Done)> {
    use Act::*;
    use Place::*;
    let mut steps = vec![
        (
            Slash {
                who: "alice",
                place: Channel("help"),
                command: "ticket open",
                options: r#"{"question": "The CSV export fails with error 500"}"#,
            },
            Done::Opened,
        ),
        (
            Click {
                who: "lena",
                place: Channel("l1-desk"),
                label: "Claim",
            },
            Done::Claimed(Level::L1),
        ),
        (
            Slash {
                who: "lena",
                place: CaseThread,
                command: "note",
                options: r#"{"text": "Checked the logs: the exporter times out"}"#,
            },
            Done::NoteInCase(NOTE),
        ),
        (
            Slash {
                who: "lena",
                place: CaseThread,
                command: "escalate",
                options: r#"{"reason": "Needs a specialist in exports"}"#,
            },
            Done::At(Level::L2),
        ),
        (
            Click {
                who: "mark",
                place: Channel("l2-support"),
                label: "Claim",
            },
            Done::Claimed(Level::L2),
        ),
        (
            Slash {
                who: "mark",
                place: CaseThread,
                command: "escalate",
                options: r#"{"reason": "Data corruption suspected"}"#,
            },
            Done::At(Level::L3),
        ),
        (
            Slash {
                who: "olga",
                place: CaseThread,
                command: "escalate",
                options: r#"{"reason": "A defect in the exporter"}"#,
            },
            Done::At(Level::L4),
        ),
        (
            Slash {
                who: "ivan",
                place: CaseThread,
                command: "deescalate",
                options: r#"{"reason": "Fixed in 2.3.1; L1 can confirm", "level": 1}"#,
            },
            Done::At(Level::L1),
        ),
        (
            Click {
                who: "lena",
                place: Channel("l1-desk"),
                label: "Claim",
            },
            Done::Claimed(Level::L1),
        ),
        (
            Slash {
                who: "lena",
                place: CaseThread,
                command: "resolve",
                options: r#"{"summary": "Update to 2.3.1"}"#,
            },
            Done::Is(Status::Resolving),
        ),
        (
            Click {
                who: "alice",
                place: UserThread,
                label: "Yes, solved",
            },
            Done::Is(Status::Closed),
        ),
    ];
    let reopen = format!(r#"{{"ticket": {round}}}"#);
    steps.push((
        Slash {
            who: "alice",
            place: Channel("help"),
            command: "reopen",
            options: Box::leak(reopen.into_boxed_str()),
        },
        Done::Is(Status::Open),
    ));
    steps
}

/// The closing step of every round but the last (which ends open, so the
/// invariants about open tickets have one to check).
fn closing() -> (Act, Done) {
    (
        Act::Slash {
            who: "lena",
            place: Place::CaseThread,
            command: "close",
            options: r#"{"reason": "Confirmed fixed"}"#,
        },
        Done::Is(Status::Closed),
    )
}

/// How long a person keeps trying one step before the story gives up: a
/// killed bot's unfinished Discord steps wait out their lease (30 s)
/// before the next process takes them.
const STEP_PATIENCE: Duration = Duration::from_secs(50);

struct Story {
    door: Door,
    store: Store,
    guild: GuildId,
    /// Actions sent, and how many came back unanswered or refused.
    sent: usize,
    failed: usize,
}

impl Story {
    async fn ticket(&self, number: usize) -> Option<Ticket> {
        self.store
            .ticket_by_number(self.guild, TicketNumber(number as u64))
            .await
            .unwrap()
    }

    async fn done(&self, round: usize, done: Done) -> bool {
        let Some(t) = self.ticket(round).await else {
            return false;
        };
        match done {
            Done::Opened => true,
            Done::Claimed(level) => t.level == level && t.assignee.is_some(),
            Done::At(level) => t.level == level,
            Done::Is(status) => t.status == status,
            Done::NoteInCase(text) => match &t.case {
                Some(case) => self
                    .door
                    .messages(json!(case.thread.0))
                    .await
                    .iter()
                    .any(|m| m["text"].as_str().is_some_and(|s| s.contains(text))),
                None => false,
            },
        }
    }

    /// Waits until no ticket has a Discord step left to do (at most a
    /// lease and a bit).
    async fn effects_done(&self, rounds: usize) {
        let deadline = tokio::time::Instant::now() + STEP_PATIENCE;
        for n in 1..=rounds {
            let Some(t) = self.ticket(n).await else {
                continue;
            };
            loop {
                let effects = self.store.effects(t.id).await.unwrap();
                let pending = effects.iter().any(|e| e.status == EffectStatus::Pending);
                if !pending || tokio::time::Instant::now() >= deadline {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        }
        let _ = self.door.call(json!({"do": "settled"})).await;
    }

    /// Waits (a little) until the step shows as done.
    async fn shows_done(&self, round: usize, done: Done, patience: Duration) -> bool {
        let deadline = tokio::time::Instant::now() + patience;
        loop {
            if self.done(round, done).await {
                return true;
            }
            if tokio::time::Instant::now() >= deadline {
                return false;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until a bot is connected (the killer restarts it).
    async fn bot_up(&self) {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
        while self.door.status().await["live_sessions"].as_u64() == Some(0) {
            assert!(
                tokio::time::Instant::now() < deadline,
                "no bot for a minute"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    async fn place(&self, round: usize, place: Place) -> Value {
        match place {
            Place::Channel(name) => json!(name),
            Place::CaseThread => {
                let case = self.ticket(round).await.and_then(|t| t.case);
                json!(case.map(|c| c.thread.0).unwrap_or_default())
            }
            Place::UserThread => {
                let thread = self.ticket(round).await.and_then(|t| t.user_thread);
                json!(thread.map(|c| c.0).unwrap_or_default())
            }
        }
    }

    async fn request(&self, round: usize, act: Act) -> Value {
        match act {
            Act::Slash {
                who,
                place,
                command,
                options,
            } => json!({
                "do": "slash", "who": who, "channel": self.place(round, place).await,
                "command": command,
                "options": serde_json::from_str::<Value>(options).unwrap(),
            }),
            Act::Click { who, place, label } => json!({
                "do": "click", "who": who, "label": label,
                "channel": self.place(round, place).await,
            }),
        }
    }

    /// Does one step as a person would: act, see whether it happened,
    /// and try again if not.
    async fn step(&mut self, round: usize, act: Act, done: Done) -> Result<(), String> {
        let mut last = String::new();
        let deadline = tokio::time::Instant::now() + STEP_PATIENCE;
        while tokio::time::Instant::now() < deadline {
            if self.done(round, done).await {
                return Ok(());
            }
            self.bot_up().await;
            let request = self.request(round, act).await;
            self.sent += 1;
            match self.door.call(request).await {
                Ok(answer) => {
                    if self.shows_done(round, done, Duration::from_secs(3)).await {
                        return Ok(());
                    }
                    last = format!(
                        "answered, but it did not happen: {}",
                        answer["message"]["text"]
                    );
                }
                Err(refusal) => {
                    self.failed += 1;
                    last = format!("{}: {}", refusal.kind, refusal.error);
                    // What the person saw may still be arriving.
                    if self.shows_done(round, done, Duration::from_secs(1)).await {
                        return Ok(());
                    }
                }
            }
        }
        Err(format!(
            "round {round}: {act:?} never made {done:?} true; last: {last}"
        ))
    }
}

/// The default run repeats one seed , so CI
/// is reproducible; `SERVED_SEED=random` explores, `SERVED_SEED=N` repeats N.
fn seed() -> u64 {
    match std::env::var("SERVED_SEED").ok().as_deref() {
        Some("random") => fastrand::u64(..),
        Some(s) => s.parse().unwrap_or(1),
        None => 1,
    }
}

fn kills() -> usize {
    std::env::var("SERVED_KILLS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_bot_killed_with_sigkill_at_random_moments_loses_nothing() {
    let seed = seed();
    let kills = kills();
    println!("SIGKILL run: seed {seed} (SERVED_SEED={seed} repeats it), {kills} kills");
    let mut served = Served::start().await;
    let guild = GuildId(served.status().await["guild_id"].as_u64().unwrap());
    let store = served.store().await;
    // Alice opens a ticket every round: no cooldown (as `/setup limits` can set).
    let mut settings = store.settings(guild).await.unwrap();
    settings.cooldown = chrono::Duration::zero();
    store
        .save_settings(&settings, chrono::Utc::now())
        .await
        .unwrap();
    served.start_bot().await;
    let mut story = Story {
        door: served.door.clone(),
        store,
        guild,
        sent: 0,
        failed: 0,
    };

    // The killer: waits a random while, kills the bot, starts it again.
    let story_over = Arc::new(AtomicBool::new(false));
    let over = story_over.clone();
    let killer = tokio::spawn(async move {
        let mut rng = fastrand::Rng::with_seed(seed);
        let mut done = 0;
        while done < kills && !over.load(Ordering::SeqCst) {
            tokio::time::sleep(Duration::from_millis(rng.u64(100..1500))).await;
            if over.load(Ordering::SeqCst) {
                break;
            }
            served.kill_bot().await;
            done += 1;
            served.start_bot().await;
        }
        (served, done)
    });

    // Rounds until every kill has happened (at least one round), the last
    // one left open.
    let mut round = 0;
    let mut stuck = None;
    loop {
        round += 1;
        let last = killer.is_finished();
        let mut steps = ladder(round);
        if !last {
            steps.push(closing());
        }
        for (act, done) in steps {
            if let Err(e) = story.step(round, act, done).await {
                stuck = Some(e);
                break;
            }
        }
        if last || stuck.is_some() {
            break;
        }
    }
    story_over.store(true, Ordering::SeqCst);
    let (served, killed) = killer.await.unwrap();
    let _ = served.door(json!({"do": "settled"})).await;
    println!(
        "SIGKILL run: {killed} kills, {round} rounds, {} actions sent, {} unanswered or refused",
        story.sent, story.failed
    );
    // Steps a killed bot held run once their lease is over.
    story.effects_done(round).await;
    let finished = if stuck.is_some() { round - 1 } else { round };
    let mut violations = invariants(&served, &story, round, finished).await;
    if let Some(stuck) = stuck {
        violations.push(lost(format!("the story got stuck: {stuck}")));
    }
    println!("SIGKILL run: {} invariant violations", violations.len());
    for v in &violations {
        println!("  {v}");
    }
    // Until durable effects (issue 11.1) land, a kill between a commit and
    // its Discord steps can lose those steps; SERVED_STRICT=1 counts that
    // as a failure too. Nothing may ever be made or said twice.
    let strict = std::env::var_os("SERVED_STRICT").is_some();
    let failing: Vec<&String> = violations
        .iter()
        .filter(|v| strict || v.starts_with("DOUBLED"))
        .collect();
    assert!(
        failing.is_empty(),
        "seed {seed}, {killed} kills: {} violations:\n{}\n{}",
        failing.len(),
        violations.join("\n"),
        served.all_bot_logs()
    );
}

/// The level channels by level.
const LEVEL_CHANNELS: [(Level, &str); 4] = [
    (Level::L1, "l1-desk"),
    (Level::L2, "l2-support"),
    (Level::L3, "l3-experts"),
    (Level::L4, "l4-engineering"),
];

fn text_of(m: &Value) -> String {
    let mut all = m["text"].as_str().unwrap_or_default().to_string();
    for e in m["embeds"].as_array().into_iter().flatten() {
        all.push('\n');
        all.push_str(&e.to_string());
    }
    all
}

/// Something a committed change needed is missing (what the outbox of
/// issue 11.1 is for).
fn lost(what: String) -> String {
    format!("LOST {what}")
}

/// Something was made or said twice.
fn doubled(what: String) -> String {
    format!("DOUBLED {what}")
}

/// What must hold after any number of kills; each broken one is a line.
/// `finished` rounds went through the whole ladder.
async fn invariants(served: &Served, story: &Story, rounds: usize, finished: usize) -> Vec<String> {
    let mut broken = Vec::new();
    let channels = served.door.channels().await;
    let by_id: HashMap<u64, &Value> = channels
        .iter()
        .map(|c| (c["id"].as_u64().unwrap(), c))
        .collect();

    // Exactly one ticket per opening.
    for n in 1..=rounds {
        if story.ticket(n).await.is_none() {
            broken.push(lost(format!("ticket {n} was opened but is not stored")));
        }
    }
    if story.ticket(rounds + 1).await.is_some() {
        broken.push(doubled(format!(
            "{rounds} openings made more than {rounds} tickets"
        )));
    }

    for n in 1..=rounds {
        let Some(t) = story.ticket(n).await else {
            continue;
        };
        let name = format!("#{n} ");
        // Threads exist (closing archives, never deletes).
        let user_thread = t.user_thread.and_then(|id| by_id.get(&id.0));
        if user_thread.is_none() {
            broken.push(lost(format!("ticket {n}: its user thread does not exist")));
        }
        let Some(case) = &t.case else {
            broken.push(lost(format!("ticket {n}: no case recorded")));
            continue;
        };
        let Some(case_thread) = by_id.get(&case.thread.0) else {
            broken.push(lost(format!("ticket {n}: its case thread does not exist")));
            continue;
        };
        let level_channel = LEVEL_CHANNELS
            .iter()
            .find(|(l, _)| *l == t.level)
            .map(|(_, c)| *c)
            .unwrap();
        // The case sits in its level's channel and only there.
        if case_thread["parent"] != level_channel {
            broken.push(lost(format!(
                "ticket {n}: the case thread is in {} instead of #{level_channel}",
                case_thread["parent"]
            )));
        }
        let open_cases: Vec<&Value> = channels
            .iter()
            .filter(|c| c["kind"].as_str().is_some_and(|k| k.ends_with("thread")))
            .filter(|c| c["name"].as_str().is_some_and(|s| s.starts_with(&name)))
            .filter(|c| LEVEL_CHANNELS.iter().any(|(_, l)| c["parent"] == *l))
            .filter(|c| c["archived"] == false)
            .collect();
        let expected_open = usize::from(!t.is_closed());
        if open_cases.len() != expected_open {
            // Two live cases is a case made twice; a closed ticket's case
            // left open is a lost archive step.
            let say = if open_cases.len() > 1 { doubled } else { lost };
            broken.push(say(format!(
                "ticket {n} ({:?}): {} unarchived case threads: {:?}",
                t.status,
                open_cases.len(),
                open_cases
                    .iter()
                    .map(|c| format!("{} in #{}", c["name"], c["parent"].as_str().unwrap_or("")))
                    .collect::<Vec<_>>()
            )));
        }
        // The card shows the stored state.
        let cards = served.door.messages(json!(level_channel)).await;
        match cards.iter().find(|m| m["id"].as_u64() == Some(case.card.0)) {
            None => broken.push(lost(format!(
                "ticket {n}: its card is not in #{level_channel}"
            ))),
            Some(card) if !t.is_closed() => {
                let labels: Vec<&str> = card["buttons"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter(|b| b["disabled"] == false)
                    .filter_map(|b| b["label"].as_str())
                    .collect();
                let claimable = labels.contains(&"Claim");
                if claimable == t.assignee.is_some() {
                    broken.push(lost(format!(
                        "ticket {n}: the card offers {labels:?} but the ticket's assignee is {:?}",
                        t.assignee
                    )));
                }
            }
            Some(_) => {}
        }
        // The user was told each move once.
        if let Some(thread) = user_thread.filter(|_| n <= finished) {
            let said = served.door.messages(json!(thread["id"])).await;
            let bot_said: Vec<String> = said
                .iter()
                .filter(|m| m["author"] == "supportline" && m["ephemeral"] == false)
                .map(text_of)
                .collect();
            let count = |needle: &str| bot_said.iter().filter(|s| s.contains(needle)).count();
            for (needle, times) in [
                ("Your ticket is now with our", 3),
                ("Your ticket went back to our", 1),
                ("did this solve your problem?", 1),
                ("Your ticket is open again", 1),
            ] {
                let got = count(needle);
                if got != times {
                    let say = if got > times { doubled } else { lost };
                    broken.push(say(format!(
                        "ticket {n}: the user was told \"{needle}\" {got} times, not {times}"
                    )));
                }
            }
        }
    }

    // No duplicate messages anywhere the bot writes. Discord's own lines
    // ("Supportline added Lena to the thread", a thread's starter) carry
    // no text and come once per member or thread: they are not the bot's
    // words (message types other than 0, 19, 20 and 23).
    let written = |m: &Value| matches!(m["kind"].as_u64(), Some(0 | 19 | 20 | 23));
    for channel in &channels {
        let messages = served.door.messages(channel["id"].clone()).await;
        let mut seen: HashMap<String, usize> = HashMap::new();
        for m in messages
            .iter()
            .filter(|m| m["author"] == "supportline" && m["ephemeral"] == false && written(m))
        {
            *seen.entry(text_of(m)).or_default() += 1;
        }
        for (text, times) in seen.into_iter().filter(|(_, n)| *n > 1) {
            let short: String = text.chars().take(100).collect();
            broken.push(doubled(format!(
                "#{}: the same message {times} times: {short}",
                channel["name"].as_str().unwrap_or_default()
            )));
        }
    }
    broken
}
