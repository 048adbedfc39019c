//! Stances over time for one issue: a lane per holder, a segment per reported position,
//! coloured by stance, so that shifts and convergence between actors show.

use egui::{FontId, Rect, Sense, Stroke, pos2, vec2};

use super::PanelContext;
use crate::app::Selected;
use crate::layout::{TimeView, axis_ticks};
use crate::model::{Id, SECS_PER_DAY};
use crate::query::{StanceLane, StanceSegment, stance_lanes};
use crate::ui::actions::Action;
use crate::ui::style;

/// Lane height: a 14-pt bar and its gap.
const LANE_HEIGHT: f32 = 22.0;
/// Room for holders' names on the left.
const NAME_WIDTH: f32 = 110.0;
const AXIS_HEIGHT: f32 = 18.0;
/// A stance still held is drawn on for this long past the last report, fading: a week says
/// "as far as we know" without claiming the future.
const OPEN_TAIL_SECS: f64 = 7.0 * SECS_PER_DAY as f64;

pub fn stance_chart_ui(
    ui: &mut egui::Ui,
    cx: &PanelContext<'_>,
    issue: Id,
    actions: &mut Vec<Action>,
) {
    let project = cx.doc.project();
    let lanes = stance_lanes(project, issue, &cx.filtered.result.positions);
    if lanes.is_empty() {
        ui.weak("No dated positions on this issue.");
        return;
    }
    let (t0, t1) = time_range(&lanes);

    let width = ui.available_width().max(200.0);
    let height = AXIS_HEIGHT + LANE_HEIGHT * lanes.len() as f32;
    let (rect, response) = ui.allocate_exact_size(vec2(width, height), Sense::click());
    response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, "Stances over time"));
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals().clone();
    let plot = Rect::from_min_max(
        pos2(rect.left() + NAME_WIDTH, rect.top() + AXIS_HEIGHT),
        rect.max,
    );
    let view = TimeView::new(f64::from(plot.left()), f64::from(plot.width()), t0, t1);
    painter.rect_filled(plot, 2.0, visuals.extreme_bg_color);
    paint_axis(&painter, &visuals, rect, plot, &view);
    let pointer = response.hover_pos();
    let mut hovered: Option<(Id, String)> = None;
    let mut hovered_name: Option<&str> = None;
    for (row, lane) in lanes.iter().enumerate() {
        let y = plot.top() + row as f32 * LANE_HEIGHT;
        let name = cx.doc.lookup().name_of(project, lane.holder);
        let name_rect = paint_holder_name(&painter, &visuals, rect.left(), y, name);
        if pointer.is_some_and(|p| name_rect.contains(p)) {
            hovered_name = Some(name);
        }
        for segment in &lane.segments {
            let selected = cx.selection.contains(&Selected::Position(segment.position));
            let bar = paint_segment(&painter, &visuals, &view, segment, y, selected);
            if pointer.is_some_and(|p| bar.expand(2.0).contains(p)) {
                hovered = Some((
                    segment.position,
                    format!("{name}: {}", segment.stance.label()),
                ));
            }
        }
    }
    if let Some((position, text)) = hovered {
        if response.clicked() {
            actions.push(Action::Select(Selected::Position(position)));
        }
        response.on_hover_text_at_pointer(text);
    } else if let Some(name) = hovered_name {
        response.on_hover_text_at_pointer(name);
    }
}

/// The time range to show: the span of the reports, with the open tail, at least two weeks
/// wide, and 5% of room on either side.
fn time_range(lanes: &[StanceLane]) -> (f64, f64) {
    let first = lanes
        .iter()
        .flat_map(|l| l.segments.iter())
        .map(|s| s.from_secs)
        .min()
        .unwrap_or(0) as f64;
    let last = lanes
        .iter()
        .flat_map(|l| l.segments.iter())
        .map(|s| s.to_secs.unwrap_or(s.from_secs) as f64)
        .fold(first, f64::max)
        + OPEN_TAIL_SECS;
    let span = (last - first).max(14.0 * SECS_PER_DAY as f64);
    (first - span * 0.05, first + span * 1.05)
}

