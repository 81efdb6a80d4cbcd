//! A fresh database per test, on each backend, cleaned up afterwards.

use chrono::{DateTime, Duration, TimeZone, Utc};
use supportline::i18n::Locale;
use supportline::store::{OpenOutcome, Store};
use supportline::tickets::{
    Actor, ChannelId, GuildId, GuildSettings, Level, NewTicket, RoleId, Ticket, TicketSource,
    UserId,
};

pub const GUILD: GuildId = GuildId(1_000_000_000_000_000_001);
pub const ALICE: UserId = UserId(1_100_000_000_000_000_001);
pub const BORIS: UserId = UserId(1_100_000_000_000_000_002);

/// A database for one test. Dropping it removes it.
pub struct TestDb {
    /// "sqlite" or "postgres", for assertion messages.
    pub backend: &'static str,
    pub url: String,
    _guard: Guard,
}

enum Guard {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres { admin_url: String, name: String },
}

impl TestDb {
    pub async fn store(&self) -> Store {
        Store::connect(&self.url)
            .await
            .unwrap_or_else(|e| panic!("{}: connecting: {e:?}", self.backend))
    }
}

/// SQLite always; PostgreSQL too when the environment says where.
pub async fn backends() -> Vec<TestDb> {
    let mut dbs = vec![sqlite()];
    if let Ok(admin_url) = std::env::var("SUPPORTLINE_TEST_POSTGRES_URL") {
        dbs.push(postgres(admin_url).await);
    }
    dbs
}

fn sqlite() -> TestDb {
    let dir = tempfile::tempdir().expect("a temporary folder");
    // A folder that does not exist yet: connect must create it.
    let url = format!("sqlite://{}/data/supportline.db", dir.path().display());
    TestDb {
        backend: "sqlite",
        url,
        _guard: Guard::Sqlite(dir),
    }
}

async fn postgres(admin_url: String) -> TestDb {
    use sqlx::Connection;
    sqlx::any::install_default_drivers();
    let name = format!("sl_{:016x}", fastrand::u64(..));
    let mut admin = sqlx::AnyConnection::connect(&admin_url)
        .await
        .expect("connecting to SUPPORTLINE_TEST_POSTGRES_URL");
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut admin)
        .await
        .expect("creating a test database");
    admin.close().await.ok();
    let (base, _) = admin_url.rsplit_once('/').expect("a database in the URL");
    TestDb {
        backend: "postgres",
        url: format!("{base}/{name}"),
        _guard: Guard::Postgres { admin_url, name },
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        let Guard::Postgres { admin_url, name } = self else {
            return;
        };
        let (admin_url, db) = (admin_url.clone(), name.clone());
        // Drop runs inside the test's runtime, which cannot be blocked on;
        // a thread with its own runtime can.
        let dropped = std::thread::spawn(move || {
            use sqlx::Connection;
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()?;
            rt.block_on(async {
                let mut admin = sqlx::AnyConnection::connect(&admin_url).await?;
                sqlx::query(&format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"))
                    .execute(&mut admin)
                    .await?;
                admin.close().await
            })
            .map_err(std::io::Error::other)
        })
        .join();
        if !matches!(dropped, Ok(Ok(()))) {
            eprintln!("could not drop test database {name}: {dropped:?}");
        }
    }
}

pub fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, 1, 9, 0, 0).unwrap()
}

pub fn at(minutes: i64) -> DateTime<Utc> {
    t0() + Duration::minutes(minutes)
}

pub fn staff(id: u64, level: Level) -> Actor {
    Actor::staff(UserId(id), &[level])
}

/// A fully set-up guild: support channel 10, level n's channel 10+n and
/// role 20+n.
pub fn settings() -> GuildSettings {
    let mut s = GuildSettings::new(GUILD);
    s.support_channel = Some(ChannelId(10));
    for level in Level::ALL {
        let n = u64::from(level.number());
        s.level_mut(level).channel = Some(ChannelId(10 + n));
        s.level_mut(level).role = Some(RoleId(20 + n));
    }
    s
}

pub fn question(user: UserId, text: &str, source: u64) -> NewTicket {
    NewTicket::new(
        GUILD,
        user,
        text,
        Locale::En,
        TicketSource::Interaction(source),
    )
    .expect("a valid question")
}

/// Opens a ticket that must open.
pub async fn open(store: &Store, user: UserId, source: u64, now: DateTime<Utc>) -> Ticket {
    let new = question(user, "Login fails since this morning", source);
    match store
        .open_ticket(new, &format!("k{source}"), now)
        .await
        .expect("opening")
    {
        OpenOutcome::Opened(t) => t,
        other => panic!("expected a new ticket, got {other:?}"),
    }
}
