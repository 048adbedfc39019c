//! Painting ghost marks, the earlier reported dates `layout::ghost_marks` placed (and made
//! room for: the mark's own label starts after them): a faint, low box in the event's
//! colour with a thin outline, and a thin line from the mark to it. All of it is
//! axis-aligned and goes into the marks' fill mesh before the marks themselves, so ghosts
//! lie under every mark and cost no shape of their own.

use egui::{Color32, Rect, Stroke, pos2};

use super::paint::ItemPaintContext;
use crate::app::{DateDisplay, Document, list_date_text};
use crate::layout::{GhostMark, bar_height};
use crate::model::{Event, claim_known_secs};
use crate::ui::style;

// The look is shared with the image export (`layout::ghosts`).
const FILL_OPACITY: f32 = crate::layout::GHOST_FILL_OPACITY as f32;
const LINE_OPACITY: f32 = crate::layout::GHOST_LINE_OPACITY as f32;
const HEIGHT_SHARE: f32 = crate::layout::GHOST_HEIGHT_SHARE as f32;
const POINT_PX: f32 = crate::layout::GHOST_POINT_PX as f32;

pub fn paint_ghosts(cx: &ItemPaintContext<'_>, ghosts: &[GhostMark], events: &[Event]) {
    for ghost in ghosts {
        let Some(event) = events.get(ghost.event as usize) else {
            continue;
        };
        paint_ghost(cx, ghost, style::kind_color(event.kind, cx.dark_mode));
    }
}

/// One ghost in `color` (the kind's colour).
pub fn paint_ghost(cx: &ItemPaintContext<'_>, ghost: &GhostMark, color: Color32) {
    let y_mid = ghost.y as f32 + cx.row_height / 2.0;
    let half = if ghost.is_point {
        POINT_PX / 2.0
    } else {
        bar_height(f64::from(cx.row_height)) as f32 * HEIGHT_SHARE / 2.0
    };
    let x = if ghost.is_point {
        let c = ghost.x_center as f32;
        (c - POINT_PX / 2.0)..=(c + POINT_PX / 2.0)
    } else {
        ghost.x_earliest as f32..=ghost.x_latest as f32
    };
    // Cut to the canvas (a little beyond, so that no outline edge shows at the border).
    let rect =
        Rect::from_x_y_ranges(x, (y_mid - half)..=(y_mid + half)).intersect(cx.clip.expand(2.0));
    let line = Stroke::new(1.0, color.gamma_multiply(LINE_OPACITY));
    cx.meshes
        .fill_rect(rect, color.gamma_multiply(FILL_OPACITY));
    cx.meshes.stroke_inside(rect, line);
    if let Some((x0, x1)) = ghost.link {
        let (x0, x1) = (
            (x0 as f32).max(cx.clip.left()),
            (x1 as f32).min(cx.clip.right()),
        );
        if x1 > x0 {
            cx.meshes
                .straight_line(pos2(x0, y_mid), pos2(x1, y_mid), line);
        }
    }
}

/// The hover card of a ghost: which report gave this date, and what the event's date is now.
pub fn ghost_tooltip_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    ghost: &GhostMark,
    display: &DateDisplay,
) {
    let (project, lookup) = (doc.project(), doc.lookup());
    let Some(event) = project.events.get(ghost.event as usize) else {
        return;
    };
    let Some(state) = event.reported.get(ghost.state as usize) else {
        return;
    };
    ui.set_max_width(360.0);
    ui.strong(event.title.as_str());
    // The first of its claims to be known, as the history orders the reports.
    let published = state
        .claims
        .iter()
        .filter_map(|&id| lookup.claim(project, id))
        .filter_map(|c| Some((claim_known_secs(c)?, c.published.as_ref()?)))
        .min_by_key(|&(known, _)| known)
        .map_or_else(
            || "date unknown".to_owned(),
            |(_, d)| list_date_text(d, display),
        );
    let said = state
        .date
        .as_ref()
        .map(|d| list_date_text(d, display))
        .unwrap_or_default();
    let status = state.status.map(|s| format!(" ({})", s.label()));
    ui.label(format!(
        "Reported {published}: {said}{}",
        status.unwrap_or_default()
    ));
    ui.weak(format!(
        "Now: {} ({})",
        list_date_text(&event.date, display),
        event.status.label()
    ));
}
