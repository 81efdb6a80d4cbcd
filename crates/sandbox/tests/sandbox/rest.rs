//! The REST side through serenity's own HTTP client.

use crate::support;

use serenity::all::{ChannelId, CreateMessage, GetMessages};
use supportline_sandbox::{Sandbox, ServerSpec};

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
    if !support::openapi::available() {
        return;
    }
    let mut exchange = supportline_sandbox::Exchange {
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

fn code_of(error: serenity::Error) -> (u16, isize) {
    match error {
        serenity::Error::Http(serenity::all::HttpError::UnsuccessfulRequest(answer)) => {
            (answer.status_code.as_u16(), answer.error.code)
        }
        other => panic!("not an HTTP error: {other}"),
    }
}

#[tokio::test]
async fn an_unknown_route_answers_discords_404_body() {
    let sandbox = Sandbox::start_local(server()).await.unwrap();
    let url = format!("{}/api/v10/channels/1/nowhere", sandbox.base_url());
    let answer = reqwest::Client::new()
        .get(url)
        .header("Authorization", format!("Bot {}", sandbox.token()))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status().as_u16(), 404);
    let body: serde_json::Value = serde_json::from_str(&answer.text().await.unwrap()).unwrap();
    assert_eq!(
        body,
        serde_json::json!({"message": "404: Not Found", "code": 0})
    );
}

#[tokio::test]
async fn a_call_without_the_bot_token_is_unauthorized() {
    let sandbox = Sandbox::start_local(server()).await.unwrap();
    let url = format!("{}/api/v10/users/@me", sandbox.base_url());
    let answer = reqwest::Client::new().get(url).send().await.unwrap();
    assert_eq!(answer.status().as_u16(), 401);
}

#[tokio::test]
async fn planned_rate_limits_fail_the_next_calls_then_pass() {
    use supportline_sandbox::Failure;
    let sandbox = Sandbox::start_local(server()).await.unwrap();
    let http = sandbox.http_without_ratelimiter();
    let help = ChannelId::new(sandbox.channel("help").unwrap().id);
    let limited = Failure::RateLimited {
        retry_after: 1.5,
        global: true,
    };
    sandbox
        .faults()
        .fail_next("POST /channels/{channel_id}/messages", 2, limited)
        .unwrap();

    for _ in 0..2 {
        let error = help.say(&http, "hi").await.unwrap_err();
        assert_eq!(code_of(error).0, 429);
    }
    help.say(&http, "hi").await.unwrap();

    let refused = &sandbox.exchanges()[0];
    let body = refused.response_body.as_ref().unwrap();
    assert_eq!(body["retry_after"], 1.5);
    assert_eq!(body["global"], true);
    support::openapi::assert_valid(&sandbox.exchanges());
}

#[tokio::test]
async fn a_rate_limit_answer_carries_discords_headers() {
    use supportline_sandbox::Failure;
    let sandbox = Sandbox::start_local(server()).await.unwrap();
    let limited = Failure::RateLimited {
        retry_after: 2.0,
        global: true,
    };
    sandbox
        .faults()
        .fail_next("GET /users/@me", 1, limited)
        .unwrap();
    let answer = reqwest::Client::new()
        .get(format!("{}/api/v10/users/@me", sandbox.base_url()))
        .header("Authorization", format!("Bot {}", sandbox.token()))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status().as_u16(), 429);
    assert_eq!(answer.headers()["retry-after"], "2");
    assert_eq!(answer.headers()["x-ratelimit-global"], "true");
}

#[tokio::test]
async fn a_planned_server_error_fails_once() {
    use supportline_sandbox::Failure;
    let sandbox = Sandbox::start_local(server()).await.unwrap();
    let http = sandbox.http_for_bot();
    sandbox
        .faults()
        .fail_next("GET /users/@me", 1, Failure::ServerError)
        .unwrap();
    assert_eq!(code_of(http.get_current_user().await.unwrap_err()).0, 500);
    http.get_current_user().await.unwrap();
}

#[tokio::test]
async fn a_fault_for_a_route_the_sandbox_does_not_serve_is_refused() {
    use supportline_sandbox::{Failure, FaultError};
    let sandbox = Sandbox::start_local(server()).await.unwrap();
    let outcome =
        sandbox
            .faults()
            .fail_next("POST /channels/{id}/messages", 1, Failure::ServerError);
    assert!(matches!(outcome, Err(FaultError::UnknownRoute(_))));
}

