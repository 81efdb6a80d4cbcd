//! Where an interaction's time goes, from tracing: serenity's `request`
//! span around every REST call, sqlx's event after every statement (with
//! its `elapsed_secs`) and the bot's `l0_match` span around the matcher.
//! Sums over all concurrent work, so a total divided by the actions run is
//! the time one action spent there on average.
//!
//! A global layer (the subscriber is process-wide); only `supportline
//! bench` installs it, and it never reads span fields, so serenity's
//! `#[instrument]` arguments are never formatted.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id};
use tracing::subscriber::Interest;
use tracing::{Event, Metadata, Subscriber};
use tracing_subscriber::layer::{Context, Filter, Layer};
use tracing_subscriber::registry::LookupSpan;

/// Running totals: nanoseconds and counts.
#[derive(Default)]
pub struct Totals {
    rest_ns: AtomicU64,
    rest_calls: AtomicU64,
    db_ns: AtomicU64,
    db_statements: AtomicU64,
    match_ns: AtomicU64,
    matches: AtomicU64,
}

/// A reading of the totals; subtract two to get a phase's share.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Spent {
    pub rest: Duration,
    pub rest_calls: u64,
    pub db: Duration,
    pub db_statements: u64,
    pub matcher: Duration,
    pub matches: u64,
}

impl std::ops::Sub for Spent {
    type Output = Spent;

    fn sub(self, earlier: Spent) -> Spent {
        Spent {
            rest: self.rest.saturating_sub(earlier.rest),
            rest_calls: self.rest_calls.saturating_sub(earlier.rest_calls),
            db: self.db.saturating_sub(earlier.db),
            db_statements: self.db_statements.saturating_sub(earlier.db_statements),
            matcher: self.matcher.saturating_sub(earlier.matcher),
            matches: self.matches.saturating_sub(earlier.matches),
        }
    }
}

static TOTALS: OnceLock<Totals> = OnceLock::new();

fn totals() -> &'static Totals {
    TOTALS.get_or_init(Totals::default)
}

/// The totals so far (all zero when the layer is not installed).
pub fn spent() -> Spent {
    let t = totals();
    let d = |a: &AtomicU64| Duration::from_nanos(a.load(Ordering::Relaxed));
    let n = |a: &AtomicU64| a.load(Ordering::Relaxed);
    Spent {
        rest: d(&t.rest_ns),
        rest_calls: n(&t.rest_calls),
        db: d(&t.db_ns),
        db_statements: n(&t.db_statements),
        matcher: d(&t.match_ns),
        matches: n(&t.matches),
    }
}

/// What the layer looks at.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Watched {
    Rest,
    Db,
    Matcher,
}

fn watched(meta: &Metadata<'_>) -> Option<Watched> {
    let target = meta.target();
    // sqlx asks `enabled!` (a hint, not an event) before it builds its
    // event: both must pass.
    if target == "sqlx::query" {
        Some(Watched::Db)
    } else if meta.is_span() && meta.name() == "request" && target.starts_with("serenity::http") {
        Some(Watched::Rest)
    } else if meta.is_span() && meta.name() == "l0_match" {
        Some(Watched::Matcher)
    } else {
        None
    }
}

/// The layer, with its filter: it sees only what it watches.
pub fn layer<S>() -> impl Layer<S> + Send + Sync
where
    S: Subscriber + for<'a> LookupSpan<'a>,
{
    ProfileLayer.with_filter(OnlyWatched)
}

struct OnlyWatched;

impl<S> Filter<S> for OnlyWatched {
    fn enabled(&self, meta: &Metadata<'_>, _: &Context<'_, S>) -> bool {
        watched(meta).is_some()
    }

    // Decided once per call site: everything else costs nothing.
    fn callsite_enabled(&self, meta: &'static Metadata<'static>) -> Interest {
        if watched(meta).is_some() {
            Interest::always()
        } else {
            Interest::never()
        }
    }
}

struct ProfileLayer;

/// When a watched span began.
struct Began(Instant, Watched);

impl<S> Layer<S> for ProfileLayer
where
    S: Subscriber + for<'a> LookupSpan<'a>,
{
    fn on_new_span(&self, attrs: &Attributes<'_>, id: &Id, ctx: Context<'_, S>) {
        let (Some(kind), Some(span)) = (watched(attrs.metadata()), ctx.span(id)) else {
            return;
        };
        span.extensions_mut().insert(Began(Instant::now(), kind));
    }

    fn on_close(&self, id: Id, ctx: Context<'_, S>) {
        let Some(span) = ctx.span(&id) else {
            return;
        };
        let extensions = span.extensions();
        let Some(Began(at, kind)) = extensions.get::<Began>() else {
            return;
        };
        let ns = u64::try_from(at.elapsed().as_nanos()).unwrap_or(u64::MAX);
        let t = totals();
        let (sum, count) = match kind {
            Watched::Rest => (&t.rest_ns, &t.rest_calls),
            Watched::Matcher => (&t.match_ns, &t.matches),
            Watched::Db => return,
        };
        sum.fetch_add(ns, Ordering::Relaxed);
        count.fetch_add(1, Ordering::Relaxed);
    }

    fn on_event(&self, event: &Event<'_>, _: Context<'_, S>) {
        if watched(event.metadata()) != Some(Watched::Db) {
            return;
        }
        let mut elapsed = Elapsed(None);
        event.record(&mut elapsed);
        if let Some(secs) = elapsed.0 {
            let t = totals();
            t.db_ns
                .fetch_add((secs * 1e9).max(0.0) as u64, Ordering::Relaxed);
            t.db_statements.fetch_add(1, Ordering::Relaxed);
        }
    }
}

/// sqlx's `elapsed_secs` field.
struct Elapsed(Option<f64>);

impl Visit for Elapsed {
    fn record_f64(&mut self, field: &Field, value: f64) {
        if field.name() == "elapsed_secs" {
            self.0 = Some(value);
        }
    }

    fn record_debug(&mut self, _: &Field, _: &dyn std::fmt::Debug) {}
}
