//! Drift (issue 13, item 3) in the app: the Miami example, where the Umerov meeting was
//! expected "over the weekend" (20–21 December) in the report of the 18th and held on
//! Friday the 19th in the report of the 19th. Its mark on the 19th shows the weekend as a
//! ghost, the legend turns ghosts off and on, and its details show the history with the
//! milestone-trend chart.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use detente::app::{Document, Origin};
use detente::model::{
    Citation, DateSpec, EventPlace, EventStatus, Id, Project, ReportedParticipant, ReportedState,
};
use detente::ui::DetenteApp;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

const UMEROV: &str = "ev-umerov-us-meeting";

/// The seed sample with the report of 19 December recorded on the Umerov meeting: its first
/// state is what the seed report said, its second what the next day's report said, and the
/// event's own fields are the analyst's assessment after it.
fn miami() -> Project {
    let mut project = detente::io::sample_project().unwrap();
    let mut outlet = project.sources[1].clone();
    outlet.id = Id::new("src-second-outlet");
    outlet.name = "Second outlet".into();
    outlet.actor = None;
    project.sources.push(outlet);
    let mut held = project
        .claims
        .iter()
        .find(|c| c.id == Id::new("c-umerov-meeting"))
        .unwrap()
        .clone();
    held.id = Id::new("c-umerov-held");
    held.source = Id::new("src-second-outlet");
    held.excerpt = "Witkoff and Kushner met Umerov in Miami on Friday morning.".into();
    held.context_before = Default::default();
    held.context_after = Default::default();
    held.attribution = Vec::new();
    held.published = Some(DateSpec::parse("2025-12-19").unwrap());
    project.claims.push(held);

    let miami_only = EventPlace {
        location: Id::new("l-miami"),
        candidate: false,
    };
    let who = |actor: &str| ReportedParticipant {
        actor: Id::new(actor),
        role: Default::default(),
        certainty: Default::default(),
    };
    let event = project.events.iter_mut().find(|e| e.id == UMEROV).unwrap();
    let expected = ReportedState {
        claims: [Id::new("c-umerov-meeting")].into_iter().collect(),
        date: Some(event.date.clone()),
        status: Some(event.status),
        places: Some(event.places.clone()),
        place_wording: event.place_wording.clone(),
        participants: Some(
            event
                .participants
                .iter()
                .map(|p| who(p.actor.as_str()))
                .collect(),
        ),
        ..ReportedState::default()
    };
    let friday = DateSpec::parse("2025-12-19")
        .unwrap()
        .with_wording("on Friday morning");
    let happened = ReportedState {
        claims: [Id::new("c-umerov-held")].into_iter().collect(),
        date: Some(friday.clone()),
        status: Some(EventStatus::Held),
        places: Some([miami_only].into_iter().collect()),
        participants: Some(
            ["a-umerov", "a-witkoff", "a-kushner"]
                .into_iter()
                .map(who)
                .collect(),
        ),
        ..ReportedState::default()
    };
    event.date = friday;
    event.status = EventStatus::Held;
    event.places = [miami_only].into_iter().collect();
    event.place_wording = None;
    event
        .claims
        .push(Citation::of_event(Id::new("c-umerov-held")));
    event.reported = [expected, happened].into_iter().collect();
    project
}

fn harness() -> Harness<'static, DetenteApp> {
    let app = DetenteApp::from_document(Document::new(miami(), Origin::Untitled));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut DetenteApp| app.ui(ui), app);
    harness.run();
    harness
}

fn umerov_index(harness: &Harness<'_, DetenteApp>) -> u32 {
    let events = &harness.state().document().project().events;
    events.iter().position(|e| e.id == UMEROV).unwrap() as u32
}

fn click_at(harness: &mut Harness<'_, DetenteApp>, pos: egui::Pos2) {
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

#[test]
fn the_weekend_expected_on_the_18th_is_a_ghost_beside_the_friday_mark() {
    let harness = harness();
    let index = umerov_index(&harness);
    let timeline = harness.state().timeline();
    let mark = timeline
        .last_layout()
        .items()
        .find(|i| i.event == index)
        .unwrap()
        .clone();
    let ghosts: Vec<_> = timeline
        .last_ghosts()
        .iter()
        .filter(|g| g.event == index)
        .collect();
    assert_eq!(ghosts.len(), 1, "{ghosts:?}");
    let ghost = ghosts[0].clone();
    assert_eq!(ghost.state, 0, "the first report's date");
    assert_eq!(ghost.y, mark.y, "in the mark's row");
    assert!(
        ghost.x_center > mark.x_center,
        "the weekend after the Friday"
    );
    // Only this event has reported states: no other event has a ghost.
    assert!(timeline.last_ghosts().iter().all(|g| g.event == index));

    // Hovering the ghost says which report gave that date, and the date now.
    let mut harness = harness;
    let at = egui::pos2(ghost.x_center as f32, (ghost.y + 12.0) as f32);
    harness.hover_at(at);
    // The tooltip fades in under the pointer: a few frames, not a settled run.
    harness.run_steps(10);
    harness.get_by_label_contains("(expected)");
    harness.get_by_label_contains("Now: ");
}

#[test]
fn the_legend_turns_earlier_reported_dates_off_and_on() {
    let mut harness = harness();
    assert!(!harness.state().timeline().last_ghosts().is_empty());
    harness.get_all_by_label("Legend").next().unwrap().click();
    harness.run();
    let toggle = harness.get_by_label("Earlier reported dates");
    assert_eq!(
        toggle.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::True)
    );
    toggle.click();
    harness.run();
    assert!(!harness.state().timeline().show_ghosts());
    assert!(harness.state().timeline().last_ghosts().is_empty());
    harness.get_by_label("Earlier reported dates").click();
    harness.run();
    assert!(!harness.state().timeline().last_ghosts().is_empty());
}

#[test]
fn the_details_show_the_history_with_its_chart() {
    let mut harness = harness();
    let rect = {
        let app = harness.state();
        app.timeline().item_rect(app.document(), UMEROV).unwrap()
    };
    click_at(&mut harness, rect.center());
    harness.run();
    harness.get_by_label("History (2 reports)");
    let chart = harness.get_by_label("Milestone trend chart");
    let description = chart.accesskit_node().description().unwrap_or_default();
    assert!(
        description.starts_with("Reported ") && description.contains("; Reported "),
        "two points as text: {description}"
    );
    assert!(
        description.contains("(expected)") && description.contains("(held)"),
        "{description}"
    );
    // The second report's changes, and the first marked as such.
    harness.get_by_label("First report");
    for change in [
        "date moved from ",
        "expected → held",
        "place: Miami or United States → Miami",
        "now named: Steve Witkoff, Jared Kushner",
    ] {
        harness.get_by_label_contains(change);
    }
    // Each state's claims: the second report's in its state and in the event's sources.
    let excerpt = "“Witkoff and Kushner met Umerov in Miami on Friday morning.”";
    assert_eq!(harness.get_all_by_label(excerpt).count(), 2);
    harness.get_by_label("Chart as a list");
}
