//! Running one line against the sandbox as a person: saying, running a
//! slash command, clicking, filling a modal, looking, letting time pass.

use crate::bot::Clock;
use crate::sandbox::{ChannelRef, DriverError, MessageView, Opt, Person, PersonView, Sandbox};

use super::place::{resolve, PlaceError};
use super::script::{Action, Place};

/// How many recent messages per channel `show` prints.
pub const SHOW_RECENT: usize = 3;

#[derive(Debug, thiserror::Error)]
pub enum ActError {
    #[error(transparent)]
    Driver(#[from] DriverError),
    #[error(transparent)]
    Place(#[from] PlaceError),
    #[error("{who} sees no message with a \"{label}\" button{place}")]
    NoButton {
        who: String,
        label: String,
        place: String,
    },
    #[error("no form is open for {0} (click a button that opens one first)")]
    NoModal(String),
    #[error("this bot's clock cannot be moved")]
    FixedClock,
}

/// Runs `action`; `show` returns what the person sees.
pub async fn act(
    sandbox: &Sandbox,
    clock: &Clock,
    action: &Action,
) -> Result<Option<PersonView>, ActError> {
    match action {
        Action::Say { who, place, text } => {
            let person = sandbox.person(who)?;
            let channel = resolve(sandbox, &person, place)?;
            person.say(&channel, text).await?;
        }
        Action::Slash {
            who,
            command,
            options,
            place,
        } => {
            let person = sandbox.person(who)?;
            let default = Place::Channel("help".to_string());
            let channel = resolve(sandbox, &person, place.as_ref().unwrap_or(&default))?;
            // Typed as text; the sandbox reads it by each option's type,
            // as the Discord client does.
            let given: Vec<(&str, Opt)> = options
                .iter()
                .map(|(n, v)| (n.as_str(), Opt::Text(v.clone())))
                .collect();
            person.slash(&channel, command, &given).await?;
        }
        Action::Click { who, label, place } => {
            let person = sandbox.person(who)?;
            match newest_with_button(sandbox, &person, label, place.as_ref()) {
                Ok((message, label)) => {
                    person.click(&message, &label).await?;
                }
                // Not a button: an option of a select menu, if one offers it.
                Err(no_button) => {
                    let (message, menu, value) =
                        newest_with_option(sandbox, &person, label, place.as_ref())
                            .ok_or(no_button)?;
                    person.choose(&message, &menu, &[&value]).await?;
                }
            }
        }
        Action::Fill { who, values } => {
            let person = sandbox.person(who)?;
            let modal = person
                .open_modal()
                .ok_or_else(|| ActError::NoModal(who.clone()))?;
            let given: Vec<(&str, &str)> = values
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            person.submit_modal(&modal, &given).await?;
        }
        Action::Show { who, .. } => {
            let person = sandbox.person(who)?;
            return Ok(Some(person.view(SHOW_RECENT)));
        }
        Action::Wait(by) => {
            let by = chrono::Duration::from_std(*by).map_err(|_| ActError::FixedClock)?;
            if !clock.advance(by) {
                return Err(ActError::FixedClock);
            }
            // Discord's time passes too: idle threads archive themselves.
            sandbox.advance_clock(by.to_std().unwrap_or_default());
            // Let the scheduler see the new time before the console looks.
            tokio::time::sleep(crate::demo::TIMER_TICK * 3).await;
        }
        // The console answers these itself.
        Action::Help | Action::Quit => {}
    }
    Ok(None)
}

/// The newest message `person` sees (in `place`, if given) with an enabled
/// button labelled `label` in any case ("claim" finds "Claim"), and the
/// label as the button has it.
/// The newest message `person` sees with a select menu offering `label`:
/// the message, the menu's custom id and the option's value.
fn newest_with_option(
    sandbox: &Sandbox,
    person: &Person,
    label: &str,
    place: Option<&Place>,
) -> Option<(MessageView, String, String)> {
    let messages = visible_messages(sandbox, person, place).ok()?;
    let wanted = label.to_lowercase();
    messages
        .into_iter()
        .filter_map(|m| {
            let (menu, value) = m.selects.iter().filter(|s| !s.disabled).find_map(|s| {
                s.options
                    .iter()
                    .find(|(l, _)| l.to_lowercase() == wanted)
                    .map(|(_, v)| (s.custom_id.clone(), v.clone()))
            })?;
            Some((m, menu, value))
        })
        .max_by_key(|(m, _, _)| m.id)
}

/// The newest message `pick` finds a label in, with that label.
fn newest_where(
    messages: &[MessageView],
    pick: impl Fn(&MessageView) -> Option<String>,
) -> Option<(MessageView, String)> {
    messages
        .iter()
        .filter_map(|m| pick(m).map(|label| (m.clone(), label)))
        .max_by_key(|(m, _)| m.id)
}

/// What `person` sees in `place`, or everywhere.
fn visible_messages(
    sandbox: &Sandbox,
    person: &Person,
    place: Option<&Place>,
) -> Result<Vec<MessageView>, ActError> {
    Ok(match place {
        Some(place) => {
            let channel: ChannelRef = resolve(sandbox, person, place)?;
            person.messages_in(&channel)
        }
        None => person
            .view(usize::MAX)
            .channels
            .into_iter()
            .flat_map(|c| c.recent)
            .collect(),
    })
}

fn newest_with_button(
    sandbox: &Sandbox,
    person: &Person,
    label: &str,
    place: Option<&Place>,
) -> Result<(MessageView, String), ActError> {
    let messages = visible_messages(sandbox, person, place)?;
    let wanted = label.to_lowercase();
    let enabled = |m: &MessageView| -> Vec<String> {
        m.buttons
            .iter()
            .filter(|b| !b.disabled)
            .map(|b| b.label.clone())
            .collect()
    };
    let exact = |m: &MessageView| enabled(m).into_iter().find(|l| l.to_lowercase() == wanted);
    // As people type it: the beginning of a label will do ("Нет" for
    // "Нет, ещё нет") when no other label person sees begins so ("Cl"
    // begins Claim and Close: no guess).
    let mut begun: Vec<String> = messages
        .iter()
        .flat_map(enabled)
        .filter(|l| l.to_lowercase().starts_with(&wanted))
        .collect();
    begun.sort();
    begun.dedup();
    let only_begun = match begun.as_slice() {
        [only] => Some(only.to_lowercase()),
        _ => None,
    };
    let beginning = |m: &MessageView| {
        let only = only_begun.as_deref()?;
        enabled(m).into_iter().find(|l| l.to_lowercase() == only)
    };
    newest_where(&messages, exact)
        .or_else(|| newest_where(&messages, beginning))
        .ok_or_else(|| ActError::NoButton {
            who: person.name().to_string(),
            label: label.to_string(),
            place: place.map(|p| format!(" in {p}")).unwrap_or_default(),
        })
}
