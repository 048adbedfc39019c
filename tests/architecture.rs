//! The layers stay apart: every path into the crate that a file in `src/` names (in `use`
//! trees and inline in code) is checked against one table of which folder may use which, and
//! no folder but `ui` names egui. ARCHITECTURE.md ("Layers") explains the table.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

mod layers;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use layers::paths::scan;

/// What each top folder of `src/` may use besides itself. Nothing may use `ui` or `cli`
/// except the binary's `main.rs`, which may use anything.
const ALLOWED: &[(&str, &[&str])] = &[
    ("model", &[]),
    ("io", &["model"]),
    ("layout", &["model"]),
    ("geo", &["model"]),
    ("query", &["model"]),
    ("generate", &["model"]),
    ("formats", &["model"]),
    ("import", &["model", "io", "formats"]),
    ("export", &["model", "layout", "query", "formats"]),
    ("intake", &["model", "geo", "import"]),
    (
        "app",
        &[
            "model", "io", "layout", "geo", "query", "import", "export", "generate", "intake",
        ],
    ),
    (
        "ui",
        &[
            "model", "io", "layout", "geo", "query", "import", "export", "generate", "intake",
            "app",
        ],
    ),
    (
        "cli",
        &[
            "model", "io", "layout", "geo", "query", "import", "export", "generate", "intake",
            "app",
        ],
    ),
];

/// What `#[cfg(test)]` code may use on top of its folder's row: the embedded sample project
/// (`io`) and generated projects (`generate`) as fixtures, as a crate's dev-dependencies would.
const TEST_FIXTURES: &[&str] = &["io", "generate"];

/// The egui family: only `ui` (and `main.rs`) may name them.
const EGUI_CRATES: &[&str] = &[
    "egui",
    "eframe",
    "egui_extras",
    "egui_kittest",
    "egui_glow",
    "egui_wgpu",
    "egui_winit",
    "epaint",
    "emath",
    "ecolor",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The module a file under `src/` holds: `["ui", "panels"]` for `ui/panels/mod.rs`.
fn module_of(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let file = parts.pop().unwrap();
    let stem = file.trim_end_matches(".rs");
    if !(stem == "mod" || (parts.is_empty() && (stem == "lib" || stem == "main"))) {
        parts.push(stem.to_string());
    }
    parts
}

/// Every source file with its module, and whether all of it is test code (a file declared
/// `#[cfg(test)] mod name;`, or inside one).
struct SourceFile {
    path: PathBuf,
    module: Vec<String>,
    text: String,
}

fn source_files() -> Vec<SourceFile> {
    let root = src();
    let mut paths = Vec::new();
    rust_files(&root, &mut paths);
    paths.sort();
    paths
        .into_iter()
        .map(|path| SourceFile {
            module: module_of(path.strip_prefix(&root).unwrap()),
            text: std::fs::read_to_string(&path).unwrap(),
            path,
        })
        .collect()
}

/// The modules that are test code as a whole: declared `#[cfg(test)] mod name;`.
fn test_only_modules(files: &[SourceFile]) -> Vec<Vec<String>> {
    let mut modules = Vec::new();
    for file in files {
        for name in scan(&file.text, &file.module).test_modules {
            let mut module = file.module.clone();
            module.push(name);
            modules.push(module);
        }
    }
    modules
}

fn allowed_for(folder: &str) -> Option<&'static [&'static str]> {
    ALLOWED
        .iter()
        .find(|(f, _)| *f == folder)
        .map(|(_, uses)| *uses)
}

