//! What one edit of one event costs, from the command to the data the next frame reads:
//! the edit applied to the document (with its derived data), the filter's result and the
//! participant lanes brought up to date, with a text filter active.
//!
//! `edit/N/{keystroke,date,drag,undo,redo}` for 10k and 1M events (issue 12: ≤ 16 ms at a
//! million). Only the command and the refresh are timed (`iter_custom`): the edit is
//! prepared, and the step that undo or redo needs is made, outside the timing.
//!
//!     cargo bench --bench edit -- --warm-up-time 1 --measurement-time 3
//!
//! Figures in docs/PERFORMANCE.md.

#![allow(clippy::unwrap_used)] // benches may unwrap: a panic is a failure with its reason

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use detente::app::edit::Edit;
use detente::app::edits::replace_event;
use detente::app::{Document, FilteredView, Origin, PassChange};
use detente::generate::generate_project;
use detente::layout::{Lane, LaneChange, LaneMode, LaneSort, build_lanes, update_lanes};
use detente::model::{Event, Filter, shift_days};

const SIZES: [usize; 2] = [10_000, 1_000_000];

/// The document and what the next frame reads of it.
struct Frame {
    doc: Document,
    filter: Filter,
    view: FilteredView,
    lanes: Vec<Lane>,
    /// Counts the commands, so that every edit differs from the one before, across
    /// criterion's runs.
    commands: u64,
}

impl Frame {
    fn new(num_events: usize) -> Self {
        let doc = Document::new(generate_project(num_events, 1), Origin::Untitled);
        let filter = Filter {
            text: "talks".into(),
            ..Filter::default()
        };
        let mut view = FilteredView::default();
        view.refresh(&doc, &filter);
        let lanes = build_lanes(
            doc.project(),
            LaneMode::Participant,
            LaneSort::Count,
            &view.result.events,
        );
        Self {
            doc,
            filter,
            view,
            lanes,
            commands: 0,
        }
    }

    /// The filter's result and the lanes, as the timeline brings them up to date.
    fn refresh(&mut self) {
        let seen = self.view.generation();
        self.view.refresh(&self.doc, &self.filter);
        let followed = self.view.changes_since(seen).is_some_and(|changes| {
            let changes: Vec<LaneChange<'_>> =
                changes.iter().map(PassChange::as_lane_change).collect();
            update_lanes(
                &mut self.lanes,
                self.doc.project(),
                self.doc.lookup(),
                LaneMode::Participant,
                LaneSort::Count,
                &changes,
            )
        });
        if !followed {
            self.lanes = build_lanes(
                self.doc.project(),
                LaneMode::Participant,
                LaneSort::Count,
                &self.view.result.events,
            );
        }
        black_box(self.lanes.len());
    }

    fn edit_of(&self, index: usize, change: impl FnOnce(&mut Event)) -> Edit {
        let p = self.doc.project();
        let mut event = p.events[index].clone();
        change(&mut event);
        replace_event(p, index, event, "edit").unwrap()
    }

    /// Times `iters` commands: `prepare` makes what the command needs (untimed), `command`
    /// is timed with the refresh after it.
    fn time(
        &mut self,
        iters: u64,
        mut prepare: impl FnMut(&mut Self, u64) -> Option<Edit>,
        mut command: impl FnMut(&mut Self, Option<Edit>),
    ) -> Duration {
        let mut total = Duration::ZERO;
        for _ in 0..iters {
            self.commands += 1;
            let prepared = prepare(self, self.commands);
            let started = Instant::now();
            command(self, prepared);
            self.refresh();
            total += started.elapsed();
        }
        total
    }
}

