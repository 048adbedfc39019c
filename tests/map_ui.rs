//! The Locations map and the place picker, driven through AccessKit and pointer events.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use detente::app::Selected;
use detente::geo::City;
use detente::model::Id;
use detente::ui::DetenteApp;
use detente::ui::place_picker::place_suggestions_ui;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

fn harness() -> Harness<'static, DetenteApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut DetenteApp| app.ui(ui), DetenteApp::new(None))
}

fn open_locations(harness: &mut Harness<'_, DetenteApp>) {
    harness.run();
    harness.get_by_label("Locations").click();
    harness.run();
}

#[test]
fn clicking_the_miami_marker_selects_miami() {
    let mut harness = harness();
    open_locations(&mut harness);
    // Every place with coordinates and events has a marker, by name.
    harness.get_by_label("Map marker: Berlin");
    harness.get_by_label("Map marker: United States");
    harness.get_by_label("Map marker: Miami").click();
    harness.run();
    assert_eq!(
        harness.state().selection().primary(),
        Some(&Selected::Location(Id::new("l-miami")))
    );
    // The marker says it is selected, and the table still lists the place.
    let marker = harness.get_by_label("Map marker: Miami");
    assert_eq!(
        marker.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::True)
    );
    // In the table, and as the heading of the details view.
    assert!(harness.query_all_by_label("Miami").count() >= 1);
    // Its events are selected with it: the talks held there and the meeting it may host.
    let app = harness.state();
    let events = &app.document().project().events;
    let linked: Vec<&str> = app
        .links()
        .event_indices
        .iter()
        .map(|&i| events[i as usize].id.as_str())
        .collect();
    assert!(linked.contains(&"ev-miami-talks"), "{linked:?}");
    assert!(linked.contains(&"ev-umerov-us-meeting"), "{linked:?}");
}

#[test]
fn the_map_shows_only_what_passes_the_filter() {
    let mut harness = harness();
    open_locations(&mut harness);
    harness.get_by_label("Map marker: Berlin");
    harness.get_by_label("Search").click();
    harness.run();
    harness.get_by_label("Search").type_text("Umerov");
    harness.run();
    // Umerov's meeting may be in Miami or elsewhere in the United States: both stay, as
    // possible places; Berlin goes, from the map and from the table.
    harness.get_by_label("Map marker: Miami");
    harness.get_by_label("Map marker: United States");
    assert!(harness.query_by_label("Map marker: Berlin").is_none());
    assert!(harness.query_by_label("Berlin").is_none());
    harness.get_by_label("Clear filter").click();
    harness.run();
    harness.get_by_label("Map marker: Berlin");
}

#[test]
fn a_pointer_click_on_a_marker_selects_it() {
    let mut harness = harness();
    open_locations(&mut harness);
    let center = harness.get_by_label("Map marker: Berlin").rect().center();
    harness.event(egui::Event::PointerMoved(center));
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: center,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::default(),
        });
    }
    harness.run();
    assert_eq!(
        harness.state().selection().primary(),
        Some(&Selected::Location(Id::new("l-berlin")))
    );
}

#[test]
fn the_wheel_zooms_the_map_at_the_pointer() {
    let mut harness = harness();
    open_locations(&mut harness);
    let map = harness.get_by_label("Map").rect();
    let before = harness.get_by_label("Map marker: Berlin").rect().center();
    // Zoom in with the pointer on Berlin: Berlin stays under it, Miami moves away.
    let miami_before = harness.get_by_label("Map marker: Miami").rect().center();
    assert!(map.contains(before));
    harness.event(egui::Event::PointerMoved(before));
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, 100.0),
        phase: egui::TouchPhase::Move,
        modifiers: egui::Modifiers::default(),
        source: egui::MouseWheelSource::Wheel,
    });
    // The marker's tooltip fades in under the pointer: a few frames, not a settled run.
    harness.run_steps(10);
    let after = harness.get_by_label("Map marker: Berlin").rect().center();
    assert!(
        after.distance(before) < 1.5,
        "Berlin moved from {before:?} to {after:?}"
    );
    let miami_after = harness
        .query_by_label("Map marker: Miami")
        .map(|n| n.rect().center());
    assert!(
        miami_after.is_none_or(|m| m.distance(before) > miami_before.distance(before) * 1.2),
        "Miami did not move away: {miami_before:?} → {miami_after:?}"
    );
}

#[test]
fn typing_a_place_name_fills_it_from_the_gazetteer() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label("New place").click();
    harness.run();
    let field = || egui::accesskit::Role::TextInput;
    harness.get_by_role_and_label(field(), "Name").focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role_and_label(field(), "Name")
        .type_text("Kiev");
    harness.run();
    harness
        .get_by_label_contains("Kyiv (Kiev), Ukraine")
        .click();
    harness.run();
    let app = harness.state();
    let project = app.document().project();
    let place = project
        .locations
        .iter()
        .find(|l| l.geonames_id == Some(703_448))
        .expect("a place filled from the gazetteer");
    assert_eq!(place.name, "Kyiv");
    assert_eq!(place.country.as_deref(), Some("UA"));
    assert!((place.lat.unwrap() - 50.45).abs() < 0.01);
    assert!((place.lon.unwrap() - 30.52).abs() < 0.01);
    assert_eq!(place.precision, detente::model::LocationPrecision::City);
    assert_eq!(place.aliases, ["Kiev"]);
    // The suggestions are gone once one is picked.
    assert!(
        harness
            .query_by_label_contains("Kyiv (Kiev), Ukraine")
            .is_none()
    );
}

#[test]
fn the_place_picker_finds_kyiv_for_kiev() {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(420.0, 400.0))
        .build_ui_state(
            |ui, picked: &mut Option<City>| {
                if let Some(city) = place_suggestions_ui(ui, "Kiev") {
                    *picked = Some(city);
                }
            },
            None,
        );
    harness.run();
    harness
        .get_by_label_contains("Kyiv (Kiev), Ukraine")
        .click();
    harness.run();
    let picked = harness.state().as_ref().unwrap();
    assert_eq!(picked.name, "Kyiv");
    assert_eq!(picked.geonames_id, 703_448);
    assert!((picked.lat - 50.45).abs() < 0.01);
}
