//! The two-row time axis and the grid lines behind the items.

use egui::{Align2, FontId, Painter, Rect, Stroke, pos2};

use crate::layout::{TickStrength, TimeView, axis_ticks};

/// Label font size: the axis is read at a glance, so a little smaller than body text.
const LABEL_SIZE: f32 = 11.5;
/// Average character width at that size in egui's default proportional font (measured
/// ~6.3 pt for digits and lower case), rounded up so labels never touch.
const CHAR_WIDTH_PX: f64 = 6.8;
/// Fine labels at least this far apart: closer reads as a wall of digits, and at 60 pt a
/// fortnight on 1400 pt shows days ("Sat 13") rather than half days ("00:00 12:00").
const MIN_LABEL_SPACING_PX: f64 = 60.0;

/// `offset_secs`: the UTC offset of the zone dates are shown in (the settings), so that day
/// and hour ticks fall on that zone's midnights and hours.
pub fn paint_axis(
    painter: &Painter,
    view: &TimeView,
    offset_secs: f64,
    axis_rect: Rect,
    items_rect: Rect,
    visuals: &egui::Visuals,
) {
    let ticks = axis_ticks(
        &view.shifted(offset_secs),
        MIN_LABEL_SPACING_PX,
        CHAR_WIDTH_PX,
    );
    painter.rect_filled(axis_rect, 0.0, visuals.panel_fill);
    let text = visuals.text_color();
    let weak = visuals.weak_text_color();
    let grid_minor = visuals
        .widgets
        .noninteractive
        .bg_stroke
        .color
        .gamma_multiply(0.5);
    let grid_major = visuals.widgets.noninteractive.bg_stroke.color;
    let font = FontId::proportional(LABEL_SIZE);
    let row_h = axis_rect.height() / 2.0;
    let clip = axis_rect;

    for tick in &ticks.coarse {
        let x = tick.x as f32;
        if x >= clip.left() && x <= clip.right() {
            painter.line_segment(
                [pos2(x, axis_rect.top()), pos2(x, items_rect.bottom())],
                Stroke::new(1.0, grid_major),
            );
            if !tick.label.is_empty() {
                painter.text(
                    pos2(x + 4.0, axis_rect.top() + row_h / 2.0),
                    Align2::LEFT_CENTER,
                    &tick.label,
                    font.clone(),
                    text,
                );
            }
        }
    }
    if let Some(pinned) = &ticks.coarse_pinned {
        painter.text(
            pos2(pinned.x as f32 + 4.0, axis_rect.top() + row_h / 2.0),
            Align2::LEFT_CENTER,
            &pinned.label,
            font.clone(),
            text,
        );
    }
    for tick in &ticks.fine {
        let x = tick.x as f32;
        if x < clip.left() || x > clip.right() {
            continue;
        }
        let stroke = match tick.strength {
            TickStrength::Major => Stroke::new(1.0, grid_major),
            TickStrength::Minor => Stroke::new(1.0, grid_minor),
        };
        painter.line_segment(
            [
                pos2(x, axis_rect.top() + row_h),
                pos2(x, items_rect.bottom()),
            ],
            stroke,
        );
        if !tick.label.is_empty() {
            painter.text(
                pos2(x + 3.0, axis_rect.top() + row_h * 1.5),
                Align2::LEFT_CENTER,
                &tick.label,
                font.clone(),
                weak,
            );
        }
    }
    if let Some(pinned) = &ticks.fine_pinned {
        painter.text(
            pos2(pinned.x as f32 + 3.0, axis_rect.top() + row_h * 1.5),
            Align2::LEFT_CENTER,
            &pinned.label,
            font,
            weak,
        );
    }
    painter.line_segment(
        [axis_rect.left_bottom(), axis_rect.right_bottom()],
        Stroke::new(1.0, grid_major),
    );
}
