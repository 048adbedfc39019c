//! What moving the as-of date costs (issue 13, items 2 and 8): `query::project_as_of` on a
//! generated project with about 1.3 reported states per event, and the document the views
//! then read (its derived indices), for 10k, 100k and 1M events.
//!
//!     cargo bench --bench as_of -- --warm-up-time 1 --measurement-time 3
//!
//! Figures in docs/PERFORMANCE.md.

#![allow(clippy::unwrap_used)] // benches may unwrap: a panic is a failure with its reason

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use detente::app::{Document, Origin};
use detente::generate::generate_project;
use detente::model::{Project, ReportedParticipant, ReportedState, shift_days};
use detente::query::{project_as_of, report_days};

const SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];

/// A generated project where each event has a first reported state (its own fields, from
/// its first claim) and every third a second one from a later claim that moved its date.
fn with_reported_states(mut project: Project) -> Project {
    let claims: Vec<_> = project.claims.iter().map(|c| c.id).collect();
    for (i, event) in project.events.iter_mut().enumerate() {
        let Some(first) = event.claims.first().map(|c| c.claim) else {
            continue;
        };
        event.reported.push(ReportedState {
            claims: thin_vec::thin_vec![first],
            date: Some(event.date.clone()),
            status: Some(event.status),
            places: Some(event.places.clone()),
            place_wording: event.place_wording.clone(),
            participants: Some(
                event
                    .participants
                    .iter()
                    .map(|&p| ReportedParticipant::from(p))
                    .collect(),
            ),
            ..ReportedState::default()
        });
        if i % 3 == 0 {
            let at = claims.iter().position(|&c| c == first).unwrap_or(0);
            let later = claims[(at + 1).min(claims.len() - 1)];
            event.reported.push(ReportedState {
                claims: thin_vec::thin_vec![later],
                date: shift_days(&event.date, 1),
                status: Some(detente::model::EventStatus::Held),
                ..ReportedState::default()
            });
        }
    }
    project
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("as_of");
    group.sample_size(10);
    for n in SIZES {
        let project = with_reported_states(generate_project(n, 1));
        let lookup = project.lookup();
        let days = report_days(&project);
        // The middle report day: about half of the project is known.
        let day = days[days.len() / 2];
        group.bench_with_input(BenchmarkId::new("project", n), &n, |b, _| {
            b.iter(|| black_box(project_as_of(&project, &lookup, day)));
        });
        group.bench_with_input(BenchmarkId::new("project_and_document", n), &n, |b, _| {
            b.iter(|| {
                let projected = project_as_of(&project, &lookup, day);
                black_box(Document::new(projected.project, Origin::Untitled))
            });
        });
        group.bench_with_input(BenchmarkId::new("report_days", n), &n, |b, _| {
            b.iter(|| black_box(report_days(&project)));
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
