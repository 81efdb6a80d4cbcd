use chrono::Duration;

use super::*;
use crate::tickets::fixtures::{minutes, ticket, OPENER};
use crate::tickets::{CaseThread, Level, MessageId};

const USER_THREAD: ChannelId = ChannelId(500);
const L1_CASE: ChannelId = ChannelId(601);
const L2_CASE: ChannelId = ChannelId(701);

fn closed_ticket() -> Ticket {
    let mut t = ticket(Level::L1);
    t.previous_cases = t.case.take().into_iter().collect();
    t.case = Some(CaseThread {
        level: Level::L2,
        card: MessageId(700),
        thread: L2_CASE,
        opened_at: minutes(10),
    });
    t.level = Level::L2;
    t.levels_seen = t.levels_seen.with(Level::L2);
    t.status = Status::Closed;
    t.closed_at = Some(minutes(60));
    t.assignee = Some(UserId(31));
    t
}

fn entry(
    id: u64,
    thread: ChannelId,
    kind: EntryKind,
    author: &str,
    content: &str,
) -> TranscriptEntry {
    TranscriptEntry {
        message: MessageId(id),
        thread,
        author: UserId(id + 1_000),
        author_name: author.into(),
        at: minutes(0) + Duration::minutes(id as i64),
        content: content.into(),
        embeds_json: "[]".into(),
        attachments: vec![],
        kind,
    }
}

fn history() -> Vec<TranscriptEntry> {
    let mut with_file = entry(
        1,
        USER_THREAD,
        EntryKind::User,
        "Alice",
        "It fails <script>alert(1)</script>",
    );
    with_file.attachments = vec![Attachment {
        filename: "error <1>.png".into(),
        url: "https://cdn.discordapp.com/attachments/1/2/error.png".into(),
        size: 2_048,
    }];
    let mut bot = entry(2, USER_THREAD, EntryKind::Bot, "Supportline", "");
    bot.embeds_json = r#"[{"title":"Ticket #42","description":"We are on it & <b>soon</b>","fields":[{"name":"Level","value":"L1"}]}]"#.into();
    vec![
        with_file,
        bot,
        entry(
            3,
            L1_CASE,
            EntryKind::Note,
            "Lena",
            "Probably the SSO outage",
        ),
        entry(
            4,
            USER_THREAD,
            EntryKind::LevelChange,
            "Supportline",
            "Escalated to L2: billing",
        ),
        entry(5, L2_CASE, EntryKind::Staff, "Mark", "Fixed, please retry"),
    ]
}

fn names(user: UserId) -> String {
    match user {
        OPENER => "Alice".into(),
        UserId(31) => "Mark".into(),
        _ => "someone".into(),
    }
}

fn page(locale: Locale) -> String {
    let rating = Rating::try_from(4u8).ok();
    render(&closed_ticket(), rating, &history(), &names, locale)
}

#[test]
fn user_text_is_escaped_never_run() {
    let html = page(Locale::En);
    assert!(!html.contains("<script"), "{html}");
    assert!(html.contains("It fails &lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("We are on it &amp; &lt;b&gt;soon&lt;/b&gt;"));
    assert!(html.contains("error &lt;1&gt;.png"));
}

#[test]
fn every_entry_is_present_once_in_time_order() {
    let html = page(Locale::En);
    let positions: Vec<usize> = (1..=5)
        .map(|id| {
            let anchor = format!("id=\"m{id}\"");
            assert_eq!(html.matches(&anchor).count(), 1, "{anchor}");
            html.find(&anchor).unwrap()
        })
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(html.matches("<article").count(), 5, "nothing else");
}

#[test]
fn notes_and_level_changes_are_marked() {
    let html = page(Locale::En);
    let note = html.find("id=\"m3\"").unwrap();
    let note_html = &html[html[..note].rfind("<article").unwrap()..];
    assert!(note_html.starts_with("<article class=\"note\""));
    assert!(note_html[..300].contains("Internal note"), "{note_html}");
    assert!(note_html[..300].contains("Case thread L1"));
    assert!(html.contains("<article class=\"level-change\" id=\"m4\""));
    assert!(html.contains("Level change"));
    assert!(html.contains("<article class=\"staff\" id=\"m5\""));
    assert!(html.contains("Case thread L2"));
}

#[test]
fn the_header_says_who_what_and_how_it_ended() {
    let html = page(Locale::En);
    assert!(html.contains("<title>Ticket #42: Login fails</title>"));
    for row in [
        "<dt>Opened by</dt><dd>Alice</dd>",
        "<dt>Levels</dt><dd>L1 → L2</dd>",
        "<dt>Status</dt><dd>closed</dd>",
        "<dt>Rating</dt><dd>4/5</dd>",
        "<dt>Assignee</dt><dd>Mark</dd>",
        "<dt>Closed</dt><dd>2025-03-01 10:00:00 UTC</dd>",
    ] {
        assert!(html.contains(row), "missing {row}");
    }
}

#[test]
fn the_page_is_self_contained_and_fits_a_phone() {
    let html = page(Locale::Ru);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<html lang=\"ru\">"));
    assert!(html.contains("name=\"viewport\" content=\"width=device-width"));
    assert!(html.contains("Внутренняя заметка"));
    assert!(html.contains("5 сообщений, время в UTC."));
    for external in ["<link", "<script", "<img", "src=", "@import", "url("] {
        assert!(!html.contains(external), "{external}");
    }
    // Attachments are listed by name with a link, not embedded.
    assert!(html.contains("(2.0 KiB)"));
}

#[test]
fn an_empty_transcript_says_so() {
    let html = render(&closed_ticket(), None, &[], &names, Locale::En);
    assert!(html.contains("No messages were saved for this ticket."));
    assert!(html.contains("<dt>Rating</dt><dd>—</dd>"));
}

#[test]
fn the_rating_is_the_latest_one_given() {
    use crate::tickets::{EventKind, TicketEvent};
    let confirmed = |stars: u8| TicketEvent {
        at: minutes(1),
        actor: Some(OPENER),
        level: Level::L1,
        kind: EventKind::UserConfirmed {
            rating: Rating::try_from(stars).ok(),
            comment: None,
        },
    };
    let events = [confirmed(2), confirmed(5)];
    assert_eq!(rating_of(&events), Rating::try_from(5u8).ok());
    assert_eq!(rating_of(&events[..0]), None);
}

#[test]
fn mentions_read_as_names_not_ids() {
    let said = entry(
        9,
        L2_CASE,
        EntryKind::Bot,
        "Supportline",
        "<@31> claimed it for <@100>; see <#500> and <@&77>",
    );
    let html = render(&closed_ticket(), None, &[said], &names, Locale::En);
    assert!(
        html.contains("@Mark claimed it for @Alice; see #User thread and @role"),
        "{html}"
    );
    assert!(!html.contains("&lt;@31&gt;"), "{html}");
}

#[test]
fn the_header_keeps_the_intake_topic_and_answers_escaped() {
    let mut t = closed_ticket();
    t.intake = crate::tickets::TicketIntake {
        topic: Some("Payments".into()),
        team: None,
        answers: vec![crate::tickets::IntakeAnswer {
            label: "Order number".into(),
            answer: "A-17 <b>".into(),
        }],
    };
    let html = render(&t, None, &history(), &names, Locale::En);
    assert!(html.contains("<dt>Topic</dt><dd>Payments</dd>"), "{html}");
    assert!(html.contains("<dt>Order number</dt><dd>A-17 &lt;b&gt;</dd>"));
}
