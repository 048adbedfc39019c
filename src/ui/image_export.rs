//! File ▸ Export ▸ Timeline image…: PNG or SVG, the current view or the whole project, at a
//! chosen width, light or dark, with or without the legend. The choice is kept for the next
//! export; the file is then picked and written by the background task path.

use crate::export::{
    DEFAULT_WIDTH_PX, ExportFormat, ImageTheme, MAX_WIDTH_PX, MIN_WIDTH_PX, TimelineImageOptions,
};
use crate::layout::{LaneMode, LaneSort, TimeView};

/// Widths offered as one click: a 1024-px slide, a 1600-px (16:9 at 1600 × 900) slide, and a
/// 3508-px A4 landscape page at 300 dpi.
const PRESET_WIDTHS: [(f64, &str, &str); 3] = [
    (1024.0, "1024", "A small slide (1024 × 768)"),
    (DEFAULT_WIDTH_PX, "1600", "A 16:9 slide (1600 × 900)"),
    (3508.0, "A4 print", "A4 landscape at 300 dpi (3508 px)"),
];

#[derive(Clone, Debug, PartialEq)]
pub struct ImageExportDialog {
    pub open: bool,
    pub format: ExportFormat,
    /// The whole project rather than the range the timeline shows.
    pub whole_project: bool,
    pub width_px: f64,
    pub theme: ImageTheme,
    pub legend: bool,
    /// Earlier reported dates (ghost marks).
    pub ghosts: bool,
}

impl Default for ImageExportDialog {
    fn default() -> Self {
        Self {
            open: false,
            format: ExportFormat::Png,
            whole_project: false,
            width_px: DEFAULT_WIDTH_PX,
            theme: ImageTheme::Light,
            legend: true,
            ghosts: true,
        }
    }
}

/// What the timeline shows now, for "current view".
pub struct CurrentView<'a> {
    pub view: Option<&'a TimeView>,
    pub mode: LaneMode,
    pub sort: LaneSort,
    /// The shared filter's result; `None` when nothing is filtered.
    pub passes: Option<Vec<bool>>,
}

impl ImageExportDialog {
    /// The dialog; returns the format when the analyst pressed "Export…" (the file is then
    /// asked for).
    pub fn ui(&mut self, ctx: &egui::Context) -> Option<ExportFormat> {
        if !self.open {
            return None;
        }
        let mut open = true;
        let mut chosen = None;
        egui::Window::new("Export timeline image")
            .id(egui::Id::unique("image_export_dialog"))
            // In the middle of the window, as the other dialogs open, not over the menu.
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(ctx.content_rect().center())
            .open(&mut open)
            .resizable(false)
            .collapsible(false)
            .show(ctx, |ui| {
                egui::Grid::new("image-export-grid")
                    .num_columns(2)
                    .spacing([12.0, 8.0])
                    .show(ui, |ui| {
                        ui.label("Format");
                        ui.horizontal(|ui| {
                            ui.radio_value(&mut self.format, ExportFormat::Png, "PNG");
                            ui.radio_value(&mut self.format, ExportFormat::Svg, "SVG");
                        });
                        ui.end_row();
                        ui.label("Range");
                        ui.horizontal(|ui| {
                            ui.radio_value(&mut self.whole_project, false, "Current view");
                            ui.radio_value(&mut self.whole_project, true, "Whole project");
                        });
                        ui.end_row();
                        let label = ui.label("Width");
                        ui.horizontal(|ui| {
                            ui.add(
                                egui::DragValue::new(&mut self.width_px)
                                    .range(MIN_WIDTH_PX..=MAX_WIDTH_PX)
                                    .speed(10.0)
                                    .suffix(" px"),
                            )
                            .labelled_by(label.id);
                            for (px, label, hint) in PRESET_WIDTHS {
                                if ui.small_button(label).on_hover_text(hint).clicked() {
                                    self.width_px = px;
                                }
                            }
                        });
                        ui.end_row();
                        ui.label("Theme");
                        ui.horizontal(|ui| {
                            ui.radio_value(&mut self.theme, ImageTheme::Light, "Light (print)");
                            ui.radio_value(&mut self.theme, ImageTheme::Dark, "Dark");
                        });
                        ui.end_row();
                        ui.label("Legend");
                        ui.checkbox(&mut self.legend, "Show the legend");
                        ui.end_row();
                        ui.label("Reports");
                        ui.checkbox(&mut self.ghosts, "Earlier reported dates")
                            .on_hover_text(
                                "Faint marks where earlier reports placed an event, linked to its current date, as on the timeline",
                            );
                        ui.end_row();
                    });
                ui.separator();
                ui.horizontal(|ui| {
                    if ui.button("Export…").clicked() {
                        chosen = Some(self.format);
                    }
                    if ui.button("Cancel").clicked() {
                        self.open = false;
                    }
                });
            });
        if !open || chosen.is_some() {
            self.open = false;
        }
        chosen
    }

    /// The image options for these choices and what the timeline shows.
    pub fn options(&self, current: CurrentView<'_>) -> TimelineImageOptions {
        let range = if self.whole_project {
            None
        } else {
            current
                .view
                .map(|v| (v.start_secs.floor() as i64, v.end_secs().ceil() as i64))
        };
        TimelineImageOptions {
            width_px: self.width_px,
            range,
            group_by: current.mode,
            sort: current.sort,
            passes: current.passes,
            theme: self.theme,
            title: None,
            show_legend: self.legend,
            show_ghosts: self.ghosts,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn current_view_keeps_the_range_and_whole_project_drops_it() {
        let view = TimeView::new(0.0, 1000.0, 86_400.0, 10.0 * 86_400.0);
        let current = || CurrentView {
            view: Some(&view),
            mode: LaneMode::Participant,
            sort: LaneSort::Count,
            passes: None,
        };
        let mut dialog = ImageExportDialog::default();
        let options = dialog.options(current());
        assert_eq!(options.range, Some((86_400, 10 * 86_400)));
        assert_eq!(options.group_by, LaneMode::Participant);
        dialog.whole_project = true;
        assert_eq!(dialog.options(current()).range, None);
    }
}
