//! The README's shortcut list is the command table's: every row of one is a row of the
//! other, in the same order.

use detente::app::command_table::shortcut_rows;

/// The table rows of the README's "Keyboard shortcuts" section, without its header.
fn readme_rows() -> Vec<String> {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md is readable");
    let section = readme
        .split("\n### Keyboard shortcuts\n")
        .nth(1)
        .expect("README.md has a \"### Keyboard shortcuts\" section");
    section
        .lines()
        .take_while(|line| !line.starts_with('#'))
        .filter(|line| line.starts_with("| "))
        .skip(1) // the header
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_readme_lists_every_shortcut_of_the_command_table_and_no_other() {
    let readme = readme_rows();
    let table = shortcut_rows();
    let missing: Vec<&String> = table.iter().filter(|r| !readme.contains(r)).collect();
    let extra: Vec<&String> = readme.iter().filter(|r| !table.contains(r)).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "README.md's shortcut list differs from the command table.\nMissing from the README:\n{}\nIn the README only:\n{}",
        missing
            .iter()
            .map(|r| r.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
        extra
            .iter()
            .map(|r| r.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
    );
    assert_eq!(readme, table, "same rows, in the table's order");
}
