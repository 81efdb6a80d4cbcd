//! A synthetic knowledge base and questions for `kb bench`, shaped like
//! real text: about a third of the words are function words (the real
//! English and Russian stop lists), the rest pseudo-words in Latin and
//! Cyrillic letters whose frequencies follow the Zipf–Mandelbrot law of
//! content words (a few are common, most are rare).

use std::path::{Path, PathBuf};

use super::article::{Article, ArticleId, FieldLines};
use super::load::KnowledgeBase;
use super::synonyms::{SynonymGroup, Synonyms};
use super::text::stop_words;

pub struct Synthetic {
    pub kb: KnowledgeBase,
    pub questions: Vec<String>,
}

const LATIN_ONSETS: &[&str] = &[
    "b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "st", "tr", "pl",
];
const LATIN_VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ea", "ou"];
const CYRILLIC_ONSETS: &[&str] = &[
    "б", "в", "г", "д", "з", "к", "л", "м", "н", "п", "р", "с", "т", "ст", "пр", "кр",
];
const CYRILLIC_VOWELS: &[&str] = &["а", "е", "и", "о", "у", "я", "ы"];

struct Words {
    latin: Vec<String>,
    cyrillic: Vec<String>,
}

/// Share of function words in running text.
const FUNCTION_WORDS: f64 = 0.35;
/// Zipf–Mandelbrot offset: how flat the head of the content words is
/// (the commonest content word is then ~0.2 % of them, as in English).
const ZIPF_OFFSET: f64 = 60.0;

impl Words {
    fn new(rng: &mut fastrand::Rng, size: usize) -> Words {
        let make = |rng: &mut fastrand::Rng, onsets: &[&str], vowels: &[&str]| {
            let mut seen = std::collections::HashSet::new();
            let mut out = Vec::with_capacity(size);
            while out.len() < size {
                let syllables = rng.usize(2..=4);
                let mut w = String::new();
                for _ in 0..syllables {
                    w.push_str(onsets[rng.usize(..onsets.len())]);
                    w.push_str(vowels[rng.usize(..vowels.len())]);
                }
                if rng.bool() {
                    w.push_str(onsets[rng.usize(..onsets.len())]);
                }
                if seen.insert(w.clone()) {
                    out.push(w);
                }
            }
            out
        };
        Words {
            latin: make(rng, LATIN_ONSETS, LATIN_VOWELS),
            cyrillic: make(rng, CYRILLIC_ONSETS, CYRILLIC_VOWELS),
        }
    }

    fn of(&self, russian: bool) -> &[String] {
        if russian {
            &self.cyrillic
        } else {
            &self.latin
        }
    }
}

/// A function word, or a content word drawn with probability
/// proportional to 1 / (rank + offset).
fn common(rng: &mut fastrand::Rng, words: &[String]) -> String {
    if rng.f64() < FUNCTION_WORDS {
        let (english, russian) = stop_words();
        let list = if words[0].is_ascii() {
            english
        } else {
            russian
        };
        return list[rng.usize(..list.len())].to_owned();
    }
    let q = ZIPF_OFFSET;
    let span = (words.len() as f64 + q) / q;
    let rank = (q * span.powf(rng.f64()) - q) as usize;
    words[rank.min(words.len() - 1)].clone()
}

