//! Saving: on a background thread, one save at a time, with what was asked next (quit, open
//! another project) carried on once the file is written.

use std::path::Path;

use super::DetenteApp;
use crate::app::{ProgressUnit, SaveOutcome, TaskKind, WriteOutcome};
use crate::ui::tasks::Outcome;

impl DetenteApp {
    /// Saves, first asking when the project's file changed on disk since it was opened or
    /// saved (the question is answered in a later frame, see `overwrite_prompt`).
    pub(super) fn save_to(&mut self, ctx: &egui::Context, path: &Path) {
        if self.doc().path() == Some(path) && self.doc().changed_on_disk() {
            self.desk.pending_overwrite = Some(path.to_path_buf());
            return;
        }
        self.save_unchecked(ctx, path);
    }

    /// Starts the save on a background thread. While one runs, another waits for it: two
    /// saves at once could finish in the wrong order and leave the older project on disk.
    pub(super) fn save_unchecked(&mut self, ctx: &egui::Context, path: &Path) {
        if self.saving {
            self.save_next = Some(path.to_path_buf());
            return;
        }
        let view = self.view_state();
        self.doc_mut().set_view(view);
        let job = self.doc().save_job(path);
        let label = format!(
            "Saving {}…",
            path.file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
        );
        self.saving = true;
        self.tasks.spawn(
            ctx,
            TaskKind::Save,
            label,
            ProgressUnit::Bytes,
            move |work| Outcome::Saved(Box::new(job.run_watched(work))),
        );
    }

    pub(super) fn finish_save(
        &mut self,
        ctx: &egui::Context,
        saved: &SaveOutcome,
        cancelled: bool,
    ) {
        self.saving = false;
        let path = saved.path.display();
        let written = saved.written == WriteOutcome::Written;
        if written && self.doc_mut().finish_save(saved) {
            self.info(if cancelled {
                format!("Saved {path} (it had finished before Cancel)")
            } else {
                format!("Saved {path}")
            });
            if !self.doc().is_dirty() {
                self.desk.forget_recovery(&mut self.tasks);
            }
            if let Some(problem) = self.desk.remember(&saved.path) {
                self.error(problem);
            }
        } else if written {
            // The project saved was closed while it was being written.
            self.info(format!("Saved {path} (the project closed since)"));
        } else {
            self.after_save = None;
            match &saved.written {
                WriteOutcome::Cancelled => {
                    self.info(format!("Save cancelled: {path} was not changed"));
                }
                WriteOutcome::Failed(err) => self.error(err.clone()),
                WriteOutcome::Written => {}
            }
        }
        if let Some(next) = self.save_next.take() {
            // Asked while this save ran: the project may have changed since.
            self.save_unchecked(ctx, &next);
        } else if !self.doc().is_dirty()
            && let Some(next) = self.after_save.take()
        {
            // Quit, open or new, asked for with "Save" in the unsaved-changes prompt.
            self.apply(ctx, next);
        }
    }

    /// Forgets what the unsaved-changes prompt asked for after a save once that save can no
    /// longer come (its Save As dialog was cancelled, its overwrite question answered
    /// Cancel): else a later, unrelated save would quit the app. Called at the start of a
    /// frame, before the dialogs are polled, so that a path chosen this frame still counts.
    pub(super) fn drop_stale_after_save(&mut self) {
        if self.after_save.is_some()
            && !self.saving
            && self.save_next.is_none()
            && self.desk.pending_overwrite.is_none()
            && !self.dialogs.is_open()
        {
            self.after_save = None;
        }
    }
}
