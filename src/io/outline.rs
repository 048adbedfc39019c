//! A light outline of a RON document: where each struct field and list element is.
//!
//! Serde reports syntax errors with a position, but semantic problems (a dangling
//! reference, a duplicate id) are found after parsing, on the model. To point the analyst
//! at the right line and column, we walk the text once more, skipping strings and comments,
//! and find the field or value by its path: list `events`, element with id `ev-miami`,
//! field `participants`, value `"a-nobody"`.

use std::ops::Range;

/// One scanned piece of a RON text that matters for locating things.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Token {
    Open(usize),
    Close(usize),
    Comma(usize),
    Colon(usize),
    /// An identifier (field name or enum variant), as a byte range.
    Ident(usize, usize),
    /// A string literal including its quotes, as a byte range.
    Str(usize, usize),
    /// Any other atom (number, char literal).
    Other(usize, usize),
}

fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'(' | b'[' | b'{' => {
                tokens.push(Token::Open(i));
                i += 1;
            }
            b')' | b']' | b'}' => {
                tokens.push(Token::Close(i));
                i += 1;
            }
            b',' => {
                tokens.push(Token::Comma(i));
                i += 1;
            }
            b':' => {
                tokens.push(Token::Colon(i));
                i += 1;
            }
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i = (i + 1).min(bytes.len());
                tokens.push(Token::Str(start, i));
            }
            b'r' if matches!(bytes.get(i + 1), Some(b'"' | b'#')) => {
                // Raw string r#"..."#.
                let start = i;
                let mut hashes = 0;
                i += 1;
                while bytes.get(i) == Some(&b'#') {
                    hashes += 1;
                    i += 1;
                }
                i += 1; // opening quote
                loop {
                    if i >= bytes.len() {
                        break;
                    }
                    if bytes[i] == b'"'
                        && bytes[i + 1..]
                            .iter()
                            .take(hashes)
                            .filter(|&&c| c == b'#')
                            .count()
                            == hashes
                    {
                        i += 1 + hashes;
                        break;
                    }
                    i += 1;
                }
                tokens.push(Token::Str(start, i.min(bytes.len())));
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < bytes.len() && !(bytes[i] == b'*' && bytes[i + 1] == b'/') {
                    i += 1;
                }
                i += 2;
            }
            b'#' => {
                // `#![enable(...)]` attributes: skip to the end of the line.
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            _ if b.is_ascii_whitespace() => i += 1,
            _ if b.is_ascii_alphabetic() || b == b'_' => {
                let start = i;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                tokens.push(Token::Ident(start, i));
            }
            _ => {
                let start = i;
                while i < bytes.len() && !b",:()[]{}\" \t\r\n".contains(&bytes[i]) {
                    i += 1;
                }
                i = i.max(start + 1);
                tokens.push(Token::Other(start, i));
            }
        }
    }
    tokens
}

/// The outline of one RON text.
pub struct Outline<'t> {
    text: &'t str,
    tokens: Vec<Token>,
}

/// A range of token indices: the inside of a bracketed group.
type Group = Range<usize>;

impl<'t> Outline<'t> {
    pub fn new(text: &'t str) -> Self {
        Self {
            text,
            tokens: tokenize(text),
        }
    }