#[tokio::test]
async fn added_latency_delays_every_answer() {
    let sandbox = Sandbox::start_local(server()).await.unwrap();
    let http = sandbox.http_for_bot();
    let latency = std::time::Duration::from_millis(150);
    sandbox.faults().set_latency(latency);
    let started = std::time::Instant::now();
    http.get_current_user().await.unwrap();
    assert!(started.elapsed() >= latency);
}

#[tokio::test]
async fn one_route_can_be_given_its_own_latency() {
    let sandbox = Sandbox::start_local(server()).await.unwrap();
    let http = sandbox.http_for_bot();
    let latency = std::time::Duration::from_millis(150);
    sandbox
        .faults()
        .set_route_latency("GET /users/@me", latency)
        .unwrap();
    let started = std::time::Instant::now();
    http.get_current_user().await.unwrap();
    assert!(started.elapsed() >= latency);
    let unknown = sandbox
        .faults()
        .set_route_latency("GET /users/{id}/nothing", latency);
    assert!(matches!(
        unknown,
        Err(supportline_sandbox::FaultError::UnknownRoute(_))
    ));
}

#[tokio::test]
async fn discords_errors_name_what_went_wrong() {
    let sandbox = Sandbox::start_local(server()).await.unwrap();
    let http = sandbox.http_for_bot();
    let help = ChannelId::new(sandbox.channel("help").unwrap().id);

    let unknown_channel = ChannelId::new(12345).say(&http, "x").await.unwrap_err();
    assert_eq!(code_of(unknown_channel), (404, 10003));
    let unknown_message = help
        .message(&http, serenity::all::MessageId::new(1))
        .await
        .unwrap_err();
    assert_eq!(code_of(unknown_message), (404, 10008));
    let long = serenity::all::CreateEmbed::new().description("x".repeat(4097));
    let too_long = help
        .send_message(&http, CreateMessage::new().embed(long))
        .await
        .unwrap_err();
    assert_eq!(code_of(too_long), (400, 50035));
    let empty = help
        .send_message(&http, CreateMessage::new())
        .await
        .unwrap_err();
    assert_eq!(code_of(empty), (400, 50006));
    support::openapi::assert_valid_but_refused_requests(&sandbox.exchanges());
}

#[tokio::test]
async fn a_channel_hidden_from_the_bot_is_missing_access() {
    let spec =
        ServerSpec::parse("server X\nrole L1\nchannel desk\n  hide\n  allow L1: view_channel")
            .unwrap();
    let sandbox = Sandbox::start_local(spec).await.unwrap();
    let http = sandbox.http_for_bot();
    let desk = ChannelId::new(sandbox.channel("desk").unwrap().id);
    assert_eq!(
        code_of(desk.say(&http, "x").await.unwrap_err()),
        (403, 50001)
    );
    support::openapi::assert_valid(&sandbox.exchanges());
}

#[tokio::test]
async fn a_file_sent_by_multipart_is_attached_and_served() {
    use serenity::all::CreateAttachment;
    let sandbox = Sandbox::start_local(server()).await.unwrap();
    let http = sandbox.http_for_bot();
    let help = ChannelId::new(sandbox.channel("help").unwrap().id);
    let file = CreateAttachment::bytes(b"<html>transcript</html>".to_vec(), "ticket-1.html");

    let sent = help
        .send_message(
            &http,
            CreateMessage::new().content("Transcript").add_file(file),
        )
        .await
        .unwrap();

    let attachment = &sent.attachments[0];
    assert_eq!(attachment.filename, "ticket-1.html");
    assert_eq!(attachment.size, 23);
    let served = reqwest::get(&attachment.url)
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(served, "<html>transcript</html>");
    assert!(attachment.url.contains("?ex="), "a signed CDN link");
    let unsigned = attachment.url.split('?').next().unwrap();
    assert_eq!(reqwest::get(unsigned).await.unwrap().status(), 404);
    sandbox.advance_clock(std::time::Duration::from_secs(25 * 3600));
    let expired = reqwest::get(&attachment.url).await.unwrap();
    assert_eq!(expired.status(), 404, "the link expired after a day");
    let alice = sandbox.person("alice").unwrap();
    let seen = alice
        .sees_in(&sandbox.channel("help").unwrap(), |m| {
            m.text == "Transcript"
        })
        .await
        .unwrap();
    assert_eq!(seen.attachments[0].filename, "ticket-1.html");
    assert_eq!(
        sandbox.file(seen.attachments[0].id).unwrap(),
        b"<html>transcript</html>"
    );
    assert_eq!(sandbox.exchanges()[0].uploads, ["ticket-1.html"]);
    support::openapi::assert_valid(&sandbox.exchanges());
}

