//! Intake (issue 14.1): an admin's questions and topics are asked when a
//! ticket opens (a topic menu, then a form of at most five fields); the
//! answers go on the case card, into the greeting, the handoff digest at
//! every level and the transcript; a topic routes the ticket to its team
//! within L1, pinged instead of the whole L1 role; `/stats` counts
//! tickets per topic.

use supportline::sandbox::{MessageView, Opt, Person};

use crate::world::{int, text, ticket_number, World};

/// Two questions (one required) and two topics, Payments routed to its team.
async fn set_up_intake(w: &World) {
    let root = w.person("root");
    let help = w.channel("help");
    let saved = w
        .slash(
            &root,
            &help,
            "setup question",
            &[
                ("number", int(1)),
                ("label", text("Order number")),
                ("required", Opt::Bool(true)),
            ],
        )
        .await;
    assert!(saved.text.contains("Saved"), "{}", saved.text);
    w.slash(
        &root,
        &help,
        "setup question",
        &[
            ("number", int(2)),
            ("label", text("What did you try?")),
            ("long", Opt::Bool(true)),
        ],
    )
    .await;
    w.slash(
        &root,
        &help,
        "setup topic",
        &[("label", text("Payments")), ("team", text("Payments"))],
    )
    .await;
    let saved = w
        .slash(&root, &help, "setup topic", &[("label", text("Bug"))])
        .await;
    assert!(saved.text.contains("Bug"), "{}", saved.text);
}

/// `who` picks `topic` in the menu and fills the form with `answers`;
/// returns the ticket's number.
async fn choose_and_answer(
    w: &World,
    who: &Person,
    menu: &MessageView,
    topic: &str,
    answers: &[(&str, &str)],
) -> u64 {
    let value = menu.selects[0]
        .options
        .iter()
        .find(|(label, _)| label == topic)
        .map(|(_, v)| v.clone())
        .expect("the topic is offered");
    let form = who
        .choose(menu, "Choose a topic", &[&value])
        .await
        .expect("the topic is chosen");
    let modal = form.modal().expect("the questions form follows").clone();
    let done = who.submit_modal(&modal, answers).await.expect("submitted");
    let done = w.answer(who, &done).await;
    w.sandbox.settled().await.unwrap();
    ticket_number(&done.text).unwrap_or_else(|| panic!("no ticket in {:?}", done.text))
}

#[tokio::test]
async fn the_topic_and_answers_reach_the_card_the_team_the_digest_and_the_transcript() {
    let w = World::start().await;
    set_up_intake(&w).await;
    let root = w.person("root");
    let help = w.channel("help");
    let shown = w.slash(&root, &help, "setup show", &[]).await;
    assert!(
        shown.shows("Order number") && shown.shows("Payments"),
        "{shown:?}"
    );
    let pavel = w
        .sandbox
        .add_member("pavel", &["L1", "Payments"], "en-US")
        .unwrap();
    let alice = w.person("alice");
    let lena = w.person("lena");

    // `/ticket open` shows the topics first (a modal holds no menu).
    let menu = w
        .slash(
            &alice,
            &help,
            "ticket open",
            &[("question", text("I was charged twice for March"))],
        )
        .await;
    assert!(menu.ephemeral && menu.selects.len() == 1, "{menu:?}");
    let form = alice.choose(&menu, "Choose a topic", &["0"]).await.unwrap();
    let modal = form.modal().unwrap().clone();
    let labels: Vec<&str> = modal.fields.iter().map(|f| f.label.as_str()).collect();
    assert_eq!(labels, vec!["Order number", "What did you try?"]);
    let done = alice
        .submit_modal(
            &modal,
            &[
                ("Order number", "A-1017"),
                ("What did you try?", "Paid again"),
            ],
        )
        .await
        .unwrap();
    let done = w.answer(&alice, &done).await;
    w.sandbox.settled().await.unwrap();
    let n = ticket_number(&done.text).expect("a ticket opened");

    // The card shows both, and pinged the Payments team, not all of L1.
    let card = w.card(&pavel, n).await;
    assert!(
        card.shows("A-1017") && card.shows("Paid again") && card.shows("Payments"),
        "{card:?}"
    );
    assert_eq!(card.pings.notified, vec!["pavel".to_string()], "{card:?}");
    // The user sees what they answered in the greeting.
    let t = w.ticket(n).await;
    assert_eq!(t.intake.topic.as_deref(), Some("Payments"));
    let thread = w.channel_by_id(t.user_thread.unwrap().0);
    alice
        .sees_in(&thread, |m| m.text.contains("A-1017"))
        .await
        .expect("the greeting repeats the answers");
    // The queue names the topic.
    let desk = w.channel("l1-desk");
    let queue = w.slash(&lena, &desk, "ticket queue", &[]).await;
    assert!(queue.text.contains("Payments"), "{}", queue.text);

    // Up to L2: the digest carries the answers.
    let l1 = w.case_thread(n).await;
    w.slash(&lena, &l1, "escalate", &[("reason", text("Billing bug"))])
        .await;
    let mark = w.person("mark");
    let l2 = w.case_thread(n).await;
    mark.sees_in(&l2, |m| m.shows("Billing bug") && m.shows("A-1017"))
        .await
        .expect("the L2 digest carries the intake answers");
    let card = w.card(&mark, n).await;
    assert!(card.shows("A-1017"), "{card:?}");

    // Closed: the transcript keeps them.
    w.slash(&mark, &l2, "close", &[]).await;
    w.sandbox.settled().await.unwrap();
    let kept = w.store.transcript(t.id).await.unwrap();
    assert!(
        kept.iter().any(|e| e.content.contains("A-1017")),
        "{kept:?}"
    );

    // /stats counts it under its topic.
    let stats = w.slash(&root, &help, "stats", &[]).await;
    assert!(stats.shows("Payments: opened 1, closed 1"), "{stats:?}");
}

