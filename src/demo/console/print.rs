//! Printing what people saw: readable text grouped by person, or one JSON
//! object per sighting (`--json`).

use std::io::{self, Write};

use super::seen::Seen;

/// How the console prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
}

/// Prints the sightings of one line.
pub fn print_seen(out: &mut dyn Write, format: Format, seen: &[Seen]) -> io::Result<()> {
    match format {
        Format::Json => {
            for s in seen {
                let json = serde_json::to_string(s).map_err(io::Error::other)?;
                writeln!(out, "{json}")?;
            }
        }
        Format::Human => out.write_all(human(seen).as_bytes())?,
    }
    out.flush()
}

/// Prints what the console itself says (help, a file saved): as is in
/// text, as `{"line","note"}` with `--json`.
pub fn print_note(out: &mut dyn Write, format: Format, line: usize, note: &str) -> io::Result<()> {
    match format {
        Format::Json => {
            let json = serde_json::json!({ "line": line, "note": note });
            writeln!(out, "{json}")?;
        }
        Format::Human => {
            writeln!(out, "{}", note.trim_end())?;
        }
    }
    out.flush()
}

/// Prints a line's error: on stderr in text, as `{"line","error"}` with `--json`.
pub fn print_error(
    out: &mut dyn Write,
    err: &mut dyn Write,
    format: Format,
    line: usize,
    message: &str,
) -> io::Result<()> {
    match format {
        Format::Json => {
            let json = serde_json::json!({ "line": line, "error": message });
            writeln!(out, "{json}")?;
            out.flush()
        }
        Format::Human => {
            writeln!(err, "line {line}: {message}")?;
            err.flush()
        }
    }
}

/// The readable form: a heading per person (in order of first sighting),
/// then each thing they saw with its place, author, text, embeds and
/// buttons. People who saw exactly the same things share one heading
/// (staff of several levels all see a new case card).
pub fn human(seen: &[Seen]) -> String {
    let mut blocks: Vec<(Vec<&str>, String)> = Vec::new();
    let mut people: Vec<&str> = Vec::new();
    for s in seen {
        if !people.contains(&s.who.as_str()) {
            people.push(&s.who);
        }
    }
    for person in people {
        let block: String = seen.iter().filter(|s| s.who == person).map(one).collect();
        match blocks.iter_mut().find(|(_, b)| *b == block) {
            Some((who, _)) => who.push(person),
            None => blocks.push((vec![person], block)),
        }
    }
    let mut out = String::new();
    for (who, block) in blocks {
        let verb = if who.len() == 1 { "sees" } else { "see" };
        out.push_str(&format!("── {} {verb}\n", who.join(", ")));
        out.push_str(&block);
    }
    out
}

fn one(s: &Seen) -> String {
    let mut out = String::new();
    if let Some(modal) = &s.modal {
        out.push_str(&format!(
            "   {}  a form \"{}\": {}\n",
            s.place,
            modal.title,
            modal.fields.join(", ")
        ));
        return out;
    }
    let mut head = format!("   {}  {}", s.place, s.author.as_deref().unwrap_or("?"));
    match s.change.as_str() {
        "edited" => head.push_str(" (edited)"),
        "deleted" => head.push_str(" (deleted)"),
        _ => {}
    }
    if s.ephemeral {
        head.push_str(" (only you)");
    }
    head.push(':');
    let mut lines = s.text.lines();
    if let Some(first) = lines.next() {
        head.push(' ');
        head.push_str(first);
    }
    out.push_str(&head);
    out.push('\n');
    for more in lines {
        out.push_str(&format!("      {more}\n"));
    }
    for embed in &s.embeds {
        for text in embed.title.iter().chain(&embed.description) {
            for l in text.lines() {
                out.push_str(&format!("      │ {l}\n"));
            }
        }
        for f in &embed.fields {
            out.push_str(&format!(
                "      │ {}: {}\n",
                f.name,
                f.value.replace('\n', " / ")
            ));
        }
        if let Some(footer) = &embed.footer {
            out.push_str(&format!("      │ ({footer})\n"));
        }
    }
    for file in &s.attachments {
        out.push_str(&format!("      📎 {} ({})\n", file.name, size(file.size)));
    }
    if !s.buttons.is_empty() {
        let buttons: Vec<String> = s.buttons.iter().map(|b| format!("[{b}]")).collect();
        out.push_str(&format!("      {}\n", buttons.join(" ")));
    }
    for menu in &s.menus {
        out.push_str(&format!("      ▾ {menu}\n"));
    }
    // An edit notifies nobody on Discord: whom the message notified when
    // it was posted was shown then.
    if !s.pings.is_empty() && s.change != "edited" {
        out.push_str(&format!("      🔔 notified {}\n", s.pings.join(", ")));
    }
    out
}

