//! Implausible dates are imported as written but flagged: the IEADB treaty list dates 37
//! treaties `2699-01-01`, a placeholder that passed as a real date. The report lists them
//! with their lines, and the import dialog's preview marks them.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use detente::import::{ImportFormat, ImportOptions, PositionUnit, import, preview};
use detente::ui::DetenteApp;
use detente::ui::actions::Action;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

#[test]
fn placeholder_dates_are_imported_and_listed_with_their_lines() {
    let bytes = std::fs::read(fixture("placeholder_dates.csv")).unwrap();
    let options = ImportOptions::named("placeholder_dates.csv");
    let imported = import(&bytes, ImportFormat::Csv, &options).unwrap();
    // Nothing is lost: all five treaties are events, the placeholders with their dates.
    assert_eq!(imported.report.num_events, 5);
    let placeholder = imported
        .project
        .events
        .iter()
        .find(|e| e.id == "treaty-2")
        .unwrap();
    assert_eq!(placeholder.date.edtf_text(), "2699-01-01");

    let flagged: Vec<(usize, &str)> = imported
        .report
        .suspicious_dates
        .iter()
        .map(|s| (s.line_or_row, s.date.as_str()))
        .collect();
    // Lines 3 and 5 hold the placeholders; 2070 is a plan, 1959 is history.
    assert_eq!(flagged, [(3, "2699-01-01"), (5, "2699-01-01")]);
    assert!(
        imported
            .report
            .suspicious_dates
            .iter()
            .all(|s| s.unit == PositionUnit::Line)
    );
    let text = imported.report.to_text();
    assert!(
        text.contains("2 suspicious dates kept but flagged"),
        "{text}"
    );
    assert!(
        text.contains("suspicious date: line 3: 2699-01-01 is more than 50 years after the import"),
        "{text}"
    );

    let rows = preview(&bytes, ImportFormat::Csv, &options, 20).unwrap();
    let marked: Vec<usize> = rows
        .iter()
        .filter(|r| r.suspicious_date.is_some())
        .map(|r| r.line_or_row)
        .collect();
    assert_eq!(marked, [3, 5]);
}

#[test]
fn icews_dates_before_its_coverage_are_flagged() {
    let text = "Event ID\tEvent Date\tSource Name\tEvent Text\tCAMEO Code\tTarget Name\n\
                1\t1990-05-01\tRussia\tConsult\t040\tUkraine\n\
                2\t2014-05-01\tRussia\tConsult\t040\tUkraine\n";
    let imported = import(
        text.as_bytes(),
        ImportFormat::Icews,
        &ImportOptions::named("icews.tab"),
    )
    .unwrap();
    assert_eq!(imported.report.num_events, 2);
    let flagged: Vec<(usize, &str)> = imported
        .report
        .suspicious_dates
        .iter()
        .map(|s| (s.line_or_row, s.reason.as_str()))
        .collect();
    assert_eq!(
        flagged,
        [(2, "before ICEWS's coverage, which begins in 1995")]
    );
}

#[test]
fn the_import_preview_marks_suspicious_dates() {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut DetenteApp| app.ui(ui), DetenteApp::new(None));
    harness.run();
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, Action::ImportPath(fixture("placeholder_dates.csv")));
    for _ in 0..200 {
        harness.run_steps(4);
        // The preview is made on a thread: its spinner goes when its rows are in.
        if harness.query_by_label("Import").is_some()
            && harness
                .query_by_label_contains("Reading the first rows")
                .is_none()
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness.get_by_label_contains("Suspicious dates in lines 3, 5 (hover for why)");
    assert_eq!(harness.query_all_by_label("2699-01-01 ⚠").count(), 2);

    // Imported all the same, and listed in the report with their lines.
    harness.get_by_label("Import").click();
    for _ in 0..200 {
        harness.run_steps(4);
        if harness.query_by_label("Import report").is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert_eq!(harness.state().document().project().events.len(), 5);
    harness.get_by_label_contains("suspicious date: line 5: 2699-01-01 is more than 50 years");
}
