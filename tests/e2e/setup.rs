//! `/setup …` by an admin: each subcommand changes what it should, bad
//! values are refused with a clear message and change nothing, and
//! `/setup show` flags a level channel that @everyone can read.

use supportline::i18n::Locale;
use supportline::sandbox::{Permissions, Target};
use supportline::tickets::{ChannelId, Level};

use crate::world::{int, text, World};

#[tokio::test]
async fn each_setup_subcommand_saves_what_it_says() {
    let w = World::start().await;
    let root = w.person("root");
    let help = w.channel("help");
    let id = |name: &str| ChannelId(w.channel(name).id);

    let saved = w
        .slash(&root, &help, "setup support", &[("channel", text("help"))])
        .await;
    assert!(saved.ephemeral && saved.text.contains("Saved"), "{saved:?}");
    assert_eq!(
        w.store.settings(w.guild()).await.unwrap().support_channel,
        Some(id("help"))
    );
    w.slash(
        &root,
        &help,
        "setup support",
        &[("channel", text("support"))],
    )
    .await;

    let saved = w
        .slash(
            &root,
            &help,
            "setup level",
            &[
                ("level", int(2)),
                ("channel", text("l2-support")),
                ("role", text("L3")),
                ("sla_minutes", int(90)),
            ],
        )
        .await;
    assert!(saved.text.contains("Saved"), "{}", saved.text);
    let s = w.store.settings(w.guild()).await.unwrap();
    let l2 = s.level(Level::L2);
    assert_eq!(l2.channel, Some(id("l2-support")));
    assert_eq!(l2.role.map(|r| r.0), w.sandbox.role_id("L3"));
    assert_eq!(l2.sla, chrono::Duration::minutes(90));
    assert!(
        saved.text.contains("1 h 30 min") || saved.text.contains("90"),
        "{}",
        saved.text
    );

    // Help channels: add one, remove one, switch plain answers off.
    w.slash(&root, &help, "setup help", &[("channel", text("support"))])
        .await;
    assert!(w
        .store
        .settings(w.guild())
        .await
        .unwrap()
        .help_channels
        .contains(&id("support")));
    w.slash(
        &root,
        &help,
        "setup help",
        &[
            ("channel", text("support")),
            ("remove", supportline::sandbox::Opt::Bool(true)),
            ("answer_messages", supportline::sandbox::Opt::Bool(false)),
        ],
    )
    .await;
    let s = w.store.settings(w.guild()).await.unwrap();
    assert!(!s.help_channels.contains(&id("support")));
    assert!(s.help_channels.contains(&id("help")));
    assert!(!s.answer_plain_messages);
    // With plain answers off, a question in #help gets no reply.
    let alice = w.person("alice");
    alice
        .say(&help, "how do I reopen a closed ticket?")
        .await
        .unwrap();
    w.sandbox.settled().await.unwrap();
    assert_eq!(
        w.sandbox.messages(&help).last().map(|m| m.author.clone()),
        Some("alice".to_string())
    );

    // The log holds every level's cases: only a channel no lower level
    // sees will do (the demo's, Admin only).
    let saved = w
        .slash(
            &root,
            &help,
            "setup log",
            &[("channel", text("support-log"))],
        )
        .await;
    assert!(saved.text.contains("Saved"), "{}", saved.text);
    assert_eq!(
        w.store.settings(w.guild()).await.unwrap().log_channel,
        Some(id("support-log"))
    );

    let saved = w
        .slash(
            &root,
            &help,
            "setup limits",
            &[
                ("tickets", int(3)),
                ("cooldown_minutes", int(0)),
                ("auto_close_hours", int(48)),
                ("reopen_days", int(30)),
            ],
        )
        .await;
    assert!(saved.text.contains("3 open tickets"), "{}", saved.text);
    let s = w.store.settings(w.guild()).await.unwrap();
    assert_eq!(
        (
            s.ticket_limit,
            s.cooldown,
            s.auto_close_hours,
            s.reopen_days
        ),
        (3, chrono::Duration::zero(), 48, 30)
    );
}