fn bench_edit(c: &mut Criterion) {
    let mut group = c.benchmark_group("edit");
    group.sample_size(20);
    for num_events in SIZES {
        let mut frame = Frame::new(num_events);
        let middle = num_events / 2;
        let id = BenchmarkId::new(num_events.to_string(), "keystroke");
        group.bench_function(id, |b| {
            b.iter_custom(|iters| {
                frame.time(
                    iters,
                    |f, i| {
                        let title = format!("Talks in Geneva {i}");
                        Some(f.edit_of(middle, |e| e.title = title.as_str().into()))
                    },
                    |f, edit| f.doc.apply(edit.unwrap(), Some("title")).unwrap(),
                )
            });
        });
        frame.doc.close_merge();
        let id = BenchmarkId::new(num_events.to_string(), "date");
        group.bench_function(id, |b| {
            b.iter_custom(|iters| {
                frame.time(
                    iters,
                    |f, i| {
                        let days = if i % 2 == 0 { 3 } else { -3 };
                        Some(f.edit_of(middle, |e| e.date = shift_days(&e.date, days).unwrap()))
                    },
                    |f, edit| f.doc.apply(edit.unwrap(), None).unwrap(),
                )
            });
        });
        let id = BenchmarkId::new(num_events.to_string(), "drag");
        group.bench_function(id, |b| {
            b.iter_custom(|iters| {
                frame.time(
                    iters,
                    |f, i| {
                        let days = if i % 2 == 0 { 1 } else { -1 };
                        Some(f.edit_of(middle, |e| e.date = shift_days(&e.date, days).unwrap()))
                    },
                    |f, edit| f.doc.apply(edit.unwrap(), Some("drag")).unwrap(),
                )
            });
        });
        frame.doc.close_merge();
        let id = BenchmarkId::new(num_events.to_string(), "undo");
        group.bench_function(id, |b| {
            b.iter_custom(|iters| {
                frame.time(
                    iters,
                    |f, i| {
                        let title = format!("Undone {i}");
                        let edit = f.edit_of(middle, |e| e.title = title.as_str().into());
                        f.doc.apply(edit, None).unwrap();
                        f.refresh();
                        None
                    },
                    |f, _| assert!(f.doc.undo().unwrap()),
                )
            });
        });
        let id = BenchmarkId::new(num_events.to_string(), "redo");
        group.bench_function(id, |b| {
            b.iter_custom(|iters| {
                frame.time(
                    iters,
                    |f, i| {
                        let title = format!("Redone {i}");
                        let edit = f.edit_of(middle, |e| e.title = title.as_str().into());
                        f.doc.apply(edit, None).unwrap();
                        assert!(f.doc.undo().unwrap());
                        f.refresh();
                        None
                    },
                    |f, _| assert!(f.doc.redo().unwrap()),
                )
            });
        });
        // An import of ten events merged and undone: the open project is neither copied
        // nor compared (issue 12, item 4), so this is the derived data's rebuild, twice.
        let id = BenchmarkId::new(num_events.to_string(), "merge_import_and_undo");
        group.bench_function(id, |b| {
            b.iter_custom(|iters| {
                frame.time(
                    iters,
                    |f, i| {
                        let (added, _, _) =
                            detente::import::merge_additions(f.doc.project(), ten_events(i));
                        Some(detente::app::edits::append_edit(
                            f.doc.project(),
                            added,
                            "import",
                        ))
                    },
                    |f, edit| {
                        f.doc.apply(edit.unwrap(), None).unwrap();
                        f.refresh();
                        assert!(f.doc.undo().unwrap());
                    },
                )
            });
        });
    }
    group.finish();
}

/// A TimelineJS import of ten events, titled with `i` so that none is a duplicate.
fn ten_events(i: u64) -> detente::import::Imported {
    let events: Vec<String> = (0..10)
        .map(|k| {
            format!(
                r#"{{"start_date":{{"year":"2024","month":"5","day":"{}"}},"text":{{"headline":"Merged {i} {k}"}}}}"#,
                k + 1
            )
        })
        .collect();
    let json = format!(r#"{{"events":[{}]}}"#, events.join(","));
    detente::import::import(
        json.as_bytes(),
        detente::import::ImportFormat::TimelineJs,
        &detente::import::ImportOptions::default(),
    )
    .unwrap()
}

criterion_group!(benches, bench_edit);
criterion_main!(benches);
