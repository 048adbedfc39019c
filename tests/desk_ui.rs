//! The desktop workflow in the app: settings, recent files, reopening the last project,
//! autosave and restore after a crash, saving over a file changed on disk, date input.
//! Every test keeps its config folder in a temporary directory, never the analyst's.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use std::path::{Path, PathBuf};

use detente::app::recovery::recovery_dir;
use detente::ui::DetenteApp;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("detente-desk-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.canonicalize().unwrap()
}

fn harness_of(app: DetenteApp) -> Harness<'static, DetenteApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut DetenteApp| app.ui(ui), app)
}

/// The sample saved as a project file in `dir`.
/// Runs frames until background work (a save runs off the UI thread) has finished and the
/// UI is still, or fails after 20 s.
fn settle(harness: &mut Harness<'_, DetenteApp>) {
    let started = std::time::Instant::now();
    // A key press is only queued: the frame that reads it may start a task (a save), so
    // the check for running work comes after frames, and again after the last ones.
    loop {
        harness.step();
        while harness.state().is_busy() {
            assert!(
                started.elapsed() < std::time::Duration::from_secs(20),
                "background work still running after 20 s"
            );
            harness.step();
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        // The finished work's spinner asked for one more repaint 250 ms on: about 15 frames
        // of the harness's simulated time; then the UI must be still.
        harness.run_steps(16);
        harness.run();
        if !harness.state().is_busy() {
            break;
        }
    }
}

fn sample_file(dir: &Path) -> PathBuf {
    let path = dir.join("talks.detente.ron");
    detente::io::save_project(&detente::io::sample_project().unwrap(), &path).unwrap();
    path
}

/// Renames the project through the one command path, as the forms do.
fn rename(harness: &mut Harness<'_, DetenteApp>, title: &str) {
    let ctx = harness.ctx.clone();
    let before = detente::app::edit::Meta::of(harness.state().document().project());
    let mut after = before.clone();
    title.clone_into(&mut after.title);
    let edit = detente::app::edit::Edit::new(
        "rename",
        vec![detente::app::edit::Change::Meta { before, after }],
    );
    harness
        .state_mut()
        .apply(&ctx, detente::ui::actions::Action::Edit(edit, None));
    settle(harness);
}

fn recovery_files(config: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(recovery_dir(config))
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default()
}

#[test]
fn the_settings_window_opens_from_the_palette_and_the_theme_applies_at_once() {
    let config = temp_dir("settings");
    let mut harness = harness_of(DetenteApp::launch(None, Some(config.clone())));
    harness.run_steps(4);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    harness.run_steps(4);
    harness.get_by_label("Command").type_text("settings");
    harness.run_steps(4);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(4);
    harness.get_by_label("Settings");
    harness.get_by_label("Light").click();
    harness.run_steps(4);
    assert_eq!(harness.ctx.theme(), egui::Theme::Light);
    assert!(!harness.ctx.global_style().visuals.dark_mode);
    harness.get_by_label("Dark").click();
    harness.run_steps(4);
    assert_eq!(harness.ctx.theme(), egui::Theme::Dark);
    assert!(harness.ctx.global_style().visuals.dark_mode);
    // Kept: the next start has it.
    let (kept, warning) = detente::app::Settings::load(&config);
    assert_eq!(warning, None);
    assert_eq!(kept.theme, detente::app::ThemeChoice::Dark);
    assert_eq!(
        DetenteApp::launch(None, Some(config)).settings().theme,
        detente::app::ThemeChoice::Dark
    );
}

#[test]
fn opened_projects_are_recent_and_the_last_one_reopens_at_start() {
    let config = temp_dir("recent-config");
    let file = sample_file(&temp_dir("recent"));
    drop(DetenteApp::launch(Some(&file), Some(config.clone())));
    let (recent, _) = detente::app::RecentFiles::load(&config);
    assert_eq!(recent.entries()[0].path, file);

    let app = DetenteApp::launch(None, Some(config.clone()));
    assert_eq!(app.document().path(), Some(file.as_path()));
    let mut harness = harness_of(app);
    settle(&mut harness);
    harness.get_by_label("File").click();
    settle(&mut harness);
    harness.get_by_label("Open Recent").hover();
    settle(&mut harness);
    harness.get_by_label("talks.detente.ron");

    // Turned off, the app starts on the sample.
    let settings = detente::app::Settings {
        reopen_last_project: false,
        ..detente::app::Settings::default()
    };
    settings.save(&config).unwrap();
    let app = DetenteApp::launch(None, Some(config));
    assert_eq!(app.document().path(), None);
}

/// Autosave, a crash (the app is dropped without closing: nothing cleans up), and the next
/// start offers the work, says what it holds, and restores it exactly.
#[test]
fn after_a_crash_the_next_start_offers_the_autosave_and_restores_it_exactly() {
    let config = temp_dir("crash-config");
    let file = sample_file(&temp_dir("crash"));
    let mut harness = harness_of(DetenteApp::launch(Some(&file), Some(config.clone())));
    settle(&mut harness);
    rename(&mut harness, "Talks, unsaved");
    let edited = harness.state().document().project().clone();
    harness.state_mut().autosave_now();
    // The project file itself is untouched: autosave goes to the config folder.
    assert_eq!(
        detente::io::load_project(&file).unwrap(),
        detente::io::sample_project().unwrap()
    );
    drop(harness);
    // This process is still alive; the file of a dead one has its pid in the name.
    let [own] = recovery_files(&config).try_into().unwrap();
    std::fs::rename(&own, recovery_dir(&config).join("recovery-4000000000.ron")).unwrap();

    let mut harness = harness_of(DetenteApp::launch(None, Some(config.clone())));
    settle(&mut harness);
    harness.get_by_label("Restore unsaved work?");
    harness.get_by_label("Talks, unsaved");
    harness.get_by_label(&edited.events.len().to_string());
    // In the prompt, and in the status bar (the last project was reopened at start).
    assert!(
        harness
            .query_all_by_label(&file.display().to_string())
            .count()
            >= 1
    );
    harness.get_by_label("Restore").click();
    settle(&mut harness);
    let doc = harness.state().document();
    assert_eq!(doc.project(), &edited);
    assert!(doc.is_dirty(), "restored work is not saved yet");
    assert_eq!(doc.path(), Some(file.as_path()));
    assert!(harness.state().offered_recovery().is_none());
    // The leftover is gone; this instance's own autosave holds the work now.
    let left: Vec<_> = recovery_files(&config);
    assert_eq!(left.len(), 1);
    assert!(!left[0].ends_with("recovery-4000000000.ron"));

    // A clean save removes the recovery file.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    settle(&mut harness);
    assert!(!harness.state().document().is_dirty());
    assert!(recovery_files(&config).is_empty());
    assert_eq!(
        detente::io::load_project(&file).unwrap().title,
        "Talks, unsaved"
    );
}

#[test]
fn saving_over_a_file_changed_on_disk_asks_first() {
    let file = sample_file(&temp_dir("changed"));
    let mut harness = harness_of(DetenteApp::launch(Some(&file), None));
    settle(&mut harness);
    rename(&mut harness, "Mine");
    // Unchanged on disk: Ctrl+S saves without a question.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    settle(&mut harness);
    assert!(harness.query_by_label("The file changed on disk").is_none());
    assert_eq!(detente::io::load_project(&file).unwrap().title, "Mine");

    // Someone else writes the file; then the analyst saves.
    let mut theirs = detente::io::sample_project().unwrap();
    theirs.title = "Theirs".into();
    detente::io::save_project(&theirs, &file).unwrap();
    rename(&mut harness, "Mine again");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    settle(&mut harness);
    harness.get_by_label("The file changed on disk");
    harness.get_by_label("Cancel").click();
    settle(&mut harness);
    assert_eq!(detente::io::load_project(&file).unwrap().title, "Theirs");
    assert!(harness.state().document().is_dirty());

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    settle(&mut harness);
    harness.get_by_label("Save As…");
    harness.get_by_label("Overwrite").click();
    settle(&mut harness);
    assert_eq!(
        detente::io::load_project(&file).unwrap().title,
        "Mine again"
    );
    assert!(!harness.state().document().is_dirty());
    assert!(harness.query_by_label("The file changed on disk").is_none());
}

#[test]
fn a_date_typed_in_words_is_previewed_then_taken_with_its_wording() {
    let mut harness = harness_of(DetenteApp::new(None));
    settle(&mut harness);
    let rect = {
        let app = harness.state();
        app.timeline()
            .item_rect(app.document(), "ev-miami-talks")
            .unwrap()
    };
    harness.event(egui::Event::PointerMoved(rect.center()));
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: rect.center(),
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::default(),
        });
    }
    settle(&mut harness);
    harness.get_by_label("✎ Edit").click();
    settle(&mut harness);
    let date = || egui::accesskit::Role::TextInput;
    harness.get_by_role_and_label(date(), "Date").focus();
    settle(&mut harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    settle(&mut harness);
    harness
        .get_by_role_and_label(date(), "Date")
        .type_text("week of 15 Dec 2025");
    settle(&mut harness);
    // Shown before it is taken; the project still has the old date.
    harness.get_by_label_contains("→ 2025-12-15/2025-12-21");
    let date_of = |h: &Harness<'_, DetenteApp>| {
        h.state()
            .document()
            .project()
            .events
            .iter()
            .find(|e| e.id == "ev-miami-talks")
            .unwrap()
            .date
            .clone()
    };
    assert_eq!(date_of(&harness).edtf_text(), "2025-12-20/2025-12-21");
    harness.key_press(egui::Key::Enter);
    settle(&mut harness);
    let taken = date_of(&harness);
    assert_eq!(taken.edtf_text(), "2025-12-15/2025-12-21");
    assert_eq!(taken.wording(), Some("week of 15 Dec 2025"));
    assert_eq!(
        harness.state().document().undo_label(),
        Some("change the date of ‘US–Russia talks in Miami’")
    );
}

