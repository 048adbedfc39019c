//! Every path into the crate that a source file names, in `use` trees (grouped, nested,
//! renamed, `pub use`) and inline in code (`crate::io::save(…)`, `super::super::cli::Cli`),
//! resolved from the crate root so that its first segment is the top folder it reaches.

use super::lexer::{Tok, Token, tokens};

/// One path into the crate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CratePath {
    /// From the crate root: `["model", "Id"]` for `crate::model::Id`.
    pub absolute: Vec<String>,
    pub line: usize,
    /// Inside `#[cfg(test)]` code, where test fixtures may be used.
    pub in_test: bool,
}

/// What one file names.
#[derive(Debug, Default)]
pub struct FileScan {
    pub paths: Vec<CratePath>,
    /// Every name in code (not in comments or strings), with its line.
    pub names: Vec<(String, usize)>,
    /// Modules declared `#[cfg(test)] mod name;`: their files are test code.
    pub test_modules: Vec<String>,
}

fn is_punct(tokens: &[Token], at: usize, c: char) -> bool {
    tokens.get(at).is_some_and(|t| t.tok == Tok::Punct(c))
}

fn is_sep(tokens: &[Token], at: usize) -> bool {
    tokens.get(at).is_some_and(|t| t.tok == Tok::PathSep)
}

fn ident(tokens: &[Token], at: usize) -> Option<&str> {
    match tokens.get(at).map(|t| &t.tok) {
        Some(Tok::Ident(name)) => Some(name),
        _ => None,
    }
}

/// Whether `#[cfg(test)]` (or `#![cfg(test)]` with `inner`) starts at `at`; returns the
/// index after its `]`.
fn cfg_test_at(tokens: &[Token], at: usize, inner: bool) -> Option<usize> {
    let mut k = at;
    if !is_punct(tokens, k, '#') {
        return None;
    }
    k += 1;
    if inner {
        if !is_punct(tokens, k, '!') {
            return None;
        }
        k += 1;
    }
    let matches = is_punct(tokens, k, '[')
        && ident(tokens, k + 1) == Some("cfg")
        && is_punct(tokens, k + 2, '(')
        && ident(tokens, k + 3) == Some("test")
        && is_punct(tokens, k + 4, ')')
        && is_punct(tokens, k + 5, ']');
    matches.then_some(k + 6)
}

/// The last token of the item that starts at `start`: its `;`, or the `}` that closes its
/// first top-level `{`.
fn item_end(tokens: &[Token], start: usize) -> usize {
    let mut depth = 0usize;
    let mut at = start;
    while at < tokens.len() {
        match tokens[at].tok {
            Tok::Punct('(' | '[') => depth += 1,
            Tok::Punct(')' | ']') => depth = depth.saturating_sub(1),
            Tok::Punct(';') if depth == 0 => return at,
            Tok::Punct('{') if depth == 0 => return matching_brace(tokens, at),
            _ => {}
        }
        at += 1;
    }
    tokens.len().saturating_sub(1)
}

fn matching_brace(tokens: &[Token], open: usize) -> usize {
    let mut depth = 0usize;
    for (at, token) in tokens.iter().enumerate().skip(open) {
        match token.tok {
            Tok::Punct('{') => depth += 1,
            Tok::Punct('}') => {
                depth -= 1;
                if depth == 0 {
                    return at;
                }
            }
            _ => {}
        }
    }
    tokens.len().saturating_sub(1)
}

/// Which tokens are `#[cfg(test)]` code, and the out-of-line test modules declared.
fn test_regions(tokens: &[Token]) -> (Vec<bool>, Vec<String>) {
    let mut in_test = vec![false; tokens.len()];
    let mut modules = Vec::new();
    if (0..tokens.len()).any(|at| cfg_test_at(tokens, at, true).is_some()) {
        return (vec![true; tokens.len()], modules);
    }
    let mut at = 0;
    while at < tokens.len() {
        if let Some(item) = cfg_test_at(tokens, at, false) {
            let end = item_end(tokens, item);
            in_test[at..=end].fill(true);
            // `#[cfg(test)] mod name;`: the item's last three tokens.
            if end >= 2
                && ident(tokens, end - 2) == Some("mod")
                && is_punct(tokens, end, ';')
                && let Some(name) = ident(tokens, end - 1)
            {
                modules.push(name.to_string());
            }
            at = end + 1;
        } else {
            at += 1;
        }
    }
    (in_test, modules)
}

