//! Which language a piece of text is written in, as far as its letters
//! tell: enough to choose between the knowledge base's English and Russian
//! articles for a message that carries no locale (a plain message in a
//! help channel), or whose author's locale says otherwise.

/// `"ru"` when Cyrillic letters outnumber Latin ones, `"en"` when Latin
/// letters do, `None` when the text has neither or as many of each (a
/// product name in a Russian sentence does not make it English).
pub fn language_of(text: &str) -> Option<&'static str> {
    let (mut latin, mut cyrillic) = (0usize, 0usize);
    for c in text.chars() {
        match c {
            '\u{0400}'..='\u{04FF}' => cyrillic += 1,
            c if c.is_ascii_alphabetic() => latin += 1,
            _ => {}
        }
    }
    match latin.cmp(&cyrillic) {
        std::cmp::Ordering::Less => Some("ru"),
        std::cmp::Ordering::Greater => Some("en"),
        std::cmp::Ordering::Equal => None,
    }
}

#[cfg(test)]
mod tests {
    use super::language_of;

    #[test]
    fn russian_text_with_a_latin_product_name_is_russian() {
        assert_eq!(language_of("как сменить пароль?"), Some("ru"));
        assert_eq!(language_of("не работает экспорт в Excel"), Some("ru"));
    }

    #[test]
    fn english_text_is_english() {
        assert_eq!(language_of("how do I reopen a ticket?"), Some("en"));
    }

    #[test]
    fn text_without_letters_has_no_language() {
        assert_eq!(language_of("🔥🔥🔥 42"), None);
        assert_eq!(language_of(""), None);
    }
}
