//! The story, its crash, the restart, and what is checked afterwards.

use std::collections::BTreeMap;
use std::future::Future;
use std::time::Duration;

use supportline::bot::{RunningBot, Services};
use supportline::i18n::Locale;
use supportline::sandbox::{ChannelRef, MessageView, Opt, Person};
use supportline::store::{EffectStatus, Store, EFFECT_LEASE_SECS, TIMER_LEASE_SECS};
use supportline::tickets::{EventKind, Level, Status, Ticket, TicketNumber};

use crate::world::World;

/// Where the bot dies: after `after` more REST calls, the next one is
/// carried out and unanswered (`applied`) or never carried out.
#[derive(Debug, Clone, Copy)]
pub struct Crash {
    pub after: u64,
    pub applied: bool,
}

/// What a run came to.
pub struct Outcome {
    /// REST calls the story made (the uncrashed run's count is the
    /// number of crash points).
    pub calls: usize,
    pub restarts: usize,
    pub violations: Vec<String>,
    /// Every bot message people can see, by thread or channel, normalised.
    pub seen: BTreeMap<String, Vec<String>>,
}

impl Outcome {
    /// What differs from the uncrashed run: a message missing, doubled or
    /// different, anywhere.
    pub fn compare(&self, baseline: &Outcome) -> Vec<String> {
        let mut out = Vec::new();
        let places: std::collections::BTreeSet<&String> =
            self.seen.keys().chain(baseline.seen.keys()).collect();
        for place in places {
            let ours = self.seen.get(place).cloned().unwrap_or_default();
            let theirs = baseline.seen.get(place).cloned().unwrap_or_default();
            if ours != theirs {
                out.push(format!(
                    "{place}: expected {theirs:#?}, people see {ours:#?}"
                ));
            }
        }
        out
    }
}

const QUESTION: &str = "The CSV export fails with error 500 since this morning";
const N: u64 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Ask,
    Open,
    Claim,
    Note,
    Escalate(Level),
    Deescalate,
    Resolve,
    Rate,
    Reopen,
    SlaDue,
}

const STORY: [Step; 12] = [
    Step::Ask,
    Step::Open,
    Step::Claim,
    Step::Note,
    Step::Escalate(Level::L2),
    Step::Escalate(Level::L3),
    Step::Escalate(Level::L4),
    Step::Deescalate,
    Step::Resolve,
    Step::Rate,
    Step::Reopen,
    Step::SlaDue,
];

/// A bot on a runtime of its own: shutting the runtime down kills every
/// task it spawned (shard runners, event handlers, the scheduler) at
/// whatever await they were, as a crash would.
struct Bot {
    runtime: Option<tokio::runtime::Runtime>,
    _running: RunningBot,
}

async fn start_bot(w: &World) -> Bot {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let handshakes = w.sandbox.handshakes();
    let builder = w.sandbox.client_builder(supportline::bot::intents(true));
    let url = w.database_url.clone();
    let knowledge = w.knowledge.clone();
    let clock = w.clock.clone();
    let running = runtime
        .spawn(async move {
            let services = Services {
                store: Store::connect(&url).await.unwrap(),
                knowledge,
                clock,
                default_locale: Locale::En,
                timer_tick: Duration::from_millis(50),
                metrics: supportline::telemetry::Metrics::new(),
            };
            supportline::bot::start(builder, services, None)
                .await
                .unwrap()
        })
        .await
        .unwrap();
    w.sandbox
        .bot_connected_after(handshakes)
        .await
        .expect("the bot connects");
    Bot {
        runtime: Some(runtime),
        _running: running,
    }
}

impl Bot {
    fn kill(self) {
        drop(self);
    }
}

impl Drop for Bot {
    fn drop(&mut self) {
        // Dropping a runtime would wait for its tasks; a crash does not.
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_background();
        }
    }
}

struct Run {
    w: World,
    bot: Option<Bot>,
    /// The L0 answer with "Talk to a human", once seen.
    answer: Option<MessageView>,
    /// The clock moved past the SLA target (done once).
    sla_clock_moved: bool,
}

