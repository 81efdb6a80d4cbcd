//! From evidence to a score, and from scores to a decision. Every knob of
//! the matcher is here, with the reason for its value. The values were
//! chosen on two different evaluation sets at once (a bilingual helpdesk
//! base and an English intent benchmark) and kept only where they helped
//! both; see `docs/knowledge.md`.

use super::query::Ranked;

/// How strongly a question word meets a term, by how it was found and
/// where in the article it is.
pub(super) struct Strength;

impl Strength {
    /// A stem derived from the same root (`бронь` ~ `бронирование`).
    pub const RELATED: f32 = 0.8;
    /// A word in a keyword phrase the question has completely.
    pub const KEYWORD: f32 = 1.0;
    pub const TITLE: f32 = 0.8;
    /// A word in every example (less in fewer, see `examples`).
    pub const EXAMPLE: f32 = 0.7;

    /// A known word `edits` typos away.
    pub fn typo(edits: usize) -> f32 {
        if edits <= 1 {
            0.8
        } else {
            0.6
        }
    }

    /// A word in `count` of an article's `of` examples: a word in a quarter
    /// of them or more is what the article is about, a word in one of a
    /// hundred is chance. A share of two examples says little, so the
    /// share counts [`EXAMPLE_PRIOR`] more examples without the word.
    pub fn examples(count: u16, of: u16) -> f32 {
        let share = f32::from(count) / (f32::from(of.max(1)) + EXAMPLE_PRIOR);
        Self::EXAMPLE * (share * 4.0).sqrt().min(1.0)
    }

    /// A body word, more when the body repeats it (it is what the article
    /// is about), saturating quickly.
    pub fn body(count: u16) -> f32 {
        match count {
            0 | 1 => 0.35,
            2 => 0.45,
            _ => 0.5,
        }
    }
}

/// Examples a share of examples is taken over beyond an article's own:
/// one word in one of two examples is no longer "what the article is
/// about" (on koleso such words found the wrong article), while a hundred
/// examples are barely changed. Chosen on moemesto's ranking (its right
/// article is first for 87.9 % of questions without it, 90.5 % from 5 on);
/// koleso and clinc150 checked (see `docs/knowledge.md`).
const EXAMPLE_PRIOR: f32 = 5.0;

/// A keyword place for a word, by how much of the phrase the question has
/// (one word of a three-word phrase is weak evidence of the phrase), and,
/// for a complete phrase, whether its words come in order and close
/// together (`pos`: the question position of each phrase word).
pub(super) fn keyword_place(found: usize, len: usize, pos: &[u32]) -> f32 {
    let partial = |found: usize| 0.4 + 0.4 * found as f32 / len.max(1) as f32;
    if found < len {
        return partial(found);
    }
    if len <= 1 {
        return Strength::KEYWORD;
    }
    let in_order = pos.windows(2).all(|w| w[0] < w[1]);
    let span = pos.iter().max().unwrap_or(&0) - pos.iter().min().unwrap_or(&0) + 1;
    let order = if in_order { 1.0 } else { 0.85 };
    // One word may sit between two phrase words; more and it fades.
    let close = ((len as f32 + 1.0) / span as f32).min(1.0);
    (Strength::KEYWORD * order * close).max(partial(len - 1))
}

/// An unknown question word weighs this share of the rarest known word:
/// it is information the knowledge base does not cover.
pub(super) const UNKNOWN_WORD_WEIGHT: f32 = 0.5;

/// The share of an unknown word's weight that counts as information an
/// article leaves unexplained: a long unknown word names a thing (`billing`,
/// `invoice`), a short one is as often slang, a name or a typo (`lol`, `pls`).
pub(super) fn unknown_information(letters: usize) -> f32 {
    match letters {
        0..=3 => 0.25,
        4 | 5 => 0.6,
        _ => 1.0,
    }
}

/// Words in more articles than this are common: they add to articles the
/// question's rarer words found, but find none themselves, and only their
/// keyword, title and example-set places count. Knowledge bases of up to a
/// few thousand articles have almost no common words.
pub(super) fn common_df(articles: usize) -> u32 {
    u32::try_from((articles / 200).max(64)).unwrap_or(u32::MAX)
}

/// What one article has going for it against one question.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Evidence {
    /// Share of the question's weight the article explains, each word at
    /// the strength of its best place.
    pub coverage: f32,
    /// The same sum in units of the rarest word's weight: how much, not
    /// what share.
    pub mass: f32,
    /// Cosine similarity of the three closest examples, best first.
    pub examples: [f32; 3],
    /// Cosine similarity of the closest body passage.
    pub passage: f32,
    pub pattern: bool,
    /// The article has a locale and the question is plainly in another.
    pub language_mismatch: bool,
    /// The best complete keyword phrase (index into the index's keywords).
    pub keyword: Option<u32>,
    /// Shares of the question's weight found in keywords, title, examples
    /// and body (for explanations).
    pub in_keywords: f32,
    pub in_title: f32,
    pub in_examples: f32,
    pub in_body: f32,
    /// Share of the question's weight in words the knowledge base lacks.
    pub unknown: f32,
    /// The question's information in words the article explains (keywords,
    /// title, examples) and in words it does not, in units of `idf_ref`
    /// (see [`Explained`]; filled in for explanations only).
    pub explained: Explained,
}

