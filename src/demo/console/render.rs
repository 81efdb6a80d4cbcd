//! Discord's markup as a person reads it: `<@id>` as `@name`, `<#id>` as
//! `#channel`, `<@&id>` as `@Role`, `<t:unix:style>` as a date.

use chrono::DateTime;

/// Names of people, channels and roles by id.
pub trait Names {
    fn user(&self, id: u64) -> Option<String>;
    fn channel(&self, id: u64) -> Option<String>;
    fn role(&self, id: u64) -> Option<String>;
}

/// `text` with every mention and timestamp replaced by what the Discord
/// client shows; unknown ids and malformed tags are left as they are.
pub fn render_text(text: &str, names: &dyn Names) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let tail = &rest[open..];
        match tail
            .find('>')
            .and_then(|close| render_tag(&tail[1..close], names).map(|shown| (close, shown)))
        {
            Some((close, shown)) => {
                out.push_str(&shown);
                rest = &tail[close + 1..];
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

/// The inside of one `<…>` tag, rendered, or `None` if it is not one.
fn render_tag(tag: &str, names: &dyn Names) -> Option<String> {
    let id = |s: &str| s.parse::<u64>().ok();
    if let Some(role) = tag.strip_prefix("@&") {
        let name = names.role(id(role)?)?;
        return Some(if name.starts_with('@') {
            name
        } else {
            format!("@{name}")
        });
    }
    if let Some(user) = tag.strip_prefix('@') {
        let user = user.strip_prefix('!').unwrap_or(user);
        return names.user(id(user)?).map(|n| format!("@{n}"));
    }
    if let Some(channel) = tag.strip_prefix('#') {
        // Ticket threads are named "#12 subject": no second '#'.
        return names.channel(id(channel)?).map(|n| {
            if n.starts_with('#') {
                n
            } else {
                format!("#{n}")
            }
        });
    }
    if let Some(time) = tag.strip_prefix("t:") {
        let (seconds, style) = match time.split_once(':') {
            Some((s, style)) => (s, style),
            None => (time, "f"),
        };
        let at = DateTime::from_timestamp(seconds.parse().ok()?, 0)?;
        let shown = match style {
            "t" => at.format("%H:%M UTC"),
            "T" => at.format("%H:%M:%S UTC"),
            "d" | "D" => at.format("%Y-%m-%d"),
            _ => at.format("%Y-%m-%d %H:%M UTC"),
        };
        return Some(shown.to_string());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fixed;

    impl Names for Fixed {
        fn user(&self, id: u64) -> Option<String> {
            (id == 1).then(|| "alice".to_string())
        }
        fn channel(&self, id: u64) -> Option<String> {
            (id == 2).then(|| "l2-support".to_string())
        }
        fn role(&self, id: u64) -> Option<String> {
            (id == 3).then(|| "L2".to_string())
        }
    }

    #[test]
    fn mentions_read_as_names() {
        assert_eq!(
            render_text("<@1> and <@!1>: see <#2>, <@&3> is on it", &Fixed),
            "@alice and @alice: see #l2-support, @L2 is on it"
        );
    }

    #[test]
    fn a_thread_named_with_a_hash_gets_no_second_one() {
        struct Threads;
        impl Names for Threads {
            fn user(&self, _: u64) -> Option<String> {
                None
            }
            fn channel(&self, _: u64) -> Option<String> {
                Some("#12 Export fails".to_string())
            }
            fn role(&self, _: u64) -> Option<String> {
                None
            }
        }
        assert_eq!(
            render_text("moved: <#5>", &Threads),
            "moved: #12 Export fails"
        );
    }

    #[test]
    fn timestamps_read_as_dates_in_utc() {
        assert_eq!(
            render_text("expect an answer by <t:1700000000:R>", &Fixed),
            "expect an answer by 2023-11-14 22:13 UTC"
        );
        assert_eq!(render_text("<t:1700000000:t>", &Fixed), "22:13 UTC");
        assert_eq!(
            render_text("<t:1700000000>", &Fixed),
            "2023-11-14 22:13 UTC"
        );
    }

    #[test]
    fn unknown_ids_and_plain_angle_brackets_are_left_alone() {
        assert_eq!(
            render_text("<@99> wrote 2 < 3 and <b> or <#x", &Fixed),
            "<@99> wrote 2 < 3 and <b> or <#x"
        );
    }

    #[test]
    fn text_around_tags_keeps_its_non_ascii_letters() {
        assert_eq!(
            render_text("Привет, <@1>! Ждите ответа", &Fixed),
            "Привет, @alice! Ждите ответа"
        );
    }
}
