//! Whether the bot can read members' messages. Without the privileged
//! Message Content intent granted in the developer portal, Discord empties
//! `content`, `embeds`, `attachments` and `components` of other people's
//! messages over REST too, not only on the gateway (events/gateway,
//! "Message Content Intent"), except messages that mention the bot. The
//! bot still sees every interaction, modal value and its own messages, so
//! a transcript keeps those and says plainly what is missing.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use poise::serenity_prelude::{ApplicationFlags, Http};

/// What the application was granted, learnt at start-up from its flags.
#[derive(Clone, Debug)]
pub struct ContentAccess(Arc<AtomicBool>);

impl Default for ContentAccess {
    /// Readable until the application's flags say otherwise.
    fn default() -> Self {
        ContentAccess(Arc::new(AtomicBool::new(true)))
    }
}

impl ContentAccess {
    /// Whether members' messages read over REST carry their text.
    pub fn readable(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }

    /// Reads the application's flags (GATEWAY_MESSAGE_CONTENT, or its
    /// _LIMITED form for a bot in under 100 servers). Unknown stays as it was.
    pub async fn learn(&self, http: &Http) {
        match http.get_current_application_info().await {
            Ok(app) => {
                let granted = app.flags.is_some_and(|f| {
                    f.intersects(
                        ApplicationFlags::GATEWAY_MESSAGE_CONTENT
                            | ApplicationFlags::GATEWAY_MESSAGE_CONTENT_LIMITED,
                    )
                });
                if !granted {
                    tracing::warn!(
                        "the Message Content intent is not granted: members' messages read \
                         over REST are empty, so transcripts keep only what the bot saw itself"
                    );
                }
                self.0.store(granted, Ordering::Relaxed);
            }
            Err(e) => tracing::warn!(error = %e, "could not read the application's flags"),
        }
    }
}