fn sentence(
    rng: &mut fastrand::Rng,
    words: &[String],
    topic: &[String],
    len: usize,
    topical: f64,
) -> String {
    (0..len)
        .map(|_| {
            if rng.f64() < topical {
                topic[rng.usize(..topic.len())].clone()
            } else {
                common(rng, words)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `articles` articles and `questions` questions, the same for one `seed`.
pub fn synthetic(articles: usize, questions: usize, seed: u64) -> Synthetic {
    let mut rng = fastrand::Rng::with_seed(seed);
    let words = Words::new(&mut rng, 4000 + articles * 3);
    let mut topics = Vec::with_capacity(articles);
    let mut list = Vec::with_capacity(articles);
    for n in 0..articles {
        let russian = n % 2 == 1;
        let vocab = words.of(russian);
        // Topic words: from the rare tail, specific to this article.
        let topic: Vec<String> = (0..6)
            .map(|_| vocab[rng.usize(vocab.len() / 4..vocab.len())].clone())
            .collect();
        let keywords = (0..rng.usize(3..=5))
            .map(|_| {
                let len = rng.usize(1..=3);
                sentence(&mut rng, vocab, &topic, len, 0.7)
            })
            .collect();
        let examples = (0..rng.usize(0..=3))
            .map(|_| {
                let len = rng.usize(6..=10);
                sentence(&mut rng, vocab, &topic, len, 0.3)
            })
            .collect();
        let patterns = if n % 10 == 0 {
            vec![format!("{}\\w* .*{}", topic[0], topic[1])]
        } else {
            Vec::new()
        };
        let body_len = rng.usize(60..=150);
        let title_len = rng.usize(3..=5);
        list.push(Article {
            id: ArticleId::new(format!("bench/{n}")).unwrap_or_else(|| unreachable!()),
            title: sentence(&mut rng, vocab, &topic, title_len, 0.5),
            body: sentence(&mut rng, vocab, &topic, body_len, 0.1),
            keywords,
            patterns,
            examples,
            tags: vec!["bench".into()],
            locale: Some(if russian { "ru" } else { "en" }.into()),
            source: PathBuf::from(format!("bench/{n}.md")),
            lines: FieldLines::default(),
        });
        topics.push((russian, topic));
    }
    let groups = (0..50)
        .map(|g| SynonymGroup {
            entries: vec![
                words.latin[g * 2].clone(),
                words.latin[g * 2 + 1].clone(),
                words.cyrillic[g].clone(),
            ],
            line: u32::try_from(g + 1).unwrap_or(u32::MAX),
        })
        .collect();
    let questions = (0..questions)
        .map(|_| {
            let (russian, topic) = &topics[rng.usize(..topics.len())];
            let vocab = words.of(*russian);
            let len = rng.usize(3..=9);
            let topical = if rng.f64() < 0.2 { 0.0 } else { 0.4 };
            let mut q = sentence(&mut rng, vocab, topic, len, topical);
            if rng.f64() < 0.15 {
                q = typo(&mut rng, &q);
            }
            q
        })
        .collect();
    Synthetic {
        kb: KnowledgeBase {
            articles: list,
            synonyms: Synonyms {
                groups,
                source: None,
            },
        },
        questions,
    }
}

/// Writes `kb` as a knowledge folder below `dir` (one file per article at
/// its `source` path), to time loading from disk.
pub fn write_folder(kb: &KnowledgeBase, dir: &Path) -> std::io::Result<()> {
    for a in &kb.articles {
        let path = dir.join(&a.source);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, markdown(a))?;
    }
    Ok(())
}

/// An article as its file: front matter with every string quoted, then
/// the body.
fn markdown(a: &Article) -> String {
    let quoted = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
    let list = |name: &str, items: &[String]| {
        if items.is_empty() {
            return String::new();
        }
        let items: Vec<String> = items
            .iter()
            .map(|i| format!("  - {}\n", quoted(i)))
            .collect();
        format!("{name}:\n{}", items.concat())
    };
    let mut out = format!("---\ntitle: {}\n", quoted(&a.title));
    out.push_str(&list("keywords", &a.keywords));
    out.push_str(&list("patterns", &a.patterns));
    out.push_str(&list("examples", &a.examples));
    if let Some(locale) = &a.locale {
        out.push_str(&format!("locale: {locale}\n"));
    }
    out.push_str("---\n");
    out.push_str(&a.body);
    out.push('\n');
    out
}

/// A hostile question of `chars` characters: one word without spaces
/// (`one_word`), or words of 12 letters. Letters are drawn at random, so
/// no word is known and every one is tried for typos.
pub fn hostile_question(chars: usize, one_word: bool, seed: u64) -> String {
    let mut rng = fastrand::Rng::with_seed(seed);
    (0..chars)
        .map(|i| {
            if !one_word && i % 13 == 12 {
                ' '
            } else {
                rng.lowercase()
            }
        })
        .collect()
}

/// Swaps two neighbouring letters of one word.
fn typo(rng: &mut fastrand::Rng, q: &str) -> String {
    let mut words: Vec<Vec<char>> = q.split(' ').map(|w| w.chars().collect()).collect();
    let n = rng.usize(..words.len());
    let w = &mut words[n];
    if w.len() > 2 {
        let i = rng.usize(..w.len() - 1);
        w.swap(i, i + 1);
    }
    words
        .iter()
        .map(|w| w.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_knowledge_base() {
        let a = synthetic(20, 10, 7);
        let b = synthetic(20, 10, 7);
        assert_eq!(a.questions, b.questions);
        assert_eq!(a.kb.articles, b.kb.articles);
        assert_eq!(a.kb.articles.len(), 20);
    }

    #[test]
    fn a_written_folder_loads_as_the_same_articles() {
        let data = synthetic(30, 0, 5);
        let dir = tempfile::tempdir().unwrap();
        write_folder(&data.kb, dir.path()).unwrap();
        let (kb, report) = crate::load(dir.path()).unwrap();
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        assert_eq!(kb.articles.len(), 30);
        let original = &data.kb.articles;
        for a in &kb.articles {
            let o = original.iter().find(|o| o.id == a.id).unwrap();
            assert_eq!(
                (&a.title, &a.keywords, &a.patterns),
                (&o.title, &o.keywords, &o.patterns)
            );
            assert_eq!(
                (&a.examples, &a.body, &a.locale),
                (&o.examples, &o.body, &o.locale)
            );
        }
    }

    #[test]
    fn a_hostile_question_has_the_length_asked_for() {
        assert_eq!(hostile_question(1000, true, 1).chars().count(), 1000);
        assert!(!hostile_question(1000, true, 1).contains(' '));
        assert_eq!(hostile_question(1000, false, 1).split(' ').count(), 77);
    }
}