#[tokio::test]
async fn command_localizations_are_kept_and_bad_names_refused() {
    use serenity::all::{Command, CreateCommand};
    let sandbox = Sandbox::start_local(server()).await.unwrap();
    let http = sandbox.http_for_bot();
    let ask = CreateCommand::new("ask")
        .description("Ask a question")
        .name_localized("ru", "вопрос")
        .description_localized("ru", "Задать вопрос");

    Command::set_global_commands(&http, vec![ask])
        .await
        .unwrap();

    let listed = Command::get_global_commands(&http).await.unwrap();
    assert_eq!(
        listed[0].name_localizations.as_ref().unwrap()["ru"],
        "вопрос"
    );
    let bad = Command::set_global_commands(&http, vec![CreateCommand::new("Ask").description("x")])
        .await
        .unwrap_err();
    assert_eq!(code_of(bad), (400, 50035));
    support::openapi::assert_valid_but_refused_requests(&sandbox.exchanges());
}

#[tokio::test]
async fn the_bot_edits_and_deletes_its_messages_but_not_other_peoples() {
    use serenity::all::EditMessage;
    let sandbox = Sandbox::start_local(server()).await.unwrap();
    let http = sandbox.http_for_bot();
    let help_ref = sandbox.channel("help").unwrap();
    let help = ChannelId::new(help_ref.id);
    let alice = sandbox.person("alice").unwrap();

    let mut own = help.say(&http, "draft").await.unwrap();
    own.edit(&http, EditMessage::new().content("final"))
        .await
        .unwrap();
    assert_eq!(own.content, "final");
    assert!(own.edited_timestamp.is_some());
    let theirs = alice.say(&help_ref, "mine").await.unwrap();
    let theirs_id = serenity::all::MessageId::new(theirs.id);
    let refused = help
        .edit_message(&http, theirs_id, EditMessage::new().content("hacked"))
        .await
        .unwrap_err();
    assert_eq!(code_of(refused), (403, 50005));
    help.delete_message(&http, own.id).await.unwrap();
    // Deleting someone else's message needs Manage Messages, which the
    // bot is not invited with.
    let refused = help.delete_message(&http, theirs_id).await.unwrap_err();
    assert_eq!(code_of(refused), (403, 50013));
    let left: Vec<u64> = sandbox.messages(&help_ref).iter().map(|m| m.id).collect();
    assert_eq!(left, [theirs.id]);
    support::openapi::assert_valid_but_refused_requests(&sandbox.exchanges());
}

#[tokio::test]
async fn the_bot_changes_a_channel_and_deletes_a_thread() {
    use serenity::all::{ChannelType, CreateThread, EditChannel};
    use supportline_sandbox::{spec::BotSpec, Permissions};
    let spec =
        server().bot_permissions(BotSpec::DEFAULT_PERMISSIONS | Permissions::MANAGE_CHANNELS);
    let sandbox = Sandbox::start_local(spec).await.unwrap();
    let http = sandbox.http_for_bot();
    let help = ChannelId::new(sandbox.channel("help").unwrap().id);

    help.edit(&http, EditChannel::new().topic("Ask here"))
        .await
        .unwrap();
    let thread = help
        .create_thread(
            &http,
            CreateThread::new("old").kind(ChannelType::PublicThread),
        )
        .await
        .unwrap();
    thread.id.delete(&http).await.unwrap();

    let info = sandbox
        .channel_info(&sandbox.channel("help").unwrap())
        .unwrap();
    assert_eq!(info.topic.as_deref(), Some("Ask here"));
    assert_eq!(
        code_of(thread.id.say(&http, "x").await.unwrap_err()),
        (404, 10003)
    );
    support::openapi::assert_valid(&sandbox.exchanges());
}

