//! The counters the bot keeps while it works, and the gauges read on each
//! scrape, in one Prometheus registry per bot (two bots in one process, as
//! in the tests and the benchmark, never mix their counts).

use std::sync::Arc;
use std::time::Duration;

use prometheus::{
    Encoder, HistogramOpts, HistogramVec, IntCounterVec, IntGauge, IntGaugeVec, Opts, Registry,
    TextEncoder,
};

use super::snapshot::Snapshot;

/// What L0 made of a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum L0Outcome {
    /// A confident article.
    Answered,
    /// Close candidates, no confident answer.
    Candidates,
    /// Nothing relevant.
    Nothing,
    /// A greeting or thanks, answered in kind.
    SmallTalk,
}

impl L0Outcome {
    pub const ALL: [L0Outcome; 4] = [
        L0Outcome::Answered,
        L0Outcome::Candidates,
        L0Outcome::Nothing,
        L0Outcome::SmallTalk,
    ];

    pub fn label(self) -> &'static str {
        match self {
            L0Outcome::Answered => "answered",
            L0Outcome::Candidates => "candidates",
            L0Outcome::Nothing => "none",
            L0Outcome::SmallTalk => "small_talk",
        }
    }
}

/// What kind of interaction was handled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InteractionKind {
    Command,
    Autocomplete,
    Component,
    Modal,
}

impl InteractionKind {
    pub const ALL: [InteractionKind; 4] = [
        InteractionKind::Command,
        InteractionKind::Autocomplete,
        InteractionKind::Component,
        InteractionKind::Modal,
    ];

    pub fn label(self) -> &'static str {
        match self {
            InteractionKind::Command => "command",
            InteractionKind::Autocomplete => "autocomplete",
            InteractionKind::Component => "component",
            InteractionKind::Modal => "modal",
        }
    }
}

/// Latency buckets in seconds: Discord's 3 s answer window sits in the
/// middle, the benchmark's milliseconds at the bottom.
const LATENCY_BUCKETS: &[f64] = &[
    0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// The bot's metrics. Cheap to clone (one registry behind an `Arc`).
#[derive(Clone)]
pub struct Metrics(Arc<Inner>);

struct Inner {
    registry: Registry,
    l0_questions: IntCounterVec,
    interactions: HistogramVec,
    rest_errors: IntCounterVec,
    tickets: IntGaugeVec,
    timers_pending: IntGauge,
    effects_pending: IntGauge,
    database_up: IntGauge,
    shard_connected: IntGaugeVec,
    shard_latency: prometheus::GaugeVec,
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics::new()
    }
}

impl Metrics {
    pub fn new() -> Metrics {
        let registry = Registry::new();
        let l0_questions = IntCounterVec::new(
            Opts::new(
                "supportline_l0_questions_total",
                "Questions L0 received, by what it made of them",
            ),
            &["outcome"],
        )
        .expect("a valid metric");
        let interactions = HistogramVec::new(
            HistogramOpts::new(
                "supportline_interaction_duration_seconds",
                "From receiving an interaction to the end of its handling (the last reply or edit)",
            )
            .buckets(LATENCY_BUCKETS.to_vec()),
            &["kind"],
        )
        .expect("a valid metric");
        let rest_errors = IntCounterVec::new(
            Opts::new(
                "supportline_rest_errors_total",
                "Discord REST calls that failed, by HTTP status and Discord error code (0: none)",
            ),
            &["status", "code"],
        )
        .expect("a valid metric");
        let tickets = IntGaugeVec::new(
            Opts::new(
                "supportline_tickets",
                "Tickets of every server, by level and state",
            ),
            &["level", "state"],
        )
        .expect("a valid metric");
        let timers_pending = IntGauge::new(
            "supportline_timers_pending",
            "Auto-closes, SLA reminders and cooldowns waiting to run",
        )
        .expect("a valid metric");
        let effects_pending = IntGauge::new(
            "supportline_effects_pending",
            "Discord steps of committed changes not yet carried out (the outbox)",
        )
        .expect("a valid metric");
        let database_up = IntGauge::new(
            "supportline_database_up",
            "1 when the database answered the scrape, else 0",
        )
        .expect("a valid metric");
        let shard_connected = IntGaugeVec::new(
            Opts::new(
                "supportline_gateway_shard_connected",
                "1 when the gateway shard is connected, else 0",
            ),
            &["shard", "stage"],
        )
        .expect("a valid metric");
        let shard_latency = prometheus::GaugeVec::new(
            Opts::new(
                "supportline_gateway_shard_latency_seconds",
                "The shard's last heartbeat round trip",
            ),
            &["shard"],
        )
        .expect("a valid metric");
        for collector in [
            Box::new(l0_questions.clone()) as Box<dyn prometheus::core::Collector>,
            Box::new(interactions.clone()),
            Box::new(rest_errors.clone()),
            Box::new(tickets.clone()),
            Box::new(timers_pending.clone()),
            Box::new(effects_pending.clone()),
            Box::new(database_up.clone()),
            Box::new(shard_connected.clone()),
            Box::new(shard_latency.clone()),
        ] {
            registry
                .register(collector)
                .expect("each metric is registered once");
        }
        // Every outcome and kind shows from the start, at zero, so that a
        // rate over them never starts from a missing series.
        for outcome in L0Outcome::ALL {
            l0_questions.with_label_values(&[outcome.label()]);
        }
        for kind in InteractionKind::ALL {
            interactions.with_label_values(&[kind.label()]);
        }
        Metrics(Arc::new(Inner {
            registry,
            l0_questions,
            interactions,
            rest_errors,
            tickets,
            timers_pending,
            effects_pending,
            database_up,
            shard_connected,
            shard_latency,
        }))
    }

