//! Tokens of one sentence: words (letter runs), numbers (digit runs) and single punctuation
//! characters, each with its byte span in the whole text and whether white space precedes
//! it ("20-point" is three glued tokens; "Dec. 20" is `Dec`, `.`, then `20` after a space).

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Word,
    Number,
    Punct,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Token {
    pub kind: Kind,
    /// Byte offsets into the whole text, on `char` boundaries.
    pub start: usize,
    pub end: usize,
    /// Lower case for words; the text itself for numbers and punctuation.
    pub lower: String,
    /// The first character is upper case (a name, a sentence start, a month).
    pub capital: bool,
    /// White space (or the sentence start) comes before it.
    pub spaced: bool,
}

impl Token {
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.lower.starts_with(c)
    }

    /// The value of a number token, when it has at most nine digits.
    pub fn number(&self) -> Option<u32> {
        if self.kind == Kind::Number && self.lower.len() <= 9 {
            self.lower.parse().ok()
        } else {
            None
        }
    }

    pub fn digits(&self) -> usize {
        if self.kind == Kind::Number {
            self.lower.len()
        } else {
            0
        }
    }
}

/// The tokens of `text[start..end]`, with offsets into `text`. White space is skipped.
pub(super) fn tokens(text: &str, start: usize, end: usize) -> Vec<Token> {
    let Some(piece) = text.get(start..end) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut chars = piece.char_indices().peekable();
    let mut spaced = true;
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            spaced = true;
            continue;
        }
        let kind = if c.is_alphabetic() {
            Kind::Word
        } else if c.is_ascii_digit() {
            Kind::Number
        } else {
            Kind::Punct
        };
        let mut last = i + c.len_utf8();
        if kind != Kind::Punct {
            while let Some(&(j, d)) = chars.peek() {
                let same = match kind {
                    Kind::Word => d.is_alphabetic(),
                    _ => d.is_ascii_digit(),
                };
                if !same {
                    break;
                }
                last = j + d.len_utf8();
                chars.next();
            }
        }
        let word = &piece[i..last];
        out.push(Token {
            kind,
            start: start + i,
            end: start + last,
            lower: if kind == Kind::Word {
                word.to_lowercase()
            } else {
                word.to_owned()
            },
            capital: c.is_uppercase(),
            spaced,
        });
        spaced = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_numbers_and_glued_punctuation() {
        let text = "On Dec. 20, a 20-point plan’s start";
        let toks = tokens(text, 0, text.len());
        let lower: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(
            lower,
            [
                "on", "dec", ".", "20", ",", "a", "20", "-", "point", "plan", "’", "s", "start"
            ]
        );
        assert!(toks[1].capital && toks[1].spaced);
        assert!(!toks[2].spaced && toks[3].spaced && !toks[7].spaced && !toks[8].spaced);
        assert_eq!(toks[3].number(), Some(20));
        assert_eq!(&text[toks[10].start..toks[10].end], "’");
    }

    #[test]
    fn offsets_are_into_the_whole_text() {
        let text = "xx Friday";
        let toks = tokens(text, 3, text.len());
        assert_eq!((toks[0].start, toks[0].end), (3, 9));
        assert!(tokens(text, 5, 99).is_empty());
    }
}
