//! What is derived from the project (time index, counts), the filter's result and the
//! lanes follow edits of single events one event at a time. After any sequence of edits,
//! undos and redos, what was followed equals what a full rebuild gives.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason
#![allow(clippy::many_single_char_names)] // p, n, e, i, t: the usual short names of a test

use detente::app::edits::{add_event, replace_event};
use detente::app::{Document, FilteredView, Origin, PassChange};
use detente::generate::generate_project;
use detente::layout::{Lane, LaneChange, LaneMode, LaneSort, build_lanes, update_lanes};
use detente::model::{
    DateSpec, Event, EventKind, EventStatus, Filter, Participation, Reliability, day_start_secs,
};
use proptest::prelude::*;

#[derive(Clone, Debug)]
enum Op {
    Retitle(usize, String),
    Redate(usize, u8, u8),
    Participant(usize, usize),
    Kind(usize, u8),
    /// Two events in one step.
    Both(usize, usize, String),
    /// Not a replacement: what is derived is rebuilt.
    Add(u8),
    Undo,
    Redo,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (any::<usize>(), "(talks|[a-z]{1,6})( [a-z]{1,5})?")
            .prop_map(|(i, t)| Op::Retitle(i, t)),
        3 => (any::<usize>(), 0u8..40, 0u8..4).prop_map(|(i, d, s)| Op::Redate(i, d, s)),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(i, a)| Op::Participant(i, a)),
        1 => (any::<usize>(), 0u8..4).prop_map(|(i, k)| Op::Kind(i, k)),
        1 => (any::<usize>(), any::<usize>(), "[a-z]{1,6}").prop_map(|(i, j, t)| Op::Both(i, j, t)),
        1 => (0u8..28).prop_map(Op::Add),
        2 => Just(Op::Undo),
        2 => Just(Op::Redo),
    ]
}

fn filters(doc: &Document) -> Vec<Filter> {
    let p = doc.project();
    vec![
        Filter::default(),
        Filter {
            text: "talks".into(),
            ..Filter::default()
        },
        Filter {
            kinds: vec![EventKind::Meeting, EventKind::Talks],
            ..Filter::default()
        },
        Filter {
            participants: vec![p.actors[0].id, p.actors[3].id],
            text: "a".into(),
            ..Filter::default()
        },
        Filter {
            from_secs: day_start_secs(2024, 1, 1).ok(),
            to_secs: day_start_secs(2024, 3, 1).ok(),
            statuses: vec![EventStatus::Held, EventStatus::Planned],
            ..Filter::default()
        },
        Filter {
            min_reliability: Some(Reliability::B),
            ..Filter::default()
        },
    ]
}

const MODES: [LaneMode; 6] = [
    LaneMode::None,
    LaneMode::Participant,
    LaneMode::Location,
    LaneMode::Kind,
    LaneMode::Status,
    LaneMode::Tag,
];

fn event_edit(doc: &Document, op: &Op) -> Option<detente::app::edit::Edit> {
    let p = doc.project();
    let n = p.events.len();
    let with = |i: usize, change: &dyn Fn(&mut Event)| {
        let mut e = p.events[i % n].clone();
        change(&mut e);
        replace_event(p, i % n, e, "edit")
    };
    match op {
        Op::Retitle(i, t) => with(*i, &|e| e.title = t.as_str().into()),
        Op::Redate(i, d, span) => with(*i, &|e| {
            let day = 1 + u32::from(*d % 28);
            let text = match span {
                0 => format!("2024-01-{day:02}"),
                1 => format!("2024-02-{day:02}/2024-03-{day:02}"),
                2 => format!("2023-{:02}", 1 + d % 12),
                _ => format!("2024-01-{day:02}/.."),
            };
            e.date = DateSpec::parse(&text).unwrap();
        }),
        Op::Participant(i, a) => with(*i, &|e| {
            let actor = p.actors[a % p.actors.len()].id;
            let mut parts = e.participants.to_vec();
            match parts.first_mut() {
                Some(first) => first.actor = actor,
                None => parts.push(Participation {
                    actor,
                    role: Default::default(),
                    certainty: Default::default(),
                }),
            }
            e.participants = parts.into();
        }),
        Op::Kind(i, k) => with(*i, &|e| {
            e.kind = [
                EventKind::Meeting,
                EventKind::Talks,
                EventKind::Call,
                EventKind::Statement,
            ][usize::from(*k)];
        }),
        Op::Both(i, j, t) => {
            let (a, b) = (i % n, j % n);
            let first = with(a, &|e| e.title = t.as_str().into())?;
            let mut q = p.clone();
            first.apply(&mut q).ok()?;
            let mut e = q.events[b].clone();
            e.description = t.as_str().into();
            let second = replace_event(&q, b, e, "describe")?;
            Some(detente::app::edits::combine("both", [first, second]))
        }
        Op::Add(d) => {
            let date = DateSpec::parse(&format!("2024-05-{:02}", 1 + d % 28)).unwrap();
            let id = format!("ev-added-{n}");
            Some(add_event(
                p,
                Event::new(
                    &id,
                    "Added talks",
                    EventKind::Talks,
                    EventStatus::Held,
                    date,
                ),
            ))
        }
        Op::Undo | Op::Redo => None,
    }
}

