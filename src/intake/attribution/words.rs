//! The word lists of `assets/intake/attribution.ron`, parsed once at first use.
//!
//! Every phrase is kept as its lower-case words, so that matching compares word tokens and
//! never allocates. A list that fails to parse (only possible if the asset is edited wrongly,
//! and a test parses it) leaves every list empty rather than panicking: intake then proposes
//! every sentence in the outlet's own voice.

use std::collections::HashSet;
use std::sync::LazyLock;

const WORDS_RON: &str = include_str!("../../../assets/intake/attribution.ron");

/// A phrase as its lower-case words.
pub type Phrase = Vec<String>;

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

/// The lists, single words as sets and phrases as word lists, longest first so that the
/// first match is the longest.
#[derive(Debug, Default)]
pub struct Words {
    pub reporting_verbs: HashSet<String>,
    pub outlet_verbs: HashSet<String>,
    pub auxiliaries: HashSet<String>,
    pub adverbs: HashSet<String>,
    pub audiences: Vec<Phrase>,
    pub channels: Vec<Phrase>,
    pub report_nouns: HashSet<String>,
    pub outlet_cues: Vec<Phrase>,
    pub known_outlets: HashSet<String>,
    pub anonymous_heads: HashSet<String>,
    pub titles: Vec<Phrase>,
    pub topic_shifts: Vec<Phrase>,
    pub connectives: Vec<Phrase>,
    pub anaphora: HashSet<String>,
    pub clause_boundaries: HashSet<String>,
    pub hedges: Vec<Phrase>,
    pub attribution_hedges: Vec<Phrase>,
    pub doubts: Vec<Phrase>,
}

/// Parses the lists; the error is ron's, with its position in the file.
pub fn parse(text: &str) -> Result<Words, ron::error::SpannedError> {
    let raw: Raw = ron::from_str(text)?;
    let set = |list: Vec<String>| list.into_iter().map(|w| w.to_lowercase()).collect();
    let phrases = |list: Vec<String>| {
        let mut out: Vec<Phrase> = list
            .iter()
            .map(|p| {
                p.split_whitespace()
                    .map(str::to_lowercase)
                    .collect::<Phrase>()
            })
            .filter(|p| !p.is_empty())
            .collect();
        out.sort_by_key(|p| std::cmp::Reverse(p.len()));
        out
    };
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
        assert!(words.outlet_cues.iter().any(|p| p == &["media", "outlet"]));
        for phrase in words.hedges.iter().chain(&words.titles) {
            for word in phrase {
                assert_eq!(word, &word.to_lowercase());
            }
        }
        // Longest first, so that "is expected to" wins over "expected to".
        assert!(words.hedges.windows(2).all(|w| w[0].len() >= w[1].len()));
    }

    #[test]
    fn a_broken_list_is_an_error_not_a_panic() {
        assert!(parse("(reporting_verbs: [").is_err());
    }
}
