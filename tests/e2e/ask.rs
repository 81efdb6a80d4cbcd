//! L0: /ask answers from the knowledge base, in the asker's language;
//! "Solved" records it; "Talk to a human" opens exactly one ticket, and
//! nothing opens one unasked.

use supportline::sandbox::ResponseKind;

use crate::world::{text, ticket_number, World};

#[tokio::test]
async fn ask_answers_from_the_knowledge_base_and_solved_is_recorded() {
    let w = World::start().await;
    let alice = w.person("alice");
    let help = w.channel("help");
    let answer = w
        .ask(&alice, &help, "how do I reopen a closed ticket?")
        .await;
    assert!(answer.ephemeral, "the answer is for alice only");
    assert!(
        answer.has_button("Solved") && answer.has_button("Talk to a human"),
        "{answer:?}"
    );
    assert!(
        answer.embed_text().to_lowercase().contains("reopen"),
        "{}",
        answer.embed_text()
    );
    let after = w.click(&alice, &answer, "Solved").await;
    assert!(after.buttons.is_empty(), "the buttons are gone once solved");
    assert!(after.text.contains("Glad"), "{}", after.text);
}

#[tokio::test]
async fn a_russian_user_is_answered_in_russian() {
    let w = World::start().await;
    let boris = w.person("boris");
    let help = w.channel("help");
    let answer = w
        .ask(&boris, &help, "как переоткрыть закрытый тикет?")
        .await;
    assert!(
        answer.has_button("Решено") && answer.has_button("Позвать человека"),
        "{answer:?}"
    );
}

#[tokio::test]
async fn talk_to_a_human_clicked_twice_opens_one_ticket() {
    let w = World::start().await;
    let alice = w.person("alice");
    let help = w.channel("help");
    let answer = w
        .ask(&alice, &help, "how do I reopen a closed ticket?")
        .await;
    let (first, second) = tokio::join!(
        alice.click(&answer, "Talk to a human"),
        alice.click(&answer, "Talk to a human")
    );
    let first = w
        .answer(&alice, &first.expect("first click answered"))
        .await;
    let second = w
        .answer(&alice, &second.expect("second click answered"))
        .await;
    let a = ticket_number(&first.text).expect("a ticket number");
    let b = ticket_number(&second.text).expect("a ticket number");
    assert_eq!(a, b, "both clicks point at the same ticket");
    w.sandbox.settled().await.unwrap();
    let open = w.store.open_tickets(w.guild()).await.unwrap();
    assert_eq!(open.len(), 1, "one ticket, not two");
}

#[tokio::test]
async fn a_question_nothing_matches_offers_a_human_and_opens_a_ticket_only_when_asked() {
    let w = World::start().await;
    let alice = w.person("alice");
    let help = w.channel("help");
    let answer = w.ask(&alice, &help, "zxqv blorp frobnicator quux").await;
    assert!(answer.has_button("Talk to a human"), "{answer:?}");
    assert!(ticket_number(&answer.text).is_none(), "{}", answer.text);
    // Asking again is no "you already have a ticket": none was opened.
    let again = w.ask(&alice, &help, "test").await;
    assert!(!again.text.contains("already have"), "{}", again.text);
    w.sandbox.settled().await.unwrap();
    assert!(w.store.open_tickets(w.guild()).await.unwrap().is_empty());

    let opened = w.click(&alice, &answer, "Talk to a human").await;
    let number = ticket_number(&opened.text).expect("a ticket was opened");
    w.sandbox.settled().await.unwrap();
    let t = w.ticket(number).await;
    let thread = w.channel_by_id(t.user_thread.unwrap().0);
    alice
        .sees_in(&thread, |m| m.text.contains("your ticket"))
        .await
        .expect("alice is greeted in her thread");
}

#[tokio::test]
async fn a_question_without_letters_or_digits_is_refused_like_an_empty_one() {
    let w = World::start().await;
    let alice = w.person("alice");
    let help = w.channel("help");
    for question in ["🔥🔥🔥", "\u{200b}\u{200b}\u{200b}", "?!… —"] {
        let refused = w.ask(&alice, &help, question).await;
        assert!(
            refused.text.contains("Please write your question"),
            "{question:?}: {refused:?}"
        );
        assert!(refused.buttons.is_empty(), "{refused:?}");
    }
    w.sandbox.settled().await.unwrap();
    assert!(w.store.open_tickets(w.guild()).await.unwrap().is_empty());
}

