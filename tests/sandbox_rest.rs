//! The REST side through serenity's own HTTP client.

mod support;

use serenity::all::{ChannelId, CreateMessage, GetMessages};
use supportline::sandbox::{Sandbox, ServerSpec};

fn server() -> ServerSpec {
    ServerSpec::parse(
        "server Acme\nrole L1\ncategory Support\nchannel help in Support\nchannel l1-desk in Support\n  hide\n  allow L1: view_channel\nmember alice\nmember lena roles L1\n",
    )
    .expect("the test server reads")
}

#[tokio::test]
async fn serenity_reads_the_gateway_the_bot_and_its_application() {
    let sandbox = Sandbox::start_local(server()).await.unwrap();
    let http = sandbox.http_for_bot();
    let gateway = http.get_gateway().await.unwrap();
    assert_eq!(gateway.url, sandbox.gateway_url());
    let me = http.get_current_user().await.unwrap();
    assert_eq!(me.id.get(), sandbox.bot_user_id());
    assert!(me.bot);
    let app = http.get_current_application_info().await.unwrap();
    assert_eq!(app.id.get(), sandbox.application_id());
    support::openapi::assert_valid(&sandbox.exchanges());
}

#[tokio::test]
async fn messages_page_newest_first_by_before_and_after() {
    let sandbox = Sandbox::start_local(server()).await.unwrap();
    let http = sandbox.http_for_bot();
    let help = ChannelId::new(sandbox.channel("help").unwrap().id);
    for i in 0..5 {
        help.send_message(&http, CreateMessage::new().content(format!("m{i}")))
            .await
            .unwrap();
    }
    let newest = help
        .messages(&http, GetMessages::new().limit(2))
        .await
        .unwrap();
    let texts: Vec<_> = newest.iter().map(|m| m.content.as_str()).collect();
    assert_eq!(texts, ["m4", "m3"]);
    let older = help
        .messages(&http, GetMessages::new().before(newest[1].id).limit(10))
        .await
        .unwrap();
    let texts: Vec<_> = older.iter().map(|m| m.content.as_str()).collect();
    assert_eq!(texts, ["m2", "m1", "m0"]);
    let after = help
        .messages(&http, GetMessages::new().after(older[2].id).limit(2))
        .await
        .unwrap();
    let texts: Vec<_> = after.iter().map(|m| m.content.as_str()).collect();
    assert_eq!(texts, ["m2", "m1"]);
    support::openapi::assert_valid(&sandbox.exchanges());
}

#[test]
fn the_openapi_check_catches_a_message_without_content() {
    let mut exchange = supportline::sandbox::Exchange {
        method: "GET".into(),
        path: "/channels/1/messages/2".into(),
        query: None,
        route: Some("/channels/{channel_id}/messages/{message_id}".into()),
        status: 200,
        request_content_type: None,
        request_body: None,
        response_body: Some(serde_json::json!({"id": "2", "channel_id": "1"})),
        uploads: vec![],
    };
    let found = support::openapi::problems(std::slice::from_ref(&exchange));
    assert!(found.iter().any(|p| p.contains("content")), "{found:?}");
    exchange.path = "/nowhere".into();
    exchange.route = None;
    assert!(support::openapi::problems(&[exchange]).is_empty());
}
