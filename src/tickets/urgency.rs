//! Urgency and frustration cues in a user's question (English and Russian),
//! so L1 sees at a glance who is in a hurry or upset and the greeting can
//! acknowledge it.
//!
//! A cue is a sequence of words that must appear next to each other. A word
//! ending in `*` matches any word starting with it, which covers Russian
//! endings (`срочн*` matches срочно, срочная, срочный). Text is compared in
//! lower case with `ё` read as `е`; apostrophes count as letters, so
//! `can't` is one word. Two cues are not words: three or more `!` in a row
//! (reported as `!!!`) and a shouted question, at least three words and 12
//! letters of which 70% are capitals (reported as `CAPS`).
//!
//! Known limits: negation is not understood ("not urgent" is urgent), and
//! the lists are short on purpose: a false alarm costs L1 a glance, a long
//! list would cry wolf.

/// What [`assess`] found: the words of the question that matched, for staff
/// to see why a ticket was flagged. Empty lists mean no flag.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cues {
    pub urgency: Vec<String>,
    pub frustration: Vec<String>,
}

impl Cues {
    pub fn is_urgent(&self) -> bool {
        !self.urgency.is_empty()
    }

    pub fn is_frustrated(&self) -> bool {
        !self.frustration.is_empty()
    }
}

/// The user needs it fast: outages, data loss, deadlines.
pub const URGENCY_CUES: &[&str] = &[
    // English
    "urgent*",
    "asap",
    "emergency",
    "immediately",
    "critical*",
    "outage",
    "is down",
    "are down",
    "went down",
    "production down",
    "prod down",
    "data loss",
    "lost data",
    "losing money",
    "losing customers",
    "can't work",
    "cannot work",
    "blocker",
    "deadline",
    "right now",
    // Russian
    "срочн*",
    "немедленн*",
    "как можно скорее",
    "авари*",
    "критичн*",
    "упал*",
    "лежит",
    "ничего не работает",
    "не работает ничего",
    "потер* данн*",
    "теря* деньг*",
    "теря* клиент*",
    "горит",
    "дедлайн",
    "прямо сейчас",
];

/// The user is upset: repeats, waiting, strong words.
pub const FRUSTRATION_CUES: &[&str] = &[
    // English
    "still not",
    "still doesn't",
    "still broken",
    "again",
    "second time",
    "third time",
    "ridiculous",
    "unacceptable",
    "terrible",
    "awful",
    "angry",
    "frustrat*",
    "annoy*",
    "useless",
    "wtf",
    "nobody answer*",
    "no one answer*",
    "no response",
    "waste of time",
    "fed up",
    "sick of",
    "disappoint*",
    "worst",
    // Russian
    "опять",
    "снова",
    "до сих пор",
    "сколько можно",
    "безобрази*",
    "ужас*",
    "бесит",
    "надоел*",
    "никто не отвеча*",
    "издевательств*",
    "второй раз",
    "третий раз",
    "отвратительн*",
    "кошмар",
    "достал*",
    "разочарова*",
    "невозможно работать",
    "бесполезн*",
];

/// Finds the urgency and frustration cues in `text`.
pub fn assess(text: &str) -> Cues {
    let words = words(text);
    let mut cues = Cues {
        urgency: matches(&words, URGENCY_CUES),
        frustration: matches(&words, FRUSTRATION_CUES),
    };
    if text.contains("!!!") {
        cues.frustration.push("!!!".into());
    }
    if is_shouted(text, words.len()) {
        cues.frustration.push("CAPS".into());
    }
    cues
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace('ё', "е").replace('’', "'"))
        .collect()
}

/// The text of every cue that occurs, as it was written, without repeats.
fn matches(words: &[String], cues: &[&str]) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for cue in cues {
        let pattern: Vec<&str> = cue.split_whitespace().collect();
        let hits = (0..words.len())
            .filter(|&i| i + pattern.len() <= words.len())
            .filter(|&i| {
                pattern
                    .iter()
                    .zip(&words[i..])
                    .all(|(p, w)| word_matches(p, w))
            });
        for i in hits {
            let text = words[i..i + pattern.len()].join(" ");
            if !found.contains(&text) {
                found.push(text);
            }
        }
    }
    found
}

fn word_matches(pattern: &str, word: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => word.starts_with(prefix),
        None => word == pattern,
    }
}

fn is_shouted(text: &str, word_count: usize) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let capitals = letters.iter().filter(|c| c.is_uppercase()).count();
    word_count >= 3 && letters.len() >= 12 && capitals * 10 >= letters.len() * 7
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_calm_question_raises_no_flag() {
        let cues = assess("How do I change my avatar?");
        assert!(!cues.is_urgent() && !cues.is_frustrated(), "{cues:?}");
    }

    #[test]
    fn an_english_outage_is_urgent_and_says_why() {
        let cues = assess("URGENT: our production is down, we can't work");
        assert_eq!(cues.urgency, vec!["urgent", "is down", "can't work"]);
    }

    #[test]
    fn a_russian_cue_matches_any_ending() {
        assert_eq!(assess("Срочная проблема").urgency, vec!["срочная"]);
        assert_eq!(assess("нужно срочно").urgency, vec!["срочно"]);
        assert_eq!(assess("Сервер упал").urgency, vec!["упал"]);
    }

    #[test]
    fn yo_is_read_as_ye() {
        assert_eq!(
            assess("ничё, всё ещё ничего не работает").urgency,
            vec!["ничего не работает"]
        );
    }

    #[test]
    fn russian_frustration_is_noticed() {
        let cues = assess("Опять не работает, сколько можно?");
        assert_eq!(cues.frustration, vec!["опять", "сколько можно"]);
    }

    #[test]
    fn a_cue_must_be_whole_words() {
        // "again" inside "against" and "asap" inside "asaph" are not cues.
        let cues = assess("I voted against Asaph");
        assert!(!cues.is_frustrated() && !cues.is_urgent(), "{cues:?}");
    }

    #[test]
    fn typographic_apostrophes_count_like_plain_ones() {
        assert_eq!(assess("I can’t work").urgency, vec!["can't work"]);
    }

    #[test]
    fn three_exclamation_marks_are_frustration() {
        assert_eq!(assess("Help me!!!").frustration, vec!["!!!"]);
    }

    #[test]
    fn a_shouted_question_is_frustration() {
        assert_eq!(assess("WHY DOES THIS NEVER WORK").frustration, vec!["CAPS"]);
        assert!(!assess("NASA API").is_frustrated());
    }

    #[test]
    fn the_same_cue_twice_is_reported_once() {
        assert_eq!(assess("again and again").frustration, vec!["again"]);
    }

    #[test]
    fn every_cue_is_lower_case_so_it_can_match() {
        for cue in URGENCY_CUES.iter().chain(FRUSTRATION_CUES) {
            assert_eq!(cue.to_lowercase().replace('ё', "е"), *cue);
        }
    }
}
