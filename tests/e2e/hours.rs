//! Issue 14's service terms, end to end: working hours (a ticket opened
//! out of hours says when to expect an answer; the SLA counts working
//! time), waiting on the user (the clock stops, the card says so, a
//! reminder and a closing, once each across a crash), the blocklist and
//! per-user rate limits, and the time figures of `/stats`.

use chrono::{DateTime, Datelike, Duration, TimeZone, Utc, Weekday};
use supportline::tickets::{CloseReason, Status};

use crate::world::{int, text, World};

const REMINDER: &str = "waited longer";

/// Moves the bot's clock to the next `day` at `hour`:00 UTC, and returns it.
fn move_to(w: &World, day: Weekday, hour: u32) -> DateTime<Utc> {
    let now = w.clock.now();
    let mut date = now.date_naive() + Duration::days(1);
    while date.weekday() != day {
        date += Duration::days(1);
    }
    let at = Utc.from_utc_datetime(&date.and_hms_opt(hour, 0, 0).unwrap());
    w.clock.advance(at - now);
    at
}

/// Lets the scheduler run a few ticks, then waits for the bot to settle.
async fn let_timers_run(w: &World) {
    w.sandbox.settled().await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    w.sandbox.settled().await.unwrap();
}

fn stamp(at: DateTime<Utc>) -> String {
    format!("<t:{}:F>", at.timestamp())
}

#[tokio::test]
async fn out_of_hours_a_ticket_says_when_the_team_answers_and_the_sla_waits_for_monday() {
    let w = World::start().await;
    let root = w.person("root");
    let boris = w.person("boris");
    let lena = w.person("lena");
    let help = w.channel("help");
    let saved = w
        .slash(
            &root,
            &help,
            "setup hours",
            &[
                ("zone", text("Europe/London")),
                ("week", text("mon-fri 09:00-17:00")),
            ],
        )
        .await;
    assert!(
        saved.text.contains("Europe/London · mon-fri 09:00-17:00"),
        "{}",
        saved.text
    );
    let shown = w.slash(&root, &help, "setup show", &[]).await;
    let shown = format!("{}\n{}", shown.text, shown.embed_text());
    assert!(
        shown.contains("**Working hours**: Europe/London · mon-fri 09:00-17:00"),
        "{shown}"
    );

    // Saturday noon: the team is away until Monday 09:00 London time.
    let saturday = move_to(&w, Weekday::Sat, 12);
    let monday = saturday + Duration::hours(45);
    let monday_9 =
        supportline::tickets::WorkingHours::parse("Europe/London", "mon-fri 09:00-17:00")
            .unwrap()
            .next_opening(saturday)
            .unwrap();
    assert!(monday_9 <= monday && monday_9 >= saturday + Duration::hours(44));
    let reply = w
        .slash(
            &boris,
            &help,
            "ticket open",
            &[("question", text("Не приходит письмо"))],
        )
        .await;
    assert!(
        reply
            .text
            .contains(&format!("Ждите ответа с {}", stamp(monday_9))),
        "Boris is told in Russian: {}",
        reply.text
    );
    w.sandbox.settled().await.unwrap();
    let t = w.store.open_tickets(w.guild()).await.unwrap().remove(0);
    let thread = w.channel_by_id(t.user_thread.unwrap().0);
    boris
        .sees_in(&thread, |m| m.text.contains(&stamp(monday_9)))
        .await
        .expect("the greeting says when the team answers");

    // The weekend does not count: no reminder on Sunday evening …
    let l1 = w.case_thread(t.number.0).await;
    w.clock.advance(monday_9 - saturday - Duration::hours(10));
    let_timers_run(&w).await;
    assert!(!w
        .sandbox
        .messages(&l1)
        .iter()
        .any(|m| m.text.contains(REMINDER)));
    // … and fifteen working minutes into Monday, the help desk is reminded.
    w.clock.advance(Duration::hours(10) + Duration::minutes(16));
    lena.sees_in(&l1, |m| m.text.contains(REMINDER))
        .await
        .expect("the reminder after 15 working minutes");
}