/// Saves are diff-friendly: changing one event's title changes exactly one line of the file.
#[test]
fn changing_one_title_changes_one_line_of_the_saved_file() {
    let path = temp_dir("diff").join("sample.detente.ron");
    let mut doc = detente::app::Document::sample().unwrap();
    doc.save_as(&path).unwrap();
    let before = std::fs::read_to_string(&path).unwrap();
    let project = doc.project();
    let index = project
        .events
        .iter()
        .position(|e| e.id == "ev-miami-talks")
        .unwrap();
    let mut event = project.events[index].clone();
    event.title = "Talks in Miami, moved".into();
    let edit = detente::app::edits::replace_event(project, index, event, "rename").unwrap();
    doc.apply(edit, None).unwrap();
    doc.save_as(&path).unwrap();
    let after = std::fs::read_to_string(&path).unwrap();

    let (old, new): (Vec<&str>, Vec<&str>) = (before.lines().collect(), after.lines().collect());
    assert_eq!(old.len(), new.len(), "no line was added or removed");
    let changed: Vec<(&str, &str)> = old
        .iter()
        .zip(&new)
        .filter(|(a, b)| a != b)
        .map(|(a, b)| (*a, *b))
        .collect();
    assert_eq!(changed.len(), 1, "{changed:#?}");
    assert!(changed[0].0.contains("US–Russia talks in Miami"));
    assert!(changed[0].1.contains("Talks in Miami, moved"));
}
