//! The as-of rules (docs/AS_OF.md) on the Miami example: reports of 18 and 19 Dec 2025.

mod as_of_fixture;

use as_of_fixture::{DINNER, MIAMI_TALKS, UMEROV, UNDATED, date, event, miami_reports};
use detente::model::{DateSpec, EventStatus, Id, Project};
use detente::query::{AsOf, Projected, project_as_of, report_days};

fn as_of(project: &Project, day: &str) -> Projected {
    let lookup = project.lookup();
    project_as_of(project, &lookup, AsOf::parse(day).expect("a day"))
}

fn place_ids(project: &Project, id: &str) -> Vec<&'static str> {
    event(project, id)
        .expect("shown")
        .places
        .iter()
        .map(|p| p.location.as_str())
        .collect()
}

fn participant_ids(project: &Project, id: &str) -> Vec<&'static str> {
    event(project, id)
        .expect("shown")
        .participants
        .iter()
        .map(|p| p.actor.as_str())
        .collect()
}

#[test]
fn before_the_first_report_nothing_is_known() {
    let projected = as_of(&miami_reports(), "17 Dec 2025");
    assert!(projected.project.events.is_empty());
    assert!(projected.project.claims.is_empty());
    assert!(projected.project.positions.is_empty());
    // Roles resting on claims of the 18th go too.
    assert!(projected.project.memberships.is_empty());
    assert_eq!(
        projected.hidden.events_undated, 1,
        "the call no dated claim reports"
    );
    assert_eq!(projected.hidden.claims_undated, 1);
    let full = miami_reports();
    assert_eq!(projected.hidden.events_later, full.events.len() - 1);
    assert_eq!(projected.hidden.claims_later, full.claims.len() - 1);
    // Sources, actors, places and issues stay.
    assert_eq!(projected.project.actors.len(), full.actors.len());
    assert_eq!(projected.project.sources.len(), full.sources.len());
    assert_eq!(projected.project.locations.len(), full.locations.len());
    assert_eq!(projected.project.issues.len(), full.issues.len());
}

#[test]
fn as_of_the_18th_the_umerov_meeting_is_expected_over_the_weekend() {
    let projected = as_of(&miami_reports(), "18 Dec 2025");
    let p = &projected.project;
    let umerov = event(p, UMEROV).expect("reported on the 18th");
    assert_eq!(umerov.status, EventStatus::Expected);
    assert_eq!(
        umerov.date,
        date("2025-12-20/2025-12-21").with_wording("over the weekend")
    );
    assert_eq!(place_ids(p, UMEROV), ["l-miami", "l-united-states"]);
    assert_eq!(
        umerov.place_wording.as_deref(),
        Some("in Miami or elsewhere in the United States")
    );
    assert_eq!(participant_ids(p, UMEROV), ["a-umerov", "a-us-delegation"]);
    // The analyst's description draws on the report of the 19th.
    assert!(umerov.description.is_empty());
    assert_eq!(umerov.reported.len(), 1, "only the state of the 18th");
    assert!(
        umerov
            .claims
            .iter()
            .all(|c| c.claim != Id::new("c19-umerov-met"))
    );

    let talks = event(p, MIAMI_TALKS).expect("reported on the 18th");
    assert_eq!(talks.status, EventStatus::Expected);
    assert_eq!(talks.date.edtf_text(), "2025-12-20/2025-12-21");

    // Without states: known from its first claim, its own fields.
    let berlin = event(p, "ev-berlin-talks").expect("a v1 event of the 18th");
    assert_eq!(berlin.status, EventStatus::Held);
    assert!(
        !berlin.description.is_empty(),
        "every claim it cites is of the 18th"
    );
    assert!(event(p, DINNER).is_none(), "first reported on the 19th");
    assert!(event(p, UNDATED).is_none());
    assert_eq!(projected.hidden.events_later, 1);
    assert_eq!(projected.hidden.events_undated, 1);
    assert_eq!(projected.hidden.claims_later, 3);
    assert!(p.claims.iter().all(|c| !c.id.as_str().starts_with("c19")));
    assert_eq!(p.positions.len(), miami_reports().positions.len());
    assert_eq!(
        p.reference_date.as_ref().map(DateSpec::edtf_text),
        Some("2025-12-18".into())
    );
}

