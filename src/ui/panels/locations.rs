//! Locations: where the passing events happened or may happen, on a world map above a
//! sortable table.

use egui_extras::{Column, TableBuilder};

use super::{PanelContext, ROW_HEIGHT, name_cell, sort_header};
use crate::app::day_text;
use crate::app::{Appearances, Selected};
use crate::model::Location;
use crate::ui::actions::Action;
use crate::ui::map::{MapState, map_ui};

/// The map takes at least 55 % of the panel at first: enough for a continent at a readable
/// scale, while the table below still shows ~10 rows in an 800 pt window.
const MAP_SHARE: f32 = 0.55;
/// The map never shrinks below 120 pt (a strip where markers still separate), and leaves
/// the table at least 80 pt (its header and two rows).
const MAP_MIN_HEIGHT: f32 = 120.0;
/// At first the map is at most as tall as it is wide: the world is twice as wide as tall,
/// so a taller map in a narrow panel shows mostly polar sea.
const MAP_MAX_ASPECT: f32 = 1.0;
const TABLE_MIN_HEIGHT: f32 = 80.0;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LocationColumn {
    #[default]
    Name,
    Country,
    Precision,
    Events,
    Dates,
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
    // A short table (the sample has three places) leaves its room to the map rather than
    // to empty panel: header, rows and a margin.
    let num_rows = cx.filtered.result.locations.iter().filter(|p| **p).count();
    let table_height = (num_rows + 1) as f32 * ROW_HEIGHT + 12.0;
    let map_height = (height - table_height)
        .max(height * MAP_SHARE)
        .min(ui.available_width() * MAP_MAX_ASPECT);
    egui::Panel::top("locations_map")
        .resizable(true)
        .default_size(map_height.clamp(MAP_MIN_HEIGHT, max_map))
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
            LocationColumn::Dates => (stats(a).first_secs, stats(a).last_secs)
                .cmp(&(stats(b).first_secs, stats(b).last_secs)),
        };
        let order = if state.descending {
            order.reverse()
        } else {
            order
        };
        order.then_with(|| a.name.cmp(&b.name))
    });
    super::wide_table_ui(ui, "locations_h", |ui| {
        TableBuilder::new(ui)
            .id_salt("locations")
            .striped(true)
            .resizable(true)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            // Name, events and dates first: in the narrowest side panel (~300 pt at
            // 1024 pt) they are what shows without scrolling.
            .column(Column::initial(104.0).at_least(60.0).clip(true))
            .column(Column::initial(52.0).at_least(40.0))
            .column(Column::initial(132.0).at_least(60.0).clip(true))
            .column(Column::initial(60.0).at_least(40.0))
            .column(Column::initial(72.0).at_least(40.0).clip(true))
            .header(ROW_HEIGHT, |mut header| {
                for (column, label) in [
                    (LocationColumn::Name, "Name"),
                    (LocationColumn::Events, "Events"),
                    (LocationColumn::Dates, "Dates"),
                    (LocationColumn::Country, "Country"),
                    (LocationColumn::Precision, "Precision"),
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
                    let selected =
                        cx.selection.contains(&item) || cx.links.locations.contains(&location.id);
                    row.set_selected(selected);
                    let s = stats(location);
                    row.col(|ui| {
                        if name_cell(ui, selected, &location.name).clicked() {
                            actions.push(Action::Select(item.clone()));
                        }
                    });
                    row.col(|ui| {
                        ui.label(s.num_events.to_string());
                    });
                    row.col(|ui| {
                        ui.label(date_range_text(s.first_secs, s.last_secs));
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
                });
            });
    });
}

/// "2025-12-13 – 12-21": the first and last day of a place's events, the year said once
/// when both fall in it; one day alone; "—" when no passing event has a date.
/// `end_secs` is exclusive, as `TimeBounds::latest_secs` (the end of 21 December is
/// 22 December 00:00), so the last day is the one its last second falls in.
pub fn date_range_text(first_secs: Option<i64>, end_secs: Option<i64>) -> String {
    let last_secs = end_secs.map(|s| s.saturating_sub(1));
    let (first, last) = (day_text(first_secs), day_text(last_secs));
    if first_secs.is_none() || last_secs.is_none() || first == last {
        return if first_secs.is_some() { first } else { last };
    }
    match (first.get(..5), last.get(..5), last.get(5..)) {
        (Some(a), Some(b), Some(rest)) if a == b => format!("{first} – {rest}"),
        _ => format!("{first} – {last}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_ranges_say_the_year_once() {
        let day = 86_400;
        // From the start of 2025-12-13 to the end of 2025-12-21 (days since 1970-01-01:
        // 20435 and 20443; the end is exclusive).
        let (a, b) = (Some(20_435 * day), Some(20_444 * day));
        assert_eq!(date_range_text(a, b), "2025-12-13 – 12-21");
        assert_eq!(date_range_text(a, Some(20_436 * day)), "2025-12-13");
        assert_eq!(
            date_range_text(a, Some(20_456 * day)),
            "2025-12-13 – 2026-01-02"
        );
        assert_eq!(date_range_text(None, None), "—");
        assert_eq!(date_range_text(a, None), "2025-12-13");
        // The extremes neither panic nor overflow.
        assert!(!date_range_text(Some(i64::MIN), Some(i64::MIN)).is_empty());
        assert_eq!(date_range_text(None, b), "2025-12-21");
    }
}
