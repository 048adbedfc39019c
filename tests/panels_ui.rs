//! The analysis panels as one linked view: selection, the shared filter, navigation.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use detente::app::Selected;
use detente::model::Id;
use detente::ui::DetenteApp;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn harness() -> Harness<'static, DetenteApp> {
    Harness::builder()
        .with_size(egui::vec2(1400.0, 850.0))
        .build_ui_state(|ui, app: &mut DetenteApp| app.ui(ui), DetenteApp::new(None))
}

fn event_index(app: &DetenteApp, id: &str) -> u32 {
    app.document()
        .project()
        .events
        .iter()
        .position(|e| e.id == id)
        .unwrap() as u32
}

#[test]
fn selecting_witkoff_in_the_table_selects_his_events_on_the_timeline() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("Steve Witkoff").click();
    harness.run();
    let app = harness.state();
    assert_eq!(
        app.selection().primary(),
        Some(&Selected::Actor(Id::new("a-witkoff")))
    );
    let miami = event_index(app, "ev-miami-talks");
    assert!(app.links().contains_event(miami));
    assert!(
        !app.links()
            .contains_event(event_index(app, "ev-berlin-talks"))
    );
    // The timeline drew the Miami talks, marked as linked to the selection.
    assert!(
        app.timeline()
            .last_layout()
            .items()
            .any(|i| i.event == miami)
    );
    // And the details view shows his roles.
    harness.get_by_label("special envoy");
}

#[test]
fn searching_nato_narrows_positions_and_the_counts_say_so() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("Positions").click();
    harness.run();
    assert_eq!(harness.query_all_by_label("reluctant").count(), 1);
    harness.get_by_label("Search").click();
    harness.run();
    harness.get_by_label("Search").type_text("NATO");
    harness.run();
    let app = harness.state();
    assert_eq!(app.filter().text, "NATO");
    let shown = app.filtered().result.positions_shown();
    assert_eq!((shown.shown, shown.total), (4, 6));
    // The 20-point plan and the peace settlement positions are gone from the panel.
    assert!(harness.query_by_label("20-point peace plan").is_none());
    assert!(harness.query_by_label("Ukraine peace settlement").is_none());
    harness.get_by_label("NATO membership");
    harness.get_by_label_contains("4 of 6 positions");
    harness.get_by_label_contains("2 of 5 events");
    // One click clears it.
    harness.get_by_label("Clear filter").click();
    harness.run();
    assert!(harness.state().filter().is_empty());
    harness.get_by_label("20-point peace plan");
}

#[test]
fn back_and_forward_retrace_the_selection() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("Steve Witkoff").click();
    harness.run();
    harness.get_by_label("Jared Kushner").click();
    harness.run();
    harness.get_by_label("◀ Back").click();
    harness.run();
    assert_eq!(
        harness.state().selection().primary(),
        Some(&Selected::Actor(Id::new("a-witkoff")))
    );
    harness.get_by_label("Forward ▶").click();
    harness.run();
    assert_eq!(
        harness.state().selection().primary(),
        Some(&Selected::Actor(Id::new("a-kushner")))
    );
}

#[test]
fn who_met_whom_selects_the_shared_events() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("Who met whom").click();
    harness.run();
    harness
        .get_by_label("Kirill Dmitriev — Steve Witkoff")
        .click();
    harness.run();
    let app = harness.state();
    assert_eq!(
        app.selection().items(),
        [Selected::Event("ev-miami-talks".into())]
    );
}

#[test]
fn sources_panel_lists_outlets_and_claims() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("Sources").click();
    harness.run();
    harness.get_by_label("Xinhua");
    harness.get_by_label("Politico");
    // The claim is below the fold: scroll to it, as a person would.
    harness
        .get_by_label_contains("Officials from the Trump administration said the Berlin")
        .scroll_to_me();
    harness.run();
    harness
        .get_by_label_contains("Officials from the Trump administration said the Berlin")
        .click();
    harness.run();
    assert_eq!(
        harness.state().selection().primary(),
        Some(&Selected::Claim(Id::new("c-berlin-90-percent")))
    );
    // The details view says what the claim supports.
    harness.get_by_label("Supports");
}

#[test]
fn the_participants_table_shows_the_last_day_not_the_day_after() {
    let mut harness = harness();
    harness.run();
    // Witkoff's last (and only) event is the Miami talks, "this weekend" = 20–21 Dec 2025;
    // the table used to show the exclusive end, 22 December.
    assert!(harness.query_all_by_label("2025-12-21").count() > 0);
    assert_eq!(harness.query_all_by_label("2025-12-22").count(), 0);
}

#[test]
fn on_a_large_project_the_search_waits_for_a_pause_or_enter() {
    let num_events = detente::ui::filter_bar::SEARCH_PAUSE_ABOVE_EVENTS + 1_000;
    let doc = detente::app::Document::new(
        detente::generate::generate_project(num_events, 1),
        detente::app::Origin::Untitled,
    );
    // Frames 1/60 s apart, so that the pause is counted in frames as in the app.
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 850.0))
        .with_step_dt(1.0 / 60.0)
        .build_ui_state(
            |ui, app: &mut DetenteApp| app.ui(ui),
            DetenteApp::from_document(doc),
        );
    harness.run();
    harness.get_by_label("Search").click();
    harness.run();
    harness.get_by_label("Search").type_text("meets");
    harness.step();
    // Typed, not yet applied: a million events would be filtered once per key otherwise.
    assert_eq!(harness.state().filter().text, "");
    harness.key_press(egui::Key::Enter);
    harness.step();
    harness.step();
    assert_eq!(harness.state().filter().text, "meets");
    // A pause applies it too: another word (focusing the field again selects its text, so
    // the word replaces it), then 0.5 s of frames.
    harness.get_by_label("Search").click();
    harness.step();
    // A word of a title in this project.
    let word = harness.state().document().project().events[0]
        .title
        .split(' ')
        .next_back()
        .unwrap()
        .to_owned();
    harness.get_by_label("Search").type_text(&word);
    harness.step();
    assert_eq!(harness.state().filter().text, "meets");
    for _ in 0..30 {
        harness.step();
    }
    assert_eq!(harness.state().filter().text, word);
    // Every event whose title has the word passes (and others may, by their participants).
    let titled = harness
        .state()
        .document()
        .project()
        .events
        .iter()
        .filter(|e| e.title.to_lowercase().contains(&word.to_lowercase()))
        .count();
    let shown = harness.state().filtered().result.events_shown();
    assert!(
        titled > 0 && shown.shown >= titled && shown.shown < num_events,
        "{word}: {titled} titled, {shown:?}"
    );
}
