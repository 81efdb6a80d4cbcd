//! Discord's mention markup (`<@123>`, `<@!123>`, `<@&123>`, `<#123>`,
//! `<t:1700000000:R>`) rewritten as text people read, for places Discord
//! does not render it: thread names, HTML transcripts.

use chrono::DateTime;

/// One piece of mention markup.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mention {
    User(u64),
    Role(u64),
    Channel(u64),
}

/// `text` with every mention replaced by `@name` / `#name` as `name_of`
/// knows it (a plain `@user`, `@role` or `#channel` when it does not), and
/// timestamps as UTC dates. Other text is left as it is.
pub fn readable(text: &str, name_of: &dyn Fn(Mention) -> Option<String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        match tail
            .find('>')
            .and_then(|end| Some((end, markup(&tail[1..end])?)))
        {
            Some((end, piece)) => {
                out.push_str(&piece.render(name_of));
                rest = &tail[end + 1..];
            }
            None => {
                out.push('<');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

enum Piece {
    Mention(Mention),
    Time(i64),
}

impl Piece {
    fn render(&self, name_of: &dyn Fn(Mention) -> Option<String>) -> String {
        match self {
            Piece::Mention(m) => {
                let (sigil, fallback) = match m {
                    Mention::User(_) => ('@', "user"),
                    Mention::Role(_) => ('@', "role"),
                    Mention::Channel(_) => ('#', "channel"),
                };
                let name = name_of(*m).unwrap_or_else(|| fallback.to_owned());
                format!("{sigil}{name}")
            }
            Piece::Time(secs) => DateTime::from_timestamp(*secs, 0)
                .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
                .unwrap_or_default(),
        }
    }
}

/// The inside of `<…>`, if it is mention markup.
fn markup(inner: &str) -> Option<Piece> {
    let id = |s: &str| s.parse::<u64>().ok().filter(|_| !s.is_empty());
    if let Some(rest) = inner.strip_prefix("@&") {
        return id(rest).map(|i| Piece::Mention(Mention::Role(i)));
    }
    if let Some(rest) = inner.strip_prefix("@!").or_else(|| inner.strip_prefix('@')) {
        return id(rest).map(|i| Piece::Mention(Mention::User(i)));
    }
    if let Some(rest) = inner.strip_prefix('#') {
        return id(rest).map(|i| Piece::Mention(Mention::Channel(i)));
    }
    if let Some(rest) = inner.strip_prefix("t:") {
        let secs = rest.split(':').next()?;
        return secs.parse::<i64>().ok().map(Piece::Time);
    }
    None
}

/// Every mention in `text`, in order.
pub fn mentions(text: &str) -> Vec<Mention> {
    let found = std::cell::RefCell::new(Vec::new());
    readable(text, &|m| {
        found.borrow_mut().push(m);
        None
    });
    found.into_inner()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_become_names_and_unknown_ones_a_plain_word() {
        let names = |m: Mention| match m {
            Mention::User(7) => Some("alice".to_owned()),
            Mention::Role(8) => Some("L2".to_owned()),
            _ => None,
        };
        assert_eq!(
            readable("<@7> and <@!7> ask <@&8> in <#9> about <@99>", &names),
            "@alice and @alice ask @L2 in #channel about @user"
        );
        assert_eq!(
            readable("due <t:1700000000:R>", &names),
            "due 2023-11-14 22:13 UTC"
        );
    }

    #[test]
    fn text_that_only_looks_like_markup_is_kept() {
        let none = |_: Mention| None;
        assert_eq!(readable("a < b > c <@x> <#>", &none), "a < b > c <@x> <#>");
        assert_eq!(readable("<script>", &none), "<script>");
    }

    #[test]
    fn the_mentions_of_a_text_are_listed() {
        assert_eq!(
            mentions("<@1> <@&2> <#3>"),
            vec![Mention::User(1), Mention::Role(2), Mention::Channel(3)]
        );
    }
}
