//! What a person saw, as the console shows it: the sandbox's sightings
//! with mentions rendered as names, loading placeholders skipped and
//! edits that change nothing a person would notice left out.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::names::SandboxNames;
use super::render::{render_text, Names};
use crate::sandbox::{MessageView, ModalView, Sighting};

/// One thing one person saw (one JSON object with `--json`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Seen {
    /// The script line that caused it (1-based).
    pub line: usize,
    pub who: String,
    #[serde(rename = "where")]
    pub place: String,
    /// `new`, `edited`, `deleted`, `modal` or `shown` (by `show`).
    pub change: String,
    pub author: Option<String>,
    pub text: String,
    /// Only `who` sees it.
    pub ephemeral: bool,
    pub embeds: Vec<SeenEmbed>,
    pub buttons: Vec<String>,
    /// Select menus, each as `placeholder: option · option` (pick one with
    /// `clicks "option"`).
    #[serde(default)]
    pub menus: Vec<String>,
    pub modal: Option<SeenModal>,
    /// Files attached to the message (an HTML transcript, the /stats chart).
    pub attachments: Vec<SeenFile>,
    /// Who the message notified (mentions that really pinged).
    pub pings: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SeenFile {
    pub name: String,
    /// In bytes.
    pub size: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SeenEmbed {
    pub title: Option<String>,
    pub description: Option<String>,
    pub fields: Vec<SeenField>,
    pub footer: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SeenField {
    pub name: String,
    pub value: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SeenModal {
    pub title: String,
    /// The labels of its fields.
    pub fields: Vec<String>,
}

impl Seen {
    /// Whether the text, an embed or a button shows `needle`.
    pub fn shows(&self, needle: &str) -> bool {
        self.text.contains(needle)
            || self.buttons.iter().any(|b| b.contains(needle))
            || self.embeds.iter().any(|e| {
                e.title
                    .iter()
                    .chain(&e.description)
                    .chain(&e.footer)
                    .any(|t| t.contains(needle))
                    || e.fields
                        .iter()
                        .any(|f| f.name.contains(needle) || f.value.contains(needle))
            })
            || self
                .modal
                .as_ref()
                .is_some_and(|m| m.title.contains(needle))
    }
}

/// A message as `who` sees it.
pub fn seen_message(
    line: usize,
    who: &str,
    change: &str,
    message: &MessageView,
    names: &SandboxNames<'_>,
) -> Seen {
    let text = |s: &str| render_text(s, names);
    Seen {
        line,
        who: who.to_string(),
        place: names.place(message.channel_id),
        change: change.to_string(),
        author: Some(
            names
                .user(message.author_id)
                .unwrap_or_else(|| message.author.clone()),
        ),
        text: text(&message.text),
        ephemeral: message.ephemeral,
        embeds: message
            .embeds
            .iter()
            .map(|e| SeenEmbed {
                title: e.title.as_deref().map(text),
                description: e.description.as_deref().map(text),
                fields: e
                    .fields
                    .iter()
                    .map(|f| SeenField {
                        name: text(&f.name),
                        value: text(&f.value),
                    })
                    .collect(),
                footer: e.footer.as_deref().map(text),
            })
            .collect(),
        buttons: message
            .buttons
            .iter()
            .filter(|b| !b.disabled)
            .map(|b| b.label.clone())
            .collect(),
        menus: message
            .selects
            .iter()
            .filter(|m| !m.disabled)
            .map(|m| {
                let options: Vec<&str> =
                    m.options.iter().map(|(label, _)| label.as_str()).collect();
                format!(
                    "{}: {}",
                    m.placeholder.as_deref().unwrap_or("choose"),
                    options.join(" · ")
                )
            })
            .collect(),
        modal: None,
        attachments: message
            .attachments
            .iter()
            .map(|a| SeenFile {
                name: a.filename.clone(),
                size: a.size,
            })
            .collect(),
        pings: message.pings.notified.clone(),
    }
}

fn seen_modal(
    line: usize,
    sighting: &Sighting,
    modal: &ModalView,
    names: &SandboxNames<'_>,
) -> Seen {
    Seen {
        line,
        who: sighting.who.clone(),
        place: names.place(modal.channel_id),
        change: "modal".to_string(),
        author: None,
        text: String::new(),
        ephemeral: true,
        embeds: Vec::new(),
        buttons: Vec::new(),
        menus: Vec::new(),
        modal: Some(SeenModal {
            title: modal.title.clone(),
            fields: modal.fields.iter().map(|f| f.label.clone()).collect(),
        }),
        attachments: Vec::new(),
        pings: Vec::new(),
    }
}

/// What each person was last shown of each message, so that an edit that
/// changes nothing visible (or a creation followed by its own edit) is
/// shown once.
#[derive(Default)]
pub struct Memory {
    shown: HashMap<(String, u64), Seen>,
}

impl Memory {
    /// The sightings worth showing, in order.
    pub fn filter(
        &mut self,
        line: usize,
        sightings: &[Sighting],
        names: &SandboxNames<'_>,
    ) -> Vec<Seen> {
        let mut out = Vec::new();
        for sighting in sightings {
            if let Some(modal) = &sighting.modal {
                out.push(seen_modal(line, sighting, modal, names));
                continue;
            }
            let Some(message) = &sighting.message else {
                continue;
            };
            let key = (sighting.who.clone(), message.id);
            if sighting.change == "deleted" {
                if self.shown.remove(&key).is_some() {
                    let mut seen = seen_message(line, &sighting.who, "deleted", message, names);
                    seen.text = String::new();
                    seen.embeds.clear();
                    seen.buttons.clear();
                    seen.menus.clear();
                    seen.attachments.clear();
                    seen.pings.clear();
                    out.push(seen);
                }
                continue;
            }
            // A deferred reply shows "thinking…"; its edit brings the answer.
            // Discord's own lines ("Supportline added Lena to the thread")
            // tell a reader of the console nothing the next message won't.
            if message.loading || message.is_system() {
                continue;
            }
            let change = if self.shown.contains_key(&key) {
                "edited"
            } else {
                "new"
            };
            let seen = seen_message(line, &sighting.who, change, message, names);
            let unchanged = self
                .shown
                .get(&key)
                .is_some_and(|before| same_content(before, &seen));
            if unchanged {
                continue;
            }
            self.shown.insert(key, seen.clone());
            out.push(seen);
        }
        out
    }
}

fn same_content(a: &Seen, b: &Seen) -> bool {
    a.text == b.text
        && a.embeds == b.embeds
        && a.buttons == b.buttons
        && a.menus == b.menus
        && a.attachments == b.attachments
}
