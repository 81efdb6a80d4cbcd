//! The simulated people: each worker is one user who asks L0 and, now and
//! then, takes a ticket through its life with staff of L1 and L2 (open,
//! claim, note, escalate, claim, resolve, close). Every action is timed
//! from the interaction to the bot's first response (the answer or
//! "thinking…") and to its last message (the final answer).

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use tokio::time::Instant;

use crate::sandbox::{ChannelRef, DriverError, MessageView, Opt, Person};
use crate::store::Store;
use crate::tickets::{GuildId, Level, TicketNumber};

/// One thing a person does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Action {
    AskAnswered,
    AskCandidates,
    AskNone,
    Open,
    Claim,
    Note,
    Escalate,
    Resolve,
    Close,
}

impl Action {
    pub fn label(self) -> &'static str {
        match self {
            Action::AskAnswered => "/ask (answered)",
            Action::AskCandidates => "/ask (candidates)",
            Action::AskNone => "/ask (no match)",
            Action::Open => "/ticket open",
            Action::Claim => "/claim",
            Action::Note => "/note",
            Action::Escalate => "/escalate",
            Action::Resolve => "/resolve",
            Action::Close => "/close",
        }
    }

    pub fn is_ask(self) -> bool {
        matches!(
            self,
            Action::AskAnswered | Action::AskCandidates | Action::AskNone
        )
    }
}

/// One timed action.
#[derive(Debug, Clone, Copy)]
pub struct Sample {
    pub action: Action,
    pub first: Duration,
    pub last: Duration,
}

/// The questions of the mix, by what L0 makes of them.
#[derive(Clone)]
pub struct Questions {
    pub answered: Vec<String>,
    pub candidates: Vec<String>,
    pub none: Vec<String>,
}

impl Questions {
    /// 60 % answered, 25 % candidates, 15 % no match (a help channel's
    /// share as we guess it), of the kinds there are.
    fn pick(&self, rng: &mut fastrand::Rng) -> (Action, &str) {
        let roll = rng.u32(..100);
        let kinds = [
            (60, Action::AskAnswered, &self.answered),
            (25, Action::AskCandidates, &self.candidates),
            (15, Action::AskNone, &self.none),
        ];
        let mut at = 0;
        let chosen = kinds
            .iter()
            .find(|(share, _, list)| {
                at += share;
                roll < at && !list.is_empty()
            })
            .or_else(|| kinds.iter().find(|(_, _, list)| !list.is_empty()));
        match chosen {
            Some((_, action, list)) => (*action, list[rng.usize(..list.len())].as_str()),
            None => (Action::AskNone, "zxqv blorp frobnicator quux"),
        }
    }
}

/// What every worker shares.
pub struct Load {
    pub questions: Questions,
    /// Staff of L1 and L2 (stories escalate once).
    pub l1: Vec<Person>,
    pub l2: Vec<Person>,
    pub help: ChannelRef,
    /// Share of actions that are an /ask (1.0: only /ask; 0.0: only tickets).
    pub ask_share: f64,
    /// For tickets: where the bot keeps them (to find their threads).
    pub store: Option<(Store, GuildId)>,
}

/// What a worker brings back.
#[derive(Default)]
pub struct Outcome {
    pub samples: Vec<Sample>,
    /// Failed actions by kind, with the first error seen.
    pub failures: BTreeMap<Action, (usize, String)>,
    /// Tickets taken from opening to closed.
    pub stories: usize,
}

impl Outcome {
    pub fn merge(&mut self, other: Outcome) {
        self.samples.extend(other.samples);
        for (action, (n, first)) in other.failures {
            let entry = self.failures.entry(action).or_insert((0, first));
            entry.0 += n;
        }
        self.stories += other.stories;
    }

    fn fail(&mut self, action: Action, e: impl std::fmt::Display) {
        let entry = self.failures.entry(action).or_insert((0, e.to_string()));
        entry.0 += 1;
    }
}

/// A ticket in progress: where it is and who handles it.
struct Story {
    number: u64,
    user_thread: ChannelRef,
    case: ChannelRef,
    staff: Person,
    next: Action,
}

/// One simulated user (with a spare: a story that fails leaves its ticket
/// open, and the user cannot open another).
pub struct Worker {
    users: Vec<Person>,
    rng: fastrand::Rng,
    story: Option<Story>,
}

