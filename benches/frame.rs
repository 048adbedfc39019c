//! What one frame of the whole app costs on the CPU: egui's UI pass (every panel, the
//! timeline, the filter bar) plus tessellation, at 1920×1080, on generated projects.
//!
//! - `frame_pan/N`: the timeline pans 5 px per frame (the cost while an analyst drags), with
//!   the participants table beside it. Target (issue 3): ≤ 8 ms at 1M events.
//! - `panel/<view>/100000`: a steady frame with each side panel and view showing, at 100k
//!   events (issue 4: every panel fills, sorts and filters without a visible stall).
//! - `filter/N` (100k and 1M): the frame after a text search changes, which recomputes the
//!   filter and every panel's rows.
//! - `filter_text/<needle>/1000000`: the filter alone (`query::apply_filter`, no frame) for
//!   a text search, on a generated project where every tenth title names a place with an
//!   accent ("… in Genève"): what folding accents and case costs over a million events.
//!   `talks` is an ASCII needle most titles miss or hit early, `geneve` one that only the
//!   folded accented titles match.
//! - `frame_zoom/N/{aggregated,every_mark}` (1k, 10k, 100k, 1M, and 10k grouped by
//!   participant and by location: `10000_by_participant`): a steady frame at the
//!   project's worst zoom, found first by sweeping the visible span from a day to the whole
//!   project and counting the triangles the frame hands the renderer (the sweep is printed;
//!   on llvmpipe they cost more than the UI pass). Target (issue 12): ≤ 8 ms at every size.
//!   `every_mark` is the layout from before crowded stretches were counted as clusters, at
//!   its own worst zoom, in the same run.
//!
//! Rendering the triangles is the GPU's (or llvmpipe's) job and not counted here; the running
//! app's `--frame-stats` measures the whole frame. Figures in docs/PERFORMANCE.md.

#![allow(clippy::unwrap_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use detente::app::{Document, Origin};
use detente::generate::generate_project;
use detente::layout::{LaneMode, TimeView};
use detente::model::Filter;
use detente::query::{ClaimIndex, apply_filter};
use detente::ui::DetenteApp;
use detente::ui::panels::{ParticipantsView, PositionsView, SideTab};

const SIZE: egui::Vec2 = egui::vec2(1920.0, 1080.0);

fn app_with(num_events: usize) -> DetenteApp {
    let project = generate_project(num_events, 1);
    DetenteApp::from_document(Document::new(project, Origin::Untitled))
}

fn input(time_secs: f64) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SIZE)),
        time: Some(time_secs),
        ..Default::default()
    }
}

/// One frame: the UI pass, then tessellation as eframe does it.
fn frame(ctx: &egui::Context, app: &mut DetenteApp, time_secs: f64) -> usize {
    let output = ctx.run_ui(input(time_secs), |ui| app.ui(ui));
    let meshes = ctx.tessellate(output.shapes, output.pixels_per_point);
    meshes.len()
}

/// A context with the app's fonts installed and a few frames run, so that fonts are
/// rasterised and caches are warm, as after the first second of a real session.
fn warm(app: &mut DetenteApp) -> egui::Context {
    let ctx = egui::Context::default();
    for i in 0..5 {
        frame(&ctx, app, f64::from(i) / 60.0);
    }
    ctx
}

fn bench_pan(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame_pan");
    group.sample_size(20);
    for num_events in [1_000, 100_000, 1_000_000] {
        let mut app = app_with(num_events);
        let ctx = warm(&mut app);
        let mut t = 1.0;
        let mut dx = 5.0;
        group.bench_function(num_events.to_string(), |b| {
            b.iter(|| {
                t += 1.0 / 60.0;
                if let Some(view) = app.timeline_mut().view_mut() {
                    // Back and forth, so the view stays over the data.
                    view.pan_px(dx);
                }
                dx = -dx;
                black_box(frame(&ctx, &mut app, t))
            });
        });
    }
    group.finish();
}

/// Puts a panel into one of its views.
type SetView = fn(&mut DetenteApp);

