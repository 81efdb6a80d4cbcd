//! What an operator sees (issue 13): `/healthz` says the bot is up while
//! its gateway and database are, and `/metrics` counts what people did.

use std::collections::BTreeMap;

use crate::world::World;

/// One scrape, as `name{label="value",…}` → value (labels sorted).
struct Scrape(BTreeMap<String, f64>);

impl Scrape {
    async fn of(base: &str) -> Scrape {
        let response = reqwest::get(format!("{base}/metrics")).await.unwrap();
        assert_eq!(response.status(), 200);
        let kind = response.headers()["content-type"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(kind.starts_with("text/plain; version=0.0.4"), "{kind}");
        let text = response.text().await.unwrap();
        let mut series = BTreeMap::new();
        for line in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let (key, value) = line.rsplit_once(' ').unwrap();
            series.insert(normalized(key), value.parse().unwrap());
        }
        Scrape(series)
    }

    /// The value of a series (`0` when it is absent).
    fn get(&self, name: &str, labels: &[(&str, &str)]) -> f64 {
        let mut labels: Vec<String> = labels.iter().map(|(k, v)| format!("{k}=\"{v}\"")).collect();
        labels.sort();
        let key = if labels.is_empty() {
            name.to_owned()
        } else {
            format!("{name}{{{}}}", labels.join(","))
        };
        self.0.get(&key).copied().unwrap_or(0.0)
    }
}

/// `name{b="1",a="2"}` → `name{a="2",b="1"}`.
fn normalized(key: &str) -> String {
    let Some((name, rest)) = key.split_once('{') else {
        return key.to_owned();
    };
    let mut labels: Vec<&str> = rest.trim_end_matches('}').split(',').collect();
    labels.sort();
    format!("{name}{{{}}}", labels.join(","))
}

async fn health(base: &str) -> (u16, serde_json::Value) {
    let response = reqwest::get(format!("{base}/healthz")).await.unwrap();
    let status = response.status().as_u16();
    let body = serde_json::from_str(&response.text().await.unwrap()).unwrap();
    (status, body)
}

#[tokio::test]
async fn an_operator_scrapes_what_people_did_and_sees_the_bot_healthy() {
    let w = World::start().await;
    let server = w.serve_metrics().await;
    let base = format!("http://{}", server.addr());

    let (status, body) = health(&base).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["status"], "ok");
    assert_eq!(body["gateway"]["connected"], true);
    assert_eq!(body["gateway"]["shards"][0]["stage"], "connected");
    assert_eq!(body["database"]["reachable"], true);

    let before = Scrape::of(&base).await;
    let alice = w.person("alice");
    let help = w.channel("help");
    w.ask(&alice, &help, "how do I reopen a closed ticket?")
        .await;
    w.ask(&alice, &help, "zxqv blorp frobnicator quux").await;
    w.open_ticket(&alice, "my export fails with an error").await;
    w.sandbox.settled().await.unwrap();
    let after = Scrape::of(&base).await;

    let moved =
        |name: &str, labels: &[(&str, &str)]| after.get(name, labels) - before.get(name, labels);
    let l0 = "supportline_l0_questions_total";
    assert_eq!(moved(l0, &[("outcome", "answered")]), 1.0);
    assert_eq!(moved(l0, &[("outcome", "none")]), 1.0);
    assert_eq!(moved(l0, &[("outcome", "candidates")]), 0.0);
    assert_eq!(
        moved(
            "supportline_interaction_duration_seconds_count",
            &[("kind", "command")]
        ),
        3.0,
        "two /ask and one /ticket open"
    );
    assert_eq!(
        after.get("supportline_tickets", &[("level", "L1"), ("state", "open")]),
        1.0
    );
    assert!(
        after.get("supportline_timers_pending", &[]) >= 1.0,
        "the new ticket's SLA reminder waits"
    );
    assert_eq!(after.get("supportline_effects_pending", &[]), 0.0);
    assert_eq!(after.get("supportline_database_up", &[]), 1.0);
    assert_eq!(
        after.get(
            "supportline_gateway_shard_connected",
            &[("shard", "0"), ("stage", "connected")]
        ),
        1.0
    );
    server.stop().await;
}

#[tokio::test]
async fn health_turns_unavailable_when_the_database_is_gone() {
    let w = World::start().await;
    let server = w.serve_metrics().await;
    let base = format!("http://{}", server.addr());
    w.store.close().await;

    let (status, body) = health(&base).await;
    assert_eq!(status, 503, "{body}");
    assert_eq!(body["status"], "unavailable");
    assert_eq!(body["database"]["reachable"], false);
    assert_eq!(body["gateway"]["connected"], true);
    let scrape = Scrape::of(&base).await;
    assert_eq!(scrape.get("supportline_database_up", &[]), 0.0);
    server.stop().await;
}
