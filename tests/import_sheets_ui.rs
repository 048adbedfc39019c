//! Importing a spreadsheet from the app: the dialog offers the workbook's sheets with their
//! rows and the header row, previews the chosen sheet, and imports it through the column
//! mapping into the open project.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

mod support;

use detente::ui::DetenteApp;
use detente::ui::actions::Action;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use support::{run_until, wait_for_preview};

fn harness() -> Harness<'static, DetenteApp> {
    Harness::builder()
        .with_size(egui::vec2(1400.0, 1000.0))
        .build_ui_state(|ui, app: &mut DetenteApp| app.ui(ui), DetenteApp::new(None))
}

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sheets")
        .join(name)
}

#[test]
fn choosing_the_calls_sheet_changes_the_preview_and_import_merges_it() {
    let mut harness = harness();
    harness.run();
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, Action::ImportPath(fixture("meetings.xlsx")));
    wait_for_preview(&mut harness);
    harness.get_by_label_contains("Detected: a zip archive with an xl/ folder");
    // The first sheet, its header found on row 3, its rows previewed by the sheet's numbers.
    harness.get_by_label("First rows of sheet “Meetings” as they will be read");
    harness.get_by_label("Witkoff meets Dmitriev");
    harness.get_by_role_and_label(Role::ComboBox, "Sheet");
    harness.get_by_role_and_label(Role::SpinButton, "Header row");
    // No encoding is offered: a workbook is not text.
    assert!(harness.query_by_label("Encoding").is_none());

    harness
        .get_by_role_and_label(Role::ComboBox, "Sheet")
        .click();
    harness.run();
    harness.get_by_label("Calls (4 rows)").click();
    harness.run_steps(4);
    wait_for_preview(&mut harness);
    harness.get_by_label("First rows of sheet “Calls” as they will be read");
    harness.get_by_label("Trump and Putin speak by phone");
    assert!(harness.query_by_label("Witkoff meets Dmitriev").is_none());

    harness.get_by_label("Merged into the open project").click();
    harness.run();
    let before = harness.state().document().project().events.len();
    harness.get_by_label("Import").click();
    run_until(&mut harness, |h| {
        h.state().document().project().events.len() > before
    });
    let project = harness.state().document().project();
    assert_eq!(project.events.len(), before + 3);
    assert!(
        project
            .events
            .iter()
            .any(|e| e.title == "Zelensky at the White House")
    );
}
