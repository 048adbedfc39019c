//! Questions the app asks before it acts: unsaved changes, and deletes that reach further.

use super::DetenteApp;
use crate::ui::actions::Action;

impl DetenteApp {
    /// Save / Discard / Cancel for an action that would lose unsaved work.
    pub(super) fn unsaved_prompt(&mut self, ctx: &egui::Context) {
        let Some(action) = self.session.pending_discard() else {
            return;
        };
        let what = match action {
            Action::Quit => "closing",
            Action::NewProject => "starting a new project",
            _ => "opening another project",
        };
        let Some(answer) =
            crate::ui::unsaved::unsaved_prompt_ui(ctx, &self.doc().project().title, what)
        else {
            return;
        };
        self.apply(ctx, Action::AnswerUnsaved(answer));
    }

    /// "Remove the references?" for a delete that touches other entities.
    pub(super) fn delete_prompt(&mut self, ctx: &egui::Context) {
        let Some(pending) = self.session.pending_delete() else {
            return;
        };
        let (label, consequences) = (pending.edit.label.clone(), pending.consequences.clone());
        let mut answer = None;
        let modal = egui::Modal::new(egui::Id::unique("delete_prompt")).show(ctx, |ui| {
            ui.set_width(440.0);
            ui.heading(format!("{}?", capitalised(&label)));
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
            self.apply(ctx, Action::ConfirmDelete(confirmed));
        }
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
