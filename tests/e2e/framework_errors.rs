//! Whatever goes wrong before a command's own code runs, the person gets a
//! short answer in their language, never "This interaction failed".

use supportline::sandbox::wire::command::CommandOption;

use crate::world::{int, World};

/// Discord still holds an older `/ticket queue` whose level went to 1000
/// and an older `/stats` whose days started at 0.
fn stale_ranges(w: &World) {
    let widen = |options: &mut Vec<CommandOption>, sub: Option<&str>, name: &str, min, max| {
        let list = match sub {
            Some(sub) => options
                .iter_mut()
                .find(|o| o.name == sub)
                .and_then(|o| o.options.as_mut())
                .expect("the subcommand"),
            None => options,
        };
        let option = list
            .iter_mut()
            .find(|o| o.name == name)
            .expect("the option");
        option.min_value = Some(serde_json::json!(min));
        option.max_value = Some(serde_json::json!(max));
    };
    assert!(w.sandbox.faults().stale_command("ticket", |o| widen(
        o,
        Some("queue"),
        "level",
        0,
        1000
    )));
    assert!(w
        .sandbox
        .faults()
        .stale_command("stats", |o| widen(o, None, "days", 0, 1000)));
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
