//! No function in `src/` over 150 lines and no file over 800 (CONTRIBUTING.md: one job per
//! file, functions short enough to read at once). Every `.rs` file is read with the layer
//! test's lexer (`tests/layers/lexer.rs`), which skips comments, strings, characters and
//! lifetimes, so a `{` in a string or a comment never counts as a brace.

#[path = "layers/lexer.rs"]
mod lexer;

use std::path::{Path, PathBuf};

use lexer::{Tok, Token, tokens};

/// A function longer than this is several jobs; 150 lines is about three screens.
const MAX_FUNCTION_LINES: usize = 150;
/// A file longer than this is several jobs (the project's rule, CONTRIBUTING.md).
const MAX_FILE_LINES: usize = 800;

/// Functions let through while a branch splits them, as (file, function): empty since
/// issue 12's branches were merged. The test fails for an entry whose function is gone or
/// no longer too long, so none stays behind.
const TEMPORARY_ALLOWLIST: &[(&str, &str)] = &[];

/// One function: its name (`Type::name` inside an `impl`), the line of `fn` and its length
/// in lines, from that line to the closing brace's.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Function {
    name: String,
    line: usize,
    lines: usize,
}

fn is_punct(token: Option<&Token>, c: char) -> bool {
    token.is_some_and(|t| t.tok == Tok::Punct(c))
}

fn ident(token: Option<&Token>) -> Option<&str> {
    match token.map(|t| &t.tok) {
        Some(Tok::Ident(name)) => Some(name),
        _ => None,
    }
}

/// The index of the `{` that opens the body of the function whose name is at `name_at`, or
/// `None` for a declaration without a body (`fn f();` in a trait). Brackets and parentheses
/// are skipped, so the `;` of `[u8; 4]` in a parameter does not end the signature.
fn body_start(toks: &[Token], name_at: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, t) in toks.iter().enumerate().skip(name_at + 1) {
        match t.tok {
            Tok::Punct('(' | '[') => depth += 1,
            Tok::Punct(')' | ']') => depth = depth.saturating_sub(1),
            Tok::Punct(';') if depth == 0 => return None,
            Tok::Punct('{') if depth == 0 => return Some(i),
            _ => {}
        }
    }
    None
}

/// The index of the `}` that closes the `{` at `open`; `None` when the file ends first.
fn matching_brace(toks: &[Token], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, t) in toks.iter().enumerate().skip(open) {
        match t.tok {
            Tok::Punct('{') => depth += 1,
            Tok::Punct('}') => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// The type an `impl` at `impl_at` is for: the last path segment before its generics, after
/// `for` if there is one (`impl<'a> eframe::App for DetenteApp<'a> {` → `DetenteApp`).
fn impl_type(toks: &[Token], impl_at: usize) -> Option<String> {
    let mut angle = 0usize;
    let mut name = None;
    for t in &toks[impl_at + 1..] {
        match &t.tok {
            Tok::Punct('<') => angle += 1,
            Tok::Punct('>') => angle = angle.saturating_sub(1),
            Tok::Punct('{') => break,
            Tok::Ident(word) if angle == 0 && word == "where" => break,
            Tok::Ident(word) if angle == 0 && word == "for" => name = None,
            Tok::Ident(word) if angle == 0 && word != "dyn" && word != "mut" => {
                name = Some(word.clone());
            }
            _ => {}
        }
    }
    name
}

/// Whether the token at `at` starts an item: `impl Trait for X {` does, `-> impl Iterator`
/// and `f: impl Fn()` do not.
fn starts_item(toks: &[Token], at: usize) -> bool {
    let before = at.checked_sub(1).and_then(|i| toks.get(i));
    before.is_none()
        || ['}', ';', '{', ']'].iter().any(|&c| is_punct(before, c))
        || ident(before) == Some("unsafe")
}

/// Every function with a body in `text`, nested ones and methods too, in source order.
fn functions(text: &str) -> Vec<Function> {
    let toks = tokens(text);
    // The `impl` blocks as (type, index of their `{`, index of their `}`).
    let mut impls = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if ident(Some(t)) == Some("impl")
            && starts_item(&toks, i)
            && let Some(name) = impl_type(&toks, i)
            && let Some(open) = toks[i..]
                .iter()
                .position(|t| t.tok == Tok::Punct('{'))
                .map(|k| k + i)
            && let Some(close) = matching_brace(&toks, open)
        {
            impls.push((name, open, close));
        }
    }
    let mut found = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if ident(Some(t)) != Some("fn") {
            continue;
        }
        // `fn(u8) -> u8` is a pointer type, not a function.
        let Some(name) = ident(toks.get(i + 1)) else {
            continue;
        };
        let Some(open) = body_start(&toks, i + 1) else {
            continue;
        };
        let Some(close) = matching_brace(&toks, open) else {
            continue;
        };
        // The innermost impl around it: the one that opened last before it.
        let owner = impls
            .iter()
            .filter(|(_, o, c)| *o < i && i < *c)
            .max_by_key(|(_, o, _)| *o);
        let name = match owner {
            Some((ty, _, _)) => format!("{ty}::{name}"),
            None => name.to_owned(),
        };
        found.push(Function {
            name,
            line: t.line,
            lines: toks[close].line - t.line + 1,
        });
    }
    found
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry under src/").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_function_over_150_lines_and_no_file_over_800() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    assert!(files.len() > 100, "only {} files found", files.len());
    let mut breaches = Vec::new();
    let mut allowed_seen = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let rel = path
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let file_lines = text.lines().count();
        if file_lines > MAX_FILE_LINES {
            breaches.push(format!(
                "{rel}: {file_lines} lines (at most {MAX_FILE_LINES} a file)"
            ));
        }
        for f in functions(&text) {
            let allowed = TEMPORARY_ALLOWLIST.contains(&(rel.as_str(), f.name.as_str()));
            if allowed {
                allowed_seen.push((rel.clone(), f.name.clone(), f.lines));
            }
            if f.lines > MAX_FUNCTION_LINES && !allowed {
                breaches.push(format!(
                    "{rel}:{}: fn {} is {} lines (at most {MAX_FUNCTION_LINES} a function)",
                    f.line, f.name, f.lines
                ));
            }
        }
    }
    for (file, name) in TEMPORARY_ALLOWLIST {
        let long = allowed_seen
            .iter()
            .any(|(f, n, lines)| f == file && n == name && *lines > MAX_FUNCTION_LINES);
        if !long {
            breaches.push(format!(
                "{file}: fn {name} is allowlisted but is gone or no longer over \
                 {MAX_FUNCTION_LINES} lines: remove it from TEMPORARY_ALLOWLIST"
            ));
        }
    }
    assert!(breaches.is_empty(), "\n{}\n", breaches.join("\n"));
}