impl Worker {
    pub fn new(users: Vec<Person>, seed: u64) -> Worker {
        Worker {
            users,
            rng: fastrand::Rng::with_seed(seed),
            story: None,
        }
    }

    /// Acts until `until`, then finishes the action under way.
    pub async fn run(mut self, load: Arc<Load>, until: Instant) -> Outcome {
        let mut out = Outcome::default();
        while Instant::now() < until {
            let Some(user) = self.users.first().cloned() else {
                break;
            };
            let tickets = load.store.is_some() && load.ask_share < 1.0;
            if !tickets || self.rng.f64() < load.ask_share {
                let (action, question) = load.questions.pick(&mut self.rng);
                let question = question.to_owned();
                let options = [("question", Opt::Text(question))];
                match timed(&user, &load.help, "ask", &options).await {
                    Ok((first, last, _)) => out.samples.push(Sample {
                        action,
                        first,
                        last,
                    }),
                    Err(e) => out.fail(action, e),
                }
            } else if let Err((action, e)) = self.story_step(&load, &user, &mut out).await {
                out.fail(action, e);
                // The ticket may be left open: the spare user carries on.
                self.story = None;
                self.users.remove(0);
            }
        }
        out
    }

    /// The next step of the current ticket, or a new one.
    async fn story_step(
        &mut self,
        load: &Load,
        user: &Person,
        out: &mut Outcome,
    ) -> Result<(), (Action, String)> {
        let Some(mut story) = self.story.take() else {
            let question = format!("my export fails with error {}", self.rng.u32(..10_000));
            let options = [("question", Opt::Text(question))];
            let (first, last, answer) = timed(user, &load.help, "ticket open", &options)
                .await
                .map_err(|e| (Action::Open, e.to_string()))?;
            out.samples.push(Sample {
                action: Action::Open,
                first,
                last,
            });
            let number = ticket_number(&answer.text).ok_or_else(|| {
                (
                    Action::Open,
                    format!("no ticket number in {:?}", answer.text),
                )
            })?;
            let (user_thread, case) = threads(load, number, Level::L1)
                .await
                .map_err(|e| (Action::Open, e))?;
            let staff = load.l1[self.rng.usize(..load.l1.len())].clone();
            self.story = Some(Story {
                number,
                user_thread,
                case,
                staff,
                next: Action::Claim,
            });
            return Ok(());
        };
        let action = story.next;
        let (who, place, command, options): (&Person, &ChannelRef, &str, Vec<(&str, Opt)>) =
            match action {
                Action::Claim => (&story.staff, &story.case, "claim", vec![]),
                Action::Note => (
                    &story.staff,
                    &story.case,
                    "note",
                    vec![("text", Opt::Text("Checked the logs: a timeout".into()))],
                ),
                Action::Escalate => (
                    &story.staff,
                    &story.case,
                    "escalate",
                    vec![("reason", Opt::Text("Needs a specialist".into()))],
                ),
                Action::Resolve => (
                    &story.staff,
                    &story.case,
                    "resolve",
                    vec![("summary", Opt::Text("Fixed in the next release".into()))],
                ),
                _ => (
                    user,
                    &story.user_thread,
                    "close",
                    vec![("reason", Opt::Text("Works now, thanks".into()))],
                ),
            };
        let (first, last, _) = timed(who, place, command, &options)
            .await
            .map_err(|e| (action, e.to_string()))?;
        out.samples.push(Sample {
            action,
            first,
            last,
        });
        story.next = match action {
            Action::Claim if story.staff_level() == Level::L1 => Action::Note,
            Action::Claim => Action::Resolve,
            Action::Note => Action::Escalate,
            Action::Escalate => {
                let (_, case) = threads(load, story.number, Level::L2)
                    .await
                    .map_err(|e| (action, e))?;
                story.case = case;
                story.staff = load.l2[self.rng.usize(..load.l2.len())].clone();
                Action::Claim
            }
            Action::Resolve => Action::Close,
            _ => {
                out.stories += 1;
                return Ok(());
            }
        };
        self.story = Some(story);
        Ok(())
    }
}

impl Story {
    fn staff_level(&self) -> Level {
        if self.staff.name().starts_with("l1_") {
            Level::L1
        } else {
            Level::L2
        }
    }
}

