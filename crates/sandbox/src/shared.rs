//! What the server tasks, the gateway and the driver share: the world
//! behind one lock, a change counter to wait on, and activity tracking.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::Instant;

use tokio::sync::watch;

use crate::faults::Faults;
use crate::record::Recorder;
use crate::state::{DiscordState, WorldConfig};

pub struct Shared {
    world: Mutex<DiscordState>,
    changes: watch::Sender<u64>,
    in_flight: AtomicUsize,
    last_activity: Mutex<Instant>,
    pub config: WorldConfig,
    pub faults: Faults,
    /// Discord's rate limits: buckets per route and resource, the global limit.
    pub limits: crate::limits::RateLimiter,
    pub recorder: Recorder,
    /// Where `POST /sandbox/console` hands lines, once opened.
    pub console: crate::control::ConsoleDoor,
}

impl Shared {
    pub fn new(world: DiscordState) -> Self {
        let config = world.config.clone();
        Shared {
            world: Mutex::new(world),
            changes: watch::channel(0).0,
            in_flight: AtomicUsize::new(0),
            last_activity: Mutex::new(Instant::now()),
            config,
            faults: Faults::default(),
            limits: Default::default(),
            recorder: Recorder::default(),
            console: Default::default(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, DiscordState> {
        // A panic while holding the lock leaves the world as it was at the
        // panic; keep serving rather than poisoning every later call.
        self.world.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Reads the world.
    pub fn read<T>(&self, f: impl FnOnce(&DiscordState) -> T) -> T {
        f(&self.lock())
    }

    /// Changes the world and wakes everyone waiting for a change.
    pub fn write<T>(&self, f: impl FnOnce(&mut DiscordState) -> T) -> T {
        let out = f(&mut self.lock());
        self.touch();
        out
    }

    /// Notes activity and wakes waiters.
    pub fn touch(&self) {
        *self.last_activity.lock().unwrap_or_else(|e| e.into_inner()) = Instant::now();
        self.changes.send_modify(|v| *v = v.wrapping_add(1));
    }

    pub fn subscribe(&self) -> watch::Receiver<u64> {
        self.changes.subscribe()
    }

    pub fn request_started(&self) {
        self.in_flight.fetch_add(1, Ordering::SeqCst);
        self.touch();
    }

    pub fn request_finished(&self) {
        self.in_flight.fetch_sub(1, Ordering::SeqCst);
        self.touch();
    }

    pub fn in_flight(&self) -> usize {
        self.in_flight.load(Ordering::SeqCst)
    }

    pub fn last_activity(&self) -> Instant {
        *self.last_activity.lock().unwrap_or_else(|e| e.into_inner())
    }
}