#[test]
fn as_of_the_19th_it_was_held_that_morning_and_dmitriev_is_met_on_saturday() {
    let projected = as_of(&miami_reports(), "2025-12-19");
    let p = &projected.project;
    let umerov = event(p, UMEROV).expect("shown");
    assert_eq!(umerov.status, EventStatus::Held);
    assert_eq!(umerov.date.edtf_text(), "2025-12-19");
    assert_eq!(place_ids(p, UMEROV), ["l-miami"]);
    assert_eq!(
        umerov.place_wording, None,
        "the old wording went with the old places"
    );
    assert_eq!(
        participant_ids(p, UMEROV),
        ["a-witkoff", "a-kushner", "a-umerov"]
    );
    assert!(!umerov.description.is_empty(), "every report is known now");
    assert_eq!(umerov.reported.len(), 2);

    let talks = event(p, MIAMI_TALKS).expect("shown");
    assert_eq!(talks.status, EventStatus::Planned);
    assert_eq!(talks.date.edtf_text(), "2025-12-20");
    // The report of the 19th said nothing of the place: Miami, from the 18th, stands.
    assert_eq!(place_ids(p, MIAMI_TALKS), ["l-miami"]);
    assert_eq!(
        participant_ids(p, MIAMI_TALKS),
        ["a-witkoff", "a-kushner", "a-dmitriev"]
    );
    // Citations of participants no longer shown go with them.
    assert!(
        talks
            .claims
            .iter()
            .filter_map(|c| c.participant)
            .all(|a| talks.participants.iter().any(|p| p.actor == a))
    );
    assert!(event(p, DINNER).is_some());
    assert_eq!(projected.hidden.events_later, 0);
    assert_eq!(projected.hidden.claims_later, 0);
    assert_eq!(projected.hidden.claims_undated, 1);
    assert_eq!(
        projected.hidden.text().as_deref(),
        Some("1 claim without a publication date; 1 event known by no dated claim")
    );
}

#[test]
fn a_field_no_known_state_gives_is_not_reported_yet() {
    let mut project = miami_reports();
    for e in &mut project.events {
        if e.id == UMEROV {
            // The first report named no status, place or participant.
            let first = &mut e.reported[0];
            first.status = None;
            first.places = None;
            first.place_wording = None;
            first.participants = None;
        }
    }
    let p = as_of(&project, "2025-12-18").project;
    let umerov = event(&p, UMEROV).expect("shown");
    assert_eq!(
        umerov.status,
        EventStatus::Unknown,
        "never the later 'held'"
    );
    assert!(umerov.places.is_empty());
    assert!(umerov.participants.is_empty());
}

#[test]
fn an_absent_participant_leaves_and_a_report_without_a_date_hides_the_event() {
    let mut project = miami_reports();
    for e in &mut project.events {
        if e.id == MIAMI_TALKS {
            e.reported[1].participants = None;
            e.reported[1].absent = thin_vec::thin_vec![Id::new("a-dmitriev")];
        } else if e.id == UMEROV {
            e.reported[0].date = None;
        }
    }
    let projected = as_of(&project, "2025-12-19");
    assert_eq!(
        participant_ids(&projected.project, MIAMI_TALKS),
        ["a-us-delegation", "a-russian-delegation"]
    );
    // As of the 18th no report of the Umerov meeting gave a date yet.
    let earlier = as_of(&project, "2025-12-18");
    assert!(event(&earlier.project, UMEROV).is_none());
    assert_eq!(earlier.hidden.events_without_date, 1);
    assert!(
        event(&projected.project, UMEROV).is_some(),
        "the 19th gave one"
    );
}

#[test]
fn a_claim_published_some_time_in_a_month_is_known_only_once_the_month_is_over() {
    let mut project = miami_reports();
    for c in &mut project.claims {
        if c.id == Id::new("c19-umerov-met") {
            c.published = Some(date("2025-12"));
        }
    }
    let on_30 = as_of(&project, "2025-12-30").project;
    assert_eq!(
        event(&on_30, UMEROV).expect("shown").status,
        EventStatus::Expected
    );
    let on_31 = as_of(&project, "2025-12-31").project;
    assert_eq!(
        event(&on_31, UMEROV).expect("shown").status,
        EventStatus::Held
    );
}

#[test]
fn positions_and_roles_resting_on_later_claims_are_hidden() {
    let mut project = miami_reports();
    project.positions[0].claims = vec![Id::new("c19-dinner")];
    project.positions[1].as_of = date("2025-12-19");
    project.memberships[0].claims = vec![Id::new("c19-dinner"), Id::new("c-umerov-meeting")];
    project.memberships[1].end = Some(date("2026-01"));
    let projected = as_of(&project, "2025-12-18");
    let p = &projected.project;
    assert!(p.positions.iter().all(|x| x.id != project.positions[0].id));
    assert!(p.positions.iter().all(|x| x.id != project.positions[1].id));
    assert_eq!(projected.hidden.positions, 2);
    let kept = p
        .memberships
        .iter()
        .find(|m| m.id == project.memberships[0].id)
        .expect("kept");
    assert_eq!(kept.claims, vec![Id::new("c-umerov-meeting")]);
    let ended = p
        .memberships
        .iter()
        .find(|m| m.id == project.memberships[1].id)
        .expect("kept");
    assert_eq!(ended.end, None, "an end after D was not known at D");
}

#[test]
fn the_report_days_are_the_days_claims_became_known() {
    let days: Vec<String> = report_days(&miami_reports())
        .into_iter()
        .map(AsOf::edtf)
        .collect();
    assert_eq!(days, ["2025-12-18", "2025-12-19"]);
    assert_eq!(
        AsOf::parse("Dec 2025").map(AsOf::edtf),
        Ok("2025-12-31".to_owned())
    );
    assert_eq!(
        AsOf::parse("18 Dec 2025").map(AsOf::text),
        Ok("18 Dec 2025".to_owned())
    );
    let bad = AsOf::parse("18/12/2025").expect_err("ambiguous");
    assert!(bad.contains("day/month"), "{bad}");
    assert!(AsOf::parse("someday").is_err());
}
