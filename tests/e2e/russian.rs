//! Boris writes in Russian (his Discord locale is `ru`): everything the bot
//! says to him is in Russian — answers, buttons, his ticket thread,
//! refusals — while staff cards stay in the server's language.

use crate::world::{int, text, ticket_number, World};

#[tokio::test]
async fn boris_gets_his_answer_his_ticket_and_its_closing_in_russian() {
    let w = World::start().await;
    let boris = w.person("boris");
    let lena = w.person("lena");
    let help = w.channel("help");
    let answer = w
        .ask(&boris, &help, "как переоткрыть закрытый тикет?")
        .await;
    assert!(answer.has_button("Позвать человека"), "{answer:?}");
    let opened = w.click(&boris, &answer, "Позвать человека").await;
    assert!(opened.ephemeral);
    assert!(opened.text.contains("Ваш тикет"), "{}", opened.text);
    let n = ticket_number(&opened.text).expect("a ticket number");
    w.sandbox.settled().await.unwrap();
    let t = w.ticket(n).await;
    let thread = w.channel_by_id(t.user_thread.expect("a user thread").0);
    boris
        .sees_in(&thread, |m| m.text.contains("Здравствуйте"))
        .await
        .expect("the greeting is in Russian");

    // Staff get the card in the server's language (English here).
    let card = w.card(&lena, n).await;
    assert!(
        card.has_button("Claim") && card.has_button("Escalate"),
        "{card:?}"
    );
    assert!(
        card.embed_text().contains("Ticket"),
        "{}",
        card.embed_text()
    );

    // The escalation notice in his thread is in Russian.
    let l1 = w.case_thread(n).await;
    w.slash(&lena, &l1, "escalate", &[("reason", text("Needs L2"))])
        .await;
    boris
        .sees_in(&thread, |m| {
            m.text.contains("Вашим тикетом теперь занимаются")
        })
        .await
        .expect("the escalation notice is in Russian");

    // So is the closing message.
    let mark = w.person("mark");
    let l2 = w.case_thread(n).await;
    w.slash(&mark, &l2, "close", &[("reason", text("Fixed"))])
        .await;
    boris
        .sees_in(&thread, |m| m.text.contains("Тикет закрыл(а)"))
        .await
        .expect("the closing message is in Russian");
}

#[tokio::test]
async fn refusals_to_boris_are_in_russian() {
    let w = World::start().await;
    let alice = w.person("alice");
    let boris = w.person("boris");
    let help = w.channel("help");
    let (t, _) = w.open_ticket(&alice, "My invoice is wrong").await;
    let before = w.ticket(t.number.0).await;
    let refused = w
        .slash(
            &boris,
            &help,
            "claim",
            &[("ticket", int(t.number.0 as i64))],
        )
        .await;
    assert!(refused.ephemeral);
    // Not his ticket: as if there were none.
    assert!(refused.text.contains("Тикета #1 нет"), "{}", refused.text);
    let refused = w.slash(&boris, &help, "setup show", &[]).await;
    assert!(refused.text.contains("Вы не можете"), "{}", refused.text);
    // Clicking the button under someone else's answer (a public one, to a
    // plain message in the help channel): refused in Russian too.
    w.sandbox.settled().await.unwrap();
    alice
        .say(&help, "how do I reopen a closed ticket?")
        .await
        .unwrap();
    let reply = boris
        .sees_in(&help, |m| {
            m.author == "supportline" && m.has_button("Solved")
        })
        .await
        .expect("the bot answers alice in the channel");
    let refused = w.click(&boris, &reply, "Solved").await;
    assert!(refused.ephemeral);
    assert!(
        refused.text.contains("для другого человека"),
        "{}",
        refused.text
    );
    assert_eq!(w.ticket(t.number.0).await, before);
}

