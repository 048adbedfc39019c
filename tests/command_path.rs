//! The UI changes the project only through commands: no file under `src/ui` applies an edit,
//! undoes or redoes on the document itself (`app::Session::run` does, for every command).

use std::path::Path;

/// What only the session may call on the document.
const FORBIDDEN: &[&str] = &[
    "doc.apply(",
    "doc_mut().apply(",
    "document_mut().apply(",
    "doc.undo(",
    "doc_mut().undo(",
    "document_mut().undo(",
    "doc.redo(",
    "doc_mut().redo(",
    "document_mut().redo(",
];

fn rust_files(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir)
        .expect("src/ui is readable")
        .flatten()
    {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// `(file:line, the call)` for each forbidden call in `text`.
fn forbidden_calls(name: &str, text: &str) -> Vec<String> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim_start().starts_with("//"))
        .flat_map(|(i, line)| {
            let compact: String = line.split_whitespace().collect();
            FORBIDDEN
                .iter()
                .filter(move |call| compact.contains(*call))
                .map(move |call| format!("{name}:{}: {call}", i + 1))
        })
        .collect()
}

#[test]
fn the_ui_never_edits_the_document_around_the_session() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui"),
        &mut files,
    );
    assert!(files.len() > 10, "src/ui was read");
    let found: Vec<String> = files
        .iter()
        .flat_map(|path| {
            let text = std::fs::read_to_string(path).expect("readable");
            forbidden_calls(&path.display().to_string(), &text)
        })
        .collect();
    assert!(
        found.is_empty(),
        "run a Command instead:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_finds_a_direct_edit() {
    let code = "fn f(&mut self) {\n    self.doc.apply(edit, None).ok();\n    // self.doc.undo() is fine in a comment\n    self.session.run(Command::Undo);\n    self.doc_mut(). redo();\n}";
    assert_eq!(
        forbidden_calls("x.rs", code),
        ["x.rs:2: doc.apply(", "x.rs:5: doc_mut().redo("]
    );
}
