//! Painting the milestone-trend chart of an event's history (`layout::milestone_trend`
//! decides where everything goes), with its accessible name and its points as text.

use egui::{Color32, FontId, Pos2, Rect, Sense, Shape, Stroke, pos2, vec2};

use crate::layout::{ChartFrame, TrendChart, TrendState, milestone_trend};
use crate::model::{EventKind, EventStatus};
use crate::ui::style;

/// What screen readers call the chart, and what kittests find it by.
pub const CHART_NAME: &str = "Milestone trend chart";
/// How to read the chart, under it.
const CHART_CAPTION: &str = "Across: the date reported; up: the date expected. Diagonal: \
    expected on the day reported. A flat line is a stable plan; rising, slipping; falling, \
    came early.";
/// Height of the chart: six days a line of labels apart with room for the axes.
const CHART_HEIGHT: f32 = 190.0;
/// Narrower than this, the chart is left out (its list says the same).
const MIN_WIDTH: f32 = 200.0;
const POINT_RADIUS: f32 = 4.5;
/// Tick labels: the details view's small text.
const LABEL_SIZE: f32 = 11.0;
/// Average width of a character of [`LABEL_SIZE`] in egui's default font, as measured for
/// the timeline's 12.5-pt labels (6.6) scaled down.
const LABEL_CHAR_WIDTH: f64 = 6.0;

/// One point as the chart draws it and its list says it.
pub struct ChartPoint {
    pub trend: TrendState,
    pub status: Option<EventStatus>,
    /// "Thu 18 Dec 2025"
    pub reported: String,
    /// "Sat 20 – Sun 21 Dec 2025"
    pub expected: String,
}

/// The chart's points as sentences, in publication order: its text alternative.
pub fn chart_lines(points: &[ChartPoint]) -> Vec<String> {
    points
        .iter()
        .map(|p| {
            let status = p.status.map(|s| format!(" ({})", s.label()));
            format!(
                "Reported {}: {}{}",
                p.reported,
                p.expected,
                status.unwrap_or_default()
            )
        })
        .collect()
}

/// The chart across the available width, then its points as a list (collapsed) for
/// whoever does not read charts.
pub fn trend_chart_ui(ui: &mut egui::Ui, points: &[ChartPoint], kind: EventKind) {
    let lines = chart_lines(points);
    let width = ui.available_width();
    if width >= MIN_WIDTH {
        let (rect, response) = ui.allocate_exact_size(vec2(width, CHART_HEIGHT), Sense::hover());
        let description = lines.join("; ");
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, CHART_NAME));
        ui.ctx()
            .accesskit_node_builder(response.id, |node| node.set_description(description));
        let trends: Vec<TrendState> = points.iter().map(|p| p.trend).collect();
        let frame = ChartFrame {
            left: f64::from(rect.left()),
            top: f64::from(rect.top()),
            width: f64::from(rect.width()),
            height: f64::from(rect.height()),
            char_width: LABEL_CHAR_WIDTH,
            line_height: f64::from(LABEL_SIZE) + 3.0,
        };
        if let Some(chart) = milestone_trend(&trends, &frame) {
            paint_chart(ui, rect, &chart, points, kind);
        }
        ui.weak(CHART_CAPTION);
    }
    egui::CollapsingHeader::new("Chart as a list")
        .id_salt("trend_chart_list")
        .show(ui, |ui| {
            for line in &lines {
                ui.label(line);
            }
        });
}