    pub fn l0_question(&self, outcome: L0Outcome) {
        self.0
            .l0_questions
            .with_label_values(&[outcome.label()])
            .inc();
    }

    pub fn interaction(&self, kind: InteractionKind, took: Duration) {
        self.0
            .interactions
            .with_label_values(&[kind.label()])
            .observe(took.as_secs_f64());
    }

    /// A REST call Discord answered with `status` (and its JSON `code`,
    /// when it gave one).
    pub fn rest_error(&self, status: u16, code: Option<i64>) {
        let status = status.to_string();
        let code = code.unwrap_or(0).to_string();
        self.0
            .rest_errors
            .with_label_values(&[status.as_str(), code.as_str()])
            .inc();
    }

    /// How many questions L0 has had with this outcome (tests, the bench).
    pub fn l0_questions(&self, outcome: L0Outcome) -> u64 {
        self.0
            .l0_questions
            .with_label_values(&[outcome.label()])
            .get()
    }

    /// How many interactions of this kind were handled.
    pub fn interactions(&self, kind: InteractionKind) -> u64 {
        self.0
            .interactions
            .with_label_values(&[kind.label()])
            .get_sample_count()
    }

    /// Interactions handled so far, of every kind, and their total time.
    pub fn handled(&self) -> (u64, Duration) {
        InteractionKind::ALL
            .iter()
            .map(|k| self.0.interactions.with_label_values(&[k.label()]))
            .fold((0, Duration::ZERO), |(n, t), h| {
                (
                    n + h.get_sample_count(),
                    t + Duration::from_secs_f64(h.get_sample_sum().max(0.0)),
                )
            })
    }

    /// The text exposition format, with the gauges set from `snapshot`.
    pub fn render(&self, snapshot: &Snapshot) -> String {
        self.set_gauges(snapshot);
        let mut out = Vec::new();
        // Encoding into a Vec cannot fail for these metric types.
        if let Err(e) = TextEncoder::new().encode(&self.0.registry.gather(), &mut out) {
            tracing::warn!(error = %e, "encoding the metrics");
        }
        String::from_utf8(out).unwrap_or_default()
    }

    fn set_gauges(&self, snapshot: &Snapshot) {
        let inner = &self.0;
        // Series of states that no longer exist go away.
        inner.tickets.reset();
        inner.shard_connected.reset();
        inner.shard_latency.reset();
        match &snapshot.backlog {
            Some(backlog) => {
                inner.database_up.set(1);
                for t in &backlog.tickets {
                    let level = t.level.to_string();
                    inner
                        .tickets
                        .with_label_values(&[level.as_str(), t.status.as_str()])
                        .set(i64::try_from(t.count).unwrap_or(i64::MAX));
                }
                inner
                    .timers_pending
                    .set(i64::try_from(backlog.timers_pending).unwrap_or(i64::MAX));
                inner
                    .effects_pending
                    .set(i64::try_from(backlog.effects_pending).unwrap_or(i64::MAX));
            }
            None => inner.database_up.set(0),
        }
        for shard in &snapshot.health.shards {
            let id = shard.id.to_string();
            inner
                .shard_connected
                .with_label_values(&[id.as_str(), shard.stage.as_str()])
                .set(i64::from(shard.connected));
            if let Some(latency) = shard.latency {
                inner
                    .shard_latency
                    .with_label_values(&[id.as_str()])
                    .set(latency.as_secs_f64());
            }
        }
    }
}
