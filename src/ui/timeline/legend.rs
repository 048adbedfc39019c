//! The legend: kinds, statuses and kinds of uncertainty, drawn with the canvas's own painter
//! code so that it always matches what the timeline shows.

use egui::{FontId, Rect, pos2, vec2};

use super::mark_mesh::MarkMeshes;
use super::paint::{ItemPaintContext, MarkState, paint_item};
use crate::layout::{ItemMark, certain_span};
use crate::model::{DateSpec, Event, EventKind, EventStatus};

/// Size of the legend box: two columns of eight rows, with room for the headings, the date
/// samples and the row of earlier reported dates.
pub const LEGEND_SIZE: egui::Vec2 = vec2(430.0, 300.0);
/// Height of the narrow legend, whose six date samples run down one column: three rows
/// more than the wide one.
const NARROW_HEIGHT: f32 = 360.0;
const SAMPLE_WIDTH: f32 = 44.0;

/// The legend's size in `available` room: [`LEGEND_SIZE`], or where the canvas is narrower
/// (a 1024-point window leaves it about 300), a narrow legend whose date samples stand in
/// one column, as their labels ("some time within (2025-12)") overran the second column.
pub fn legend_size(available: egui::Vec2) -> egui::Vec2 {
    if available.x >= LEGEND_SIZE.x {
        LEGEND_SIZE.min(available)
    } else {
        vec2(available.x, NARROW_HEIGHT).min(available)
    }
}
const LINE: f32 = 20.0;

fn sample_event(kind: EventKind, status: EventStatus, edtf: &str) -> Option<Event> {
    Some(Event::new(
        "legend",
        "",
        kind,
        status,
        DateSpec::parse(edtf).ok()?,
    ))
}

/// A sample mark of `event` `SAMPLE_WIDTH` wide at `(x, y)`: all core when its date has a
/// certain part (by the rule the timeline draws with), "somewhere within" otherwise.
fn sample_mark(x: f32, y: f32, point: bool, event: &Event) -> ItemMark {
    let (x0, x1) = (f64::from(x), f64::from(x + SAMPLE_WIDTH));
    let certain = event
        .date
        .bounds()
        .ok()
        .and_then(|b| certain_span(&b))
        .is_some();
    ItemMark {
        event: 0,
        row: 0,
        y: f64::from(y),
        x_earliest: x0,
        x_latest: x1,
        core_x: certain.then_some((x0, x1)),
        is_point: point,
        x_center: f64::midpoint(x0, x1),
        label_x: 0.0,
        label_max_width: 0.0,
    }
}

