//! What can go wrong while handling a command, a click or an event, and
//! what the person is told. Refusals and bad input are expected and get a
//! precise message; everything else is logged and gets a generic apology.

use crate::i18n::{Catalog, FluentValue, Locale};
use crate::store::{StoreError, TransitionError};
use crate::tickets::Refusal;

#[derive(Debug, thiserror::Error)]
pub enum BotError {
    /// The domain said no: nothing changed.
    #[error("refused: {0:?}")]
    Refused(Refusal),
    /// A message for the person, from the catalogue.
    #[error("told the user {0:?}")]
    Say(Say),
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Boxed: serenity's error is large and errors travel through every
    /// handler's `Result`.
    #[error("Discord: {0}")]
    Discord(Box<poise::serenity_prelude::Error>),
    #[error("{0}")]
    Internal(String),
}

/// A catalogue message with its arguments, rendered in the person's locale.
/// Numbers stay numbers, so that Fluent picks their plural form.
#[derive(Debug, Clone)]
pub struct Say {
    pub key: &'static str,
    pub args: Vec<(&'static str, SayArg)>,
}

/// One argument of a [`Say`].
#[derive(Debug, Clone, PartialEq)]
pub enum SayArg {
    Text(String),
    Number(i64),
}

impl SayArg {
    fn value(&self) -> FluentValue<'_> {
        match self {
            SayArg::Text(t) => FluentValue::from(t.as_str()),
            SayArg::Number(n) => FluentValue::from(*n),
        }
    }
}

impl Say {
    pub fn new(key: &'static str) -> Say {
        Say {
            key,
            args: Vec::new(),
        }
    }

    /// A text argument (a name, a link, a level).
    pub fn arg(mut self, name: &'static str, value: impl ToString) -> Say {
        self.args.push((name, SayArg::Text(value.to_string())));
        self
    }

    /// A number argument: the message chooses its plural form by it.
    pub fn count(mut self, name: &'static str, n: impl Into<i64>) -> Say {
        self.args.push((name, SayArg::Number(n.into())));
        self
    }

    pub fn text(&self, locale: Locale) -> String {
        let args: Vec<(&str, FluentValue<'_>)> =
            self.args.iter().map(|(k, v)| (*k, v.value())).collect();
        Catalog::global().text(locale, self.key, &args)
    }
}

impl BotError {
    pub fn say(key: &'static str) -> BotError {
        BotError::Say(Say::new(key))
    }

    /// Whether this is an expected answer (a refusal, bad input) rather
    /// than a failure worth logging.
    pub fn is_expected(&self) -> bool {
        matches!(self, BotError::Refused(_) | BotError::Say(_))
    }

    /// The text the person sees.
    pub fn user_text(&self, locale: Locale) -> String {
        match self {
            BotError::Refused(refusal) => crate::bot::render::refusal::text(locale, refusal),
            BotError::Say(say) => say.text(locale),
            BotError::Discord(e) if is_missing_permissions(e) => {
                Say::new("error-bot-permissions").text(locale)
            }
            _ => Say::new("error-generic").text(locale),
        }
    }
}

impl From<poise::serenity_prelude::Error> for BotError {
    fn from(e: poise::serenity_prelude::Error) -> Self {
        BotError::Discord(Box::new(e))
    }
}

impl From<TransitionError> for BotError {
    fn from(e: TransitionError) -> Self {
        match e {
            TransitionError::Refused(r) => BotError::Refused(r),
            TransitionError::NotFound(_) => BotError::say("error-ticket-not-found"),
            TransitionError::Busy(_) => BotError::say("error-busy"),
            TransitionError::Store(e) => BotError::Store(e),
        }
    }
}

fn is_missing_permissions(e: &poise::serenity_prelude::Error) -> bool {
    use poise::serenity_prelude::{Error, HttpError, ModelError};
    match e {
        Error::Http(HttpError::UnsuccessfulRequest(r)) => {
            r.error.code == 50013 || r.error.code == 50001
        }
        Error::Model(ModelError::InvalidPermissions { .. }) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_counted_argument_picks_the_plural_form_a_text_one_cannot() {
        let say = Say::new("open-limit").count("count", 1).arg("links", "#1");
        assert_eq!(
            say.text(Locale::Ru),
            "У вас уже 1 открытый тикет. Продолжите, пожалуйста, там: #1"
        );
        let five = Say::new("open-limit").count("count", 5).arg("links", "#1");
        assert!(five.text(Locale::Ru).contains("5 открытых тикетов"));
    }
}
