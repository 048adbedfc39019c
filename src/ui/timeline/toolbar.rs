//! The row above the canvas: grouping, lane order, fit, zoom and the legend.

use super::state::TimelineState;
use crate::layout::{LaneMode, LaneSort};

/// What the toolbar asked the canvas to do this frame.
#[derive(Default)]
pub struct ToolbarOutput {
    pub fit: bool,
    /// Multiply the zoom by this (1.0: unchanged).
    pub zoom: f64,
}

/// The counts of what is in view are in the status bar, so the toolbar stays short enough for
/// a 1024-pt window.
pub fn toolbar_ui(ui: &mut egui::Ui, state: &mut TimelineState) -> ToolbarOutput {
    let mut out = ToolbarOutput {
        fit: false,
        zoom: 1.0,
    };
    ui.horizontal_wrapped(|ui| {
        ui.label("Group by");
        let mut mode = state.mode();
        egui::ComboBox::from_id_salt("lane_mode")
            .selected_text(mode.label())
            .show_ui(ui, |ui| {
                for m in LaneMode::ALL {
                    ui.selectable_value(&mut mode, m, m.label());
                }
            })
            .response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Group by"));
        state.set_mode(mode);
        if mode != LaneMode::None {
            let mut sort = state.sort();
            egui::ComboBox::from_id_salt("lane_sort")
                .selected_text(sort.label())
                .show_ui(ui, |ui| {
                    for s in LaneSort::ALL {
                        ui.selectable_value(&mut sort, s, s.label());
                    }
                })
                .response
                .widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Lane order")
                });
            if sort != state.sort() {
                state.set_sort(sort);
            }
        }
        ui.separator();
        if ui
            .button("Fit")
            .on_hover_text("Show the whole project (F, or double-click empty space)")
            .clicked()
        {
            out.fit = true;
        }
        if ui.button("−").on_hover_text("Zoom out (−)").clicked() {
            out.zoom = 1.0 / 1.5;
        }
        if ui.button("+").on_hover_text("Zoom in (+)").clicked() {
            out.zoom = 1.5;
        }
        ui.toggle_value(&mut state.show_legend, "Legend");
        ui.toggle_value(&mut state.edit_mode, "✎ Drag to edit").on_hover_text(
            "Drag an event to move it, an end to change its span; draw on empty space to create an event. Middle-drag pans.",
        );
    });
    out
}
