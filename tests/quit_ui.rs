//! Closing the window: at once when nothing is unsaved, and after Save or Discard when
//! something is; Cancel keeps it open. The window manager's close button is a Close event
//! on the root viewport; the app answers with viewport commands, which these tests read
//! from each frame's output, the way eframe does.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use detente::app::Document;
use detente::ui::DetenteApp;
use detente::ui::actions::Action;
use egui::ViewportCommand;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn harness_on(app: DetenteApp) -> Harness<'static, DetenteApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut DetenteApp| app.ui(ui), app);
    harness.run();
    harness
}

/// Runs a few frames and returns every viewport command the app sent in them.
fn frames(harness: &mut Harness<'_, DetenteApp>) -> Vec<ViewportCommand> {
    let mut sent = Vec::new();
    let started = std::time::Instant::now();
    let mut steps = 0;
    // At least four frames, and more while a save runs off the UI thread (at most 20 s).
    while steps < 4 || harness.state().is_busy() {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(20),
            "background work still running after 20 s"
        );
        steps += 1;
        harness.step();
        if let Some(viewport) = harness
            .output()
            .viewport_output
            .get(&egui::ViewportId::ROOT)
        {
            sent.extend(viewport.commands.iter().cloned());
        }
    }
    sent
}

/// The window's close button, as the platform reports it; returns what the app answered.
fn press_close_button(harness: &mut Harness<'_, DetenteApp>) -> Vec<ViewportCommand> {
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    frames(harness)
}

/// Renames the project: one unsaved edit.
fn edit(harness: &mut Harness<'_, DetenteApp>) {
    let ctx = harness.ctx.clone();
    let project = harness.state().document().project();
    let before = detente::app::edit::Meta::of(project);
    let mut after = before.clone();
    after.title = "Renamed".into();
    let edit = detente::app::edit::Edit::new(
        "rename",
        vec![detente::app::edit::Change::Meta { before, after }],
    );
    harness.state_mut().apply(&ctx, Action::Edit(edit, None));
    harness.run();
    assert!(harness.state().document().is_dirty());
}

fn temp_project(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("detente-quit-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("project.detente.ron");
    Document::sample().unwrap().save_as(&path).unwrap();
    path
}

#[test]
fn with_nothing_unsaved_the_window_closes_at_once() {
    let mut harness = harness_on(DetenteApp::new(None));
    let answered = press_close_button(&mut harness);
    assert!(
        !answered.contains(&ViewportCommand::CancelClose),
        "{answered:?}"
    );
    assert!(harness.query_by_label("Unsaved changes").is_none());
}

#[test]
fn discard_closes_the_window() {
    let mut harness = harness_on(DetenteApp::new(None));
    edit(&mut harness);
    let answered = press_close_button(&mut harness);
    assert!(answered.contains(&ViewportCommand::CancelClose));
    harness.get_by_label("Unsaved changes");
    harness.get_by_label("Discard").click();
    let answered = frames(&mut harness);
    assert!(answered.contains(&ViewportCommand::Close), "{answered:?}");
    // eframe turns the Close command into a close request on the next frame: it must go
    // through now, not ask again (it did, and cancelled the close: Discard never quit).
    let answered = press_close_button(&mut harness);
    assert!(
        !answered.contains(&ViewportCommand::CancelClose),
        "{answered:?}"
    );
    assert!(harness.query_by_label("Unsaved changes").is_none());
}

#[test]
fn file_quit_then_discard_closes_the_window() {
    let mut harness = harness_on(DetenteApp::new(None));
    edit(&mut harness);
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(&ctx, Action::Quit);
    let answered = frames(&mut harness);
    assert!(!answered.contains(&ViewportCommand::Close), "it asks first");
    harness.get_by_label("Discard").click();
    let answered = frames(&mut harness);
    assert!(answered.contains(&ViewportCommand::Close), "{answered:?}");
    let answered = press_close_button(&mut harness);
    assert!(
        !answered.contains(&ViewportCommand::CancelClose),
        "{answered:?}"
    );
}

#[test]
fn save_writes_the_file_then_closes_the_window() {
    let path = temp_project("save");
    let mut harness = harness_on(DetenteApp::new(Some(&path)));
    edit(&mut harness);
    press_close_button(&mut harness);
    harness.get_by_label("Save").click();
    let answered = frames(&mut harness);
    assert!(answered.contains(&ViewportCommand::Close), "{answered:?}");
    assert!(!harness.state().document().is_dirty());
    let saved = Document::open(&path).unwrap();
    assert_eq!(saved.project().title, "Renamed");
    let answered = press_close_button(&mut harness);
    assert!(
        !answered.contains(&ViewportCommand::CancelClose),
        "{answered:?}"
    );
}

#[test]
fn cancel_keeps_the_window_and_the_changes() {
    let mut harness = harness_on(DetenteApp::new(None));
    edit(&mut harness);
    press_close_button(&mut harness);
    harness.get_by_label("Cancel").click();
    let answered = frames(&mut harness);
    assert!(!answered.contains(&ViewportCommand::Close), "{answered:?}");
    assert!(harness.state().document().is_dirty());
    // Asked again at the next close: the earlier Cancel did not count as an answer.
    let answered = press_close_button(&mut harness);
    assert!(
        answered.contains(&ViewportCommand::CancelClose),
        "{answered:?}"
    );
    harness.get_by_label("Unsaved changes");
}
