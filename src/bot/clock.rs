//! The bot's notion of "now": the system clock in production, a clock that
//! tests and the sandbox demo move by hand, so that SLA targets and
//! auto-close delays can be crossed without waiting.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, Utc};

#[derive(Clone, Debug, Default)]
pub struct Clock {
    /// `None`: the system clock. `Some`: an offset added to it, moved by
    /// [`Clock::advance`] (time still flows, so waits behave normally).
    shift: Option<Arc<Mutex<Duration>>>,
}

impl Clock {
    pub fn system() -> Clock {
        Clock { shift: None }
    }

    /// A clock that starts at the system time and can be moved forward.
    pub fn adjustable() -> Clock {
        Clock {
            shift: Some(Arc::new(Mutex::new(Duration::zero()))),
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        let base = Utc::now();
        match &self.shift {
            None => base,
            Some(shift) => base + *shift.lock().unwrap_or_else(|e| e.into_inner()),
        }
    }

    /// Moves an adjustable clock forward; `false` for the system clock.
    pub fn advance(&self, by: Duration) -> bool {
        match &self.shift {
            None => false,
            Some(shift) => {
                let mut shift = shift.lock().unwrap_or_else(|e| e.into_inner());
                *shift += by;
                true
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_adjustable_clock_moves_forward_and_the_system_clock_does_not() {
        let clock = Clock::adjustable();
        let before = clock.now();
        assert!(clock.advance(Duration::hours(2)));
        assert!(clock.now() - before >= Duration::hours(2));
        assert!(!Clock::system().advance(Duration::hours(2)));
    }
}
