//! What staff do with a ticket besides climbing the ladder: unclaim,
//! transfer, /ticket info and queue, the knowledge base commands, the
//! panel, the card's Close and Note forms, the first response.

use crate::world::{int, text, ticket_number, World};

#[tokio::test]
async fn unclaim_by_button_and_by_command_puts_the_ticket_back_in_the_queue() {
    let w = World::start().await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    let (t, _) = w
        .open_ticket(&alice, "The export button is greyed out")
        .await;
    let n = t.number.0;
    let card = w.card(&lena, n).await;
    w.click(&lena, &card, "Claim").await;
    let card = w.card(&lena, n).await;
    let back = w.click(&lena, &card, "Unclaim").await;
    assert!(
        back.ephemeral && back.text.contains("back in the queue"),
        "{back:?}"
    );
    assert_eq!(w.ticket(n).await.assignee, None);
    let card = w.card(&lena, n).await;
    assert!(
        card.has_button("Claim") && !card.has_button("Unclaim"),
        "{card:?}"
    );

    let l1 = w.case_thread(n).await;
    w.slash(&lena, &l1, "claim", &[]).await;
    assert!(w.ticket(n).await.assignee.is_some());
    let back = w.slash(&lena, &l1, "unclaim", &[]).await;
    assert!(back.text.contains("back in the queue"), "{}", back.text);
    assert_eq!(w.ticket(n).await.assignee, None);
    lena.sees_in(&l1, |m| m.text.contains("gave the ticket back"))
        .await
        .expect("the case thread records it");
}

#[tokio::test]
async fn transfer_goes_to_staff_of_the_level_only() {
    let w = World::start().await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    let nina = w
        .sandbox
        .add_member("nina", &["L1"], "en-US")
        .expect("a second L1 member joins");
    w.sandbox.settled().await.unwrap();
    let (t, user_thread) = w.open_ticket(&alice, "I was charged twice").await;
    let n = t.number.0;
    let l1 = w.case_thread(n).await;
    w.slash(&lena, &l1, "claim", &[]).await;

    // To someone who is not staff: refused, nothing changes.
    let before = w.ticket(n).await;
    let refused = w
        .slash(&lena, &l1, "transfer", &[("member", text("alice"))])
        .await;
    assert!(refused.ephemeral);
    assert!(refused.text.contains("is not"), "{}", refused.text);
    assert_eq!(w.ticket(n).await, before);
    // To staff of another level: refused as well.
    let refused = w
        .slash(&lena, &l1, "transfer", &[("member", text("mark"))])
        .await;
    assert!(refused.text.contains("is not"), "{}", refused.text);
    assert_eq!(w.ticket(n).await, before);

    // To another L1 member: nina has it and joins the user thread.
    let done = w
        .slash(&lena, &l1, "transfer", &[("member", text("nina"))])
        .await;
    assert!(done.text.contains("now belongs to"), "{}", done.text);
    assert_eq!(w.ticket(n).await.assignee.map(|a| a.0), Some(nina.id()));
    assert!(w
        .sandbox
        .thread_members(&user_thread)
        .contains(&"nina".to_string()));
    nina.sees_in(&l1, |m| m.text.contains("handed the ticket to"))
        .await
        .expect("the case thread records it");
}

#[tokio::test]
async fn ticket_info_shows_staff_the_cases_and_the_user_only_their_ticket() {
    let w = World::start().await;
    let alice = w.person("alice");
    let boris = w.person("boris");
    let lena = w.person("lena");
    let (t, user_thread) = w.open_ticket(&alice, "Where are my invoices?").await;
    let n = t.number.0;
    let l1 = w.case_thread(n).await;

    let mine = w.slash(&alice, &user_thread, "ticket info", &[]).await;
    assert!(mine.ephemeral);
    assert!(
        mine.embed_text().contains("invoices"),
        "{}",
        mine.embed_text()
    );
    assert!(
        !mine.embed_text().contains(&format!("<#{}>", l1.id)),
        "the user never gets a link to a case: {}",
        mine.embed_text()
    );

    let staff = w.slash(&lena, &l1, "ticket info", &[]).await;
    assert!(
        staff.embed_text().contains(&format!("<#{}>", l1.id)),
        "staff see the case: {}",
        staff.embed_text()
    );

    // Someone else's ticket: as if there were none.
    let help = w.channel("help");
    let refused = w
        .slash(&boris, &help, "ticket info", &[("ticket", int(n as i64))])
        .await;
    assert!(
        refused.ephemeral && refused.embeds.is_empty(),
        "{refused:?}"
    );
    assert!(refused.text.contains("Тикета #1 нет"), "{}", refused.text);
}

