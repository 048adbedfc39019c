//! The events stage's word lists, `assets/intake/events.ron`, parsed once on first use.
//! A list that fails to parse gives an empty lexicon (no event is proposed) and never a
//! panic; a test keeps the shipped file parsing.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::model::{EventKind, EventStatus};

use super::tokens::{Token, phrase_at};

const EVENTS_RON: &str = include_str!("../../../assets/intake/events.ron");

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Form {
    Verb,
    Noun,
}

/// The tense a trigger's own form tells: "met" is past, "meets" present, "meet" neither
/// (it takes the tense of its auxiliary: "may meet", "will meet").
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum FormTense {
    Base,
    Present,
    Past,
}

#[derive(Debug, serde::Deserialize)]
pub(crate) struct Trigger {
    pub words: String,
    pub kind: EventKind,
    pub form: Form,
    pub tense: FormTense,
}

#[derive(Debug, serde::Deserialize)]
pub(crate) struct StatusWords {
    pub words: String,
    pub status: EventStatus,
}

#[derive(Debug, serde::Deserialize)]
pub(crate) struct StatementVerb {
    pub words: String,
    pub kind: EventKind,
}

#[derive(Debug, serde::Deserialize)]
pub(crate) struct GroupNoun {
    pub words: String,
    pub name: String,
}

#[derive(Debug, serde::Deserialize)]
pub(crate) struct Country {
    pub name: String,
    /// ISO 3166-1 alpha-2, or "" for a union or region ("Europe").
    pub code: String,
    pub short: String,
    pub names: Vec<String>,
    pub adjectives: Vec<String>,
    pub capitals: Vec<String>,
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub(crate) struct Lexicon {
    pub triggers: Vec<Trigger>,
    pub back_reference: Vec<String>,
    pub not_back_reference: Vec<String>,
    pub new_event_markers: Vec<String>,
    pub status_words: Vec<StatusWords>,
    pub statement_verbs: Vec<StatementVerb>,
    pub reporting_words: Vec<String>,
    pub participant_links: Vec<String>,
    pub scope_stops: Vec<String>,
    pub group_nouns: Vec<GroupNoun>,
    pub titles: Vec<String>,
    pub role_heads: Vec<String>,
    pub organisation_words: Vec<String>,
    pub organisations: Vec<String>,
    pub not_names: Vec<String>,
    pub countries: Vec<Country>,
}

/// A list of phrases, each split into lower-case words, indexed by first word so that a
/// sentence is scanned once whatever the list's length.
#[derive(Debug, Default)]
pub(crate) struct Phrases {
    words: Vec<Vec<String>>,
    by_first: HashMap<String, Vec<usize>>,
}

impl Phrases {
    pub fn new<'a>(phrases: impl IntoIterator<Item = &'a str>) -> Self {
        let mut out = Self::default();
        for p in phrases {
            let words: Vec<String> = p.split_whitespace().map(str::to_lowercase).collect();
            let Some(first) = words.first() else { continue };
            out.by_first
                .entry(first.clone())
                .or_default()
                .push(out.words.len());
            out.words.push(words);
        }
        out
    }

    /// The longest phrase starting at token `at`: (its index in the list, the token after it).
    pub fn longest_at(&self, tokens: &[Token], at: usize) -> Option<(usize, usize)> {
        let first = tokens.get(at)?;
        let candidates = self.by_first.get(&first.lower)?;
        candidates
            .iter()
            .filter_map(|&i| phrase_at(tokens, at, &self.words[i]).map(|end| (i, end)))
            .max_by_key(|&(i, end)| (end, std::cmp::Reverse(i)))
    }

    pub fn contains_word(&self, word: &str) -> bool {
        self.by_first
            .get(word)
            .is_some_and(|c| c.iter().any(|&i| self.words[i].len() == 1))
    }
}

