//! The edit forms as an analyst records a later report with them: pickers that keep the
//! keyboard, a new claim with a new source made in place, claims named by their words, and
//! fields an edit leaves contradicting another.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use detente::model::{Certainty, Event, Id};
use detente::ui::DetenteApp;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

/// Tall enough that the whole event form is on screen without scrolling.
fn harness() -> Harness<'static, DetenteApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 1600.0))
        .build_ui_state(|ui, app: &mut DetenteApp| app.ui(ui), DetenteApp::new(None))
}

/// Selects the event by clicking its mark, then opens its form.
fn edit_event(harness: &mut Harness<'_, DetenteApp>, event_id: &str) {
    harness.run();
    let rect = {
        let app = harness.state();
        app.timeline()
            .item_rect(app.document(), event_id)
            .unwrap_or_else(|| panic!("{event_id} is drawn"))
    };
    let pos = rect.center();
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
    harness.get_by_label("✎ Edit").click();
    harness.run();
}

fn event<'h>(harness: &'h Harness<'_, DetenteApp>, id: &str) -> &'h Event {
    harness
        .state()
        .document()
        .project()
        .events
        .iter()
        .find(|e| e.id == id)
        .unwrap()
}

fn type_into(harness: &mut Harness<'_, DetenteApp>, role: Role, label: &str, text: &str) {
    harness.get_by_role_and_label(role, label).focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_role_and_label(role, label).type_text(text);
    harness.run();
}

/// Types into whatever has the keyboard focus, as a person at the keyboard does.
fn type_at_focus(harness: &mut Harness<'_, DetenteApp>, text: &str) {
    harness.event(egui::Event::Text(text.to_owned()));
    harness.run();
}

fn choose(harness: &mut Harness<'_, DetenteApp>, combo: &str, option: &str) {
    harness.get_by_role_and_label(Role::ComboBox, combo).click();
    harness.run();
    harness.get_by_label(option).click();
    harness.run();
}

#[test]
fn after_picking_a_suggested_participant_typing_goes_on_in_the_picker() {
    let mut harness = harness();
    edit_event(&mut harness, "ev-umerov-us-meeting");
    type_into(&mut harness, Role::TextInput, "Add participant", "Witk");
    harness.get_by_label("Steve Witkoff (person)").click();
    harness.run();
    let witkoff = Id::new("a-witkoff");
    assert!(
        event(&harness, "ev-umerov-us-meeting")
            .participant_ids()
            .any(|a| a == witkoff)
    );
    // The next name goes where the cursor is: into the picker, which suggests again.
    type_at_focus(&mut harness, "Kush");
    let field = harness.get_by_role_and_label(Role::TextInput, "Add participant");
    assert_eq!(field.accesskit_node().value().as_deref(), Some("Kush"));
    harness.get_by_label("Jared Kushner (person)");
}

#[test]
fn after_picking_a_suggested_place_typing_goes_on_in_the_picker() {
    let mut harness = harness();
    edit_event(&mut harness, "ev-miami-talks");
    type_into(&mut harness, Role::TextInput, "Add place", "Ber");
    harness.get_by_label("Berlin DE").click();
    harness.run();
    assert_eq!(event(&harness, "ev-miami-talks").places.len(), 2);
    type_at_focus(&mut harness, "Uni");
    let field = harness.get_by_role_and_label(Role::TextInput, "Add place");
    assert_eq!(field.accesskit_node().value().as_deref(), Some("Uni"));
}

#[test]
fn after_picking_a_gazetteer_city_typing_goes_on_in_the_name_field() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label("New place").click();
    harness.run();
    type_into(&mut harness, Role::TextInput, "Name", "Kiev");
    harness
        .get_by_label_contains("Kyiv (Kiev), Ukraine")
        .click();
    harness.run();
    type_at_focus(&mut harness, " city");
    let field = harness.get_by_role_and_label(Role::TextInput, "Name");
    assert_eq!(field.accesskit_node().value().as_deref(), Some("Kyiv city"));
}

#[test]
fn a_claim_from_a_new_source_is_made_in_place_graded_and_dated_in_one_step() {
    let mut harness = harness();
    edit_event(&mut harness, "ev-umerov-us-meeting");
    let sources_before = harness.state().document().project().sources.len();
    harness.get_by_label("New claim from a quotation…").click();
    harness.run();
    let excerpt = "Witkoff and Kushner met Umerov in Miami on Friday morning.";
    type_into(&mut harness, Role::MultilineTextInput, "Quotation", excerpt);
    // An existing source dates the claim like its last claim.
    choose(&mut harness, "Read in", "Xinhua (C)");
    let published = harness.get_by_role_and_label(Role::TextInput, "Published");
    assert_eq!(
        published.accesskit_node().value().as_deref(),
        Some("2025-12-18")
    );
    // A new source, described here: the quotation typed is still there.
    choose(&mut harness, "Read in", "New source…");
    let quotation = harness.get_by_role_and_label(Role::MultilineTextInput, "Quotation");
    assert_eq!(quotation.accesskit_node().value().as_deref(), Some(excerpt));
    type_into(&mut harness, Role::TextInput, "Source name", "Miami Herald");
    choose(&mut harness, "Source reliability", "B: usually reliable");
    type_into(
        &mut harness,
        Role::TextInput,
        "Web address",
        "https://www.miamiherald.com/",
    );
    // Not made until graded.
    assert!(
        harness
            .get_by_label("Add the claim")
            .accesskit_node()
            .is_disabled()
    );
    harness.get_by_label("Still needed: the claim's credibility (1–6).");
    choose(&mut harness, "Credibility", "2: probably true");
    type_into(&mut harness, Role::TextInput, "Published", "2025-12-19");
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.get_by_label("Add the claim").click();
    harness.run();

    let project = harness.state().document().project();
    let source = project
        .sources
        .iter()
        .find(|s| s.name == "Miami Herald")
        .expect("the new source was made");
    assert_eq!(source.id.as_str(), "src-miami-herald");
    assert_eq!(source.reliability, detente::model::Reliability::B);
    assert_eq!(source.url.as_deref(), Some("https://www.miamiherald.com/"));
    let claim = project
        .claims
        .iter()
        .find(|c| &*c.excerpt == excerpt)
        .expect("the claim was made");
    assert_eq!(claim.source, source.id);
    assert_eq!(claim.credibility.value(), 2);
    assert_eq!(claim.published.as_ref().unwrap().edtf_text(), "2025-12-19");
    let claim_id = claim.id;
    assert!(
        event(&harness, "ev-umerov-us-meeting")
            .own_claim_ids()
            .any(|c| c == claim_id)
    );
    // The form lists it by its words.
    harness.get_by_label_contains("Stop citing “Witkoff and Kushner met Umerov");
    // One undo takes back the claim and its source together.
    harness.get_by_label("Done").click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    let project = harness.state().document().project();
    assert_eq!(project.sources.len(), sources_before);
    assert!(project.claims.iter().all(|c| &*c.excerpt != excerpt));
}

