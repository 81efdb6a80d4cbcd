//! The permission table of design.md, row by row, for commands and
//! buttons: a refusal is a short ephemeral message and changes nothing.

use supportline::sandbox::Opt;

use crate::world::{int, text, World};

/// The staff commands on a ticket, with the options each needs.
fn staff_commands(n: i64) -> Vec<(&'static str, Vec<(&'static str, Opt)>)> {
    vec![
        ("claim", vec![("ticket", int(n))]),
        ("unclaim", vec![("ticket", int(n))]),
        (
            "escalate",
            vec![("reason", text("why not")), ("ticket", int(n))],
        ),
        (
            "deescalate",
            vec![("reason", text("why not")), ("ticket", int(n))],
        ),
        ("note", vec![("text", text("a note")), ("ticket", int(n))]),
    ]
}

#[tokio::test]
async fn only_staff_of_the_level_and_admins_may_act_on_a_ticket() {
    let w = World::start().await;
    let alice = w.person("alice");
    let boris = w.person("boris");
    let mark = w.person("mark");
    let (t, user_thread) = w.open_ticket(&alice, "Where is my invoice?").await;
    let n = t.number.0 as i64;
    let help = w.channel("help");
    let l1 = w.case_thread(t.number.0).await;

    // The user (even in their own thread), another user, staff of another level.
    for (who, place) in [(&alice, &user_thread), (&boris, &help), (&mark, &l1)] {
        for (command, options) in staff_commands(n) {
            let before = w.ticket(t.number.0).await;
            let reply = w.slash(who, place, command, &options).await;
            assert!(reply.ephemeral, "/{command} by {}: {reply:?}", who.name());
            let after = w.ticket(t.number.0).await;
            assert_eq!(
                before,
                after,
                "/{command} by {} changed the ticket",
                who.name()
            );
        }
    }
    // Closing: another user and staff of another level may not; the
    // other user is not even told the ticket exists.
    for (who, place, says) in [
        (&boris, &help, "Тикета #1 нет"),
        (&mark, &l1, "L1 staff and admins can"),
    ] {
        let reply = w.slash(who, place, "close", &[("ticket", int(n))]).await;
        assert!(reply.ephemeral, "{reply:?}");
        assert!(reply.text.contains(says), "{}", reply.text);
        assert!(!w.ticket(t.number.0).await.is_closed());
    }
    // Buttons too: mark can see the L1 card but may not claim it.
    let card = w.card(&mark, t.number.0).await;
    let refused = w.click(&mark, &card, "Claim").await;
    assert!(
        refused.ephemeral && refused.text.contains("only"),
        "{refused:?}"
    );
    assert_eq!(w.ticket(t.number.0).await.assignee, None);
    let refused = mark.click(&card, "Escalate").await.unwrap();
    assert!(
        refused.modal.is_none(),
        "no form for someone who may not escalate"
    );

    // An admin may do what staff may.
    let root = w.person("root");
    let reply = w.slash(&root, &help, "claim", &[("ticket", int(n))]).await;
    assert!(reply.text.contains("is yours"), "{}", reply.text);
    // The user may close their own ticket.
    let reply = w.slash(&alice, &user_thread, "close", &[]).await;
    assert!(reply.text.contains("closed"), "{}", reply.text);
}

#[tokio::test]
async fn only_admins_may_change_the_setup_or_reload_the_knowledge_base() {
    let w = World::start().await;
    let lena = w.person("lena");
    let root = w.person("root");
    let help = w.channel("help");
    for who in [&lena, &w.person("alice")] {
        let reply = w.slash(who, &help, "setup show", &[]).await;
        assert_eq!(
            reply.text, "You can't view the setup: only admins can.",
            "reading is not changing"
        );
        let reply = w.slash(who, &help, "kb reload", &[]).await;
        assert!(reply.text.contains("only admins"), "{}", reply.text);
        let reply = w
            .slash(who, &help, "setup limits", &[("tickets", int(5))])
            .await;
        assert!(reply.text.contains("only admins"), "{}", reply.text);
    }
    assert_eq!(w.store.settings(w.guild()).await.unwrap().ticket_limit, 1);
    let reply = w.slash(&root, &help, "kb reload", &[]).await;
    assert!(reply.text.contains("articles"), "{}", reply.text);
    let reply = w
        .slash(&root, &help, "setup limits", &[("tickets", int(2))])
        .await;
    assert!(reply.text.contains("Saved"), "{}", reply.text);
    assert_eq!(w.store.settings(w.guild()).await.unwrap().ticket_limit, 2);
}

#[tokio::test]
async fn another_users_ticket_is_answered_as_one_that_does_not_exist() {
    let w = World::start().await;
    let alice = w.person("alice");
    let boris = w.person("boris");
    let lena = w.person("lena");
    let help = w.channel("help");
    let (t, _) = w.open_ticket(&alice, "My card was charged twice").await;
    let card = w.card(&lena, t.number.0).await;
    w.click(&lena, &card, "Claim").await;
    let existing = t.number.0 as i64;
    for (command, mut options) in staff_commands(existing)
        .into_iter()
        .chain([("ticket info", vec![]), ("reopen", vec![])])
    {
        options.retain(|(name, _)| *name != "ticket");
        let missing = [options.clone(), vec![("ticket", int(99))]].concat();
        let theirs = [options, vec![("ticket", int(existing))]].concat();
        let nobody = w.slash(&boris, &help, command, &missing).await;
        let other = w.slash(&boris, &help, command, &theirs).await;
        assert_eq!(
            other.text.replace(&format!("#{existing}"), "#99"),
            nobody.text,
            "/{command} tells boris more about alice's ticket than about none"
        );
        assert!(!other.text.contains("L1"), "{}", other.text);
        assert!(!other.text.contains("lena"), "{}", other.text);
    }
}

#[tokio::test]
async fn a_command_outside_a_ticket_names_the_option_it_needs() {
    let w = World::start().await;
    let lena = w.person("lena");
    let help = w.channel("help");
    let reply = w.slash(&lena, &help, "claim", &[]).await;
    assert!(reply.text.contains("ticket:"), "{}", reply.text);
    let boris = w.person("boris");
    let reply = w.slash(&boris, &help, "close", &[]).await;
    assert!(reply.text.contains("тикет:"), "{}", reply.text);
}
