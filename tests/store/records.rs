//! Settings, the L0 log, transcripts and idempotency keys.

use chrono::Duration;
use supportline::i18n::Locale;
use supportline::store::{L0Click, NewL0Exchange, OpenOutcome};
use supportline::tickets::{
    Attachment, ChannelId, EntryKind, GuildId, Level, MessageId, NewTicket, TicketSource,
    TranscriptEntry,
};

use crate::common::*;

#[tokio::test]
async fn an_unknown_guild_has_default_settings_and_saved_ones_come_back() {
    for db in backends().await {
        let store = db.store().await;
        let fresh = store.settings(GUILD).await.unwrap();
        assert_eq!(
            fresh,
            supportline::tickets::GuildSettings::new(GUILD),
            "{}",
            db.backend
        );

        let mut s = settings();
        s.help_channels = [ChannelId(3), ChannelId(4)].into();
        s.log_channel = Some(ChannelId(5));
        s.answer_plain_messages = true;
        s.ticket_limit = 3;
        s.cooldown = Duration::minutes(2);
        s.level_mut(Level::L3).sla = Duration::hours(2);
        s.auto_close_hours = 48;
        s.reopen_days = 3;
        s.default_locale = Some(Locale::Ru);
        store.save_settings(&s, at(0)).await.unwrap();
        assert_eq!(store.settings(GUILD).await.unwrap(), s);

        // Saving again replaces, help channels included.
        s.help_channels = [ChannelId(6)].into();
        s.support_channel = None;
        store.save_settings(&s, at(1)).await.unwrap();
        assert_eq!(store.settings(GUILD).await.unwrap(), s);
        assert_eq!(store.settings(GuildId(2)).await.unwrap().missing().len(), 9);
    }
}

fn exchange(article: Option<&str>, candidates: &[&str]) -> NewL0Exchange {
    NewL0Exchange {
        guild: GUILD,
        user: ALICE,
        channel: ChannelId(3),
        question: "how do I reset my password?".into(),
        locale: Locale::En,
        article: article.map(str::to_owned),
        confidence: if article.is_some() { 0.91 } else { 0.2 },
        candidates: candidates.iter().map(|c| c.to_string()).collect(),
        small_talk: None,
    }
}

#[tokio::test]
async fn an_l0_exchange_remembers_the_click_and_the_ticket_it_led_to() {
    for db in backends().await {
        let store = db.store().await;
        let id = store
            .record_l0_exchange(&exchange(None, &["reset-password", "2fa"]), at(0))
            .await
            .unwrap();
        assert!(store
            .mark_l0_click(id, &L0Click::Candidate("2fa".into()), at(1))
            .await
            .unwrap());
        assert!(store
            .mark_l0_click(id, &L0Click::TalkToHuman, at(2))
            .await
            .unwrap());
        let new = NewTicket::new(
            GUILD,
            ALICE,
            "how do I reset",
            Locale::En,
            TicketSource::L0Exchange(id),
        )
        .unwrap();
        let OpenOutcome::Opened(ticket) = store.open_ticket(new, "k", at(2)).await.unwrap() else {
            panic!("expected a ticket");
        };

        let stored = store.l0_exchange(id).await.unwrap().unwrap();
        assert_eq!(stored.click, L0Click::TalkToHuman, "{}", db.backend);
        assert_eq!(stored.clicked_at, Some(at(2)));
        assert_eq!(stored.ticket, Some(ticket.id));
        assert_eq!(stored.confidence, 0.2);
        assert_eq!(stored.candidates, vec!["reset-password", "2fa"]);
        assert_eq!(stored.articles_tried(), vec!["reset-password", "2fa"]);
        assert_eq!(
            store.l0_exchange_for_ticket(ticket.id).await.unwrap(),
            Some(stored)
        );
        let listed = store.l0_exchanges(GUILD, at(0), at(1)).await.unwrap();
        assert_eq!(listed.len(), 1);
        assert!(store
            .l0_exchanges(GUILD, at(1), at(2))
            .await
            .unwrap()
            .is_empty());
    }
}

fn entry(message: u64, minute: i64, kind: EntryKind) -> TranscriptEntry {
    TranscriptEntry {
        message: MessageId(message),
        thread: ChannelId(500),
        author: ALICE,
        author_name: "alice".into(),
        at: at(minute),
        content: format!("message {message} «ёлка»"),
        embeds_json: "[]".into(),
        attachments: vec![Attachment {
            filename: "log.txt".into(),
            url: "https://cdn.example/log.txt".into(),
            size: 1234,
        }],
        kind,
    }
}

#[tokio::test]
async fn a_transcript_is_saved_once_and_read_back_in_time_order() {
    for db in backends().await {
        let store = db.store().await;
        let id = open(&store, ALICE, 1, at(0)).await.id;
        let entries = vec![entry(2, 2, EntryKind::Note), entry(1, 1, EntryKind::User)];
        assert_eq!(
            store.save_transcript(id, &entries).await.unwrap(),
            2,
            "{}",
            db.backend
        );
        let more = vec![
            entry(1, 1, EntryKind::User),
            entry(3, 3, EntryKind::LevelChange),
        ];
        assert_eq!(store.save_transcript(id, &more).await.unwrap(), 1);
        let stored = store.transcript(id).await.unwrap();
        let order: Vec<u64> = stored.iter().map(|e| e.message.0).collect();
        assert_eq!(order, vec![1, 2, 3]);
        assert_eq!(stored[0], entry(1, 1, EntryKind::User));
        let other = open(&store, BORIS, 2, at(0)).await.id;
        assert!(store.transcript(other).await.unwrap().is_empty());
    }
}

#[tokio::test]
async fn an_idempotency_key_is_claimed_once_until_forgotten() {
    for db in backends().await {
        let store = db.store().await;
        assert!(
            store.claim_key("message:1", at(0)).await.unwrap(),
            "{}",
            db.backend
        );
        assert!(!store.claim_key("message:1", at(1)).await.unwrap());
        assert_eq!(
            store
                .forget_keys_before(at(0) + Duration::days(1))
                .await
                .unwrap(),
            1
        );
        assert!(store.claim_key("message:1", at(2)).await.unwrap());
    }
}
