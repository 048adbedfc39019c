//! Locations: where the passing events happened or may happen, on a world map above a
//! sortable table.

use egui_extras::{Column, TableBuilder};

use super::{PanelContext, ROW_HEIGHT, day_text, name_cell, sort_header};
use crate::app::{Appearances, Selected};
use crate::model::Location;
use crate::ui::actions::Action;
use crate::ui::map::{MapState, map_ui};

/// The map takes 55 % of the panel at first: enough for a continent at a readable scale,
/// while the table below still shows ~10 rows in an 800 pt window.
const MAP_SHARE: f32 = 0.55;
/// The map never shrinks below 120 pt (a strip where markers still separate), and leaves
/// the table at least 80 pt (its header and two rows).
const MAP_MIN_HEIGHT: f32 = 120.0;
const TABLE_MIN_HEIGHT: f32 = 80.0;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LocationColumn {
    #[default]
    Name,
    Country,
    Precision,
    Events,
    First,
    Last,
}

/// What the panel keeps between frames: the map's view and the table's order.
#[derive(Default)]
pub struct LocationsState {
    pub map: MapState,
    pub sort: LocationColumn,
    pub descending: bool,
}

/// The map and the table, both showing only the places that pass the shared filter.
pub fn locations_ui(
    ui: &mut egui::Ui,
    cx: &PanelContext<'_>,
    state: &mut LocationsState,
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
            map_ui(ui, &mut state.map, cx, actions);
        });
    ui.add_space(4.0);
    table_ui(ui, cx, state, actions);
}

fn country(l: &Location) -> &str {
    l.country.as_deref().unwrap_or("")
}

fn table_ui(
    ui: &mut egui::Ui,
    cx: &PanelContext<'_>,
    state: &mut LocationsState,
    actions: &mut Vec<Action>,
) {
    let project = cx.doc.project();
    let none = Appearances::default();
    let stats = |l: &Location| cx.filtered.locations.get(&l.id).copied().unwrap_or(none);
    let mut rows: Vec<usize> = (0..project.locations.len())
        .filter(|&i| cx.filtered.result.locations.get(i).copied().unwrap_or(true))
        .collect();
    rows.sort_by(|&x, &y| {
        let (a, b) = (&project.locations[x], &project.locations[y]);
        let order = match state.sort {
            LocationColumn::Name => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
            LocationColumn::Country => country(a).cmp(country(b)),
            LocationColumn::Precision => a.precision.cmp(&b.precision),
            LocationColumn::Events => stats(a).num_events.cmp(&stats(b).num_events),
            LocationColumn::First => stats(a).first_secs.cmp(&stats(b).first_secs),
            LocationColumn::Last => stats(a).last_secs.cmp(&stats(b).last_secs),
        };
        let order = if state.descending {
            order.reverse()
        } else {
            order
        };
        order.then_with(|| a.name.cmp(&b.name))
    });
    egui::ScrollArea::horizontal()
        .id_salt("locations_h")
        .show(ui, |ui| {
            TableBuilder::new(ui)
                .id_salt("locations")
                .striped(true)
                .resizable(true)
                .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
                .column(Column::initial(120.0).at_least(60.0).clip(true))
                .column(Column::initial(64.0).at_least(40.0))
                .column(Column::initial(72.0).at_least(40.0).clip(true))
                .column(Column::initial(56.0).at_least(40.0))
                .column(Column::initial(80.0).at_least(40.0))
                .column(Column::initial(80.0).at_least(40.0))
                .header(ROW_HEIGHT, |mut header| {
                    for (column, label) in [
                        (LocationColumn::Name, "Name"),
                        (LocationColumn::Country, "Country"),
                        (LocationColumn::Precision, "Precision"),
                        (LocationColumn::Events, "Events"),
                        (LocationColumn::First, "First"),
                        (LocationColumn::Last, "Last"),
                    ] {
                        header.col(|ui| {
                            sort_header(ui, label, column, &mut state.sort, &mut state.descending);
                        });
                    }
                })
                .body(|body| {
                    body.rows(ROW_HEIGHT, rows.len(), |mut row| {
                        let location = &project.locations[rows[row.index()]];
                        let item = Selected::Location(location.id);
                        // Highlighted when selected, or when a selected event involves it.
                        let selected = cx.selection.contains(&item)
                            || cx.links.locations.contains(&location.id);
                        row.set_selected(selected);
                        let s = stats(location);
                        row.col(|ui| {
                            if name_cell(ui, selected, &location.name).clicked() {
                                actions.push(Action::Select(item.clone()));
                            }
                        });
                        row.col(|ui| {
                            let code = location.country.as_deref().unwrap_or("—");
                            let response = ui.label(code);
                            if let Some(name) = location
                                .country
                                .as_deref()
                                .and_then(crate::geo::country_name)
                            {
                                response.on_hover_text(name);
                            }
                        });
                        row.col(|ui| {
                            ui.label(location.precision.label());
                        });
                        row.col(|ui| {
                            ui.label(s.num_events.to_string());
                        });
                        row.col(|ui| {
                            ui.label(day_text(s.first_secs));
                        });
                        row.col(|ui| {
                            ui.label(day_text(s.last_secs));
                        });
                    });
                });
        });
}