#[tokio::test]
async fn the_queue_lists_a_levels_open_tickets_for_staff_only() {
    let w = World::start().await;
    let alice = w.person("alice");
    let boris = w.person("boris");
    let lena = w.person("lena");
    let mark = w.person("mark");
    let help = w.channel("help");
    let (t, _) = w.open_ticket(&alice, "Two-factor codes are rejected").await;
    let l1 = w.case_thread(t.number.0).await;

    let queue = w.slash(&lena, &l1, "ticket queue", &[]).await;
    assert!(queue.text.contains("1 open ticket"), "{}", queue.text);
    // The case thread's link names the ticket ("#1 …") once.
    assert!(
        queue.text.contains(&format!("<#{}>", l1.id)),
        "{}",
        queue.text
    );
    assert!(!queue.text.contains("**#1**"), "{}", queue.text);
    // L2 sees the help desk's channel, so its queue too.
    let lower = w
        .slash(&mark, &help, "ticket queue", &[("level", int(1))])
        .await;
    assert!(lower.text.contains("1 open ticket"), "{}", lower.text);
    let empty = w.slash(&mark, &help, "ticket queue", &[]).await;
    assert!(
        empty.text.contains("No open tickets at L2"),
        "{}",
        empty.text
    );

    w.slash(&lena, &l1, "escalate", &[("reason", text("2FA is L2's"))])
        .await;
    let l2 = w.case_thread(t.number.0).await;
    let queue = w.slash(&mark, &help, "ticket queue", &[]).await;
    assert!(
        queue.text.contains(&format!("<#{}>", l2.id)),
        "{}",
        queue.text
    );
    // …but not the other way round.
    let higher = w
        .slash(&lena, &help, "ticket queue", &[("level", int(2))])
        .await;
    assert!(higher.text.contains("L2 and above"), "{}", higher.text);
    let queue = w
        .slash(&lena, &help, "ticket queue", &[("level", int(1))])
        .await;
    assert!(
        queue.text.contains("No open tickets at L1"),
        "{}",
        queue.text
    );

    let refused = w.slash(&boris, &help, "ticket queue", &[]).await;
    assert!(refused.ephemeral);
    assert!(refused.text.contains("Вы не можете"), "{}", refused.text);
    let refused = w
        .slash(&alice, &help, "ticket queue", &[("level", int(2))])
        .await;
    assert!(refused.text.contains("only"), "{}", refused.text);
}

