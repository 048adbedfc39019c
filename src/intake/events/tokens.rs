//! Words of a sentence, for phrase matching without a regex: one pass over the characters,
//! each word with its span, its lower-case form, whether it is capitalised, and whether it
//! carries a possessive "’s" (which makes "Trump’s son-in-law" name Trump as an owner, not
//! as a participant).

use crate::intake::Span;

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    /// The word without its possessive ending; a punctuation mark is one token of its own.
    pub span: Span,
    pub lower: String,
    pub word: bool,
    /// Starts with an upper-case letter (or is an all-caps acronym).
    pub cap: bool,
    /// Followed by "’s" or "'s" (consumed).
    pub possessive: bool,
}

/// The tokens of `text[range]`; white space is dropped, every other non-word character is a
/// punctuation token.
pub(crate) fn tokenize(text: &str, range: Span) -> Vec<Token> {
    let Some(slice) = text.get(range.start..range.end) else {
        return Vec::new();
    };
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let byte = |i: usize| chars.get(i).map_or(slice.len(), |&(p, _)| p);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(Token {
                span: Span::new(range.start + byte(i), range.start + byte(i + 1)),
                lower: c.to_string(),
                word: false,
                cap: false,
                possessive: false,
            });
            i += 1;
            continue;
        }
        let start = i;
        let mut possessive = false;
        let mut end;
        loop {
            while at(i).is_some_and(char::is_alphanumeric) {
                i += 1;
            }
            end = i;
            match at(i) {
                // "son-in-law", "20-point", "last-minute".
                Some('-') if at(i + 1).is_some_and(char::is_alphanumeric) => i += 1,
                // "U.S." and other dotted initials: a single letter, a dot, a letter.
                Some('.')
                    if i - segment_start(&chars, i) == 1
                        && at(i + 1).is_some_and(char::is_alphabetic) =>
                {
                    i += 1;
                }
                Some('\'' | '’') => {
                    let s_ends = at(i + 1).is_some_and(|c| c == 's')
                        && !at(i + 2).is_some_and(char::is_alphanumeric);
                    if s_ends {
                        possessive = true;
                        i += 2;
                        break;
                    }
                    // "O'Brien": an apostrophe inside a name.
                    if at(i + 1).is_some_and(char::is_uppercase) {
                        i += 1;
                    } else {
                        break;
                    }
                }
                _ => break,
            }
        }
        // The closing dot of "U.S.".
        if at(end) == Some('.')
            && end - segment_start(&chars, end) == 1
            && chars[start..end].iter().any(|&(_, c)| c == '.')
        {
            end += 1;
            i = i.max(end);
        }
        let word = &slice[byte(start)..byte(end)];
        out.push(Token {
            span: Span::new(range.start + byte(start), range.start + byte(end)),
            lower: word.to_lowercase(),
            word: true,
            cap: word.chars().next().is_some_and(char::is_uppercase),
            possessive,
        });
    }
    out
}

/// Where the run of letters ending before `i` began (after a dot, dash or the word's start).
fn segment_start(chars: &[(usize, char)], i: usize) -> usize {
    let mut j = i;
    while j > 0 && chars[j - 1].1.is_alphanumeric() {
        j -= 1;
    }
    j
}

/// Does `words` (lower case, one per token) occur as consecutive word tokens from `at`?
/// Returns the index after the last token matched.
pub(crate) fn phrase_at(tokens: &[Token], at: usize, words: &[String]) -> Option<usize> {
    if words.is_empty() {
        return None;
    }
    let mut i = at;
    for w in words {
        let t = tokens.get(i)?;
        if !t.word || t.lower != *w {
            return None;
        }
        // A possessive ends the phrase: "Trump’s" matches "trump" only as the last word.
        if t.possessive && i + 1 - at < words.len() {
            return None;
        }
        i += 1;
    }
    Some(i)
}

/// The text from the first token of `from..to` to the last, as written.
pub(crate) fn text_of<'a>(text: &'a str, tokens: &[Token], from: usize, to: usize) -> &'a str {
    match (
        tokens.get(from),
        to.checked_sub(1).and_then(|l| tokens.get(l)),
    ) {
        (Some(a), Some(b)) if from < to => Span::new(a.span.start, b.span.end).of(text),
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(String, bool, bool)> {
        tokenize(text, Span::new(0, text.len()))
            .into_iter()
            .map(|t| (t.span.of(text).to_owned(), t.cap, t.possessive))
            .collect()
    }

    #[test]
    fn possessives_initials_and_hyphens() {
        let w = words("Trump’s son-in-law met U.S. officials, NATO's head.");
        let texts: Vec<&str> = w.iter().map(|(t, _, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Trump",
                "son-in-law",
                "met",
                "U.S.",
                "officials",
                ",",
                "NATO",
                "head",
                "."
            ]
        );
        assert!(w[0].2 && w[0].1);
        assert!(w[6].2);
        assert!(!w[1].1 && !w[1].2);
    }

    #[test]
    fn phrases_match_consecutive_words() {
        let text = "They will hold talks in Miami";
        let t = tokenize(text, Span::new(0, text.len()));
        let phrase = vec!["hold".to_owned(), "talks".to_owned()];
        assert_eq!(phrase_at(&t, 2, &phrase), Some(4));
        assert_eq!(phrase_at(&t, 1, &phrase), None);
        assert_eq!(text_of(text, &t, 2, 4), "hold talks");
    }
}
