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

const EDIT_HOVER: &str = "Drag an event to move it, an end to change its span; draw on empty space to create an event. Middle-drag pans.";

/// How much of the toolbar fits on one row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tier {
    /// Every control with its words.
    Full,
    /// No "Group by" caption and "✎ Edit" for "✎ Drag to edit".
    Compact,
    /// The legend and edit toggles move into a "⋯" menu.
    Overflow,
}

/// Widths of the toolbar's row in points at UI scale 1, measured on screenshots of the sample
/// (glow, DejaVu/Ubuntu fallback fonts): 450 pt without lanes, 580 with the lane-order box;
/// captions and the long edit label take 110 of that, the two toggles another 130.
fn tier(available_width: f32, grouped: bool) -> Tier {
    let full = if grouped { 590.0 } else { 460.0 };
    if available_width >= full {
        Tier::Full
    } else if available_width >= full - 110.0 {
        Tier::Compact
    } else {
        Tier::Overflow
    }
}

/// The counts of what is in view are in the status bar, so the toolbar stays short enough for
/// a 1024-pt window.
pub fn toolbar_ui(ui: &mut egui::Ui, state: &mut TimelineState) -> ToolbarOutput {
    let mut out = ToolbarOutput {
        fit: false,
        zoom: 1.0,
    };
    let tier = tier(ui.available_width(), state.mode() != LaneMode::None);
    // One row, never wrapped: a second row would push the canvas down by a row at one
    // width and not at another, and hid the lane order behind the first lane.
    ui.horizontal(|ui| {
        if tier == Tier::Full {
            ui.label("Group by");
        }
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
        let toggles = |ui: &mut egui::Ui, state: &mut TimelineState| {
            ui.toggle_value(&mut state.show_legend, "Legend");
            let edit = if tier == Tier::Full {
                "✎ Drag to edit"
            } else {
                "✎ Edit"
            };
            ui.toggle_value(&mut state.edit_mode, edit)
                .on_hover_text(EDIT_HOVER);
        };
        if tier == Tier::Overflow {
            ui.menu_button("⋯", |ui| toggles(ui, state))
                .response
                .on_hover_text("Legend, drag to edit");
        } else {
            toggles(ui, state);
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_toolbar_gives_up_words_before_it_would_wrap() {
        assert_eq!(tier(700.0, true), Tier::Full);
        assert_eq!(tier(500.0, false), Tier::Full);
        // 1024-pt window with both panels: 563 pt for the timeline.
        assert_eq!(tier(563.0, true), Tier::Compact);
        assert_eq!(tier(300.0, false), Tier::Overflow);
    }
}
