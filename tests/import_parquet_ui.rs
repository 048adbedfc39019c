//! Importing a Parquet dataset from the app (issue 16): the dialog reads the folder's
//! footers, says what it holds, previews the slice typed in its fields, and imports the
//! slice with its progress; the project changes only when the import is done.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

mod support;

use detente::ui::DetenteApp;
use detente::ui::actions::Action;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use support::{run_until, wait_for_preview};

fn harness() -> Harness<'static, DetenteApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut DetenteApp| app.ui(ui), DetenteApp::new(None));
    harness.run();
    harness
}

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/parquet")
        .join(name)
}

/// Opens the import dialog on the fixture `name` and steps until its footers are read (the
/// page's "Dataset" row is shown).
fn open_dataset(harness: &mut Harness<'_, DetenteApp>, name: &str) {
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, Action::ImportPath(fixture(name)));
    run_until(harness, |h| h.query_by_label("Dataset").is_some());
}

fn type_into(harness: &mut Harness<'_, DetenteApp>, field: &str, text: &str) {
    // Steps, not `run`: the preview's spinner keeps the UI repainting.
    harness
        .get_by_role_and_label(Role::TextInput, field)
        .focus();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::TextInput, field)
        .type_text(text);
    harness.run_steps(2);
}

#[test]
fn a_partitioned_folder_is_described_previewed_as_sliced_and_imported() {
    let mut harness = harness();
    open_dataset(&mut harness, "gdelt_hive");
    // What the footers say, before any row is read.
    harness.get_by_label_contains("5 files partitioned by date");
    harness.get_by_label_contains("13 GDELT mentions in 1 file");
    harness.get_by_label("GDELT 2.0 events");
    harness.get_by_label("2025-12-18 to 2025-12-21");
    // The whole dataset first: 12 events. A preview row's kind says "meeting (held)".
    let rows_of = |h: &Harness<'_, DetenteApp>| {
        h.query_all_by_label_contains("(held)").count()
            + h.query_all_by_label_contains("(planned)").count()
    };
    run_until(&mut harness, |h| rows_of(h) == 12);

    type_into(&mut harness, "From", "2025-12-19");
    type_into(&mut harness, "Actor", "USA");
    // The preview follows the fields: nothing before the 19th is left.
    run_until(&mut harness, |h| rows_of(h) == 6);

    harness.get_by_label("Import").click();
    run_until(&mut harness, |h| {
        h.state().document().project().title.contains("gdelt_hive")
    });
    let project = harness.state().document().project();
    // The slice of the CLI test (`--from 2025-12-19 --actor USA`) less the 18th.
    assert_eq!(project.events.len(), 6, "{:?}", project.events.len());
    assert!(
        project
            .events
            .iter()
            .all(|e| e.date.display_text().as_str() >= "2025-12-19")
    );
    // Mentions in the folder became reports of the slice's events.
    assert!(!project.claims.is_empty());
    harness.run_steps(4);
    harness.get_by_label_contains("parquet: read 4 of 5 files");
}

#[test]
fn a_bad_slice_is_explained_and_import_stays_off() {
    let mut harness = harness();
    open_dataset(&mut harness, "gdelt_hive");
    type_into(&mut harness, "From", "19/12/2025");
    harness.get_by_label_contains("From: \"19/12/2025\" is not a day of the form YYYY-MM-DD");
    // A slice no row falls in says so, from the importer's own message.
    let mut harness = self::harness();
    open_dataset(&mut harness, "gdelt_hive");
    let before = harness.state().document().project().events.len();
    type_into(&mut harness, "Actor", "Atlantis");
    run_until(&mut harness, |h| {
        h.query_by_label_contains("no row falls in the slice")
            .is_some()
    });
    // Nothing was tried yet: the preview does not say "nothing was imported".
    assert!(
        harness
            .query_by_label_contains("nothing was imported")
            .is_none()
    );
    // Import stays off, so the open project (the sample) cannot change.
    assert!(
        harness
            .get_by_label("Import")
            .accesskit_node()
            .is_disabled()
    );
    assert_eq!(harness.state().document().project().events.len(), before);
}

#[test]
fn a_single_parquet_file_opens_the_same_page() {
    let mut harness = harness();
    open_dataset(&mut harness, "acled.parquet");
    harness.get_by_label("ACLED");
    wait_for_preview(&mut harness);
    assert!(
        !harness
            .get_by_label("Import")
            .accesskit_node()
            .is_disabled()
    );
    harness.get_by_label("Import").click();
    run_until(&mut harness, |h| {
        h.state().document().project().title.contains("acled")
    });
}

#[test]
fn a_folder_of_mentions_adds_reports_to_the_open_projects_events() {
    let mut harness = harness();
    // The events first, into a new project.
    open_dataset(&mut harness, "gdelt_events.parquet");
    wait_for_preview(&mut harness);
    harness.get_by_label("Import").click();
    run_until(&mut harness, |h| {
        h.state()
            .document()
            .project()
            .title
            .contains("gdelt_events")
    });
    let claims_before = harness.state().document().project().claims.len();
    let events_before = harness.state().document().project().events.len();
    harness.run_steps(4);

    // Then the mentions, which only add to those events.
    open_dataset(&mut harness, "gdelt_mentions");
    harness.get_by_label("GDELT 2.0 mentions only");
    // The preview lists the reports to be added, and a new project is no choice.
    run_until(&mut harness, |h| {
        h.query_all_by_label_contains("report (GDELT mention)")
            .count()
            > 0
    });
    assert!(
        harness
            .get_by_label("Into a new project")
            .accesskit_node()
            .is_disabled()
    );
    harness.get_by_label("Import").click();
    run_until(&mut harness, |h| {
        h.state().document().project().claims.len() > claims_before
    });
    let project = harness.state().document().project();
    assert_eq!(project.events.len(), events_before, "no event is added");
    assert!(
        harness
            .state()
            .document()
            .undo_label()
            .unwrap()
            .starts_with("import")
    );
}