#[tokio::test]
async fn random_faults_from_one_seed_fail_the_same_calls_and_are_counted() {
    use supportline_sandbox::RandomFaults;
    async fn run(seed: u64) -> (Vec<u16>, supportline_sandbox::FaultCounts) {
        let sandbox = Sandbox::start_local(server()).await.unwrap();
        let http = sandbox.http_without_ratelimiter();
        // Only the injected faults: 40 calls would spend the route's bucket.
        sandbox.set_rate_limits(supportline_sandbox::RateLimits::generous());
        sandbox.faults().set_random(Some(RandomFaults {
            rate: 0.3,
            seed,
            rate_limited_share: 0.5,
            retry_after: 0.25,
        }));
        let mut statuses = Vec::new();
        for _ in 0..40 {
            statuses.push(match http.get_current_user().await {
                Ok(_) => 200,
                Err(e) => code_of(e).0,
            });
        }
        (statuses, sandbox.faults().injected())
    }
    let (first, counts) = run(7).await;
    let (again, _) = run(7).await;
    assert_eq!(first, again, "one seed, one run");
    assert_eq!(
        counts.total() as usize,
        first.iter().filter(|s| **s != 200).count()
    );
    assert!(
        counts.server_errors > 0 && counts.rate_limited > 0,
        "{counts:?}"
    );
}

#[tokio::test]
async fn a_route_rate_limit_names_its_bucket_as_discord_does() {
    use supportline_sandbox::Failure;
    let sandbox = Sandbox::start_local(server()).await.unwrap();
    let limited = Failure::RateLimited {
        retry_after: 0.25,
        global: false,
    };
    sandbox
        .faults()
        .fail_next("GET /users/@me", 1, limited)
        .unwrap();
    let answer = reqwest::Client::new()
        .get(format!("{}/api/v10/users/@me", sandbox.base_url()))
        .header("Authorization", format!("Bot {}", sandbox.token()))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status().as_u16(), 429);
    let headers = answer.headers();
    assert_eq!(headers["x-ratelimit-remaining"], "0");
    assert_eq!(headers["x-ratelimit-reset-after"], "0.250");
    assert_eq!(headers["x-ratelimit-scope"], "user");
    assert!(headers.get("x-ratelimit-bucket").is_some());
    assert!(headers.get("x-ratelimit-global").is_none());
}

/// The bot's outbox relies on both: a message sent again with the same
/// nonce and `enforce_nonce` is the message already sent (Discord:
/// "another message created by the same author with the same nonce… will
/// be returned and no new message will be created"), and a second thread
/// from one message is refused with 160004.
#[tokio::test]
async fn an_enforced_nonce_returns_the_message_already_sent_and_a_message_starts_one_thread() {
    use serenity::all::{CreateThread, Nonce};
    let sandbox = Sandbox::start_local(server()).await.unwrap();
    let http = sandbox.http_for_bot();
    let help = ChannelId::new(sandbox.channel("help").unwrap().id);
    let once = || {
        CreateMessage::new()
            .content("hello")
            .nonce(Nonce::String("s17g".into()))
            .enforce_nonce(true)
    };
    let first = help.send_message(&http, once()).await.unwrap();
    let again = help.send_message(&http, once()).await.unwrap();
    assert_eq!(first.id, again.id);
    let unenforced = help
        .send_message(
            &http,
            CreateMessage::new()
                .content("hello")
                .nonce(Nonce::String("s17g".into())),
        )
        .await
        .unwrap();
    assert_ne!(
        unenforced.id, first.id,
        "without enforce_nonce it is a new message"
    );
    let thread = help
        .create_thread_from_message(&http, first.id, CreateThread::new("t"))
        .await
        .unwrap();
    assert_eq!(
        thread.id.get(),
        first.id.get(),
        "the thread has the message's id"
    );
    let twice = help
        .create_thread_from_message(&http, first.id, CreateThread::new("t"))
        .await
        .unwrap_err();
    assert!(
        twice.to_string().contains("already been created"),
        "{twice}"
    );
}

