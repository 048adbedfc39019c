//! The actor form: every widget has an accessible name (the "Part of" picker had none, so a
//! screen reader said only "combo box" and kittests could not find it).

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use detente::ui::DetenteApp;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

#[test]
fn the_actor_form_s_affiliation_picker_is_named() {
    // The harness fails any frame with an unnamed widget (its accessibility check).
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 1000.0))
        .build_ui_state(|ui, app: &mut DetenteApp| app.ui(ui), DetenteApp::new(None));
    harness.run();
    harness.get_by_label("Steve Witkoff").click();
    harness.run();
    harness.get_by_label("✎ Edit").click();
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Part of");
}