/// Parses the use tree at `*at` under `prefix`, pushing each leaf path with its line.
fn use_tree(
    tokens: &[Token],
    at: &mut usize,
    prefix: &[String],
    out: &mut Vec<(Vec<String>, usize)>,
) {
    let mut path = prefix.to_vec();
    if is_sep(tokens, *at) {
        // `use ::name`: another crate, whatever follows.
        path.push("::".into());
        *at += 1;
    }
    loop {
        let Some(token) = tokens.get(*at) else { return };
        match &token.tok {
            Tok::Ident(name) => {
                path.push(name.clone());
                *at += 1;
                if is_sep(tokens, *at) {
                    *at += 1;
                    continue;
                }
                if ident(tokens, *at) == Some("as") {
                    *at += 2;
                }
                out.push((path, token.line));
                return;
            }
            Tok::Punct('*') => {
                *at += 1;
                out.push((path, token.line));
                return;
            }
            Tok::Punct('{') => {
                *at += 1;
                while *at < tokens.len() && !is_punct(tokens, *at, '}') {
                    let before = *at;
                    use_tree(tokens, at, &path, out);
                    if is_punct(tokens, *at, ',') {
                        *at += 1;
                    }
                    if *at == before {
                        *at += 1; // not a tree: step over it rather than loop
                    }
                }
                *at += 1;
                return;
            }
            _ => return,
        }
    }
}

/// `segments` (as written) from the crate root, seen from module `current`; `None` for a
/// path that does not start at the crate (another crate, a local name).
pub fn resolve(segments: &[String], current: &[String]) -> Option<Vec<String>> {
    let (first, rest) = segments.split_first()?;
    let mut absolute = match first.as_str() {
        "crate" => Vec::new(),
        "self" => current.to_vec(),
        "super" => {
            let mut base = current.to_vec();
            base.pop()?;
            base
        }
        _ => return None,
    };
    let mut rest = rest.iter().peekable();
    if first == "super" {
        while rest.peek().is_some_and(|s| *s == "super") {
            absolute.pop()?;
            rest.next();
        }
    }
    // `{self, …}` in a tree names the prefix itself.
    absolute.extend(rest.filter(|s| *s != "self").cloned());
    Some(absolute)
}

/// Reads `text`, the file of module `module` (`["ui", "panels"]` for `src/ui/panels/mod.rs`).
pub fn scan(text: &str, module: &[String]) -> FileScan {
    let tokens = tokens(text);
    let (in_test, test_modules) = test_regions(&tokens);
    let mut scan = FileScan {
        test_modules,
        ..FileScan::default()
    };
    // The module the code is in: the file's, then each inline `mod name { … }`.
    let mut current = module.to_vec();
    let mut inline_mods: Vec<usize> = Vec::new();
    let mut depth = 0usize;
    let mut at = 0;
    while at < tokens.len() {
        let token = &tokens[at];
        let after_sep = at > 0 && is_sep(&tokens, at - 1);
        match &token.tok {
            Tok::Punct('{') => depth += 1,
            Tok::Punct('}') => {
                depth = depth.saturating_sub(1);
                if inline_mods.last() == Some(&depth) {
                    inline_mods.pop();
                    current.pop();
                }
            }
            Tok::Ident(name) => {
                scan.names.push((name.clone(), token.line));
                if name == "mod"
                    && let Some(child) = ident(&tokens, at + 1)
                    && is_punct(&tokens, at + 2, '{')
                {
                    current.push(child.to_string());
                    inline_mods.push(depth);
                } else if name == "use" && !after_sep {
                    let mut trees = Vec::new();
                    let mut end = at + 1;
                    use_tree(&tokens, &mut end, &[], &mut trees);
                    for (segments, line) in trees {
                        if let Some(absolute) = resolve(&segments, &current) {
                            scan.paths.push(CratePath {
                                absolute,
                                line,
                                in_test: in_test[at],
                            });
                        }
                    }
                    // The names of the tree are read too, for the egui check.
                    for t in &tokens[at + 1..end.min(tokens.len())] {
                        if let Tok::Ident(n) = &t.tok {
                            scan.names.push((n.clone(), t.line));
                        }
                    }
                    at = end;
                    continue;
                } else if matches!(name.as_str(), "crate" | "super" | "self")
                    && !after_sep
                    && is_sep(&tokens, at + 1)
                {
                    let mut segments = vec![name.clone()];
                    let mut k = at + 1;
                    while is_sep(&tokens, k)
                        && let Some(next) = ident(&tokens, k + 1)
                    {
                        segments.push(next.to_string());
                        k += 2;
                    }
                    if let Some(absolute) = resolve(&segments, &current) {
                        scan.paths.push(CratePath {
                            absolute,
                            line: token.line,
                            in_test: in_test[at],
                        });
                    }
                }
            }
            _ => {}
        }
        at += 1;
    }
    scan
}

