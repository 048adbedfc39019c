//! An event's "Reports" section: one compact row per reported state (when it became known,
//! what it said, Adopt, Edit, Remove) and "Record report…". The read-only history with its
//! chart is another section; this one is for recording and correcting.

use crate::app::{day_text, edits, report_summary};
use crate::model::{Event, states_in_publication_order};
use crate::ui::actions::Action;

use super::DetailsContext;

impl DetailsContext<'_> {
    pub(super) fn reports_ui(&mut self, ui: &mut egui::Ui, event: &Event) {
        let (project, lookup) = (self.doc.project(), self.doc.lookup());
        let Some(index) = project.events.iter().position(|e| e.id == event.id) else {
            return;
        };
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            ui.strong(format!("Reports ({})", event.reported.len()));
            if !self.read_only
                && ui
                    .small_button("Record report…")
                .on_hover_text("Record what a report said about this event: its date, status, places and participants, with the claims that said it")
                .clicked()
            {
                // The details show the selection's event, which the command acts on.
                self.actions.push(Action::RecordReport);
            }
        });
        if event.reported.is_empty() {
            ui.weak("No report recorded yet.");
            return;
        }
        for (n, (i, known)) in states_in_publication_order(event, project, lookup)
            .into_iter()
            .enumerate()
        {
            let Some(state) = event.reported.get(i) else {
                continue;
            };
            let number = n + 1;
            let summary = report_summary(state, project, lookup, self.display);
            // Two lines a state, so that the buttons never squeeze the text in a narrow
            // pane: the day it became known with what it said, then the buttons.
            ui.horizontal(|ui| {
                // `known` is the end of the publication day (exclusive): the day before it
                // is the day the report came out.
                ui.label(day_text(known.map(|k| k - 1))).on_hover_text(
                    "When the report became known: the day its first claim was certainly published",
                );
                ui.add(egui::Label::new(egui::RichText::new(&summary).weak()).truncate())
                    .on_hover_text(&summary);
            });
            if self.read_only {
                continue;
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
                if named_button_ui(
                    ui,
                    "Remove",
                    &format!("Remove report {number}"),
                    "Remove this report (Ctrl+Z brings it back)",
                ) {
                    let edit = edits::remove_state(project, index, i);
                    crate::ui::forms::push_edit(self.actions, edit, None);
                }
                if named_button_ui(
                    ui,
                    "Edit",
                    &format!("Edit report {number}"),
                    "Correct what this report said",
                ) {
                    self.actions.push(Action::EditReport(event.id.clone(), i));
                }
                if named_button_ui(
                    ui,
                    // "Adopt" alone: the full words would widen a narrow pane.
                    "Adopt",
                    &format!("Adopt report {number} as current"),
                    "Adopt as current: make what this report said (date, status, places, participants) the event's own fields: your current assessment",
                ) {
                    let edit = edits::adopt_state(project, index, i);
                    crate::ui::forms::push_edit(self.actions, edit, None);
                }
            });
        }
    }
}

/// A small button whose accessible name says which row it acts on.
fn named_button_ui(ui: &mut egui::Ui, text: &str, name: &str, hover: &str) -> bool {
    let response = ui.small_button(text).on_hover_text(hover);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, name));
    response.clicked()
}
