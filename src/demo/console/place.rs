//! Finding the channel or thread a line means, as the person acting sees
//! the server.

use super::script::Place;
use crate::sandbox::{ChannelRef, DriverError, Person, Sandbox};

#[derive(Debug, thiserror::Error)]
pub enum PlaceError {
    #[error(transparent)]
    Driver(#[from] DriverError),
    #[error("{who} sees no thread{}", .under.as_deref().map(|c| format!(" in #{c}")).unwrap_or_default())]
    NoThread { who: String, under: Option<String> },
}

/// The channel of `place` for `person`. `thread` is the thread (among a
/// channel's, with `#channel thread`) where the person saw the newest
/// message, open threads first.
pub fn resolve(
    sandbox: &Sandbox,
    person: &Person,
    place: &Place,
) -> Result<ChannelRef, PlaceError> {
    match place {
        Place::Channel(name) => Ok(sandbox.channel(name)?),
        Place::LatestThread { under } => {
            let view = person.view(1);
            view.channels
                .iter()
                .filter(|c| c.kind.ends_with("thread"))
                .filter(|c| under.is_none() || c.parent.as_deref() == under.as_deref())
                .max_by_key(|c| (!c.archived, c.recent.last().map_or(c.id, |m| m.id)))
                .map(|c| ChannelRef {
                    id: c.id,
                    name: c.name.clone(),
                })
                .ok_or_else(|| PlaceError::NoThread {
                    who: person.name().to_string(),
                    under: under.clone(),
                })
        }
    }
}
