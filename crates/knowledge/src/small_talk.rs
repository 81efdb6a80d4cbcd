//! Small talk: a question that is only a greeting, thanks, a goodbye, "are
//! you a bot?" or "anyone there?" gets a short friendly reply instead of an
//! article (a word like "bot" in a keyword must not turn "thanks bot" into
//! an answer).
//!
//! Recognised in a deliberately narrow way: the WHOLE question, normalised
//! (case, `ё`, punctuation and emoji do not matter), must be made of the
//! phrases below and a few words of address or acknowledgement ("all",
//! "guys", "so much", "всем", "большое"). A phrase inside a real question
//! ("hi, my card was declined") is not small talk: the question goes to
//! the matcher as usual.

use std::sync::OnceLock;

use crate::fxhash::FxHashSet;
use crate::text::{fold, split_words};

/// What kind of small talk a question is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SmallTalk {
    Greeting,
    Thanks,
    Goodbye,
    /// "Are you a bot?", "ты человек?"
    Bot,
    /// "Hello?", "anyone there?", "ты тут?"
    Presence,
}

impl SmallTalk {
    pub const ALL: [SmallTalk; 5] = [
        SmallTalk::Greeting,
        SmallTalk::Thanks,
        SmallTalk::Goodbye,
        SmallTalk::Bot,
        SmallTalk::Presence,
    ];

    /// A stable name (logs, JSON, catalogue keys).
    pub fn name(self) -> &'static str {
        match self {
            SmallTalk::Greeting => "greeting",
            SmallTalk::Thanks => "thanks",
            SmallTalk::Goodbye => "goodbye",
            SmallTalk::Bot => "bot",
            SmallTalk::Presence => "presence",
        }
    }

    pub fn from_name(name: &str) -> Option<SmallTalk> {
        SmallTalk::ALL.into_iter().find(|k| k.name() == name)
    }

    /// "Anyone there?" and "are you a bot?" ask for someone, so the bot
    /// answers them wherever they are said; a greeting, thanks or goodbye
    /// in a public channel is usually people talking to each other.
    pub fn asks_for_someone(self) -> bool {
        matches!(self, SmallTalk::Bot | SmallTalk::Presence)
    }

    /// When a question has several kinds ("hi, are you a bot?"), the one
    /// the reply should answer: the most specific.
    fn rank(self) -> u8 {
        match self {
            SmallTalk::Bot => 4,
            SmallTalk::Presence => 3,
            SmallTalk::Thanks => 2,
            SmallTalk::Goodbye => 1,
            SmallTalk::Greeting => 0,
        }
    }
}

/// The phrases, as folded words separated by single spaces (`ё` as `е`,
/// hyphens as spaces: that is how questions are normalised).
const PHRASES: &[(SmallTalk, &[&str])] = &[
    (
        SmallTalk::Greeting,
        &[
            "hi",
            "hello",
            "hey",
            "heya",
            "hiya",
            "howdy",
            "yo",
            "hola",
            "greetings",
            "good morning",
            "good afternoon",
            "good evening",
            "good day",
            "morning",
            "evening",
            "how are you",
            "how are you doing",
            "how are things",
            "how is it going",
            "how's it going",
            "hows it going",
            "what's up",
            "whats up",
            "sup",
            "привет",
            "приветик",
            "приветствую",
            "здравствуйте",
            "здравствуй",
            "здрасте",
            "здрасьте",
            "добрый день",
            "добрый вечер",
            "доброе утро",
            "доброго дня",
            "доброй ночи",
            "хай",
            "салют",
            "как дела",
            "как ты",
            "как вы",
            "как поживаешь",
            "как поживаете",
            "что нового",
        ],
    ),
    (
        SmallTalk::Thanks,
        &[
            "thanks",
            "thank you",
            "thank u",
            "thankyou",
            "thx",
            "thanx",
            "ty",
            "tysm",
            "cheers",
            "many thanks",
            "much appreciated",
            "appreciate it",
            "i appreciate it",
            "thanks for the help",
            "thanks for your help",
            "thank you for the help",
            "thank you for your help",
            "thanks for helping",
            "спасибо",
            "спасибки",
            "спасибочки",
            "спс",
            "пасиб",
            "пасибо",
            "благодарю",
            "мерси",
            "спасибо за помощь",
        ],
    ),
    (
        SmallTalk::Goodbye,
        &[
            "bye",
            "bye bye",
            "goodbye",
            "good bye",
            "see you",
            "see ya",
            "see you later",
            "cya",
            "good night",
            "пока",
            "пока пока",
            "до свидания",
            "до встречи",
            "до завтра",
            "всего доброго",
            "всего хорошего",
            "спокойной ночи",
        ],
    ),
    (
        SmallTalk::Bot,
        &[
            "are you a bot",
            "are you bot",
            "are you a robot",
            "are you an ai",
            "are you ai",
            "are you human",
            "are you a human",
            "are you a person",
            "are you a real person",
            "are you real",
            "is this a bot",
            "is this a real person",
            "am i talking to a bot",
            "am i talking to a human",
            "am i talking to a person",
            "am i talking to a real person",
            "ты бот",
            "вы бот",
            "это бот",
            "ты робот",
            "вы робот",
            "это робот",
            "ты человек",
            "вы человек",
            "это человек",
            "ты живой",
            "вы живой",
            "ты живой человек",
            "вы живой человек",
            "ты нейросеть",
            "я говорю с ботом",
            "я общаюсь с ботом",
        ],
    ),
    (
        SmallTalk::Presence,
        &[
            "anyone there",
            "anybody there",
            "is anyone there",
            "is anybody there",
            "anyone here",
            "anybody here",
            "is anyone here",
            "is anybody here",
            "are you there",
            "you there",
            "are you here",
            "ты тут",
            "вы тут",
            "ты здесь",
            "вы здесь",
            "есть кто",
            "есть кто нибудь",
            "есть тут кто",
            "есть тут кто нибудь",
            "кто нибудь тут",
            "кто нибудь здесь",
            "кто нибудь есть",
            "тут есть кто",
            "алло",
            "ау",
        ],
    ),
];