fn bench_panels(c: &mut Criterion) {
    let num_events = 100_000;
    let mut app = app_with(num_events);
    let ctx = warm(&mut app);
    let mut group = c.benchmark_group("panel");
    group.sample_size(20);
    let views: [(&str, SideTab, SetView); 7] = [
        ("participants_table", SideTab::Participants, |a| {
            a.panels_mut().participants.view = ParticipantsView::Table;
        }),
        ("participants_tree", SideTab::Participants, |a| {
            a.panels_mut().participants.view = ParticipantsView::Tree;
        }),
        ("who_met_whom", SideTab::Participants, |a| {
            a.panels_mut().participants.view = ParticipantsView::WhoMetWhom;
        }),
        ("locations", SideTab::Locations, |_| {}),
        ("positions_list", SideTab::Positions, |a| {
            a.panels_mut().positions.view = PositionsView::List;
        }),
        ("stances_over_time", SideTab::Positions, |a| {
            a.panels_mut().positions.view = PositionsView::OverTime;
        }),
        ("sources", SideTab::Sources, |_| {}),
    ];
    let mut t = 1.0;
    for (name, tab, set_view) in views {
        app.set_side_tab(tab);
        set_view(&mut app);
        // The first frame of a view builds its caches; what is timed is every frame after.
        frame(&ctx, &mut app, t);
        group.bench_function(format!("{name}/{num_events}"), |b| {
            b.iter(|| {
                t += 1.0 / 60.0;
                black_box(frame(&ctx, &mut app, t))
            });
        });
    }
    group.finish();
}

fn bench_filter_change(c: &mut Criterion) {
    let mut group = c.benchmark_group("filter");
    group.sample_size(10);
    for num_events in [100_000, 1_000_000] {
        let mut app = app_with(num_events);
        let ctx = warm(&mut app);
        let mut t = 1.0;
        let mut flip = false;
        group.bench_function(num_events.to_string(), |b| {
            b.iter(|| {
                t += 1.0 / 60.0;
                flip = !flip;
                // Two searches in turn, so that every frame's filter differs from the last.
                let mut filter = app.filter().clone();
                (if flip { "talks" } else { "summit" }).clone_into(&mut filter.text);
                app.set_filter(filter);
                black_box(frame(&ctx, &mut app, t))
            });
        });
    }
    group.finish();
}

fn bench_text_filter(c: &mut Criterion) {
    let mut group = c.benchmark_group("filter_text");
    group.sample_size(10);
    let num_events = 1_000_000;
    let mut project = generate_project(num_events, 1);
    // One title in ten with an accented place: real headlines carry "Genève", "Zürich",
    // "Kyïv" and typographic dashes, which the ASCII fast path cannot take.
    for event in project.events.iter_mut().step_by(10) {
        event.title = format!("{} in Genève", event.title).into();
    }
    let lookup = project.lookup();
    let claims = ClaimIndex::new(&project, &lookup);
    for needle in ["talks", "geneve"] {
        let filter = Filter {
            text: needle.into(),
            ..Filter::default()
        };
        group.bench_function(format!("{needle}/{num_events}"), |b| {
            b.iter(|| black_box(apply_filter(&project, &lookup, &claims, &filter)));
        });
    }
    group.finish();
}

/// Triangles and vertices the frame hands the renderer: on a software renderer (llvmpipe)
/// the GPU side of the frame grows with them, so the sweep looks for the most.
fn frame_geometry(ctx: &egui::Context, app: &mut DetenteApp, time_secs: f64) -> (usize, usize) {
    let output = ctx.run_ui(input(time_secs), |ui| app.ui(ui));
    let meshes = ctx.tessellate(output.shapes, output.pixels_per_point);
    meshes
        .iter()
        .filter_map(|m| match &m.primitive {
            egui::epaint::Primitive::Mesh(mesh) => {
                Some((mesh.indices.len() / 3, mesh.vertices.len()))
            }
            egui::epaint::Primitive::Callback(_) => None,
        })
        .fold((0, 0), |(t, v), (mt, mv)| (t + mt, v + mv))
}

/// Sets the visible span to `span_secs` around the project's middle, keeping the canvas.
fn show_span(app: &mut DetenteApp, middle_secs: f64, span_secs: f64) {
    if let Some(view) = app.timeline_mut().view_mut() {
        *view = TimeView::new(
            view.min_x,
            view.width_px,
            middle_secs - span_secs / 2.0,
            middle_secs + span_secs / 2.0,
        );
    }
}