#[tokio::test]
async fn switching_the_language_puts_staff_cards_in_russian() {
    let w = World::start().await;
    let root = w.person("root");
    let alice = w.person("alice");
    let lena = w.person("lena");
    let help = w.channel("help");
    let saved = w
        .slash(
            &root,
            &help,
            "setup language",
            &[("language", text("Русский"))],
        )
        .await;
    assert!(
        saved.text.contains("Saved"),
        "root's own locale answers: {}",
        saved.text
    );
    assert_eq!(
        w.store.settings(w.guild()).await.unwrap().default_locale,
        Some(Locale::Ru)
    );
    let (t, user_thread) = w.open_ticket(&alice, "My export is empty").await;
    let card = w.card(&lena, t.number.0).await;
    assert!(
        card.has_button("Взять") && card.has_button("Закрыть"),
        "{card:?}"
    );
    assert!(card.embed_text().contains("Тикет"), "{}", card.embed_text());
    // Alice still gets her thread in her own language.
    alice
        .sees_in(&user_thread, |m| m.text.contains("your ticket"))
        .await
        .expect("alice is greeted in English");
}

#[tokio::test]
async fn bad_values_are_refused_clearly_and_change_nothing() {
    let w = World::start().await;
    let root = w.person("root");
    let help = w.channel("help");
    let before = w.store.settings(w.guild()).await.unwrap();

    // Discord stops these at the registered min/max…
    for (option, value) in [
        ("tickets", 50),
        ("auto_close_hours", 10_000),
        ("reopen_days", 400),
        ("cooldown_minutes", 2_000),
    ] {
        let refused = root
            .slash(&help, "setup limits", &[(option, int(value))])
            .await;
        assert!(refused.is_err(), "{option}: {value} reached the bot");
    }
    // …and the bot checks anyway, for an older registration Discord may hold.
    for (option, max) in [
        ("tickets", 100),
        ("auto_close_hours", 100_000),
        ("reopen_days", 1_000),
        ("cooldown_minutes", 10_000),
    ] {
        w.stale_range("setup", Some("limits"), option, 0, max);
    }
    w.stale_range("setup", Some("level"), "level", 0, 10);
    let refused = w
        .slash(&root, &help, "setup limits", &[("tickets", int(50))])
        .await;
    assert!(refused.ephemeral);
    assert!(
        refused.text.contains("between 1 and 20"),
        "{}",
        refused.text
    );
    let refused = w
        .slash(
            &root,
            &help,
            "setup limits",
            &[("auto_close_hours", int(10_000))],
        )
        .await;
    assert!(
        refused.text.contains("Auto-close must be between"),
        "{}",
        refused.text
    );
    let refused = w
        .slash(&root, &help, "setup limits", &[("reopen_days", int(400))])
        .await;
    assert!(refused.text.contains("at most 90 days"), "{}", refused.text);
    let refused = w
        .slash(
            &root,
            &help,
            "setup limits",
            &[("cooldown_minutes", int(2_000))],
        )
        .await;
    assert!(refused.text.contains("24 hours"), "{}", refused.text);

    // Within Discord's range (up to 30 days) but above the bot's (7 days).
    let refused = w
        .slash(
            &root,
            &help,
            "setup level",
            &[
                ("level", int(1)),
                ("channel", text("l1-desk")),
                ("role", text("L1")),
                ("sla_minutes", int(20_000)),
            ],
        )
        .await;
    assert!(refused.ephemeral);
    assert!(
        refused.text.contains("L1") && refused.text.contains("7 days"),
        "says what is allowed: {}",
        refused.text
    );
    let refused = w
        .slash(
            &root,
            &help,
            "setup level",
            &[
                ("level", int(5)),
                ("channel", text("l1-desk")),
                ("role", text("L1")),
            ],
        )
        .await;
    assert!(refused.text.contains("from 1 to 4"), "{}", refused.text);

    assert_eq!(w.store.settings(w.guild()).await.unwrap(), before);
}

