//! Cancelling background work so that it stops, not only so that its result is ignored: a
//! cancelled export used to go on and write its file.
//!
//! The UI holds a [`CancelToken`] for each piece of work it started; the work checks it.
//! Writing goes through a [`CancelWriter`], which fails the next write once the token is
//! set, so that [`crate::io::write_atomically_with`] removes its temporary file and the file
//! at the destination stays as it was.

use std::io::{self, Write};
use std::path::Path;

pub use crate::io::CancelToken;
use crate::io::Progress;

/// A writer that refuses every write once its token is cancelled. Exports write in pieces
/// of one event (a few hundred bytes) through a 256 KiB buffer, so a 1M-event export stops
/// within one buffer's worth of work, a millisecond or so, after Cancel.
/// What it lets through is counted into its [`Progress`].
pub struct CancelWriter<'w> {
    inner: &'w mut dyn Write,
    cancel: &'w CancelToken,
    progress: &'w Progress,
}

impl<'w> CancelWriter<'w> {
    pub fn new(inner: &'w mut dyn Write, cancel: &'w CancelToken, progress: &'w Progress) -> Self {
        Self {
            inner,
            cancel,
            progress,
        }
    }

    fn check(&self) -> io::Result<()> {
        self.cancel.check()
    }
}

impl Write for CancelWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.check()?;
        let written = self.inner.write(buf)?;
        self.progress.add(written as u64);
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.check()?;
        self.inner.flush()
    }
}

/// How a write that may be cancelled ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WriteOutcome {
    Written,
    /// Cancelled before the file was replaced: the file at the path is as it was.
    Cancelled,
    Failed(String),
}

/// Writes `path` atomically with `write`, stopping as soon as `cancel` is set: a cancelled
/// write leaves no temporary file and the old file (or none) at `path`.
pub fn write_cancellable(
    path: &Path,
    cancel: &CancelToken,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> WriteOutcome {
    write_counted(path, cancel, &Progress::default(), write)
}

/// [`write_cancellable`], counting the bytes written into `progress`.
pub fn write_counted(
    path: &Path,
    cancel: &CancelToken,
    progress: &Progress,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> WriteOutcome {
    if cancel.is_cancelled() {
        return WriteOutcome::Cancelled;
    }
    let result = crate::io::write_atomically_with(path, |out| {
        let mut out = CancelWriter::new(out, cancel, progress);
        write(&mut out)?;
        // The last check before the rename: work cancelled after its last write but before
        // the file replaced the old one writes nothing either.
        out.flush()
    });
    match result {
        Ok(()) => WriteOutcome::Written,
        Err(_) if cancel.is_cancelled() => WriteOutcome::Cancelled,
        Err(err) => WriteOutcome::Failed(err.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> std::path::PathBuf {
        let dir =
            std::env::temp_dir().join(format!("detente-cancel-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_write_cancelled_midway_leaves_the_old_file_and_no_temporary() {
        let dir = temp_dir("midway");
        let path = dir.join("brief.md");
        std::fs::write(&path, "old brief").unwrap();
        let cancel = CancelToken::default();
        let outcome = write_cancellable(&path, &cancel, |out| {
            for row in 0..100_000 {
                if row == 500 {
                    // The analyst presses Cancel while rows are being written.
                    cancel.cancel();
                }
                writeln!(out, "row {row}")?;
            }
            Ok(())
        });
        assert_eq!(outcome, WriteOutcome::Cancelled);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old brief");
        assert_eq!(
            std::fs::read_dir(&dir).unwrap().count(),
            1,
            "temporary left"
        );
    }

    #[test]
    fn a_write_cancelled_after_its_last_byte_still_writes_nothing() {
        let dir = temp_dir("last");
        let path = dir.join("events.csv");
        let cancel = CancelToken::default();
        let outcome = write_cancellable(&path, &cancel, |out| {
            out.write_all(b"id,title\n")?;
            cancel.cancel();
            Ok(())
        });
        assert_eq!(outcome, WriteOutcome::Cancelled);
        assert!(!path.exists());
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
    }

    #[test]
    fn an_uncancelled_write_writes_and_a_failure_says_why() {
        let dir = temp_dir("plain");
        let path = dir.join("events.csv");
        let cancel = CancelToken::default();
        let outcome = write_cancellable(&path, &cancel, |out| out.write_all(b"id\n"));
        assert_eq!(outcome, WriteOutcome::Written);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "id\n");
        let outcome = write_cancellable(&path, &cancel, |_| Err(io::Error::other("no room")));
        assert!(matches!(outcome, WriteOutcome::Failed(m) if m.contains("no room")));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "id\n");
    }

    #[test]
    fn work_cancelled_before_it_starts_touches_nothing() {
        let dir = temp_dir("before");
        let path = dir.join("x.json");
        let cancel = CancelToken::default();
        cancel.cancel();
        let outcome = write_cancellable(&path, &cancel, |_| panic!("must not run"));
        assert_eq!(outcome, WriteOutcome::Cancelled);
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
    }
}
