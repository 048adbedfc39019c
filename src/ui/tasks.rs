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
    /// The tasks share `budget` points: a label is cut to its share, or left out (shown when
    /// the pointer rests on the progress) when its share is too narrow to say anything.
    pub fn status_ui(&mut self, ui: &mut egui::Ui, budget: f32) {
        let tasks = self.list.statuses();
        let gap = ui.spacing().item_spacing.x;
        let cancel_width = text_width(ui, "Cancel") + 2.0 * ui.spacing().button_padding.x;
        // Cancel, the progress, a separator (its line and a gap each side) and the gaps
        // between the four.
        let fixed = cancel_width + PROGRESS_PX + (1.0 + 2.0 * gap) + 3.0 * gap;
        let room = label_room(budget, tasks.len(), fixed);
        for task in tasks {
            if !task.cancelling && ui.small_button("Cancel").clicked() {
                self.list.cancel(task.id);
            }
            let text = status_text(&task);
            if let Some(room) = room {
                ui.scope(|ui| {
                    ui.set_max_width(room);
                    ui.add(egui::Label::new(text.as_str()).truncate())
                        .on_hover_text(text.as_str());
                });
            }
            let progress = if task.total > 0 {
                let fraction = task.done as f32 / task.total as f32;
                ui.add(egui::ProgressBar::new(fraction.min(1.0)).desired_width(PROGRESS_PX))
            } else {
                ui.spinner()
            };
            if room.is_none() {
                progress.on_hover_text(text.as_str()).widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::ProgressIndicator, true, text.as_str())
                });
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

/// A task's progress bar in the status bar: wide enough to read a fraction at a glance.
const PROGRESS_PX: f32 = 80.0;
/// Under this, a task's label is left out of the status bar and shown on hover instead:
/// cut to fewer than about 8 characters ("Saving…"), it would say less than the progress.
const MIN_LABEL_PX: f32 = 60.0;

/// The width each task's label may take when `num_tasks` share `budget` points and each
/// needs `fixed` for everything else; `None` when that is under [`MIN_LABEL_PX`].
fn label_room(budget: f32, num_tasks: usize, fixed: f32) -> Option<f32> {
    if num_tasks == 0 {
        return None;
    }
    let room = budget / num_tasks as f32 - fixed;
    (room >= MIN_LABEL_PX).then_some(room)
}

/// The width of `text` in the body font.
pub fn text_width(ui: &egui::Ui, text: &str) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    ui.painter()
        .layout_no_wrap(text.to_owned(), font, egui::Color32::PLACEHOLDER)
        .size()
        .x
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
    fn labels_share_the_room_and_give_way_when_too_narrow() {
        assert_eq!(label_room(1000.0, 0, 150.0), None);
        // One task at 1024 px: its label has most of the bar.
        assert_eq!(label_room(600.0, 1, 150.0), Some(450.0));
        // Two share it.
        assert_eq!(label_room(600.0, 2, 150.0), Some(150.0));
        // Three at 1024 px: 50 px each says nothing; the progress shows it on hover.
        assert_eq!(label_room(600.0, 3, 150.0), None);
        assert_eq!(label_room(420.0, 2, 150.0), Some(60.0));
        assert_eq!(label_room(-20.0, 1, 150.0), None);
    }

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
