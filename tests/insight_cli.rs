//! `supportline migrate`, `stats` and `kb report` from the shell, against a
//! SQLite file seeded through the store with a scripted history.

#![allow(clippy::unwrap_used)] // tests may unwrap

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::{DateTime, Duration, Utc};
use supportline::i18n::Locale;
use supportline::store::{L0Click, NewL0Exchange, OpenOutcome, Store};
use supportline::tickets::{
    self, Actor, ChannelId, GuildId, Level, NewTicket, Rating, TicketSource, UserId,
};

const GUILD: GuildId = GuildId(1_000_000_000_000_000_001);
const QUIET_GUILD: GuildId = GuildId(1_000_000_000_000_000_002);
const ALICE: UserId = UserId(1_100_000_000_000_000_001);
const BORIS: UserId = UserId(1_100_000_000_000_000_002);

struct Seeded {
    _dir: tempfile::TempDir,
    path: PathBuf,
    url: String,
}

fn supportline(cwd: &Path, args: &[&str], url: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_supportline"))
        .args(args)
        .current_dir(cwd)
        .env("DATABASE_URL", url)
        .env_remove("DISCORD_TOKEN")
        .env_remove("KNOWLEDGE_DIR")
        // English unless a test asks otherwise, whatever this machine's LANG.
        .env("SUPPORTLINE_LOCALE", "en")
        .output()
        .expect("the supportline binary runs")
}

