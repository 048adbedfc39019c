//! The overview strip: the density of the events the filter shows, over the whole project's
//! (faint) when the filter hides some, with the visible window on it. Click or drag it to
//! move the view there.

use std::sync::Arc;

use egui::{Color32, Rect, Sense, Shape, Stroke, StrokeKind};

use super::state::project_range;
use crate::app::{Document, FilteredView};
use crate::layout::{EventIndex, TimeView};
use crate::model::count;

/// Height of the strip: a histogram needs ~30 pt to show shape.
pub const OVERVIEW_HEIGHT: f32 = 40.0;
/// Bins of 3 pt: fine enough to show clusters, coarse enough to stay one small mesh.
const BIN_PX: f32 = 3.0;

pub fn overview_ui(
    ui: &mut egui::Ui,
    rect: Rect,
    doc: &Document,
    filtered: &FilteredView,
    view: &mut TimeView,
) {
    let response = ui.interact(
        rect,
        ui.scope_id().with("overview"),
        Sense::click_and_drag(),
    );
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

    // The counts change only with the project, the filter and the strip's width, not as the
    // view pans or zooms, so they are kept between frames.
    let (instance, generation) = doc.revision();
    let key = (
        instance,
        generation,
        filtered.generation(),
        a.to_bits(),
        z.to_bits(),
        rect.width().to_bits(),
    );
    let cache_id = ui.make_persistent_id("overview_counts");
    let cache = match ui.data(|d| d.get_temp::<CountsCache>(cache_id)) {
        Some(cache) if cache.key == key => cache,
        _ => {
            let all = bin_counts(doc.index(), &strip, rect);
            let shown = (!filtered.filter.is_empty()).then(|| filtered.event_index(doc));
            let cache = CountsCache {
                key,
                all: Arc::new(all),
                shown: shown.map(|index| Arc::new(bin_counts(index, &strip, rect))),
                shown_events: shown.map(EventIndex::num_indexed),
            };
            ui.data_mut(|d| d.insert_temp(cache_id, cache.clone()));
            cache
        }
    };
    // Says what the bars count: the screen reader hears what the eye sees.
    let total = doc.index().num_indexed();
    let what = match cache.shown_events {
        Some(shown) => format!("{shown} shown, {total} in all"),
        None => count(total, "event", "events"),
    };
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::ScrollBar, true, format!("Overview: {what}"))
    });
    // One scale for both, the project's peak: what the filter shows reads as the part of
    // the whole that it is.
    let max = cache.all.iter().copied().max().unwrap_or(0).max(1);
    let color = if visuals.dark_mode {
        Color32::from_rgb(94, 156, 255)
    } else {
        Color32::from_rgb(31, 98, 204)
    };
    let mut mesh = egui::Mesh::default();
    match &cache.shown {
        Some(shown) => {
            // What the filter hides stays faintly behind what it shows.
            add_bars(&mut mesh, &cache.all, max, rect, color.gamma_multiply(0.2));
            add_bars(&mut mesh, shown, max, rect, color.gamma_multiply(0.85));
        }
        None => add_bars(&mut mesh, &cache.all, max, rect, color.gamma_multiply(0.7)),
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

/// The histograms for one project, filter and strip width (see `overview_ui`).
#[derive(Clone)]
struct CountsCache {
    key: (u64, u64, u64, u64, u64, u32),
    /// Every event's.
    all: Arc<Vec<usize>>,
    /// The passing events', when the filter hides any.
    shown: Option<Arc<Vec<usize>>>,
    /// How many events that one counts.
    shown_events: Option<usize>,
}

/// One histogram's bars, in `mesh`, scaled so that `max` fills the strip.
fn add_bars(mesh: &mut egui::Mesh, counts: &[usize], max: usize, rect: Rect, color: Color32) {
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
}

/// How many events of `index` overlap each 3-pt bin of the strip.
fn bin_counts(index: &EventIndex, strip: &TimeView, rect: Rect) -> Vec<usize> {
    let num_bins = (rect.width() / BIN_PX).ceil().max(1.0) as usize;
    let mut counter = index.overlap_counter();
    (0..num_bins)
        .map(|b| {
            let x0 = f64::from(rect.left() + b as f32 * BIN_PX);
            let t0 = strip.time_from_x(x0) as i64;
            let t1 = strip.time_from_x(x0 + f64::from(BIN_PX)) as i64;
            counter.count(t0, t1)
        })
        .collect()
}