#[cfg(test)]
mod counter_tests {
    use super::*;

    fn summary(text: &str) -> Vec<(String, usize, usize)> {
        functions(text)
            .into_iter()
            .map(|f| (f.name, f.line, f.lines))
            .collect()
    }

    #[test]
    fn a_function_runs_from_fn_to_its_closing_brace() {
        let text = "/// doc\nfn one() {\n    let x = 1;\n}\n\nfn two() { }\n";
        assert_eq!(summary(text), [("one".into(), 2, 3), ("two".into(), 6, 1)]);
    }

    #[test]
    fn braces_in_strings_characters_comments_and_lifetimes_do_not_count() {
        let text = "fn f<'a>(s: &'a str) -> &'a str {\n    let _ = \"}}\";\n    let _ = '}';\n    // }\n    /* } */\n    let _ = r#\"}\"#;\n    s\n}\nfn g() {}\n";
        assert_eq!(summary(text), [("f".into(), 1, 8), ("g".into(), 9, 1)]);
    }

    #[test]
    fn methods_are_named_by_their_type_and_nested_functions_are_measured_too() {
        let text = "impl<'a> eframe::App for DetenteApp<'a> {\n    fn ui(&mut self) {\n        fn inner() {\n        }\n    }\n}\nimpl<T: Clone> Wrapper<T> where T: Copy {\n    fn get(&self) -> T { self.0 }\n}\n";
        assert_eq!(
            summary(text),
            [
                ("DetenteApp::ui".into(), 2, 4),
                ("DetenteApp::inner".into(), 3, 2),
                ("Wrapper::get".into(), 8, 1),
            ]
        );
    }

    #[test]
    fn impl_in_a_signature_is_not_an_impl_block() {
        let text = "impl Lists {
    fn ids(&self) -> impl Iterator<Item = u8> {
        fn helper() {}
        helper();
        std::iter::empty()
    }
}
fn free(f: impl Fn()) {
    f()
}
";
        assert_eq!(
            summary(text),
            [
                ("Lists::ids".into(), 2, 5),
                ("Lists::helper".into(), 3, 1),
                ("free".into(), 8, 3),
            ]
        );
    }

    #[test]
    fn declarations_pointer_types_and_arrays_in_signatures_are_not_bodies() {
        let text = "trait T {\n    fn declared(&self);\n    fn with_default(&self) {}\n}\ntype F = fn(u8) -> u8;\nfn takes(x: [u8; 4], f: fn(u8)) -> [u8; 2] {\n    [x[0], x[1]]\n}\n";
        assert_eq!(
            summary(text),
            [("with_default".into(), 3, 1), ("takes".into(), 6, 3)]
        );
    }

    #[test]
    fn an_unclosed_body_is_not_a_function() {
        assert!(summary("fn broken() {\n    let x = 1;\n").is_empty());
    }
}