/// The legend in `rect`. With `show_ghosts`, its last row is the toggle of the earlier
/// reported dates (ghost marks); without (the getting-started page), only their sample.
pub fn legend_ui(ui: &mut egui::Ui, rect: Rect, show_ghosts: Option<&mut bool>) {
    let visuals = ui.visuals().clone();
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 6.0, visuals.window_fill);
    painter.rect_stroke(rect, 6.0, visuals.window_stroke, egui::StrokeKind::Inside);
    let meshes = MarkMeshes::reserve(&painter);
    let cx = ItemPaintContext {
        painter: &painter,
        meshes: &meshes,
        clip: rect,
        row_height: LINE,
        dark_mode: visuals.dark_mode,
        text_color: visuals.text_color(),
        canvas_color: visuals.window_fill,
        selection_color: visuals.selection.stroke.color,
        font: FontId::proportional(12.0),
        px_per_day: SAMPLE_WIDTH / 2.0,
    };
    let text = |x: f32, y: f32, s: &str| {
        painter.text(
            pos2(x, y + LINE / 2.0),
            egui::Align2::LEFT_CENTER,
            s,
            FontId::proportional(12.0),
            visuals.text_color(),
        );
    };
    let heading = |x: f32, y: f32, s: &str| {
        painter.text(
            pos2(x, y + LINE / 2.0),
            egui::Align2::LEFT_CENTER,
            s,
            FontId::proportional(12.0),
            visuals.strong_text_color(),
        );
    };
    let left = rect.left() + 10.0;
    let mid = rect.left() + rect.width() / 2.0 + 4.0;
    let mut y = rect.top() + 6.0;
    heading(left, y, "Kinds");
    heading(mid, y, "Statuses");
    y += LINE;
    for (i, kind) in EventKind::ALL.iter().enumerate() {
        let row_y = y + i as f32 * LINE;
        if let Some(event) = sample_event(*kind, EventStatus::Held, "2025-12-13") {
            paint_item(
                &cx,
                &sample_mark(left, row_y, true, &event),
                &event,
                MarkState::default(),
            );
        }
        text(left + SAMPLE_WIDTH + 6.0, row_y, kind.label());
    }
    for (i, status) in EventStatus::ALL.iter().enumerate() {
        let row_y = y + i as f32 * LINE;
        if let Some(event) = sample_event(EventKind::Meeting, *status, "2025-12-13/2025-12-14") {
            // Short enough that the postponed chevrons (10 points) end before the text, as
            // in the image's legend.
            let mut mark = sample_mark(mid, row_y, false, &event);
            mark.x_latest -= 10.0;
            mark.core_x = Some((mark.x_earliest, mark.x_latest));
            paint_item(&cx, &mark, &event, MarkState::default());
        }
        text(mid + SAMPLE_WIDTH + 6.0, row_y, status.label());
    }
    y += 8.0 * LINE + 4.0;
    heading(left, y, "Dates (all held)");
    y += LINE;
    // A full bar is the time the event certainly took; a slim one between brackets says it
    // took place somewhere within them.
    let samples = [
        ("2025-12-13", "certain (a day, days)"),
        ("2025-12", "some time within (2025-12)"),
        ("2025-12~", "approximate (~)"),
        ("2025-12?", "uncertain (?)"),
        ("/2025-12-18", "start unknown (/date)"),
        ("2025-12-18/..", "open end (date/..)"),
    ];
    let rows = if rect.width() < LEGEND_SIZE.x { 6 } else { 3 };
    for (i, (edtf, label)) in samples.iter().enumerate() {
        let x = if i < rows { left } else { mid };
        let row_y = y + (i % rows) as f32 * LINE;
        if let Some(event) = sample_event(EventKind::Meeting, EventStatus::Held, edtf) {
            paint_item(
                &cx,
                &sample_mark(x, row_y, false, &event),
                &event,
                MarkState::default(),
            );
        }
        text(x + SAMPLE_WIDTH + 6.0, row_y, label);
    }
    y += rows as f32 * LINE + 4.0;
    ghost_sample(&cx, left, y);
    let label_x = left + SAMPLE_WIDTH + 6.0;
    match show_ghosts {
        Some(show) => {
            let toggle =
                Rect::from_min_max(pos2(label_x - 2.0, y), pos2(rect.right() - 6.0, y + LINE));
            let layout = egui::Layout::left_to_right(egui::Align::Center);
            let changed = ui
                .scope_builder(
                    egui::UiBuilder::new().max_rect(toggle).layout(layout),
                    |ui| ui.checkbox(show, GHOSTS_LABEL).on_hover_text(GHOSTS_HOVER),
                )
                .inner
                .changed();
            if changed {
                ui.ctx().request_repaint();
            }
        }
        None => text(label_x, y, GHOSTS_LABEL),
    }
    meshes.finish(&painter);
}

const GHOSTS_LABEL: &str = "Earlier reported dates";
const GHOSTS_HOVER: &str = "Faint marks where earlier reports placed an event, linked to its \
    current date (the event's details show its whole history)";

/// The ghost row's sample: a ghost of the days before, linked to a held mark.
fn ghost_sample(cx: &ItemPaintContext<'_>, x: f32, y: f32) {
    let Some(event) = sample_event(EventKind::Meeting, EventStatus::Held, "2025-12-13") else {
        return;
    };
    let third = SAMPLE_WIDTH / 3.0;
    let ghost = crate::layout::GhostMark {
        event: 0,
        state: 0,
        y: f64::from(y),
        x_earliest: f64::from(x),
        x_latest: f64::from(x + third),
        is_point: false,
        x_center: f64::from(x + third / 2.0),
        link: Some((f64::from(x + third), f64::from(x + 2.0 * third))),
    };
    let color = crate::ui::style::kind_color(event.kind, cx.dark_mode);
    super::ghosts::paint_ghost(cx, &ghost, color);
    let mut mark = sample_mark(x + 2.0 * third, y, false, &event);
    mark.x_latest = f64::from(x + SAMPLE_WIDTH);
    mark.x_center = f64::midpoint(mark.x_earliest, mark.x_latest);
    mark.core_x = Some((mark.x_earliest, mark.x_latest));
    paint_item(cx, &mark, &event, MarkState::default());
}
