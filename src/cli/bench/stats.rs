//! Figures: latency percentiles, and the process's CPU time and memory
//! read from /proc (Linux; elsewhere they read as unknown).

use std::time::Duration;

/// Latencies of one kind of action, sorted on creation.
pub struct Latencies(Vec<Duration>);

impl Latencies {
    pub fn new(mut all: Vec<Duration>) -> Latencies {
        all.sort_unstable();
        Latencies(all)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The `p` quantile (0.5, 0.99, 1.0 for the max), nearest rank.
    pub fn quantile(&self, p: f64) -> Duration {
        if self.0.is_empty() {
            return Duration::ZERO;
        }
        let rank = ((self.0.len() as f64) * p).ceil() as usize;
        self.0[rank.clamp(1, self.0.len()) - 1]
    }

    /// `p50 1.2 ms, p99 3.4 ms, max 5.6 ms`
    pub fn summary(&self) -> String {
        format!(
            "p50 {}, p99 {}, max {}",
            ms(self.quantile(0.5)),
            ms(self.quantile(0.99)),
            ms(self.quantile(1.0))
        )
    }
}

pub fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1e3;
    if ms < 10.0 {
        format!("{ms:.2} ms")
    } else {
        format!("{ms:.1} ms")
    }
}

/// User and system CPU time this process has used so far.
pub fn cpu_time() -> Option<Duration> {
    cpu_time_of("self")
}

/// [`cpu_time`] of process `pid` (`"self"` for this one).
pub fn cpu_time_of(pid: &str) -> Option<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) may hold spaces: count from its ')'.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 here.
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    // Linux reports clock ticks of 1/100 s (USER_HZ) on every platform it runs on.
    Some(Duration::from_millis((utime + stime) * 10))
}

/// Resident memory now, in KiB.
pub fn rss_kib() -> Option<u64> {
    status_field("self", "VmRSS:")
}

/// The peak resident memory of process `pid` so far, in KiB.
pub fn peak_rss_kib_of(pid: &str) -> Option<u64> {
    status_field(pid, "VmHWM:")
}

fn status_field(pid: &str, name: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with(name))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

pub fn mib(kib: Option<u64>) -> String {
    kib.map_or_else(
        || "unknown".to_owned(),
        |k| format!("{:.0} MB", k as f64 / 1024.0),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_are_nearest_rank() {
        let l = Latencies::new((1..=100).rev().map(Duration::from_millis).collect());
        assert_eq!(l.quantile(0.5), Duration::from_millis(50));
        assert_eq!(l.quantile(0.99), Duration::from_millis(99));
        assert_eq!(l.quantile(1.0), Duration::from_millis(100));
        assert_eq!(Latencies::new(vec![]).quantile(0.5), Duration::ZERO);
    }

    #[test]
    fn this_process_has_used_some_cpu_on_linux() {
        if cfg!(target_os = "linux") {
            assert!(cpu_time().is_some());
            assert!(rss_kib().unwrap_or(0) > 0);
        }
    }
}
