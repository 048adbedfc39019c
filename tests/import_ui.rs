//! Importing from the app: the dialog previews, imports into a new project or merges, and
//! reports; each step off the UI thread.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

mod support;

use detente::ui::DetenteApp;
use detente::ui::actions::Action;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use support::{run_until, wait_for_preview};

fn harness() -> Harness<'static, DetenteApp> {
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut DetenteApp| app.ui(ui), DetenteApp::new(None))
}

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

#[test]
fn merging_a_timeline_app_file_previews_imports_and_can_be_undone() {
    let mut harness = harness();
    harness.run();
    let ctx = harness.ctx.clone();
    let path = fixture("timeline_app_2x.timeline");
    harness.state_mut().apply(&ctx, Action::ImportPath(path));
    wait_for_preview(&mut harness);
    // The preview shows the first rows as they will be read.
    harness.get_by_label_contains("Detected");
    harness.get_by_label("Merged into the open project").click();
    harness.run();
    harness.get_by_label("Import").click();
    let before = harness.state().document().project().events.len();
    run_until(&mut harness, |h| {
        h.state().document().project().events.len() > before
    });
    harness.run_steps(4);
    harness.get_by_label("Import report");
    assert!(harness.state().document().is_dirty());
    assert!(
        harness
            .state()
            .document()
            .undo_label()
            .unwrap()
            .starts_with("import")
    );
    harness.state_mut().apply(&ctx, Action::Undo);
    harness.run();
    assert_eq!(harness.state().document().project().events.len(), before);
}

#[test]
fn a_timeline_from_another_tool_given_to_open_opens_the_import_dialog() {
    // On the command line (or "Open with"): an empty project, with the import dialog on it.
    let path = fixture("timeline_app_2x.timeline");
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(
            |ui, app: &mut DetenteApp| app.ui(ui),
            DetenteApp::new(Some(&path)),
        );
    wait_for_preview(&mut harness);
    harness.get_by_label_contains("Detected");
    assert!(harness.state().document().project().events.is_empty());

    // With File ▸ Open (here its action): the open project stays, the dialog opens.
    let mut harness = harness_with_sample();
    let ctx = harness.ctx.clone();
    let before = harness.state().document().project().title.clone();
    harness.state_mut().apply(&ctx, Action::OpenPath(path));
    wait_for_preview(&mut harness);
    assert_eq!(harness.state().document().project().title, before);
}

#[test]
fn a_damaged_project_still_says_what_is_wrong_with_it() {
    let dir = std::env::temp_dir().join(format!("detente-import-ui-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // One line with commas: comma-separated values by its look, but a project by its name.
    let path = dir.join("broken.detente.ron");
    std::fs::write(&path, "(format_version: 1, title: \"x\", events: [").unwrap();
    let harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(
            |ui, app: &mut DetenteApp| app.ui(ui),
            DetenteApp::new(Some(&path)),
        );
    assert!(harness.query_by_label("Import").is_none());
    harness.get_by_label_contains("broken.detente.ron");
    let _ = std::fs::remove_dir_all(&dir);
}

fn harness_with_sample() -> Harness<'static, DetenteApp> {
    let mut harness = harness();
    harness.run();
    harness
}

#[test]
fn an_imported_project_is_not_replaced_without_asking() {
    let mut harness = harness_with_sample();
    let ctx = harness.ctx.clone();
    let path = fixture("timeline_app_2x.timeline");
    harness.state_mut().apply(&ctx, Action::ImportPath(path));
    wait_for_preview(&mut harness);
    harness.get_by_label("Into a new project").click();
    harness.run();
    harness.get_by_label("Import").click();
    run_until(&mut harness, |h| {
        h.state()
            .document()
            .project()
            .title
            .starts_with("Imported from")
    });
    // The import exists on no disk: it is unsaved work.
    assert!(harness.state().document().is_dirty());
    harness.state_mut().apply(&ctx, Action::OpenSample);
    harness.run();
    harness.get_by_label("Unsaved changes");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(
        harness
            .state()
            .document()
            .project()
            .title
            .starts_with("Imported from"),
        "the imported project is still open"
    );
}

#[test]
fn a_file_the_format_reads_no_event_from_shows_why_and_cannot_be_imported() {
    // ICEWS by its header, but no row has a date: the dialog says what the import would
    // (issue 11: such imports wrote a project of 0 events).
    let dir = std::env::temp_dir().join(format!("detente-import-none-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("coded.tsv");
    std::fs::write(
        &path,
        "Event ID\tEvent Date\tSource Name\tEvent Text\tTarget Name\n\
         1\tsoon\tRussia\tMake a visit\tChina\n\
         2\tlater\tUSA\tConsult\tUkraine\n",
    )
    .unwrap();
    let mut harness = harness();
    harness.run();
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(&ctx, Action::ImportPath(path));
    wait_for_preview(&mut harness);
    harness.get_by_label_contains(
        "No event could be read as ICEWS-style coded events: expected rows of source",
    );
    harness.get_by_label_contains("2 lines skipped, the first (line 2: ");
    assert!(
        harness
            .get_by_label("Import")
            .accesskit_node()
            .is_disabled()
    );
}

#[test]
fn at_1024_by_700_the_import_button_can_be_reached() {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1024.0, 700.0))
        .build_ui_state(|ui, app: &mut DetenteApp| app.ui(ui), DetenteApp::new(None));
    harness.run();
    let ctx = harness.ctx.clone();
    // A CSV file: the column mapping makes the dialog taller than the window.
    harness
        .state_mut()
        .apply(&ctx, Action::ImportPath(fixture("placeholder_dates.csv")));
    wait_for_preview(&mut harness);
    harness.get_by_label("Import").scroll_to_me();
    harness.run();
    let button = harness.get_by_label("Import").rect();
    assert!(
        button.bottom() <= 700.0,
        "Import is below the window: {button:?}"
    );
    harness.get_by_label("Import").click();
    run_until(&mut harness, |h| {
        h.query_by_label("Import report").is_some()
    });
    assert_eq!(harness.state().document().project().events.len(), 5);
}
