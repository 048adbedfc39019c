//! Locations: where events happened or may happen, on a world map above their table.

use egui_extras::{Column, TableBuilder};

use super::{ROW_HEIGHT, name_cell};
use crate::app::{Document, Selected, Selection, SelectionLinks};
use crate::ui::actions::Action;
use crate::ui::map::{MapState, map_ui};

/// The map takes 55 % of the panel at first: enough for a continent at a readable scale,
/// while the table below still shows ~10 rows in an 800 pt window.
const MAP_SHARE: f32 = 0.55;
/// The map never shrinks below 120 pt (a strip where markers still separate), and leaves
/// the table at least 80 pt (its header and two rows).
const MAP_MIN_HEIGHT: f32 = 120.0;
const TABLE_MIN_HEIGHT: f32 = 80.0;

/// The map and the table. `visible_locations[i]` says whether `doc.project().locations[i]`
/// passes the app's filter: the map shows only those.
#[allow(clippy::too_many_arguments)] // the panel's inputs, each used
pub fn locations_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    visible_locations: &[bool],
    selection: &Selection,
    links: &SelectionLinks,
    map: &mut MapState,
    actions: &mut Vec<Action>,
) {
    let height = ui.available_height();
    let max_map = (height - TABLE_MIN_HEIGHT).max(MAP_MIN_HEIGHT);
    egui::Panel::top("locations_map")
        .resizable(true)
        .default_size((height * MAP_SHARE).clamp(MAP_MIN_HEIGHT, max_map))
        .size_range(MAP_MIN_HEIGHT..=max_map)
        .frame(egui::Frame::NONE)
        .show(ui, |ui| {
            map_ui(ui, map, doc, visible_locations, selection, links, actions);
        });
    ui.add_space(4.0);
    table_ui(ui, doc, selection, links, actions);
}

fn table_ui(
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