impl Evidence {
    pub fn describe(&self) -> Vec<(&'static str, f32)> {
        let flag = |b: bool| f32::from(u8::from(b));
        vec![
            ("coverage", self.coverage),
            ("mass", self.mass),
            ("examples", (self.examples.iter().sum::<f32>()) / 3.0),
            ("passage", self.passage),
            ("pattern", flag(self.pattern)),
            ("in_keywords", self.in_keywords),
            ("in_title", self.in_title),
            ("in_examples", self.in_examples),
            ("in_body", self.in_body),
            ("unknown", self.unknown),
            ("explained", self.explained.explained),
            ("unexplained", self.explained.unexplained),
            ("absent", self.explained.absent),
            ("elsewhere", self.explained.elsewhere),
            ("other_language", flag(self.language_mismatch)),
        ]
    }
}

/// How much of the question an article explains, from the weight it
/// covers: `mass^0.7 · coverage^0.4`, a weighted geometric mean of how much
/// (`covered / idf_ref`) and what share (`covered / question`). Both are
/// proportional to `covered`, so this is `covered^1.1` times a constant of
/// the question: one `ln` and one `exp` per article.
pub(super) struct Bag {
    offset: f32,
}

impl Bag {
    pub fn new(idf_ref: f32, question_mass: f32) -> Self {
        let offset = if idf_ref > 0.0 && question_mass > 0.0 {
            -0.7 * idf_ref.ln() - 0.4 * question_mass.ln()
        } else {
            f32::NEG_INFINITY
        };
        Bag { offset }
    }

    pub fn of(&self, covered: f32) -> f32 {
        if covered > 0.0 {
            (1.1 * covered.ln() + self.offset).exp()
        } else {
            0.0
        }
    }

    /// A covered weight below which [`of`](Self::of) is surely less than
    /// `bag` (a thousandth under the exact inverse, far more than the
    /// rounding of either way); 0 when there is none.
    pub fn below(&self, bag: f32) -> f32 {
        if bag > 0.0 && self.offset.is_finite() {
            ((bag.ln() - self.offset) / 1.1).exp() * 0.999
        } else {
            0.0
        }
    }
}

/// What a score is made of (see [`Evidence`] for the meanings).
#[derive(Debug, Clone, Copy)]
pub(super) struct Inputs {
    /// See [`Bag`].
    pub bag: f32,
    /// Mean cosine of the three closest examples (missing ones count 0).
    pub examples: f32,
    pub passage: f32,
    pub pattern: bool,
    pub language_mismatch: bool,
}

/// How much of the question an article says it is about (for tuning: a
/// match that rests on generic words while an informative word of the
/// question is `absent`, or is another article's topic, is suspect).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct Explained {
    pub explained: f32,
    pub unexplained: f32,
    /// The part of `unexplained` in words the article lacks altogether
    /// (not even in its body).
    pub absent: f32,
    /// The part of `unexplained` in words another candidate explains: the
    /// question names a topic the knowledge base gives to another article.
    pub elsewhere: f32,
}

/// One number per article: how much of the question it explains (as a
/// weighted geometric mean of how much and what share), plus the nearest
/// examples and body passage, plus patterns.
pub(super) fn score(e: &Inputs) -> f32 {
    let pattern = if e.pattern { PATTERN } else { 0.0 };
    let s = e.bag + EXAMPLES * e.examples + 0.4 * e.passage + pattern;
    // Between two equal articles, prefer the one in the question's language.
    if e.language_mismatch {
        s * 0.9
    } else {
        s
    }
}

/// The weight of the nearest examples' mean cosine. Chosen as the most
/// that leaves moemesto (tuned on) unchanged, ranking and decision (from
/// 0.5 on its right article is first less often); more lifts clinc150's
/// in-scope answers but answers more of its out-of-scope questions too
/// (0.6: 84.7 % in-scope, 18.4 % out-of-scope answered), see
/// `docs/knowledge.md`.
const EXAMPLES: f32 = 0.45;

/// A matching pattern adds this much: about what it takes to answer.
const PATTERN: f32 = 0.6;

/// Below this confidence the matcher answers nothing.
pub const ANSWER_THRESHOLD: f32 = 0.5;

/// The (discounted, see [`ABSENT`]) score that makes confidence 0.5.
/// Chosen on moemesto, in the middle of the range where its out-of-scope
/// questions stay unanswered and its precision holds (0.52–0.55); checked
/// on clinc150 and koleso (see `docs/knowledge.md`).
const SCORE_AT_THRESHOLD: f32 = 0.54;

/// How much of the best score is lost when ALL of the question's
/// information lies in words the article does not have anywhere (not
/// even in its body): a question about scooters that finds the bike
/// rental article through "rent" is answered by words it did not ask
/// about. Proportional to that share, so a long chatty question with a
/// few stray words loses little.
const ABSENT: f32 = 0.3;

pub(super) struct Decision {
    pub answer: Option<u32>,
    pub confidence: f32,
}

/// The share of the question's information the article lacks altogether.
fn absent_share(e: &Explained) -> f32 {
    let total = e.explained + e.unexplained;
    if total > 0.0 {
        (e.absent / total).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// The confidence in the best candidate: its score, less the share of the
/// question it lacks altogether, mapped onto [0, 1) so that the threshold
/// sits at 0.5. The runner-up no longer takes anything off: on all three
/// evaluation sets a margin rule cost as many right answers as it saved
/// wrong ones (the share it lacks says more).
pub(super) fn decide(ranked: &[Ranked]) -> Decision {
    let Some(best) = ranked.first() else {
        return Decision {
            answer: None,
            confidence: 0.0,
        };
    };
    let lead = (best.score * (1.0 - ABSENT * absent_share(&best.evidence.explained))).max(0.0);
    let confidence =
        (1.0 - (-lead / SCORE_AT_THRESHOLD * std::f32::consts::LN_2).exp()).clamp(0.0, 1.0);
    Decision {
        answer: (confidence >= ANSWER_THRESHOLD).then_some(best.article),
        confidence,
    }
}
