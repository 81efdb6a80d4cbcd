//! Which messages someone wrote, as opposed to the lines Discord posts
//! itself in threads: "X added Y to the thread" (RECIPIENT_ADD, type 1),
//! the pointer to a thread's starting message (THREAD_STARTER_MESSAGE,
//! type 21) and the like. They have no text and no author who said
//! anything, so transcripts, the handoff digest and the SLA's "first staff
//! reply" must pass them by.

use poise::serenity_prelude::{Message, MessageType};

/// A message someone wrote: plain, a reply, or a command's answer.
pub fn is_said(m: &Message) -> bool {
    matches!(
        m.kind,
        MessageType::Regular
            | MessageType::InlineReply
            | MessageType::ChatInputCommand
            | MessageType::ContextMenuCommand
    )
}