/// Every breach of the table and of the egui rule, as `file:line: what`.
fn violations(files: &[SourceFile]) -> Vec<String> {
    let test_only = test_only_modules(files);
    let mut found = Vec::new();
    for file in files {
        // The crate roots: `lib.rs` only declares the folders; `main.rs` may use anything.
        let Some(folder) = file.module.first() else {
            continue;
        };
        let shown = file
            .path
            .strip_prefix(src().parent().unwrap())
            .unwrap()
            .display();
        let Some(allowed) = allowed_for(folder) else {
            found.push(format!("{shown}: src/{folder} has no row in ALLOWED"));
            continue;
        };
        let whole_file_test = test_only.iter().any(|m| file.module.starts_with(m));
        let scanned = scan(&file.text, &file.module);
        for path in &scanned.paths {
            let Some(target) = path.absolute.first() else {
                found.push(format!(
                    "{shown}:{}: a path to the crate root itself",
                    path.line
                ));
                continue;
            };
            let in_test = path.in_test || whole_file_test;
            let ok = target == folder
                || allowed.contains(&target.as_str())
                || (in_test && TEST_FIXTURES.contains(&target.as_str()));
            if !ok {
                found.push(format!(
                    "{shown}:{}: {folder} may not use {target} (`crate::{}`){}",
                    path.line,
                    path.absolute.join("::"),
                    if in_test { " in test code" } else { "" }
                ));
            }
        }
        if folder != "ui" {
            for (name, line) in &scanned.names {
                if EGUI_CRATES.contains(&name.as_str()) {
                    found.push(format!(
                        "{shown}:{line}: {folder} may not name `{name}`: only ui draws"
                    ));
                }
            }
        }
    }
    found
}

#[test]
fn every_path_into_the_crate_follows_the_layer_table() {
    let files = source_files();
    assert!(files.len() > 100, "only {} files read", files.len());
    let found = violations(&files);
    assert!(
        found.is_empty(),
        "{} layer violation(s):\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn the_checker_finds_paths_in_every_folder() {
    // A parser that read nothing would pass the test above: every folder must show paths.
    let files = source_files();
    let mut folders_with_paths = BTreeSet::new();
    for file in &files {
        if let Some(folder) = file.module.first()
            && !scan(&file.text, &file.module).paths.is_empty()
        {
            folders_with_paths.insert(folder.clone());
        }
    }
    for (folder, _) in ALLOWED {
        assert!(
            folders_with_paths.contains(*folder),
            "no crate path found in src/{folder}"
        );
    }
}

#[test]
fn the_checker_reports_a_breach_with_its_file_and_line() {
    let planted = |path: &str, text: &str| SourceFile {
        path: src().join(path),
        module: module_of(Path::new(path)),
        text: text.to_string(),
    };
    let files = [
        planted(
            "export/x.rs",
            "use crate::{model::Id, import::{text_to_html}};",
        ),
        planted(
            "ui/panels/mod.rs",
            "fn f() {\n    super::super::cli::run();\n}",
        ),
        planted(
            "model/y.rs",
            "#[cfg(test)]\nmod tests {\n    use crate::io::sample_project;\n    use crate::app::Document;\n}",
        ),
        planted(
            "import/z.rs",
            "// egui is not named here\nfn f(_: egui::Ui) {}",
        ),
    ];
    assert_eq!(
        violations(&files),
        [
            "src/export/x.rs:1: export may not use import (`crate::import::text_to_html`)",
            "src/ui/panels/mod.rs:2: ui may not use cli (`crate::cli::run`)",
            "src/model/y.rs:4: model may not use app (`crate::app::Document`) in test code",
            "src/import/z.rs:2: import may not name `egui`: only ui draws",
        ]
    );
}

#[test]
fn every_folder_has_a_row_and_the_table_has_no_cycle() {
    let on_disk: BTreeSet<String> = std::fs::read_dir(src())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    let in_table: BTreeSet<String> = ALLOWED.iter().map(|(f, _)| (*f).to_string()).collect();
    assert_eq!(on_disk, in_table, "src/ folders and ALLOWED rows differ");
    // Kahn's algorithm: a table that can be ordered bottom-up has no cycle.
    let mut left: BTreeMap<&str, BTreeSet<&str>> = ALLOWED
        .iter()
        .map(|(f, uses)| (*f, uses.iter().copied().collect()))
        .collect();
    while let Some(free) = left
        .iter()
        .find(|(_, uses)| uses.is_empty())
        .map(|(f, _)| *f)
    {
        left.remove(free);
        for uses in left.values_mut() {
            uses.remove(free);
        }
    }
    assert!(
        left.is_empty(),
        "the table has a cycle among {:?}",
        left.keys()
    );
    for (folder, uses) in ALLOWED {
        assert!(!uses.contains(&"ui"), "{folder} may not use ui");
        assert!(!uses.contains(&"cli"), "{folder} may not use cli");
    }
}

#[test]
fn no_source_file_is_over_800_lines() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    for file in files {
        let lines = std::fs::read_to_string(&file).unwrap().lines().count();
        assert!(
            lines <= 800,
            "{} has {lines} lines; split it by job",
            file.display()
        );
    }
}
