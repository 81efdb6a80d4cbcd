//! A world for end-to-end stories: the sandbox with the demo server, a
//! fresh SQLite database, the sample knowledge base, and the real bot
//! connected through serenity. The bot can be crashed and restarted
//! against the same database and sandbox.

use std::sync::Arc;
use std::time::Duration;

use supportline::bot::{Clock, RunningBot, Services};
use supportline::demo;
use supportline::i18n::Locale;
use supportline::knowledge::LiveKnowledge;
use supportline::sandbox::{ChannelRef, MessageView, Person, RateLimits, Response, Sandbox};
use supportline::store::Store;
use supportline::telemetry::http::MetricsServer;
use supportline::telemetry::Metrics;
use supportline::tickets::{GuildId, Ticket, TicketNumber};
use tempfile::TempDir;

pub struct World {
    pub sandbox: Sandbox,
    pub store: Store,
    pub clock: Clock,
    pub knowledge: Arc<LiveKnowledge>,
    /// The counters every bot of this world keeps (across restarts).
    pub metrics: Metrics,
    /// The database every bot of this world uses (the crash suite starts
    /// its own bots on it).
    #[allow(dead_code)]
    pub database_url: String,
    bot: Option<RunningBot>,
    /// Whether the application has the Message Content intent.
    message_content: bool,
    _db: TempDir,
}

impl World {
    pub async fn start() -> World {
        World::start_with_knowledge(concat!(env!("CARGO_MANIFEST_DIR"), "/knowledge")).await
    }

    /// A world whose bot reads the knowledge base in `dir` (a test's own
    /// copy, when the test edits articles).
    pub async fn start_with_knowledge(dir: impl AsRef<std::path::Path>) -> World {
        let mut world = World::without_bot(dir).await;
        world.start_bot().await;
        world
    }

    /// A world whose bot the test starts itself (the crash suite runs
    /// each bot on a runtime of its own, so that killing it kills every
    /// task it spawned).
    #[allow(dead_code)]
    pub async fn without_bot(dir: impl AsRef<std::path::Path>) -> World {
        World::without_bot_granted(dir, true).await
    }

    /// A world whose application was not granted the Message Content
    /// intent (Discord's default), with a bot that identifies without it.
    #[allow(dead_code)]
    pub async fn start_without_message_content() -> World {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/knowledge");
        let mut world = World::without_bot_granted(dir, false).await;
        world.start_bot().await;
        world
    }

    async fn without_bot_granted(dir: impl AsRef<std::path::Path>, message_content: bool) -> World {
        let spec = demo::preset()
            .expect("the preset parses")
            .message_content_intent(message_content);
        let sandbox = Sandbox::start_local(spec)
            .await
            .expect("the sandbox starts");
        // Serenity's ratelimiter waits a spent bucket out between REST
        // calls, where `settled` sees nothing in flight: buckets no story
        // fills keep "settled" meaning done (the headers still come, the
        // ratelimiter still reads them). `e2e/rate_limits.rs` runs with
        // Discord's.
        sandbox.set_rate_limits(RateLimits::generous());
        let db = tempfile::tempdir().expect("a temp dir");
        let url = format!("sqlite://{}/e2e.db", db.path().display());
        let store = Store::connect(&url).await.expect("the database opens");
        demo::configure(&sandbox, &store)
            .await
            .expect("the demo settings save");
        let knowledge = Arc::new(LiveKnowledge::start(dir).expect("the knowledge base loads"));
        World {
            sandbox,
            store,
            clock: Clock::adjustable(),
            knowledge,
            metrics: Metrics::new(),
            database_url: url,
            bot: None,
            message_content,
            _db: db,
        }
    }

    /// Starts the bot (again, after `stop_bot`) on the same database.
    pub async fn start_bot(&mut self) {
        let services = Services {
            store: self.store.clone(),
            knowledge: self.knowledge.clone(),
            clock: self.clock.clone(),
            default_locale: Locale::En,
            timer_tick: Duration::from_millis(50),
            metrics: self.metrics.clone(),
        };
        let running = demo::start_bot_with(&self.sandbox, services, self.message_content)
            .await
            .expect("the bot starts, connects and registers its commands");
        self.bot = Some(running);
    }

    /// Kills the bot as a crash would and starts a new one on the same
    /// database.
    pub async fn restart_bot(&mut self) {
        self.stop_bot().await;
        self.start_bot().await;
    }

