//! The keys, the menu and the palette run the command table's commands: Delete asks before a
//! delete that reaches further and Ctrl+Z takes it back; the palette shows each command's
//! shortcut as this platform writes it, and leaves out what cannot run now.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use detente::app::Selected;
use detente::model::Id;
use detente::ui::DetenteApp;
use detente::ui::actions::Action;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn harness() -> Harness<'static, DetenteApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut DetenteApp| app.ui(ui), DetenteApp::new(None));
    harness.run_steps(4);
    harness
}

fn actors(harness: &Harness<'_, DetenteApp>) -> usize {
    harness.state().document().project().actors.len()
}

#[test]
fn delete_asks_first_and_ctrl_z_takes_it_back() {
    let mut harness = harness();
    let ctx = harness.ctx.clone();
    let before = actors(&harness);
    harness
        .state_mut()
        .apply(&ctx, Action::Select(Selected::Actor(Id::new("a-witkoff"))));
    harness.run_steps(4);
    harness.key_press(egui::Key::Delete);
    harness.run_steps(4);
    assert_eq!(actors(&harness), before, "not before the answer");
    harness
        .get_by_label("Remove the references and delete")
        .click();
    harness.run_steps(4);
    assert_eq!(actors(&harness), before - 1);
    assert!(harness.state().selection().is_empty());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(4);
    assert_eq!(actors(&harness), before);
    // Redo has two shortcuts; the second works too.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    harness.run_steps(4);
    assert_eq!(actors(&harness), before - 1);
}

#[test]
fn the_palette_lists_undo_with_its_shortcut_once_there_is_something_to_undo() {
    let mut harness = harness();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    harness.run_steps(4);
    harness.get_by_label("Command").type_text("undo");
    harness.run_steps(4);
    assert!(
        harness.query_by_label("Undo").is_none(),
        "nothing to undo yet"
    );
    harness.key_press(egui::Key::Escape);
    harness.run_steps(4);

    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, Action::New(detente::model::EntityKind::Issue));
    harness.run_steps(4);
    // The new issue's form has the keyboard; the palette's shortcut works all the same.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    harness.run_steps(4);
    harness.get_by_label("Command").type_text("undo");
    harness.run_steps(4);
    harness.get_by_label("Undo");
    harness.get_by_label("Ctrl+Z");
    harness.key_press(egui::Key::Enter);
    harness.run_steps(4);
    assert!(
        harness.state().document().undo_label().is_none(),
        "the palette ran Undo"
    );
}

#[test]
fn the_escape_that_closes_the_palette_keeps_the_selection() {
    let mut harness = harness();
    let ctx = harness.ctx.clone();
    let umerov = Selected::Actor(Id::new("a-umerov"));
    harness
        .state_mut()
        .apply(&ctx, Action::Select(umerov.clone()));
    harness.run_steps(4);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    harness.run_steps(4);
    harness.get_by_label("Command");
    harness.key_press(egui::Key::Escape);
    harness.run_steps(4);
    assert!(
        harness.query_by_label("Command").is_none(),
        "the palette closed"
    );
    assert_eq!(harness.state().selection().primary(), Some(&umerov));
    // With the palette gone, Escape clears the selection.
    harness.key_press(egui::Key::Escape);
    harness.run_steps(4);
    assert!(harness.state().selection().is_empty());
}
