//! Lane headers: name, count, collapse, and a menu to move lanes.

use egui::{Color32, FontId, Rect, RichText, Stroke, pos2, vec2};

use super::state::TimelineState;
use crate::app::Selected;
use crate::layout::{LaneKey, LaneMode, LanesDrawList};
use crate::ui::actions::Action;

/// The header column is at least this wide: a 12-character name and the count.
const MIN_HEADER_WIDTH: f32 = 120.0;
/// ... and at most this share of the timeline, so that the canvas keeps two thirds.
const MAX_HEADER_SHARE: f32 = 0.34;
/// Room in a header beside the name and the count: 4-pt margins, the collapse arrow (16 pt)
/// and a gap of 8 pt after the arrow and after the name.
const HEADER_CHROME: f32 = 4.0 + 16.0 + 8.0 + 8.0 + 4.0;
/// Height of one line of a header.
const HEADER_LINE: f32 = 22.0;
/// A name on two lines in a lane of one row (30 pt high) is set at this size: two lines of
/// 11 pt take 26 points.
const TWO_LINE_NAME_PT: f32 = 11.0;

/// Width of the header column: the widest of `longest` lane names whole beside the count
/// `max_count`, within [`MIN_HEADER_WIDTH`] and [`MAX_HEADER_SHARE`] of the `available`
/// width.
pub fn header_width(ui: &egui::Ui, longest: &[String], max_count: usize, available: f32) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let name = longest
        .iter()
        .map(|label| {
            ui.painter()
                .layout_no_wrap(label.clone(), font.clone(), Color32::PLACEHOLDER)
                .size()
                .x
        })
        .fold(0.0, f32::max);
    let most = (available * MAX_HEADER_SHARE).max(MIN_HEADER_WIDTH);
    (name.ceil() + count_width(ui, max_count) + HEADER_CHROME).clamp(MIN_HEADER_WIDTH, most)
}

/// Width of a lane's count as its header shows it.
fn count_width(ui: &egui::Ui, count: usize) -> f32 {
    ui.painter()
        .layout_no_wrap(
            count.to_string(),
            egui::TextStyle::Small.resolve(ui.style()),
            Color32::PLACEHOLDER,
        )
        .size()
        .x
        .ceil()
}

/// Draws the header of each visible lane in `rect`, and lets the analyst collapse, move and
/// select lanes (selecting the actor or place a lane stands for).
pub fn headers_ui(
    ui: &mut egui::Ui,
    rect: Rect,
    state: &mut TimelineState,
    layout: &LanesDrawList,
    actions: &mut Vec<Action>,
) {
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals().clone();
    painter.rect_filled(rect, 0.0, visuals.panel_fill);
    painter.line_segment(
        [rect.right_top(), rect.right_bottom()],
        visuals.widgets.noninteractive.bg_stroke,
    );
    let mode = state.mode;
    let mut toggles = Vec::new();
    let mut moves = Vec::new();
    for lane_draw in &layout.lanes {
        let Some(lane) = state.lanes.get(lane_draw.lane) else {
            continue;
        };
        let header = Rect::from_min_size(
            pos2(rect.left(), lane_draw.y_top as f32),
            vec2(rect.width(), lane_draw.height as f32),
        );
        let visible = header.intersect(rect);
        if visible.height() < 4.0 {
            continue;
        }
        painter.line_segment(
            [
                pos2(rect.left(), header.bottom()),
                pos2(rect.right(), header.bottom()),
            ],
            Stroke::new(
                1.0,
                visuals
                    .widgets
                    .noninteractive
                    .bg_stroke
                    .color
                    .gamma_multiply(0.6),
            ),
        );
        // A lane of two rows or more has room for its name on two lines at the top; a lane of
        // one row centres it on the theme line, which runs through the middle of the lane.
        let tall = header.height() >= 2.0 * HEADER_LINE;
        let row = Rect::from_min_size(
            header.min,
            vec2(
                rect.width(),
                if tall {
                    2.0 * HEADER_LINE
                } else {
                    header.height()
                },
            ),
        )
        .intersect(rect);
        if row.height() < 10.0 {
            continue;
        }
        let mut child = ui.new_child(
            egui::UiBuilder::new()
                .max_rect(row.shrink2(vec2(4.0, 0.0)))
                .layout(egui::Layout::left_to_right(egui::Align::Center)),
        );
        child.set_clip_rect(rect);
        let arrow = if lane_draw.collapsed { "▸" } else { "▾" };
        let toggle = child
            .add(
                egui::Button::new(arrow)
                    .frame(false)
                    .min_size(vec2(16.0, 16.0)),
            )
            .on_hover_text(if lane_draw.collapsed {
                "Expand lane"
            } else {
                "Collapse lane"
            });
        toggle.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Collapse {}", lane.label))
        });
        if toggle.clicked() {
            toggles.push(lane.key);
        }
        let count = RichText::new(lane.num_events.to_string()).small().weak();
        // Name on the left, leaving the count its room on the right.
        let name_width =
            (child.available_width() - count_width(ui, lane.num_events) - 8.0).max(20.0);
        let name = child
            .allocate_ui(vec2(name_width, row.height()), |ui| {
                ui.add(
                    egui::Label::new(name_job(ui, &lane.label, name_width, tall))
                        .wrap()
                        .sense(egui::Sense::click()),
                )
            })
            .inner;
        if name.clicked()
            && let Some(target) = lane_target(mode, lane.key)
        {
            actions.push(Action::Select(target));
        }
        name.on_hover_text(&lane.label).context_menu(|ui| {
            for (label, delta) in [("Move to top", i64::MIN), ("Move up", -1), ("Move down", 1)] {
                if ui.button(label).clicked() {
                    moves.push((lane.key, delta));
                    ui.close();
                }
            }
            if ui
                .button(if lane_draw.collapsed {
                    "Expand"
                } else {
                    "Collapse"
                })
                .clicked()
            {
                toggles.push(lane.key);
                ui.close();
            }
        });
        child.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(count);
        });
    }
    for key in toggles {
        state.toggle_collapsed(key);
    }
    for (key, delta) in moves {
        state.move_lane(key, delta);
    }
}

/// A lane's name as laid out in its header: on one line when it fits, else on two (in a
/// lane of one row, in a smaller font so that two lines fit its 30 points), cut with an
/// ellipsis only past the second.
fn name_job(ui: &egui::Ui, name: &str, width: f32, tall: bool) -> egui::text::LayoutJob {
    let body = egui::TextStyle::Body.resolve(ui.style());
    let fits = ui
        .painter()
        .layout_no_wrap(name.to_owned(), body.clone(), Color32::PLACEHOLDER)
        .size()
        .x
        <= width;
    let font = if fits || tall {
        body
    } else {
        FontId::proportional(TWO_LINE_NAME_PT)
    };
    // The placeholder takes the label's own colour, as a one-line name has.
    let mut job = egui::text::LayoutJob::single_section(
        name.to_owned(),
        egui::TextFormat::simple(font, Color32::PLACEHOLDER),
    );
    job.wrap.max_rows = 2;
    job
}

/// What selecting a lane's name selects: the actor or place it stands for.
fn lane_target(mode: LaneMode, key: LaneKey) -> Option<Selected> {
    match (mode, key) {
        (LaneMode::Participant, LaneKey::Entity(id)) => Some(Selected::Actor(id)),
        (LaneMode::Location, LaneKey::Entity(id)) => Some(Selected::Location(id)),
        _ => None,
    }
}