    /// The index of the token that closes the group opened at `open`.
    fn matching_close(&self, open: usize) -> usize {
        let mut depth = 0usize;
        for (i, t) in self.tokens.iter().enumerate().skip(open) {
            match t {
                Token::Open(_) => depth += 1,
                Token::Close(_) => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return i;
                    }
                }
                _ => {}
            }
        }
        self.tokens.len()
    }

    /// The top-level group: the document's outer struct.
    fn root(&self) -> Option<Group> {
        let open = self
            .tokens
            .iter()
            .position(|t| matches!(t, Token::Open(_)))?;
        Some(open + 1..self.matching_close(open))
    }

    /// Fields `name: value` directly inside `group`: (name, token index of name, value tokens).
    fn fields(&self, group: Group) -> Vec<(&'t str, usize, Range<usize>)> {
        let mut out = Vec::new();
        let mut i = group.start;
        while i < group.end {
            if let (Token::Ident(s, e), Some(Token::Colon(_))) =
                (self.tokens[i], self.tokens.get(i + 1))
            {
                let value_start = i + 2;
                let value_end = self.value_end(value_start, group.end);
                out.push((self.text.get(s..e).unwrap_or(""), i, value_start..value_end));
                i = value_end;
            } else {
                i += 1;
            }
        }
        out
    }

    /// The end (exclusive token index) of the value that starts at `start`.
    fn value_end(&self, start: usize, limit: usize) -> usize {
        let mut i = start;
        while i < limit {
            match self.tokens[i] {
                Token::Open(_) => i = self.matching_close(i) + 1,
                Token::Comma(_) | Token::Close(_) => return i,
                _ => i += 1,
            }
        }
        limit
    }

    /// The elements of a list value (a range of tokens starting with `[`).
    fn elements(&self, value: &Range<usize>) -> Vec<Group> {
        let Some(Token::Open(_)) = self.tokens.get(value.start) else {
            return Vec::new();
        };
        let close = self.matching_close(value.start);
        let mut out = Vec::new();
        let mut i = value.start + 1;
        while i < close {
            if let Token::Open(_) = self.tokens[i] {
                let end = self.matching_close(i);
                out.push(i + 1..end);
                i = end + 1;
            } else {
                i += 1;
            }
        }
        out
    }

    fn offset(&self, token: usize) -> usize {
        match self.tokens.get(token) {
            Some(
                Token::Open(o)
                | Token::Close(o)
                | Token::Comma(o)
                | Token::Colon(o)
                | Token::Ident(o, _)
                | Token::Str(o, _)
                | Token::Other(o, _),
            ) => *o,
            None => self.text.len(),
        }
    }

    fn string_value(&self, token: usize) -> Option<&'t str> {
        match self.tokens.get(token) {
            Some(Token::Str(s, e)) if e - s >= 2 => self.text.get(s + 1..e - 1),
            _ => None,
        }
    }

    /// Byte offset of a top-level field's name.
    pub fn top_field(&self, name: &str) -> Option<usize> {
        let root = self.root()?;
        self.fields(root)
            .into_iter()
            .find(|(n, _, _)| *n == name)
            .map(|(_, at, _)| self.offset(at))
    }

    /// Byte offset of the best match for a path: the `nth` element of list `list` whose `id`
    /// is `entity_id`; in it, field `field`; in that, the string `value`. Falls back to the
    /// closest enclosing thing found.
    pub fn locate(
        &self,
        list: &str,
        entity_id: &str,
        nth: usize,
        field: &str,
        value: Option<&str>,
    ) -> Option<usize> {
        match self.entity(list, entity_id, nth)? {
            Ok(element) => Some(self.field_in(element, field, value)),
            Err(list_at) => Some(list_at),
        }
    }

    /// The `nth` entity of `list` with id `entity_id`, or (`Err`) where the list's name is
    /// when there is no such entity. `None` when there is no such list.
    fn entity(&self, list: &str, entity_id: &str, nth: usize) -> Option<Result<Group, usize>> {
        let root = self.root()?;
        let (_, list_at, list_value) =
            self.fields(root).into_iter().find(|(n, _, _)| *n == list)?;
        let element = self
            .elements(&list_value)
            .into_iter()
            .filter(|el| {
                self.fields(el.clone())
                    .iter()
                    .any(|(n, _, v)| *n == "id" && self.string_value(v.start) == Some(entity_id))
            })
            .nth(nth);
        Some(element.ok_or_else(|| self.offset(list_at)))
    }

    /// Where `field` (its `value` when given) is in reported state `state` of the `nth`
    /// entity of `list` with id `entity_id`; the entity's `reported` field (or the entity)
    /// when the state or the field is not there.
    pub fn locate_in_state(
        &self,
        list: &str,
        entity_id: &str,
        nth: usize,
        state: usize,
        field: &str,
        value: Option<&str>,
    ) -> Option<usize> {
        let element = match self.entity(list, entity_id, nth)? {
            Ok(element) => element,
            Err(list_at) => return Some(list_at),
        };
        let Some((_, reported_at, states)) = self
            .fields(element.clone())
            .into_iter()
            .find(|(n, _, _)| *n == "reported")
        else {
            return Some(self.offset(element.start.saturating_sub(1)));
        };
        match self.elements(&states).into_iter().nth(state) {
            Some(state) => Some(self.field_in(state, field, value)),
            None => Some(self.offset(reported_at)),
        }
    }

    /// Where `field` (its `value` when given) is inside `element`; the element's opening
    /// bracket when the field is not there.
    fn field_in(&self, element: Group, field: &str, value: Option<&str>) -> usize {
        let element_fields = self.fields(element.clone());
        let Some((_, field_at, field_value)) =
            element_fields.into_iter().find(|(n, _, _)| *n == field)
        else {
            return self.offset(element.start.saturating_sub(1));
        };
        if let Some(value) = value {
            for t in field_value.clone() {
                if self.string_value(t) == Some(value) {
                    return self.offset(t);
                }
                if let Token::Other(s, e) = self.tokens[t]
                    && self.text.get(s..e) == Some(value)
                {
                    return self.offset(t);
                }
            }
        }
        self.offset(field_at)
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"#![enable(implicit_some)]
// a comment with "quotes" and (brackets
(
    format_version: 1,
    title: "A (tricky) \"title\", with: punctuation",
    actors: [
        (id: "a-one", name: "One", kind: person),
        (id: "a-two", name: "Two", kind: state, affiliation: "a-one"),
    ],
    events: [
        (id: "e1", title: "T", participants: [(actor: "a-one"), (actor: "a-missing")]),
        (
            id: "e2",
            title: "T2",
        ),
    ],
)
"#;

    #[test]
    fn finds_top_fields_and_nested_values() {
        let outline = Outline::new(TEXT);
        let at = outline.top_field("format_version").unwrap();
        assert_eq!(line_col(TEXT, at), (4, 5));
        let at = outline
            .locate("events", "e1", 0, "participants", Some("a-missing"))
            .unwrap();
        assert_eq!(line_col(TEXT, at), (11, 73));
        let at = outline
            .locate("actors", "a-two", 0, "affiliation", Some("a-one"))
            .unwrap();
        assert_eq!(line_col(TEXT, at), (8, 62));
        let at = outline.locate("events", "e2", 0, "title", None).unwrap();
        assert_eq!(line_col(TEXT, at), (14, 13));
    }

    #[test]
    fn falls_back_to_the_list() {
        let outline = Outline::new(TEXT);
        let at = outline.locate("events", "nope", 0, "title", None).unwrap();
        assert_eq!(line_col(TEXT, at), (10, 5));
    }

    #[test]
    fn never_panics_on_garbage() {
        for text in [
            "",
            "(",
            ")",
            "\"",
            "r#\"",
            "/*",
            "(a: [(id: \"x\"",
            "((((",
            "]]]",
            "r",
            "(id:",
        ] {
            let outline = Outline::new(text);
            let _ = outline.locate("events", "x", 0, "id", Some("x"));
            let _ = outline.top_field("id");
        }
    }
}
