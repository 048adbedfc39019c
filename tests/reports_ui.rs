//! Recording what a later report said about an event (issue 13): "Record report…" on the
//! Miami talks, as the report of Friday 19 December 2025 told them, through the dialog an
//! analyst uses; then the Reports row's Edit, Adopt and Remove, each one undo step.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use detente::model::{Event, EventStatus, Id};
use detente::ui::DetenteApp;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

/// Tall enough that the dialog is on screen without scrolling.
fn harness() -> Harness<'static, DetenteApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 1400.0))
        .build_ui_state(|ui, app: &mut DetenteApp| app.ui(ui), DetenteApp::new(None))
}

/// Selects the event by clicking its mark.
fn select(harness: &mut Harness<'_, DetenteApp>, event_id: &str) {
    harness.run();
    let pos = {
        let app = harness.state();
        app.timeline()
            .item_rect(app.document(), event_id)
            .unwrap()
            .center()
    };
    harness.event(egui::Event::PointerMoved(pos));
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::default(),
        });
    }
    harness.run();
}

fn miami(harness: &Harness<'_, DetenteApp>) -> Event {
    harness
        .state()
        .document()
        .project()
        .events
        .iter()
        .find(|e| e.id == "ev-miami-talks")
        .unwrap()
        .clone()
}

fn type_into(harness: &mut Harness<'_, DetenteApp>, label: &str, text: &str) {
    type_into_role(harness, Role::TextInput, label, text);
}

fn type_into_role(harness: &mut Harness<'_, DetenteApp>, role: Role, label: &str, text: &str) {
    harness.get_by_role_and_label(role, label).focus();
    harness.run();
    harness.get_by_role_and_label(role, label).type_text(text);
    harness.run();
}

/// The one button whose label contains `words`.
fn click_suggestion(harness: &mut Harness<'_, DetenteApp>, words: &str) {
    harness
        .get_by(|node| {
            node.role() == Role::Button && node.label().is_some_and(|l| l.contains(words))
        })
        .click();
    harness.run();
}

#[test]
fn recording_the_friday_report_on_the_miami_talks_through_the_dialog_and_undoing_it() {
    let mut harness = harness();
    select(&mut harness, "ev-miami-talks");
    let before = miami(&harness);
    assert_eq!(before.reported.len(), 1, "the sample's report of the 18th");
    harness.get_by_label("Reports (1)");
    harness
        .get_by_role_and_label(Role::Button, "Record report…")
        .click();
    harness.run();
    // Record stays off until a claim dates the report.
    assert!(
        harness
            .get_by_role_and_label(Role::Button, "Record")
            .accesskit_node()
            .is_disabled()
    );

    type_into(&mut harness, "Find claim", "hold talks in Miami");
    click_suggestion(&mut harness, "Senior negotiators");
    type_into(&mut harness, "Date", "19 Dec 2025");
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness
        .get_by_role_and_label(Role::ComboBox, "Status")
        .click();
    harness.run();
    harness.get_by_label("held").click();
    harness.run();
    type_into(&mut harness, "Add place", "Mia");
    click_suggestion(&mut harness, "Miami (US)");
    for (typed, suggested) in [
        ("Witk", "Steve Witkoff (person)"),
        ("Kushn", "Jared Kushner (person)"),
    ] {
        type_into(&mut harness, "Add participant", typed);
        click_suggestion(&mut harness, suggested);
    }
    type_into(&mut harness, "Add absent actor", "Dmitr");
    click_suggestion(&mut harness, "Kirill Dmitriev (person)");
    type_into_role(
        &mut harness,
        Role::MultilineTextInput,
        "Note",
        "Met Umerov on Friday morning",
    );
    harness
        .get_by_role_and_label(Role::Button, "Record")
        .click();
    harness.run();

    let after = miami(&harness);
    assert_eq!(after.reported.len(), 2);
    let state = &after.reported[1];
    assert_eq!(state.claims.as_slice(), [Id::new("c-miami-talks-expected")]);
    assert_eq!(state.date.as_ref().unwrap().edtf_text(), "2025-12-19");
    assert_eq!(state.status, Some(EventStatus::Held));
    let places: Vec<&str> = state
        .places
        .iter()
        .flatten()
        .map(|p| p.location.as_str())
        .collect();
    assert_eq!(places, ["l-miami"]);
    let who: Vec<&str> = state
        .participants
        .iter()
        .flatten()
        .map(|p| p.actor.as_str())
        .collect();
    assert_eq!(who, ["a-witkoff", "a-kushner"]);
    // Witkoff's part is the event's: head of delegation.
    assert_eq!(
        state.participants.as_ref().unwrap()[0].role,
        detente::model::ParticipantRole::HeadOfDelegation
    );
    assert_eq!(state.absent.as_slice(), [Id::new("a-dmitriev")]);
    assert_eq!(&*state.note, "Met Umerov on Friday morning");
    assert!(state.recorded.is_some());
    // The analyst's assessment is unchanged; the dialog closed; the section has a row.
    assert_eq!(after.status, before.status);
    assert!(harness.query_by_label("Record report").is_none());
    harness.get_by_label("Reports (2)");
    assert_eq!(
        harness.state().document().undo_label(),
        Some("record a report on ‘US–Russia talks in Miami’")
    );

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(miami(&harness), before);
}

#[test]
fn a_reports_row_edits_adopts_and_removes_each_as_one_undo_step() {
    let mut harness = harness();
    select(&mut harness, "ev-miami-talks");
    let before = miami(&harness);

    harness
        .get_by_role_and_label(Role::Button, "Edit report 1")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::ComboBox, "Status")
        .click();
    harness.run();
    harness.get_by_label("confirmed").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Save changes")
        .click();
    harness.run();
    assert_eq!(
        miami(&harness).reported[0].status,
        Some(EventStatus::Confirmed)
    );
    assert_eq!(miami(&harness).status, EventStatus::Expected);

    harness
        .get_by_role_and_label(Role::Button, "Adopt report 1 as current")
        .click();
    harness.run();
    assert_eq!(miami(&harness).status, EventStatus::Confirmed);

    harness
        .get_by_role_and_label(Role::Button, "Remove report 1")
        .click();
    harness.run();
    assert!(miami(&harness).reported.is_empty());
    harness.get_by_label("No report recorded yet.");

    for _ in 0..3 {
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
        harness.run();
    }
    assert_eq!(miami(&harness), before);
}

#[test]
fn the_edit_menu_records_a_report_only_with_one_event_selected() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("Edit").click();
    harness.run();
    assert!(
        harness
            .get_by_role_and_label(Role::Button, "Record report…")
            .accesskit_node()
            .is_disabled()
    );
    harness.key_press(egui::Key::Escape);
    harness.run();
    select(&mut harness, "ev-umerov-us-meeting");
    harness.get_by_label("Edit").click();
    harness.run();
    let items = harness.get_all_by_label("Record report…").count();
    assert_eq!(items, 2, "the menu item and the details' button");
    harness
        .get_all_by_label("Record report…")
        .find(|n| !n.accesskit_node().is_disabled())
        .unwrap()
        .click();
    harness.run();
    harness.get_by_label("Record report");
    assert!(harness.state().document().undo_label().is_none());
}
