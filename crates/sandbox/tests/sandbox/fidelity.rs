//! Discord rules the bot relies on that the other files do not pin: who an
//! edit, a deferred reply, an ephemeral or suppressed message and an
//! interaction reply notify; enforce_nonce; archived threads refusing new
//! members and slash commands. Each row of docs/discord-fidelity.md names
//! its test; these are the rows' tests that live nowhere else.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::support;

use serenity::all::{
    AutoArchiveDuration, ChannelId, ChannelType, CreateAttachment, CreateMessage, CreateThread,
    EditThread, GatewayIntents, GetMessages, MessageFlags, MessageId, Nonce,
};
use support::bot::Bot;
use support::recording::Recording;
use supportline_sandbox::{DriverError, Sandbox, ServerSpec};

const SERVER: &str = "
server Acme
role L1 mentionable
channel help
member alice
member lena roles L1
";

async fn sandbox() -> Sandbox {
    Sandbox::start_local(ServerSpec::parse(SERVER).unwrap())
        .await
        .unwrap()
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
async fn an_edit_that_adds_a_mention_notifies_nobody() {
    let sandbox = sandbox().await;
    let (alice, lena) = (
        sandbox.person("alice").unwrap(),
        sandbox.person("lena").unwrap(),
    );
    let help = sandbox.channel("help").unwrap();
    let l1 = sandbox.role_id("L1").unwrap();

    let quiet = alice.say(&help, "is anyone there?").await.unwrap();
    let edited = alice
        .edit(
            &quiet,
            &format!("<@{}> <@&{l1}> is anyone there?", lena.id()),
        )
        .await
        .unwrap();
    assert!(edited.edited);
    assert_eq!(edited.pings.users, ["lena"], "mentions follow the new text");
    assert_eq!(edited.pings.roles, ["L1"]);
    assert!(edited.pings.notified.is_empty(), "{:?}", edited.pings);

    let loud = alice
        .say(&help, &format!("<@{}> help", lena.id()))
        .await
        .unwrap();
    assert_eq!(loud.pings.notified, ["lena"]);
    let calmed = alice.edit(&loud, "never mind").await.unwrap();
    assert!(calmed.pings.users.is_empty());
    assert_eq!(
        calmed.pings.notified,
        ["lena"],
        "a notification once sent stays sent"
    );
}

#[tokio::test]
async fn a_deferred_reply_finished_with_a_mention_notifies_nobody() {
    let sandbox = sandbox().await;
    let _bot = Bot::start(&sandbox).await;
    let (alice, lena) = (
        sandbox.person("alice").unwrap(),
        sandbox.person("lena").unwrap(),
    );
    let help = sandbox.channel("help").unwrap();
    let mention = format!("<@{}>", lena.id());

    let direct = alice
        .slash(&help, "hello", &[("name", mention.as_str().into())])
        .await
        .unwrap();
    let direct = direct.message().unwrap();
    assert_eq!(direct.pings.notified, ["lena"], "a direct reply pings");

    alice
        .slash(&help, "pick", &[("fruit", mention.as_str().into())])
        .await
        .unwrap();
    let wanted = format!("You picked {mention}");
    let finished = lena.sees_in(&help, |m| m.text == wanted).await.unwrap();
    assert_eq!(finished.pings.users, ["lena"]);
    assert!(
        finished.pings.notified.is_empty(),
        "finishing a deferred reply is an edit: {:?}",
        finished.pings
    );
    support::openapi::assert_valid(&sandbox.exchanges());
}

#[tokio::test]
async fn an_interaction_reply_without_allowed_mentions_does_not_ping_everyone() {
    let sandbox = sandbox().await;
    let _bot = Bot::start(&sandbox).await;
    let alice = sandbox.person("alice").unwrap();
    let help = sandbox.channel("help").unwrap();
    let greeting = alice.slash(&help, "hello", &[]).await.unwrap();
    let form = alice
        .click(greeting.message().unwrap(), "Feedback")
        .await
        .unwrap();

    // The bot (which has Mention Everyone) answers with the text as typed
    // and no allowed_mentions: Discord parses only user mentions then.
    let thanks = alice
        .submit_modal(form.modal().unwrap(), &[("text", "@everyone hi")])
        .await
        .unwrap();
    let thanks = thanks.message().unwrap();
    assert_eq!(thanks.text, "Thanks for the feedback: @everyone hi");
    assert!(thanks.allowed_mentions.is_none());
    assert!(!thanks.pings.everyone);
    assert!(thanks.pings.notified.is_empty(), "{:?}", thanks.pings);
}

#[tokio::test]
async fn a_suppressed_or_ephemeral_message_notifies_nobody() {
    let sandbox = sandbox().await;
    let _bot = Bot::start(&sandbox).await;
    let http = sandbox.http_for_bot();
    let (alice, lena) = (
        sandbox.person("alice").unwrap(),
        sandbox.person("lena").unwrap(),
    );
    let help = sandbox.channel("help").unwrap();
    let text = format!("<@{}> quietly", lena.id());

    ChannelId::new(help.id)
        .send_message(
            &http,
            CreateMessage::new()
                .content(&text)
                .flags(MessageFlags::SUPPRESS_NOTIFICATIONS),
        )
        .await
        .unwrap();
    let quiet = lena.sees_in(&help, |m| m.text == text).await.unwrap();
    assert_eq!(quiet.pings.users, ["lena"]);
    assert!(quiet.pings.notified.is_empty(), "{:?}", quiet.pings);

    let secret = alice
        .slash(
            &help,
            "hello",
            &[
                ("name", format!("<@{}>", lena.id()).into()),
                ("secret", true.into()),
            ],
        )
        .await
        .unwrap();
    let secret = secret.message().unwrap();
    assert!(secret.ephemeral);
    assert!(secret.pings.notified.is_empty(), "{:?}", secret.pings);
    support::openapi::assert_valid(&sandbox.exchanges());
}

#[tokio::test]
async fn an_enforced_nonce_sent_twice_makes_one_message() {
    let sandbox = sandbox().await;
    let http = sandbox.http_for_bot();
    let help = sandbox.channel("help").unwrap();
    let once = || {
        CreateMessage::new()
            .content("Ticket #7 opened")
            .nonce(Nonce::String("ticket-7-open".into()))
            .enforce_nonce(true)
    };

    let first = ChannelId::new(help.id)
        .send_message(&http, once())
        .await
        .unwrap();
    let again = ChannelId::new(help.id)
        .send_message(&http, once())
        .await
        .unwrap();
    let unenforced = ChannelId::new(help.id)
        .send_message(
            &http,
            CreateMessage::new()
                .content("Ticket #7 opened")
                .nonce(Nonce::String("ticket-7-open".into())),
        )
        .await
        .unwrap();

    assert_eq!(first.id, again.id, "the same message comes back");
    assert_ne!(first.id, unenforced.id, "without enforce_nonce it is new");
    let posted = sandbox
        .messages(&help)
        .iter()
        .filter(|m| m.text == "Ticket #7 opened")
        .count();
    assert_eq!(posted, 2);

    // Deleted, it is not made again: Discord answers Unknown Message.
    first.delete(&http).await.unwrap();
    let gone = ChannelId::new(help.id)
        .send_message(&http, once())
        .await
        .unwrap_err();
    assert_eq!(code_of(gone), (404, 10008));
    let long = ChannelId::new(help.id)
        .send_message(
            &http,
            CreateMessage::new()
                .content("x")
                .nonce(Nonce::String("n".repeat(26))),
        )
        .await
        .unwrap_err();
    assert_eq!(
        code_of(long),
        (400, 50035),
        "a nonce is at most 25 characters"
    );
    support::openapi::assert_valid_but_refused_requests(&sandbox.exchanges());
}

#[tokio::test]
async fn an_enforced_nonce_is_remembered_for_five_minutes_only() {
    let sandbox = sandbox().await;
    let http = sandbox.http_for_bot();
    let help = sandbox.channel("help").unwrap();
    let once = || {
        CreateMessage::new()
            .content("Ticket #8 opened")
            .nonce(Nonce::String("ticket-8-open".into()))
            .enforce_nonce(true)
    };
    let send = || ChannelId::new(help.id).send_message(&http, once());

    let first = send().await.unwrap();
    sandbox.advance_clock(std::time::Duration::from_secs(4 * 60));
    assert_eq!(send().await.unwrap().id, first.id, "four minutes on");
    sandbox.advance_clock(std::time::Duration::from_secs(2 * 60));
    let later = send().await.unwrap();

    assert_ne!(later.id, first.id, "six minutes on, Discord has forgotten");
    let posted = sandbox
        .messages(&help)
        .iter()
        .filter(|m| m.text == "Ticket #8 opened")
        .count();
    assert_eq!(posted, 2);
}

#[tokio::test]
async fn adding_someone_to_an_archived_thread_is_refused_with_50083() {
    let sandbox = sandbox().await;
    let http = sandbox.http_for_bot();
    let help = sandbox.channel("help").unwrap();
    let alice = sandbox.person("alice").unwrap();
    let thread = ChannelId::new(help.id)
        .create_thread(
            &http,
            CreateThread::new("ticket-1").kind(ChannelType::PrivateThread),
        )
        .await
        .unwrap();
    thread
        .id
        .edit_thread(&http, EditThread::new().archived(true))
        .await
        .unwrap();

    let refused = thread
        .id
        .add_thread_member(&http, alice.user_id())
        .await
        .unwrap_err();

    assert_eq!(code_of(refused), (400, 50083));
    let thread_ref = sandbox.channel_by_id(thread.id.get()).unwrap();
    assert!(!alice.can_see(&thread_ref));
    support::openapi::assert_valid_but_refused_requests(&sandbox.exchanges());
}

#[tokio::test]
async fn adding_a_member_and_starting_a_thread_from_a_message_post_discords_system_lines() {
    let sandbox = sandbox().await;
    let http = sandbox.http_for_bot();
    let help = ChannelId::new(sandbox.channel("help").unwrap().id);
    let alice = sandbox.person("alice").unwrap();

    // Someone else adds alice: RECIPIENT_ADD (type 1), naming her.
    let private = help
        .create_thread(
            &http,
            CreateThread::new("ticket-1").kind(ChannelType::PrivateThread),
        )
        .await
        .unwrap();
    private
        .id
        .add_thread_member(&http, alice.user_id())
        .await
        .unwrap();
    let said = private
        .id
        .messages(&http, GetMessages::new())
        .await
        .unwrap();
    assert_eq!(said.len(), 1, "{said:?}");
    assert_eq!(
        said[0].kind,
        serenity::all::MessageType::GroupRecipientAddition
    );
    assert!(said[0].content.is_empty());
    assert_eq!(said[0].mentions[0].id, alice.user_id());
    // Adding her again adds nothing, and Discord's line cannot be deleted.
    private
        .id
        .add_thread_member(&http, alice.user_id())
        .await
        .unwrap();
    let refused = private
        .id
        .delete_message(&http, said[0].id)
        .await
        .unwrap_err();
    assert_eq!(code_of(refused), (403, 50021));

    // A thread from a message opens with THREAD_STARTER_MESSAGE (type 21),
    // pointing back at it.
    let card = help
        .send_message(&http, CreateMessage::new().content("New ticket"))
        .await
        .unwrap();
    let case = help
        .create_thread_from_message(&http, card.id, CreateThread::new("case-1"))
        .await
        .unwrap();
    let said = case.id.messages(&http, GetMessages::new()).await.unwrap();
    assert_eq!(said.len(), 1, "{said:?}");
    assert_eq!(
        said[0].kind,
        serenity::all::MessageType::ThreadStarterMessage
    );
    assert!(said[0].content.is_empty());
    let reference = said[0].message_reference.as_ref().unwrap();
    assert_eq!(reference.message_id, Some(card.id));
    assert_eq!(reference.channel_id, help);
    support::openapi::assert_valid_but_refused_requests(&sandbox.exchanges());
}

#[tokio::test]
async fn a_slash_command_in_an_archived_thread_is_refused_by_the_client() {
    let sandbox = sandbox().await;
    let _bot = Bot::start(&sandbox).await;
    let http = sandbox.http_for_bot();
    let help = sandbox.channel("help").unwrap();
    let alice = sandbox.person("alice").unwrap();
    let thread = ChannelId::new(help.id)
        .create_thread(
            &http,
            CreateThread::new("questions").kind(ChannelType::PublicThread),
        )
        .await
        .unwrap();
    let thread_ref = sandbox.channel_by_id(thread.id.get()).unwrap();
    alice.slash(&thread_ref, "hello", &[]).await.unwrap();
    thread
        .id
        .edit_thread(&http, EditThread::new().archived(true))
        .await
        .unwrap();

    let refused = alice.slash(&thread_ref, "hello", &[]).await.unwrap_err();
    assert!(
        matches!(refused, DriverError::Refused(ref e) if e.code == 50083),
        "{refused}"
    );

    alice.say(&thread_ref, "back again").await.unwrap();
    assert!(!sandbox.channel_info(&thread_ref).unwrap().archived);
    alice.slash(&thread_ref, "hello", &[]).await.unwrap();
}

#[tokio::test]
async fn an_idle_thread_archives_itself_after_its_auto_archive_duration() {
    let sandbox = sandbox().await;
    let http = sandbox.http_for_bot();
    let help = sandbox.channel("help").unwrap();
    let thread = ChannelId::new(help.id)
        .create_thread(
            &http,
            CreateThread::new("ticket-7")
                .kind(ChannelType::PrivateThread)
                .auto_archive_duration(AutoArchiveDuration::OneDay),
        )
        .await
        .unwrap();
    let thread_ref = sandbox.channel_by_id(thread.id.get()).unwrap();

    sandbox.advance_clock(Duration::from_secs(23 * 3600));
    thread.id.say(&http, "still working on it").await.unwrap();
    sandbox.advance_clock(Duration::from_secs(23 * 3600));
    assert!(
        !sandbox.channel_info(&thread_ref).unwrap().archived,
        "a message is activity: the day starts again"
    );
    assert_eq!(sandbox.advance_clock(Duration::from_secs(3600)), 1);
    assert!(sandbox.channel_info(&thread_ref).unwrap().archived);

    let refused = thread
        .id
        .add_thread_member(&http, sandbox.person("alice").unwrap().user_id())
        .await
        .unwrap_err();
    assert_eq!(code_of(refused), (400, 50083));
    let refused = thread
        .id
        .edit_thread(&http, EditThread::new().locked(true).archived(true))
        .await
        .unwrap_err();
    assert_eq!(
        code_of(refused),
        (400, 50083),
        "an archived thread takes no lock"
    );
    thread
        .id
        .edit_thread(&http, EditThread::new().archived(false))
        .await
        .unwrap();
    thread
        .id
        .add_thread_member(&http, sandbox.person("alice").unwrap().user_id())
        .await
        .unwrap();
    support::openapi::assert_valid_but_refused_requests(&sandbox.exchanges());
}

#[tokio::test]
async fn buttons_in_an_archived_or_locked_thread_cannot_be_clicked() {
    let sandbox = sandbox().await;
    let _bot = Bot::start(&sandbox).await;
    let http = sandbox.http_for_bot();
    let help = sandbox.channel("help").unwrap();
    let alice = sandbox.person("alice").unwrap();
    let thread = ChannelId::new(help.id)
        .create_thread(
            &http,
            CreateThread::new("questions").kind(ChannelType::PublicThread),
        )
        .await
        .unwrap();
    let thread_ref = sandbox.channel_by_id(thread.id.get()).unwrap();
    let answer = alice.slash(&thread_ref, "hello", &[]).await.unwrap();
    let hello = answer.message().unwrap().clone();

    sandbox.advance_clock(Duration::from_secs(3 * 86_400 + 60));
    let refused = alice.click(&hello, "Wave").await.unwrap_err();
    assert!(
        matches!(refused, DriverError::Refused(ref e) if e.code == 50083),
        "{refused}"
    );

    thread
        .id
        .edit_thread(&http, EditThread::new().archived(false).locked(true))
        .await
        .unwrap();
    let refused = alice.click(&hello, "Wave").await.unwrap_err();
    assert!(
        matches!(refused, DriverError::Refused(ref e) if e.code == 160005),
        "a locked thread greys buttons out even unarchived: {refused}"
    );
}

#[tokio::test]
async fn without_the_message_content_intent_rest_reads_others_messages_empty() {
    let spec = ServerSpec::parse(SERVER)
        .unwrap()
        .message_content_intent(false);
    let sandbox = Sandbox::start_local(spec).await.unwrap();
    let http = sandbox.http_for_bot();
    let alice = sandbox.person("alice").unwrap();
    let help = sandbox.channel("help").unwrap();
    let secret = alice.say(&help, "my password is hunter2").await.unwrap();
    let mention = format!("<@{}> can you help?", sandbox.bot_user_id());
    alice.say(&help, &mention).await.unwrap();
    ChannelId::new(help.id).say(&http, "I can").await.unwrap();

    let read = ChannelId::new(help.id)
        .messages(&http, GetMessages::new().limit(10))
        .await
        .unwrap();
    let texts: Vec<_> = read.iter().map(|m| m.content.as_str()).collect();
    assert_eq!(texts, ["I can", mention.as_str(), ""]);
    let one = ChannelId::new(help.id)
        .message(&http, MessageId::new(secret.id))
        .await
        .unwrap();
    assert_eq!(one.content, "", "a single message too");
    support::openapi::assert_valid(&sandbox.exchanges());
}

#[tokio::test]
async fn replying_needs_read_message_history() {
    let spec = "
server Acme
channel help
  deny @everyone: read_message_history
member alice
bot supportline: default_bot -read_message_history
";
    let sandbox = Sandbox::start_local(ServerSpec::parse(spec).unwrap())
        .await
        .unwrap();
    let http = sandbox.http_for_bot();
    let alice = sandbox.person("alice").unwrap();
    let help = sandbox.channel("help").unwrap();
    let question = alice.say(&help, "anyone?").await.unwrap();

    let refused = ChannelId::new(help.id)
        .send_message(
            &http,
            CreateMessage::new()
                .content("yes")
                .reference_message((ChannelId::new(help.id), MessageId::new(question.id))),
        )
        .await
        .unwrap_err();
    assert_eq!(code_of(refused), (403, 50013));
    let refused = alice.reply(&question, "me again").await.unwrap_err();
    assert!(
        matches!(refused, DriverError::Refused(ref e) if e.code == 50013),
        "{refused}"
    );
    let history = ChannelId::new(help.id)
        .messages(&http, GetMessages::new())
        .await
        .unwrap();
    assert!(history.is_empty(), "no history without the permission");
    ChannelId::new(help.id).say(&http, "yes").await.unwrap();
    support::openapi::assert_valid_but_refused_requests(&sandbox.exchanges());
}

#[tokio::test]
async fn a_file_over_ten_mebibytes_is_too_large() {
    let sandbox = sandbox().await;
    let http = sandbox.http_for_bot();
    let help = ChannelId::new(sandbox.channel("help").unwrap().id);
    let limit = 10 * 1024 * 1024;

    let fits = CreateAttachment::bytes(vec![b'a'; limit], "fits.txt");
    help.send_files(&http, [fits], CreateMessage::new())
        .await
        .unwrap();
    let big = CreateAttachment::bytes(vec![b'a'; limit + 1], "big.txt");
    let refused = help
        .send_files(&http, [big], CreateMessage::new())
        .await
        .unwrap_err();
    assert_eq!(code_of(refused), (413, 40005));
}

#[tokio::test]
async fn locking_a_thread_that_stays_archived_is_refused_with_50083() {
    let sandbox = sandbox().await;
    let http = sandbox.http_for_bot();
    let help = ChannelId::new(sandbox.channel("help").unwrap().id);
    let thread = help
        .create_thread(
            &http,
            CreateThread::new("case-1").kind(ChannelType::PublicThread),
        )
        .await
        .unwrap();
    thread
        .id
        .edit_thread(&http, EditThread::new().archived(true))
        .await
        .unwrap();

    let refused = thread
        .id
        .edit_thread(&http, EditThread::new().locked(true))
        .await
        .unwrap_err();
    assert_eq!(code_of(refused), (400, 50083));
    let refused = thread
        .id
        .edit_thread(&http, EditThread::new().locked(true).archived(true))
        .await
        .unwrap_err();
    assert_eq!(code_of(refused), (400, 50083));

    // Unarchiving and locking in one call is fine, as is both at once on
    // an active thread.
    thread
        .id
        .edit_thread(&http, EditThread::new().archived(false).locked(true))
        .await
        .unwrap();
    thread
        .id
        .edit_thread(&http, EditThread::new().archived(true).locked(true))
        .await
        .unwrap();
    let info = sandbox
        .channel_info(&sandbox.channel_by_id(thread.id.get()).unwrap())
        .unwrap();
    assert!(info.archived && info.locked);
    support::openapi::assert_valid_but_refused_requests(&sandbox.exchanges());
}

#[tokio::test]
async fn a_private_thread_that_is_not_invitable_takes_members_only_from_moderators() {
    let spec = "
server Acme
channel help
member alice
member boris
bot supportline: default_bot -manage_threads
";
    let sandbox = Sandbox::start_local(ServerSpec::parse(spec).unwrap())
        .await
        .unwrap();
    let http = sandbox.http_for_bot();
    let help = ChannelId::new(sandbox.channel("help").unwrap().id);
    let (alice, boris) = (
        sandbox.person("alice").unwrap(),
        sandbox.person("boris").unwrap(),
    );
    let closed = help
        .create_thread(
            &http,
            CreateThread::new("closed")
                .kind(ChannelType::PrivateThread)
                .invitable(false),
        )
        .await
        .unwrap();
    let open = help
        .create_thread(
            &http,
            CreateThread::new("open").kind(ChannelType::PrivateThread),
        )
        .await
        .unwrap();

    let refused = closed
        .id
        .add_thread_member(&http, alice.user_id())
        .await
        .unwrap_err();
    assert_eq!(
        code_of(refused),
        (403, 50013),
        "its creator is not a moderator"
    );
    open.id
        .add_thread_member(&http, boris.user_id())
        .await
        .unwrap();
    assert!(boris.can_see(&sandbox.channel_by_id(open.id.get()).unwrap()));
    support::openapi::assert_valid_but_refused_requests(&sandbox.exchanges());
}

#[tokio::test]
async fn deleting_a_channel_sends_no_thread_delete_for_its_threads() {
    let sandbox = sandbox().await;
    let http = sandbox.http_for_bot();
    let mut events = Recording::connect(&sandbox, GatewayIntents::non_privileged()).await;
    let help = sandbox.channel("help").unwrap();
    ChannelId::new(help.id)
        .create_thread(
            &http,
            CreateThread::new("ticket-1").kind(ChannelType::PrivateThread),
        )
        .await
        .unwrap();
    events.expect("THREAD_CREATE").await;

    sandbox.faults().delete_channel(&help).unwrap();

    assert_eq!(events.expect("CHANNEL_DELETE").await, "CHANNEL_DELETE help");
    let names: Vec<_> = sandbox
        .gateway_events()
        .into_iter()
        .map(|e| e.name)
        .collect();
    assert!(!names.iter().any(|n| n == "THREAD_DELETE"), "{names:?}");
}

/// Every test docs/discord-fidelity.md names exists (`sandbox/…`,
/// `e2e/…` or `src/…` then `::name`, or `::name` after one of those), so
/// the table never points at a test that was renamed or removed.
#[test]
fn every_test_the_fidelity_table_names_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let doc = std::fs::read_to_string(root.join("docs/discord-fidelity.md")).unwrap();
    let mut file: Option<PathBuf> = None;
    let mut checked = 0;
    let mut missing = Vec::new();
    for span in doc.split('`').skip(1).step_by(2) {
        let Some((path, name)) = span.split_once("::") else {
            continue;
        };
        if path.is_empty() {
            // `::name`: another test of the file named last.
        } else if let Some(found) = test_file(&root, path) {
            file = Some(found);
        } else {
            continue; // a Rust path such as `Allowed::for_webhook`
        }
        let (Some(path), true) = (&file, is_identifier(name)) else {
            continue;
        };
        checked += 1;
        let text = std::fs::read_to_string(path).unwrap_or_default();
        if !text.contains(&format!("fn {name}(")) {
            missing.push(format!("{}::{name}", path.display()));
        }
    }
    assert!(
        checked > 100,
        "only {checked} tests named: is the format the same?"
    );
    assert!(
        missing.is_empty(),
        "the table names tests that do not exist: {missing:#?}"
    );
}

fn test_file(root: &Path, path: &str) -> Option<PathBuf> {
    let places = [
        ("sandbox/", "crates/sandbox/tests/sandbox/"),
        ("e2e/", "tests/e2e/"),
        ("src/", "crates/sandbox/src/"),
    ];
    places.iter().find_map(|(prefix, dir)| {
        let rest = path.strip_prefix(prefix)?;
        rest.ends_with(".rs").then(|| root.join(dir).join(rest))
    })
}

fn is_identifier(name: &str) -> bool {
    !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}
