//! Long work off the UI thread (opening a large project, exporting): a spinner with the time
//! it has taken and a Cancel button in the status bar; the UI never waits for it.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::Instant;

use crate::app::Document;
use crate::io::LoadError;

/// What finished work hands back.
pub enum Outcome {
    Opened(PathBuf, Result<Box<Document>, LoadError>),
    /// The file is not a project but one the import dialog reads.
    ToImport(PathBuf),
    Exported(PathBuf, Result<(), String>),
}

struct Task {
    label: String,
    started: Instant,
    answer: Receiver<Outcome>,
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
        work: impl FnOnce() -> Outcome + Send + 'static,
    ) {
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let _ = tx.send(work());
            ctx.request_repaint();
        });
        self.running.push(Task {
            label,
            started: Instant::now(),
            answer: rx,
        });
    }

    pub fn is_busy(&self) -> bool {
        !self.running.is_empty()
    }

    /// Finished work, in the order it finished.
    pub fn poll(&mut self) -> Vec<Outcome> {
        let mut done = Vec::new();
        self.running.retain(|t| match t.answer.try_recv() {
            Ok(outcome) => {
                done.push(outcome);
                false
            }
            Err(TryRecvError::Empty) => true,
            Err(TryRecvError::Disconnected) => false,
        });
        done
    }

    /// The running work in the status bar. Cancelling forgets the work: its result is
    /// dropped when it comes, and nothing it would have changed changes.
    pub fn status_ui(&mut self, ui: &mut egui::Ui) {
        let mut cancel = None;
        for (i, task) in self.running.iter().enumerate() {
            ui.separator();
            ui.spinner();
            ui.label(format!(
                "{} {:.0} s",
                task.label,
                task.started.elapsed().as_secs_f32()
            ));
            if ui.small_button("Cancel").clicked() {
                cancel = Some(i);
            }
        }
        if let Some(i) = cancel {
            self.running.remove(i);
        }
        if self.is_busy() {
            // Keep the elapsed time moving.
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(250));
        }
    }
}