#[tokio::test]
async fn a_plain_russian_message_is_answered_in_russian_whoever_writes_it() {
    let w = World::start().await;
    // alice's locale is English; her message is Russian.
    let alice = w.person("alice");
    let boris = w.person("boris");
    let help = w.channel("help");
    alice
        .say(&help, "как переоткрыть закрытый тикет?")
        .await
        .unwrap();
    let reply = boris
        .sees_in(&help, |m| m.author == "supportline" && !m.embeds.is_empty())
        .await
        .expect("the bot answers in the channel");
    assert!(
        reply.has_button("Решено") && reply.has_button("Позвать человека"),
        "{reply:?}"
    );
    assert!(
        reply.embed_text().contains("/переоткрыть"),
        "a Russian article: {}",
        reply.embed_text()
    );
}

#[tokio::test]
async fn a_plain_message_in_a_help_channel_gets_an_answer_that_pings_nobody() {
    let w = World::start().await;
    let alice = w.person("alice");
    let boris = w.person("boris");
    let help = w.channel("help");
    alice
        .say(&help, "@everyone how do I reopen a closed ticket?")
        .await
        .unwrap();
    let reply = boris
        .sees_in(&help, |m| m.author == "supportline" && !m.embeds.is_empty())
        .await
        .expect("the bot answers in the channel");
    assert!(
        reply.pings.notified.is_empty(),
        "nobody pinged: {:?}",
        reply.pings
    );
    // Another member can't click alice's answer.
    let refused = w.click(&boris, &reply, "Solved").await;
    assert!(refused.ephemeral, "{refused:?}");
    // A message that matches nothing gets no reply at all.
    alice.say(&help, "zxqv blorp frobnicator").await.unwrap();
    w.sandbox.settled().await.unwrap();
    let last = w.sandbox.messages(&help);
    assert_eq!(last.last().map(|m| m.author.as_str()), Some("alice"));
}

/// Every exchange L0 logged for the world's guild.
async fn logged(w: &World) -> Vec<supportline::store::L0Exchange> {
    // 1970 to 2100: whatever the sandbox's clock says.
    let since = chrono::DateTime::from_timestamp(0, 0).unwrap();
    let until = chrono::DateTime::from_timestamp(4_102_444_800, 0).unwrap();
    w.store.l0_exchanges(w.guild(), since, until).await.unwrap()
}

#[tokio::test]
async fn small_talk_gets_a_short_reply_in_kind_never_an_article() {
    let w = World::start().await;
    let alice = w.person("alice");
    let help = w.channel("help");
    // "bot" is in a keyword of the demo base; thanks are still no question.
    let reply = w.ask(&alice, &help, "thanks bot!").await;
    assert!(reply.ephemeral, "{reply:?}");
    assert!(reply.embeds.is_empty(), "no article: {reply:?}");
    assert!(reply.text.contains("You're welcome"), "{}", reply.text);
    assert!(
        reply.has_button("Talk to a human") && !reply.has_button("Solved"),
        "{reply:?}"
    );
    let reply = w.ask(&alice, &help, "Are you a bot?").await;
    assert!(reply.text.contains("I'm a bot"), "{}", reply.text);

    let boris = w.person("boris");
    let reply = w.ask(&boris, &help, "ты тут?").await;
    assert!(reply.text.contains("Я здесь"), "{}", reply.text);
    assert!(reply.has_button("Позвать человека"), "{reply:?}");

    // A greeting in front of a real question is a real question.
    let answer = w
        .ask(&alice, &help, "hi! how do I reopen a closed ticket?")
        .await;
    assert!(answer.has_button("Solved"), "{answer:?}");

    // Each is logged, as small talk of its kind, with no article.
    let log = logged(&w).await;
    let kinds: Vec<Option<&str>> = log.iter().map(|e| e.small_talk.as_deref()).collect();
    assert_eq!(
        kinds,
        [Some("thanks"), Some("bot"), Some("presence"), None],
        "{log:?}"
    );
    assert!(log[..3].iter().all(|e| e.article.is_none()), "{log:?}");

    // "Talk to a human" under small talk still opens a ticket.
    let reply = w.ask(&alice, &help, "hello?").await;
    let opened = w.click(&alice, &reply, "Talk to a human").await;
    assert!(ticket_number(&opened.text).is_some(), "{}", opened.text);
}

#[tokio::test]
async fn small_talk_can_be_switched_off_per_server() {
    let w = World::start().await;
    let root = w.person("root");
    let help = w.channel("help");
    let saved = w
        .slash(
            &root,
            &help,
            "setup smalltalk",
            &[("enabled", supportline::sandbox::Opt::Bool(false))],
        )
        .await;
    assert!(saved.text.contains("Saved"), "{}", saved.text);
    assert!(!w.store.settings(w.guild()).await.unwrap().small_talk);
    let shown = w.slash(&root, &help, "setup show", &[]).await;
    assert!(
        shown
            .embed_text()
            .contains("Reply to greetings and thanks**: no"),
        "{}",
        shown.embed_text()
    );
    // Now "thanks" is a question like any other: no reply in kind.
    let alice = w.person("alice");
    let reply = w.ask(&alice, &help, "thanks!").await;
    assert!(!reply.text.contains("You're welcome"), "{}", reply.text);
    assert!(logged(&w).await.iter().all(|e| e.small_talk.is_none()));

    w.slash(
        &root,
        &help,
        "setup smalltalk",
        &[("enabled", supportline::sandbox::Opt::Bool(true))],
    )
    .await;
    let reply = w.ask(&alice, &help, "thanks!").await;
    assert!(reply.text.contains("You're welcome"), "{}", reply.text);
}

