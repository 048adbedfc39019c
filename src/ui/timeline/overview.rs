//! The overview strip: the whole project's event density, with the visible window on it.
//! Click or drag it to move the view there.

use std::sync::Arc;

use egui::{Color32, Rect, Sense, Shape, Stroke, StrokeKind};

use super::state::project_range;
use crate::app::Document;
use crate::layout::TimeView;

/// Height of the strip: a histogram needs ~30 pt to show shape.
pub const OVERVIEW_HEIGHT: f32 = 40.0;
/// Bins of 3 pt: fine enough to show clusters, coarse enough to stay one small mesh.
const BIN_PX: f32 = 3.0;

pub fn overview_ui(ui: &mut egui::Ui, rect: Rect, doc: &Document, view: &mut TimeView) {
    let response = ui.interact(
        rect,
        ui.scope_id().with("overview"),
        Sense::click_and_drag(),
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ScrollBar, true, "Overview"));
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals();
    painter.rect_filled(rect, 0.0, visuals.faint_bg_color);

    // The strip spans the project with a little room on each side.
    let (a, z) = project_range(doc);
    let pad = (z - a) * 0.02;
    let strip = TimeView::new(
        f64::from(rect.left()),
        f64::from(rect.width()),
        a - pad,
        z + pad,
    );

    // The counts change only with the project and the strip's width, not as the view pans
    // or zooms, so they are kept between frames.
    let (instance, generation) = doc.revision();
    let key = (
        instance,
        generation,
        a.to_bits(),
        z.to_bits(),
        rect.width().to_bits(),
    );
    let cache_id = ui.make_persistent_id("overview_counts");
    let counts = match ui.data(|d| d.get_temp::<CountsCache>(cache_id)) {
        Some(cache) if cache.key == key => cache.counts,
        _ => {
            let counts = Arc::new(bin_counts(doc, &strip, rect));
            ui.data_mut(|d| {
                d.insert_temp(
                    cache_id,
                    CountsCache {
                        key,
                        counts: Arc::clone(&counts),
                    },
                );
            });
            counts
        }
    };
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    let color = if visuals.dark_mode {
        Color32::from_rgb(94, 156, 255)
    } else {
        Color32::from_rgb(31, 98, 204)
    }
    .gamma_multiply(0.7);
    let mut mesh = egui::Mesh::default();
    // Square root: a single event stays visible next to a peak of thousands.
    let scale = (rect.height() - 4.0) / (max as f32).sqrt();
    // A run of bins with the same count is one rectangle, drawn flush with its
    // neighbours: a long event fills many bins, and 3-pt bars with gaps read as a comb.
    let mut b = 0;
    while b < counts.len() {
        let count = counts[b];
        let run_end = b + counts[b..].iter().take_while(|&&c| c == count).count();
        if count > 0 {
            let h = ((count as f32).sqrt() * scale).max(2.0);
            let x0 = rect.left() + b as f32 * BIN_PX;
            let x1 = (rect.left() + run_end as f32 * BIN_PX).min(rect.right());
            mesh.add_colored_rect(
                Rect::from_x_y_ranges(x0..=x1, (rect.bottom() - h)..=rect.bottom()),
                color,
            );
        }
        b = run_end;
    }
    painter.add(Shape::mesh(mesh));

    // The visible window.
    let x0 = strip.x_from_time(view.start_secs) as f32;
    let x1 = strip.x_from_time(view.end_secs()) as f32;
    let window = Rect::from_x_y_ranges(
        x0.max(rect.left())..=x1.min(rect.right()).max(x0.max(rect.left()) + 2.0),
        rect.y_range(),
    );
    painter.rect_filled(window, 0.0, visuals.selection.bg_fill.gamma_multiply(0.25));
    painter.rect_stroke(
        window,
        0.0,
        Stroke::new(1.5, visuals.selection.stroke.color),
        StrokeKind::Inside,
    );
    painter.line_segment(
        [rect.left_top(), rect.right_top()],
        visuals.widgets.noninteractive.bg_stroke,
    );

    if (response.clicked() || response.dragged())
        && let Some(pos) = response.interact_pointer_pos()
    {
        // Centre the view on the time under the pointer.
        let t = strip.time_from_x(f64::from(pos.x));
        let half = view.width_px / 2.0 * view.secs_per_px;
        view.start_secs = t - half;
    }
}

/// The histogram's counts for one project and strip width (see `overview_ui`).
#[derive(Clone)]
struct CountsCache {
    key: (u64, u64, u64, u64, u32),
    counts: Arc<Vec<usize>>,
}

/// How many events overlap each 3-pt bin of the strip.
fn bin_counts(doc: &Document, strip: &TimeView, rect: Rect) -> Vec<usize> {
    let num_bins = (rect.width() / BIN_PX).ceil().max(1.0) as usize;
    let mut counter = doc.index().overlap_counter();
    (0..num_bins)
        .map(|b| {
            let x0 = f64::from(rect.left() + b as f32 * BIN_PX);
            let t0 = strip.time_from_x(x0) as i64;
            let t1 = strip.time_from_x(x0 + f64::from(BIN_PX)) as i64;
            counter.count(t0, t1)
        })
        .collect()
}