/// Runs a slash command and waits for its final answer: the time to the
/// first response, to the last message, and that message.
pub async fn timed(
    who: &Person,
    place: &ChannelRef,
    command: &str,
    options: &[(&str, Opt)],
) -> Result<(Duration, Duration, MessageView), DriverError> {
    let started = Instant::now();
    let response = who.slash(place, command, options).await?;
    let first = started.elapsed();
    let message = response.message()?.clone();
    let last_message = if message.loading {
        who.sees_message(&message, |m| !m.loading).await?
    } else {
        message
    };
    Ok((first, started.elapsed(), last_message))
}

/// The ticket's user thread and its case thread, which must be at `level`
/// (the answer to an opening or an escalation comes once its steps ran).
async fn threads(
    load: &Load,
    number: u64,
    level: Level,
) -> Result<(ChannelRef, ChannelRef), String> {
    let Some((store, guild)) = &load.store else {
        return Err("tickets need the bot's database".into());
    };
    let ticket = store
        .ticket_by_number(*guild, TicketNumber(number))
        .await
        .map_err(|e| format!("reading ticket #{number}: {e}"))?
        .ok_or_else(|| format!("ticket #{number} is not in the database"))?;
    let user_thread = ticket
        .user_thread
        .ok_or_else(|| format!("ticket #{number} has no user thread"))?;
    let case = ticket
        .case
        .filter(|_| ticket.level == level)
        .ok_or_else(|| format!("ticket #{number} has no case at {level}"))?;
    let channel = |id: u64, name: &str| ChannelRef {
        id,
        name: name.to_owned(),
    };
    Ok((
        channel(user_thread.0, &format!("ticket #{number}")),
        channel(case.thread.0, &format!("case #{number}")),
    ))
}

/// The first `#N` in a text.
fn ticket_number(text: &str) -> Option<u64> {
    let start = text.find('#')?;
    let digits: String = text[start + 1..]
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    digits.parse().ok()
}

/// Each action once, alone, waiting each time until the sandbox is quiet:
/// how many REST calls it makes in all (its outbox steps included). The
/// asks first, then one ticket's whole story when `load` has a database.
pub async fn calibrate(
    load: &Load,
    sandbox: &crate::sandbox::Sandbox,
    user: &Person,
) -> anyhow::Result<Vec<(Action, u64)>> {
    let calls = || sandbox.recorder().total();
    let mut out = Vec::new();
    let asks = [
        (Action::AskAnswered, &load.questions.answered),
        (Action::AskCandidates, &load.questions.candidates),
        (Action::AskNone, &load.questions.none),
    ];
    for (action, list) in asks {
        let Some(question) = list.first() else {
            continue;
        };
        sandbox.settled().await?;
        let before = calls();
        let options = [("question", Opt::Text(question.clone()))];
        timed(user, &load.help, "ask", &options).await?;
        sandbox.settled().await?;
        out.push((action, calls() - before));
    }
    if load.store.is_none() {
        return Ok(out);
    }
    let mut worker = Worker::new(vec![user.clone()], 7);
    let mut story = Outcome::default();
    while story.stories == 0 {
        let before = calls();
        let done = story.samples.len();
        worker
            .story_step(load, user, &mut story)
            .await
            .map_err(|(action, e)| anyhow::anyhow!("{}: {e}", action.label()))?;
        sandbox.settled().await?;
        if let Some(sample) = story.samples.get(done) {
            out.push((sample.action, calls() - before));
        }
    }
    Ok(out)
}

/// The people of `users` paired up: one worker each, with a spare.
pub fn workers(users: &[Person], seed: u64) -> Vec<Worker> {
    users
        .chunks(2)
        .enumerate()
        .map(|(i, pair)| Worker::new(pair.to_vec(), seed.wrapping_add(i as u64)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ticket_number_is_the_first_hash_number() {
        assert_eq!(ticket_number("Ticket #12 is open in #support"), Some(12));
        assert_eq!(ticket_number("no number"), None);
    }

    #[test]
    fn the_mix_falls_back_to_the_kinds_there_are() {
        let q = Questions {
            answered: vec![],
            candidates: vec!["c".into()],
            none: vec![],
        };
        let mut rng = fastrand::Rng::with_seed(1);
        for _ in 0..20 {
            assert_eq!(q.pick(&mut rng).0, Action::AskCandidates);
        }
    }
}
