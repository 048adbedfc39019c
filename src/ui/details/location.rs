//! A location's details: country, precision, coordinates and the events there.

use crate::model::Id;

use super::{DetailsContext, missing_ui};

impl DetailsContext<'_> {
    pub(super) fn location_ui(&mut self, ui: &mut egui::Ui, id: Id) {
        let project = self.doc.project();
        let Some(location) = self.doc.lookup().location(project, id) else {
            return missing_ui(ui);
        };
        Self::heading(ui, "location", &location.name);
        Self::field(ui, "Country", |ui| {
            ui.label(location.country.as_deref().unwrap_or("unknown"));
        });
        Self::field(ui, "Precision", |ui| {
            ui.label(location.precision.label());
        });
        if let Some((lat, lon)) = location.lat_lon() {
            Self::field(ui, "Coordinates", |ui| {
                ui.label(format!("{lat:.4}, {lon:.4}"));
            });
        }
        let events = crate::query::events_at(project, id);
        self.event_list_ui(ui, "Events", &events);
    }
}
