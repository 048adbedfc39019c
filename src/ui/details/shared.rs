//! What every kind of entity's details share: the context they draw with (the document,
//! the date display, the actions to push), links, labelled fields, headings, the support row
//! and the list of events.

use egui::RichText;

use crate::app::{DateDisplay, Document, Selected, list_date_text};
use crate::model::{Event, Id};
use crate::ui::actions::Action;

/// Long lists are cut at this many: the details view is for reading, the timeline for browsing.
const MAX_LISTED: usize = 50;

pub(super) struct DetailsContext<'a> {
    pub(super) doc: &'a Document,
    /// How dates are written (the settings), from the panel context.
    pub(super) display: &'a DateDisplay,
    pub(super) actions: &'a mut Vec<Action>,
    /// As of a past day: the sections offer no edits (they would be refused).
    pub(super) read_only: bool,
}

pub(super) fn missing_ui(ui: &mut egui::Ui) {
    ui.weak("The selected item is no longer in the project.");
}

impl DetailsContext<'_> {
    pub(super) fn name(&self, id: Id) -> &str {
        self.doc.lookup().name_of(self.doc.project(), id)
    }

    /// A link to another entity: clicking it selects that entity.
    pub(super) fn link(&mut self, ui: &mut egui::Ui, text: &str, target: Selected) {
        if ui.link(text).clicked() {
            self.actions.push(Action::Select(target));
        }
    }

    pub(super) fn field(ui: &mut egui::Ui, label: &str, add: impl FnOnce(&mut egui::Ui)) {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("{label}:")).weak());
            add(ui);
        });
    }

    pub(super) fn heading(ui: &mut egui::Ui, kind: &str, title: &str) {
        ui.label(RichText::new(kind.to_uppercase()).small().weak());
        ui.label(RichText::new(title).heading().strong());
    }

    /// How well something is supported: independent sources and the best grade.
    pub(super) fn support_ui(&self, ui: &mut egui::Ui, claims: &[Id]) {
        let index = self.doc.claims();
        let sources = index.independent_sources(claims.iter().copied());
        let best = index.best_reliability(claims.iter().copied());
        Self::field(ui, "Support", |ui| {
            ui.label(crate::query::support_text(sources)).on_hover_text(
                "Claims are independent when no outlet stands in both of their chains",
            );
            if let Some(r) = best {
                ui.weak(format!("· best source {} ({})", r.letter(), r.meaning()));
            }
        });
    }

    pub(super) fn event_list_ui(&mut self, ui: &mut egui::Ui, title: &str, events: &[&Event]) {
        if events.is_empty() {
            return;
        }
        ui.add_space(6.0);
        ui.strong(format!("{title} ({})", events.len()));
        for event in events.iter().take(MAX_LISTED) {
            ui.horizontal_wrapped(|ui| {
                ui.weak(list_date_text(&event.date, self.display));
                self.link(ui, &event.title, Selected::Event(event.id.clone()));
                ui.weak(event.status.label());
            });
        }
        if events.len() > MAX_LISTED {
            ui.weak(format!("… and {} more", events.len() - MAX_LISTED));
        }
    }
}