/// The lexicon with its phrase indexes.
#[derive(Debug, Default)]
pub(crate) struct Words {
    pub lexicon: Lexicon,
    pub triggers: Phrases,
    pub status: Phrases,
    pub statements: Phrases,
    pub reporting: Phrases,
    pub links: Phrases,
    pub stops: Phrases,
    pub groups: Phrases,
    pub titles: Phrases,
    pub organisations: Phrases,
    /// Every name, adjective and capital of `lexicon.countries`, with the country's index.
    pub country_names: Phrases,
    pub country_of_name: Vec<(usize, NameUse)>,
}

/// How a country is named.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NameUse {
    Name,
    Adjective,
    Capital,
}

impl Words {
    fn from_lexicon(lexicon: Lexicon) -> Self {
        let mut names = Vec::new();
        let mut country_of_name = Vec::new();
        for (i, c) in lexicon.countries.iter().enumerate() {
            for (list, how) in [
                (&c.names, NameUse::Name),
                (&c.adjectives, NameUse::Adjective),
                (&c.capitals, NameUse::Capital),
            ] {
                for n in list {
                    names.push(n.as_str());
                    country_of_name.push((i, how));
                }
            }
        }
        Self {
            triggers: Phrases::new(lexicon.triggers.iter().map(|t| t.words.as_str())),
            status: Phrases::new(lexicon.status_words.iter().map(|s| s.words.as_str())),
            statements: Phrases::new(lexicon.statement_verbs.iter().map(|s| s.words.as_str())),
            reporting: Phrases::new(lexicon.reporting_words.iter().map(String::as_str)),
            links: Phrases::new(lexicon.participant_links.iter().map(String::as_str)),
            stops: Phrases::new(lexicon.scope_stops.iter().map(String::as_str)),
            groups: Phrases::new(lexicon.group_nouns.iter().map(|g| g.words.as_str())),
            titles: Phrases::new(lexicon.titles.iter().map(String::as_str)),
            organisations: Phrases::new(lexicon.organisations.iter().map(String::as_str)),
            country_names: Phrases::new(names),
            country_of_name,
            lexicon,
        }
    }

    /// The country named at token `at`, in the ways `allowed`: (country, use, token after).
    pub fn country_at(
        &self,
        tokens: &[Token],
        at: usize,
        allowed: &[NameUse],
    ) -> Option<(&Country, NameUse, usize)> {
        let first = tokens.get(at)?;
        let candidates = self.country_names.by_first.get(&first.lower)?;
        candidates
            .iter()
            .filter(|&&i| allowed.contains(&self.country_of_name[i].1))
            .filter_map(|&i| {
                phrase_at(tokens, at, &self.country_names.words[i]).map(|end| (i, end))
            })
            .max_by_key(|&(i, end)| (end, std::cmp::Reverse(i)))
            .and_then(|(i, end)| {
                let (country, how) = self.country_of_name[i];
                Some((self.lexicon.countries.get(country)?, how, end))
            })
    }

    pub fn is_not_name(&self, lower: &str) -> bool {
        self.lexicon.not_names.iter().any(|n| n == lower)
    }
}

fn parse(text: &str) -> Result<Lexicon, ron::error::SpannedError> {
    ron::from_str(text)
}

static WORDS: LazyLock<Words> =
    LazyLock::new(|| Words::from_lexicon(parse(EVENTS_RON).unwrap_or_default()));

/// The shipped word lists.
pub(crate) fn words() -> &'static Words {
    &WORDS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_word_lists_parse() {
        let lexicon = parse(EVENTS_RON).expect("assets/intake/events.ron parses");
        assert!(lexicon.triggers.len() > 30);
        assert!(lexicon.status_words.len() > 30);
        assert!(lexicon.countries.iter().any(|c| c.code == "US"));
        // Every status the rules name is reachable from the list.
        for status in [
            EventStatus::Held,
            EventStatus::Expected,
            EventStatus::Planned,
            EventStatus::Confirmed,
            EventStatus::Postponed,
            EventStatus::Cancelled,
        ] {
            assert!(
                lexicon.status_words.iter().any(|s| s.status == status),
                "{status:?}"
            );
        }
    }

    #[test]
    fn a_broken_list_is_an_error_not_a_panic() {
        assert!(parse("(triggers: [(words: 1)])").is_err());
        assert!(parse("").is_err());
    }
}