#[test]
fn a_claim_is_shown_by_its_words_never_its_id() {
    let mut harness = harness();
    harness.run();
    let rect = {
        let app = harness.state();
        app.timeline()
            .item_rect(app.document(), "ev-umerov-us-meeting")
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
    harness.run();
    harness.get_by_label("claim").click();
    harness.run();
    // The details view is the claim's, headed by its words.
    harness.get_by_label("“Separately, Ukraine’s national security advisor Rustem…”");
    assert!(
        harness
            .query_by_label_contains("c-umerov-meeting")
            .is_none()
    );
}

#[test]
fn removing_a_place_the_words_still_name_offers_to_clear_them() {
    let mut harness = harness();
    edit_event(&mut harness, "ev-umerov-us-meeting");
    harness.get_by_label("Remove place United States").click();
    harness.run();
    harness.get_by_label_contains(
        "The place words still name United States, no longer a place of this event.",
    );
    harness.get_by_label("Clear the place words").click();
    harness.run();
    assert_eq!(event(&harness, "ev-umerov-us-meeting").place_wording, None);
    assert!(
        harness
            .query_by_label_contains("The place words still name")
            .is_none()
    );
    assert_eq!(
        harness.state().document().undo_label(),
        Some("clear the place words of ‘Umerov meets members of the US d…’")
    );
}

#[test]
fn a_date_typed_in_words_offers_the_report_s_words_back() {
    let mut harness = harness();
    edit_event(&mut harness, "ev-umerov-us-meeting");
    type_into(&mut harness, Role::TextInput, "Date", "19 Dec 2025");
    harness.key_press(egui::Key::Enter);
    harness.run();
    let date = &event(&harness, "ev-umerov-us-meeting").date;
    assert_eq!(date.edtf_text(), "2025-12-19");
    assert_eq!(date.wording(), Some("19 Dec 2025"));
    harness.get_by_label_contains("Typing the date replaced the report's words");
    harness.get_by_label("Keep “over the weekend”").click();
    harness.run();
    let date = &event(&harness, "ev-umerov-us-meeting").date;
    assert_eq!(date.edtf_text(), "2025-12-19");
    assert_eq!(date.wording(), Some("over the weekend"));
}

#[test]
fn marking_an_event_held_offers_to_raise_its_hedged_participants() {
    let mut harness = harness();
    edit_event(&mut harness, "ev-miami-talks");
    harness
        .get_by_role_and_label(Role::ComboBox, "Status")
        .click();
    harness.run();
    harness.get_all_by_label("held").last().unwrap().click();
    harness.run();
    harness.get_by_label_contains("Marked held, but still hedged: Steve Witkoff (likely)");
    // Left as it is, the note goes and the participants stay hedged.
    harness.get_by_label("Leave it: Make them stated").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Marked held, but still hedged")
            .is_none()
    );
    let hedged = |h: &Harness<'_, DetenteApp>| {
        event(h, "ev-miami-talks")
            .participants
            .iter()
            .filter(|p| p.certainty != Certainty::Stated)
            .count()
    };
    assert_eq!(hedged(&harness), 3);
}

#[test]
fn the_hedged_participants_of_a_held_event_are_raised_in_one_click() {
    let mut harness = harness();
    edit_event(&mut harness, "ev-miami-talks");
    harness
        .get_by_role_and_label(Role::ComboBox, "Status")
        .click();
    harness.run();
    harness.get_all_by_label("held").last().unwrap().click();
    harness.run();
    harness.get_by_label("Make them stated").click();
    harness.run();
    let e = event(&harness, "ev-miami-talks");
    assert!(e.participants.iter().all(|p| p.certainty.is_stated()));
}

#[test]
fn placeholders_read_as_examples_not_as_data() {
    let mut harness = harness();
    edit_event(&mut harness, "ev-miami-talks");
    let place_words = harness.get_by_role_and_label(Role::TextInput, "Place words");
    let hint = place_words
        .accesskit_node()
        .placeholder()
        .map(str::to_owned)
        .unwrap_or_default();
    assert!(hint.contains("e.g."), "{hint}");
    assert!(!hint.contains("Miami"), "{hint}");
}