fn stdout(o: &Output) -> String {
    assert!(
        o.status.success(),
        "exit {:?}\nstdout:\n{}\nstderr:\n{}",
        o.status,
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn asked(
    guild: GuildId,
    user: UserId,
    question: &str,
    article: Option<&str>,
    confidence: f64,
) -> NewL0Exchange {
    NewL0Exchange {
        guild,
        user,
        channel: ChannelId(3),
        question: question.into(),
        locale: Locale::En,
        article: article.map(str::to_owned),
        confidence,
        candidates: vec!["billing-invoices".into()],
        small_talk: None,
    }
}

/// Two days ago, a scripted day of support:
/// - L0: four questions (two answered, one of them confirmed, one followed
///   by "talk to a human"; two unanswered), and one more 40 days ago;
/// - Alice's ticket: answered at L1 after 5 min, confirmed with 4 stars
///   after 20 min;
/// - Boris's ticket: escalated to L2 after 10 min, L2 misses its hour,
///   answers at 80 min (70 after arriving) and closes it at 100 min;
/// - another server with one unanswered question.
async fn seed() -> Seeded {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("support.db");
    let url = format!("sqlite://{}", path.display());
    let store = Store::connect(&url).await.expect("a fresh database");
    let start: DateTime<Utc> = Utc::now() - Duration::days(2);
    let at = |m: i64| start + Duration::minutes(m);

    let record = |e: NewL0Exchange, when: DateTime<Utc>| {
        let store = store.clone();
        async move { store.record_l0_exchange(&e, when).await.expect("recorded") }
    };
    record(
        asked(GUILD, BORIS, "an ancient question", None, 0.1),
        Utc::now() - Duration::days(40),
    )
    .await;
    let solved = record(
        asked(
            GUILD,
            BORIS,
            "how to reset password",
            Some("password-reset"),
            0.9,
        ),
        at(0),
    )
    .await;
    let unhelpful = record(
        asked(
            GUILD,
            BORIS,
            "export invoices to csv",
            Some("billing-invoices"),
            0.7,
        ),
        at(0),
    )
    .await;
    let unanswered = record(
        asked(GUILD, ALICE, "How do I export my invoices?", None, 0.3),
        at(0),
    )
    .await;
    record(
        asked(GUILD, ALICE, "how do i export my invoices", None, 0.3),
        at(0),
    )
    .await;
    record(asked(QUIET_GUILD, ALICE, "dark mode?", None, 0.0), at(0)).await;
    for (id, click) in [
        (solved, L0Click::Solved),
        (unhelpful, L0Click::TalkToHuman),
        (unanswered, L0Click::TalkToHuman),
    ] {
        store.mark_l0_click(id, &click, at(1)).await.expect("click");
    }

    let lena = Actor::staff(UserId(31), &[Level::L1]);
    let mark = Actor::staff(UserId(41), &[Level::L2]);
    let alice = Actor::member(ALICE);
    let open = |user: UserId, source: TicketSource, key: &'static str| {
        let store = store.clone();
        async move {
            let new = NewTicket::new(GUILD, user, "help", Locale::En, source).expect("valid");
            match store.open_ticket(new, key, at(0)).await.expect("opening") {
                OpenOutcome::Opened(t) => t,
                other => panic!("expected a ticket, got {other:?}"),
            }
        }
    };
    let t1 = open(ALICE, TicketSource::L0Exchange(unanswered), "a").await;
    let four = Rating::try_from(4u8).expect("a rating");
    store
        .transition(t1.id, |t| tickets::first_response(t, &lena, at(5)))
        .await
        .expect("first response");
    store
        .transition(t1.id, |t| tickets::request_resolve(t, &lena, None, at(10)))
        .await
        .expect("resolve");
    store
        .transition(t1.id, |t| {
            tickets::confirm(t, &alice, Some(four), None, at(20))
        })
        .await
        .expect("confirm");

    let t2 = {
        let mut new = NewTicket::new(
            GUILD,
            BORIS,
            "help",
            Locale::En,
            TicketSource::Interaction(2),
        )
        .expect("valid");
        new.intake.topic = Some("Payments".into());
        match store.open_ticket(new, "b", at(0)).await.expect("opening") {
            OpenOutcome::Opened(t) => t,
            other => panic!("expected a ticket, got {other:?}"),
        }
    };
    store
        .transition(t2.id, |t| {
            tickets::escalate(t, &lena, None, "billing", at(10))
        })
        .await
        .expect("escalate");
    store
        .transition(t2.id, |t| {
            tickets::sla_breach(t, Duration::hours(1), at(70))
        })
        .await
        .expect("breach");
    store
        .transition(t2.id, |t| tickets::first_response(t, &mark, at(80)))
        .await
        .expect("first response");
    store
        .transition(t2.id, |t| tickets::close(t, &mark, None, at(100)))
        .await
        .expect("close");
    store.close().await;
    Seeded {
        _dir: dir,
        path,
        url,
    }
}

#[tokio::test]
async fn stats_prints_the_numbers_of_the_scripted_history() {
    let db = seed().await;
    let cwd = db.path.parent().unwrap();
    let out = stdout(&supportline(
        cwd,
        &["stats", "--guild", &GUILD.0.to_string()],
        &db.url,
    ));
    let expected = [
        format!("Server {}", GUILD.0),
        "(30 days)".into(),
        "L0 · self-service\n  Questions: 4\n  Answered: 2 (50%)\n  Confirmed helpful: 1 (50%)\n  Asked for a human: 2\n".into(),
        "Tickets\n  Opened: 2, reopened: 0, closed: 2\n  Average rating: 4.0 (1 rating)\n  SLA breaches: 1\n  Waiting on the user: median 15 min, 90th percentile 20 min, in all 35 min\n".into(),
        "L1\n  Received: 2, resolved: 1, escalated: 1\n  Escalation rate: 50%\n  First response: median 5 min, 90th percentile 5 min\n  Resolution: median 20 min, 90th percentile 20 min\n  Time at this level: median 10 min, 90th percentile 20 min\n  SLA breaches: 0\n".into(),
        "L2\n  Received: 1, resolved: 1, escalated: 0\n  Escalation rate: 0%\n  First response: median 1 h 10 min, 90th percentile 1 h 10 min\n  Resolution: median 1 h 40 min, 90th percentile 1 h 40 min\n  Time at this level: median 1 h 30 min, 90th percentile 1 h 30 min\n  SLA breaches: 1\n".into(),
        "L3\n  Received: 0, resolved: 0, escalated: 0\n  Escalation rate: —\n  First response: median —, 90th percentile —\n".into(),
        // The ticket with a topic, as /stats lists it.
        "Tickets by topic\n  Payments: opened 1, closed 1\n".into(),
    ];
    for e in &expected {
        assert!(out.contains(e.as_str()), "missing {e:?} in\n{out}");
    }
    assert!(!out.contains(&QUIET_GUILD.0.to_string()), "{out}");
}

#[tokio::test]
async fn stats_covers_every_server_with_data_and_speaks_russian() {
    let db = seed().await;
    let cwd = db.path.parent().unwrap();
    let out = stdout(&supportline(cwd, &["stats", "--locale", "ru"], &db.url));
    assert!(out.contains(&format!("Сервер {}", GUILD.0)), "{out}");
    assert!(out.contains(&format!("Сервер {}", QUIET_GUILD.0)), "{out}");
    assert!(out.contains("Вопросов: 4"), "{out}");
    assert!(out.contains("Вопросов: 1"), "{out}");
    assert!(out.contains("Средняя оценка: 4,0 (1 оценка)"), "{out}");
    assert!(out.contains("Первый ответ: медиана 1 ч 10 мин"), "{out}");
}

#[tokio::test]
async fn a_short_window_leaves_out_what_happened_before_it() {
    let db = seed().await;
    let cwd = db.path.parent().unwrap();
    let out = stdout(&supportline(cwd, &["stats", "--days", "1"], &db.url));
    assert!(out.starts_with("No questions or tickets between"), "{out}");
    // 40 days back includes the ancient question.
    let out = stdout(&supportline(
        cwd,
        &["stats", "--days", "45", "--guild", &GUILD.0.to_string()],
        &db.url,
    ));
    assert!(out.contains("Questions: 5"), "{out}");
}

#[tokio::test]
async fn stats_draws_the_chart_when_asked() {
    let db = seed().await;
    let cwd = db.path.parent().unwrap();
    let chart = cwd.join("ladder.png");
    let chart_arg = chart.display().to_string();
    stdout(&supportline(
        cwd,
        &[
            "stats",
            "--guild",
            &GUILD.0.to_string(),
            "--chart",
            &chart_arg,
        ],
        &db.url,
    ));
    let png = std::fs::read(&chart).expect("the chart was written");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(&png[12..16], b"IHDR");
    assert_eq!(
        u32::from_be_bytes([png[16], png[17], png[18], png[19]]),
        800
    );
    assert_eq!(
        u32::from_be_bytes([png[20], png[21], png[22], png[23]]),
        450
    );
}

#[tokio::test]
async fn kb_report_lists_the_unanswered_and_unhelpful_questions_grouped() {
    let db = seed().await;
    let cwd = db.path.parent().unwrap();
    let out = stdout(&supportline(
        cwd,
        &["kb", "report", "--guild", &GUILD.0.to_string()],
        &db.url,
    ));
    assert!(out.contains("3 questions of the last 30 days"), "{out}");
    assert!(
        out.contains(
            "1. \"How do I export my invoices?\" — asked 3× (2 unanswered, 1 unhelpful) [en]\n   closest article: billing-invoices (confidence 0.70)\n   also: \"export invoices to csv\" (1×)"
        ),
        "{out}"
    );
    assert!(!out.contains("reset password"), "a solved question: {out}");
    let ru = stdout(&supportline(
        cwd,
        &[
            "kb",
            "report",
            "--guild",
            &GUILD.0.to_string(),
            "--locale",
            "ru",
        ],
        &db.url,
    ));
    assert!(ru.contains("3 вопроса за последние 30 дней"), "{ru}");
    assert!(
        ru.contains("1. «How do I export my invoices?» — спрашивали 3× (2 без ответа, 1 без пользы) [en]\n   ближайшая статья: billing-invoices (уверенность 0.70)"),
        "{ru}"
    );
    assert!(!out.contains("ancient"), "outside the window: {out}");
    assert!(!out.contains("dark mode"), "another server: {out}");
}

#[test]
fn read_only_commands_refuse_a_missing_database_without_creating_it() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.db");
    let url = format!("sqlite://{}", missing.display());
    for args in [&["stats"][..], &["kb", "report"][..]] {
        let out = supportline(dir.path(), args, &url);
        assert!(!out.status.success(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.trim().lines().count(), 1, "{err}");
        assert!(err.contains("no database at"), "{err}");
        assert!(!missing.exists(), "{args:?} created the file");
    }
}

#[test]
fn migrate_creates_the_database_and_needs_no_discord_token() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("data/new.db");
    let url = format!("sqlite://{}", file.display());
    let out = stdout(&supportline(dir.path(), &["migrate"], &url));
    assert!(out.contains("up to date"), "{out}");
    assert!(file.is_file());
    // And the read-only commands now find it (empty).
    let out = stdout(&supportline(
        dir.path(),
        &["stats", "--database", &url],
        "sqlite::memory:",
    ));
    assert!(out.starts_with("No questions or tickets"), "{out}");
    // An empty log is reported as empty, not as "every question answered".
    let out = stdout(&supportline(dir.path(), &["kb", "report"], &url));
    assert!(out.starts_with("No questions were asked"), "{out}");
}