    /// A new Discord under the kept database: stops the bot, starts a new
    /// sandbox (new ids for everything) with the demo server configured
    /// again, and starts the bot against it.
    pub async fn replace_sandbox(&mut self) {
        self.stop_bot().await;
        let fresh = Sandbox::start_local(demo::preset().expect("the preset parses"))
            .await
            .expect("the sandbox starts");
        fresh.set_rate_limits(RateLimits::generous());
        demo::configure(&fresh, &self.store)
            .await
            .expect("the demo settings save");
        let old = std::mem::replace(&mut self.sandbox, fresh);
        old.stop().await;
        self.start_bot().await;
    }

    /// Serves the running bot's `/metrics` and `/healthz` on a free port
    /// of 127.0.0.1, as `METRICS_ADDR=127.0.0.1:0` would.
    #[allow(dead_code)]
    pub async fn serve_metrics(&self) -> MetricsServer {
        let bot = self.bot.as_ref().expect("the bot is running");
        let any_port = std::net::SocketAddr::from(([127, 0, 0, 1], 0));
        MetricsServer::start(any_port, bot.metrics(), bot.probe())
            .await
            .expect("the metrics endpoint listens")
    }

    /// Kills the bot (it stays down until `restart_bot`).
    pub async fn stop_bot(&mut self) {
        if let Some(bot) = self.bot.take() {
            bot.abort().await;
        }
    }

    /// Time passes for everyone: the bot's clock and Discord's (where idle
    /// threads archive themselves), as the console's `wait` moves both.
    #[allow(dead_code)]
    pub async fn wait(&self, by: chrono::Duration) {
        self.clock.advance(by);
        self.sandbox
            .advance_clock(by.to_std().expect("a wait forward"));
        self.sandbox.settled().await.expect("the bot settles");
    }

    pub fn person(&self, name: &str) -> Person {
        self.sandbox
            .person(name)
            .expect("a person of the demo server")
    }

    pub fn channel(&self, name: &str) -> ChannelRef {
        self.sandbox
            .channel(name)
            .expect("a channel of the demo server")
    }

    pub fn channel_by_id(&self, id: u64) -> ChannelRef {
        self.sandbox.channel_by_id(id).expect("a known channel")
    }

    pub fn guild(&self) -> GuildId {
        GuildId(self.sandbox.guild_id())
    }

    pub async fn ticket(&self, number: u64) -> Ticket {
        self.store
            .ticket_by_number(self.guild(), TicketNumber(number))
            .await
            .expect("the store answers")
            .expect("the ticket exists")
    }

    /// The final answer to an interaction (after "thinking…").
    pub async fn answer(&self, who: &Person, response: &Response) -> MessageView {
        let first = response.message().expect("the bot answered with a message");
        if !first.loading {
            return first.clone();
        }
        let channel = self.channel_by_id(first.channel_id);
        let id = first.id;
        who.sees_in(&channel, |m| m.id == id && !m.loading)
            .await
            .expect("the deferred answer arrives")
    }

    /// Runs a command and returns its final answer.
    pub async fn slash(
        &self,
        who: &Person,
        channel: &ChannelRef,
        command: &str,
        options: &[(&str, supportline::sandbox::Opt)],
    ) -> MessageView {
        let response = who
            .slash(channel, command, options)
            .await
            .unwrap_or_else(|e| panic!("/{command} by {}: {e}", who.name()));
        self.answer(who, &response).await
    }

    /// Asks L0 with `/ask` and returns its answer.
    pub async fn ask(&self, who: &Person, channel: &ChannelRef, question: &str) -> MessageView {
        self.slash(who, channel, "ask", &[("question", text(question))])
            .await
    }

    /// `who` answers "Did this solve it?" of ticket `number` with `stars`
    /// and no comment.
    pub async fn rate(&self, who: &Person, number: u64, stars: u8) {
        let thread = self.channel_by_id(self.ticket(number).await.user_thread.unwrap().0);
        let label = format!("{stars} ★");
        let question = who
            .sees_in(&thread, |m| m.has_button(&label))
            .await
            .expect("the resolve question reaches the user");
        let form = who.click(&question, &label).await.unwrap();
        let done = who.submit_modal(form.modal().unwrap(), &[]).await.unwrap();
        self.answer(who, &done).await;
    }

