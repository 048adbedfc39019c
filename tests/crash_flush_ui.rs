//! The window keeps the crash hook's copy of the unsaved work current, so that a panic writes
//! the recovery file first; and in debug builds Ctrl+Alt+Shift+F12 panics on purpose. One
//! test in a binary of its own: the copy is one for the whole process, and other tests' apps
//! would change it meanwhile.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use std::path::PathBuf;

use detente::app::crash::kept_unsaved_work;
use detente::ui::DetenteApp;
use egui_kittest::Harness;

fn temp_dir(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("detente-crashflush-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.canonicalize().unwrap()
}

#[test]
fn unsaved_work_is_kept_for_the_crash_hook_and_the_debug_chord_panics() {
    let config = temp_dir("config");
    let app = DetenteApp::launch(None, Some(config.clone()));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut DetenteApp| app.ui(ui), app);
    harness.run_steps(4);
    assert!(kept_unsaved_work().is_none(), "nothing unsaved yet");

    let ctx = harness.ctx.clone();
    let before = detente::app::edit::Meta::of(harness.state().document().project());
    let mut after = before.clone();
    "Talks, unsaved".clone_into(&mut after.title);
    let edit = detente::app::edit::Edit::new(
        "rename",
        vec![detente::app::edit::Change::Meta { before, after }],
    );
    harness
        .state_mut()
        .apply(&ctx, detente::ui::actions::Action::Edit(edit, None));
    harness.run_steps(2);
    let kept = kept_unsaved_work().expect("the edit is kept for the hook");
    assert_eq!(kept.project.title, "Talks, unsaved");
    assert_eq!(
        kept.recovery_dir,
        detente::app::recovery::recovery_dir(&config)
    );

    if cfg!(debug_assertions) {
        let chord = egui::Modifiers::CTRL | egui::Modifiers::ALT | egui::Modifiers::SHIFT;
        let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            harness.key_press_modifiers(chord, egui::Key::F12);
            harness.run_steps(2);
        }));
        let payload = panicked.expect_err("the chord panics in debug builds");
        let message = payload
            .downcast_ref::<&str>()
            .map(|text| (*text).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        assert!(message.contains("Ctrl+Alt+Shift+F12"), "{message:?}");
    }
}