/// The lanes as the timeline keeps them: followed when the filtered view followed the
/// change, else built again.
fn refresh_lanes(
    lanes: &mut Vec<Lane>,
    doc: &Document,
    view: &FilteredView,
    seen: u64,
    mode: LaneMode,
) -> bool {
    let Some(changes) = view
        .changes_since(seen)
        .filter(|_| seen != view.generation())
    else {
        *lanes = build_lanes(doc.project(), mode, LaneSort::Count, &view.result.events);
        return false;
    };
    let changes: Vec<LaneChange<'_>> = changes.iter().map(PassChange::as_lane_change).collect();
    assert!(update_lanes(
        lanes,
        doc.project(),
        doc.lookup(),
        mode,
        LaneSort::Count,
        &changes
    ));
    true
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn followed_data_equals_a_rebuild(
        seed in 0u64..4,
        which_filter in 0usize..6,
        which_mode in 0usize..6,
        ops in prop::collection::vec(op(), 1..24),
    ) {
        let mut doc = Document::new(generate_project(600, seed), Origin::Untitled);
        let filter = filters(&doc)[which_filter].clone();
        let mode = MODES[which_mode];
        let mut view = FilteredView::default();
        view.refresh(&doc, &filter);
        // The filtered view's time index is followed too once built.
        let _ = view.event_index(&doc);
        let mut lanes = build_lanes(doc.project(), mode, LaneSort::Count, &view.result.events);
        let mut followed = 0;
        // Replacements that changed the project: an edit that sets what is already there
        // (a kind to the kind it has) is no edit at all, so it has nothing to follow.
        let mut replacements = 0;
        for op in &ops {
            match op {
                Op::Undo => { doc.undo().unwrap(); }
                Op::Redo => { doc.redo().unwrap(); }
                _ => {
                    if let Some(edit) = event_edit(&doc, op) {
                        // A refused edit changes nothing.
                        if doc.apply(edit, None).is_ok() && !matches!(op, Op::Add(_)) {
                            replacements += 1;
                        }
                    }
                }
            }
            let seen = view.generation();
            view.refresh(&doc, &filter);
            if refresh_lanes(&mut lanes, &doc, &view, seen, mode) {
                followed += 1;
            }

            let fresh = Document::new(doc.project().clone(), Origin::Untitled);
            prop_assert_eq!(doc.index(), fresh.index());
            prop_assert_eq!(doc.actor_event_counts(), fresh.actor_event_counts());
            prop_assert_eq!(doc.location_event_counts(), fresh.location_event_counts());
            prop_assert_eq!(doc.disputed(), fresh.disputed());
            let mut fresh_view = FilteredView::default();
            fresh_view.refresh(&fresh, &filter);
            prop_assert_eq!(&view.result, &fresh_view.result);
            prop_assert_eq!(&view.actors, &fresh_view.actors);
            prop_assert_eq!(&view.locations, &fresh_view.locations);
            prop_assert_eq!(view.event_index(&doc), fresh_view.event_index(&fresh));
            let rebuilt = build_lanes(fresh.project(), mode, LaneSort::Count, &fresh_view.result.events);
            prop_assert_eq!(&lanes, &rebuilt);
        }
        // The incremental path is the one under test: a replacement must take it. (An undo
        // or redo is a replacement only when what it reverts was one: the undo of an Add is
        // rebuilt, so undos and redos are not counted.)
        prop_assert!(followed > 0 || replacements == 0);
    }
}
