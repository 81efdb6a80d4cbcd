//! The ceiling: a bare poise bot on the same sandbox that answers `/ask`
//! with a fixed text: no database, no matcher, no catalogue. What serenity,
//! poise and the sandbox cost on this machine, and nothing else.

use poise::serenity_prelude::{self as serenity, ClientBuilder, ShardManager};
use std::sync::Arc;
use tokio::task::JoinHandle;

use crate::bot::metered::Metered;
use crate::telemetry::Metrics;

type Error = Box<dyn std::error::Error + Send + Sync>;
type Context<'a> = poise::Context<'a, (), Error>;

/// The bench's fixed answer (never shown to a person: only the bench's
/// simulated users read it).
const ANSWER: &str = "bench: a fixed answer";

/// Answers every question with the same text, only to the asker.
#[poise::command(slash_command, guild_only)]
async fn ask(
    ctx: Context<'_>,
    #[description = "The question"]
    #[max_length = 1000]
    question: String,
) -> Result<(), Error> {
    std::hint::black_box(question);
    let reply = poise::CreateReply::default()
        .content(ANSWER)
        .ephemeral(true)
        .allowed_mentions(serenity::CreateAllowedMentions::new());
    ctx.send(reply).await?;
    Ok(())
}

pub struct Bare {
    shards: Arc<ShardManager>,
    task: JoinHandle<Result<(), serenity::Error>>,
    pub metrics: Metrics,
}

impl Bare {
    pub async fn stop(self) {
        self.shards.shutdown_all().await;
        self.task.abort();
        let _ = self.task.await;
    }
}

/// Starts the bare bot (timed like supportline: the same wrapper).
pub async fn start(builder: ClientBuilder, metrics: Metrics) -> anyhow::Result<Bare> {
    let framework = poise::Framework::builder()
        .options(poise::FrameworkOptions {
            commands: vec![ask()],
            ..Default::default()
        })
        .setup(|ctx, _ready, framework| {
            Box::pin(async move {
                poise::builtins::register_globally(ctx, &framework.options().commands).await?;
                Ok(())
            })
        })
        .build();
    let framework = Metered::new(framework, metrics.clone());
    let mut client = builder.framework(framework).await?;
    let shards = client.shard_manager.clone();
    let task = tokio::spawn(async move { client.start().await });
    Ok(Bare {
        shards,
        task,
        metrics,
    })
}
