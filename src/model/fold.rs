//! Text folded for searching: lower case, accents stripped and other scripts read as ASCII,
//! so that "Geneve" finds "Genève", "GENÈVE" finds "geneve" and "Zurich" finds "Zürich".
//!
//! The transliteration is `deunicode`'s, as the gazetteer's keys are (`geo::gazetteer::fold`
//! is this plus punctuation read as spaces): é → e, ß → ss, Київ → kyyiv, ’ → '.

use std::borrow::Cow;

/// `text` lower-cased with its accents stripped and other scripts transliterated to ASCII.
///
/// Lower-case ASCII text is borrowed as it is, and other ASCII text only lower-cased: a
/// search runs this over a million titles, nearly all of them ASCII. A character
/// `deunicode` has no reading for stays itself, lower-cased, so a search for it still finds
/// it.
pub fn fold(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        if text.bytes().any(|b| b.is_ascii_uppercase()) {
            return Cow::Owned(text.to_ascii_lowercase());
        }
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    // `AsciiCharsIter` gives one reading per character, in step with `chars()`, and drops
    // the space a CJK syllable carries when nothing follows it.
    for (c, reading) in text.chars().zip(deunicode::AsciiCharsIter::new(text)) {
        match reading {
            Some(ascii) => out.extend(ascii.chars().map(|a| a.to_ascii_lowercase())),
            None => out.extend(c.to_lowercase()),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_case_fold_away() {
        assert_eq!(fold("Genève"), "geneve");
        assert_eq!(fold("GENÈVE"), "geneve");
        assert_eq!(fold("Zürich"), "zurich");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Çanakkale"), "canakkale");
        // A decomposed accent (e + combining grave) folds as the composed one does.
        assert_eq!(fold("Gene\u{300}ve"), "geneve");
        // Typographic punctuation reads as its ASCII look-alike.
        assert_eq!(fold("Don’t – now"), "don't - now");
    }

    #[test]
    fn ascii_is_borrowed_when_already_folded() {
        assert!(matches!(fold("talks in geneva"), Cow::Borrowed(_)));
        assert!(matches!(fold(""), Cow::Borrowed(_)));
        assert_eq!(fold("Talks in GENEVA"), "talks in geneva");
    }

    #[test]
    fn other_scripts_are_transliterated_the_same_way_on_both_sides() {
        assert_eq!(fold("Київ"), fold("КИЇВ"));
        assert_eq!(fold("北京"), "bei jing");
        assert!(fold("北京会谈").contains(&*fold("北京")));
    }

    #[test]
    fn characters_without_a_reading_stay_themselves() {
        // Private-use characters have no transliteration.
        assert_eq!(fold("A\u{e000}B"), "a\u{e000}b");
    }
}
