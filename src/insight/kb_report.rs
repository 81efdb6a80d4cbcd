//! What to write next: the questions L0 could not answer, or answered
//! without helping, grouped by similar wording, each with the article it
//! came closest to and how often it was asked — the admin's to-do list for
//! the knowledge base (`supportline kb report`).
//!
//! Grouping is greedy and deliberately simple: wordings are reduced to
//! their content stems (the knowledge engine's folding, stop words and
//! stemmers, so "Reset my password?" and "password resetting" agree; a
//! stem also matches a related one, as in the matcher), the
//! most asked wording starts a group, and each next wording joins the first
//! group whose first wording shares at least [`SIMILARITY`] of their stems
//! (Jaccard), or starts its own. Comparing with the group's first wording,
//! not with every member, keeps groups from drifting by chains of
//! near-neighbours.

use std::collections::{BTreeSet, HashMap};

use crate::i18n::Locale;
use crate::knowledge::text::{is_stop_word, related, stem, words};
use crate::knowledge::Index;
use crate::store::{L0Click, L0Exchange};

/// The least Jaccard similarity of content stems for two wordings to be
/// the same question.
pub const SIMILARITY: f64 = 0.5;

/// Why an exchange is on the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GapReason {
    /// No article was confident enough to answer.
    Unanswered,
    /// An article answered and the user asked for a human anyway.
    Unhelpful,
}

/// Whether an exchange shows a gap in the knowledge base. A user who
/// finally clicked "Solved" (after a candidate, say) was helped.
pub fn gap(e: &L0Exchange) -> Option<GapReason> {
    // Small talk ("hi", "thanks") is no question an article could answer.
    if e.small_talk.is_some() {
        return None;
    }
    match (&e.article, &e.click) {
        (_, L0Click::Solved) => None,
        (None, _) => Some(GapReason::Unanswered),
        (Some(_), L0Click::TalkToHuman) => Some(GapReason::Unhelpful),
        (Some(_), _) => None,
    }
}

/// The article a group of questions came closest to.
#[derive(Debug, Clone, PartialEq)]
pub struct Closest {
    pub article: String,
    /// Known when the knowledge base was given.
    pub title: Option<String>,
    /// The matcher's confidence in it, in [0, 1].
    pub confidence: f64,
}

/// A wording and how often it was asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wording {
    pub text: String,
    pub count: usize,
}

/// One question, however it was worded.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionGroup {
    /// The most asked wording.
    pub representative: String,
    /// How often the question was asked, in every wording.
    pub count: usize,
    pub unanswered: usize,
    pub unhelpful: usize,
    /// The other wordings, most asked first.
    pub others: Vec<Wording>,
    pub locale: Locale,
    pub closest: Option<Closest>,
}

/// One distinct wording (after folding) with its tallies.
struct Distinct {
    text: String,
    stems: BTreeSet<String>,
    count: usize,
    unanswered: usize,
    unhelpful: usize,
    locale: Locale,
    /// The best article the bot itself saw for it, with its confidence.
    seen: Option<(String, f64)>,
    first: usize,
}

/// The to-do list from `exchanges` (any order): groups of similar
/// questions that need an article, most asked first. With `index`, each
/// group's closest article is the matcher's best candidate now (however
/// weak); without, the best the bot saw when the question was asked.
pub fn report(exchanges: &[L0Exchange], index: Option<&Index>) -> Vec<QuestionGroup> {
    let mut distinct = distinct_wordings(exchanges);
    distinct.sort_by(|a, b| b.count.cmp(&a.count).then(a.first.cmp(&b.first)));

    let mut groups: Vec<Vec<Distinct>> = Vec::new();
    for d in distinct {
        let home = groups
            .iter_mut()
            .find(|g| g[0].locale == d.locale && similarity(&g[0].stems, &d.stems) >= SIMILARITY);
        match home {
            Some(g) => g.push(d),
            None => groups.push(vec![d]),
        }
    }

    let mut out: Vec<QuestionGroup> = groups
        .into_iter()
        .map(|members| summarise(members, index))
        .collect();
    out.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.representative.cmp(&b.representative))
    });
    out
}

fn distinct_wordings(exchanges: &[L0Exchange]) -> Vec<Distinct> {
    let mut by_text: HashMap<(String, Locale), Distinct> = HashMap::new();
    for (n, e) in exchanges.iter().enumerate() {
        let Some(reason) = gap(e) else { continue };
        let folded = words(&e.question).join(" ");
        if folded.is_empty() {
            continue;
        }
        let d = by_text
            .entry((folded, e.locale))
            .or_insert_with(|| Distinct {
                text: e.question.trim().to_owned(),
                stems: content_stems(&e.question),
                count: 0,
                unanswered: 0,
                unhelpful: 0,
                locale: e.locale,
                seen: None,
                first: n,
            });
        d.count += 1;
        match reason {
            GapReason::Unanswered => d.unanswered += 1,
            GapReason::Unhelpful => d.unhelpful += 1,
        }
        let best = e.article.as_ref().or(e.candidates.first());
        if let Some(article) = best {
            if d.seen.as_ref().is_none_or(|(_, c)| e.confidence > *c) {
                d.seen = Some((article.clone(), e.confidence));
            }
        }
    }
    by_text.into_values().collect()
}

fn summarise(members: Vec<Distinct>, index: Option<&Index>) -> QuestionGroup {
    let first = &members[0];
    let closest = match index {
        Some(index) => closest_now(index, &first.text, first.locale),
        None => members
            .iter()
            .filter_map(|m| m.seen.clone())
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(article, confidence)| Closest {
                article,
                title: None,
                confidence,
            }),
    };
    QuestionGroup {
        representative: first.text.clone(),
        count: members.iter().map(|m| m.count).sum(),
        unanswered: members.iter().map(|m| m.unanswered).sum(),
        unhelpful: members.iter().map(|m| m.unhelpful).sum(),
        locale: first.locale,
        closest,
        others: members[1..]
            .iter()
            .map(|m| Wording {
                text: m.text.clone(),
                count: m.count,
            })
            .collect(),
    }
}

/// The matcher's best candidate for `question`, even below the answer
/// threshold.
fn closest_now(index: &Index, question: &str, locale: Locale) -> Option<Closest> {
    let answer = index.ask(question, Some(locale.code()));
    answer.candidates.first().map(|c| Closest {
        article: c.id.as_str().to_owned(),
        title: Some(c.title.clone()),
        confidence: f64::from(answer.confidence),
    })
}

/// The stems of a text's words that carry meaning (stop words dropped).
pub fn content_stems(text: &str) -> BTreeSet<String> {
    words(text)
        .into_iter()
        .filter(|w| !is_stop_word(w))
        .map(|w| stem(&w))
        .collect()
}

/// Jaccard similarity of two stem sets, where a stem also matches a
/// related one (`удал` / `удален`, the knowledge engine's test); 0 when
/// both are empty (wordings of stop words alone only group when
/// identical).
pub fn similarity(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    let shared = a
        .iter()
        .filter(|x| b.contains(*x) || b.iter().any(|y| related(x, y)))
        .count()
        // Two stems of `a` related to one of `b` match it once.
        .min(b.len());
    let union = a.len() + b.len() - shared;
    if union == 0 {
        return 0.0;
    }
    shared as f64 / union as f64
}

#[cfg(test)]
#[path = "kb_report_tests.rs"]
mod tests;
