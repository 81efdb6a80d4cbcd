//! Stemming by script: Snowball Russian for Cyrillic words, Snowball
//! English for Latin ones, anything else (digits, mixed) kept as written.

use frostem::{Algorithm, Stemmer};

use super::normalize::Script;

/// Stems a folded word with the stemmer of its script.
pub fn stem(word: &str) -> String {
    stem_in(word, Script::of(word))
}

pub fn stem_in(word: &str, script: Script) -> String {
    match script {
        Script::Latin => english().stem(word).into_owned(),
        Script::Cyrillic => russian().stem(word).into_owned(),
        Script::Other => word.to_owned(),
    }
}

fn english() -> Stemmer {
    Stemmer::new(Algorithm::English)
}

fn russian() -> Stemmer {
    Stemmer::new(Algorithm::Russian)
}

/// Whether two stems of the same script are probably derived from one root
/// (`брон` / `бронирован`, `print` / `printer`): one is a prefix of the
/// other, or they differ only after a long shared prefix. Russian stems are
/// short and derivation-rich, so Cyrillic needs a shorter shared prefix.
pub fn related(a: &str, b: &str) -> bool {
    let script = Script::of(a);
    if script == Script::Other || script != Script::of(b) || a == b {
        return false;
    }
    let min_prefix = match script {
        Script::Cyrillic => 4,
        _ => 5,
    };
    let shared = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let shorter = a.chars().count().min(b.chars().count());
    shared >= min_prefix && shared + 1 >= shorter
}

/// The smallest shared prefix length (in characters) at which
/// [`related`] can hold for a word of `script`.
pub fn min_related_prefix(script: Script) -> usize {
    match script {
        Script::Cyrillic => 4,
        _ => 5,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_inflections_share_a_stem() {
        assert_eq!(stem("пароль"), stem("пароля"));
        assert_eq!(stem("пароль"), stem("паролем"));
        assert_eq!(stem("сбросить"), stem("сбросил"));
    }

    #[test]
    fn english_inflections_share_a_stem() {
        assert_eq!(stem("reset"), stem("resetting"));
        assert_eq!(stem("bookings"), stem("booking"));
        assert_eq!(stem("passwords"), stem("password"));
    }

    #[test]
    fn numbers_and_mixed_words_are_kept() {
        assert_eq!(stem("2fa"), "2fa");
        assert_eq!(stem("404"), "404");
    }

    #[test]
    fn derived_words_are_related_by_a_shared_prefix() {
        assert!(related(&stem("бронь"), &stem("бронирование")));
        assert!(related(&stem("переговорка"), &stem("переговорная")));
        assert!(related(&stem("print"), &stem("printer")));
        assert!(!related(&stem("парковка"), &stem("пароль")));
        assert!(!related("car", "card"));
    }
}
