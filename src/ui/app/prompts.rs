//! Questions the app asks before it acts: unsaved changes, and deletes that reach further.

use std::path::Path;

use super::DetenteApp;
use crate::ui::actions::Action;

impl DetenteApp {
    pub(super) fn request_delete(&mut self, item: crate::app::Selected) {
        use crate::app::{Selected, edits};
        let project = self.doc.project();
        let planned = match &item {
            Selected::Event(id) => project
                .events
                .iter()
                .position(|e| e.id == *id)
                .and_then(|i| edits::delete_event(project, i))
                .map(|e| (e, String::new())),
            Selected::Actor(id)
            | Selected::Location(id)
            | Selected::Issue(id)
            | Selected::Position(id)
            | Selected::Source(id)
            | Selected::Claim(id)
            | Selected::Membership(id) => {
                edits::delete_entity(project, *id).map(|(e, c)| (e, c.describe()))
            }
        };
        let Some((edit, consequences)) = planned else {
            return;
        };
        if consequences.is_empty() {
            self.finish_delete(&item, edit);
        } else {
            self.pending_delete = Some((item, edit, consequences));
        }
    }

    fn finish_delete(&mut self, item: &crate::app::Selected, edit: crate::app::edit::Edit) {
        match self.doc.apply(edit, None) {
            Ok(()) => {
                if self.selection.contains(item) {
                    self.selection.clear();
                }
            }
            Err(err) => self.error(format!("The delete could not be made: {err}")),
        }
    }

    /// Save / Discard / Cancel for an action that would lose unsaved work.
    pub(super) fn unsaved_prompt(&mut self, ctx: &egui::Context) {
        let Some(action) = self.pending_discard.clone() else {
            return;
        };
        let what = match action {
            Action::Quit => "closing",
            Action::NewProject => "starting a new project",
            _ => "opening another project",
        };
        let Some(answer) =
            crate::ui::unsaved::unsaved_prompt_ui(ctx, &self.doc.project().title, what)
        else {
            return;
        };
        self.pending_discard = None;
        match answer {
            crate::ui::unsaved::Answer::Cancel => {}
            crate::ui::unsaved::Answer::Discard => {
                let quitting = matches!(action, Action::Quit);
                self.close_confirmed = true;
                self.apply(ctx, action);
                // The window's close request comes back on the next frame, with the project
                // still unsaved: quitting keeps the answer so that it is not asked again (it
                // was, and cancelled the close, so Discard never quit).
                self.close_confirmed = quitting;
            }
            crate::ui::unsaved::Answer::Save => {
                // Carried on once the save has finished (it runs off the UI thread, and may
                // first ask whether to replace a file changed on disk); dropped if it fails.
                if let Some(path) = self.doc.path().map(Path::to_path_buf) {
                    self.after_save = Some(action);
                    self.save_to(ctx, &path);
                } else {
                    self.after_save = Some(action);
                    self.apply(ctx, Action::SaveAsDialog);
                }
            }
        }
    }

    /// "Remove the references?" for a delete that touches other entities.
    pub(super) fn delete_prompt(&mut self, ctx: &egui::Context) {
        let Some((item, edit, consequences)) = self.pending_delete.clone() else {
            return;
        };
        let mut answer = None;
        let modal = egui::Modal::new(egui::Id::unique("delete_prompt")).show(ctx, |ui| {
            ui.set_width(440.0);
            ui.heading(format!("{}?", capitalised(&edit.label)));
            ui.label(format!(
                "Other entries refer to it. Deleting it {consequences}."
            ));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Remove the references and delete").clicked() {
                    answer = Some(true);
                }
                if ui.button("Cancel").clicked() {
                    answer = Some(false);
                }
            });
        });
        if modal.should_close() && answer.is_none() {
            answer = Some(false);
        }
        if let Some(confirmed) = answer {
            self.pending_delete = None;
            if confirmed {
                self.finish_delete(&item, edit);
            }
        }
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
