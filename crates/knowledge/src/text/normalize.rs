//! Normalisation and tokenising: the step that makes case, `ё`/`е`,
//! punctuation and spacing irrelevant to matching.

use unicode_normalization::{IsNormalized, UnicodeNormalization};

use super::segment::split_words;

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
    fold_simple(text).unwrap_or_else(|| fold_unicode(text))
}

/// [`fold`] of text made only of ASCII, the basic Cyrillic block and the
/// usual apostrophes, quotes and dashes, none of which NFKC changes: one pass, no tables.
/// `None` for any other text. Nearly every question and article is such
/// text, and folding is a large share of indexing time.
fn fold_simple(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let folded = match c {
            '`' => '\'',
            c if c.is_ascii() => c.to_ascii_lowercase(),
            'Ё' | 'ё' => 'е',
            // Ѐ..Џ → ѐ..џ, А..Я → а..я; а..џ are already lower case.
            '\u{0400}'..='\u{040F}' => char::from_u32(c as u32 + 0x50)?,
            '\u{0410}'..='\u{042F}' => char::from_u32(c as u32 + 0x20)?,
            '\u{0430}'..='\u{045F}' => c,
            '\u{2019}' | '\u{2018}' | '\u{02BC}' => '\'',
            // Quotes and dashes of Russian and English typography.
            '«' | '»' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{2013}' | '\u{2014}' => c,
            _ => return None,
        };
        out.push(folded);
    }
    Some(out)
}

/// [`fold`] of any text.
fn fold_unicode(text: &str) -> String {
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

/// Whether `text` has no letter or digit at all (only spaces,
/// punctuation, emoji, zero-width or control characters): a question that
/// says nothing, to be treated as empty.
pub fn is_blank(text: &str) -> bool {
    !text.chars().any(char::is_alphanumeric)
}

/// The words of `text`, folded, in order (Unicode word boundaries, so
/// `Wi-Fi` is two words and `can't` is one).
pub fn words(text: &str) -> Vec<String> {
    split_words(&fold(text))
        .into_iter()
        .map(str::to_owned)
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
    fn the_quick_path_folds_as_the_full_one() {
        let samples = [
            "Hello, WORLD! can`t «ok»",
            "ЁЛКИ-ПАЛКИ, Ѐ Ѓ Џ ЙОД ёж",
            "mixed ТЕКСТ 123 — dash",
            "it\u{2019}s \u{2018}quoted\u{02BC}",
            "tab\tand\nnewline",
        ];
        for text in samples {
            let quick = fold_simple(text);
            if let Some(quick) = quick {
                assert_eq!(quick, fold_unicode(text), "{text}");
            }
        }
        assert!(fold_simple("Ёлка и CAN`T").is_some());
        // NFKC changes these: the full path takes them.
        for text in ["wait…", "№ 5", "a\u{00A0}b", "ﬁle"] {
            assert_eq!(fold_simple(text), None, "{text}");
        }
        // Every character the quick path takes, one at a time.
        let range = (0u32..0x80).chain(0x400..0x460).chain([
            0x2018, 0x2019, 0x2BC, 0xAB, 0xBB, 0x201C, 0x201D, 0x201E, 0x2013, 0x2014,
        ]);
        for c in range.filter_map(char::from_u32) {
            let text = format!("a{c}Б");
            assert_eq!(fold_simple(&text), Some(fold_unicode(&text)), "{c:?}");
        }
    }

    #[test]
    fn text_without_letters_or_digits_is_blank() {
        assert!(is_blank("\u{200B}\u{200D}\u{FEFF} \u{2060}"));
        assert!(is_blank("?!… 👋 ---"));
        assert!(is_blank(""));
        assert!(!is_blank("\u{200B}a"));
        assert!(!is_blank("404"));
        assert!(!is_blank("пароль"));
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