/// Words of address and acknowledgement that may stand around the phrases
/// without making the question about something ("thanks so much guys",
/// "спасибо большое, всё получилось"). None of them is small talk alone.
const FILLER: &[&str] = &[
    "a",
    "again",
    "all",
    "and",
    "awesome",
    "bot",
    "buddy",
    "cool",
    "dear",
    "everybody",
    "everyone",
    "folks",
    "friends",
    "great",
    "guys",
    "it",
    "lot",
    "lots",
    "man",
    "mate",
    "much",
    "nice",
    "oh",
    "ok",
    "okay",
    "people",
    "perfect",
    "please",
    "so",
    "support",
    "team",
    "there",
    "then",
    "today",
    "very",
    "well",
    "worked",
    "helped",
    "а",
    "бот",
    "большое",
    "вам",
    "все",
    "всем",
    "друзья",
    "еще",
    "и",
    "коллеги",
    "народ",
    "ну",
    "огромное",
    "ок",
    "окей",
    "отлично",
    "очень",
    "получилось",
    "помогло",
    "поддержка",
    "раз",
    "ребят",
    "ребята",
    "снова",
    "супер",
    "тебе",
    "уважаемые",
];

/// Longer questions are never small talk: a greeting that long has a
/// question in it.
const MAX_WORDS: usize = 12;

/// The kind of small talk `question` is, if it is nothing else.
pub fn small_talk(question: &str) -> Option<SmallTalk> {
    // A long text is no small talk: say so before folding all of it (emoji
    // and punctuation between words make more pieces than words).
    if question.split_whitespace().nth(3 * MAX_WORDS).is_some() {
        return None;
    }
    small_talk_in(question, &split_words(&fold(question)))
}

/// [`small_talk`] of `question` already folded and split into `words`
/// (the matcher needs them too).
pub(crate) fn small_talk_in(question: &str, words: &[&str]) -> Option<SmallTalk> {
    if question.split_whitespace().nth(3 * MAX_WORDS).is_some() {
        return None;
    }
    if words.is_empty() || words.len() > MAX_WORDS {
        return None;
    }
    // Nearly every question has a word no phrase and no filler has: it is
    // no small talk, and one look-up per word says so (trying every
    // phrase at every word cost as much as matching the question).
    let known = small_talk_words();
    if !words.iter().all(|w| known.contains(w)) {
        return None;
    }
    let mut found: Option<SmallTalk> = None;
    let mut at = 0;
    while at < words.len() {
        if let Some((kind, len)) = longest_phrase(&words[at..]) {
            found = Some(match found {
                Some(k) if k.rank() >= kind.rank() => k,
                _ => kind,
            });
            at += len;
        } else if FILLER.contains(&words[at]) {
            at += 1;
        } else {
            return None;
        }
    }
    found
}

/// Every word of the phrases and of the filler: a question with any other
/// word is not small talk.
fn small_talk_words() -> &'static FxHashSet<&'static str> {
    static WORDS: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        PHRASES
            .iter()
            .flat_map(|(_, phrases)| phrases.iter().flat_map(|p| p.split(' ')))
            .chain(FILLER.iter().copied())
            .collect()
    })
}

/// The longest phrase `words` starts with, and its length in words.
fn longest_phrase(words: &[&str]) -> Option<(SmallTalk, usize)> {
    let mut best: Option<(SmallTalk, usize)> = None;
    for (kind, phrases) in PHRASES {
        for phrase in phrases.iter() {
            let len = phrase.split(' ').count();
            if len <= words.len()
                && best.is_none_or(|(_, l)| len > l)
                && phrase.split(' ').eq(words[..len].iter().copied())
            {
                best = Some((*kind, len));
            }
        }
    }
    best
}

#[cfg(test)]
#[path = "small_talk_tests.rs"]
mod tests;