    /// Clicks a button and returns the final answer (the updated message,
    /// or the ephemeral reply).
    pub async fn click(&self, who: &Person, message: &MessageView, label: &str) -> MessageView {
        let response = who
            .click(message, label)
            .await
            .unwrap_or_else(|e| panic!("{} clicking {label}: {e}", who.name()));
        self.answer(who, &response).await
    }

    /// Opens a ticket for `who` with `/ticket open` and returns its user
    /// thread as `who` sees it.
    pub async fn open_ticket(&self, who: &Person, question: &str) -> (Ticket, ChannelRef) {
        let help = self.channel("help");
        let reply = self
            .slash(who, &help, "ticket open", &[("question", text(question))])
            .await;
        let number = ticket_number(&reply.text)
            .unwrap_or_else(|| panic!("no ticket number in {:?}", reply.text));
        self.sandbox.settled().await.expect("the bot settles");
        let t = self.ticket(number).await;
        let thread = self.channel_by_id(t.user_thread.expect("a user thread").0);
        (t, thread)
    }

    /// What many servers do (Community setup suggests it): @everyone may
    /// no longer mention every role, nor may the bot's roles, so only a
    /// mentionable role can be pinged. Discord's default @everyone may.
    pub fn take_away_mention_everyone(&self) {
        use supportline::sandbox::{BotSpec, Permissions};
        let no_mention_all = !Permissions::MENTION_EVERYONE;
        self.sandbox
            .edit_role(
                "@everyone",
                None,
                Some(Permissions::DEFAULT_EVERYONE & no_mention_all),
            )
            .expect("@everyone exists");
        for bot_role in ["Supportline", "@bot"] {
            self.sandbox
                .edit_role(
                    bot_role,
                    None,
                    Some(BotSpec::DEFAULT_PERMISSIONS & no_mention_all),
                )
                .expect("the bot's roles exist");
        }
    }

    /// The current case thread of a ticket, once the outbox has made it
    /// (on a loaded machine the sandbox may look settled between two of
    /// the steps that open it).
    pub async fn case_thread(&self, number: u64) -> ChannelRef {
        for _ in 0..500 {
            if let Some(case) = self.ticket(number).await.case {
                return self.channel_by_id(case.thread.0);
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        panic!("ticket #{number} has no case after 10 s");
    }

    /// The case card of a ticket as `who` sees it.
    pub async fn card(&self, who: &Person, number: u64) -> MessageView {
        self.card_where(who, number, |_| true).await
    }

    /// The case card once it shows what `shows` wants: a change a gateway
    /// event makes (a message in the thread) may come after the sandbox has
    /// looked settled on a busy machine, since it needs no REST call until
    /// the card is edited.
    pub async fn card_where(
        &self,
        who: &Person,
        number: u64,
        shows: impl Fn(&MessageView) -> bool,
    ) -> MessageView {
        let t = self.ticket(number).await;
        let case = t.case.expect("a case");
        let info = self
            .sandbox
            .channel_info(&self.channel_by_id(case.thread.0))
            .expect("the case thread exists");
        let channel = self.channel(&info.parent.expect("a thread has a parent"));
        let card = case.card.0;
        who.sees_in(&channel, |m| m.id == card && shows(m))
            .await
            .expect("the card is visible and shows it")
    }
}

impl World {
    /// Discord holds an older registration of `command` whose option
    /// (under `sub`, if given) accepted `min..=max`: people can send what
    /// the bot's own registration would stop.
    pub fn stale_range(&self, command: &str, sub: Option<&str>, option: &str, min: i64, max: i64) {
        let widened = self.sandbox.faults().stale_command(command, |options| {
            let list = match sub {
                Some(sub) => options
                    .iter_mut()
                    .find(|o| o.name == sub)
                    .and_then(|o| o.options.as_mut())
                    .expect("the subcommand is registered"),
                None => options,
            };
            let o = list
                .iter_mut()
                .find(|o| o.name == option)
                .expect("the option is registered");
            o.min_value = Some(serde_json::json!(min));
            o.max_value = Some(serde_json::json!(max));
        });
        assert!(widened, "/{command} is registered");
    }
}

pub fn text(s: &str) -> supportline::sandbox::Opt {
    supportline::sandbox::Opt::Text(s.to_owned())
}

pub fn int(n: i64) -> supportline::sandbox::Opt {
    supportline::sandbox::Opt::Int(n)
}

/// The first `#N` in a text.
pub fn ticket_number(text: &str) -> Option<u64> {
    let start = text.find('#')?;
    let digits: String = text[start + 1..]
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    digits.parse().ok()
}
