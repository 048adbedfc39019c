//! Flushing a large file to disk while it is still being written, so that the `fsync` before
//! the atomic rename finds little left to do.
//!
//! Why: the kernel keeps written pages in memory until a tenth of it is dirty (2.4 GB on a
//! 24 GB machine), so a 517 MB project (a one-month GDELT slice) all reached the disk in the
//! final `fsync`: 0.59 s in which nothing else happened (docs/PERFORMANCE.md, "Flushing while
//! writing"). Here a thread of its own calls `sync_data` on a second handle of the file each
//! time another [`FLUSH_EVERY_BYTES`] are written, so the disk works while the project is
//! still being encoded. Plain `std`: `sync_file_range` would need `libc` and is Linux only.

use std::fs::File;
use std::io::{self, Write};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;

/// Bytes written between two flushes: 32 MiB takes ~50 ms to reach the disk here (649 MB/s
/// measured with `dd conv=fsync`), short beside the ~0.15 s it takes to encode, and a file
/// below it (every project an analyst edits by hand) never starts the thread at all.
pub const FLUSH_EVERY_BYTES: u64 = 32 * 1024 * 1024;

/// A writer over a file that starts flushing it to disk in the background once it is large.
/// [`EarlyFlush::finish`] waits for the background flushes, so the caller's own `sync_all`
/// comes after them; a failed background flush is reported there.
pub struct EarlyFlush<W: Write> {
    inner: W,
    /// A second handle of the file being written, for the flushing thread.
    file: Option<File>,
    written_bytes: u64,
    flushed_up_to_bytes: u64,
    flusher: Option<Flusher>,
}

struct Flusher {
    wake: Sender<()>,
    thread: JoinHandle<io::Result<()>>,
}

impl<W: Write> EarlyFlush<W> {
    /// `file` is a second handle of the file `inner` writes (`File::try_clone`); without one
    /// (it could not be cloned) this only writes, and the final `fsync` does all the work.
    pub fn new(inner: W, file: Option<File>) -> Self {
        Self {
            inner,
            file,
            written_bytes: 0,
            flushed_up_to_bytes: 0,
            flusher: None,
        }
    }

    /// Waits for the background flushes and gives back the writer. Not flushed: the caller
    /// flushes and syncs, as it would without this.
    pub fn finish(mut self) -> io::Result<W> {
        if let Some(Flusher { wake, thread }) = self.flusher.take() {
            drop(wake);
            thread
                .join()
                .unwrap_or_else(|_| Err(io::Error::other("the flushing thread stopped")))?;
        }
        Ok(self.inner)
    }

    fn note_written(&mut self, bytes: usize) {
        self.written_bytes += bytes as u64;
        if self.written_bytes - self.flushed_up_to_bytes < FLUSH_EVERY_BYTES {
            return;
        }
        self.flushed_up_to_bytes = self.written_bytes;
        if self.flusher.is_none() {
            self.flusher = self.file.take().and_then(start_flusher);
        }
        if let Some(flusher) = &self.flusher {
            // The thread flushes all that reached the file so far: what is still in a buffer
            // in front of `inner` waits for the next flush or the final `fsync`.
            let _ = flusher.wake.send(());
        }
    }
}

/// The flushing thread: one `sync_data` per wake-up, wake-ups that arrived meanwhile merged
/// into one. `None` when no thread can be started (the final `fsync` then does it all).
fn start_flusher(file: File) -> Option<Flusher> {
    let (wake, woken) = channel::<()>();
    let thread = std::thread::Builder::new()
        .name("detente-flush".to_owned())
        .spawn(move || flush_on_wake(&file, &woken))
        .ok()?;
    Some(Flusher { wake, thread })
}

fn flush_on_wake(file: &File, woken: &Receiver<()>) -> io::Result<()> {
    while woken.recv().is_ok() {
        while woken.try_recv().is_ok() {}
        file.sync_data()?;
    }
    Ok(())
}

impl<W: Write> Write for EarlyFlush<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.note_written(n);
        Ok(n)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.inner.write_all(buf)?;
        self.note_written(buf.len());
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_file() -> (tempfile::NamedTempFile, File) {
        let temp = tempfile::NamedTempFile::new().expect("temporary file");
        let clone = temp.as_file().try_clone().expect("second handle");
        (temp, clone)
    }

    #[test]
    fn a_small_file_starts_no_flushing_thread() {
        let (temp, clone) = temp_file();
        let mut out = EarlyFlush::new(temp.as_file(), Some(clone));
        out.write_all(b"(format_version: 2)").expect("write");
        assert!(out.flusher.is_none());
        out.finish().expect("finish");
    }

    #[test]
    fn a_large_file_is_flushed_while_written_and_arrives_whole() {
        let (temp, clone) = temp_file();
        let block = vec![b'x'; 1024 * 1024];
        let blocks = usize::try_from(FLUSH_EVERY_BYTES / 1024 / 1024).expect("blocks") * 2 + 3;
        {
            let mut out = EarlyFlush::new(temp.as_file(), Some(clone));
            for _ in 0..blocks {
                out.write_all(&block).expect("write");
            }
            assert!(
                out.flusher.is_some(),
                "the thread starts past the threshold"
            );
            assert_eq!(out.written_bytes, (blocks * block.len()) as u64);
            out.finish().expect("finish");
        }
        let read_back = std::fs::read(temp.path()).expect("read");
        assert_eq!(read_back.len(), blocks * block.len());
        assert!(read_back.iter().all(|&b| b == b'x'));
    }

    #[test]
    fn without_a_second_handle_it_only_writes() {
        let mut sink = Vec::new();
        {
            let mut out = EarlyFlush::new(&mut sink, None);
            let block = vec![b'y'; 1024 * 1024];
            for _ in 0..40 {
                out.write_all(&block).expect("write");
            }
            assert!(out.flusher.is_none());
            out.finish().expect("finish");
        }
        assert_eq!(sink.len(), 40 * 1024 * 1024);
    }
}
