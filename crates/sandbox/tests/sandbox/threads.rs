//! Threads, overwrites and members through serenity's HTTP client, and what
//! people see of them.

use crate::support;

use serenity::all::{
    ChannelId, ChannelType, CreateMessage, CreateThread, EditThread, GuildId, PermissionOverwrite,
    PermissionOverwriteType, Permissions as SerenityPermissions, RoleId, UserId,
};
use supportline_sandbox::{DriverError, Sandbox, ServerSpec};

const SERVER: &str = "
server Acme
role L1 mentionable
role L2
category Support
channel support in Support
channel l1-desk in Support
  hide
  allow L1: view_channel
  allow member supportline: view_channel
channel l2-desk in Support
  hide
  allow L2: view_channel
  allow member supportline: view_channel
member alice
member lena roles L1
member mark roles L2
bot supportline: default_bot manage_roles manage_channels
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
async fn a_user_thread_holds_the_user_the_bot_and_whoever_claims_it() {
    let sandbox = sandbox().await;
    let http = sandbox.http_for_bot();
    let support = sandbox.channel("support").unwrap();
    let (alice, lena, mark) = (
        sandbox.person("alice").unwrap(),
        sandbox.person("lena").unwrap(),
        sandbox.person("mark").unwrap(),
    );

    let thread = ChannelId::new(support.id)
        .create_thread(
            &http,
            CreateThread::new("ticket-1").kind(ChannelType::PrivateThread),
        )
        .await
        .unwrap();
    thread
        .id
        .add_thread_member(&http, alice.user_id())
        .await
        .unwrap();
    thread.id.say(&http, "Hello alice").await.unwrap();
    let thread_ref = sandbox.channel_by_id(thread.id.get()).unwrap();

    alice
        .sees_in(&thread_ref, |m| m.text == "Hello alice")
        .await
        .unwrap();
    assert!(!lena.can_see(&thread_ref));
    thread
        .id
        .add_thread_member(&http, lena.user_id())
        .await
        .unwrap();
    assert!(lena.can_see(&thread_ref));
    assert!(!mark.can_see(&thread_ref));
    let members = thread.id.get_thread_members(&http).await.unwrap();
    assert_eq!(members.len(), 3);
    assert_eq!(
        sandbox.thread_members(&thread_ref),
        ["supportline", "alice", "lena"]
    );
    thread
        .id
        .remove_thread_member(&http, lena.user_id())
        .await
        .unwrap();
    assert!(!lena.can_see(&thread_ref));
    support::openapi::assert_valid(&sandbox.exchanges());
}

#[tokio::test]
async fn a_locked_archived_case_thread_is_read_only_and_reopens_for_managers() {
    let sandbox = sandbox().await;
    let http = sandbox.http_for_bot();
    let desk = sandbox.channel("l1-desk").unwrap();
    let lena = sandbox.person("lena").unwrap();
    let card = ChannelId::new(desk.id)
        .send_message(&http, CreateMessage::new().content("Case #1"))
        .await
        .unwrap();
    let thread = ChannelId::new(desk.id)
        .create_thread_from_message(&http, card.id, CreateThread::new("case-1"))
        .await
        .unwrap();
    assert_eq!(
        thread.id.get(),
        card.id.get(),
        "a thread from a message takes its id"
    );
    let thread_ref = sandbox.channel_by_id(thread.id.get()).unwrap();
    lena.say(&thread_ref, "looking").await.unwrap();

    thread
        .id
        .edit_thread(&http, EditThread::new().locked(true).archived(true))
        .await
        .unwrap();
    let info = sandbox.channel_info(&thread_ref).unwrap();
    assert!(info.archived && info.locked);
    let refused = lena.say(&thread_ref, "more").await.unwrap_err();
    assert!(
        matches!(refused, DriverError::Refused(ref e) if e.code == 50083),
        "{refused}"
    );

    thread.id.say(&http, "Moved to L2").await.unwrap();
    let info = sandbox.channel_info(&thread_ref).unwrap();
    assert!(!info.archived, "a manager's message reopens it");
    assert!(info.locked);
    let refused = lena.say(&thread_ref, "more").await.unwrap_err();
    assert!(
        matches!(refused, DriverError::Refused(ref e) if e.code == 160005),
        "{refused}"
    );
    let card = lena.sees_in(&desk, |m| m.text == "Case #1").await.unwrap();
    assert_eq!(card.thread.as_deref(), Some("case-1"));
    support::openapi::assert_valid(&sandbox.exchanges());
}

#[tokio::test]
async fn archived_threads_are_listed_newest_first() {
    let sandbox = sandbox().await;
    let http = sandbox.http_for_bot();
    let support = ChannelId::new(sandbox.channel("support").unwrap().id);
    for name in ["one", "two"] {
        let thread = support
            .create_thread(
                &http,
                CreateThread::new(name).kind(ChannelType::PublicThread),
            )
            .await
            .unwrap();
        thread
            .id
            .edit_thread(&http, EditThread::new().archived(true))
            .await
            .unwrap();
    }
    let listed = support
        .get_archived_public_threads(&http, None, None)
        .await
        .unwrap();
    let names: Vec<_> = listed.threads.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["two", "one"]);
    let active = GuildId::new(sandbox.guild_id())
        .get_active_threads(&http)
        .await
        .unwrap();
    assert!(active.threads.is_empty());
    support::openapi::assert_valid(&sandbox.exchanges());
}

