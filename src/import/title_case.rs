//! Names that coded datasets write in capitals ("UNITED STATES", "HILLARY CLINTON") in the
//! case people read them ("United States", "Hillary Clinton"). The importers keep the
//! original spelling as an alias, so nothing is lost.

/// Initialisms kept in capitals inside a name ("THE UN" is "The UN", not "The Un").
/// Words of up to five letters only: longer capitals are words.
const INITIALISMS: &[&str] = &[
    "ANC", "ASEAN", "AU", "BBC", "BRICS", "CIA", "CNN", "DPRK", "EC", "ECB", "EU", "FBI", "FSB",
    "G20", "G7", "G8", "IAEA", "ICC", "ICJ", "IMF", "IOC", "IRA", "ISIL", "ISIS", "KGB", "NASA",
    "NATO", "NGO", "NSA", "OAS", "OECD", "OPEC", "OSCE", "PKK", "PLO", "PRC", "ROK", "SCO", "UAE",
    "UK", "UN", "UNSC", "US", "USA", "USSR", "WHO", "WTO",
];

/// Words written in lower case inside a name ("Make a Wish Foundation", "Bank of England").
const SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "at", "by", "de", "del", "der", "des", "du", "for", "in", "la", "le", "of",
    "on", "or", "the", "to", "van", "von",
];

/// `text` in title case when it is written in capitals, else unchanged: "UNITED STATES" →
/// "United States", "THE UN" → "The UN", "O'BRIEN" → "O'Brien"; "Sergei Lavrov" stays.
pub(crate) fn title_case(text: &str) -> String {
    if !is_all_capitals(text) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let lower = word.to_lowercase();
        if INITIALISMS.contains(&word) || is_roman_numeral(word) {
            out.push_str(word);
        } else if i > 0 && SMALL_WORDS.contains(&lower.as_str()) {
            out.push_str(&lower);
        } else {
            capitalise_parts(&lower, &mut out);
        }
    }
    out
}

/// Has `text` letters, and no lower-case ones?
pub(crate) fn is_all_capitals(text: &str) -> bool {
    text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase)
}

/// A lower-case word with a capital at its start and after each hyphen, and after the
/// apostrophe of a one-letter prefix ("o'brien" → "O'Brien", but "people's" → "People's").
fn capitalise_parts(word: &str, out: &mut String) {
    let mut capital_next = true;
    let mut letters_in_part = 0;
    for c in word.chars() {
        if capital_next && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            capital_next = false;
        } else {
            out.push(c);
        }
        match c {
            '-' => {
                capital_next = true;
                letters_in_part = 0;
            }
            '\'' | '’' => capital_next = letters_in_part == 1,
            c if c.is_alphabetic() => letters_in_part += 1,
            _ => {}
        }
    }
}

fn is_roman_numeral(word: &str) -> bool {
    matches!(
        word,
        "II" | "III" | "IV" | "VI" | "VII" | "VIII" | "IX" | "XI" | "XII"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals_become_title_case() {
        assert_eq!(title_case("UNITED STATES"), "United States");
        assert_eq!(title_case("HILLARY CLINTON"), "Hillary Clinton");
        assert_eq!(title_case("THE UN"), "The UN");
        assert_eq!(title_case("THE EUROPEAN UNION"), "The European Union");
        assert_eq!(
            title_case("MAKE A WISH FOUNDATION"),
            "Make a Wish Foundation"
        );
        assert_eq!(title_case("O'BRIEN"), "O'Brien");
        assert_eq!(title_case("PEOPLE'S PARTY"), "People's Party");
        assert_eq!(title_case("BASHAR AL-ASSAD"), "Bashar Al-Assad");
        assert_eq!(title_case("JOHN PAUL II"), "John Paul II");
        assert_eq!(title_case("NATO"), "NATO");
        assert_eq!(title_case("ÅLAND"), "Åland");
    }

    #[test]
    fn names_in_mixed_case_are_kept() {
        assert_eq!(title_case("Sergei Lavrov"), "Sergei Lavrov");
        assert_eq!(title_case("iPhone"), "iPhone");
        assert_eq!(title_case("123"), "123");
        assert_eq!(title_case(""), "");
        assert!(!is_all_capitals("123"));
        assert!(is_all_capitals("G20 SUMMIT"));
    }
}
