//! Background work in one list: every kind of work shows in it (the status bar draws it),
//! autosave runs there without holding up a frame, and Cancel stops an import part way and
//! leaves the open project as it was.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use detente::app::{Settings, TaskKind};
use detente::import::{CsvMapping, ImportFormat, ImportOptions, import};
use detente::io::Work;
use detente::ui::DetenteApp;
use detente::ui::actions::Action;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("detente-tasks-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.canonicalize().unwrap()
}

fn harness_of(app: DetenteApp) -> Harness<'static, DetenteApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut DetenteApp| app.ui(ui), app)
}

/// Steps frames until `done` holds, or fails after 60 s (debug builds on a busy machine).
fn run_until(harness: &mut Harness<'_, DetenteApp>, mut done: impl FnMut(&DetenteApp) -> bool) {
    let started = Instant::now();
    while !done(harness.state()) {
        assert!(started.elapsed() < Duration::from_mins(1), "timed out");
        harness.step();
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// A TimelineJS file of `slides` events (its dialog has no column mapping, so Import is on
/// screen without scrolling).
fn big_timelinejs(dir: &Path, slides: usize) -> PathBuf {
    let events: Vec<String> = (0..slides)
        .map(|i| {
            format!(
                r#"{{"start_date":{{"year":"2020","month":"1","day":"{}"}},"text":{{"headline":"Talks round {i}"}}}}"#,
                i % 28 + 1
            )
        })
        .collect();
    let path = dir.join("rounds.json");
    std::fs::write(&path, format!(r#"{{"events":[{}]}}"#, events.join(","))).unwrap();
    path
}

/// A CSV of `rows` events that the import reads by its header names.
fn big_csv(dir: &Path, rows: usize) -> PathBuf {
    let mut text = String::from("date,title\n");
    for i in 0..rows {
        text.push_str(&format!("2020-01-{:02},Talks round {i}\n", i % 28 + 1));
    }
    let path = dir.join("rounds.csv");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_cancelled_import_stops_between_rows() {
    let dir = temp_dir("import-stop");
    let bytes = std::fs::read(big_csv(&dir, 200_000)).unwrap();
    let work = Work::default();
    let mut options = ImportOptions::named("rounds.csv");
    options.mapping = Some(CsvMapping::from_header(&["date", "title"]));
    options.work = work.clone();
    let importing = std::thread::spawn(move || import(&bytes, ImportFormat::Csv, &options));
    // Cancel once the importer has read its first rows.
    while work.progress.get().0 < 100 {
        std::thread::sleep(Duration::from_micros(200));
    }
    work.cancel.cancel();
    let rows_read = importing
        .join()
        .unwrap()
        .map_or(0, |imported| imported.report.rows_read);
    assert!(
        rows_read < 200_000,
        "the importer read all {rows_read} rows"
    );
}

#[test]
fn cancelling_an_import_in_the_status_bar_leaves_the_project_untouched() {
    let dir = temp_dir("import-cancel");
    let json = big_timelinejs(&dir, 200_000);
    // Tall enough that the dialog's Import button is on screen, as in tests/import_ui.rs.
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut DetenteApp| app.ui(ui), DetenteApp::new(None));
    harness.run();
    let ctx = harness.ctx.clone();
    let before = harness.state().document().project().clone();
    harness.state_mut().apply(&ctx, Action::ImportPath(json));
    run_until(&mut harness, |app| !app.is_busy());
    // The preview is made on a thread: Import is on once its rows are in.
    let started = Instant::now();
    while harness
        .query_by_label("Import")
        .is_none_or(|b| b.accesskit_node().is_disabled())
    {
        assert!(started.elapsed() < Duration::from_mins(1), "timed out");
        harness.step();
        std::thread::sleep(Duration::from_millis(5));
    }
    harness.run_steps(2);
    harness.get_by_label("Merged into the open project").click();
    harness.run_steps(2);
    harness.get_by_label("Import").click();
    harness.step();
    harness.step();
    let kinds: Vec<TaskKind> = harness
        .state()
        .running_tasks()
        .iter()
        .map(|t| t.kind)
        .collect();
    assert_eq!(kinds, [TaskKind::Import], "the import is in the task list");
    // Two buttons say Cancel: the dialog's and, lower down, the status bar's.
    let status_cancel = harness
        .get_all_by_label("Cancel")
        .max_by(|a, b| a.rect().top().total_cmp(&b.rect().top()))
        .unwrap();
    status_cancel.click();
    run_until(&mut harness, |app| !app.is_busy());
    harness.run_steps(4);
    harness.get_by_label("Import cancelled: the project was not changed");
    let app = harness.state();
    assert_eq!(app.document().project(), &before);
    assert!(!app.document().is_dirty());
    assert!(app.document().undo_label().is_none());
}

#[test]
fn autosave_runs_as_a_task_while_frames_go_on() {
    let dir = temp_dir("autosave");
    let config = dir.join("config");
    std::fs::create_dir_all(&config).unwrap();
    let settings = Settings {
        // The shortest interval allowed.
        autosave_secs: 5,
        ..Settings::default()
    };
    settings.save(&config).unwrap();
    let file = dir.join("big.detente.ron");
    detente::io::save_project(&detente::generate::generate_project(20_000, 3), &file).unwrap();
    let mut harness = harness_of(DetenteApp::launch(Some(&file), Some(config.clone())));
    run_until(&mut harness, |app| !app.is_busy());
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, Action::SaveAsPath(dir.join("copy.detente.ron")));
    run_until(&mut harness, |app| !app.is_busy());
    // An unsaved change starts the autosave clock.
    let project = harness.state().document().project();
    let before = detente::app::edit::Meta::of(project);
    let mut after = before.clone();
    after.title = "Renamed".to_owned();
    let edit = detente::app::edit::Edit::new(
        "rename",
        vec![detente::app::edit::Change::Meta { before, after }],
    );
    harness.state_mut().apply(&ctx, Action::Edit(edit, None));
    // Frames go on while the recovery file is written: the autosave is seen running
    // between them, in the same list as every other task.
    let started = Instant::now();
    run_until(&mut harness, |app| {
        app.running_tasks()
            .iter()
            .any(|t| t.kind == TaskKind::Autosave)
    });
    assert!(started.elapsed() >= Duration::from_secs(4));
    run_until(&mut harness, |app| !app.is_busy());
    let recovery = detente::app::recovery::recovery_dir(&config);
    assert_eq!(std::fs::read_dir(recovery).unwrap().count(), 1);
}

#[test]
fn one_task_list_reports_every_kind_of_work() {
    let dir = temp_dir("kinds");
    let file = dir.join("p.detente.ron");
    detente::io::save_project(&detente::generate::generate_project(2_000, 5), &file).unwrap();
    let csv = big_csv(&dir, 1_000);
    let mut harness = harness_of(DetenteApp::new(None));
    harness.run();
    let ctx = harness.ctx.clone();
    let mut seen = HashSet::new();
    let mut look = |app: &DetenteApp| {
        seen.extend(app.running_tasks().iter().map(|t| t.kind));
    };
    for action in [
        Action::OpenPath(file),
        Action::SaveAsPath(dir.join("copy.detente.ron")),
        Action::ExportPath(detente::export::ExportFormat::Csv, dir.join("events.csv")),
        Action::ImportPath(csv),
    ] {
        harness.state_mut().apply(&ctx, action);
        look(harness.state());
        run_until(&mut harness, |app| !app.is_busy());
    }
    assert_eq!(
        seen,
        HashSet::from([
            TaskKind::Open,
            TaskKind::Save,
            TaskKind::Export,
            TaskKind::Import
        ])
    );
}
