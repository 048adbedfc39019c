//! The import dialog's preview, made on a thread: a workbook is parsed whole and a Parquet
//! slice may scan many row groups before its first rows, so the UI does not wait for either.
//! Each change of the choices starts a new preview and cancels the one running; the dialog
//! shows a spinner until the rows of its current choices are in.

use std::sync::mpsc::{Receiver, TryRecvError};

use crate::import::PreviewRow;
use crate::io::{CancelToken, Work};

/// The preview's rows, or why there are none.
pub type PreviewAnswer = Result<Vec<PreviewRow>, String>;

enum State<K> {
    NotYet,
    Running {
        key: K,
        cancel: CancelToken,
        answer: Receiver<PreviewAnswer>,
    },
    Done {
        key: K,
        rows: PreviewAnswer,
    },
}

/// The preview of the choices `K` (format, mapping, slice…).
pub struct BackgroundPreview<K> {
    state: State<K>,
}

impl<K> Default for BackgroundPreview<K> {
    fn default() -> Self {
        Self {
            state: State::NotYet,
        }
    }
}

impl<K: Clone + PartialEq> BackgroundPreview<K> {
    /// Takes the rows of a finished preview; then, when `key` is not what the preview is
    /// for, starts `make` for it on a thread (cancelling the one running). `make` gets the
    /// work's token to check between rows.
    pub fn update(
        &mut self,
        ctx: &egui::Context,
        key: &K,
        make: impl FnOnce(&Work) -> PreviewAnswer + Send + 'static,
    ) {
        self.poll();
        let current = match &self.state {
            State::NotYet => None,
            State::Running { key, .. } | State::Done { key, .. } => Some(key),
        };
        if current != Some(key) {
            self.start(ctx, key.clone(), make);
        }
    }

    /// Forgets the rows, so that the next [`Self::update`] makes them again.
    pub fn invalidate(&mut self) {
        self.cancel();
        self.state = State::NotYet;
    }

    /// The rows, once the preview of the current choices is in.
    pub fn rows(&self) -> Option<&PreviewAnswer> {
        match &self.state {
            State::Done { rows, .. } => Some(rows),
            State::NotYet | State::Running { .. } => None,
        }
    }

    /// Whether the preview of the current choices is still being read.
    pub fn is_running(&self) -> bool {
        matches!(self.state, State::Running { .. })
    }

    /// Whether the preview has rows of which at least one will be imported: what Import
    /// waits for.
    pub fn has_an_event(&self) -> bool {
        self.rows().is_some_and(|r| {
            r.as_ref()
                .is_ok_and(|rows| rows.iter().any(|row| row.skipped.is_none()))
        })
    }

    fn poll(&mut self) {
        if let State::Running { key, answer, .. } = &self.state {
            let rows = match answer.try_recv() {
                Ok(rows) => rows,
                Err(TryRecvError::Disconnected) => {
                    Err("the preview stopped without an answer".to_owned())
                }
                Err(TryRecvError::Empty) => return,
            };
            self.state = State::Done {
                key: key.clone(),
                rows,
            };
        }
    }

    fn start(
        &mut self,
        ctx: &egui::Context,
        key: K,
        make: impl FnOnce(&Work) -> PreviewAnswer + Send + 'static,
    ) {
        self.cancel();
        let (tx, rx) = std::sync::mpsc::channel();
        let work = Work::default();
        let cancel = work.cancel.clone();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("import-preview".into())
            .spawn(move || {
                let _ = tx.send(make(&work));
                ctx.request_repaint();
            });
        self.state = match spawned {
            Ok(_) => State::Running {
                key,
                cancel,
                answer: rx,
            },
            Err(err) => State::Done {
                key,
                rows: Err(format!("the preview could not start: {err}")),
            },
        };
    }
}

impl<K> BackgroundPreview<K> {
    fn cancel(&self) {
        if let State::Running { cancel, .. } = &self.state {
            cancel.cancel();
        }
    }
}

impl<K> Drop for BackgroundPreview<K> {
    fn drop(&mut self) {
        // A closed dialog leaves no thread reading a big file.
        self.cancel();
    }
}

/// A spinner while the preview is being read.
pub fn reading_ui(ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        ui.spinner();
        ui.label("Reading the first rows…");
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait_for(preview: &mut BackgroundPreview<u32>, ctx: &egui::Context, key: u32) {
        for _ in 0..500 {
            preview.update(ctx, &key, |_| Err("not used".to_owned()));
            if preview.rows().is_some() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        panic!("no answer");
    }

    #[test]
    fn a_new_key_starts_a_new_preview_and_the_same_key_keeps_its_rows() {
        let ctx = egui::Context::default();
        let mut preview = BackgroundPreview::default();
        preview.update(&ctx, &1, |_| Ok(Vec::new()));
        wait_for(&mut preview, &ctx, 1);
        assert_eq!(preview.rows(), Some(&Ok(Vec::new())));
        assert!(!preview.has_an_event());
        // The same key: the rows stay (the closure given now is not run).
        preview.update(&ctx, &1, |_| Err("ran again".to_owned()));
        assert_eq!(preview.rows(), Some(&Ok(Vec::new())));
        // Another key: a new preview.
        preview.update(&ctx, &2, |_| Err("two".to_owned()));
        wait_for(&mut preview, &ctx, 2);
        assert_eq!(preview.rows(), Some(&Err("two".to_owned())));
    }

    #[test]
    fn a_preview_is_running_until_its_rows_are_in_and_not_after_invalidate() {
        let ctx = egui::Context::default();
        let mut preview = BackgroundPreview::default();
        assert!(!preview.is_running());
        let (go_tx, go_rx) = std::sync::mpsc::channel::<()>();
        preview.update(&ctx, &1, move |_| {
            let _ = go_rx.recv();
            Ok(Vec::new())
        });
        // Held until told to go: still running however often the dialog asks.
        preview.update(&ctx, &1, |_| Err("not used".to_owned()));
        assert!(preview.is_running());
        assert!(preview.rows().is_none());
        go_tx.send(()).expect("the preview waits");
        wait_for(&mut preview, &ctx, 1);
        assert!(!preview.is_running());
        // Invalidated (as when the import starts): neither running nor holding rows.
        preview.invalidate();
        assert!(!preview.is_running());
        assert!(preview.rows().is_none());
    }

    #[test]
    fn a_preview_overtaken_by_new_choices_is_cancelled() {
        let ctx = egui::Context::default();
        let mut preview = BackgroundPreview::default();
        let (seen_tx, seen_rx) = std::sync::mpsc::channel();
        preview.update(&ctx, &1, move |work| {
            // Runs until cancelled, as an importer checks its token between rows.
            while !work.cancel.is_cancelled() {
                std::thread::sleep(std::time::Duration::from_millis(1));
            }
            let _ = seen_tx.send(());
            Err("cancelled".to_owned())
        });
        preview.update(&ctx, &2, |_| Ok(Vec::new()));
        seen_rx
            .recv_timeout(std::time::Duration::from_secs(5))
            .expect("the first preview was cancelled");
        wait_for(&mut preview, &ctx, 2);
        assert_eq!(preview.rows(), Some(&Ok(Vec::new())));
    }
}
