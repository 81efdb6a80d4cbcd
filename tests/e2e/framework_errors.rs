//! Whatever goes wrong before a command's own code runs, the person gets a
//! short answer in their language, never "This interaction failed".

use crate::world::{int, World};

/// Discord still holds an older `/ticket queue` whose level went to 1000
/// and an older `/stats` whose days started at 0.
fn stale_ranges(w: &World) {
    w.stale_range("ticket", Some("queue"), "level", 0, 1000);
    w.stale_range("stats", None, "days", 0, 1000);
}

#[tokio::test]
async fn an_integer_the_code_cannot_hold_gets_an_answer_in_the_users_language() {
    let w = World::start().await;
    stale_ranges(&w);
    let help = w.channel("help");
    let lena = w.person("lena");
    let reply = w
        .slash(&lena, &help, "ticket queue", &[("level", int(300))])
        .await;
    assert!(reply.ephemeral);
    assert!(reply.text.contains("has just changed"), "{}", reply.text);

    let boris = w.person("boris");
    let reply = w
        .slash(&boris, &help, "ticket queue", &[("level", int(300))])
        .await;
    assert!(
        reply.text.contains("только что изменилась"),
        "{}",
        reply.text
    );
}

#[tokio::test]
async fn stats_for_zero_days_are_refused_with_the_option_named() {
    let w = World::start().await;
    stale_ranges(&w);
    let help = w.channel("help");
    let mark = w.person("mark");
    let reply = w.slash(&mark, &help, "stats", &[("days", int(0))]).await;
    assert!(reply.text.contains("days:"), "{}", reply.text);
    assert!(reply.embeds.is_empty(), "no report for zero days");
}

#[tokio::test]
async fn discord_refuses_numbers_outside_the_registered_range() {
    let w = World::start().await;
    let help = w.channel("help");
    let mark = w.person("mark");
    let refused = mark.slash(&help, "stats", &[("days", int(0))]).await;
    assert!(refused.is_err(), "{refused:?}");
    let refused = mark
        .slash(&help, "ticket queue", &[("level", int(5))])
        .await;
    assert!(refused.is_err(), "{refused:?}");
}