#[cfg(test)]
mod tests {
    use super::*;

    fn module(path: &str) -> Vec<String> {
        path.split("::")
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect()
    }

    /// Every path found, as `a::b@line` (with `[test]` for test code).
    fn found(text: &str, in_module: &str) -> Vec<String> {
        scan(text, &module(in_module))
            .paths
            .iter()
            .map(|p| {
                let test = if p.in_test { " [test]" } else { "" };
                format!("{}@{}{test}", p.absolute.join("::"), p.line)
            })
            .collect()
    }

    #[test]
    fn grouped_and_nested_use_trees_give_every_leaf_with_its_line() {
        let text = "use crate::{model::{Id, Project as P},\n    io::{self, sample::*}};\npub use crate::query::Filter;";
        assert_eq!(
            found(text, "app::x"),
            [
                "model::Id@1",
                "model::Project@1",
                "io@2",
                "io::sample@2",
                "query::Filter@3"
            ]
        );
    }

    #[test]
    fn inline_paths_in_code_are_found_but_not_in_comments_or_strings() {
        let text = "/// Uses [`crate::ui::Foo`].\nfn f() {\n    let s = \"crate::cli::run\"; // crate::ui\n    crate::export::write(crate::io::load());\n}";
        assert_eq!(found(text, "app::x"), ["export::write@4", "io::load@4"]);
    }

    #[test]
    fn super_paths_climb_out_of_the_folder() {
        // From src/ui/panels/mod.rs, `super::super` is the crate root.
        let text = "use super::super::cli::Cli;\nfn f() { super::details::show(); }";
        assert_eq!(
            found(text, "ui::panels"),
            ["cli::Cli@1", "ui::details::show@2"]
        );
        // From src/model/mod.rs, `super::` is the root too.
        assert_eq!(found("use super::io::x;", "model"), ["io::x@1"]);
    }

    #[test]
    fn inline_modules_move_super_down_one_level() {
        let text = "fn a() {}\nmod tests {\n    use super::a;\n}\nuse super::b;";
        // In `mod tests`, `super` is `model`; after it closes, `super` is the root again.
        assert_eq!(found(text, "model"), ["model::a@3", "b@5"]);
    }

    #[test]
    fn cfg_test_items_are_marked_and_ordinary_code_after_them_is_not() {
        let text = "#[cfg(test)]\n#[allow(x)]\nmod tests {\n    fn f() -> [u8; 2] { crate::io::sample() }\n}\nuse crate::io::Save;\n#[cfg(test)]\nuse crate::generate::g;";
        assert_eq!(
            found(text, "model::m"),
            ["io::sample@4 [test]", "io::Save@6", "generate::g@8 [test]"]
        );
    }

    #[test]
    fn out_of_line_test_modules_and_inner_cfg_test_are_recognised() {
        let scanned = scan(
            "mod shape;\n#[cfg(test)]\nmod tests;\nmod words;",
            &module("model::d"),
        );
        assert_eq!(scanned.test_modules, ["tests"]);
        assert_eq!(
            found("#![cfg(test)]\nuse crate::io::x;", "model::m"),
            ["io::x@2 [test]"]
        );
    }

    #[test]
    fn visibility_and_other_crates_are_not_paths() {
        let text = "pub(crate) fn f() {}\npub(super) struct S;\nuse egui::Ui;\nuse ::std::fs;\nfn g() { std::mem::take(&mut Self::x); }";
        assert_eq!(found(text, "app::x"), Vec::<String>::new());
        let names: Vec<String> = scan(text, &module("app::x"))
            .names
            .into_iter()
            .map(|n| n.0)
            .collect();
        assert!(names.contains(&"egui".to_string()), "{names:?}");
    }

    #[test]
    fn resolve_refuses_to_climb_above_the_root() {
        assert_eq!(resolve(&module("super::super::x"), &module("a")), None);
        assert_eq!(
            resolve(&module("self::y"), &module("a::b")),
            Some(module("a::b::y"))
        );
        assert_eq!(resolve(&module("egui::Ui"), &module("a")), None);
    }
}
