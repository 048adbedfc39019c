//! Saving off the UI thread: a [`SaveJob`] holds the project as it was when Save was asked
//! (shared, not copied) and writes it on a background thread; the document takes the
//! [`SaveOutcome`] back with [`super::Document::finish_save`]. A 1M-event project takes
//! seconds to encode and write (docs/PERFORMANCE.md), during which the window kept still.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::cancel::{CancelToken, WriteOutcome, write_cancellable};
use super::file_watch::FileFingerprint;
use crate::io::to_ron_string;
use crate::model::Project;

/// The project to save, where, and which state of the document it is.
pub struct SaveJob {
    pub(super) path: PathBuf,
    pub(super) project: Arc<Project>,
    /// The document it came from (see `Document::revision`).
    pub(super) instance: u64,
    pub(super) generation: u64,
}

/// How a save ended, to hand back to the document that asked for it.
pub struct SaveOutcome {
    pub path: PathBuf,
    /// The document it came from, and its generation when the save was asked for: the
    /// project it wrote.
    pub(super) instance: u64,
    pub(super) generation: u64,
    pub written: WriteOutcome,
    pub(super) fingerprint: Option<FileFingerprint>,
}

impl SaveJob {
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Encodes the project and writes it atomically. Cancelled, it stops and leaves the
    /// file as it was.
    pub fn run(self, cancel: &CancelToken) -> SaveOutcome {
        let (written, fingerprint) = match to_ron_string(&self.project) {
            Err(err) => (
                WriteOutcome::Failed(format!("could not save {}: {err}", self.path.display())),
                None,
            ),
            Ok(text) => {
                // The text is the largest thing here (330 MB at 1M events): the project is
                // let go first, so that an edit made meanwhile need not copy it.
                drop(self.project);
                let written =
                    write_cancellable(&self.path, cancel, |out| out.write_all(text.as_bytes()));
                let fingerprint = (written == WriteOutcome::Written)
                    .then(|| FileFingerprint::of_written(&self.path, text.as_bytes()).ok())
                    .flatten();
                (written, fingerprint)
            }
        };
        SaveOutcome {
            path: self.path,
            instance: self.instance,
            generation: self.generation,
            written,
            fingerprint,
        }
    }
}
