//! The word lists of `assets/intake/attribution.ron`, parsed once at first use.
//!
//! Every phrase is kept as its lower-case words, so that matching compares word tokens and
//! never allocates. A list that fails to parse (only possible if the asset is edited wrongly,
//! and a test parses it) leaves every list empty rather than panicking: intake then proposes
//! every sentence in the outlet's own voice.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::tokens::{Tok, phrase_at};

const WORDS_RON: &str = include_str!("../../../assets/intake/attribution.ron");

/// A phrase as its lower-case words.
pub type Phrase = Vec<String>;

/// Phrases indexed by their first word, each word's phrases longest first: a token costs one
/// look-up, whatever the list's length.
#[derive(Debug, Default)]
pub struct Phrases {
    by_first: HashMap<String, Vec<Phrase>>,
}

impl Phrases {
    fn new(list: Vec<String>) -> Self {
        let mut by_first: HashMap<String, Vec<Phrase>> = HashMap::new();
        for phrase in list {
            let words: Phrase = phrase.split_whitespace().map(str::to_lowercase).collect();
            if let Some(first) = words.first() {
                by_first.entry(first.clone()).or_default().push(words);
            }
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.len()));
        }
        Self { by_first }
    }

    /// The longest phrase at `toks[at]`, as its number of tokens.
    pub fn longest_at(&self, toks: &[Tok], at: usize) -> Option<usize> {
        let first = toks.get(at).filter(|t| t.is_word)?;
        self.by_first
            .get(&first.lower)?
            .iter()
            .find(|p| phrase_at(toks, at, p))
            .map(Vec::len)
    }

    /// Does any phrase occur in `toks`?
    pub fn occurs_in(&self, toks: &[Tok]) -> bool {
        (0..toks.len()).any(|k| self.longest_at(toks, k).is_some())
    }

    /// Every phrase, for tests.
    #[cfg(test)]
    pub fn all(&self) -> impl Iterator<Item = &Phrase> {
        self.by_first.values().flatten()
    }
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    reporting_verbs: Vec<String>,
    outlet_verbs: Vec<String>,
    auxiliaries: Vec<String>,
    adverbs: Vec<String>,
    audiences: Vec<String>,
    channels: Vec<String>,
    report_nouns: Vec<String>,
    outlet_cues: Vec<String>,
    known_outlets: Vec<String>,
    anonymous_heads: Vec<String>,
    titles: Vec<String>,
    topic_shifts: Vec<String>,
    connectives: Vec<String>,
    anaphora: Vec<String>,
    clause_boundaries: Vec<String>,
    hedges: Vec<String>,
    attribution_hedges: Vec<String>,
    doubts: Vec<String>,
}

/// The lists: single words as sets, phrases indexed by their first word.
#[derive(Debug, Default)]
pub struct Words {
    pub reporting_verbs: HashSet<String>,
    pub outlet_verbs: HashSet<String>,
    pub auxiliaries: HashSet<String>,
    pub adverbs: HashSet<String>,
    pub audiences: Phrases,
    pub channels: Phrases,
    pub report_nouns: HashSet<String>,
    pub outlet_cues: Phrases,
    pub known_outlets: HashSet<String>,
    pub anonymous_heads: HashSet<String>,
    pub titles: Phrases,
    pub topic_shifts: Phrases,
    pub connectives: Phrases,
    pub anaphora: HashSet<String>,
    pub clause_boundaries: HashSet<String>,
    pub hedges: Phrases,
    pub attribution_hedges: Phrases,
    pub doubts: Phrases,
}

/// Parses the lists; the error is ron's, with its position in the file.
pub fn parse(text: &str) -> Result<Words, ron::error::SpannedError> {
    let raw: Raw = ron::from_str(text)?;
    let set = |list: Vec<String>| list.into_iter().map(|w| w.to_lowercase()).collect();
    let phrases = Phrases::new;
    Ok(Words {
        reporting_verbs: set(raw.reporting_verbs),
        outlet_verbs: set(raw.outlet_verbs),
        auxiliaries: set(raw.auxiliaries),
        adverbs: set(raw.adverbs),
        audiences: phrases(raw.audiences),
        channels: phrases(raw.channels),
        report_nouns: set(raw.report_nouns),
        outlet_cues: phrases(raw.outlet_cues),
        known_outlets: set(raw.known_outlets),
        anonymous_heads: set(raw.anonymous_heads),
        titles: phrases(raw.titles),
        topic_shifts: phrases(raw.topic_shifts),
        connectives: phrases(raw.connectives),
        anaphora: set(raw.anaphora),
        clause_boundaries: set(raw.clause_boundaries),
        hedges: phrases(raw.hedges),
        attribution_hedges: phrases(raw.attribution_hedges),
        doubts: phrases(raw.doubts),
    })
}

static WORDS: LazyLock<Words> = LazyLock::new(|| parse(WORDS_RON).unwrap_or_default());

/// The shipped lists.
pub fn words() -> &'static Words {
    &WORDS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_lists_parse_and_are_lower_case() {
        let words = parse(WORDS_RON).expect("attribution.ron parses");
        assert!(words.reporting_verbs.contains("said"));
        assert!(words.known_outlets.contains("politico"));
        assert!(words.outlet_cues.all().any(|p| p == &["media", "outlet"]));
        for phrase in words.hedges.all().chain(words.titles.all()) {
            for word in phrase {
                assert_eq!(word, &word.to_lowercase());
            }
        }
        // Longest first, so that "is expected to" wins over "is".
        let text = "It is expected to rain.";
        let toks = super::super::tokens::tokens(text, crate::intake::Span::new(0, text.len()));
        assert_eq!(words.hedges.longest_at(&toks, 1), Some(3));
    }

    #[test]
    fn a_broken_list_is_an_error_not_a_panic() {
        assert!(parse("(reporting_verbs: [").is_err());
    }
}
