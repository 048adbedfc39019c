//! The date stage's word lists, read from `assets/intake/dates.ron` at first use.
//!
//! The file is compiled in (`include_str!`), so the binary needs nothing beside it. A file
//! that does not parse gives empty lists (no dates found) instead of a panic; the test
//! `the_word_lists_parse` fails on it.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

const SOURCE: &str = include_str!("../../../assets/intake/dates.ron");

/// The lists as the file writes them.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct WordLists {
    months: Vec<Vec<String>>,
    weekdays: Vec<Vec<String>>,
    parts_of_day: Vec<String>,
    not_weekday_after: Vec<String>,
    seasons: Vec<(String, u8)>,
    numbers: Vec<(String, u32)>,
    ordinals: Vec<(String, u8)>,
    units: Vec<(String, u32)>,
    year_before: Vec<String>,
    year_before_weak: Vec<String>,
    year_not_before: Vec<String>,
    approximate: Vec<String>,
    uncertain: Vec<String>,
    future: Vec<String>,
    postponed: Vec<String>,
    modals: Vec<String>,
    be: Vec<String>,
    be_going: Vec<String>,
    intend: Vec<String>,
    past_markers: Vec<String>,
    present: Vec<String>,
    perfect: Vec<String>,
    past: Vec<String>,
    not_past: Vec<String>,
    reporting: Vec<String>,
    zones: Vec<String>,
}

/// The lists as lookups, all keys lower case.
#[derive(Debug, Default)]
pub(super) struct Words {
    /// Month number 1–12 and whether the form is the full name.
    pub months: HashMap<String, (u8, bool)>,
    /// ISO weekday number 1 (Monday) – 7 and whether the form is the full name.
    pub weekdays: HashMap<String, (u8, bool)>,
    pub parts_of_day: HashSet<String>,
    pub not_weekday_after: HashSet<String>,
    pub seasons: HashMap<String, u8>,
    pub numbers: HashMap<String, u32>,
    pub ordinals: HashMap<String, u8>,
    /// Days per unit; 0 for months and years (calendar units).
    pub units: HashMap<String, u32>,
    pub year_before: HashSet<String>,
    pub year_before_weak: HashSet<String>,
    pub year_not_before: HashSet<String>,
    pub approximate: HashSet<String>,
    pub uncertain: HashSet<String>,
    pub future: HashSet<String>,
    pub postponed: HashSet<String>,
    pub modals: HashSet<String>,
    pub be: HashSet<String>,
    pub be_going: HashSet<String>,
    pub intend: HashSet<String>,
    pub past_markers: HashSet<String>,
    pub present: HashSet<String>,
    pub perfect: HashSet<String>,
    pub past: HashSet<String>,
    pub not_past: HashSet<String>,
    pub reporting: HashSet<String>,
    pub zones: HashSet<String>,
}

/// The lists of `assets/intake/dates.ron`, or the reason they could not be read.
pub(super) fn parse(source: &str) -> Result<Words, ron::error::SpannedError> {
    let lists: WordLists = ron::from_str(source)?;
    Ok(Words::from(lists))
}

static WORDS: LazyLock<Words> = LazyLock::new(|| parse(SOURCE).unwrap_or_default());

/// The date stage's words (empty lists if the asset is broken: see the module's note).
pub(super) fn words() -> &'static Words {
    &WORDS
}

fn set(list: Vec<String>) -> HashSet<String> {
    list.into_iter().map(|w| w.to_lowercase()).collect()
}

fn map<T>(list: Vec<(String, T)>) -> HashMap<String, T> {
    list.into_iter()
        .map(|(w, v)| (w.to_lowercase(), v))
        .collect()
}

/// Names per index (January or Monday first) into word → (number from 1, full name?).
fn numbered(lists: Vec<Vec<String>>) -> HashMap<String, (u8, bool)> {
    let mut out = HashMap::new();
    for (index, forms) in lists.into_iter().enumerate() {
        let number = u8::try_from(index + 1).unwrap_or(u8::MAX);
        for (k, form) in forms.into_iter().enumerate() {
            out.insert(form.to_lowercase(), (number, k == 0));
        }
    }
    out
}

impl From<WordLists> for Words {
    fn from(l: WordLists) -> Self {
        Self {
            months: numbered(l.months),
            weekdays: numbered(l.weekdays),
            parts_of_day: set(l.parts_of_day),
            not_weekday_after: set(l.not_weekday_after),
            seasons: map(l.seasons),
            numbers: map(l.numbers),
            ordinals: map(l.ordinals),
            units: map(l.units),
            year_before: set(l.year_before),
            year_before_weak: set(l.year_before_weak),
            year_not_before: set(l.year_not_before),
            approximate: set(l.approximate),
            uncertain: set(l.uncertain),
            future: set(l.future),
            postponed: set(l.postponed),
            modals: set(l.modals),
            be: set(l.be),
            be_going: set(l.be_going),
            intend: set(l.intend),
            past_markers: set(l.past_markers),
            present: set(l.present),
            perfect: set(l.perfect),
            past: set(l.past),
            not_past: set(l.not_past),
            reporting: set(l.reporting),
            zones: set(l.zones),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_lists_parse() {
        let words = parse(SOURCE).unwrap_or_else(|e| panic!("assets/intake/dates.ron: {e}"));
        assert_eq!(words.months.get("december"), Some(&(12, true)));
        assert_eq!(words.months.get("sept"), Some(&(9, false)));
        assert_eq!(words.weekdays.get("sunday"), Some(&(7, true)));
        assert_eq!(words.seasons.get("fall"), Some(&23));
        assert_eq!(words.units.get("weeks"), Some(&7));
        assert!(words.past.contains("met") && words.future.contains("will"));
        // Every month and weekday has its full name.
        let full_months = words.months.values().filter(|(_, full)| *full).count();
        let full_days = words.weekdays.values().filter(|(_, full)| *full).count();
        assert_eq!((full_months, full_days), (12, 7));
    }

    #[test]
    fn a_broken_file_is_an_error_not_a_panic() {
        assert!(parse("(months: [").is_err());
        assert!(parse("()").is_err(), "every list is required");
    }
}
