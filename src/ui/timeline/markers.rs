//! Vertical markers (the report date, today) and named periods as background bands.

use egui::{Color32, FontId, Painter, Rect, Stroke, pos2};

use super::state::now_secs;
use crate::app::Document;
use crate::export::palette;
use crate::layout::TimeView;
use crate::ui::style;

/// Periods are tinted this much: enough to see the band, not enough to fight the items.
const PERIOD_ALPHA: f32 = 0.10;

/// The strip at the top of the items kept for the periods' names when the project has
/// periods: the names are 11-pt text 2 pt below the top (about 13 pt tall), so 15 pt keeps
/// the first row of marks and counted clusters clear of them (they were drawn under it).
pub const PERIOD_NAMES_HEIGHT: f32 = 15.0;

/// Named periods of the project behind everything else, with their names at the top.
pub fn paint_periods(
    painter: &Painter,
    view: &TimeView,
    doc: &Document,
    items_rect: Rect,
    visuals: &egui::Visuals,
) {
    for period in &doc.project().periods {
        let Ok(bounds) = period.date.bounds() else {
            continue;
        };
        let x0 = view.x_from_time(bounds.earliest_secs as f64) as f32;
        let x1 = view.x_from_time(bounds.latest_secs as f64) as f32;
        let band = Rect::from_x_y_ranges(x0..=x1, items_rect.y_range()).intersect(items_rect);
        if band.width() <= 0.0 {
            continue;
        }
        let color = period
            .color
            .as_deref()
            .and_then(style::parse_hex_color)
            .unwrap_or(visuals.selection.bg_fill);
        painter.rect_filled(band, 0.0, color.gamma_multiply(PERIOD_ALPHA));
        let galley = painter.layout_no_wrap(
            period.name.clone(),
            FontId::proportional(11.0),
            visuals.weak_text_color(),
        );
        if galley.size().x < band.width() - 4.0 {
            painter.galley(
                pos2(band.left() + 3.0, items_rect.top() + 2.0),
                galley,
                visuals.weak_text_color(),
            );
        }
    }
}

/// The report date and today, as vertical lines labelled at the bottom of the items.
pub fn paint_markers(
    painter: &Painter,
    view: &TimeView,
    doc: &Document,
    items_rect: Rect,
    visuals: &egui::Visuals,
) {
    // Returns where the label went, so that a second label close by can step above it
    // (zoomed out, the report date and today are a pixel or two apart).
    let marker = |secs: f64, label: &str, color: Color32, avoid: Option<Rect>| -> Option<Rect> {
        let x = view.x_from_time(secs) as f32;
        if x < items_rect.left() || x > items_rect.right() {
            return None;
        }
        painter.line_segment(
            [pos2(x, items_rect.top()), pos2(x, items_rect.bottom())],
            Stroke::new(1.5, color),
        );
        let galley = painter.layout_no_wrap(label.to_owned(), FontId::proportional(11.0), color);
        let mut at = pos2(
            (x + 3.0).min(items_rect.right() - galley.size().x - 2.0),
            items_rect.bottom() - galley.size().y - 2.0,
        );
        if let Some(other) = avoid
            && Rect::from_min_size(at, galley.size())
                .expand(2.0)
                .intersects(other)
        {
            at.y = other.top() - galley.size().y - 3.0;
        }
        let rect = Rect::from_min_size(at, galley.size());
        painter.rect_filled(rect.expand(1.0), 2.0, visuals.extreme_bg_color);
        painter.galley(at, galley, color);
        Some(rect.expand(1.0))
    };
    let mut report_label = None;
    if let Some(reference) = &doc.project().reference_date
        && let Ok(bounds) = reference.bounds()
    {
        let color = style::rgb(palette::reference_rgb(visuals.dark_mode));
        // The middle of the reference day: a line at its start would read as "the day before".
        let mid = f64::midpoint(bounds.earliest_secs as f64, bounds.latest_secs as f64);
        report_label = marker(
            mid,
            &format!("report {}", reference.edtf_text()),
            color,
            None,
        );
    }
    let today_color = style::rgb(palette::today_rgb(visuals.dark_mode));
    marker(now_secs() as f64, "today", today_color, report_label);
}
