//! `supportline stats`: the `/stats` numbers for admins at a terminal, per
//! server, optionally with the ladder chart written to a PNG file.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use chrono::{DateTime, Duration, Utc};
use clap::Args;

use super::database::{runtime, DatabaseArg};
use crate::i18n::Locale;
use crate::insight::{self, format::date};
use crate::tickets::GuildId;
use crate::tr;

#[derive(Debug, Args)]
pub struct StatsArgs {
    #[command(flatten)]
    database: DatabaseArg,
    /// How many days back from now.
    #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u32).range(1..=3650))]
    days: u32,
    /// One server (guild id); without it, every server with activity.
    #[arg(long)]
    guild: Option<u64>,
    /// The report's language: en or ru.
    #[arg(long, default_value = "en", value_parser = parse_locale)]
    locale: Locale,
    /// Also draw the ladder chart to this PNG file (one per server when
    /// there are several: FILE-<guild id>.png).
    #[arg(long, value_name = "FILE.png")]
    chart: Option<PathBuf>,
}

pub fn parse_locale(tag: &str) -> Result<Locale, String> {
    Locale::from_tag(tag).ok_or_else(|| format!("{tag:?} is not a language we speak (en, ru)"))
}

pub fn run(args: &StatsArgs) -> anyhow::Result<ExitCode> {
    runtime()?.block_on(async {
        let store = args.database.open_existing().await?;
        let until = window_end(Utc::now(), store.latest_activity().await?);
        if until.ahead_of_this_clock {
            // The bot's clock ran ahead of this machine's (a sandbox after
            // `wait`): the window follows the bot's, as /stats does.
            eprintln!(
                "{}",
                tr!(
                    args.locale,
                    "stats-clock-ahead",
                    until = crate::insight::format::date_time(until.at)
                )
            );
        }
        let until = until.at;
        let since = until - Duration::days(i64::from(args.days));
        let guilds = match args.guild {
            Some(id) => vec![GuildId(id)],
            None => store.active_guilds(since, until).await?,
        };
        if guilds.is_empty() {
            println!(
                "{}",
                tr!(
                    args.locale,
                    "stats-nothing",
                    since = date(since),
                    until = date(until)
                )
            );
        }
        for (n, guild) in guilds.iter().enumerate() {
            let stats = store.stats(*guild, since, until).await?;
            if n > 0 {
                println!();
            }
            println!(
                "{}",
                tr!(args.locale, "stats-server", guild = guild.0.to_string())
            );
            print!("{}", insight::plain_text(&stats, args.locale));
            // Per topic, as /stats shows it (only servers with topics).
            let topics = store.topic_counts(*guild, since, until).await?;
            if !topics.is_empty() {
                println!("\n{}", tr!(args.locale, "stats-topics"));
                for t in &topics {
                    let line = tr!(
                        args.locale,
                        "stats-topic-line",
                        topic = t.topic.clone(),
                        opened = t.opened,
                        closed = t.closed
                    );
                    println!("  {line}");
                }
            }
            if let Some(file) = &args.chart {
                let file = chart_file(file, *guild, guilds.len() > 1);
                let png = insight::ladder_chart(&stats, args.locale)?;
                std::fs::write(&file, png)
                    .with_context(|| format!("writing {}", file.display()))?;
            }
        }
        store.close().await;
        Ok(ExitCode::SUCCESS)
    })
}

/// Where the report's window ends: now, or just after the newest recorded
/// activity when the bot that recorded it ran ahead of this clock.
#[derive(Debug, PartialEq, Eq)]
struct WindowEnd {
    at: DateTime<Utc>,
    ahead_of_this_clock: bool,
}

fn window_end(now: DateTime<Utc>, newest: Option<DateTime<Utc>>) -> WindowEnd {
    // /stats ends its window a second after its clock's now.
    match newest.map(|n| n + Duration::seconds(1)) {
        Some(end) if end > now => WindowEnd {
            at: end,
            ahead_of_this_clock: true,
        },
        _ => WindowEnd {
            at: now,
            ahead_of_this_clock: false,
        },
    }
}

/// `FILE.png`, or `FILE-<guild>.png` when several servers share the flag.
fn chart_file(file: &Path, guild: GuildId, several: bool) -> PathBuf {
    if !several {
        return file.to_owned();
    }
    let stem = file.file_stem().unwrap_or_default().to_string_lossy();
    let ext = file
        .extension()
        .map_or_else(|| "png".into(), |e| e.to_string_lossy());
    file.with_file_name(format!("{stem}-{}.{ext}", guild.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_follows_a_bot_clock_that_ran_ahead() {
        let now = Utc::now();
        let later = now + Duration::days(3);
        assert_eq!(
            window_end(now, Some(later)),
            WindowEnd {
                at: later + Duration::seconds(1),
                ahead_of_this_clock: true
            }
        );
        let earlier = now - Duration::days(3);
        assert!(!window_end(now, Some(earlier)).ahead_of_this_clock);
        assert_eq!(window_end(now, None).at, now);
    }
}
