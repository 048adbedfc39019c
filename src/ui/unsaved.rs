//! "Save changes before…?": asked before anything would discard unsaved work.

/// The analyst's answer, a command's argument.
pub use crate::app::UnsavedAnswer as Answer;

/// The question, as a modal. `what` says what is about to happen ("closing", "opening
/// another project").
pub fn unsaved_prompt_ui(ctx: &egui::Context, title: &str, what: &str) -> Option<Answer> {
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique("unsaved_prompt")).show(ctx, |ui| {
        ui.set_width(420.0);
        ui.heading("Unsaved changes");
        ui.label(format!("Save the changes to “{title}” before {what}?"));
        ui.weak("Your changes are lost if you don't save them.");
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                answer = Some(Answer::Save);
            }
            if ui.button("Discard").clicked() {
                answer = Some(Answer::Discard);
            }
            if ui.button("Cancel").clicked() {
                answer = Some(Answer::Cancel);
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(Answer::Cancel);
    }
    answer
}