#[tokio::test]
async fn staff_waiting_on_the_user_stops_the_sla_and_reminds_then_closes_once_across_a_crash() {
    let mut w = World::start().await;
    let root = w.person("root");
    let alice = w.person("alice");
    let lena = w.person("lena");
    let help = w.channel("help");
    let saved = w
        .slash(
            &root,
            &help,
            "setup waiting",
            &[("remind_hours", int(2)), ("close_hours", int(5))],
        )
        .await;
    assert!(
        saved.text.contains("reminder after 2 hours"),
        "{}",
        saved.text
    );
    let (t, thread) = w.open_ticket(&alice, "Export to CSV fails").await;
    let n = t.number.0;
    let card = w.card(&lena, n).await;
    w.click(&lena, &card, "Claim").await;
    lena.say(&thread, "Which browser do you use?")
        .await
        .unwrap();
    let card = w
        .card_where(&lena, n, |m| m.embed_text().contains("Waiting on the user"))
        .await;
    assert!(
        card.embed_text().contains("Waiting on the user since"),
        "the card says so: {}",
        card.embed_text()
    );

    // The user writes back: the clock runs again, the card shows it.
    w.clock.advance(Duration::minutes(30));
    alice.say(&thread, "Firefox").await.unwrap();
    w.card_where(&lena, n, |m| {
        !m.embed_text().contains("Waiting on the user")
    })
    .await;
    assert!(!w.ticket(n).await.is_waiting_on_user());

    // Staff ask again; the bot is down when the reminder falls due.
    lena.say(&thread, "And which version?").await.unwrap();
    w.sandbox.settled().await.unwrap();
    let since = w.ticket(n).await.sla_clock.waiting_since.expect("waiting");
    w.stop_bot().await;
    w.clock.advance(Duration::hours(2) + Duration::minutes(1));
    w.start_bot().await;
    let reminder = alice
        .sees_in(&thread, |m| m.text.contains("waiting for your answer"))
        .await
        .expect("the reminder after the restart");
    assert!(
        reminder.pings.users.iter().any(|u| u == "alice"),
        "{:?}",
        reminder.pings
    );
    assert!(
        reminder.text.contains(&stamp(since + Duration::hours(5))),
        "it says when the ticket closes: {}",
        reminder.text
    );
    // No SLA reminder while the team waits on the user.
    let l1 = w.case_thread(n).await;
    assert!(!w
        .sandbox
        .messages(&l1)
        .iter()
        .any(|m| m.text.contains(REMINDER)));

    w.restart_bot().await;
    w.clock.advance(Duration::hours(3));
    let_timers_run(&w).await;
    let closed = w.ticket(n).await;
    assert_eq!(closed.status, Status::Closed);
    assert_eq!(closed.close_reason, Some(CloseReason::UserSilent));
    let said = w.sandbox.messages(&thread);
    let count = |needle: &str| said.iter().filter(|m| m.text.contains(needle)).count();
    assert_eq!(count("waiting for your answer"), 1, "one reminder");
    assert_eq!(count("closed automatically"), 1, "one closing");
}