#[tokio::test]
async fn a_quick_answer_comes_in_the_response_itself_without_thinking() {
    let w = World::start().await;
    let alice = w.person("alice");
    let help = w.channel("help");
    let response = alice
        .slash(
            &help,
            "ask",
            &[("question", text("how do I reopen a closed ticket?"))],
        )
        .await
        .expect("alice is answered");
    // One answer, no "thinking…" first (the bot answers within a second;
    // a slower answer would be deferred, inside Discord's 3 s).
    assert_eq!(response.kind, ResponseKind::Message, "{response:?}");
    let answer = response.message().expect("the answer is a message");
    assert!(!answer.loading, "no \"thinking…\": {answer:?}");
    assert!(answer.ephemeral, "for alice only");
    assert!(
        answer.embed_text().to_lowercase().contains("reopen"),
        "{}",
        answer.embed_text()
    );
    assert!(answer.has_button("Solved"), "{answer:?}");
}

#[tokio::test]
async fn in_a_help_channel_the_bot_joins_small_talk_only_when_spoken_to() {
    let w = World::start().await;
    let alice = w.person("alice");
    let boris = w.person("boris");
    let help = w.channel("help");
    let from_bot = |m: &supportline::sandbox::MessageView| m.author == "supportline";

    // People greeting and thanking each other: the bot stays out of it.
    alice.say(&help, "hi everyone").await.unwrap();
    boris.say(&help, "спасибо!").await.unwrap();
    w.sandbox.settled().await.unwrap();
    assert!(!w.sandbox.messages(&help).iter().any(from_bot));

    // Asked for, it answers in kind, with the way to a human.
    alice.say(&help, "hello? anyone there?").await.unwrap();
    let here = boris.sees_in(&help, from_bot).await.expect("a reply");
    assert!(here.embeds.is_empty(), "no article: {here:?}");
    assert!(here.has_button("Talk to a human"), "{here:?}");
    assert!(here.pings.notified.is_empty(), "{:?}", here.pings);

    // Thanks to the bot itself (a reply to its message, or a mention).
    let answer = {
        alice
            .say(&help, "how do I reopen a closed ticket?")
            .await
            .unwrap();
        alice
            .sees_in(&help, |m| from_bot(m) && !m.embeds.is_empty())
            .await
            .expect("an article")
    };
    alice.reply(&answer, "thanks bot!").await.unwrap();
    let welcome = alice
        .sees_in(&help, |m| from_bot(m) && m.text.contains("You're welcome"))
        .await
        .expect("a reply in kind");
    assert!(welcome.embeds.is_empty(), "{welcome:?}");
    let bot = w.sandbox.bot_user_id();
    boris
        .say(&help, &format!("<@{bot}> спасибо"))
        .await
        .unwrap();
    boris
        .sees_in(&help, |m| from_bot(m) && m.text.contains("Пожалуйста"))
        .await
        .expect("a reply in kind, in Russian");

    // What the bot stayed out of is not logged as questions.
    let log = logged(&w).await;
    let kinds: Vec<Option<&str>> = log.iter().map(|e| e.small_talk.as_deref()).collect();
    assert_eq!(
        kinds,
        [Some("presence"), None, Some("thanks"), Some("thanks")]
    );
}

#[tokio::test]
async fn in_a_help_channel_a_question_put_to_the_bot_that_it_cannot_answer_gets_the_way_to_a_human()
{
    let w = World::start().await;
    let alice = w.person("alice");
    let help = w.channel("help");
    let from_bot = |m: &supportline::sandbox::MessageView| m.author == "supportline";

    // Said to the channel: people may answer it; the bot stays quiet.
    alice
        .say(&help, "my export fails with error 500")
        .await
        .unwrap();
    w.sandbox.settled().await.unwrap();
    assert!(!w.sandbox.messages(&help).iter().any(from_bot));

    // Put to the bot: not silence, but the way to a human.
    let bot = w.sandbox.bot_user_id();
    alice
        .say(&help, &format!("<@{bot}> my export fails with error 500"))
        .await
        .unwrap();
    let reply = alice.sees_in(&help, from_bot).await.expect("a reply");
    assert!(reply.has_button("Talk to a human"), "{reply:?}");
    assert!(
        reply.reply_to.is_some(),
        "it answers that message: {reply:?}"
    );
    assert!(reply.pings.notified.is_empty(), "{:?}", reply.pings);
}
