//! "No lookahead" (issue 13, item 2): for random projects and a random day D, nothing in the
//! projection as of D, the filter's result, the panels' rows, the details' data or any
//! export's text comes from a claim published after D.
//!
//! Two checks on each case. Everything that only later (or undated) claims said is marked:
//! their excerpts, the wording of the dates and places of reported states known only later,
//! the analyst's description of events with a later state, the titles of events first
//! reported later; no marker may appear anywhere. And everything that only later claims said
//! is then changed again (dates, statuses, places, participants of later states; the
//! current fields of events with states): the projection and everything read from it must
//! not change, since a view as of D cannot depend on what was not known at D.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use detente::export::{ExportFormat, ExportOptions, TimelineImageOptions, export_to, timeline_svg};
use detente::generate::generate_project;
use detente::model::{
    Citation, DateSpec, EventPlace, EventStatus, Filter, Id, ParticipantRole, Project,
    ReportedParticipant, ReportedState, claim_known_secs,
};
use detente::query::{
    AsOf, ClaimIndex, apply_filter, best_grade, project_as_of, roles_text, stance_lanes,
    who_met_whom,
};
use proptest::prelude::*;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const MARK: &str = "LATERMARK";

fn day(d: u32) -> DateSpec {
    DateSpec::parse(&format!("2025-12-{d:02}")).unwrap()
}

/// A generated project whose claims are published on random days of December 2025 (some
/// only "in December", some undated) and whose events have random reported states.
fn random_project(events: usize, seed: u64) -> Project {
    let mut project = generate_project(events, seed);
    let mut rng = StdRng::seed_from_u64(seed);
    for claim in &mut project.claims {
        claim.published = match rng.random_range(0..10) {
            0 => None,
            1 => Some(DateSpec::parse("2025-12").unwrap()),
            // Few days, close together: most cases have claims on both sides of D.
            _ => Some(day(rng.random_range(10..=20))),
        };
    }
    let claims: Vec<Id> = project.claims.iter().map(|c| c.id).collect();
    let actors: Vec<Id> = project.actors.iter().map(|a| a.id).collect();
    let places: Vec<Id> = project.locations.iter().map(|l| l.id).collect();
    for event in &mut project.events {
        if rng.random_bool(0.3) {
            continue; // as a version-1 file loads: no reported states
        }
        for _ in 0..rng.random_range(1..=3) {
            let cited: thin_vec::ThinVec<Id> = (0..rng.random_range(1..=2))
                .map(|_| claims[rng.random_range(0..claims.len())])
                .collect();
            for &c in &cited {
                if !event.claims.iter().any(|x| x.claim == c) {
                    event.claims.push(Citation::of_event(c));
                }
            }
            let state = ReportedState {
                claims: cited,
                date: rng
                    .random_bool(0.8)
                    .then(|| day(rng.random_range(1..=28)).with_wording("words")),
                status: rng
                    .random_bool(0.7)
                    .then(|| EventStatus::ALL[rng.random_range(0..EventStatus::ALL.len())]),
                places: (rng.random_bool(0.5) && !places.is_empty()).then(|| {
                    thin_vec::thin_vec![EventPlace {
                        location: places[rng.random_range(0..places.len())],
                        candidate: rng.random_bool(0.5),
                    }]
                }),
                place_wording: rng.random_bool(0.3).then(|| "somewhere".into()),
                participants: (rng.random_bool(0.6) && !actors.is_empty()).then(|| {
                    (0..rng.random_range(1..=3))
                        .map(|_| ReportedParticipant {
                            actor: actors[rng.random_range(0..actors.len())],
                            role: ParticipantRole::Participant,
                            certainty: Default::default(),
                        })
                        .collect()
                }),
                absent: if rng.random_bool(0.2) && !actors.is_empty() {
                    thin_vec::thin_vec![actors[rng.random_range(0..actors.len())]]
                } else {
                    thin_vec::ThinVec::new()
                },
                ..ReportedState::default()
            };
            event.reported.push(state);
        }
    }
    project
}

/// What a claim or state tells of D: known by then or not.
struct Knowledge {
    cutoff: i64,
}

impl Knowledge {
    fn claim_known(&self, project: &Project, id: Id) -> bool {
        project
            .claims
            .iter()
            .find(|c| c.id == id)
            .and_then(claim_known_secs)
            .is_some_and(|k| k <= self.cutoff)
    }

    fn state_known(&self, project: &Project, state: &ReportedState) -> bool {
        state.claims.iter().any(|&c| self.claim_known(project, c))
    }
}

