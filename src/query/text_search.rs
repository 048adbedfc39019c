//! One way to search text everywhere (the filter, the palette, the pickers and the filter
//! bar's menus): accents and case ignored, so "Geneve" finds "Genève" and "GENÈVE" finds
//! "geneve".

use aho_corasick::AhoCorasick;

use crate::model::fold;

/// A search needle, folded once ([`fold`]), asked of many texts.
///
/// The folded needle is nearly always ASCII, so an ASCII-case-insensitive Aho–Corasick
/// finder runs over a text as it is; only a text with non-ASCII characters is folded (one
/// allocation) when that finds nothing. The filter asks this of a million titles, nearly
/// all ASCII: those are never copied.
#[derive(Clone, Debug)]
pub struct TextSearch {
    folded: String,
    /// `None` only if the finder could not be built (a needle past its size limits);
    /// then every text is folded and searched with `str::contains`.
    finder: Option<AhoCorasick>,
}

impl TextSearch {
    /// The search for `needle`, trimmed; `None` when it is empty or only spaces, which
    /// callers read as "no search: everything passes".
    pub fn new(needle: &str) -> Option<Self> {
        let needle = needle.trim();
        if needle.is_empty() {
            return None;
        }
        let mut folded = fold(needle).trim().to_owned();
        if folded.is_empty() {
            // Only characters that fold to nothing (a lone combining accent): look for them
            // as they are, lower-cased, rather than match everything.
            folded = needle.to_lowercase();
        }
        let finder = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build([folded.as_str()])
            .ok();
        Some(Self { folded, finder })
    }

    /// The needle as searched for: folded and trimmed.
    pub fn folded(&self) -> &str {
        &self.folded
    }

    /// Whether `text` contains the needle, accents and case ignored.
    pub fn matches(&self, text: &str) -> bool {
        match &self.finder {
            // A match in the text as it is is a match in its folding: ASCII characters fold
            // to themselves (lower-cased, which the finder ignores).
            Some(finder) => {
                finder.is_match(text) || (!text.is_ascii() && finder.is_match(&*fold(text)))
            }
            None => fold(text).contains(&self.folded),
        }
    }

    /// Whether `text` begins with the needle, accents and case ignored (for ranking the
    /// names that start with what was typed first).
    pub fn matches_start(&self, text: &str) -> bool {
        fold(text).starts_with(&self.folded)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finds(needle: &str, text: &str) -> bool {
        TextSearch::new(needle).is_some_and(|s| s.matches(text))
    }

    #[test]
    fn accents_are_ignored_both_ways() {
        assert!(finds("Geneve", "Talks in Genève"));
        assert!(finds("GENÈVE", "talks in geneve"));
        assert!(finds("Zurich", "Zürich accord"));
        assert!(finds("zürich", "ZURICH ACCORD"));
        assert!(finds("strasse", "Wilhelmstraße 54"));
        assert!(!finds("Geneva", "Genève"));
    }

    #[test]
    fn case_is_ignored_on_ascii_text_without_folding_it() {
        assert!(finds("nato", "NATO summit"));
        assert!(finds("NATO", "nato summit"));
        assert!(finds("  summit ", "NATO Summit"));
        assert!(!finds("summit", "NATO talks"));
        // An ASCII match inside a non-ASCII text is found on the text as it is.
        assert!(finds("talks", "Talks in Genève"));
    }

    #[test]
    fn an_empty_needle_is_no_search() {
        assert!(TextSearch::new("").is_none());
        assert!(TextSearch::new("   ").is_none());
    }

    #[test]
    fn a_needle_that_folds_to_nothing_is_looked_for_as_it_is() {
        let search = TextSearch::new("\u{301}").expect("not empty");
        assert_eq!(search.folded(), "\u{301}");
        assert!(!search.matches("plain text"));
    }

    #[test]
    fn typographic_quotes_and_dashes_match_their_ascii_look_alikes() {
        assert!(finds("don't", "We don’t agree"));
        assert!(finds("2024-2025", "the 2024–2025 plan"));
    }

    #[test]
    fn starts_ignores_accents_and_case() {
        let search = TextSearch::new("ge").expect("not empty");
        assert!(search.matches_start("Genève"));
        assert!(search.matches_start("GÉNÉRAL"));
        assert!(!search.matches_start("Lake Geneva"));
    }
}
