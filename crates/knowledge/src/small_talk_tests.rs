use super::{small_talk, SmallTalk};

#[test]
fn greetings_thanks_and_goodbyes_alone_are_small_talk() {
    for (q, kind) in [
        ("hello", SmallTalk::Greeting),
        ("Hi everyone!", SmallTalk::Greeting),
        ("привет", SmallTalk::Greeting),
        ("Доброе утро всем ☀️", SmallTalk::Greeting),
        ("как дела?", SmallTalk::Greeting),
        ("thanks!", SmallTalk::Thanks),
        ("thanks bot", SmallTalk::Thanks),
        ("Thank you so much guys", SmallTalk::Thanks),
        ("спасибо", SmallTalk::Thanks),
        ("Спасибо большое, всё получилось 🙏", SmallTalk::Thanks),
        ("bye!", SmallTalk::Goodbye),
        ("good night all", SmallTalk::Goodbye),
        ("до свидания", SmallTalk::Goodbye),
    ] {
        assert_eq!(small_talk(q), Some(kind), "{q}");
    }
}

#[test]
fn are_you_a_bot_and_anyone_there_are_small_talk() {
    for (q, kind) in [
        ("are you a bot?", SmallTalk::Bot),
        ("ты бот?", SmallTalk::Bot),
        ("Hi, are you a real person?", SmallTalk::Bot),
        ("hello?", SmallTalk::Greeting),
        ("anyone there??", SmallTalk::Presence),
        ("ты тут?", SmallTalk::Presence),
        ("Есть кто-нибудь?", SmallTalk::Presence),
    ] {
        assert_eq!(small_talk(q), Some(kind), "{q}");
    }
}

#[test]
fn a_greeting_inside_a_real_question_is_not_small_talk() {
    for q in [
        "hi, my card was declined",
        "thanks, but how do I cancel my booking?",
        "привет, не могу войти в приложение",
        "спасибо, а как вернуть залог?",
        "is the bot down?",
        "how are you charging me twice",
    ] {
        assert_eq!(small_talk(q), None, "{q}");
    }
}

#[test]
fn acknowledgements_and_noise_alone_are_not_small_talk() {
    // Nothing to reply to: the matcher decides (and finds nothing).
    for q in [
        "ok",
        "lol",
        "cool",
        "понятно",
        "",
        "   ",
        "???",
        "🙂",
        "bot",
    ] {
        assert_eq!(small_talk(q), None, "{q:?}");
    }
}

#[test]
fn a_long_message_is_never_small_talk() {
    assert_eq!(small_talk(&"hi ".repeat(13)), None);
    assert_eq!(small_talk(&"thanks 🙏 ".repeat(30)), None);
    assert_eq!(small_talk(&"привет ".repeat(100_000)), None);
    assert_eq!(
        small_talk("thanks 🙏 🙏 🙏 🙏 🙏 🙏"),
        Some(SmallTalk::Thanks)
    );
}

#[test]
fn every_phrase_is_written_as_questions_are_normalised() {
    for (_, phrases) in super::PHRASES {
        for p in phrases.iter() {
            assert_eq!(crate::text::normalize(p), *p, "{p}");
        }
    }
    for w in super::FILLER {
        assert_eq!(crate::text::normalize(w), *w, "{w}");
        assert!(super::longest_phrase(&[w]).is_none(), "{w} is a phrase");
    }
}

#[test]
fn names_round_trip() {
    for k in SmallTalk::ALL {
        assert_eq!(SmallTalk::from_name(k.name()), Some(k));
    }
}
