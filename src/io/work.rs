//! What background work shares with whoever started it: a [`CancelToken`] to stop it and a
//! [`Progress`] to show how far it got. Here, at the bottom, so that the readers and
//! importers that do the work can check the token between rows and chunks; the task list
//! that runs the work is `app::tasks`.

use std::io::{self, Read};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

/// Set once by whoever asks the work to stop; read by the work, between steps.
#[derive(Clone, Debug, Default)]
pub struct CancelToken(Arc<AtomicBool>);

impl CancelToken {
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }

    /// An error for work to return once the token is set. Not `ErrorKind::Interrupted`:
    /// `write_all` and `read_exact` retry that one.
    pub fn check(&self) -> io::Result<()> {
        if self.is_cancelled() {
            Err(io::Error::other("cancelled"))
        } else {
            Ok(())
        }
    }
}

/// How far work got: `done` of `total` units (bytes or rows, as the work says), with a
/// total of 0 when it is not known. Atomics, so the work updates it without a lock and the
/// UI reads it every frame.
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicU64,
    total: AtomicU64,
}

impl Progress {
    pub fn add(&self, done: u64) {
        self.done.fetch_add(done, Ordering::Relaxed);
    }

    pub fn set_done(&self, done: u64) {
        self.done.store(done, Ordering::Relaxed);
    }

    pub fn set_total(&self, total: u64) {
        self.total.store(total, Ordering::Relaxed);
    }

    /// `(done, total)`; total 0 when unknown.
    pub fn get(&self) -> (u64, u64) {
        (
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }
}

/// What background work gets: the token to check and the progress to move.
#[derive(Clone, Debug, Default)]
pub struct Work {
    pub cancel: CancelToken,
    pub progress: Arc<Progress>,
}

/// A reader that counts what it reads into a [`Progress`] and fails once its token is
/// cancelled, so that reading a 300 MB file stops within one read (64 KiB or so) of Cancel.
pub struct WatchedReader<R> {
    inner: R,
    cancel: CancelToken,
    progress: Arc<Progress>,
}

impl<R: Read> WatchedReader<R> {
    pub fn new(inner: R, cancel: CancelToken, progress: Arc<Progress>) -> Self {
        Self {
            inner,
            cancel,
            progress,
        }
    }
}

impl<R: Read> Read for WatchedReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.cancel.check()?;
        let n = self.inner.read(buf)?;
        self.progress.add(n as u64);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_watched_reader_counts_and_stops_when_cancelled() {
        let cancel = CancelToken::default();
        let progress = Arc::new(Progress::default());
        let data = vec![7u8; 100_000];
        let mut reader = WatchedReader::new(&data[..], cancel.clone(), Arc::clone(&progress));
        let mut buf = [0u8; 1000];
        reader.read_exact(&mut buf).unwrap();
        assert_eq!(progress.get(), (1000, 0));
        cancel.cancel();
        assert!(reader.read(&mut buf).is_err());
        assert_eq!(progress.get().0, 1000, "nothing read after Cancel");
    }
}