#[tokio::test]
async fn setup_show_flags_a_level_channel_everyone_can_read() {
    let w = World::start().await;
    let root = w.person("root");
    let help = w.channel("help");
    let l3 = w.channel("l3-experts");
    w.sandbox
        .set_overwrite(
            &l3,
            Target::Everyone,
            Permissions::VIEW_CHANNEL,
            Permissions::NONE,
        )
        .unwrap();
    w.sandbox.settled().await.unwrap();
    assert!(w.person("alice").can_see(&l3), "the mistake is real");
    let report = w.slash(&root, &help, "setup show", &[]).await;
    let text = report.embed_text();
    assert!(text.contains("visible to @everyone"), "{text}");
    assert!(text.contains(&format!("<#{}>", l3.id)), "{text}");
    assert!(
        !text.contains(&format!("<#{}> (L1) is visible", w.channel("l1-desk").id)),
        "{text}"
    );
}

#[tokio::test]
async fn setup_sla_sets_one_levels_first_response_target() {
    let w = World::start().await;
    let root = w.person("root");
    let help = w.channel("help");
    let saved = w
        .slash(
            &root,
            &help,
            "setup sla",
            &[("level", int(2)), ("minutes", int(30))],
        )
        .await;
    assert!(saved.text.contains("Saved"), "{}", saved.text);
    let s = w.store.settings(w.guild()).await.unwrap();
    assert_eq!(
        s.level(supportline::tickets::Level::L2).sla,
        chrono::Duration::minutes(30)
    );
    let show = w.slash(&root, &help, "setup show", &[]).await;
    assert!(
        show.embed_text().contains("30 min"),
        "{}",
        show.embed_text()
    );

    // Within Discord's range (up to 30 days) but above the bot's (7 days).
    let refused = w
        .slash(
            &root,
            &help,
            "setup sla",
            &[("level", int(3)), ("minutes", int(20_000))],
        )
        .await;
    assert!(refused.text.contains("7 days"), "{}", refused.text);
    assert_eq!(w.store.settings(w.guild()).await.unwrap(), s);
    let lena = w.person("lena");
    let refused = w
        .slash(
            &lena,
            &help,
            "setup sla",
            &[("level", int(1)), ("minutes", int(5))],
        )
        .await;
    assert!(refused.text.contains("only admins"), "{}", refused.text);
}

