//! Lane headers: name, count, collapse, and a menu to move lanes.

use egui::{Rect, RichText, Stroke, pos2, vec2};

use super::state::TimelineState;
use crate::app::Selected;
use crate::layout::{LaneKey, LaneMode, LanesDrawList};
use crate::ui::actions::Action;

/// Width of the header column: a 20-character name and a count.
pub const HEADER_WIDTH: f32 = 180.0;

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
        let row = Rect::from_min_size(
            header.min,
            vec2(rect.width(), 22.0_f32.min(header.height())),
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
        // Name on the left, cut to leave the count its room on the right (~30 pt).
        let name_width = (child.available_width() - 30.0).max(20.0);
        let name = child
            .allocate_ui(vec2(name_width, 18.0), |ui| {
                ui.add(
                    egui::Label::new(&lane.label)
                        .truncate()
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

/// What selecting a lane's name selects: the actor or place it stands for.
fn lane_target(mode: LaneMode, key: LaneKey) -> Option<Selected> {
    match (mode, key) {
        (LaneMode::Participant, LaneKey::Entity(id)) => Some(Selected::Actor(id)),
        (LaneMode::Location, LaneKey::Entity(id)) => Some(Selected::Location(id)),
        _ => None,
    }
}
