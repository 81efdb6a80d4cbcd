//! YAML reading with messages an admin can act on: the parser's location,
//! shifted to the line in the file (front matter starts on line 2), and
//! the message without the parser's own "at line X" suffix.

use serde::de::DeserializeOwned;
use serde_saphyr::{DefaultMessageFormatter, Location, MessageFormatter};

/// Parses `text`, whose first line is line `offset + 1` of its file.
/// On failure: the line in the file (if known) and the message.
pub fn from_str<T: DeserializeOwned>(text: &str, offset: u32) -> Result<T, (Option<u32>, String)> {
    serde_saphyr::from_str(text).map_err(|e| {
        let line = e.location().and_then(|l| known_line(&l, offset));
        let message = DefaultMessageFormatter.format_message(e.without_snippet());
        let message: String = message.chars().filter(|c| !c.is_control()).collect();
        (line, message)
    })
}

/// The file line of a located YAML value (1 when the parser does not know).
pub fn line(location: &Location, offset: u32) -> u32 {
    known_line(location, offset).unwrap_or(offset + 1)
}

fn known_line(location: &Location, offset: u32) -> Option<u32> {
    let line = u32::try_from(location.line()).ok()?;
    (line > 0).then(|| line.saturating_add(offset))
}
