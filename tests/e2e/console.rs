//! The sandbox console as a newcomer uses it: help lists the bot's slash
//! commands, labels in any case, files listed and saved, pings shown,
//! quit ends the session.

use supportline::demo::{self, console};

use crate::world::World;

async fn run(w: &World, script: &str, format: console::Format) -> (console::ScriptReport, String) {
    let spec = demo::preset().expect("the preset parses");
    let mut console = console::Console::new(&w.sandbox, &spec, w.clock.clone());
    let mut out = Vec::new();
    let mut err = Vec::new();
    let report = console
        .run_script(script, format, &mut out, &mut err)
        .await
        .expect("printing to memory works");
    (report, String::from_utf8_lossy(&out).into_owned())
}

#[tokio::test]
async fn help_lists_the_slash_commands_and_quit_ends_the_script() {
    let w = World::start().await;
    let (report, printed) = run(
        &w,
        "help\nquit\nalice /ask question: never asked",
        console::Format::Human,
    )
    .await;
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    for command in [
        "/ticket info [ticket]",
        "/escalate reason [level] [ticket]",
        "/setup sla level minutes",
    ] {
        assert!(printed.contains(command), "no {command} in\n{printed}");
    }
    assert!(report.seen.is_empty(), "nothing ran after quit:\n{printed}");
}

#[tokio::test]
async fn a_closed_tickets_transcript_is_listed_saved_and_its_pings_shown() {
    let w = World::start().await;
    let dir = tempfile::tempdir().unwrap();
    let script = format!(
        "alice /ticket open question: my export fails\n\
         lena clicks \"claim\" in #l1-desk\n\
         lena /close in #l1-desk thread\n\
         show root into {}\n",
        dir.path().display()
    );
    let (report, printed) = run(&w, &script, console::Format::Human).await;
    assert!(report.errors.is_empty(), "{:?}\n{printed}", report.errors);
    assert!(printed.contains("📎 ticket-1.html ("), "{printed}");
    assert!(
        printed.contains("🔔 notified alice"),
        "the greeting pings alice\n{printed}"
    );
    let saved = dir.path().join("ticket-1.html");
    let html = std::fs::read_to_string(&saved).expect("show saved the transcript");
    assert!(html.contains("my export fails"));
    assert!(
        printed.contains(&format!("saved {}", saved.display())),
        "{printed}"
    );

    let (_, json) = run(&w, "show root", console::Format::Json).await;
    let file = json
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|v| v["attachments"].as_array().is_some_and(|a| !a.is_empty()))
        .expect("the log message with its file, in JSON");
    assert_eq!(file["attachments"][0]["name"], "ticket-1.html");
    assert!(file["attachments"][0]["size"].as_u64().unwrap() > 0);
}

#[tokio::test]
async fn a_button_is_clicked_by_the_beginning_of_its_label_when_only_one_begins_so() {
    let w = World::start().await;
    let script = "boris /ticket open question: не работает экспорт\n\
                  lena clicks \"claim\" in #l1-desk\n\
                  lena /resolve summary: Исправили in #l1-desk thread\n\
                  boris clicks \"нет\"\n";
    let (report, printed) = run(&w, script, console::Format::Human).await;
    assert!(report.errors.is_empty(), "{:?}\n{printed}", report.errors);
    assert!(
        printed.contains("▶ boris clicks \"нет\"\n── boris sees"),
        "the click did something boris saw\n{printed}"
    );
    // "Cl" begins both Claim and Close on the card: no guess.
    let (report, _) = run(
        &w,
        "alice /ticket open question: x y z\nlena clicks \"cl\" in #l1-desk\n",
        console::Format::Human,
    )
    .await;
    assert_eq!(report.errors.len(), 1, "{:?}", report.errors);
}

#[tokio::test]
async fn show_prints_no_empty_lines_for_discords_own_added_to_the_thread_messages() {
    let w = World::start().await;
    let script = "boris /ticket open question: не работает экспорт\n\
                  lena clicks \"claim\" in #l1-desk\n\
                  show boris\n";
    let (report, printed) = run(&w, script, console::Format::Human).await;
    assert!(report.errors.is_empty(), "{:?}\n{printed}", report.errors);
    let shown = &printed[printed.find("▶ show boris").expect("show ran")..];
    assert!(
        shown.contains("Здравствуйте"),
        "the greeting is shown\n{shown}"
    );
    assert!(
        !shown
            .lines()
            .any(|l| l.trim_end().ends_with("supportline:")),
        "a bot line with nothing in it\n{shown}"
    );
}

#[tokio::test]
async fn boris_types_commands_and_options_by_the_russian_names_his_discord_shows() {
    let w = World::start().await;
    let script = "boris /спросить вопрос: как переоткрыть тикет?\n\
                  boris /тикет открыть вопрос: не работает экспорт\n\
                  boris /тикет инфо тикет: 1\n\
                  boris /закрыть причина: сам разобрался in #support thread\n\
                  boris /переоткрыть тикет: 1 in #support\n";
    let (report, printed) = run(&w, script, console::Format::Human).await;
    assert!(report.errors.is_empty(), "{:?}\n{printed}", report.errors);
    for said in [
        "Как переоткрыть тикет",
        "Ваш тикет #1 открыт",
        "Тикет закрыл(а) @boris",
        "Тикет #1 снова открыт",
    ] {
        assert!(printed.contains(said), "no {said:?} in\n{printed}");
    }
}

#[tokio::test]
async fn a_name_typed_after_an_at_sign_is_a_mention_as_the_discord_client_sends_it() {
    let w = World::start().await;
    let script = "boris in #help: @supportline не работает оплата картой, что делать?\n";
    let (report, printed) = run(&w, script, console::Format::Human).await;
    assert!(report.errors.is_empty(), "{:?}\n{printed}", report.errors);
    assert!(
        printed.contains("boris: @supportline не работает"),
        "shown as the mention it is\n{printed}"
    );
    assert!(
        printed.contains("[Позвать человека]"),
        "the bot, spoken to, offers a human\n{printed}"
    );
}
