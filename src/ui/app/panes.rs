//! The side panel and the details pane around the timeline: resizable, closable, and as
//! wide as the analyst left them last time (kept with the settings).

use super::DetenteApp;
use crate::app::PanelLayout;
use crate::ui::actions::Action;
use crate::ui::details;
use crate::ui::panels::{self, SideTab};

/// A closed side panel keeps a strip this wide for its "show" button: one icon button
/// (18 pt) with the panel's margins.
const CLOSED_STRIP_WIDTH: f32 = 30.0;

/// Room kept at the end of the tab row for the "hide" button: a small button (~16 pt)
/// and the spacing before it.
const HIDE_BUTTON_WIDTH: f32 = 26.0;

/// A dragged width within this many points of the kept one is the same width: egui rounds
/// panel edges to whole pixels, which would otherwise rewrite the settings on every release.
const WIDTH_TOLERANCE: f32 = 1.0;

impl DetenteApp {
    /// Whether the details pane takes room this frame: something is selected or being
    /// created, and the analyst has not closed the pane for it.
    pub fn details_shown(&self) -> bool {
        !self.windows.details_dismissed
            && (self.session.selection().primary().is_some() || self.forms.editing.is_some())
    }

    /// The participants, locations, positions and sources panel, or the strip that opens
    /// it again.
    pub(super) fn side_panel_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let window_width = ui.ctx().content_rect().width();
        let layout = self.desk.settings.panels.clone();
        if !layout.side_open {
            egui::Panel::left("side_panel_closed")
                .resizable(false)
                .exact_size(CLOSED_STRIP_WIDTH)
                .show(ui, |ui| {
                    ui.add_space(4.0);
                    if icon_button(ui, "»", "Show side panel", "Show the side panel (Ctrl+B)")
                        .clicked()
                    {
                        actions.push(Action::ToggleSidePanel);
                    }
                });
            return;
        }
        let response = egui::Panel::left("side_panel")
            .resizable(true)
            .default_size(layout.side_width_for(window_width))
            .size_range(PanelLayout::width_range(window_width))
            .show(ui, |ui| {
                ui.horizontal_top(|ui| {
                    // The tabs wrap onto a second row in a narrow panel rather than pushing
                    // the panel wider (four tabs need ~330 pt on one row).
                    let tabs_width = ui.available_width() - HIDE_BUTTON_WIDTH;
                    ui.allocate_ui_with_layout(
                        egui::vec2(tabs_width, ui.spacing().interact_size.y),
                        egui::Layout::left_to_right(egui::Align::Center).with_main_wrap(true),
                        |ui| {
                            for tab in SideTab::ALL {
                                ui.selectable_value(&mut self.side_tab, tab, tab.label());
                            }
                        },
                    );
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
                        if icon_button(ui, "«", "Hide side panel", "Hide the side panel (Ctrl+B)")
                            .clicked()
                        {
                            actions.push(Action::ToggleSidePanel);
                        }
                    });
                });
                ui.separator();
                let date_display = self.desk.date_display();
                let cx = super::panel_context(&self.session, &date_display);
                match self.side_tab {
                    SideTab::Participants => {
                        panels::participants_ui(ui, &cx, &mut self.panels.participants, actions);
                    }
                    SideTab::Locations => {
                        panels::locations_ui(ui, &cx, &mut self.panels.locations, actions);
                    }
                    SideTab::Positions => {
                        panels::positions_ui(ui, &cx, &mut self.panels.positions, actions);
                    }
                    SideTab::Sources => panels::sources_ui(ui, &cx, actions),
                }
            });
        let width = response.response.rect.width();
        self.remember_width(ui, width, Pane::Side);
    }

    /// The details of what is selected, with back and forward; no room at all while
    /// nothing is selected.
    pub(super) fn details_pane_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        if !self.details_shown() {
            return;
        }
        let window_width = ui.ctx().content_rect().width();
        let layout = &self.desk.settings.panels;
        let response = egui::Panel::right("details_panel")
            .resizable(true)
            .default_size(layout.details_width_for(window_width))
            .size_range(PanelLayout::width_range(window_width))
            .show(ui, |ui| {
                ui.add_space(4.0);
                ui.horizontal(|ui| {
                    details::navigation_ui(ui, self.session.history(), actions);
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        if icon_button(
                            ui,
                            "✕",
                            "Close details",
                            "Close the details (Ctrl+I); selecting again opens them",
                        )
                        .clicked()
                        {
                            actions.push(Action::ToggleDetailsPane);
                        }
                    });
                });
                ui.separator();
                let date_display = self.desk.date_display();
                let cx = super::panel_context(&self.session, &date_display);
                details::details_ui(ui, &cx, &mut self.forms, actions);
            });
        let width = response.response.rect.width();
        self.remember_width(ui, width, Pane::Details);
    }

    /// Keeps a panel's width once the analyst has dragged its edge: the width changed
    /// between pressing and releasing the pointer. Not otherwise: a window made narrower, or
    /// wide contents, change a panel's width without the analyst asking, and that must not
    /// be remembered for the next window.
    fn remember_width(&mut self, ui: &egui::Ui, width: f32, which: Pane) {
        let (pressed, released) = ui.input(|i| (i.pointer.any_pressed(), i.pointer.any_released()));
        let at_press = match which {
            Pane::Side => &mut self.chrome.pane_widths_at_press.0,
            Pane::Details => &mut self.chrome.pane_widths_at_press.1,
        };
        if pressed {
            *at_press = Some(width);
        }
        if !released {
            return;
        }
        let Some(before) = at_press.take() else {
            return;
        };
        if (before - width).abs() <= WIDTH_TOLERANCE {
            return;
        }
        let panels = &mut self.desk.settings.panels;
        match which {
            Pane::Side => panels.side_width = Some(width),
            Pane::Details => panels.details_width = Some(width),
        }
        if let Some(problem) = self.desk.store_settings() {
            self.error(problem);
        }
    }
}

/// The two panes whose widths are kept.
#[derive(Clone, Copy)]
enum Pane {
    Side,
    Details,
}

/// A small button whose text is an icon: its accessible name says what it does.
fn icon_button(ui: &mut egui::Ui, icon: &str, name: &str, hover: &str) -> egui::Response {
    let response = ui.small_button(icon).on_hover_text(hover);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, name));
    response
}