#[tokio::test]
async fn a_thread_deleted_behind_the_bots_back_is_an_unknown_channel() {
    let sandbox = sandbox().await;
    let http = sandbox.http_for_bot();
    let support = ChannelId::new(sandbox.channel("support").unwrap().id);
    let thread = support
        .create_thread(
            &http,
            CreateThread::new("gone").kind(ChannelType::PrivateThread),
        )
        .await
        .unwrap();

    sandbox
        .faults()
        .delete_channel(&sandbox.channel_by_id(thread.id.get()).unwrap())
        .unwrap();

    assert_eq!(
        code_of(thread.id.say(&http, "hi").await.unwrap_err()),
        (404, 10003)
    );
    support::openapi::assert_valid(&sandbox.exchanges());
}

#[tokio::test]
async fn overwrites_change_who_sees_a_channel() {
    let sandbox = sandbox().await;
    let http = sandbox.http_for_bot();
    let desk = sandbox.channel("l2-desk").unwrap();
    let lena = sandbox.person("lena").unwrap();
    // The owner sees every channel, as in Discord.
    assert_eq!(sandbox.who_can_see(&desk), ["supportline", "mark", "owner"]);
    let role = {
        let roles = GuildId::new(sandbox.guild_id()).roles(&http).await.unwrap();
        roles.values().find(|r| r.name == "L1").unwrap().id
    };

    let shown = PermissionOverwrite {
        allow: SerenityPermissions::VIEW_CHANNEL,
        deny: SerenityPermissions::empty(),
        kind: PermissionOverwriteType::Role(role),
    };
    ChannelId::new(desk.id)
        .create_permission(&http, shown)
        .await
        .unwrap();
    assert!(lena.can_see(&desk));
    ChannelId::new(desk.id)
        .delete_permission(&http, PermissionOverwriteType::Role(role))
        .await
        .unwrap();
    assert!(!lena.can_see(&desk));
    support::openapi::assert_valid(&sandbox.exchanges());
}

#[tokio::test]
async fn only_permissions_the_bot_has_may_be_granted() {
    let spec = ServerSpec::parse(SERVER)
        .unwrap()
        .bot_permissions(SerenityToOurs::manage_roles_and_view());
    let sandbox = Sandbox::start_local(spec).await.unwrap();
    let http = sandbox.http_for_bot();
    let support = ChannelId::new(sandbox.channel("support").unwrap().id);
    let grant = PermissionOverwrite {
        allow: SerenityPermissions::MANAGE_THREADS,
        deny: SerenityPermissions::empty(),
        kind: PermissionOverwriteType::Member(UserId::new(sandbox.person("alice").unwrap().id())),
    };
    let refused = support.create_permission(&http, grant).await.unwrap_err();
    assert_eq!(code_of(refused), (403, 50013));
}

struct SerenityToOurs;

impl SerenityToOurs {
    fn manage_roles_and_view() -> supportline_sandbox::Permissions {
        use supportline_sandbox::Permissions as P;
        P::VIEW_CHANNEL | P::MANAGE_ROLES | P::SEND_MESSAGES
    }
}

#[tokio::test]
async fn members_are_listed_and_their_roles_changed() {
    let sandbox = sandbox().await;
    let http = sandbox.http_for_bot();
    let guild = GuildId::new(sandbox.guild_id());
    let alice = sandbox.person("alice").unwrap();

    let two = guild.members(&http, Some(2), None).await.unwrap();
    assert_eq!(two.len(), 2);
    let everyone = guild.members(&http, None, None).await.unwrap();
    assert_eq!(
        everyone.len(),
        5,
        "alice, lena, mark, the owner and the bot"
    );
    let l2: RoleId = guild
        .roles(&http)
        .await
        .unwrap()
        .values()
        .find(|r| r.name == "L2")
        .unwrap()
        .id;
    http.add_member_role(guild, alice.user_id(), l2, None)
        .await
        .unwrap();
    let desk = sandbox.channel("l2-desk").unwrap();
    assert!(alice.can_see(&desk));
    let member = guild.member(&http, alice.user_id()).await.unwrap();
    assert_eq!(member.roles, [l2]);
    http.remove_member_role(guild, alice.user_id(), l2, None)
        .await
        .unwrap();
    assert!(!alice.can_see(&desk));
    support::openapi::assert_valid(&sandbox.exchanges());
}

#[tokio::test]
async fn a_third_rename_within_ten_minutes_is_rate_limited() {
    let sandbox = sandbox().await;
    let http = sandbox.http_without_ratelimiter();
    let support = ChannelId::new(sandbox.channel("support").unwrap().id);
    let thread = support
        .create_thread(
            &http,
            CreateThread::new("t0").kind(ChannelType::PublicThread),
        )
        .await
        .unwrap();
    for name in ["t1", "t2"] {
        thread
            .id
            .edit_thread(&http, EditThread::new().name(name))
            .await
            .unwrap();
    }
    let third = thread
        .id
        .edit_thread(&http, EditThread::new().name("t3"))
        .await;
    assert_eq!(code_of(third.unwrap_err()).0, 429);
    support::openapi::assert_valid(&sandbox.exchanges());
}
