//! Editing on the timeline: drag to move, drag an end, draw to create; each one undo step.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use detente::ui::DetenteApp;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn harness() -> Harness<'static, DetenteApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut DetenteApp| app.ui(ui), DetenteApp::new(None))
}

fn drag(harness: &mut Harness<'_, DetenteApp>, from: egui::Pos2, to: egui::Pos2) {
    harness.drag_at(from);
    harness.run();
    for step in 1..=6 {
        harness.hover_at(from + (to - from) * (step as f32 / 6.0));
        harness.run();
    }
    harness.drop_at(to);
    harness.run();
}

fn date_of(harness: &Harness<'_, DetenteApp>, id: &str) -> String {
    harness
        .state()
        .document()
        .project()
        .events
        .iter()
        .find(|e| e.id == id)
        .unwrap()
        .date
        .edtf_text()
}

fn px_per_day(harness: &Harness<'_, DetenteApp>) -> f32 {
    (86_400.0 / harness.state().timeline().view().unwrap().secs_per_px) as f32
}

#[test]
fn dragging_an_event_moves_it_by_whole_days_and_undo_moves_it_back() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("✎ Drag to edit").click();
    harness.run();
    let rect = {
        let app = harness.state();
        app.timeline()
            .item_rect(app.document(), "ev-miami-talks")
            .unwrap()
    };
    let day = px_per_day(&harness);
    drag(
        &mut harness,
        rect.center(),
        rect.center() + egui::vec2(3.0 * day, 0.0),
    );
    assert_eq!(date_of(&harness, "ev-miami-talks"), "2025-12-23/2025-12-24");
    assert_eq!(
        harness.state().document().undo_label(),
        Some("move ‘US–Russia talks in Miami’")
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(date_of(&harness, "ev-miami-talks"), "2025-12-20/2025-12-21");
}

#[test]
fn dragging_an_end_changes_the_span() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("✎ Drag to edit").click();
    harness.run();
    let rect = {
        let app = harness.state();
        app.timeline()
            .item_rect(app.document(), "ev-berlin-talks")
            .unwrap()
    };
    let day = px_per_day(&harness);
    let end = egui::pos2(rect.right() - 1.0, rect.center().y);
    drag(&mut harness, end, end + egui::vec2(1.0 * day, 0.0));
    assert_eq!(
        date_of(&harness, "ev-berlin-talks"),
        "2025-12-13/2025-12-15"
    );
}

#[test]
fn drawing_on_empty_space_creates_an_event_there() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("✎ Drag to edit").click();
    harness.run();
    let canvas = harness.get_by_label("Timeline").rect();
    let before = harness.state().document().project().events.len();
    let from = egui::pos2(canvas.left() + 60.0, canvas.bottom() - 120.0);
    let day = px_per_day(&harness);
    drag(&mut harness, from, from + egui::vec2(2.0 * day, 0.0));
    let app = harness.state();
    assert_eq!(app.document().project().events.len(), before + 1);
    let new = app.document().project().events.last().unwrap();
    assert!(
        new.date.edtf_text().contains('/'),
        "a span of days: {}",
        new.date.edtf_text()
    );
    assert!(app.selection().contains_event(&new.id));
}

#[test]
fn project_properties_rename_the_project_and_undo_restores_it() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Project properties…").click();
    harness.run();
    let field = egui::accesskit::Role::TextInput;
    harness
        .get_by_role_and_label(field, "Project title")
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(field, "Project title")
        .type_text(" (draft)");
    harness.run();
    let title = |h: &Harness<'_, DetenteApp>| h.state().document().project().title.clone();
    assert_eq!(
        title(&harness),
        "US–Russia talks on a Ukraine settlement, December 2025 (draft)"
    );
    // The typing burst is one step: one undo gives the old title back.
    assert_eq!(
        harness.state().document().undo_label(),
        Some("rename the project")
    );
    // Close the window (its ✕), so that Ctrl+Z goes to the app, not to the text field.
    harness.get_by_label("Close window").click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(
        title(&harness),
        "US–Russia talks on a Ukraine settlement, December 2025"
    );
}
