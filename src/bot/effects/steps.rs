//! Each outbox step, made safe to repeat. A step reads the ticket as it
//! is stored now (a card shows the latest state, a note goes to the
//! current case) and skips what no longer applies (a case for a level the
//! ticket has left, a reminder for a closed ticket).

use poise::serenity_prelude::{ChannelId as DChannel, CreateMessage, GetMessages, Http, Nonce};

use crate::bot::app::Data;
use crate::bot::error::BotError;
use crate::bot::flows::{resolve, staff_locale};
use crate::store::{Progress, StoredEffect};
use crate::tickets::{Effect, GuildSettings};
use crate::tr;

mod archive;
mod case_thread;
mod close_ask;
mod notes;
mod user_news;
mod user_thread;

/// One step being run: what it has made so far, and its nonces.
struct Run<'a> {
    http: &'a Http,
    data: &'a Data,
    settings: GuildSettings,
    effect: &'a StoredEffect,
    progress: Progress,
    /// The ticket's opening time, in milliseconds (for nonces).
    opened_at: i64,
}

/// `n` in base 36: short nonces.
fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

impl Run<'_> {
    /// A nonce for one message of this step (Discord takes 25
    /// characters): the step's id, and when its ticket opened, so that a
    /// new database against the same server (ids from 1 again) never
    /// reuses a nonce Discord still remembers.
    fn nonce(&self, part: &str) -> Nonce {
        Nonce::String(format!(
            "{}.{}{part}",
            base36(self.effect.id.0.unsigned_abs()),
            base36(self.opened_at.unsigned_abs())
        ))
    }

    fn made(&self, key: &str) -> Option<u64> {
        self.progress.get(key).copied()
    }

    /// Saves that `key` is made before going on, so a retry skips it.
    async fn record(&mut self, key: &str, value: u64) -> Result<(), BotError> {
        self.progress.insert(key.to_owned(), value);
        self.data
            .store
            .save_progress(self.effect.id, &self.progress)
            .await?;
        Ok(())
    }

    fn staff(&self) -> crate::i18n::Locale {
        staff_locale(self.data, &self.settings)
    }

    /// Sends `message` to `channel` once, however often the step runs.
    async fn send_once(
        &mut self,
        key: &str,
        channel: u64,
        message: CreateMessage,
    ) -> Result<(), BotError> {
        if self.made(key).is_some() {
            return Ok(());
        }
        // An earlier run of this step may have posted this part and died
        // before saving it. Discord remembers a nonce only "in the past few
        // minutes", so after a longer outage look for the message first.
        if self.effect.attempts > 1 {
            if let Some(id) = posted_before(self.http, channel, &message).await? {
                return self.record(key, id).await;
            }
        }
        let message = message.nonce(self.nonce(key)).enforce_nonce(true);
        let sent = DChannel::new(channel)
            .send_message(self.http, message)
            .await?;
        self.record(key, sent.id.get()).await
    }
}

/// How far back a retried step looks for what it may have posted.
const LOOK_BACK: u8 = 50;

/// The id of a recent message of a bot in `channel` with the content of
/// `message`, if any: what an interrupted run already posted. (A message
/// without text is left to the nonce.)
async fn posted_before(
    http: &Http,
    channel: u64,
    message: &CreateMessage,
) -> Result<Option<u64>, BotError> {
    let content = serde_json::to_value(message)
        .ok()
        .and_then(|v| v.get("content")?.as_str().map(str::to_owned))
        .filter(|c| !c.is_empty());
    let Some(content) = content else {
        return Ok(None);
    };
    let recent = DChannel::new(channel)
        .messages(http, GetMessages::new().limit(LOOK_BACK))
        .await?;
    Ok(recent
        .iter()
        .find(|m| m.author.bot && m.content == content)
        .map(|m| m.id.get()))
}

pub(super) async fn perform(http: &Http, data: &Data, e: &StoredEffect) -> Result<(), BotError> {
    let Some(t) = data.store.ticket(e.ticket).await? else {
        return Ok(());
    };
    let settings = data.store.settings(t.guild).await?;
    let mut run = Run {
        http,
        data,
        settings,
        effect: e,
        progress: e.progress.clone(),
        opened_at: t.opened_at.timestamp_millis(),
    };
    match &e.effect {
        Effect::CreateUserThread => user_thread::create_user_thread(&mut run, &t).await,
        Effect::Greet => user_thread::greet(&mut run, &t).await,
        Effect::PostCase { level } => case_thread::post_case(&mut run, &t, *level).await,
        Effect::RetireCase { case } => case_thread::retire_case(&mut run, &t, *case).await,
        Effect::AddToUserThread { user } => user_thread::add_to_user_thread(&run, &t, *user).await,
        Effect::RefreshCard => case_thread::refresh_card(&run, &t).await,
        Effect::CaseNote { note } => notes::case_note(&mut run, &t, note).await,
        Effect::TellUser { news } => user_news::tell_user(&mut run, &t, news).await,
        Effect::AskResolve { summary } => {
            user_news::ask_resolve(&mut run, &t, summary.as_deref()).await
        }
        Effect::RetireQuestion { withdrawn } => {
            let note = withdrawn.then(|| tr!(t.locale, "resolve-withdrawn"));
            match resolve::retire_question(http, &t, note).await {
                Err(e) if t.is_closed() => tolerate_gone(e),
                other => other,
            }
        }
        Effect::Archive { transcript } => archive::archive(&mut run, &t, *transcript).await,
        Effect::Unarchive => archive::unarchive(&t, http).await,
        Effect::SlaReminder { level } => notes::sla_reminder(&mut run, &t, *level).await,
        Effect::AskClose => close_ask::ask(&mut run, &t).await,
        Effect::RetireCloseAsk { kept } => close_ask::retire(&run, &t, *kept).await,
    }
}

/// A channel, thread or message that is gone (404) leaves nothing to do.
fn tolerate_gone(e: BotError) -> Result<(), BotError> {
    match super::discord_status(&e) {
        Some(404) => Ok(()),
        _ => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::base36;

    #[test]
    fn a_nonce_of_a_trillionth_step_and_an_opening_time_fits_discords_25_characters() {
        let nonce = format!(
            "{}.{}intro",
            base36(1_000_000_000_000),
            base36(4_102_444_800_000) // 2100-01-01 in milliseconds
        );
        assert!(nonce.len() <= 25, "{nonce} is {} long", nonce.len());
        assert_eq!(base36(0), "0");
        assert_eq!(base36(36), "10");
    }
}
