//! docs/FORMAT.md's complete example is a valid project, with its reported state.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

#[test]
fn the_complete_example_of_format_md_loads_and_is_canonical() {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/FORMAT.md")).unwrap();
    let section = doc.split("\n## A complete example\n").nth(1).unwrap();
    let text = section
        .split("```ron\n")
        .nth(1)
        .and_then(|rest| rest.split("\n```").next())
        .unwrap();
    let text = format!("{text}\n");
    let project = detente::io::load_project_str(&text, "example.detente.ron").unwrap();
    assert_eq!(project.format_version, detente::model::FORMAT_VERSION);
    let umerov = project
        .events
        .iter()
        .find(|e| e.id == "ev-umerov-us-meeting")
        .unwrap();
    assert_eq!(umerov.reported.len(), 1);
    assert_eq!(detente::io::to_ron_string(&project).unwrap(), text);
}
