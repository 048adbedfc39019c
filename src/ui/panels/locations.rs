//! Locations: where events happened or may happen.

use egui_extras::{Column, TableBuilder};

use super::{ROW_HEIGHT, name_cell};
use crate::app::{Document, Selected, Selection, SelectionLinks};
use crate::ui::actions::Action;

pub fn locations_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    selection: &Selection,
    links: &SelectionLinks,
    actions: &mut Vec<Action>,
) {
    let project = doc.project();
    let counts = doc.location_event_counts();
    TableBuilder::new(ui)
        .id_salt("locations")
        .striped(true)
        .resizable(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(120.0).at_least(60.0).clip(true))
        .column(Column::initial(60.0).at_least(40.0))
        .column(Column::remainder().at_least(40.0).clip(true))
        .column(Column::exact(44.0))
        .header(ROW_HEIGHT, |mut header| {
            header.col(|ui| {
                ui.strong("Name");
            });
            header.col(|ui| {
                ui.strong("Country");
            });
            header.col(|ui| {
                ui.strong("Precision");
            });
            header.col(|ui| {
                ui.strong("Events");
            });
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, project.locations.len(), |mut row| {
                let location = &project.locations[row.index()];
                let item = Selected::Location(location.id);
                // Highlighted when selected, or when a selected event involves it.
                let selected = selection.contains(&item) || links.locations.contains(&location.id);
                row.set_selected(selected);
                row.col(|ui| {
                    if name_cell(ui, selected, &location.name).clicked() {
                        actions.push(Action::Select(item.clone()));
                    }
                });
                row.col(|ui| {
                    ui.label(location.country.as_deref().unwrap_or("—"));
                });
                row.col(|ui| {
                    ui.label(location.precision.label());
                });
                row.col(|ui| {
                    ui.label(counts.get(&location.id).copied().unwrap_or(0).to_string());
                });
            });
        });
}