/// The time axis above the plot: a line per tick, and the labels that fit.
fn paint_axis(
    painter: &egui::Painter,
    visuals: &egui::Visuals,
    rect: Rect,
    plot: Rect,
    view: &TimeView,
) {
    // Axis: fine ticks only, the panel is narrow.
    let ticks = axis_ticks(view, 56.0, 6.5);
    for tick in ticks.fine.iter().chain(ticks.coarse.iter()) {
        let x = tick.x as f32;
        if x < plot.left() || x > plot.right() {
            continue;
        }
        painter.line_segment(
            [pos2(x, plot.top()), pos2(x, plot.bottom())],
            Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color),
        );
        if !tick.label.is_empty() {
            // A label that would run past the plot's right edge is left out, not cut.
            let galley = painter.layout_no_wrap(
                tick.label.clone(),
                FontId::proportional(10.5),
                visuals.weak_text_color(),
            );
            if x + 2.0 + galley.size().x <= plot.right() {
                painter.galley(
                    pos2(x + 2.0, rect.top() + (AXIS_HEIGHT - galley.size().y) / 2.0),
                    galley,
                    visuals.weak_text_color(),
                );
            }
        }
    }
}

/// A lane's holder on the left, from `left` at the lane's top `y`; returns the name's room
/// (for its tooltip).
fn paint_holder_name(
    painter: &egui::Painter,
    visuals: &egui::Visuals,
    left: f32,
    y: f32,
    name: &str,
) -> Rect {
    // A name longer than its room ends in "…" (the full name is in the tooltip).
    let mut job = egui::text::LayoutJob::single_section(
        name.to_owned(),
        egui::TextFormat::simple(FontId::proportional(12.0), visuals.text_color()),
    );
    job.wrap = egui::text::TextWrapping::truncate_at_width(NAME_WIDTH - 8.0);
    let galley = painter.layout_job(job);
    let name_rect = Rect::from_min_size(pos2(left, y), vec2(NAME_WIDTH - 6.0, LANE_HEIGHT));
    painter.with_clip_rect(name_rect).galley(
        pos2(left + 2.0, y + (LANE_HEIGHT - galley.size().y) / 2.0),
        galley,
        visuals.text_color(),
    );
    name_rect
}

/// One reported position as a bar in the lane at `y`, its stance written in it when it fits;
/// returns the bar (for hovering).
fn paint_segment(
    painter: &egui::Painter,
    visuals: &egui::Visuals,
    view: &TimeView,
    segment: &StanceSegment,
    y: f32,
    selected: bool,
) -> Rect {
    let dark = visuals.dark_mode;
    let x0 = view.x_from_time(segment.from_secs as f64) as f32;
    let open = segment.to_secs.is_none();
    let x1 = view.x_from_time(
        segment
            .to_secs
            .map_or(segment.from_secs as f64 + OPEN_TAIL_SECS, |t| t as f64),
    ) as f32;
    let bar = Rect::from_x_y_ranges(x0..=x1.max(x0 + 4.0), (y + 4.0)..=(y + LANE_HEIGHT - 4.0));
    let color = style::stance_color(segment.stance, dark);
    if open {
        painter.add(egui::Shape::gradient_rect(
            bar,
            egui::epaint::Direction::LeftToRight,
            [color, color.gamma_multiply(0.1)],
        ));
    } else {
        painter.rect_filled(bar, 3.0, color);
    }
    if selected {
        painter.rect_stroke(
            bar.expand(2.0),
            3.0,
            Stroke::new(2.0, visuals.selection.stroke.color),
            egui::StrokeKind::Outside,
        );
    }
    let label = segment.stance.label();
    let label_galley = painter.layout_no_wrap(
        label.to_owned(),
        FontId::proportional(11.0),
        visuals.strong_text_color(),
    );
    if label_galley.size().x + 8.0 < bar.width() {
        painter.galley(
            pos2(
                bar.left() + 4.0,
                bar.center().y - label_galley.size().y / 2.0,
            ),
            label_galley,
            if dark {
                egui::Color32::BLACK
            } else {
                egui::Color32::WHITE
            },
        );
    }
    bar
}
