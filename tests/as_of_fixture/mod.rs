//! The Miami example of issue 13, for the as-of tests: the sample project (the Xinhua report
//! of Thu 18 Dec 2025) with a second report of Fri 19 Dec 2025 from another outlet:
//! Witkoff and Kushner met Umerov in Miami on Friday morning (held), and were to meet
//! Dmitriev on Saturday 20 Dec (planned). The two events it changes carry reported states;
//! the sample's other events have none (as version-1 files load), so both kinds are tested.
#![allow(dead_code)]

use detente::model::{
    Claim, Credibility, DateSpec, Event, EventKind, EventPlace, EventStatus, Id, ParticipantRole,
    Project, Reliability, ReportedParticipant, ReportedState, Source, SourceKind,
};
use thin_vec::thin_vec;

pub const UMEROV: &str = "ev-umerov-us-meeting";
pub const MIAMI_TALKS: &str = "ev-miami-talks";
/// An event without reported states that only the report of the 19th cites.
pub const DINNER: &str = "ev-witkoff-umerov-dinner";
/// An event without reported states cited only by a claim without a publication date.
pub const UNDATED: &str = "ev-undated-call";

pub fn date(edtf: &str) -> DateSpec {
    DateSpec::parse(edtf).expect("a valid date")
}

fn claim(id: &str, source: &str, excerpt: &str, published: Option<&str>) -> Claim {
    Claim {
        id: Id::new(id),
        source: Id::new(source),
        excerpt: excerpt.into(),
        context_before: Default::default(),
        context_after: Default::default(),
        attribution: Vec::new(),
        published: published.map(date),
        url: None,
        credibility: Credibility::new(3).expect("a grade"),
        note: Default::default(),
    }
}

fn named(actors: &[&str]) -> thin_vec::ThinVec<ReportedParticipant> {
    actors
        .iter()
        .map(|a| ReportedParticipant {
            actor: Id::new(a),
            role: ParticipantRole::Participant,
            certainty: detente::model::Certainty::default(),
        })
        .collect()
}

fn place(id: &str, candidate: bool) -> EventPlace {
    EventPlace {
        location: Id::new(id),
        candidate,
    }
}

/// The sample with the report of the 19th added.
pub fn miami_reports() -> Project {
    let mut project = detente::io::sample_project().expect("the sample loads");
    project.sources.push(Source {
        id: Id::new("src-second"),
        name: "Second outlet".to_owned(),
        kind: SourceKind::NewsAgency,
        actor: None,
        country: None,
        url: None,
        reliability: Reliability::B,
        scheme: Default::default(),
        note: String::new(),
    });
    project.claims.extend([
        claim(
            "c19-umerov-met",
            "src-second",
            "Witkoff and Kushner met Umerov in Miami on Friday morning.",
            Some("2025-12-19"),
        ),
        claim(
            "c19-dmitriev-saturday",
            "src-second",
            "They were to meet Dmitriev on Saturday.",
            Some("2025-12-19"),
        ),
        claim(
            "c19-dinner",
            "src-second",
            "Witkoff hosted Umerov for dinner on Thursday evening.",
            Some("2025-12-19"),
        ),
        claim(
            "c-undated",
            "src-second",
            "A call took place at some point.",
            None,
        ),
    ]);
    let umerov_18 = ReportedState {
        claims: thin_vec![Id::new("c-umerov-meeting")],
        date: Some(date("2025-12-20/2025-12-21").with_wording("over the weekend")),
        status: Some(EventStatus::Expected),
        places: Some(thin_vec![
            place("l-miami", true),
            place("l-united-states", true)
        ]),
        place_wording: Some("in Miami or elsewhere in the United States".into()),
        participants: Some(named(&["a-umerov", "a-us-delegation"])),
        ..ReportedState::default()
    };
    let umerov_19 = ReportedState {
        claims: thin_vec![Id::new("c19-umerov-met")],
        date: Some(date("2025-12-19").with_wording("on Friday morning")),
        status: Some(EventStatus::Held),
        places: Some(thin_vec![place("l-miami", false)]),
        participants: Some(named(&["a-witkoff", "a-kushner", "a-umerov"])),
        ..ReportedState::default()
    };
    let talks_18 = ReportedState {
        claims: thin_vec![Id::new("c-miami-talks-expected")],
        date: Some(date("2025-12-20/2025-12-21").with_wording("this weekend")),
        status: Some(EventStatus::Expected),
        places: Some(thin_vec![place("l-miami", false)]),
        participants: Some(named(&[
            "a-us-delegation",
            "a-russian-delegation",
            "a-dmitriev",
        ])),
        ..ReportedState::default()
    };
    // Says nothing of the place: the place of the 18th stands.
    let talks_19 = ReportedState {
        claims: thin_vec![Id::new("c19-dmitriev-saturday")],
        date: Some(date("2025-12-20").with_wording("on Saturday")),
        status: Some(EventStatus::Planned),
        participants: Some(named(&["a-witkoff", "a-kushner", "a-dmitriev"])),
        ..ReportedState::default()
    };
    for event in &mut project.events {
        if event.id == UMEROV {
            event.reported = thin_vec![umerov_18.clone(), umerov_19.clone()];
            // The analyst's current assessment: held on the 19th in Miami.
            event.status = EventStatus::Held;
            event.date = date("2025-12-19");
            event.places = thin_vec![place("l-miami", false)];
            event.place_wording = None;
            event.description = "Held on Friday morning, a day before expected.".into();
            event.cite(Id::new("c19-umerov-met"));
        } else if event.id == MIAMI_TALKS {
            event.reported = thin_vec![talks_18.clone(), talks_19.clone()];
            event.status = EventStatus::Planned;
            event.date = date("2025-12-20");
            event.cite(Id::new("c19-dmitriev-saturday"));
        }
    }
    let mut dinner = Event::new(
        DINNER,
        "Witkoff hosts Umerov for dinner",
        EventKind::Meeting,
        EventStatus::Held,
        date("2025-12-18"),
    );
    dinner.cite(Id::new("c19-dinner"));
    dinner.places = thin_vec![place("l-miami", false)];
    project.events.push(dinner);
    let mut call = Event::new(
        UNDATED,
        "A call",
        EventKind::Call,
        EventStatus::Held,
        date("2025-12"),
    );
    call.cite(Id::new("c-undated"));
    project.events.push(call);
    project
}

pub fn event<'p>(project: &'p Project, id: &str) -> Option<&'p Event> {
    project.events.iter().find(|e| e.id == id)
}