/// Marks (`scramble` false) or changes (`scramble` true) everything only later claims said.
fn touch_later(project: &Project, as_of: AsOf, scramble: bool, seed: u64) -> Project {
    let k = Knowledge {
        cutoff: as_of.cutoff_secs(),
    };
    let mut rng = StdRng::seed_from_u64(seed ^ 0x5eed);
    let mut out = project.clone();
    for claim in &mut out.claims {
        if !k.claim_known(project, claim.id) {
            claim.excerpt = format!("{MARK} {}", claim.excerpt).into();
        }
    }
    for event in &mut out.events {
        let with_states = !event.reported.is_empty();
        let any_later = if with_states {
            event.reported.iter().any(|s| !k.state_known(project, s))
        } else {
            event
                .claims
                .iter()
                .any(|c| !k.claim_known(project, c.claim))
        };
        let none_known = if with_states {
            event.reported.iter().all(|s| !k.state_known(project, s))
        } else {
            event
                .claims
                .iter()
                .all(|c| !k.claim_known(project, c.claim))
        };
        if any_later {
            event.description = format!("{MARK} description").into();
        }
        if none_known {
            event.title = format!("{MARK} title").into();
        }
        for state in &mut event.reported {
            if k.state_known(project, state) {
                continue;
            }
            if let Some(date) = &mut state.date {
                *date = if scramble {
                    day(rng.random_range(1..=28)).with_wording(MARK)
                } else {
                    date.clone().with_wording(MARK)
                };
            }
            state.place_wording = Some(MARK.into());
            if scramble {
                state.status = Some(EventStatus::Cancelled);
                state.places = Some(thin_vec::ThinVec::new());
                state.participants = Some(thin_vec::ThinVec::new());
            }
        }
        if with_states && scramble {
            // The current assessment may rest on later reports: never read as of D.
            event.status = EventStatus::Postponed;
            event.date = day(rng.random_range(1..=28)).with_wording(MARK);
            event.places = thin_vec::ThinVec::new();
            event.place_wording = Some(MARK.into());
        }
    }
    for position in &mut out.positions {
        if !position.claims.is_empty()
            && position.claims.iter().all(|&c| !k.claim_known(project, c))
        {
            position.summary = format!("{MARK} summary");
        }
    }
    for membership in &mut out.memberships {
        if !membership.claims.is_empty()
            && membership
                .claims
                .iter()
                .all(|&c| !k.claim_known(project, c))
        {
            membership.role = format!("{MARK} role");
        }
    }
    out
}

/// Everything the views and exports read of a projection, as text.
fn views_text(project: &Project) -> String {
    let lookup = project.lookup();
    let claims = ClaimIndex::new(project, &lookup);
    let result = apply_filter(project, &lookup, &claims, &Filter::default());
    let mut text = format!("{:?}\n", result.events);
    // Panels: who met whom, stances per issue, roles, counts.
    text.push_str(&format!("{:?}\n", who_met_whom(project, &result.events)));
    for issue in &project.issues {
        text.push_str(&format!(
            "{:?}\n",
            stance_lanes(project, issue.id, &result.positions)
        ));
    }
    for actor in &project.actors {
        text.push_str(&roles_text(project, &lookup, actor));
        text.push('\n');
    }
    // Details: each event's grade and its claims' words, with their dates.
    for event in &project.events {
        let about: Vec<Id> = event.claims.iter().map(|c| c.claim).collect();
        text.push_str(&format!(
            "{:?} {:?}\n",
            event,
            best_grade(project, &lookup, &about)
        ));
        for &c in &about {
            if let Some(claim) = lookup.claim(project, c) {
                text.push_str(&format!("{claim:?}\n"));
            }
        }
    }
    for format in [
        ExportFormat::Csv,
        ExportFormat::TimelineJs,
        ExportFormat::Markdown,
        ExportFormat::Html,
    ] {
        let mut out = Vec::new();
        export_to(project, format, &ExportOptions::default(), &mut out).unwrap();
        text.push_str(&String::from_utf8_lossy(&out));
    }
    let image = TimelineImageOptions::from_export(project, &ExportOptions::default());
    text.push_str(&timeline_svg(project, &image));
    text
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn nothing_shown_as_of_d_comes_from_a_later_claim(
        events in 4usize..40,
        seed in 0u64..1_000_000,
        d in 8u32..=22,
    ) {
        let project = random_project(events, seed);
        let as_of = AsOf::parse(&format!("2025-12-{d:02}")).unwrap();
        let cutoff = as_of.cutoff_secs();

        let marked = touch_later(&project, as_of, false, seed);
        let projected = project_as_of(&marked, &marked.lookup(), as_of);
        for claim in &projected.project.claims {
            prop_assert!(claim_known_secs(claim).is_some_and(|k| k <= cutoff));
        }
        let text = views_text(&projected.project);
        prop_assert!(!text.contains(MARK), "a later claim shows as of {}", as_of.edtf());

        // Changing what only later claims said changes nothing as of D.
        let scrambled = touch_later(&project, as_of, true, seed);
        let again = project_as_of(&scrambled, &scrambled.lookup(), as_of);
        let plain = project_as_of(&project, &project.lookup(), as_of);
        prop_assert_eq!(&again.hidden, &plain.hidden);
        prop_assert!(again.project == plain.project, "the projection used later claims");
        prop_assert_eq!(views_text(&again.project), views_text(&plain.project));
    }
}