#[tokio::test]
async fn talk_to_a_human_asks_the_intake_and_a_required_answer_is_required() {
    let w = World::start().await;
    set_up_intake(&w).await;
    let alice = w.person("alice");
    let lena = w.person("lena");
    let help = w.channel("help");
    let answer = w.ask(&alice, &help, "my invoice shows the wrong VAT").await;
    let menu = w.click(&alice, &answer, "Talk to a human").await;
    assert!(menu.ephemeral && menu.selects.len() == 1, "{menu:?}");
    // The client offers the menu's options only.
    assert!(alice.choose(&menu, "Choose a topic", &["7"]).await.is_err());
    let form = alice.choose(&menu, "Choose a topic", &["1"]).await.unwrap();
    let modal = form.modal().unwrap().clone();
    // The client will not send the form without its required answer.
    assert!(alice.submit_modal(&modal, &[]).await.is_err());
    let n = choose_and_answer(&w, &alice, &menu, "Bug", &[("Order number", "B-2")]).await;
    let t = w.ticket(n).await;
    assert_eq!(t.intake.topic.as_deref(), Some("Bug"));
    assert_eq!(t.intake.team, None);
    assert_eq!(
        t.intake.answers.len(),
        1,
        "the empty optional answer is left out"
    );
    // No team: the whole L1 role is pinged.
    let card = w.card(&lena, n).await;
    assert!(
        card.pings.notified.contains(&"lena".to_string()),
        "{card:?}"
    );
    assert!(card.shows("B-2"));
}

#[tokio::test]
async fn the_same_form_sent_twice_opens_one_ticket() {
    let w = World::start().await;
    let root = w.person("root");
    let help = w.channel("help");
    w.slash(
        &root,
        &help,
        "setup question",
        &[("number", int(1)), ("label", text("Device"))],
    )
    .await;
    let alice = w.person("alice");
    // No topics: the form comes at once.
    let response = alice
        .slash(
            &help,
            "ticket open",
            &[("question", text("The app crashes at start"))],
        )
        .await
        .unwrap();
    let modal = response.modal().expect("the questions form").clone();
    let first = alice
        .submit_modal(&modal, &[("Device", "Pixel 8")])
        .await
        .unwrap();
    let first = w.answer(&alice, &first).await;
    let second = alice
        .submit_modal(&modal, &[("Device", "Pixel 8")])
        .await
        .unwrap();
    let second = w.answer(&alice, &second).await;
    assert_eq!(ticket_number(&first.text), ticket_number(&second.text));
    assert_eq!(
        w.store
            .open_tickets_for_user(w.guild(), supportline::tickets::UserId(alice.id()))
            .await
            .unwrap()
            .len(),
        1
    );
    // At the limit, or in the cooldown, she is told at once, not asked.
    let again = w
        .slash(
            &alice,
            &help,
            "ticket open",
            &[("question", text("And another"))],
        )
        .await;
    assert!(again.text.contains("already have"), "{again:?}");
    let n = ticket_number(&first.text).unwrap();
    let thread = w.channel_by_id(w.ticket(n).await.user_thread.unwrap().0);
    w.slash(&alice, &thread, "close", &[]).await;
    let again = w
        .slash(
            &alice,
            &help,
            "ticket open",
            &[("question", text("And another"))],
        )
        .await;
    assert!(again.text.contains("just opened a ticket"), "{again:?}");
}

