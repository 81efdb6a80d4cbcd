//! Timing every interaction from the moment the gateway hands it over to
//! the end of its handling, whatever handles it (poise's commands, our
//! buttons and forms): a thin wrapper around poise's framework.

use poise::serenity_prelude::{self as serenity, FullEvent, Interaction};
use tokio::time::Instant;

use crate::telemetry::{InteractionKind, Metrics};

pub struct Metered<F> {
    inner: F,
    metrics: Metrics,
}

impl<F> Metered<F> {
    pub fn new(inner: F, metrics: Metrics) -> Self {
        Metered { inner, metrics }
    }
}

#[serenity::async_trait]
impl<F: serenity::Framework> serenity::Framework for Metered<F> {
    async fn init(&mut self, client: &serenity::Client) {
        self.inner.init(client).await;
    }

    async fn dispatch(&self, ctx: serenity::Context, event: FullEvent) {
        let kind = match &event {
            FullEvent::InteractionCreate { interaction } => kind_of(interaction),
            _ => None,
        };
        let started = Instant::now();
        self.inner.dispatch(ctx, event).await;
        if let Some(kind) = kind {
            self.metrics.interaction(kind, started.elapsed());
        }
    }
}

fn kind_of(interaction: &Interaction) -> Option<InteractionKind> {
    match interaction {
        Interaction::Command(_) => Some(InteractionKind::Command),
        Interaction::Autocomplete(_) => Some(InteractionKind::Autocomplete),
        Interaction::Component(_) => Some(InteractionKind::Component),
        Interaction::Modal(_) => Some(InteractionKind::Modal),
        _ => None,
    }
}

/// Counts a failed REST call, if `e` is one Discord answered.
pub fn count_rest_error(metrics: &Metrics, e: &serenity::Error) {
    use serenity::{Error, HttpError};
    if let Error::Http(HttpError::UnsuccessfulRequest(r)) = e {
        let code = i64::try_from(r.error.code).ok().filter(|c| *c != 0);
        metrics.rest_error(r.status_code.as_u16(), code);
    }
}
