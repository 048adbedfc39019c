//! Saving off the UI thread: a [`SaveJob`] holds the project as it was when Save was asked
//! (shared, not copied) and writes it on a background thread; the document takes the
//! [`SaveOutcome`] back with [`super::Document::finish_save`]. A 1M-event project takes
//! seconds to encode and write (docs/PERFORMANCE.md), during which the window kept still.
//!
//! The text is encoded straight into the temporary file, through the writer that Cancel
//! stops and one that hashes it for the file's fingerprint: no 330 MB string, and Cancel
//! ends the encoding within one 64 KiB block instead of after it.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::cancel::{CancelToken, WriteOutcome, write_counted};
use super::file_watch::{FileFingerprint, HashingWriter};
use super::tasks::Work;
use crate::io::write_project;
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
        self.run_watched(&Work {
            cancel: cancel.clone(),
            progress: Arc::default(),
        })
    }

    /// [`Self::run`], counting the bytes written into the work's progress, of a total
    /// guessed from the file it replaces (usually the last save of the same project).
    pub fn run_watched(self, work: &Work) -> SaveOutcome {
        if let Ok(meta) = std::fs::metadata(&self.path) {
            work.progress.set_total(meta.len());
        }
        let mut digest = None;
        let written = write_counted(&self.path, &work.cancel, &work.progress, |out| {
            let mut hashing = HashingWriter::new(out);
            write_project(&self.project, &mut hashing)?;
            digest = Some(hashing.finish()?);
            Ok(())
        });
        let fingerprint = match (&written, digest) {
            (WriteOutcome::Written, Some(digest)) => {
                FileFingerprint::of_hashed(&self.path, digest).ok()
            }
            _ => None,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Document;
    use crate::generate::generate_project;
    use std::time::Duration;

    fn temp_dir(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("detente-savejob-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_save_cancelled_while_encoding_stops_before_the_end_and_writes_nothing() {
        let dir = temp_dir("cancel");
        let path = dir.join("big.detente.ron");
        std::fs::write(&path, "old project").unwrap();
        // 20,000 events are ~6.6 MB of text: about a hundred 64 KiB blocks.
        let project = generate_project(20_000, 1);
        let full_len = crate::io::to_ron_string(&project).unwrap().len() as u64;
        let doc = Document::new(project, crate::app::Origin::Untitled);
        let job = doc.save_job(&path);
        let work = Work::default();
        let watched = work.clone();
        let saving = std::thread::spawn(move || job.run_watched(&watched));
        // Cancel once the first blocks have reached the file, i.e. while encoding.
        while work.progress.get().0 == 0 {
            std::thread::sleep(Duration::from_micros(100));
        }
        work.cancel.cancel();
        let outcome = saving.join().unwrap();
        assert_eq!(outcome.written, WriteOutcome::Cancelled);
        let written = work.progress.get().0;
        assert!(
            written < full_len / 2,
            "the encoder went on after Cancel: {written} of {full_len} bytes"
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old project");
        assert_eq!(
            std::fs::read_dir(&dir).unwrap().count(),
            1,
            "temporary left"
        );
    }

    #[test]
    fn a_streamed_save_writes_the_text_and_its_fingerprint() {
        let dir = temp_dir("plain");
        let path = dir.join("p.detente.ron");
        let project = generate_project(3_000, 1);
        let text = crate::io::to_ron_string(&project).unwrap();
        let doc = Document::new(project, crate::app::Origin::Untitled);
        let work = Work::default();
        let outcome = doc.save_job(&path).run_watched(&work);
        assert_eq!(outcome.written, WriteOutcome::Written);
        assert_eq!(std::fs::read(&path).unwrap(), text.as_bytes());
        assert_eq!(outcome.fingerprint, FileFingerprint::of_file(&path).ok());
        assert_eq!(work.progress.get().0, text.len() as u64);
    }

    #[test]
    fn an_export_to_the_file_a_save_is_writing_waits_for_it_and_never_interleaves() {
        let dir = temp_dir("claim");
        let path = dir.join("p.detente.ron");
        let doc = Document::new(generate_project(20_000, 2), crate::app::Origin::Untitled);
        let job = doc.save_job(&path);
        let work = Work::default();
        let watched = work.clone();
        let saving = std::thread::spawn(move || job.run_watched(&watched));
        while work.progress.get().0 == 0 {
            std::thread::sleep(Duration::from_micros(100));
        }
        // The save holds the file now: this write waits for its end, then replaces it.
        let export = crate::app::write_cancellable(&path, &CancelToken::default(), |out| {
            out.write_all(b"id,title\n")
        });
        assert_eq!(export, WriteOutcome::Written);
        assert_eq!(saving.join().unwrap().written, WriteOutcome::Written);
        // Had the export not waited, the save would have replaced it with the project.
        assert_eq!(std::fs::read(&path).unwrap(), b"id,title\n");
        assert_eq!(
            std::fs::read_dir(&dir).unwrap().count(),
            1,
            "temporary left"
        );
    }
}