/// A file size as people read it.
fn size(bytes: u64) -> String {
    match bytes {
        b if b < 1_024 => format!("{b} B"),
        b if b < 1_024 * 1_024 => format!("{:.1} KiB", b as f64 / 1_024.0),
        b => format!("{:.1} MiB", b as f64 / (1_024.0 * 1_024.0)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::console::seen::{SeenEmbed, SeenField, SeenModal};

    fn answer() -> Seen {
        Seen {
            line: 2,
            who: "alice".into(),
            place: "#help".into(),
            change: "new".into(),
            author: Some("supportline".into()),
            text: "Here is what I found".into(),
            ephemeral: true,
            embeds: vec![SeenEmbed {
                title: Some("Reopening a ticket".into()),
                description: Some("Use /reopen".into()),
                fields: vec![SeenField {
                    name: "Confidence".into(),
                    value: "high".into(),
                }],
                footer: None,
            }],
            buttons: vec!["Solved".into(), "Talk to a human".into()],
            menus: Vec::new(),
            modal: None,
            attachments: vec![],
            pings: vec![],
        }
    }

    #[test]
    fn a_reply_shows_place_author_text_embed_and_buttons_under_its_person() {
        let text = human(&[answer()]);
        assert_eq!(
            text,
            "── alice sees\n   #help  supportline (only you): Here is what I found\n      │ Reopening a ticket\n      │ Use /reopen\n      │ Confidence: high\n      [Solved] [Talk to a human]\n"
        );
    }

    #[test]
    fn sightings_are_grouped_by_person_in_order_of_appearance() {
        let mut mark = answer();
        mark.who = "mark".into();
        mark.ephemeral = false;
        let text = human(&[answer(), mark, answer()]);
        let alice = text.find("── alice").unwrap();
        let mark = text.find("── mark").unwrap();
        assert!(alice < mark);
        assert_eq!(text.matches("── alice").count(), 1);
        assert_eq!(text.matches("Here is what I found").count(), 3);
    }

    #[test]
    fn people_who_saw_the_same_things_share_a_heading() {
        let mut mark = answer();
        mark.who = "mark".into();
        let text = human(&[answer(), mark]);
        assert!(text.starts_with("── alice, mark see\n"), "{text}");
        assert_eq!(text.matches("Here is what I found").count(), 1);
    }

    #[test]
    fn a_modal_is_shown_as_a_form_with_its_fields() {
        let mut form = answer();
        form.change = "modal".into();
        form.modal = Some(SeenModal {
            title: "Escalate #1".into(),
            fields: vec!["Reason".into()],
        });
        assert!(human(&[form]).contains("a form \"Escalate #1\": Reason"));
    }

    #[test]
    fn files_and_pings_are_shown_under_the_message() {
        let mut log = answer();
        log.attachments = vec![crate::demo::console::seen::SeenFile {
            name: "ticket-1.html".into(),
            size: 4_300,
        }];
        log.pings = vec!["lena".into()];
        let text = human(&[log.clone()]);
        assert!(text.contains("📎 ticket-1.html (4.2 KiB)"), "{text}");
        assert!(text.contains("🔔 notified lena"), "{text}");
        let mut out = Vec::new();
        print_seen(&mut out, Format::Json, &[log]).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["attachments"][0]["name"], "ticket-1.html");
        assert_eq!(v["attachments"][0]["size"], 4_300);
        assert_eq!(v["pings"][0], "lena");
    }

    #[test]
    fn an_edit_does_not_say_it_notified_anyone_again() {
        let mut log = answer();
        log.pings = vec!["lena".into()];
        log.change = "edited".into();
        let text = human(&[log]);
        assert!(text.contains("(edited)"), "{text}");
        assert!(!text.contains("notified"), "{text}");
    }

    #[test]
    fn json_is_one_object_per_line_with_who_where_and_text() {
        let mut out = Vec::new();
        print_seen(&mut out, Format::Json, &[answer(), answer()]).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2);
        let v: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
        assert_eq!(v["who"], "alice");
        assert_eq!(v["where"], "#help");
        assert_eq!(v["buttons"][1], "Talk to a human");
        assert_eq!(v["embeds"][0]["title"], "Reopening a ticket");
    }
}
