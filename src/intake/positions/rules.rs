//! The positions stage's word lists, from `assets/intake/positions.ron`, parsed at first use.

use std::sync::LazyLock;

use crate::model::Stance;

const POSITIONS_RON: &str = include_str!("../../../assets/intake/positions.ron");

#[derive(Debug, serde::Deserialize)]
pub(super) struct Rules {
    pub stances: Vec<StanceWords>,
    pub auxiliaries: Vec<String>,
    pub negations: Vec<String>,
    pub conditions: Vec<ConditionWords>,
    pub speech: Vec<String>,
    pub authorship: Vec<String>,
    pub openers: Vec<String>,
    pub titles: Vec<String>,
    pub capitals: Vec<(String, String)>,
    pub states: Vec<String>,
    pub organisations: Vec<String>,
    pub issues: Vec<IssueWords>,
    pub determiners: Vec<String>,
}

#[derive(Debug, serde::Deserialize)]
pub(super) struct StanceWords {
    pub stance: Stance,
    pub phrases: Vec<String>,
    /// "could consider" followed by a condition is conditional, not considering.
    pub conditional_with_condition: bool,
}

#[derive(Debug, serde::Deserialize)]
pub(super) struct ConditionWords {
    pub words: String,
    /// Whether this condition makes a "could consider" conditional ("in exchange for" does,
    /// "as part of" does not).
    pub conditional: bool,
}

#[derive(Debug, serde::Deserialize)]
pub(super) struct IssueWords {
    pub name: String,
    pub words: Vec<String>,
}

/// A broken asset would be caught by the test below before it ships; at run time it gives
/// empty lists (no positions proposed), never a panic.
static RULES: LazyLock<Rules> = LazyLock::new(|| {
    ron::from_str(POSITIONS_RON).unwrap_or_else(|_| Rules {
        stances: Vec::new(),
        auxiliaries: Vec::new(),
        negations: Vec::new(),
        conditions: Vec::new(),
        speech: Vec::new(),
        authorship: Vec::new(),
        openers: Vec::new(),
        titles: Vec::new(),
        capitals: Vec::new(),
        states: Vec::new(),
        organisations: Vec::new(),
        issues: Vec::new(),
        determiners: Vec::new(),
    })
});

pub(super) fn rules() -> &'static Rules {
    &RULES
}

/// Every word-bounded occurrence of `phrase` (lower case) in `lower` (the ASCII-lowercased
/// text), as byte ranges. A phrase that begins or ends with punctuation needs no boundary
/// on that side.
pub(super) fn find_phrase(lower: &str, phrase: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if phrase.is_empty() {
        return out;
    }
    let mut from = 0;
    while let Some(pos) = lower.get(from..).and_then(|rest| rest.find(phrase)) {
        let start = from + pos;
        let end = start + phrase.len();
        if bounded(lower, start, end, phrase) {
            out.push((start, end));
        }
        from = start + phrase.len().max(1);
        while from < lower.len() && !lower.is_char_boundary(from) {
            from += 1;
        }
    }
    out
}

fn bounded(lower: &str, start: usize, end: usize, phrase: &str) -> bool {
    let is_word = |c: char| c.is_alphanumeric() || c == '-';
    let starts_word = phrase.chars().next().is_some_and(is_word);
    let ends_word = phrase.chars().last().is_some_and(is_word);
    let before_ok = !starts_word
        || lower[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !is_word(c));
    let after_ok = !ends_word || lower[end..].chars().next().is_none_or(|c| !is_word(c));
    before_ok && after_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_lists_parse() {
        let parsed: Result<Rules, _> = ron::from_str(POSITIONS_RON);
        let rules = parsed.expect("assets/intake/positions.ron parses");
        assert!(rules.stances.iter().any(|s| s.stance == Stance::Reluctant));
        assert!(rules.issues.iter().any(|i| i.name == "NATO membership"));
        for list in rules.stances.iter().map(|s| &s.phrases) {
            assert!(
                list.iter().all(|p| *p == p.to_ascii_lowercase()),
                "{list:?}"
            );
        }
    }

    #[test]
    fn phrases_match_whole_words_only() {
        let lower = "he rejected it; the rejectedness is not a word, rejected.";
        assert_eq!(find_phrase(lower, "rejected").len(), 2);
        assert_eq!(find_phrase("a, should b", ", should"), vec![(1, 9)]);
        assert!(find_phrase("unifying", "if").is_empty());
    }
}