#[tokio::test]
async fn kb_search_and_send_put_an_article_in_the_users_thread() {
    let w = World::start().await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    let (t, user_thread) = w
        .open_ticket(&alice, "How can I attach a screenshot?")
        .await;
    let l1 = w.case_thread(t.number.0).await;

    let found = w
        .slash(&lena, &l1, "kb search", &[("query", text("screenshot"))])
        .await;
    assert!(found.text.contains("Sending screenshots"), "{}", found.text);
    let none = w
        .slash(&lena, &l1, "kb search", &[("query", text("zxqv blorp"))])
        .await;
    assert!(none.text.contains("No article matches"), "{}", none.text);

    let choices = lena
        .autocomplete(
            &l1,
            "kb send",
            &[("article", text("screenshot"))],
            "article",
        )
        .await
        .unwrap();
    let first = choices.first().expect("an article is suggested");
    assert!(first.name.contains("Sending screenshots"), "{choices:?}");
    let id = first.value.as_str().expect("an article id").to_owned();

    let sent = w
        .slash(&lena, &l1, "kb send", &[("article", text(&id))])
        .await;
    assert!(sent.text.contains("Sent"), "{}", sent.text);
    let landed = alice
        .sees_in(&user_thread, |m| {
            m.text.contains("thinks this article may help")
                && m.embed_text().contains("Sending screenshots")
        })
        .await
        .expect("the article lands in alice's thread");
    // No buttons under it, so it does not say "tell me below".
    assert!(landed.buttons.is_empty(), "{landed:?}");
    assert!(
        landed.embed_text().contains("reply here") && !landed.embed_text().contains("below"),
        "{}",
        landed.embed_text()
    );

    let missing = w
        .slash(&lena, &l1, "kb send", &[("article", text("en/no-such"))])
        .await;
    assert!(
        missing.text.contains("There is no article"),
        "{}",
        missing.text
    );
    // The user may not send articles.
    let refused = w
        .slash(&alice, &user_thread, "kb send", &[("article", text(&id))])
        .await;
    assert!(refused.text.contains("only"), "{}", refused.text);
}

#[tokio::test]
async fn kb_reload_picks_up_a_new_article() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/knowledge")),
        dir.path(),
    );
    let w = World::start_with_knowledge(dir.path()).await;
    let root = w.person("root");
    let help = w.channel("help");
    let before = w.slash(&root, &help, "kb reload", &[]).await;
    let count = |s: &str| -> usize {
        s.split(':')
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no count in {s:?}"))
    };
    let articles = count(&before.text);
    std::fs::write(
        dir.path().join("en/llama-care.md"),
        "---\ntitle: Feeding the office llama\nkeywords:\n  - llama food\n  - feed the llama\nexamples:\n  - What does the office llama eat?\nlocale: en\n---\nThe office llama eats hay twice a day. Never feed it chocolate.\n",
    )
    .unwrap();
    let after = w.slash(&root, &help, "kb reload", &[]).await;
    assert_eq!(count(&after.text), articles + 1, "{}", after.text);
    let answer = w
        .ask(&w.person("alice"), &help, "what does the office llama eat?")
        .await;
    assert!(answer.embed_text().contains("hay"), "{answer:?}");
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[tokio::test]
async fn the_panel_answers_a_question_or_opens_a_ticket() {
    let w = World::start().await;
    let root = w.person("root");
    let alice = w.person("alice");
    let help = w.channel("help");
    let support = w.channel("support");
    let posted = w
        .slash(&root, &help, "setup panel", &[("channel", text("support"))])
        .await;
    assert!(
        posted.text.contains(&format!("<#{}>", support.id)),
        "{}",
        posted.text
    );
    let panel = alice
        .sees_in(&support, |m| m.has_button("Get help"))
        .await
        .expect("the panel is in #support");
    assert!(panel.embed_text().contains("Need help?"), "{panel:?}");

    let form = alice.click(&panel, "Get help").await.unwrap();
    let modal = form.modal().expect("a form for the question").clone();
    let answer = alice
        .submit_modal(&modal, &[("question", "how do I reopen a closed ticket?")])
        .await
        .unwrap();
    let answer = w.answer(&alice, &answer).await;
    assert!(answer.ephemeral);
    assert!(answer.has_button("Talk to a human"), "{answer:?}");
    assert!(w.store.open_tickets(w.guild()).await.unwrap().is_empty());

    let form = alice.click(&panel, "Get help").await.unwrap();
    let modal = form.modal().unwrap().clone();
    let nothing = alice
        .submit_modal(&modal, &[("question", "zxqv blorp frobnicator quux")])
        .await
        .unwrap();
    let nothing = w.answer(&alice, &nothing).await;
    // Nothing matched: a person is offered, not imposed.
    assert!(nothing.has_button("Talk to a human"), "{nothing:?}");
    assert!(ticket_number(&nothing.text).is_none(), "{}", nothing.text);
    assert!(w.store.open_tickets(w.guild()).await.unwrap().is_empty());
    let opened = w.click(&alice, &nothing, "Talk to a human").await;
    let n = ticket_number(&opened.text).expect("a ticket is opened");
    w.sandbox.settled().await.unwrap();
    let t = w.ticket(n).await;
    assert!(t.case.is_some() && t.user_thread.is_some());
}

