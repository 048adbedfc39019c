//! The status bar's part of background work (the list itself is [`crate::app::TaskList`]):
//! every running task with its label, its progress and a Cancel button; the UI never waits
//! for one. Cancel sets the task's token and the work stops at its next check (an export or
//! a save leaves the old file, an import leaves the open project); the task stays listed as
//! "cancelling" until it has stopped, and its result says whether it stopped in time.

use std::path::PathBuf;

use crate::app::{
    Document, Finished as TaskFinished, ProgressUnit, SaveOutcome, TaskId, TaskKind, TaskList,
    TaskStatus, Work, WriteOutcome,
};
use crate::import::{ImportError, Imported};
use crate::io::{LoadError, SaveError};
use crate::model::group_thousands;
use crate::ui::import_dialog::Target;

/// What finished work hands back.
pub enum Outcome {
    Opened(PathBuf, Result<Box<Document>, LoadError>),
    /// The file is not a project but one the import dialog reads.
    ToImport(PathBuf),
    Exported(PathBuf, WriteOutcome),
    Saved(Box<SaveOutcome>),
    /// The recovery file written (or why not).
    Autosaved(Result<PathBuf, SaveError>),
    /// The import dialog's file, read.
    ImportRead(Result<Box<crate::ui::import_read::ReadFile>, String>),
    /// The import dialog's Parquet dataset: what its footers say.
    ParquetInspected(Result<crate::import::parquet::DatasetSummary, String>),
    /// The import dialog's file, imported, for a new project or to merge.
    Imported(Target, Box<Result<Imported, ImportError>>),
    /// The project as of a day (`None`: cancelled).
    AsOf(Option<Box<crate::app::AsOfView>>),
}

/// Finished work, and whether Cancel had been pressed before it finished.
pub type Finished = TaskFinished<Outcome>;

#[derive(Default)]
pub struct Tasks {
    list: TaskList<Outcome>,
}

impl Tasks {
    pub fn spawn(
        &mut self,
        ctx: &egui::Context,
        kind: TaskKind,
        label: String,
        unit: ProgressUnit,
        work: impl FnOnce(&Work) -> Outcome + Send + 'static,
    ) -> TaskId {
        let ctx = ctx.clone();
        self.list
            .spawn(kind, label, unit, move || ctx.request_repaint(), work)
    }

    pub fn is_busy(&self) -> bool {
        self.list.is_busy()
    }

    pub fn is_running(&self, id: TaskId) -> bool {
        self.list.is_running(id)
    }

    pub fn cancel(&self, id: TaskId) {
        self.list.cancel(id);
    }

    pub fn cancel_and_wait(&mut self, id: TaskId) {
        self.list.cancel_and_wait(id);
    }

    /// The running tasks, oldest first.
    pub fn statuses(&self) -> Vec<TaskStatus> {
        self.list.statuses()
    }

    /// Finished work, in the order it was started.
    pub fn poll(&mut self) -> Vec<Finished> {
        self.list.poll()
    }

    /// The running work in the status bar, each with its progress and Cancel button. Drawn
    /// in the status bar's right-to-left part, so each task's widgets are added last first.
    pub fn status_ui(&mut self, ui: &mut egui::Ui) {
        for task in self.list.statuses() {
            if !task.cancelling && ui.small_button("Cancel").clicked() {
                self.list.cancel(task.id);
            }
            ui.label(status_text(&task));
            if task.total > 0 {
                // 80 pt: wide enough to read a fraction at a glance in the status bar.
                let fraction = task.done as f32 / task.total as f32;
                ui.add(egui::ProgressBar::new(fraction.min(1.0)).desired_width(80.0));
            } else {
                ui.spinner();
            }
            ui.separator();
        }
        if self.is_busy() {
            // Keep the progress and the elapsed time moving.
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(250));
        }
    }
}

/// "Saving p.ron… 120 MB of 330 MB 3 s": the label, how far, and for how long.
fn status_text(task: &TaskStatus) -> String {
    let amount = match (task.unit, task.total) {
        (_, _) if task.done == 0 => String::new(),
        (ProgressUnit::Bytes, 0) => format!(" {}", megabytes(task.done)),
        (ProgressUnit::Bytes, total) => {
            format!(" {} of {}", megabytes(task.done), megabytes(total))
        }
        (ProgressUnit::Rows, total) => counted(task.done, total, "rows"),
        (ProgressUnit::Files, total) => counted(task.done, total, "files"),
    };
    format!(
        "{}{amount}{} {:.0} s",
        task.label,
        if task.cancelling { " (cancelling)" } else { "" },
        task.elapsed.as_secs_f32()
    )
}

/// " 40,000 rows", or " 9,254,600 of 20,000,000 rows" when the total is known (0 when it
/// is not); grouped as the import dialog's progress bar shows the same counts.
fn counted(done: u64, total: u64, unit: &str) -> String {
    if total == 0 {
        format!(" {} {unit}", group_thousands(done))
    } else {
        format!(
            " {} of {} {unit}",
            group_thousands(done),
            group_thousands(total)
        )
    }
}

fn megabytes(bytes: u64) -> String {
    // One decimal below 10 MB, where whole megabytes would sit still for seconds.
    let mb = bytes as f64 / 1_000_000.0;
    if mb < 10.0 {
        format!("{mb:.1} MB")
    } else {
        format!("{mb:.0} MB")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn the_status_says_how_far_in_the_unit_of_the_work() {
        // A real id: ids are made only by the list.
        let id = TaskList::<()>::default().spawn(
            TaskKind::Save,
            String::new(),
            ProgressUnit::Bytes,
            || {},
            |_| {},
        );
        let mut task = TaskStatus {
            id,
            kind: TaskKind::Save,
            label: "Saving p.ron…".to_owned(),
            unit: ProgressUnit::Bytes,
            done: 120_400_000,
            total: 330_000_000,
            cancelling: false,
            elapsed: Duration::from_secs(3),
        };
        assert_eq!(status_text(&task), "Saving p.ron… 120 MB of 330 MB 3 s");
        task.total = 0;
        task.done = 2_500_000;
        task.cancelling = true;
        assert_eq!(status_text(&task), "Saving p.ron… 2.5 MB (cancelling) 3 s");
        task.unit = ProgressUnit::Rows;
        task.label = "Importing…".to_owned();
        task.done = 40_000;
        assert_eq!(
            status_text(&task),
            "Importing… 40,000 rows (cancelling) 3 s"
        );
        task.cancelling = false;
        task.done = 9_254_600;
        task.total = 20_000_000;
        assert_eq!(
            status_text(&task),
            "Importing… 9,254,600 of 20,000,000 rows 3 s"
        );
    }
}
