//! After a crash, the next start says where the crash report is (once) and offers the unsaved
//! work as after a kill; Help ▸ About says where the log is. Every test keeps its config and
//! log folders in a temporary directory, never the analyst's.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use std::path::PathBuf;

use detente::app::crash::{MARKER_FILE, crash_notice};
use detente::app::logging::LogPlace;
use detente::ui::DetenteApp;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("detente-crashui-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.canonicalize().unwrap()
}

fn harness_of(app: DetenteApp) -> Harness<'static, DetenteApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut DetenteApp| app.ui(ui), app)
}

fn logs_in(dir: PathBuf) -> LogPlace {
    LogPlace {
        file: Some(dir.join(detente::app::logging::CURRENT_LOG_FILE)),
        dir: Some(dir),
        problem: None,
    }
}

#[test]
fn a_pending_crash_report_is_told_once_with_the_recovery_prompt() {
    let config = temp_dir("pending");
    let logs = config.join("logs");
    std::fs::create_dir_all(&logs).unwrap();
    let report = logs.join("crash-20261204-153001.txt");
    std::fs::write(&report, "Detente crash report").unwrap();
    std::fs::write(logs.join(MARKER_FILE), format!("{}\n", report.display())).unwrap();
    // The unsaved work of the instance that died (a pid no system hands out).
    let recovery = detente::app::recovery::recovery_dir(&config);
    let mut file =
        detente::app::RecoveryFile::from_project(&detente::io::sample_project().unwrap(), None)
            .unwrap();
    // As the crash hook writes it.
    file.at_crash = true;
    let written = file.write(&recovery).unwrap();
    std::fs::rename(&written, recovery.join("recovery-4000000000.ron")).unwrap();

    let app = DetenteApp::launch(None, Some(config.clone())).with_log_place(logs_in(logs.clone()));
    let mut harness = harness_of(app);
    harness.run_steps(4);
    let notice = crash_notice(&report);
    assert!(
        harness
            .state()
            .notices()
            .iter()
            .any(|n| n.text == notice && n.is_error),
        "{:?}",
        harness.state().notices()
    );
    harness.get_by_label(&notice);
    harness.get_by_label("Restore unsaved work?");
    harness.get_by_label("Kept at the crash");
    harness.get_by_label("Detente crashed. This unsaved work was kept as it closed:");
    assert!(!logs.join(MARKER_FILE).exists(), "the marker is removed");

    // The next start says nothing more.
    let again = DetenteApp::launch(None, Some(config)).with_log_place(logs_in(logs));
    assert!(
        again
            .notices()
            .iter()
            .all(|n| !n.text.contains("stopped unexpectedly"))
    );
}

#[test]
fn about_says_where_the_log_is_and_opens_its_folder() {
    let logs = temp_dir("about");
    let place = logs_in(logs.clone());
    let mut harness = harness_of(DetenteApp::new(None).with_log_place(place.clone()));
    harness.run_steps(4);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    harness.run_steps(4);
    harness.get_by_label("Command").type_text("About");
    harness.run_steps(4);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(4);
    harness.get_by_label("About Detente");
    let file = place.file.unwrap();
    harness.get_by_label(&format!("Log file: {}", file.display()));
    harness.get_by_label("Crash reports are written to the same folder.");
    harness.get_by_label("Open log folder");
}

#[test]
fn about_says_why_there_is_no_log_file() {
    let place = LogPlace {
        dir: None,
        file: None,
        problem: Some("the log folder could not be made".to_owned()),
    };
    let mut harness = harness_of(DetenteApp::new(None).with_log_place(place));
    harness.run_steps(4);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    harness.run_steps(4);
    harness.get_by_label("Command").type_text("About");
    harness.run_steps(4);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(4);
    harness.get_by_label(
        "No log file (the log folder could not be made); the log goes to standard error.",
    );
    assert!(harness.query_by_label("Open log folder").is_none());
}