/// The spans (from one day, in steps of √2, to the whole project) whose frames hand the
/// renderer the most triangles, with crowded stretches counted and with every mark; the sweep
/// is printed. Returns the middle of the project and the two spans.
fn worst_spans(ctx: &egui::Context, app: &mut DetenteApp, case: &str) -> (f64, f64, f64) {
    const DAY_SECS: f64 = 86_400.0;
    let fitted = *app.timeline().view().unwrap();
    let (start, end) = (fitted.start_secs, fitted.end_secs());
    let middle = f64::midpoint(start, end);
    let mut spans: Vec<f64> = std::iter::successors(Some(DAY_SECS), |s| Some(s * 2_f64.sqrt()))
        .take_while(|&s| s < end - start)
        .collect();
    spans.push(end - start);
    let mut worst = (0, end - start);
    let mut worst_every_mark = (0, end - start);
    let mut t = 100.0;
    for &span in &spans {
        let mut row = format!("sweep {case:>22}, {:>7.1} days:", span / DAY_SECS);
        for every_mark in [true, false] {
            app.timeline_mut().set_every_mark(every_mark);
            show_span(app, middle, span);
            // Two frames: the first may still lay out the previous span's lanes.
            t += 1.0 / 60.0;
            frame(ctx, app, t);
            t += 1.0 / 60.0;
            let started = std::time::Instant::now();
            let (triangles, vertices) = frame_geometry(ctx, app, t);
            let ms = started.elapsed().as_secs_f64() * 1e3;
            row += &format!(
                "  {}: {triangles:>6} triangles, {vertices:>6} vertices, {ms:5.1} ms",
                if every_mark {
                    "every_mark"
                } else {
                    "aggregated"
                }
            );
            let worst = if every_mark {
                &mut worst_every_mark
            } else {
                &mut worst
            };
            if triangles > worst.0 {
                *worst = (triangles, span);
            }
        }
        eprintln!("{row}");
    }
    app.timeline_mut().set_every_mark(false);
    (middle, worst.1, worst_every_mark.1)
}

/// The projects and groupings `frame_zoom` sweeps: each size in one lane, and 10k events
/// grouped by participant (20 lanes of actors) and by location (10 lanes of places), whose
/// many lanes each draw their own marks, clusters and density.
const ZOOM_CASES: [(usize, LaneMode); 6] = [
    (1_000, LaneMode::None),
    (10_000, LaneMode::None),
    (100_000, LaneMode::None),
    (1_000_000, LaneMode::None),
    (10_000, LaneMode::Participant),
    (10_000, LaneMode::Location),
];

fn bench_zoom(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame_zoom");
    group.sample_size(20);
    for (num_events, mode) in ZOOM_CASES {
        let mut app = app_with(num_events);
        app.timeline_mut().set_mode(mode);
        let ctx = warm(&mut app);
        let case = match mode {
            LaneMode::None => num_events.to_string(),
            _ => format!("{num_events}_by_{}", mode.label().to_lowercase()),
        };
        let (middle, worst, worst_every_mark) = worst_spans(&ctx, &mut app, &case);
        eprintln!(
            "worst zoom at {case}: {:.0} days ({:.0} days with every mark)",
            worst / 86_400.0,
            worst_every_mark / 86_400.0
        );
        let mut t = 1_000.0;
        // Each layout at its own worst zoom.
        for (every_mark, span) in [(false, worst), (true, worst_every_mark)] {
            app.timeline_mut().set_every_mark(every_mark);
            show_span(&mut app, middle, span);
            let name = if every_mark {
                "every_mark"
            } else {
                "aggregated"
            };
            group.bench_function(format!("{case}/{name}"), |b| {
                b.iter(|| {
                    t += 1.0 / 60.0;
                    black_box(frame(&ctx, &mut app, t))
                });
            });
        }
    }
    group.finish();
}

// `bench_text_filter` first: it needs no egui context, so `-- filter_text` runs it before
// the others build their apps.
criterion_group!(
    benches,
    bench_text_filter,
    bench_pan,
    bench_panels,
    bench_filter_change,
    bench_zoom
);
criterion_main!(benches);
