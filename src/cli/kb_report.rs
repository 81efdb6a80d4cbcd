//! `supportline kb report`: the knowledge base's to-do list — questions L0
//! could not answer or answered without helping, grouped by wording, with
//! the closest article and how often each was asked.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use chrono::{Duration, Utc};
use clap::Args;

use super::database::{runtime, DatabaseArg};
use crate::i18n::Locale;
use crate::insight::{self, QuestionGroup};
use crate::knowledge::{self, Index};
use crate::store::L0Exchange;
use crate::tickets::GuildId;
use crate::tr;

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    database: DatabaseArg,
    /// How many days back from now.
    #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u32).range(1..=3650))]
    days: u32,
    /// One server (guild id); without it, every server with activity.
    #[arg(long)]
    guild: Option<u64>,
    /// The knowledge folder, to name the closest article as the matcher
    /// sees it now; without it, the article the bot saw when asked.
    #[arg(long = "knowledge")]
    knowledge: Option<PathBuf>,
    /// The report's language (`en`, `ru`); else `SUPPORTLINE_LOCALE`, then
    /// `LANG`; English by default. The questions stay as people wrote them.
    #[arg(long)]
    locale: Option<String>,
}

pub fn run(args: &ReportArgs) -> anyhow::Result<ExitCode> {
    let index = match &args.knowledge {
        Some(dir) => {
            let (kb, report) =
                knowledge::load(dir).with_context(|| format!("loading {}", dir.display()))?;
            for p in &report.problems {
                eprintln!("{p}");
            }
            Some(Index::build(kb))
        }
        None => None,
    };
    runtime()?.block_on(async {
        let store = args.database.open_existing().await?;
        let until = Utc::now();
        let since = until - Duration::days(i64::from(args.days));
        let guilds = match args.guild {
            Some(id) => vec![GuildId(id)],
            None => store.active_guilds(since, until).await?,
        };
        let mut exchanges: Vec<L0Exchange> = Vec::new();
        for guild in guilds {
            exchanges.extend(store.l0_exchanges(guild, since, until).await?);
        }
        store.close().await;
        let groups = insight::kb_report(&exchanges, index.as_ref());
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::new(stdout.lock());
        let lang = super::locale::admin_locale(args.locale.as_deref());
        print_report(&mut out, &groups, exchanges.len(), args.days, lang)?;
        out.flush()?;
        Ok(ExitCode::SUCCESS)
    })
}

/// The list for an admin's terminal, in their language (the questions
/// stay as users wrote them).
fn print_report(
    out: &mut impl Write,
    groups: &[QuestionGroup],
    asked: usize,
    days: u32,
    lang: Locale,
) -> anyhow::Result<()> {
    let total: usize = groups.iter().map(|g| g.count).sum();
    if asked == 0 {
        // An empty log says nothing about the articles: don't praise them.
        writeln!(
            out,
            "{}",
            tr!(lang, "cli-report-nothing-asked", days = days)
        )?;
        return Ok(());
    }
    if groups.is_empty() {
        writeln!(
            out,
            "{}",
            tr!(lang, "cli-report-all-answered", asked = asked, days = days)
        )?;
        return Ok(());
    }
    writeln!(
        out,
        "{}",
        tr!(
            lang,
            "cli-report-header",
            total = total,
            days = days,
            groups = groups.len()
        )
    )?;
    for (n, g) in groups.iter().enumerate() {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            tr!(
                lang,
                "cli-report-group",
                n = n + 1,
                question = one_line(&g.representative),
                count = g.count,
                unanswered = g.unanswered,
                unhelpful = g.unhelpful,
                locale = g.locale.code()
            )
        )?;
        let closest = match &g.closest {
            Some(c) => tr!(
                lang,
                "cli-report-closest",
                article = c.article.to_string(),
                title = c
                    .title
                    .as_deref()
                    .map(|t| format!(" — {t}"))
                    .unwrap_or_default(),
                confidence = format!("{:.2}", c.confidence)
            ),
            None => tr!(lang, "cli-report-closest-none"),
        };
        writeln!(out, "   {closest}")?;
        for w in &g.others {
            writeln!(
                out,
                "   {}",
                tr!(
                    lang,
                    "cli-report-also",
                    question = one_line(&w.text),
                    count = w.count
                )
            )?;
        }
    }
    Ok(())
}

/// A question on one line, however it was typed.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
