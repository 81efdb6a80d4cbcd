//! Transcripts at close (complete, notes marked, nothing from another
//! ticket, only for those who handled it) and /stats with its chart.

use supportline::sandbox::MessageView;

use crate::world::{int, text, World};

fn html_of(w: &World, m: &MessageView) -> String {
    let file = m
        .attachments
        .iter()
        .find(|a| a.filename.ends_with(".html"))
        .expect("an HTML transcript is attached");
    String::from_utf8(w.sandbox.file(file.id).expect("the file is stored")).unwrap()
}

#[tokio::test]
async fn closing_posts_a_complete_transcript_and_only_handlers_may_read_it() {
    let w = World::start().await;
    let alice = w.person("alice");
    let boris = w.person("boris");
    let lena = w.person("lena");
    let mark = w.person("mark");
    let olga = w.person("olga");
    let root = w.person("root");
    let (t, thread) = w.open_ticket(&alice, "Sync is stuck at 99%").await;
    let (other, other_thread) = w
        .open_ticket(&boris, "Другая проблема с синхронизацией")
        .await;
    boris
        .say(&other_thread, "СЕКРЕТ другого тикета")
        .await
        .unwrap();
    let n = t.number.0;
    let l1 = w.case_thread(n).await;
    let card = w.card(&lena, n).await;
    w.click(&lena, &card, "Claim").await;
    lena.say(&thread, "Hi Alice, which version?").await.unwrap();
    alice
        .say(&thread, "Version 2.3 <script>alert(1)</script>")
        .await
        .unwrap();
    w.slash(
        &lena,
        &l1,
        "note",
        &[("text", text("Known sync bug #4411"))],
    )
    .await;
    w.slash(&lena, &l1, "escalate", &[("reason", text("Sync team"))])
        .await;
    let l2 = w.case_thread(n).await;
    w.slash(&mark, &l2, "close", &[("reason", text("Fixed in 2.3.2"))])
        .await;

    let log = w.channel("support-log");
    let posted = root
        .sees_in(&log, |m| {
            m.attachments
                .iter()
                .any(|a| a.filename == format!("ticket-{n}.html"))
        })
        .await
        .expect("the transcript reaches the log channel");
    let html = html_of(&w, &posted);
    for said in [
        "Sync is stuck at 99%",
        "Hi Alice, which version?",
        "Known sync bug #4411",
        "Sync team",
    ] {
        assert!(html.contains(said), "the transcript has {said:?}");
    }
    assert!(
        html.contains("&lt;script&gt;") && !html.contains("<script>alert"),
        "user text is escaped"
    );
    assert!(html.contains("Internal note"), "notes are marked");
    assert!(html.contains("Level change"), "moves are marked");
    assert!(!html.contains("СЕКРЕТ"), "nothing from another ticket");
    let _ = other;

    // Who may read it: L1 and L2 handled it, L3 never did.
    let help = w.channel("help");
    let refused = w
        .slash(
            &olga,
            &help,
            "ticket transcript",
            &[("ticket", int(n as i64))],
        )
        .await;
    assert!(
        refused.attachments.is_empty() && refused.text.contains("only"),
        "{refused:?}"
    );
    let refused = w
        .slash(
            &alice,
            &help,
            "ticket transcript",
            &[("ticket", int(n as i64))],
        )
        .await;
    assert!(refused.attachments.is_empty(), "{refused:?}");
    let given = w
        .slash(
            &lena,
            &help,
            "ticket transcript",
            &[("ticket", int(n as i64))],
        )
        .await;
    assert!(html_of(&w, &given).contains("Known sync bug #4411"));
}

#[tokio::test]
async fn stats_count_a_scripted_history_and_draw_the_ladder() {
    let w = World::start().await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    let root = w.person("root");
    let help = w.channel("help");
    // Two questions at L0: one solved, one sent to a human.
    let a = w
        .ask(&alice, &help, "how do I reopen a closed ticket?")
        .await;
    w.click(&alice, &a, "Solved").await;
    let b = w
        .ask(&alice, &help, "how do I reopen a closed ticket?")
        .await;
    let opened = w.click(&alice, &b, "Talk to a human").await;
    let n = crate::world::ticket_number(&opened.text).expect("a ticket");
    w.sandbox.settled().await.unwrap();
    // Escalated once, resolved at L2 with 5 stars.
    let l1 = w.case_thread(n).await;
    w.slash(&lena, &l1, "escalate", &[("reason", text("needs L2"))])
        .await;
    let mark = w.person("mark");
    let l2 = w.case_thread(n).await;
    w.slash(&mark, &l2, "resolve", &[]).await;
    w.rate(&alice, n, 5).await;

    let stats = w.slash(&root, &help, "stats", &[("days", int(7))]).await;
    let text = stats.embed_text();
    assert!(text.contains("Questions: 2"), "{text}");
    assert!(text.contains("Confirmed helpful: 1"), "{text}");
    assert!(text.contains("Average rating: 5"), "{text}");
    let png = stats
        .attachments
        .iter()
        .find(|a| a.filename == "ladder.png")
        .expect("a chart");
    let bytes = w.sandbox.file(png.id).unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    let width = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
    assert!(
        (400..=2000).contains(&width) && (200..=2000).contains(&height),
        "{width}x{height}"
    );
    assert!(bytes.len() < 500_000);
    // Users don't see the numbers.
    let refused = w.slash(&alice, &help, "stats", &[]).await;
    assert!(refused.attachments.is_empty() && refused.embeds.is_empty());
}

#[tokio::test]
async fn a_transcript_for_a_lower_level_leaves_out_the_higher_cases() {
    let w = World::start().await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    let mark = w.person("mark");
    let root = w.person("root");
    let help = w.channel("help");
    let (t, _) = w.open_ticket(&alice, "Exports are corrupted").await;
    let n = t.number.0;
    let l1 = w.case_thread(n).await;
    w.slash(&lena, &l1, "note", &[("text", text("L1 note: v2.3"))])
        .await;
    w.slash(&lena, &l1, "escalate", &[("reason", text("Data issue"))])
        .await;
    let l2 = w.case_thread(n).await;
    w.slash(
        &mark,
        &l2,
        "note",
        &[("text", text("L2 only: shard 7 broken"))],
    )
    .await;
    mark.say(&l2, "L2 chatter about the customer")
        .await
        .unwrap();
    w.slash(&mark, &l2, "close", &[]).await;
    w.sandbox.settled().await.unwrap();

    let read = |who| {
        let w = &w;
        let help = &help;
        async move {
            let given = w
                .slash(who, help, "ticket transcript", &[("ticket", int(n as i64))])
                .await;
            html_of(w, &given)
        }
    };
    let for_lena = read(&lena).await;
    assert!(for_lena.contains("L1 note: v2.3"));
    assert!(!for_lena.contains("shard 7"), "an L2 note reached L1");
    assert!(!for_lena.contains("L2 chatter"), "the L2 case reached L1");
    let for_mark = read(&mark).await;
    assert!(for_mark.contains("shard 7") && for_mark.contains("L1 note"));
    assert!(read(&root).await.contains("L2 chatter"), "admins read all");
}
