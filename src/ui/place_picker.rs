//! Suggestions from the GeoNames gazetteer under a place-name field: the analyst types
//! "Kiev" and picks Kyiv, with its country, coordinates and GeoNames id.

use egui::{RichText, Sense, WidgetInfo, accesskit::Role};

use crate::geo::{City, Gazetteer, country_name, fold};
use crate::model::group_thousands;

/// Eight rows (~180 pt) fit under a field in the smallest window (500 pt high) and cover
/// what a prefix of three or more letters usually leaves.
const MAX_SUGGESTIONS: usize = 8;

/// Shows the best matches for `query` (nothing for an empty query) and returns the city
/// the analyst clicked. Call it under the text field, every frame while the field is in use.
pub fn place_suggestions_ui(ui: &mut egui::Ui, query: &str) -> Option<City> {
    let query = query.trim();
    if query.is_empty() {
        return None;
    }
    let gazetteer = Gazetteer::embedded();
    let cities = gazetteer.suggest(query, MAX_SUGGESTIONS);
    if cities.is_empty() {
        ui.weak("No city of the gazetteer starts so");
        return None;
    }
    let key = fold(query.rsplit_once(',').map_or(query, |(name, _)| name));
    let mut picked = None;
    egui::Frame::new()
        .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
        .corner_radius(4.0)
        .inner_margin(2.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            for city in cities {
                if suggestion_row(ui, city, &key).clicked() {
                    picked = Some(city.clone());
                }
            }
        });
    picked
}

/// One suggestion: "Kyiv (Kiev)" on the first line, then country, population, coordinates.
fn suggestion_row(ui: &mut egui::Ui, city: &City, key: &str) -> egui::Response {
    let country = country_name(&city.country).unwrap_or(&city.country);
    // Say which alternate name matched when the name itself does not start with the query.
    let matched_alternate = (!fold(&city.name).starts_with(key))
        .then(|| {
            city.alternate_names
                .iter()
                .find(|a| fold(a).starts_with(key))
        })
        .flatten();
    let title = match matched_alternate {
        Some(alt) => format!("{} ({alt})", city.name),
        None => city.name.clone(),
    };
    let details = format!(
        "{country} · {} people · {}",
        group_thousands(city.population),
        coordinates(city.lat, city.lon)
    );
    let label = format!("{title}, {details}");
    // The hover background goes under the text: reserve its place before the labels.
    let background = ui.painter().add(egui::Shape::Noop);
    let response = ui
        .scope(|ui| {
            ui.spacing_mut().item_spacing.y = 0.0;
            let inner = ui.vertical(|ui| {
                ui.label(RichText::new(&title).strong());
                ui.label(RichText::new(&details).small().weak());
            });
            inner.response
        })
        .inner;
    let response = ui.interact(response.rect, response.id.with("pick"), Sense::click());
    if response.hovered() {
        let fill = ui.visuals().widgets.hovered.weak_bg_fill;
        ui.painter().set(
            background,
            egui::Shape::rect_filled(response.rect, 3.0, fill),
        );
    }
    response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &label));
    response
}

/// 50.45466, 30.5238 → "50.45° N, 30.52° E": two decimals (~1 km) say which city it is.
fn coordinates(lat: f64, lon: f64) -> String {
    let ns = if lat < 0.0 { 'S' } else { 'N' };
    let ew = if lon < 0.0 { 'W' } else { 'E' };
    format!("{:.2}° {ns}, {:.2}° {ew}", lat.abs(), lon.abs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_well() {
        assert_eq!(group_thousands(2_952_301), "2,952,301");
        assert_eq!(coordinates(25.77427, -80.19366), "25.77° N, 80.19° W");
        assert_eq!(coordinates(-33.9, 18.4), "33.90° S, 18.40° E");
    }
}