#[tokio::test]
async fn the_cards_close_and_note_forms_work() {
    let w = World::start().await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    let (t, user_thread) = w.open_ticket(&alice, "My avatar will not upload").await;
    let n = t.number.0;
    let l1 = w.case_thread(n).await;

    let card = w.card(&lena, n).await;
    let form = lena.click(&card, "Note").await.unwrap();
    let modal = form.modal().expect("a form for the note").clone();
    let done = lena
        .submit_modal(&modal, &[("text", "Tried another browser: same")])
        .await
        .unwrap();
    let done = w.answer(&lena, &done).await;
    assert!(done.text.contains("Note added"), "{}", done.text);
    lena.sees_in(&l1, |m| m.text.contains("Tried another browser"))
        .await
        .expect("the note is in the case thread");

    let card = w.card(&lena, n).await;
    let form = lena.click(&card, "Close").await.unwrap();
    let modal = form.modal().expect("a form for closing").clone();
    let done = lena
        .submit_modal(&modal, &[("reason", "The file was over 8 MB")])
        .await
        .unwrap();
    let done = w.answer(&lena, &done).await;
    assert!(done.text.contains("is closed"), "{}", done.text);
    alice
        .sees_in(&user_thread, |m| m.text.contains("The file was over 8 MB"))
        .await
        .expect("alice reads why");
    w.sandbox.settled().await.unwrap();
    assert!(w.ticket(n).await.is_closed());
    assert!(
        !alice
            .messages_in(&user_thread)
            .iter()
            .any(|m| m.text.contains("Tried another browser")),
        "the note stays with staff"
    );
}

#[tokio::test]
async fn the_first_staff_reply_in_the_user_thread_is_the_first_response() {
    let w = World::start().await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    let (t, user_thread) = w.open_ticket(&alice, "The app logs me out").await;
    let n = t.number.0;
    alice
        .say(&user_thread, "It happens every hour")
        .await
        .unwrap();
    w.sandbox.settled().await.unwrap();
    assert_eq!(
        w.ticket(n).await.first_response_at,
        None,
        "the user's own words don't count"
    );

    let card = w.card(&lena, n).await;
    w.click(&lena, &card, "Claim").await;
    w.clock.advance(chrono::Duration::minutes(5));
    lena.say(&user_thread, "Hi Alice, which browser?")
        .await
        .unwrap();
    w.sandbox.settled().await.unwrap();
    let first = w
        .ticket(n)
        .await
        .first_response_at
        .expect("lena's reply is the first response");

    w.clock.advance(chrono::Duration::minutes(5));
    alice.say(&user_thread, "Firefox").await.unwrap();
    lena.say(&user_thread, "Thanks!").await.unwrap();
    w.sandbox.settled().await.unwrap();
    assert_eq!(
        w.ticket(n).await.first_response_at,
        Some(first),
        "only the first counts"
    );
}

#[tokio::test]
async fn the_panel_form_takes_at_most_a_thousand_characters() {
    let w = World::start().await;
    let root = w.person("root");
    let alice = w.person("alice");
    let help = w.channel("help");
    w.slash(&root, &help, "setup panel", &[]).await;
    let panel = alice
        .sees_in(&help, |m| m.has_button("Get help"))
        .await
        .expect("the panel is posted");
    let form = alice.click(&panel, "Get help").await.unwrap();
    let modal = form.modal().unwrap().clone();
    assert_eq!(modal.fields[0].max_length, Some(1000), "the form says so");
    let long = "why ".repeat(1_500);
    let refused = alice.submit_modal(&modal, &[("question", &long)]).await;
    assert!(refused.is_err(), "Discord does not send 6,000 characters");
    assert!(w.store.open_tickets(w.guild()).await.unwrap().is_empty());
}