/// Runs the story, crashing at `crash` if given.
pub async fn run(crash: Option<Crash>) -> Outcome {
    let w = World::without_bot(concat!(env!("CARGO_MANIFEST_DIR"), "/knowledge")).await;
    let bot = start_bot(&w).await;
    while w.sandbox.commands().is_empty() {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    w.sandbox.settled().await.unwrap();
    let before = w.sandbox.recorder().len();
    if let Some(c) = crash {
        w.sandbox.faults().cut_after(c.after, c.applied);
    }
    let mut r = Run {
        w,
        bot: Some(bot),
        answer: None,
        sla_clock_moved: false,
    };
    let mut restarts = 0;
    let mut violations = Vec::new();
    for step in STORY {
        let mut acted = false;
        loop {
            if r.tripped() {
                r.crash_and_restart().await;
                restarts += 1;
            }
            // After a restart, redo what the crash kept from happening,
            // as the person would.
            if !acted || !r.done(step).await {
                r.until_tripped(r.act(step)).await;
                acted = true;
            }
            match r.settle(step).await {
                Settle::Done => break,
                Settle::Tripped => continue,
                Settle::Stuck => {
                    violations.push(format!("{step:?} never completed"));
                    break;
                }
            }
        }
    }
    let calls = r.w.sandbox.recorder().len() - before;
    if crash.is_some() {
        // An interaction the killed bot had deferred stays "thinking…" on
        // Discord's side until its token expires (that person's answer
        // was lost with the process, and they did it again), so the
        // sandbox would wait for it in vain: what the story made is
        // already done (every step of the outbox), give the last answers
        // a moment.
        tokio::time::sleep(Duration::from_millis(300)).await;
    } else if let Err(e) = r.w.sandbox.settled().await {
        violations.push(format!("the sandbox never settled: {e}"));
    }
    violations.extend(r.invariants().await);
    let seen = r.seen().await;
    if let Some(bot) = r.bot.take() {
        bot.kill();
    }
    r.w.store.close().await;
    Outcome {
        calls,
        restarts,
        violations,
        seen,
    }
}

enum Settle {
    Done,
    Tripped,
    Stuck,
}

impl Run {
    fn tripped(&self) -> bool {
        self.w.sandbox.faults().cut_tripped()
    }

    /// Kills the bot as a crash would, ends the sandbox's hold, lets the
    /// dead bot's leases run out, and starts a new bot on the same
    /// database and sandbox.
    async fn crash_and_restart(&mut self) {
        // Whatever the dying bot was still doing without Discord (database
        // writes after its last answered call) gets a moment, as in a real
        // crash's last milliseconds; then every task of it is gone.
        tokio::time::sleep(Duration::from_millis(100)).await;
        if let Some(bot) = self.bot.take() {
            bot.kill();
        }
        self.w.sandbox.faults().clear_cut();
        let lease = EFFECT_LEASE_SECS.max(TIMER_LEASE_SECS) + 1;
        self.w.clock.advance(chrono::Duration::seconds(lease));
        self.bot = Some(start_bot(&self.w).await);
    }

    /// Runs `act`, giving up when the sandbox trips its cut (the person's
    /// interaction then fails, as it would with the bot dead).
    async fn until_tripped(&self, act: impl Future<Output = ()>) {
        let watch = async {
            while !self.tripped() {
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        };
        tokio::select! {
            () = act => {},
            () = watch => {},
        }
    }

    fn person(&self, name: &str) -> Person {
        self.w.person(name)
    }

    async fn ticket(&self) -> Option<Ticket> {
        self.w
            .store
            .ticket_by_number(self.w.guild(), TicketNumber(N))
            .await
            .unwrap()
    }

    async fn case_thread(&self) -> Option<ChannelRef> {
        let t = self.ticket().await?;
        self.w.sandbox.channel_by_id(t.case?.thread.0).ok()
    }

    async fn count(&self, what: fn(&EventKind) -> bool) -> usize {
        let Some(t) = self.ticket().await else {
            return 0;
        };
        let events = self.w.store.events(t.id).await.unwrap();
        events.iter().filter(|e| what(&e.event.kind)).count()
    }

    async fn slash(&self, who: &str, channel: &ChannelRef, command: &str, options: &[(&str, Opt)]) {
        let _ = self.person(who).slash(channel, command, options).await;
    }

    async fn act(&self, step: Step) {
        let help = self.w.channel("help");
        let text = |s: &str| Opt::Text(s.to_owned());
        match step {
            Step::Ask => {
                self.slash("alice", &help, "ask", &[("question", text(QUESTION))])
                    .await
            }
            Step::Open => {
                if let Some(answer) = &self.answer {
                    let _ = self.person("alice").click(answer, "Talk to a human").await;
                }
            }
            Step::Claim | Step::Note | Step::Escalate(_) | Step::Deescalate | Step::Resolve => {
                let Some(case) = self.case_thread().await else {
                    return;
                };
                let (who, command, options): (&str, &str, Vec<(&str, Opt)>) = match step {
                    Step::Claim => ("lena", "claim", vec![]),
                    Step::Note => (
                        "lena",
                        "note",
                        vec![("text", text("Checked the logs: 500 in the exporter"))],
                    ),
                    Step::Escalate(Level::L2) => (
                        "lena",
                        "escalate",
                        vec![("reason", text("Needs an export specialist"))],
                    ),
                    Step::Escalate(Level::L3) => (
                        "mark",
                        "escalate",
                        vec![("reason", text("Data corruption suspected"))],
                    ),
                    Step::Escalate(_) => (
                        "olga",
                        "escalate",
                        vec![("reason", text("A defect in the exporter"))],
                    ),
                    Step::Deescalate => (
                        "ivan",
                        "deescalate",
                        vec![("reason", text("Fixed in 2.4.1, L3 to confirm"))],
                    ),
                    _ => (
                        "olga",
                        "resolve",
                        vec![("summary", text("Update to 2.4.1"))],
                    ),
                };
                self.slash(who, &case, command, &options).await;
            }
            Step::Rate => {
                let Some(t) = self.ticket().await else { return };
                let Some(thread) = t.user_thread else { return };
                let Ok(thread) = self.w.sandbox.channel_by_id(thread.0) else {
                    return;
                };
                let alice = self.person("alice");
                let Ok(question) = alice.sees_in(&thread, |m| m.has_button("5 ★")).await else {
                    return;
                };
                let Ok(form) = alice.click(&question, "5 ★").await else {
                    return;
                };
                if let Ok(modal) = form.modal() {
                    let _ = alice.submit_modal(modal, &[]).await;
                }
            }
            Step::Reopen => {
                self.slash("alice", &help, "reopen", &[("ticket", Opt::Int(N as i64))])
                    .await
            }
            Step::SlaDue => {}
        }
    }

    /// Whether the step's change is committed (its Discord steps may be
    /// left for the outbox).
    async fn done(&mut self, step: Step) -> bool {
        match step {
            Step::Ask => {
                let help = self.w.channel("help");
                let seen = self
                    .person("alice")
                    .messages_in(&help)
                    .into_iter()
                    .rev()
                    .find(|m| !m.loading && m.has_button("Talk to a human"));
                let found = seen.is_some();
                if seen.is_some() {
                    self.answer = seen;
                }
                found
            }
            Step::Open => self.ticket().await.is_some(),
            Step::Claim => self.count(|k| matches!(k, EventKind::Claimed)).await >= 1,
            Step::Note => self.count(|k| matches!(k, EventKind::Noted { .. })).await >= 1,
            Step::Escalate(level) => {
                let want = usize::from(level.number()) - 1;
                self.count(|k| matches!(k, EventKind::Escalated { .. }))
                    .await
                    >= want
            }
            Step::Deescalate => {
                self.count(|k| matches!(k, EventKind::Deescalated { .. }))
                    .await
                    >= 1
            }
            Step::Resolve => {
                self.count(|k| matches!(k, EventKind::ResolveRequested { .. }))
                    .await
                    >= 1
            }
            Step::Rate => {
                self.count(|k| matches!(k, EventKind::UserConfirmed { .. }))
                    .await
                    >= 1
            }
            Step::Reopen => self.count(|k| matches!(k, EventKind::Reopened)).await >= 1,
            Step::SlaDue => {
                if !self.sla_clock_moved {
                    // Past L3's four hours: the reminder is due, once.
                    self.w.clock.advance(chrono::Duration::hours(5));
                    self.sla_clock_moved = true;
                }
                self.count(|k| matches!(k, EventKind::SlaBreached)).await >= 1
            }
        }
    }

    /// Waits until the step is committed and its Discord steps are all
    /// carried out (or refused), or the cut trips.
    async fn settle(&mut self, step: Step) -> Settle {
        for _ in 0..400 {
            if self.tripped() {
                return Settle::Tripped;
            }
            if self.done(step).await && self.outbox_idle().await {
                return Settle::Done;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Settle::Stuck
    }

    async fn outbox_idle(&self) -> bool {
        let Some(t) = self.ticket().await else {
            return true;
        };
        let steps = self.w.store.effects(t.id).await.unwrap();
        steps.iter().all(|e| e.status != EffectStatus::Pending)
    }

    /// The invariants of a finished story.
    async fn invariants(&self) -> Vec<String> {
        let mut out = Vec::new();
        let guild = self.w.guild();
        let second = self
            .w
            .store
            .ticket_by_number(guild, TicketNumber(N + 1))
            .await
            .unwrap();
        if second.is_some() {
            out.push("a second ticket was opened".to_owned());
        }
        let Some(t) = self.ticket().await else {
            out.push("no ticket".to_owned());
            return out;
        };
        if t.status != Status::Open || t.level != Level::L3 {
            out.push(format!("the ticket ends {:?} at {}", t.status, t.level));
        }
        let failed: Vec<String> = self
            .w
            .store
            .effects(t.id)
            .await
            .unwrap()
            .into_iter()
            .filter(|e| e.status != EffectStatus::Done)
            .map(|e| format!("{:?} {:?}: {:?}", e.effect, e.status, e.last_error))
            .collect();
        if !failed.is_empty() {
            out.push(format!("steps not done: {failed:?}"));
        }
        // Both threads exist and are open; the case is in its level's
        // channel, and no other case of the ticket is open anywhere.
        let settings = self.w.store.settings(guild).await.unwrap();
        for (what, thread) in [
            ("user thread", t.user_thread),
            ("case thread", t.case.map(|c| c.thread)),
        ] {
            let info = thread.and_then(|th| {
                let channel = self.w.sandbox.channel_by_id(th.0).ok()?;
                self.w.sandbox.channel_info(&channel).ok()
            });
            match info {
                None => out.push(format!("the {what} is missing")),
                Some(i) if i.archived || i.locked => out.push(format!("the {what} is archived")),
                Some(_) => {}
            }
        }
        let level_channel = settings.level(t.level).channel.map(|c| c.0);
        let case_parent = t.case.and_then(|c| {
            let channel = self.w.sandbox.channel_by_id(c.thread.0).ok()?;
            let parent = self.w.sandbox.channel_info(&channel).ok()?.parent?;
            self.w.sandbox.channel(&parent).ok().map(|p| p.id)
        });
        if case_parent.is_none() || case_parent != level_channel {
            out.push(format!("the case is not in {}'s channel", t.level));
        }
        let mut open_cases = 0;
        let mut live_cards = 0;
        for level in Level::ALL {
            let Some(channel) = settings.level(level).channel else {
                continue;
            };
            let Ok(channel) = self.w.sandbox.channel_by_id(channel.0) else {
                continue;
            };
            for thread in self.w.sandbox.threads_of(&channel) {
                let info = self.w.sandbox.channel_info(&thread).unwrap();
                if !info.archived {
                    open_cases += 1;
                }
            }
            live_cards += self
                .w
                .sandbox
                .messages(&channel)
                .iter()
                .filter(|m| !m.buttons.is_empty())
                .count();
        }
        if open_cases != 1 || live_cards != 1 {
            out.push(format!(
                "{open_cases} open case threads and {live_cards} cards with buttons, not one"
            ));
        }
        // The card shows the stored state.
        if let Some(case) = t.case {
            let channel = level_channel.and_then(|c| self.w.sandbox.channel_by_id(c).ok());
            let card = channel.and_then(|c| {
                self.w
                    .sandbox
                    .messages(&c)
                    .into_iter()
                    .find(|m| m.id == case.card.0)
            });
            match card {
                None => out.push("the current card is missing".to_owned()),
                Some(card) => {
                    let text = card.embed_text();
                    if !text.contains(&format!("{} ·", t.level)) || !text.contains("Open") {
                        out.push(format!("the card does not show {} / open: {text}", t.level));
                    }
                }
            }
        }
        // Every due timer ran: the reminder's timer is done, none is due.
        let now = self.w.clock.now();
        let pending = self.w.store.pending_timers(t.id).await.unwrap();
        if pending.iter().any(|timer| timer.due_at <= now) {
            out.push(format!("timers due but not run: {pending:?}"));
        }
        out
    }

    /// Every bot message people can see (not ephemeral answers), by
    /// place: the user thread, each case in order, the level channels
    /// (cards), the log channel.
    async fn seen(&self) -> BTreeMap<String, Vec<String>> {
        let mut seen = BTreeMap::new();
        let Some(t) = self.ticket().await else {
            return seen;
        };
        let mut places: Vec<(String, u64)> = Vec::new();
        if let Some(th) = t.user_thread {
            places.push(("user thread".into(), th.0));
        }
        for (i, case) in t.all_cases().enumerate() {
            places.push((format!("case {i} ({})", case.level), case.thread.0));
        }
        for name in [
            "l1-desk",
            "l2-support",
            "l3-experts",
            "l4-engineering",
            "support-log",
        ] {
            if let Ok(c) = self.w.sandbox.channel(name) {
                places.push((name.into(), c.id));
            }
        }
        for (place, id) in places {
            let Ok(channel) = self.w.sandbox.channel_by_id(id) else {
                seen.insert(place, vec!["(gone)".into()]);
                continue;
            };
            let mut messages: Vec<String> = self
                .w
                .sandbox
                .messages(&channel)
                .iter()
                .filter(|m| m.author == "supportline" && !m.ephemeral)
                .map(normalised)
                .collect();
            messages.sort();
            seen.insert(place, messages);
        }
        seen
    }
}

/// A message as people read it, without the ids and times that differ
/// between runs.
fn normalised(m: &MessageView) -> String {
    let ids = regex::Regex::new(r"\d{5,}").unwrap();
    let buttons: Vec<&str> = m.buttons.iter().map(|b| b.label.as_str()).collect();
    let text = format!(
        "{} | {} | {:?} | files {}",
        m.text,
        m.embed_text(),
        buttons,
        m.attachments.len()
    );
    ids.replace_all(&text, "#").into_owned()
}
