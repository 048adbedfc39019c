//! What one frame of the whole app costs on the CPU: egui's UI pass (every panel, the
//! timeline, the filter bar) plus tessellation, at 1920×1080, on generated projects.
//!
//! - `frame_pan/N`: the timeline pans 5 px per frame (the cost while an analyst drags), with
//!   the participants table beside it. Target (issue 3): ≤ 8 ms at 1M events.
//! - `panel/<view>/100000`: a steady frame with each side panel and view showing, at 100k
//!   events (issue 4: every panel fills, sorts and filters without a visible stall).
//! - `filter/N` (100k and 1M): the frame after a text search changes, which recomputes the
//!   filter and every panel's rows.
//!
//! Rendering the triangles is the GPU's (or llvmpipe's) job and not counted here; the running
//! app's `--frame-stats` measures the whole frame. Figures in docs/PERFORMANCE.md.

#![allow(clippy::unwrap_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use detente::app::{Document, Origin};
use detente::generate::generate_project;
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

criterion_group!(benches, bench_pan, bench_panels, bench_filter_change);
criterion_main!(benches);