fn paint_chart(
    ui: &egui::Ui,
    rect: Rect,
    chart: &TrendChart,
    points: &[ChartPoint],
    kind: EventKind,
) {
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals();
    let p = &chart.plot;
    let plot = Rect::from_min_max(
        pos2(p.left as f32, p.top as f32),
        pos2(p.right as f32, p.bottom as f32),
    );
    painter.rect_filled(plot, 0.0, visuals.extreme_bg_color);
    let grid = Stroke::new(1.0, visuals.weak_text_color().gamma_multiply(0.25));
    let font = FontId::proportional(LABEL_SIZE);
    let label_color = visuals.weak_text_color();
    for t in &chart.x_ticks {
        let x = t.pos as f32;
        painter.line_segment([pos2(x, plot.top()), pos2(x, plot.bottom())], grid);
        painter.text(
            pos2(x, plot.bottom() + 2.0),
            egui::Align2::CENTER_TOP,
            &t.label,
            font.clone(),
            label_color,
        );
    }
    for t in &chart.y_ticks {
        let y = t.pos as f32;
        painter.line_segment([pos2(plot.left(), y), pos2(plot.right(), y)], grid);
        painter.text(
            pos2(plot.left() - 4.0, y),
            egui::Align2::RIGHT_CENTER,
            &t.label,
            font.clone(),
            label_color,
        );
    }
    painter.rect_stroke(
        plot,
        0.0,
        Stroke::new(1.0, visuals.weak_text_color().gamma_multiply(0.6)),
        egui::StrokeKind::Inside,
    );
    let to_pos = |(x, y): (f64, f64)| pos2(x as f32, y as f32);
    let [a, b] = chart.diagonal.map(to_pos);
    painter.extend(Shape::dashed_line(
        &[a, b],
        Stroke::new(1.0, visuals.text_color().gamma_multiply(0.6)),
        5.0,
        4.0,
    ));
    let color = style::kind_color(kind, visuals.dark_mode);
    let path: Vec<Pos2> = chart
        .points
        .iter()
        .map(|pt| pos2(pt.x as f32, pt.y as f32))
        .collect();
    if path.len() > 1 {
        painter.add(Shape::line(path, Stroke::new(1.5, color)));
    }
    for (pt, point) in chart.points.iter().zip(points) {
        let centre = pos2(pt.x as f32, pt.y as f32);
        if let Some((top, bottom)) = pt.range {
            let x = centre.x;
            let stroke = Stroke::new(2.0, color);
            painter.line_segment([pos2(x, top as f32), pos2(x, bottom as f32)], stroke);
            for y in [top as f32, bottom as f32] {
                painter.line_segment([pos2(x - 4.0, y), pos2(x + 4.0, y)], stroke);
            }
        }
        paint_point(
            &painter,
            centre,
            point.status,
            color,
            visuals.extreme_bg_color,
        );
    }
}

/// A state's point: filled as its status's mark is on the timeline (held solid, confirmed
/// half), hollow for a plan.
fn paint_point(
    painter: &egui::Painter,
    centre: Pos2,
    status: Option<EventStatus>,
    color: Color32,
    canvas: Color32,
) {
    let alpha = status.map_or(0, |s| style::status_look(s).fill_alpha);
    painter.circle_filled(centre, POINT_RADIUS, canvas);
    if alpha > 0 {
        painter.circle_filled(
            centre,
            POINT_RADIUS,
            color.gamma_multiply(f32::from(alpha) / 255.0),
        );
    }
    painter.circle_stroke(centre, POINT_RADIUS, Stroke::new(1.5, color));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_alternative_lists_the_points_in_order() {
        let trend = TrendState {
            state: 0,
            known_secs: 0,
            expected: (0, 1),
        };
        let points = [
            ChartPoint {
                trend,
                status: Some(EventStatus::Expected),
                reported: "Thu 18 Dec 2025".into(),
                expected: "Sat 20 – Sun 21 Dec 2025".into(),
            },
            ChartPoint {
                trend,
                status: None,
                reported: "Fri 19 Dec 2025".into(),
                expected: "Fri 19 Dec 2025".into(),
            },
        ];
        assert_eq!(
            chart_lines(&points),
            [
                "Reported Thu 18 Dec 2025: Sat 20 – Sun 21 Dec 2025 (expected)",
                "Reported Fri 19 Dec 2025: Fri 19 Dec 2025",
            ]
        );
    }
}