#[tokio::test]
async fn a_sixth_question_is_refused_as_discord_forms_hold_five() {
    let w = World::start().await;
    let root = w.person("root");
    let help = w.channel("help");
    for i in 1..=5 {
        let saved = w
            .slash(
                &root,
                &help,
                "setup question",
                &[
                    ("number", int(i)),
                    ("label", text(&format!("Question {i}"))),
                ],
            )
            .await;
        assert!(saved.text.contains("Saved"), "{}", saved.text);
    }
    // Discord's client stops 6 at the registered range; a stale
    // registration lets it through and the bot refuses all the same.
    w.stale_range("setup", Some("question"), "number", 1, 9);
    let refused = w
        .slash(
            &root,
            &help,
            "setup question",
            &[("number", int(6)), ("label", text("Question 6"))],
        )
        .await;
    assert!(refused.text.contains("at most 5"), "{}", refused.text);
    assert_eq!(
        w.store
            .settings(w.guild())
            .await
            .unwrap()
            .intake
            .questions
            .len(),
        5
    );
}

#[tokio::test]
async fn from_the_panel_a_russian_user_gets_the_intake_in_russian() {
    let w = World::start().await;
    set_up_intake(&w).await;
    let root = w.person("root");
    let boris = w.person("boris");
    let help = w.channel("help");
    let support = w.channel("support");
    w.slash(&root, &help, "setup panel", &[("channel", text("support"))])
        .await;
    // The panel speaks the server's language; what follows, boris's.
    let panel = boris
        .sees_in(&support, |m| m.has_button("Get help"))
        .await
        .expect("the panel is in #support");
    let form = boris.click(&panel, "Get help").await.unwrap();
    let modal = form.modal().unwrap().clone();
    let answer = boris
        .submit_modal(&modal, &[("question", "с карты дважды списали оплату")])
        .await
        .unwrap();
    let answer = w.answer(&boris, &answer).await;
    let menu = w.click(&boris, &answer, "Позвать человека").await;
    assert!(menu.text.contains("О чём ваш вопрос"), "{menu:?}");
    assert_eq!(
        menu.selects[0].placeholder.as_deref(),
        Some("Выберите тему")
    );
    let form = boris.choose(&menu, "Выберите тему", &["0"]).await.unwrap();
    let modal = form.modal().unwrap().clone();
    assert_eq!(modal.title, "Несколько вопросов перед началом");
    let done = boris
        .submit_modal(&modal, &[("Order number", "Б-42")])
        .await
        .unwrap();
    let done = w.answer(&boris, &done).await;
    w.sandbox.settled().await.unwrap();
    let n = ticket_number(&done.text).expect("a ticket opened");
    let t = w.ticket(n).await;
    assert_eq!(t.intake.topic.as_deref(), Some("Payments"));
    let thread = w.channel_by_id(t.user_thread.unwrap().0);
    boris
        .sees_in(&thread, |m| {
            m.text.contains("Ваши ответы") && m.text.contains("Б-42")
        })
        .await
        .expect("the greeting repeats the answers in Russian");
}

#[tokio::test]
async fn setup_show_flags_a_team_that_cannot_be_pinged_where_its_tickets_arrive() {
    let w = World::start().await;
    set_up_intake(&w).await;
    let root = w.person("root");
    let help = w.channel("help");
    let report = w.slash(&root, &help, "setup show", &[]).await;
    assert!(
        !report.embed_text().contains("The team"),
        "nothing to flag yet: {}",
        report.embed_text()
    );

    // Nobody may mention every role, and Payments is not mentionable.
    w.take_away_mention_everyone();
    w.sandbox.edit_role("Payments", Some(false), None).unwrap();
    w.sandbox.settled().await.unwrap();

    let text = w.slash(&root, &help, "setup show", &[]).await.embed_text();
    assert!(
        text.contains("The team") && text.contains("can't be pinged in"),
        "{text}"
    );
    assert_eq!(text.matches("The team").count(), 1, "Payments only: {text}");
}
