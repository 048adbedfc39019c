//! The rules of docs/DISPUTES.md as a table of cases: each case is an event's reported
//! states (one claim each, from an outlet on a publication date) and the disputes the rules
//! must find among them, as (first, second, kind).

use arcstr::ArcStr;
use thin_vec::ThinVec;

use super::*;
use crate::model::{
    Actor, ActorKind, Claim, Credibility, EventKind, EventPlace, Location, LocationPrecision,
    Reliability, ReportedParticipant, Source, SourceKind, day_start_secs,
};

/// One reported state as a case writes it.
#[derive(Clone, Default)]
struct S {
    source: &'static str,
    /// EDTF; `None`: no publication date.
    published: Option<&'static str>,
    date: Option<&'static str>,
    status: Option<EventStatus>,
    places: Option<Vec<(&'static str, bool)>>,
    named: Vec<(&'static str, Certainty)>,
    absent: Vec<&'static str>,
    /// No claim at all: a state no source reported.
    unsourced: bool,
}

fn s(source: &'static str, published: &'static str) -> S {
    S {
        source,
        published: Some(published),
        ..S::default()
    }
}

impl S {
    fn date(mut self, edtf: &'static str) -> Self {
        self.date = Some(edtf);
        self
    }
    fn status(mut self, status: EventStatus) -> Self {
        self.status = Some(status);
        self
    }
    fn held(self, edtf: &'static str) -> Self {
        self.date(edtf).status(EventStatus::Held)
    }
    fn expected(self, edtf: &'static str) -> Self {
        self.date(edtf).status(EventStatus::Expected)
    }
    fn at(mut self, places: &[&'static str]) -> Self {
        self.places = Some(places.iter().map(|p| (*p, false)).collect());
        self
    }
    fn at_one_of(mut self, places: &[&'static str]) -> Self {
        self.places = Some(places.iter().map(|p| (*p, true)).collect());
        self
    }
    fn with(mut self, actor: &'static str, certainty: Certainty) -> Self {
        self.named.push((actor, certainty));
        self
    }
    fn without(mut self, actor: &'static str) -> Self {
        self.absent.push(actor);
        self
    }
    fn undated(mut self) -> Self {
        self.published = None;
        self
    }
    fn unsourced(mut self) -> Self {
        self.unsourced = true;
        self
    }
}

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

fn location(
    id: &str,
    name: &str,
    country: &str,
    precision: LocationPrecision,
    at: Option<(f64, f64)>,
) -> Location {
    Location {
        id: Id::new(id),
        name: name.to_owned(),
        country: Some(country.to_owned()),
        lat: at.map(|p| p.0),
        lon: at.map(|p| p.1),
        precision,
        geonames_id: None,
        aliases: Vec::new(),
    }
}

fn actor(id: &str, name: &str) -> Actor {
    Actor {
        id: Id::new(id),
        name: name.to_owned(),
        kind: ActorKind::Person,
        aliases: Vec::new(),
        affiliation: None,
        country: None,
        description: String::new(),
    }
}

/// The outlets, places and people of the Miami example, and one event holding `states`.
fn project_of(states: &[S]) -> Project {
    let mut project = Project::new("disputes");
    project.sources = vec![
        source("xinhua", "Xinhua", Reliability::C),
        source("politico", "Politico", Reliability::B),
        source("reuters", "Reuters", Reliability::B),
        source("tass", "TASS", Reliability::D),
        source("axios", "Axios", Reliability::B),
    ];
    project.locations = vec![
        location(
            "miami",
            "Miami",
            "US",
            LocationPrecision::City,
            Some((25.774, -80.194)),
        ),
        location(
            "washington",
            "Washington",
            "US",
            LocationPrecision::City,
            Some((38.895, -77.036)),
        ),
        location(
            "us",
            "United States",
            "US",
            LocationPrecision::Country,
            None,
        ),
        location("berlin", "Berlin", "DE", LocationPrecision::City, None),
    ];
    project.actors = vec![
        actor("umerov", "Rustem Umerov"),
        actor("dmitriev", "Kirill Dmitriev"),
        actor("witkoff", "Steve Witkoff"),
    ];
    let mut event = Event::new(
        "ev",
        "Umerov meets the US delegation",
        EventKind::Meeting,
        EventStatus::Expected,
        DateSpec::parse("2025-12-20/2025-12-21").unwrap(),
    );
    for (i, st) in states.iter().enumerate() {
        let claim = Id::new(&format!("c{i}"));
        if !st.unsourced {
            project.claims.push(Claim {
                id: claim,
                source: Id::new(st.source),
                excerpt: "words".into(),
                context_before: ArcStr::default(),
                context_after: ArcStr::default(),
                attribution: Vec::new(),
                published: st.published.map(|p| DateSpec::parse(p).unwrap()),
                url: None,
                credibility: Credibility::new(3).unwrap(),
                note: ArcStr::default(),
            });
        }
        event.reported.push(ReportedState {
            claims: if st.unsourced {
                ThinVec::new()
            } else {
                thin_vec::thin_vec![claim]
            },
            date: st.date.map(|d| DateSpec::parse(d).unwrap()),
            status: st.status,
            places: st.places.as_ref().map(|list| {
                list.iter()
                    .map(|&(p, candidate)| EventPlace {
                        location: Id::new(p),
                        candidate,
                    })
                    .collect()
            }),
            participants: (!st.named.is_empty()).then(|| {
                st.named
                    .iter()
                    .map(|&(a, certainty)| ReportedParticipant {
                        actor: Id::new(a),
                        role: Default::default(),
                        certainty,
                    })
                    .collect()
            }),
            absent: st.absent.iter().map(|a| Id::new(a)).collect(),
            ..ReportedState::default()
        });
    }
    project.events.push(event);
    project
}

/// A case: its name, the event's states, and the disputes the rules must find.
type Case = (&'static str, Vec<S>, Vec<(usize, usize, DisputeKind)>);

const WEEKEND: &str = "2025-12-20/2025-12-21";

/// The Miami example: Xinhua (citing Politico) on Thu 18 Dec expects Umerov to meet the
/// US delegation "over the weekend" in Miami or elsewhere in the United States.
fn xinhua_18() -> S {
    s("xinhua", "2025-12-18")
        .expected(WEEKEND)
        .at_one_of(&["miami", "us"])
        .with("umerov", Certainty::Stated)
}

/// Reuters on Fri 19 Dec: he met Witkoff in Miami that morning.
fn reuters_19() -> S {
    s("reuters", "2025-12-19")
        .held("2025-12-19")
        .at(&["miami"])
        .with("umerov", Certainty::Stated)
        .with("witkoff", Certainty::Stated)
}

/// The Miami example and its variations: drift, updates, narrowing, and the disputes of
/// dates and places.
fn miami_cases() -> Vec<Case> {
    use DisputeKind::{Date, Place};
    vec![
        (
            "Miami: expected 20–21 Dec on the 18th, held 19 Dec by the 19th report: the plan moved",
            vec![xinhua_18(), reuters_19()],
            vec![],
        ),
        (
            "Miami, listed newest first: still drift",
            vec![reuters_19(), xinhua_18()],
            vec![],
        ),
        (
            "Miami: the 19th report from the same outlet is its update",
            vec![
                xinhua_18(),
                s("xinhua", "2025-12-19").held("2025-12-19").at(&["miami"]),
            ],
            vec![],
        ),
        (
            "Miami: two reports of the 18th expect the meeting on disjoint days",
            vec![xinhua_18(), s("tass", "2025-12-18").expected("2025-12-23")],
            vec![(0, 1, Date)],
        ),
        (
            "Miami: two reports say it was held, on different days",
            vec![
                reuters_19(),
                s("axios", "2025-12-21").held("2025-12-20").at(&["miami"]),
            ],
            vec![(0, 1, Date)],
        ),
        (
            "Miami: the 18th report's date and 'Miami or elsewhere in the US' narrowed by another outlet the same day",
            vec![
                xinhua_18(),
                s("politico", "2025-12-18")
                    .expected("2025-12-20")
                    .at(&["miami"]),
            ],
            vec![],
        ),
        (
            "Miami: 'Miami or elsewhere in the US' against Berlin, the same day",
            vec![
                xinhua_18(),
                s("tass", "2025-12-18").expected(WEEKEND).at(&["berlin"]),
            ],
            vec![(0, 1, Place)],
        ),
        (
            "Miami: the US against Berlin",
            vec![
                s("politico", "2025-12-18").expected(WEEKEND).at(&["us"]),
                s("tass", "2025-12-18").expected(WEEKEND).at(&["berlin"]),
            ],
            vec![(0, 1, Place)],
        ),
        (
            "Miami: held in Miami or in Washington, the same day",
            vec![
                reuters_19(),
                s("tass", "2025-12-19")
                    .held("2025-12-19")
                    .at(&["washington"]),
            ],
            vec![(0, 1, Place)],
        ),
        (
            "Miami: held on the 19th in Miami, and on the 20th in Berlin",
            vec![
                reuters_19(),
                s("tass", "2025-12-20").held("2025-12-20").at(&["berlin"]),
            ],
            vec![(0, 1, Date), (0, 1, Place)],
        ),
        (
            "Miami: three reports, the two of the 19th disagree on the place",
            vec![
                xinhua_18(),
                reuters_19(),
                s("tass", "2025-12-19")
                    .held("2025-12-19")
                    .at(&["washington"]),
            ],
            vec![(1, 2, Place)],
        ),
        (
            "Miami: a report of some day in December cannot be ordered against the 19th",
            vec![s("politico", "2025-12").expected(WEEKEND), reuters_19()],
            vec![(0, 1, Date)],
        ),
        (
            "Miami: a report without a publication date cannot be ordered",
            vec![xinhua_18().undated(), reuters_19()],
            vec![(0, 1, Date)],
        ),
    ]
}

/// When reports are compared: sources, order in time, plans and what happened, and spans.
fn time_cases() -> Vec<Case> {
    use DisputeKind::Date;
    vec![
        (
            "a state that names no source takes part in no dispute",
            vec![
                xinhua_18().unsourced(),
                s("tass", "2025-12-18").expected("2025-12-23"),
            ],
            vec![],
        ),
        (
            "held, then expected on a later day by another outlet: a held meeting is not overtaken",
            vec![
                reuters_19(),
                s("axios", "2025-12-20").expected("2025-12-22"),
            ],
            vec![(0, 1, Date)],
        ),
        (
            "no status, a future date: a plan that the later report overtakes",
            vec![s("xinhua", "2025-12-18").date(WEEKEND), reuters_19()],
            vec![],
        ),
        (
            "no status, a past date: what happened, not overtaken",
            vec![
                s("xinhua", "2025-12-18").date("2025-12-17"),
                s("reuters", "2025-12-19").held("2025-12-16"),
            ],
            vec![(0, 1, Date)],
        ),
        (
            "overlapping dates (19–20 and 20–21) can both be right",
            vec![
                s("xinhua", "2025-12-18").expected("2025-12-19/2025-12-20"),
                s("tass", "2025-12-18").expected(WEEKEND),
            ],
            vec![],
        ),
        (
            "'about the 20th' allows the 19th",
            vec![
                s("xinhua", "2025-12-18").expected("2025-12-20~"),
                s("tass", "2025-12-18").expected("2025-12-19"),
            ],
            vec![],
        ),
        (
            "'about the 22nd' does not allow the 20th",
            vec![
                s("xinhua", "2025-12-18").expected("2025-12-22~"),
                s("tass", "2025-12-18").expected("2025-12-20"),
            ],
            vec![(0, 1, Date)],
        ),
        (
            "'on or before the 18th' allows the 17th, not the 19th",
            vec![
                s("xinhua", "2025-12-19").held("/2025-12-18"),
                s("tass", "2025-12-19").held("2025-12-17"),
                s("reuters", "2025-12-19").held("2025-12-19"),
            ],
            vec![(0, 2, Date), (1, 2, Date)],
        ),
    ]
}

/// Participants present and absent, and held against cancelled.
fn participant_and_status_cases() -> Vec<Case> {
    use Certainty::{Likely, RoughlyEven, Stated};
    use DisputeKind::{Participant, Status};
    use EventStatus::{Cancelled, Planned};
    vec![
        (
            "present in one report, absent in another of the same day",
            vec![
                s("politico", "2025-12-18")
                    .expected(WEEKEND)
                    .with("dmitriev", Likely),
                s("tass", "2025-12-18")
                    .expected(WEEKEND)
                    .without("dmitriev"),
            ],
            vec![(0, 1, Participant)],
        ),
        (
            "'may attend' is not said to take part",
            vec![
                s("politico", "2025-12-18")
                    .expected(WEEKEND)
                    .with("dmitriev", RoughlyEven),
                s("tass", "2025-12-18")
                    .expected(WEEKEND)
                    .without("dmitriev"),
            ],
            vec![],
        ),
        (
            "expected to attend, then reported not coming: the plan moved",
            vec![
                s("politico", "2025-12-18")
                    .expected(WEEKEND)
                    .with("dmitriev", Likely),
                s("tass", "2025-12-19")
                    .expected(WEEKEND)
                    .without("dmitriev"),
            ],
            vec![],
        ),
        (
            "attended, then reported absent by a later report",
            vec![
                s("reuters", "2025-12-20")
                    .held("2025-12-20")
                    .with("dmitriev", Stated),
                s("tass", "2025-12-21")
                    .held("2025-12-20")
                    .without("dmitriev"),
            ],
            vec![(0, 1, Participant)],
        ),
        (
            "held and cancelled, the same day",
            vec![
                s("reuters", "2025-12-20").status(EventStatus::Held),
                s("tass", "2025-12-20").status(Cancelled),
            ],
            vec![(0, 1, Status)],
        ),
        (
            "held, then cancelled by a later report",
            vec![reuters_19(), s("tass", "2025-12-20").status(Cancelled)],
            vec![(0, 1, Status)],
        ),
        (
            "cancelled, then held by a later report: the plan was revived",
            vec![s("tass", "2025-12-18").status(Cancelled), reuters_19()],
            vec![],
        ),
        (
            "planned and expected are no dispute of status",
            vec![
                s("tass", "2025-12-18").status(Planned),
                s("xinhua", "2025-12-18").expected(WEEKEND),
            ],
            vec![],
        ),
    ]
}

#[test]
fn the_rules_table() {
    let cases = miami_cases()
        .into_iter()
        .chain(time_cases())
        .chain(participant_and_status_cases());
    for (name, states, want) in cases {
        let project = project_of(&states);
        let lookup = project.lookup();
        let event = &project.events[0];
        let got: Vec<(usize, usize, DisputeKind)> = event_disputes(event, &project, &lookup)
            .iter()
            .map(|d| (d.first, d.second, d.kind))
            .collect();
        assert_eq!(got, want, "{name}");
        assert_eq!(
            is_disputed(event, &project, &lookup),
            !want.is_empty(),
            "is_disputed: {name}"
        );
    }
}

#[test]
fn a_dispute_reads_as_one_line_naming_both_sources() {
    let states = [
        s("reuters", "2025-12-19")
            .held("2025-12-19")
            .at(&["miami"])
            .with("dmitriev", Certainty::Stated),
        s("tass", "2025-12-19")
            .held("2025-12-20")
            .at(&["berlin"])
            .without("dmitriev")
            .status(EventStatus::Cancelled),
    ];
    let project = project_of(&states);
    let lookup = project.lookup();
    let texts: Vec<String> = event_disputes(&project.events[0], &project, &lookup)
        .into_iter()
        .map(|d| d.text)
        .collect();
    assert_eq!(
        texts,
        [
            "Reuters: Fri 19 Dec 2025; TASS: Sat 20 Dec 2025. The dates do not overlap.",
            "Reuters: Miami; TASS: Berlin. Neither place is within the other.",
            "Reuters names Kirill Dmitriev; TASS says Kirill Dmitriev was absent.",
            "Reuters: held; TASS: cancelled.",
        ]
    );
}

#[test]
fn as_of_a_day_only_the_states_known_by_then_dispute() {
    let states = [
        s("reuters", "2025-12-19").held("2025-12-19"),
        s("axios", "2025-12-21").held("2025-12-20"),
    ];
    let project = project_of(&states);
    let lookup = project.lookup();
    let event = &project.events[0];
    let end_of = |day: u32| day_start_secs(2025, 12, day + 1).unwrap();
    assert!(event_disputes_known_by(event, &project, &lookup, end_of(20)).is_empty());
    assert_eq!(
        event_disputes_known_by(event, &project, &lookup, end_of(21)).len(),
        1
    );
}

#[test]
fn the_disputed_events_follow_a_replaced_event() {
    let mut project = project_of(&[
        s("reuters", "2025-12-19").held("2025-12-19"),
        s("axios", "2025-12-21").held("2025-12-20"),
    ]);
    let mut quiet = project.events[0].clone();
    quiet.reported.truncate(1);
    quiet.id = "ev-quiet".into();
    project.events.insert(0, quiet);
    let lookup = project.lookup();
    let mut disputed = DisputedEvents::new(&project, &lookup);
    assert_eq!(disputed.positions(), [1]);
    assert!(disputed.contains(1) && !disputed.contains(0));
    // The analyst drops the second report: no longer disputed.
    let axios = project.events[1].reported[1].clone();
    project.events[1].reported.truncate(1);
    disputed.replace(&project, &lookup, 1);
    assert!(disputed.is_empty());
    // And records a disagreeing one on the other event.
    project.events[0].reported.push(axios);
    disputed.replace(&project, &lookup, 0);
    assert_eq!(disputed.positions(), [0]);
    assert_eq!(disputed, DisputedEvents::new(&project, &lookup));
}

#[test]
fn the_disputed_facet_keeps_the_disputed_events() {
    use crate::query::{ClaimIndex, Filter, apply_filter};
    // Event 0: held on the 19th and on the 20th (disputed); event 1: the Miami drift, and
    // event 2 one report only (neither disputed).
    let mut project = project_of(&[
        s("reuters", "2025-12-19").held("2025-12-19"),
        s("axios", "2025-12-21").held("2025-12-20"),
        s("xinhua", "2025-12-18").expected(WEEKEND),
        s("reuters", "2025-12-19").held("2025-12-19"),
    ]);
    let all = project.events[0].reported.clone();
    let mut drift = project.events[0].clone();
    drift.id = "ev-drift".into();
    drift.reported = all[2..].iter().cloned().collect();
    let mut single = drift.clone();
    single.id = "ev-single".into();
    single.reported.truncate(1);
    project.events[0].reported.truncate(2);
    project.events.push(drift);
    project.events.push(single);
    let lookup = project.lookup();
    let index = ClaimIndex::new(&project, &lookup);
    let filter = Filter {
        disputed: true,
        ..Filter::default()
    };
    assert!(filter.has_facets());
    let result = apply_filter(&project, &lookup, &index, &filter);
    assert_eq!(result.events, [true, false, false]);
    assert_eq!(
        DisputedEvents::new(&project, &lookup).positions(),
        [0],
        "the cache agrees with the facet"
    );
    let off = apply_filter(&project, &lookup, &index, &Filter::default());
    assert_eq!(off.events, [true, true, true]);
}

/// What the rules cost at scale (docs/DISPUTES.md, "Cost"): a generated project of 100,000
/// events, each with the state its claims report, and three in ten with a second state from
/// the next claim (another outlet, published some days later) that moves the date by 0–3
/// days: about 1.3 states an event, as issue 13 expects. Ignored (it takes seconds unoptimised);
/// run with `CARGO_PROFILE_DEV_OPT_LEVEL=3 cargo test --lib disputes_cost -- --ignored
/// --nocapture`.
#[test]
#[ignore = "a measurement; run by hand"]
fn disputes_cost_at_100k_events() {
    use crate::model::{TimeBounds, civil_from_secs};
    use crate::query::{ClaimIndex, Filter, apply_filter};
    use std::time::Instant;
    let mut project = crate::generate::generate_project(100_000, 13);
    let claims: Vec<Id> = project.claims.iter().map(|c| c.id).collect();
    let day = |b: &TimeBounds, shift: i64| {
        let d = civil_from_secs(b.earliest_secs + shift * crate::model::SECS_PER_DAY).date();
        DateSpec::parse(&d.to_string()).ok()
    };
    for (i, event) in project.events.iter_mut().enumerate() {
        let k = i / 10;
        let first = ReportedState {
            claims: thin_vec::thin_vec![claims[k % claims.len()]],
            date: Some(event.date.clone()),
            status: Some(event.status),
            places: Some(event.places.clone()),
            ..ReportedState::default()
        };
        event.reported.push(first);
        if i % 10 < 3
            && let Ok(b) = event.date.bounds()
        {
            event.reported.push(ReportedState {
                claims: thin_vec::thin_vec![claims[(k + 1) % claims.len()]],
                date: day(&b, (i % 4) as i64),
                status: Some(EventStatus::Held),
                ..ReportedState::default()
            });
        }
    }
    let lookup = project.lookup();
    let states: usize = project.events.iter().map(|e| e.reported.len()).sum();
    let started = Instant::now();
    let disputed = DisputedEvents::new(&project, &lookup);
    let cache_ms = started.elapsed().as_secs_f64() * 1000.0;
    let started = Instant::now();
    let direct = project
        .events
        .iter()
        .filter(|e| is_disputed(e, &project, &lookup))
        .count();
    let direct_ms = started.elapsed().as_secs_f64() * 1000.0;
    assert_eq!(direct, disputed.len());
    let started = Instant::now();
    let mut all = 0;
    for event in &project.events {
        all += event_disputes(event, &project, &lookup).len();
    }
    let texts_ms = started.elapsed().as_secs_f64() * 1000.0;
    let index = ClaimIndex::new(&project, &lookup);
    let started = Instant::now();
    let facet = Filter {
        disputed: true,
        ..Filter::default()
    };
    let result = apply_filter(&project, &lookup, &index, &facet);
    let facet_ms = started.elapsed().as_secs_f64() * 1000.0;
    let shown = result.events.iter().filter(|&&b| b).count();
    println!(
        "100k events, {states} states: {} disputed ({all} disputes); DisputedEvents::new \
         {cache_ms:.1} ms (each event's is_disputed: {direct_ms:.1} ms), every event's disputes with texts {texts_ms:.1} ms, the Disputed \
         facet over the project {facet_ms:.1} ms",
        disputed.len()
    );
    assert_eq!(shown, disputed.len(), "the facet and the cache agree");
    assert!(!disputed.is_empty() && disputed.len() < 30_000);
}
