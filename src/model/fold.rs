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
    let mut out = String::with_capacity(text.len() + 8);
    fold_non_ascii_into(text, &mut out);
    Cow::Owned(out)
}

/// [`fold`] of a text with non-ASCII characters, appended to `out`: runs of ASCII copied
/// lower-cased in one go, and each other character replaced by its reading. The filter folds
/// every non-matching title with an en dash or an accent this way, so it avoids
/// `deunicode`'s per-character iterator.
fn fold_non_ascii_into(text: &str, out: &mut String) {
    // `deunicode` gives a CJK syllable a trailing space ("Bei ") and drops it at the end of
    // the text or before another space; `trim_pending` is that space, not yet known to stay.
    let mut trim_pending = false;
    let mut rest = text;
    while !rest.is_empty() {
        let ascii_len = rest.bytes().take_while(u8::is_ascii).count();
        if ascii_len > 0 {
            let (run, after) = rest.split_at(ascii_len);
            if trim_pending && run.starts_with(' ') {
                out.pop();
            }
            trim_pending = false;
            out.extend(run.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            rest = after;
            continue;
        }
        let mut chars = rest.chars();
        let Some(c) = chars.next() else { break };
        rest = chars.as_str();
        if let Some(reading) = deunicode::deunicode_char(c) {
            if trim_pending && reading.starts_with(' ') {
                out.pop();
            }
            out.extend(reading.chars().map(|a| a.to_ascii_lowercase()));
            trim_pending = reading.len() > 1 && reading.ends_with(' ');
        } else {
            out.extend(c.to_lowercase());
            trim_pending = false;
        }
    }
    if trim_pending {
        out.pop();
    }
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
    fn folds_as_deunicode_reads_every_character() {
        // The run-wise fold equals `deunicode`'s own iterator, lower-cased, on mixed texts.
        for text in [
            "Talks in Genève – Zürich, 北京 会谈 北京, Київ…",
            "北京",
            "北京 ",
            " 北 京 x",
            "Ærø’s “fjord” — 東京都",
            "é",
        ] {
            let expected: String = deunicode::AsciiCharsIter::new(text)
                .flatten()
                .collect::<String>()
                .to_ascii_lowercase();
            assert_eq!(fold(text), expected, "{text}");
        }
    }

    #[test]
    fn characters_without_a_reading_stay_themselves() {
        // Private-use characters have no transliteration.
        assert_eq!(fold("A\u{e000}B"), "a\u{e000}b");
    }
}