#[tokio::test]
async fn a_staged_crash_holds_every_call_after_the_nth_until_cleared() {
    let sandbox = Sandbox::start_local(server()).await.unwrap();
    let http = sandbox.http_for_bot();
    let help = ChannelId::new(sandbox.channel("help").unwrap().id);
    sandbox.faults().cut_after(1, true);
    help.send_message(&http, CreateMessage::new().content("passes"))
        .await
        .unwrap();
    let held = tokio::time::timeout(
        std::time::Duration::from_millis(300),
        help.send_message(&http, CreateMessage::new().content("made, never answered")),
    )
    .await;
    assert!(held.is_err(), "the call after the first hangs");
    assert!(sandbox.faults().cut_tripped());
    sandbox.faults().clear_cut();
    let texts: Vec<String> = sandbox
        .messages(&sandbox.channel("help").unwrap())
        .into_iter()
        .map(|m| m.text)
        .collect();
    assert_eq!(texts, ["passes", "made, never answered"]);
}

/// Five messages into one channel, then a 429 from the channel's bucket;
/// every answer says what is left, as Discord's headers do.
#[tokio::test]
async fn every_answer_carries_its_bucket_and_a_spent_bucket_answers_429() {
    let sandbox = Sandbox::start_local(server()).await.unwrap();
    let help = sandbox.channel("help").unwrap();
    let post = || {
        reqwest::Client::new()
            .post(format!(
                "{}/api/v10/channels/{}/messages",
                sandbox.base_url(),
                help.id
            ))
            .header("Authorization", format!("Bot {}", sandbox.token()))
            .header("Content-Type", "application/json")
            .body(r#"{"content": "hi"}"#)
            .send()
    };
    let mut bucket = None;
    for left in (0..5).rev() {
        let answer = post().await.unwrap();
        assert_eq!(answer.status().as_u16(), 200);
        let h = answer.headers();
        assert_eq!(h["x-ratelimit-limit"], "5");
        assert_eq!(h["x-ratelimit-remaining"], left.to_string().as_str());
        let reset_after: f64 = h["x-ratelimit-reset-after"]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!(reset_after > 0.0 && reset_after <= 5.0, "{reset_after}");
        let reset: f64 = h["x-ratelimit-reset"].to_str().unwrap().parse().unwrap();
        assert!(reset > 1.7e9, "an epoch time: {reset}");
        bucket.get_or_insert(h["x-ratelimit-bucket"].clone());
    }
    let refused = post().await.unwrap();
    assert_eq!(refused.status().as_u16(), 429);
    let h = refused.headers().clone();
    assert_eq!(h["x-ratelimit-scope"], "user");
    assert_eq!(h["x-ratelimit-remaining"], "0");
    assert_eq!(Some(&h["x-ratelimit-bucket"]), bucket.as_ref());
    assert!(h.get("x-ratelimit-global").is_none());
    let body: serde_json::Value = serde_json::from_str(&refused.text().await.unwrap()).unwrap();
    assert_eq!(body["global"], false);
    assert!(body["retry_after"].as_f64().unwrap() > 0.0);
    assert_eq!(sandbox.messages(&help).len(), 5, "the sixth was not made");
}

/// With serenity's ratelimiter on, as against Discord, a burst larger
/// than the bucket all lands, in order, once: serenity waits the bucket
/// out instead of hitting the 429.
#[tokio::test]
async fn serenitys_ratelimiter_waits_out_a_small_bucket_and_every_message_lands_once() {
    use std::time::Duration;
    use supportline_sandbox::{Quota, RateLimits};
    let sandbox = Sandbox::start_local(server()).await.unwrap();
    sandbox.set_rate_limits(RateLimits {
        message_create: Quota::per(2, Duration::from_millis(200)),
        ..RateLimits::discord_like()
    });
    let http = sandbox.http_for_bot();
    let help = ChannelId::new(sandbox.channel("help").unwrap().id);
    for n in 0..7 {
        help.say(&http, format!("burst {n}")).await.unwrap();
    }
    let texts: Vec<String> = sandbox
        .messages(&sandbox.channel("help").unwrap())
        .into_iter()
        .map(|m| m.text)
        .collect();
    let expected: Vec<String> = (0..7).map(|n| format!("burst {n}")).collect();
    assert_eq!(texts, expected);
    let refused = sandbox
        .exchanges()
        .iter()
        .filter(|e| e.status == 429)
        .count();
    assert_eq!(refused, 0, "serenity never ran into the bucket");
}
