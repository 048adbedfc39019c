//! Long work off the UI thread (opening a large project, exporting): a spinner with the time
//! it has taken and a Cancel button in the status bar; the UI never waits for it. Cancel
//! sets the work's [`CancelToken`]: an export stops writing and leaves the old file (see
//! [`crate::app::cancel`]); the work stays listed as "cancelling" until it has stopped, and
//! its result says whether it stopped in time.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::Instant;

use crate::app::{CancelToken, Document, SaveOutcome, WriteOutcome};
use crate::io::LoadError;

/// What finished work hands back.
pub enum Outcome {
    Opened(PathBuf, Result<Box<Document>, LoadError>),
    /// The file is not a project but one the import dialog reads.
    ToImport(PathBuf),
    Exported(PathBuf, WriteOutcome),
    Saved(Box<SaveOutcome>),
}

struct Task {
    label: String,
    started: Instant,
    answer: Receiver<Outcome>,
    cancel: CancelToken,
}

/// Finished work, and whether Cancel had been pressed before it finished.
pub struct Finished {
    pub outcome: Outcome,
    pub cancelled: bool,
}

#[derive(Default)]
pub struct Tasks {
    running: Vec<Task>,
}

impl Tasks {
    pub fn spawn(
        &mut self,
        ctx: &egui::Context,
        label: String,
        work: impl FnOnce(&CancelToken) -> Outcome + Send + 'static,
    ) {
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        let cancel = CancelToken::default();
        let token = cancel.clone();
        std::thread::spawn(move || {
            let _ = tx.send(work(&token));
            ctx.request_repaint();
        });
        self.running.push(Task {
            label,
            started: Instant::now(),
            answer: rx,
            cancel,
        });
    }

    pub fn is_busy(&self) -> bool {
        !self.running.is_empty()
    }

    /// Finished work, in the order it finished.
    pub fn poll(&mut self) -> Vec<Finished> {
        let mut done = Vec::new();
        self.running.retain(|t| match t.answer.try_recv() {
            Ok(outcome) => {
                done.push(Finished {
                    outcome,
                    cancelled: t.cancel.is_cancelled(),
                });
                false
            }
            Err(TryRecvError::Empty) => true,
            Err(TryRecvError::Disconnected) => false,
        });
        done
    }

    /// The running work in the status bar, each with its Cancel button. Drawn in the status
    /// bar's right-to-left part, so each task's widgets are added last first.
    pub fn status_ui(&mut self, ui: &mut egui::Ui) {
        for task in &self.running {
            let cancelling = task.cancel.is_cancelled();
            if !cancelling && ui.small_button("Cancel").clicked() {
                task.cancel.cancel();
            }
            ui.label(format!(
                "{}{} {:.0} s",
                task.label,
                if cancelling { " (cancelling)" } else { "" },
                task.started.elapsed().as_secs_f32()
            ));
            ui.spinner();
            ui.separator();
        }
        if self.is_busy() {
            // Keep the elapsed time moving.
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(250));
        }
    }
}