#[tokio::test]
async fn the_panel_speaks_the_servers_language_and_its_form_speaks_borises() {
    let w = World::start().await;
    let root = w.person("root");
    let boris = w.person("boris");
    let help = w.channel("help");
    let posted = w.slash(&root, &help, "setup panel", &[]).await;
    assert!(
        posted.ephemeral && posted.text.contains("Panel posted"),
        "{posted:?}"
    );
    // The panel is one message for everyone: in the server's language.
    let panel = boris
        .sees_in(&help, |m| m.has_button("Get help"))
        .await
        .expect("boris sees the panel");
    let form = boris.click(&panel, "Get help").await.unwrap();
    let modal = form.modal().expect("the button opens a form").clone();
    assert_eq!(
        modal.title, "Получить помощь",
        "the form is in his language"
    );
    let submitted = boris
        .submit_modal(&modal, &[("question", "как переоткрыть закрытый тикет?")])
        .await
        .unwrap();
    let answer = w.answer(&boris, &submitted).await;
    assert!(answer.ephemeral);
    assert!(
        answer.has_button("Решено") || answer.has_button("Позвать человека"),
        "{answer:?}"
    );

    // With the server switched to Russian, a new panel is in Russian.
    w.slash(
        &root,
        &help,
        "setup language",
        &[("language", text("Русский"))],
    )
    .await;
    w.slash(&root, &help, "setup panel", &[]).await;
    boris
        .sees_in(&help, |m| m.has_button("Получить помощь"))
        .await
        .expect("a Russian panel");
}

#[tokio::test]
async fn the_ticket_limit_speaks_of_one_ticket_and_links_it_once() {
    let w = World::start().await;
    let boris = w.person("boris");
    let (t, thread) = w.open_ticket(&boris, "Не работает экспорт").await;
    let help = w.channel("help");
    let refused = w
        .slash(
            &boris,
            &help,
            "ticket open",
            &[("question", text("И ещё одно"))],
        )
        .await;
    assert_eq!(
        refused.text,
        format!(
            "У вас уже 1 открытый тикет. Продолжите, пожалуйста, там: <#{}>",
            thread.id
        ),
        "ticket {}",
        t.number
    );
}

#[tokio::test]
async fn the_articles_say_ticket_as_the_bot_does_whichever_word_boris_asks_with() {
    let w = World::start().await;
    let boris = w.person("boris");
    let help = w.channel("help");
    // «Тикет» is what the bot's own messages say; «заявка» still finds it.
    for question in ["как закрыть заявку?", "как закрыть тикет?"] {
        let answer = w.ask(&boris, &help, question).await;
        let article = answer.embed_text();
        assert!(
            article.contains("Как закрыть тикет"),
            "{question}: {article}"
        );
        assert!(!article.contains("заявк"), "{question}: {article}");
        // The command as his Russian Discord names it.
        assert!(article.contains("/закрыть"), "{question}: {article}");
    }
}

#[tokio::test]
async fn an_answer_to_a_russian_question_stays_russian_after_a_click() {
    let w = World::start().await;
    // alice's Discord is English; she asks in Russian and is answered so.
    let alice = w.person("alice");
    let help = w.channel("help");
    let answer = w
        .ask(&alice, &help, "как переоткрыть закрытый тикет?")
        .await;
    assert!(answer.has_button("Решено"), "{answer:?}");
    let after = w.click(&alice, &answer, "Решено").await;
    assert_eq!(after.text, "Рад, что помогло! Спрашивайте в любое время.");

    // Unsure, it offers Russian candidates; the one she picks comes with
    // Russian buttons and footer, as a direct answer would.
    let unsure = w.ask(&alice, &help, "тикет").await;
    assert!(unsure.embeds.is_empty(), "candidates: {unsure:?}");
    let title = unsure.buttons.first().expect("a candidate").label.clone();
    let picked = w.click(&alice, &unsure, &title).await;
    assert!(
        picked.has_button("Решено") && picked.has_button("Позвать человека"),
        "{picked:?}"
    );
    assert!(
        picked.embed_text().contains("Помогло?"),
        "{}",
        picked.embed_text()
    );
}
