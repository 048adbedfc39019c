//! What one timeline frame costs to lay out: the draw list (marks, crowded stretches as
//! counted chips, or the density histogram) and the axis ticks for a 1920-px-wide canvas,
//! on generated projects of 1k, 100k and 1M events, at every zoom level from the whole
//! project down to one hour. The layout is `build_lanes_draw_list_aggregated`, which the
//! app's timeline and the image export (SVG, PNG) both draw; painting is not included (the
//! app's whole frame is `benches/frame.rs`).
//!
//! The target: ≤ 4 ms per frame at 1M events at every zoom level.
//! `cargo bench --bench draw_list`; figures in docs/PERFORMANCE.md.

#![allow(clippy::unwrap_used)]

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use detente::generate::generate_project;
use detente::layout::{
    EventIndex, LaneLayoutParams, LaneMode, LaneSort, TimeView, axis_ticks, build_lanes,
    build_lanes_draw_list_aggregated,
};
use detente::model::Project;

/// A full-HD window's timeline: the canvas is the window less the side panels (~1920 px wide
/// when they are hidden, which is the worst case: most time visible, most items).
const WIDTH_PX: f64 = 1920.0;
/// The items area of a 1080-px window below the toolbar, overview and axis.
const HEIGHT_PX: f64 = 860.0;

const HOUR_SECS: f64 = 3_600.0;
const DAY_SECS: f64 = 24.0 * HOUR_SECS;

/// Visible spans from "all" down to one hour; `None` is the whole project.
const ZOOMS: [(&str, Option<f64>); 7] = [
    ("all", None),
    ("10y", Some(3_652.0 * DAY_SECS)),
    ("1y", Some(365.0 * DAY_SECS)),
    ("1month", Some(30.0 * DAY_SECS)),
    ("1week", Some(7.0 * DAY_SECS)),
    ("1day", Some(DAY_SECS)),
    ("1hour", Some(HOUR_SECS)),
];

/// What the UI passes (src/ui/timeline/mod.rs): 24-pt rows, 2,000 items at most.
fn params(mode: LaneMode) -> LaneLayoutParams {
    LaneLayoutParams {
        top_y: 0.0,
        height: HEIGHT_PX,
        row_height: 24.0,
        lane_gap: if mode == LaneMode::None { 4.0 } else { 6.0 },
        scroll_y: 0.0,
        label_char_width: 7.0,
        max_items: 2_000,
    }
}

/// The view for a zoom level, centred on the middle of the project (where the generator
/// puts the most events, so the densest case).
fn view_for(index: &EventIndex, span_secs: Option<f64>) -> TimeView {
    let (start, end) = index.time_range().unwrap();
    let (start, end) = (start as f64, end as f64);
    match span_secs {
        None => TimeView::new(0.0, WIDTH_PX, start, end),
        Some(span) => {
            let mid = f64::midpoint(start, end);
            TimeView::new(0.0, WIDTH_PX, mid - span / 2.0, mid + span / 2.0)
        }
    }
}

fn frame(project: &Project, lanes: &[detente::layout::Lane], mode: LaneMode, view: &TimeView) {
    let order: Vec<usize> = (0..lanes.len()).collect();
    let collapsed = vec![false; lanes.len()];
    let list = build_lanes_draw_list_aggregated(
        lanes,
        &order,
        &collapsed,
        mode,
        &project.events,
        view,
        &params(mode),
    );
    // The axis of src/ui/timeline/axis.rs: labels 60 px apart at least, 6.8-px characters.
    let ticks = axis_ticks(view, 60.0, 6.8);
    black_box((list, ticks));
}

fn bench_draw_list(c: &mut Criterion) {
    for num_events in [1_000, 100_000, 1_000_000] {
        let project = generate_project(num_events, 1);
        for mode in [LaneMode::None, LaneMode::Participant] {
            let lanes = build_lanes(&project, mode, LaneSort::Count, &[]);
            let index = EventIndex::build(&project.events);
            let mut group = c.benchmark_group(format!("draw_list/{mode:?}/{num_events}"));
            group.sample_size(if num_events >= 1_000_000 { 20 } else { 50 });
            for (name, span) in ZOOMS {
                let view = view_for(&index, span);
                group.bench_function(BenchmarkId::from_parameter(name), |b| {
                    b.iter(|| frame(&project, &lanes, mode, &view));
                });
            }
            group.finish();
        }
    }
}

criterion_group!(benches, bench_draw_list);
criterion_main!(benches);
