use super::*;
use crate::spec::ChannelSpecKind;

const EXAMPLE: &str = r#"
server Acme Support locale en-US
role L1 mentionable: manage_threads
role Admin: administrator
category Support
channel help in Support topic "Ask here: anything"
channel l1-desk in Support
  hide
  allow L1: view_channel send_messages
  allow member root: view_channel
member alice
member boris locale ru
member lena roles L1 name "Lena K."
member root roles Admin
owner root
bot helper roles Admin: default_bot
intent message_content off
"#;

#[test]
fn the_documented_example_reads_into_a_server() {
    let spec = ServerSpec::parse(EXAMPLE).unwrap();
    assert_eq!(spec.name, "Acme Support");
    assert_eq!(spec.roles.len(), 2);
    assert!(spec.roles[0].mentionable);
    assert_eq!(spec.roles[0].permissions, Permissions::MANAGE_THREADS);
    let help = &spec.channels[1];
    assert_eq!(help.category.as_deref(), Some("Support"));
    assert_eq!(help.topic.as_deref(), Some("Ask here: anything"));
    assert_eq!(spec.channels[0].kind, ChannelSpecKind::Category);
    let desk = &spec.channels[2];
    assert_eq!(desk.overwrites.len(), 3);
    assert_eq!(desk.overwrites[0].target, Target::Everyone);
    assert_eq!(desk.overwrites[2].target, Target::Member("root".into()));
    let lena = &spec.members[2];
    assert_eq!(lena.roles, vec!["L1".to_string()]);
    assert_eq!(lena.display_name.as_deref(), Some("Lena K."));
    assert_eq!(spec.members[1].locale, "ru");
    assert_eq!(spec.owner.as_deref(), Some("root"));
    assert_eq!(spec.bot.name, "helper");
    assert_eq!(spec.bot.roles, vec!["Admin".to_string()]);
    assert!(!spec.privileged.message_content);
}

#[test]
fn an_unknown_permission_names_its_line() {
    let error = ServerSpec::parse("server X\nrole A: fly").unwrap_err();
    assert_eq!(error.line, 2);
    assert!(error.message.contains("fly"));
}

#[test]
fn a_rule_without_a_channel_is_refused() {
    assert!(ServerSpec::parse("  hide").is_err());
}

#[test]
fn a_minus_takes_a_permission_away() {
    let spec = ServerSpec::parse("server X\neveryone: default -mention_everyone").unwrap();
    assert!(!spec.everyone.contains(Permissions::MENTION_EVERYONE));
    assert!(spec.everyone.contains(Permissions::SEND_MESSAGES));
}
