//! Just enough of a Rust lexer to find paths in code: comments, strings, characters and
//! lifetimes are skipped, so `crate::` in a doc comment or a string is never read as a path.

/// One token that matters to paths: a name, `::`, or any other single character.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tok {
    Ident(String),
    PathSep,
    Punct(char),
}

/// A token and the 1-based line it starts on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub tok: Tok,
    pub line: usize,
}

fn is_ident_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

fn is_ident_continue(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

struct Lexer {
    chars: Vec<char>,
    at: usize,
    line: usize,
    out: Vec<Token>,
}

impl Lexer {
    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.at + ahead).copied()
    }

    /// Moves past one character, counting lines.
    fn bump(&mut self) {
        if self.peek(0) == Some('\n') {
            self.line += 1;
        }
        self.at += 1;
    }

    fn push(&mut self, tok: Tok, line: usize) {
        self.out.push(Token { tok, line });
    }

    fn line_comment(&mut self) {
        while self.peek(0).is_some_and(|c| c != '\n') {
            self.bump();
        }
    }

    /// `/* … */`, nested as Rust nests them.
    fn block_comment(&mut self) {
        self.at += 2;
        let mut depth = 1;
        while depth > 0 && self.peek(0).is_some() {
            match (self.peek(0), self.peek(1)) {
                (Some('/'), Some('*')) => {
                    depth += 1;
                    self.at += 2;
                }
                (Some('*'), Some('/')) => {
                    depth -= 1;
                    self.at += 2;
                }
                _ => self.bump(),
            }
        }
    }

    /// A quoted string from its opening `"`, with escapes.
    fn string(&mut self) {
        self.bump();
        while let Some(c) = self.peek(0) {
            match c {
                '\\' => {
                    self.bump();
                    self.bump();
                }
                '"' => {
                    self.bump();
                    return;
                }
                _ => self.bump(),
            }
        }
    }

    /// A raw string from its first `#` or `"`: `r#"…"#` ends at `"` and as many `#`.
    fn raw_string(&mut self) {
        let mut hashes = 0;
        while self.peek(0) == Some('#') {
            hashes += 1;
            self.bump();
        }
        self.bump(); // the opening quote
        while self.peek(0).is_some() {
            if self.peek(0) == Some('"') && (1..=hashes).all(|k| self.peek(k) == Some('#')) {
                for _ in 0..=hashes {
                    self.bump();
                }
                return;
            }
            self.bump();
        }
    }

    /// From a `'`: a character literal (`'a'`, `'\''`, `'"'`) or a lifetime (`'a`, `'static`).
    fn quote(&mut self) {
        match (self.peek(1), self.peek(2)) {
            (Some('\\'), _) => {
                self.at += 3; // the quote, the backslash and the escaped character
                while self.peek(0).is_some_and(|c| c != '\'') {
                    self.bump();
                }
                self.bump();
            }
            (Some(_), Some('\'')) => self.at += 3,
            _ => {
                self.bump();
                while self.peek(0).is_some_and(is_ident_continue) {
                    self.bump();
                }
            }
        }
    }

    /// A name, or a prefixed literal that starts like one: `r"…"`, `br#"…"#`, `b"…"`, `b'x'`,
    /// `c"…"`, and the raw identifier `r#name`.
    fn word(&mut self) {
        let line = self.line;
        let start = self.at;
        while self.peek(0).is_some_and(is_ident_continue) {
            self.bump();
        }
        let word: String = self.chars[start..self.at].iter().collect();
        match (word.as_str(), self.peek(0), self.peek(1)) {
            ("r", Some('#'), Some(c)) if is_ident_start(c) => {
                self.bump();
                let start = self.at;
                while self.peek(0).is_some_and(is_ident_continue) {
                    self.bump();
                }
                let name = self.chars[start..self.at].iter().collect();
                self.push(Tok::Ident(name), line);
            }
            ("r" | "br" | "cr", Some('"' | '#'), _) => self.raw_string(),
            ("b" | "c", Some('"'), _) => self.string(),
            ("b", Some('\''), _) => self.quote(),
            _ => self.push(Tok::Ident(word), line),
        }
    }

    /// A number literal (`1_000u32`, `0x1F`, `2.5e3`); a `..` after it stays a range.
    fn number(&mut self) {
        while let Some(c) = self.peek(0) {
            let fraction = c == '.' && self.peek(1).is_some_and(|d| d.is_ascii_digit());
            if !(is_ident_continue(c) || fraction) {
                break;
            }
            self.bump();
        }
    }

    fn run(mut self) -> Vec<Token> {
        while let Some(c) = self.peek(0) {
            let line = self.line;
            match (c, self.peek(1)) {
                ('/', Some('/')) => self.line_comment(),
                ('/', Some('*')) => self.block_comment(),
                ('"', _) => self.string(),
                ('\'', _) => self.quote(),
                (':', Some(':')) => {
                    self.at += 2;
                    self.push(Tok::PathSep, line);
                }
                _ if c.is_ascii_digit() => self.number(),
                _ if is_ident_start(c) => self.word(),
                _ if c.is_whitespace() => self.bump(),
                _ => {
                    self.bump();
                    self.push(Tok::Punct(c), line);
                }
            }
        }
        self.out
    }
}

/// The tokens of a Rust source file, without comments and literals.
pub fn tokens(text: &str) -> Vec<Token> {
    Lexer {
        chars: text.chars().collect(),
        at: 0,
        line: 1,
        out: Vec::new(),
    }
    .run()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn idents(text: &str) -> Vec<String> {
        tokens(text)
            .into_iter()
            .filter_map(|t| match t.tok {
                Tok::Ident(s) => Some(s),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn comments_and_doc_comments_are_skipped() {
        let text =
            "/// see crate::ui\n//! crate::cli\n/* crate::a /* nested crate::b */ crate::c */ x";
        assert_eq!(idents(text), ["x"]);
    }

    #[test]
    fn strings_of_every_kind_are_skipped() {
        let text = r###"a "crate::ui \" crate::x" b r#"crate::ui "quoted" "# c br##"crate::y"## d b"crate::z" e c"crate::w""###;
        assert_eq!(idents(text), ["a", "b", "c", "d", "e"]);
    }

    #[test]
    fn character_literals_are_skipped_and_lifetimes_are_not_strings() {
        // A `"` in a character must not open a string; a lifetime must not open a character.
        let text =
            "let q = '\"'; fn f<'a>(x: &'a str) -> &'static str { crate::m::g('\\'', b'x') }";
        assert_eq!(
            idents(text),
            ["let", "q", "fn", "f", "x", "str", "str", "crate", "m", "g"]
        );
    }

    #[test]
    fn lines_are_counted_through_comments_and_strings() {
        let text = "/* one\ntwo */\n\"three\nfour\"\nname";
        let last = tokens(text).pop().unwrap();
        assert_eq!(
            last,
            Token {
                tok: Tok::Ident("name".into()),
                line: 5
            }
        );
    }

    #[test]
    fn path_separators_and_raw_identifiers() {
        let toks: Vec<Tok> = tokens("r#crate::x 1..2")
            .into_iter()
            .map(|t| t.tok)
            .collect();
        assert_eq!(
            toks,
            [
                Tok::Ident("crate".into()),
                Tok::PathSep,
                Tok::Ident("x".into()),
                Tok::Punct('.'),
                Tok::Punct('.'),
            ]
        );
    }
}