/// A command, its options, and what the refusal must say.
type Try = (
    &'static str,
    Vec<(&'static str, supportline::sandbox::Opt)>,
    &'static str,
);

#[tokio::test]
async fn setup_refuses_channels_that_would_break_the_ladder_and_says_why() {
    let w = World::start().await;
    let root = w.person("root");
    let help = w.channel("help");
    let before = w.store.settings(w.guild()).await.unwrap();
    let tries: [Try; 4] = [
        (
            "setup log",
            vec![("channel", text("help"))],
            "visible to @everyone, so every level's transcripts would be public",
        ),
        (
            "setup level",
            vec![
                ("level", int(1)),
                ("channel", text("help")),
                ("role", text("L1")),
            ],
            "visible to @everyone, so L1 cases would be public",
        ),
        (
            "setup level",
            vec![
                ("level", int(2)),
                ("channel", text("l1-desk")),
                ("role", text("L2")),
            ],
            "is already the L1 channel",
        ),
        (
            "setup support",
            vec![("channel", text("l4-engineering"))],
            "is already the L4 channel",
        ),
    ];
    for (command, options, why) in tries {
        let refused = w.slash(&root, &help, command, &options).await;
        assert!(refused.ephemeral);
        assert!(refused.text.contains(why), "/{command}: {}", refused.text);
    }
    assert_eq!(w.store.settings(w.guild()).await.unwrap(), before);
}

#[tokio::test]
async fn a_level_channel_a_lower_role_can_read_is_refused_and_flagged_later() {
    let w = World::start().await;
    let root = w.person("root");
    let help = w.channel("help");
    // L1 may read #l2-support: refused as the L2 channel…
    let l2 = w.channel("l2-support");
    w.sandbox
        .set_overwrite(
            &l2,
            Target::Role("L1".into()),
            Permissions::VIEW_CHANNEL,
            Permissions::NONE,
        )
        .unwrap();
    w.sandbox.settled().await.unwrap();
    let refused = w
        .slash(
            &root,
            &help,
            "setup level",
            &[
                ("level", int(2)),
                ("channel", text("l2-support")),
                ("role", text("L2")),
            ],
        )
        .await;
    assert!(
        refused.text.contains("The L1 role can view") && refused.text.contains("L2 cases"),
        "{}",
        refused.text
    );
    // …and /setup show flags the channel already set, whose permissions changed.
    let report = w.slash(&root, &help, "setup show", &[]).await;
    let text = report.embed_text();
    assert!(
        text.contains(&format!("The L1 role can view <#{}>", l2.id)),
        "{text}"
    );
    assert!(!text.contains("✅"), "{text}");
}

#[tokio::test]
async fn setup_show_flags_a_level_role_nobody_can_ping_and_its_new_cases_ping_nobody() {
    let w = World::start().await;
    let root = w.person("root");
    let alice = w.person("alice");
    let lena = w.person("lena");
    let help = w.channel("help");
    // As on many servers: @everyone may not mention everyone, and neither
    // may the bot (README's invite does not ask for it); the admin made
    // L2..L4 mentionable, L1 not (a new role is not).
    w.take_away_mention_everyone();
    w.sandbox.edit_role("L1", Some(false), None).unwrap();
    for level in ["L2", "L3", "L4"] {
        w.sandbox.edit_role(level, Some(true), None).unwrap();
    }
    w.sandbox.settled().await.unwrap();

    let report = w.slash(&root, &help, "setup show", &[]).await;
    let text = report.embed_text();
    assert!(
        text.contains("The L1 role") && text.contains("can't be pinged"),
        "{text}"
    );
    assert!(
        !text.contains("The L2 role"),
        "the admin made L2 mentionable: {text}"
    );

    // Discord's rule, which the sandbox keeps: the new case's role ping
    // notifies nobody.
    w.open_ticket(&alice, "My avatar will not upload").await;
    let desk = w.channel("l1-desk");
    let ping = lena
        .sees_in(&desk, |m| m.text.contains("New ticket for"))
        .await
        .expect("the new case is announced");
    assert!(ping.pings.notified.is_empty(), "{:?}", ping.pings);

    // Made mentionable, the flag goes.
    w.sandbox.edit_role("L1", Some(true), None).unwrap();
    w.sandbox.settled().await.unwrap();
    let report = w.slash(&root, &help, "setup show", &[]).await;
    assert!(
        !report.embed_text().contains("can't be pinged"),
        "{}",
        report.embed_text()
    );
}

#[tokio::test]
async fn on_a_server_set_up_from_nothing_setup_says_what_to_do_next_until_tickets_work() {
    let w = World::start().await;
    // The server as an admin finds it after inviting the bot.
    w.store
        .save_settings(
            &supportline::tickets::GuildSettings::new(w.guild()),
            chrono::Utc::now(),
        )
        .await
        .unwrap();
    let root = w.person("root");
    let help = w.channel("help");
    let shown = w.slash(&root, &help, "setup show", &[]).await;
    let all = shown.embed_text();
    assert!(all.contains("Next: `/setup support"), "{all}");
    assert!(!all.contains("✅"), "nothing is set up yet: {all}");

    let saved = w
        .slash(
            &root,
            &help,
            "setup support",
            &[("channel", text("support"))],
        )
        .await;
    assert!(
        saved.text.contains("Next: `/setup level level:1"),
        "{}",
        saved.text
    );

    let saved = w
        .slash(
            &root,
            &help,
            "setup level",
            &[
                ("level", int(1)),
                ("channel", text("l1-desk")),
                ("role", text("L1")),
            ],
        )
        .await;
    assert!(
        saved.text.contains("once `/setup level level:2`"),
        "{}",
        saved.text
    );
    assert!(!saved.text.contains("Next:"), "{}", saved.text);
    let opened = w
        .slash(
            &w.person("alice"),
            &help,
            "ticket open",
            &[("question", text("my export fails"))],
        )
        .await;
    assert!(
        opened.text.contains("#1"),
        "tickets open now: {}",
        opened.text
    );
}
