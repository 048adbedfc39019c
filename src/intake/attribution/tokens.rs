//! Word and punctuation tokens of one sentence, with byte offsets into the article's text.
//!
//! A word is a run of letters and digits, with an apostrophe, hyphen or full stop inside it
//! when a letter or digit follows ("Trump’s", "son-in-law", "U.S"); every other character
//! that is not white space is a token of its own. Words are compared in lower case with the
//! typographic apostrophe read as `'`, so the word lists need one spelling.

use super::super::Span;
use super::words::Phrase;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    /// Lower case, `’` as `'`; for punctuation, the character itself.
    pub lower: String,
    pub is_word: bool,
    /// The word begins with an upper-case letter or a digit ("Politico", "US", "20-point").
    pub capital: bool,
    /// Inside a quotation ("…," Peskov said: the words before the closing quote).
    pub quoted: bool,
}

impl Tok {
    pub fn is(&self, word: &str) -> bool {
        self.is_word && self.lower == word
    }

    pub fn is_punct(&self, c: char) -> bool {
        !self.is_word && self.lower.starts_with(c)
    }
}

fn joins_word(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '‑')
}

/// The tokens of `text[span]`, offsets into `text`. A span off `text` gives none.
pub fn tokens(text: &str, span: Span) -> Vec<Tok> {
    let piece = span.of(text);
    let mut out = Vec::with_capacity(piece.len() / 5 + 1);
    let mut quoted = false;
    let mut chars = piece.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                let inner = joins_word(d)
                    && piece[j + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric);
                if d.is_alphanumeric() || inner {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            // Dotted initials take their last stop and read without stops ("U.S." is "us",
            // so that it finds the alias "US").
            let initials = piece[i..end].split('.').count() > 1
                && piece[i..end].split('.').all(|p| p.chars().count() == 1);
            if initials && piece[end..].starts_with('.') {
                end += 1;
                chars.next();
            }
            let word = &piece[i..end];
            let lower = if initials {
                word.to_lowercase().replace('.', "")
            } else {
                word.to_lowercase().replace('’', "'")
            };
            out.push(Tok {
                start: span.start + i,
                end: span.start + end,
                lower,
                is_word: true,
                capital: c.is_uppercase() || c.is_ascii_digit(),
                quoted,
            });
            continue;
        }
        // Straight double quotes toggle; typographic ones open and close.
        let closes = match c {
            '"' => quoted,
            '”' => true,
            _ => false,
        };
        out.push(Tok {
            start: span.start + i,
            end: span.start + i + c.len_utf8(),
            lower: c.to_string(),
            is_word: false,
            capital: false,
            quoted: quoted && !closes,
        });
        match c {
            '"' => quoted = !quoted,
            '“' => quoted = true,
            '”' => quoted = false,
            _ => {}
        }
    }
    out
}

/// Do the words of `phrase` stand in a row at `toks[at..]`?
pub fn phrase_at(toks: &[Tok], at: usize, phrase: &Phrase) -> bool {
    phrase.len() <= toks.len().saturating_sub(at)
        && phrase
            .iter()
            .zip(&toks[at..])
            .all(|(word, tok)| tok.is(word))
}

/// The span from the first to the last of `toks`, or `None` for no tokens.
pub fn span_of(toks: &[Tok]) -> Option<Span> {
    Some(Span::new(toks.first()?.start, toks.last()?.end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_apostrophes_hyphens_and_stops() {
        let text = "Trump’s son-in-law met U.S. officials, “quietly.”";
        // "U.S." is one word, read "us".
        let toks = tokens(text, Span::new(0, text.len()));
        let lower: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(
            lower,
            [
                "trump's",
                "son-in-law",
                "met",
                "us",
                "officials",
                ",",
                "“",
                "quietly",
                ".",
                "”"
            ]
        );
        assert_eq!(&text[toks[3].start..toks[3].end], "U.S.");
        assert!(toks[7].quoted && !toks[4].quoted && !toks[9].quoted);
        assert!(toks[0].capital && !toks[1].capital);
        assert_eq!(&text[toks[0].start..toks[0].end], "Trump’s");
    }
}
