//! Splitting folded text into words by Unicode word boundaries (UAX #29),
//! with a quick path for text made of ASCII and basic Cyrillic: the
//! general segmenter's table look-ups were the largest single cost of
//! reading a question.

use unicode_segmentation::UnicodeSegmentation;

/// The words of folded text, in order, without apostrophes at their ends
/// (`can't` is one word, `wi-fi` two, `3.5` one).
pub fn split_words(folded: &str) -> Vec<&str> {
    quick_words(folded).unwrap_or_else(|| {
        folded
            .unicode_words()
            .map(|w| w.trim_matches('\''))
            .filter(|w| !w.is_empty())
            .collect()
    })
}

/// The word-boundary classes of UAX #29 that occur in the quick path's
/// characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// ALetter: Latin and Cyrillic letters.
    Letter,
    /// Numeric: ASCII digits.
    Digit,
    /// ExtendNumLet: `_`.
    Connector,
    /// MidLetter (`:`): joins letters only.
    MidLetter,
    /// MidNumLet and Single_Quote (`.`, `'`): join letters or digits.
    MidBoth,
    /// MidNum (`,`, `;`): joins digits only.
    MidDigit,
    /// Anything else: spaces, other punctuation, symbols.
    Other,
}

impl Class {
    /// The class of `c`, or `None` outside the quick path's characters.
    fn of(c: char) -> Option<Class> {
        Some(match c {
            'a'..='z' | 'A'..='Z' | '\u{0400}'..='\u{045F}' => Class::Letter,
            '0'..='9' => Class::Digit,
            '_' => Class::Connector,
            ':' => Class::MidLetter,
            '.' | '\'' => Class::MidBoth,
            ',' | ';' => Class::MidDigit,
            c if c.is_ascii() => Class::Other,
            '«' | '»' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{2013}' | '\u{2014}' => {
                Class::Other
            }
            _ => return None,
        })
    }

    fn in_word(self) -> bool {
        matches!(self, Class::Letter | Class::Digit | Class::Connector)
    }

    /// Whether `self`, between `before` and `after`, keeps them one word
    /// (rules WB6, WB7, WB11, WB12).
    fn joins(self, before: Class, after: Class) -> bool {
        match (before, after) {
            (Class::Letter, Class::Letter) => matches!(self, Class::MidLetter | Class::MidBoth),
            (Class::Digit, Class::Digit) => matches!(self, Class::MidDigit | Class::MidBoth),
            _ => false,
        }
    }
}

/// [`split_words`] for text of the quick path's characters; `None` when
/// another character occurs.
fn quick_words(text: &str) -> Option<Vec<&str>> {
    let mut chars: Vec<(usize, Class)> = Vec::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        chars.push((at, Class::of(c)?));
    }
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |&(at, _)| at);
    // About a word per six characters: one allocation for most texts.
    let mut out = Vec::with_capacity(chars.len() / 4 + 1);
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].1.in_word() {
            i += 1;
            continue;
        }
        let start = i;
        let mut alphanumeric = false;
        loop {
            let here = chars[i].1;
            alphanumeric |= matches!(here, Class::Letter | Class::Digit);
            // Letters, digits and connectors join one another (WB5,
            // WB8–WB10, WB13a, WB13b).
            match chars.get(i + 1) {
                Some(&(_, next)) if next.in_word() => {
                    i += 1;
                    continue;
                }
                Some(&(_, mid)) => match chars.get(i + 2) {
                    Some(&(_, after)) if mid.joins(here, after) => {
                        i += 2;
                        continue;
                    }
                    _ => {}
                },
                None => {}
            }
            break;
        }
        i += 1;
        if alphanumeric {
            out.push(&text[chars[start].0..end_of(i)]);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(text: &str) -> Vec<&str> {
        text.unicode_words()
            .map(|w| w.trim_matches('\''))
            .filter(|w| !w.is_empty())
            .collect()
    }

    #[test]
    fn words_split_as_people_read_them() {
        assert_eq!(
            split_words("can't log-in, ok?"),
            ["can't", "log", "in", "ok"]
        );
        assert_eq!(
            split_words("v3.5 costs 1,000.50 e.g. a:b"),
            ["v3.5", "costs", "1,000.50", "e.g", "a:b"]
        );
        assert_eq!(
            split_words("«ёлка» — не_работает 'тут'"),
            ["ёлка", "не_работает", "тут"]
        );
        assert_eq!(split_words("___ ... ,,"), Vec::<&str>::new());
    }

    #[test]
    fn the_quick_path_splits_as_the_unicode_segmenter_does() {
        let alphabet: Vec<char> = "aZя1_':.,;- «—\n\tЁб9".chars().collect();
        let mut rng = fastrand::Rng::with_seed(29);
        for _ in 0..20_000 {
            let len = rng.usize(0..12);
            let text: String = (0..len)
                .map(|_| alphabet[rng.usize(..alphabet.len())])
                .collect();
            assert_eq!(quick_words(&text), Some(reference(&text)), "{text:?}");
        }
    }

    #[test]
    fn other_scripts_take_the_unicode_path() {
        assert_eq!(quick_words("日本語"), None);
        assert_eq!(split_words("naïve café"), ["naïve", "café"]);
    }
}
