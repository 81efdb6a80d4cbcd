//! Normalisation and tokenising: the step that makes case, `ё`/`е`,
//! punctuation and spacing irrelevant to matching.

use unicode_normalization::{IsNormalized, UnicodeNormalization};
use unicode_segmentation::UnicodeSegmentation;

/// Which stemmer a word goes to, decided by its letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Script {
    Latin,
    Cyrillic,
    /// Digits, mixed scripts, anything else: left as written.
    Other,
}

impl Script {
    pub fn of(word: &str) -> Script {
        let (mut latin, mut cyrillic, mut other) = (false, false, false);
        for c in word.chars() {
            match c {
                'a'..='z' | 'A'..='Z' => latin = true,
                '\u{0400}'..='\u{04FF}' => cyrillic = true,
                '\'' => {}
                c if c.is_alphabetic() && (c as u32) < 0x0250 => latin = true,
                _ => other = true,
            }
        }
        match (latin, cyrillic, other) {
            (true, false, false) => Script::Latin,
            (false, true, false) => Script::Cyrillic,
            _ => Script::Other,
        }
    }
}

/// Lower-cased, NFKC-normalised text with `ё`→`е` and typographic
/// apostrophes made plain; punctuation is kept (tokenising drops it).
pub fn fold(text: &str) -> String {
    let lower = if unicode_normalization::is_nfkc_quick(text.chars()) == IsNormalized::Yes {
        text.to_lowercase()
    } else {
        text.nfkc().collect::<String>().to_lowercase()
    };
    if !lower.contains(['ё', '\u{2019}', '\u{2018}', '\u{02BC}', '`']) {
        return lower;
    }
    lower
        .chars()
        .map(|c| match c {
            'ё' => 'е',
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' => '\'',
            c => c,
        })
        .collect()
}

/// The words of `text`, folded, in order (Unicode word boundaries, so
/// `Wi-Fi` is two words and `can't` is one).
pub fn words(text: &str) -> Vec<String> {
    fold(text)
        .unicode_words()
        .map(|w| w.trim_matches('\'').to_owned())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The form patterns are matched against: folded words separated by single
/// spaces (`"  Can't  LOG-in!! "` → `"can't log in"`).
pub fn normalize(text: &str) -> String {
    words(text).join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_yo_punctuation_and_spacing_are_folded_away() {
        assert_eq!(normalize("  Ёлка,   ЁЖ!!  ПРИВЕТ? "), "елка еж привет");
        assert_eq!(normalize("Wi-Fi\tне   работает…"), "wi fi не работает");
    }

    #[test]
    fn apostrophes_stay_inside_words_in_either_form() {
        assert_eq!(words("I can’t log in"), vec!["i", "can't", "log", "in"]);
        assert_eq!(words("'quoted'"), vec!["quoted"]);
    }

    #[test]
    fn compatibility_forms_are_unified() {
        // Full-width letters and ligatures (NFKC).
        assert_eq!(normalize("ＦＵＬＬ ﬁle"), "full file");
    }

    #[test]
    fn emoji_and_symbols_are_not_words() {
        assert_eq!(words("hey 👋 → help"), vec!["hey", "help"]);
    }

    #[test]
    fn script_is_decided_by_letters() {
        assert_eq!(Script::of("пароль"), Script::Cyrillic);
        assert_eq!(Script::of("password"), Script::Latin);
        assert_eq!(Script::of("can't"), Script::Latin);
        assert_eq!(Script::of("2fa"), Script::Other);
        assert_eq!(Script::of("qrкод"), Script::Other);
    }
}