#[tokio::test]
async fn kb_report_with_the_knowledge_base_names_the_closest_article_and_its_title() {
    let db = seed().await;
    let store = Store::connect(&db.url).await.expect("the seeded database");
    let asked_at = Utc::now() - Duration::hours(1);
    store
        .record_l0_exchange(
            &asked(
                GUILD,
                BORIS,
                "how long until staff reply to my ticket??",
                None,
                0.2,
            ),
            asked_at,
        )
        .await
        .expect("recorded");
    store.close().await;
    let cwd = db.path.parent().unwrap();
    let knowledge = Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge");
    let knowledge_arg = knowledge.display().to_string();
    let out = stdout(&supportline(
        cwd,
        &[
            "kb",
            "report",
            "--guild",
            &GUILD.0.to_string(),
            "--knowledge",
            &knowledge_arg,
        ],
        &db.url,
    ));
    let group = out
        .split("\n\n")
        .find(|g| g.contains("how long until staff reply"))
        .unwrap_or_else(|| panic!("the new question is missing from\n{out}"));
    let closest = group
        .lines()
        .find(|l| l.trim_start().starts_with("closest article:"))
        .unwrap_or_else(|| panic!("no closest article in\n{group}"));
    // `id — Title (confidence 0.xx)`: the matcher's candidate, with its title.
    assert!(
        closest.contains(" — ") && closest.contains("(confidence 0."),
        "{closest}"
    );
}

/// The sandbox's clock after `wait 3d`: the bot recorded a question three
/// days ahead of this machine's clock, and `/stats` counted it.
#[tokio::test]
async fn stats_reads_the_window_the_bot_reported_when_its_clock_ran_ahead() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ahead.db");
    let url = format!("sqlite://{}", path.display());
    let store = Store::connect(&url).await.unwrap();
    let ahead = Utc::now() + Duration::days(3);
    store
        .record_l0_exchange(&asked(GUILD, ALICE, "from the future", None, 0.2), ahead)
        .await
        .unwrap();
    store.close().await;
    let out = supportline(dir.path(), &["stats", "--days", "7"], &url);
    let text = stdout(&out);
    assert!(text.contains("Questions: 1"), "{text}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("later than this machine's clock"), "{err}");
}
