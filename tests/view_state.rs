//! The view state (filter, selection, grouping) is saved with the project and read back.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use detente::io::{SAMPLE_RON, load_project_str, to_ron_string};
use detente::model::{Id, ItemRef, LaneMode};

#[test]
fn the_documented_example_reads_and_round_trips() {
    // The line from docs/FORMAT.md, placed before the events.
    let line = r#"    view: (filter: (text: "NATO"), selection: [actor("a-zelenskyy")], group_by: participant),"#;
    let text = SAMPLE_RON.replacen("    events: [", &format!("{line}\n    events: ["), 1);
    let project = load_project_str(&text, "view.ron").unwrap();
    assert_eq!(project.view.filter.text, "NATO");
    assert_eq!(
        project.view.selection,
        [ItemRef::Actor(Id::new("a-zelenskyy"))]
    );
    assert_eq!(project.view.group_by, LaneMode::Participant);
    // Saving writes it in the canonical layout (one field a line); it reads back the same.
    let saved = to_ron_string(&project).unwrap();
    assert!(saved.contains("    view: ("), "{saved}");
    assert_eq!(load_project_str(&saved, "again").unwrap(), project);
}
