//! Competing reports in the app (issue 13, item 4): a disputed event has a badge on its
//! mark, the filter's Disputed chip keeps only disputed events, and the details show both
//! versions side by side with their sources and grades. The fixture is the sample's Miami
//! example with two reports of 19 December added: Reuters (Umerov met the US envoys in
//! Miami) and TASS (in Washington), which dispute the place; the 18 December expectation
//! of both is drift, not a dispute. The two added reports are made up for the test.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use detente::app::edits::replace_event;
use detente::app::{Document, Origin, Selected};
use detente::model::{
    Claim, Credibility, DateSpec, EventPlace, EventStatus, Id, Location, LocationPrecision,
    Project, Reliability, ReportedState, Source, SourceKind,
};
use detente::ui::DetenteApp;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

const UMEROV: &str = "ev-umerov-us-meeting";
const UMEROV_TITLE: &str = "Umerov meets members of the US delegation";

fn source(id: &str, name: &str, reliability: Reliability) -> Source {
    Source {
        id: Id::new(id),
        name: name.to_owned(),
        kind: SourceKind::NewsAgency,
        actor: None,
        country: None,
        url: None,
        reliability,
        scheme: Default::default(),
        note: String::new(),
    }
}

fn claim(id: &str, source: &str, excerpt: &str) -> Claim {
    Claim {
        id: Id::new(id),
        source: Id::new(source),
        excerpt: excerpt.into(),
        context_before: Default::default(),
        context_after: Default::default(),
        attribution: Vec::new(),
        published: Some(DateSpec::parse("2025-12-19").unwrap()),
        url: None,
        credibility: Credibility::new(2).unwrap(),
        note: Default::default(),
    }
}

fn held_at(claim: &str, place: &str) -> ReportedState {
    ReportedState {
        claims: thin_vec::thin_vec![Id::new(claim)],
        date: Some(DateSpec::parse("2025-12-19").unwrap()),
        status: Some(EventStatus::Held),
        places: Some(thin_vec::thin_vec![EventPlace {
            location: Id::new(place),
            candidate: false,
        }]),
        ..ReportedState::default()
    }
}

/// The sample, with the Umerov meeting reported three times: expected by Xinhua on the
/// 18th (Miami or elsewhere in the US), held in Miami by Reuters and in Washington by TASS
/// on the 19th.
fn project() -> Project {
    let mut project = detente::io::sample_project().unwrap();
    project
        .sources
        .push(source("src-reuters", "Reuters", Reliability::B));
    project
        .sources
        .push(source("src-tass", "TASS", Reliability::D));
    project.claims.push(claim(
        "c-reuters-umerov",
        "src-reuters",
        "Witkoff and Kushner met Umerov in Miami on Friday morning.",
    ));
    project.claims.push(claim(
        "c-tass-umerov",
        "src-tass",
        "Umerov met the US envoys in Washington on Friday.",
    ));
    project.locations.push(Location {
        id: Id::new("l-washington"),
        name: "Washington".to_owned(),
        country: Some("US".to_owned()),
        lat: Some(38.895),
        lon: Some(-77.036),
        precision: LocationPrecision::City,
        geonames_id: None,
        aliases: Vec::new(),
    });
    let event = project.events.iter_mut().find(|e| e.id == UMEROV).unwrap();
    event.reported = thin_vec::thin_vec![
        ReportedState {
            claims: thin_vec::thin_vec![Id::new("c-umerov-meeting")],
            date: Some(event.date.clone()),
            status: Some(EventStatus::Expected),
            places: Some(event.places.clone()),
            place_wording: event.place_wording.clone(),
            ..ReportedState::default()
        },
        held_at("c-reuters-umerov", "l-miami"),
        held_at("c-tass-umerov", "l-washington"),
    ];
    project
}

fn umerov_index(project: &Project) -> u32 {
    project.events.iter().position(|e| e.id == UMEROV).unwrap() as u32
}

fn harness() -> Harness<'static, DetenteApp> {
    let app = DetenteApp::from_document(Document::new(project(), Origin::Untitled));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 850.0))
        .build_ui_state(|ui, app: &mut DetenteApp| app.ui(ui), app);
    harness.run();
    harness
}

#[test]
fn the_badge_selects_the_disputed_event_and_the_details_show_both_versions() {
    let mut harness = harness();
    let index = umerov_index(harness.state().document().project());
    assert_eq!(harness.state().document().disputed().positions(), [index]);
    // Only the disputed event has a badge: the Miami talks' single report has none.
    assert!(
        harness
            .query_by_label("Disputed: US–Russia talks in Miami")
            .is_none()
    );
    harness
        .get_by_label(&format!("Disputed: {UMEROV_TITLE}"))
        .click();
    harness.run();
    assert_eq!(
        harness.state().selection().primary(),
        Some(&Selected::Event(UMEROV.into()))
    );
    harness.get_by_label("Disputed");
    harness.get_by_label_contains("Reuters: Miami; TASS: Washington.");
    // Both versions, each with its source, what it said and its grade; the 18 December
    // expectation, overtaken, is not one of them.
    harness.get_by_label("Report 2: Reuters");
    harness.get_by_label("Report 3: TASS");
    assert!(harness.query_by_label("Report 1: Xinhua").is_none());
    harness.get_by_label("Reuters grade B2");
    harness.get_by_label("TASS grade D2");
    // The excerpt is in the disputed section, and again in the event's history.
    assert!(
        harness
            .query_all_by_label("“Umerov met the US envoys in Washington on Friday.”")
            .count()
            >= 1
    );
}

#[test]
fn the_disputed_chip_keeps_only_disputed_events() {
    let mut harness = harness();
    let index = umerov_index(harness.state().document().project()) as usize;
    harness.get_by_label("Disputed (1)").click();
    harness.run();
    let app = harness.state();
    assert!(app.filter().disputed);
    let shown: Vec<usize> = app
        .filtered()
        .result
        .events
        .iter()
        .enumerate()
        .filter(|(_, pass)| **pass)
        .map(|(i, _)| i)
        .collect();
    assert_eq!(shown, [index]);
    harness.get_by_label("Disputed (1)").click();
    harness.run();
    assert!(!harness.state().filter().disputed);
    assert_eq!(
        harness.state().filtered().result.events_shown().shown,
        harness.state().document().project().events.len()
    );
}

#[test]
fn the_disputed_events_follow_an_edit_and_its_undo() {
    let mut doc = Document::new(project(), Origin::Untitled);
    let index = umerov_index(doc.project());
    assert_eq!(doc.disputed().positions(), [index]);
    // The analyst drops the TASS report: nothing is disputed any more.
    let mut event = doc.project().events[index as usize].clone();
    event.reported.truncate(2);
    let edit = replace_event(doc.project(), index as usize, event, "edit").unwrap();
    doc.apply(edit, None).unwrap();
    assert!(doc.disputed().is_empty());
    doc.undo().unwrap();
    assert_eq!(doc.disputed().positions(), [index]);
}