#[tokio::test]
async fn a_blocked_user_or_role_is_refused_a_ticket_politely_but_may_still_ask() {
    let w = World::start().await;
    let alice = w.person("alice");
    let ivan = w.person("ivan");
    let lena = w.person("lena");
    let help = w.channel("help");
    let done = w
        .slash(
            &lena,
            &help,
            "block",
            &[
                ("user", text("alice")),
                ("reason", text("spam links")),
                ("hours", int(24)),
            ],
        )
        .await;
    assert!(
        done.text.contains("can't open tickets now")
            && done.text.ends_with("stay open to them. Reason: spam links"),
        "{}",
        done.text
    );
    let refused = w
        .slash(
            &alice,
            &help,
            "ticket open",
            &[("question", text("hello??"))],
        )
        .await;
    assert!(refused.ephemeral);
    assert!(
        refused
            .text
            .contains("You can't open tickets on this server until <t:")
            && refused.text.contains("Reason: spam links"),
        "{}",
        refused.text
    );
    assert!(w.store.open_tickets(w.guild()).await.unwrap().is_empty());
    let answer = w.ask(&alice, &help, "how do I reset my password?").await;
    assert!(
        !answer.text.contains("can't open"),
        "L0 still answers: {answer:?}"
    );

    // A role: everyone holding it is refused.
    w.slash(&lena, &help, "block", &[("role", text("L4"))])
        .await;
    let refused = w
        .slash(
            &ivan,
            &help,
            "ticket open",
            &[("question", text("test ticket"))],
        )
        .await;
    assert!(
        refused
            .text
            .contains("You can't open tickets on this server."),
        "{}",
        refused.text
    );
    let list = w.slash(&lena, &help, "block", &[]).await;
    assert!(
        list.text.contains("spam links") && list.text.contains("until unblocked"),
        "{}",
        list.text
    );

    // A user may not block; unblocking lets alice in again.
    let no = w
        .slash(&alice, &help, "unblock", &[("user", text("alice"))])
        .await;
    assert!(!no.text.contains("can open tickets again"), "{}", no.text);
    let yes = w
        .slash(&lena, &help, "unblock", &[("user", text("alice"))])
        .await;
    assert!(yes.text.contains("can open tickets again"), "{}", yes.text);
    w.open_ticket(&alice, "Now it works").await;
}

#[tokio::test]
async fn rate_limits_refuse_politely_with_when_to_try_again() {
    let w = World::start().await;
    let root = w.person("root");
    let alice = w.person("alice");
    let lena = w.person("lena");
    let help = w.channel("help");
    w.slash(
        &root,
        &help,
        "setup ratelimits",
        &[
            ("tickets_per_day", int(1)),
            ("questions_per_minute", int(2)),
        ],
    )
    .await;

    w.ask(&alice, &help, "how do I reset my password?").await;
    w.ask(&alice, &help, "how do I change my email?").await;
    let third = w.ask(&alice, &help, "how do I delete my account?").await;
    assert!(
        third.text.contains("2 questions a minute. Try again <t:"),
        "{}",
        third.text
    );
    w.clock.advance(Duration::seconds(61));
    let fourth = w.ask(&alice, &help, "how do I delete my account?").await;
    assert!(!fourth.text.contains("Try again"), "{}", fourth.text);

    let (t, _) = w.open_ticket(&alice, "First problem of the day").await;
    w.slash(&lena, &help, "close", &[("ticket", int(t.number.0 as i64))])
        .await;
    w.sandbox.settled().await.unwrap();
    w.clock.advance(Duration::minutes(11)); // past the cooldown
    let refused = w
        .slash(
            &alice,
            &help,
            "ticket open",
            &[("question", text("Second one"))],
        )
        .await;
    let expected = format!("<t:{}:R>", (t.opened_at + Duration::days(1)).timestamp());
    assert!(
        refused.text.contains("You've opened 1 ticket today") && refused.text.contains(&expected),
        "{}",
        refused.text
    );
}

#[tokio::test]
async fn stats_show_time_at_each_level_and_waiting_on_the_user() {
    let w = World::start().await;
    let root = w.person("root");
    let alice = w.person("alice");
    let lena = w.person("lena");
    let help = w.channel("help");
    let (t, thread) = w.open_ticket(&alice, "Billing page is blank").await;
    let n = t.number.0;
    let card = w.card(&lena, n).await;
    w.click(&lena, &card, "Claim").await;
    lena.say(&thread, "Could you send a screenshot?")
        .await
        .unwrap();
    w.sandbox.settled().await.unwrap();
    w.clock.advance(Duration::minutes(30));
    alice.say(&thread, "Here it is").await.unwrap();
    w.sandbox.settled().await.unwrap();
    w.clock.advance(Duration::minutes(10));
    let l1 = w.case_thread(n).await;
    w.slash(&lena, &l1, "close", &[]).await;
    w.sandbox.settled().await.unwrap();
    let stats = w.slash(&root, &help, "stats", &[("days", int(1))]).await;
    let all = format!("{}\n{}", stats.text, stats.embed_text());
    assert!(all.contains("Waiting on the user: median 30 min"), "{all}");
    assert!(all.contains("Time at this level: median 40 min"), "{all}");
}
