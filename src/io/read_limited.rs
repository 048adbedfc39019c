//! Reading a whole file with a ceiling on the bytes read, not on the size the file reports:
//! `/dev/zero`, a FIFO or a file still growing report 0 bytes or too few, and were read
//! until memory ran out (4.2 GB for `detente check /dev/zero`).

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;
use std::sync::Arc;

use super::work::{WatchedReader, Work};

/// The largest project file loaded: 1 GiB. A 1M-event project, the size the performance
/// targets are set for, is 331 MB (docs/PERFORMANCE.md) and peaks at 830 MB of memory
/// while loading, so 1 GiB is three times the largest project tested (about three million
/// events, 2.5 GB while loading) and far below what an endless input would take.
pub const MAX_PROJECT_BYTES: u64 = 1 << 30;

/// Files larger than this are refused as imports: 1 GiB, about two million GDELT rows (the
/// GDELT 1.0 sample in the test corpus is 356 bytes a row; a day of GDELT 1.0 is under
/// 100 MB, a year of ICEWS about 250 MB). Defined here, with the reader that enforces it, so
/// that `io` does not reach up into `import`; `import` re-exports it.
pub const MAX_IMPORT_BYTES: u64 = 1 << 30;

/// What to do about an import over [`MAX_IMPORT_BYTES`].
const IMPORT_HINT: &str = "split it into smaller files";

/// The bytes of a file to import, at most [`MAX_IMPORT_BYTES`] of them, counted as they are
/// read: for the command line and the import dialog alike.
pub fn read_import_bytes(path: &Path) -> io::Result<Vec<u8>> {
    read_at_most(path, MAX_IMPORT_BYTES, IMPORT_HINT)
}

/// [`read_import_bytes`] for background work: counts the bytes into `work`'s progress and
/// stops with an error once it is cancelled.
pub fn read_import_bytes_watched(path: &Path, work: &Work) -> io::Result<Vec<u8>> {
    read_at_most_watched(path, MAX_IMPORT_BYTES, IMPORT_HINT, work)
}

/// The error for an input to import of more than [`MAX_IMPORT_BYTES`], whether its size was
/// known before reading or found while reading.
pub fn import_too_large() -> io::Error {
    too_large(MAX_IMPORT_BYTES, IMPORT_HINT)
}

/// A reader that fails, rather than ending, once more than [`MAX_IMPORT_BYTES`] came
/// through: an import read as a stream from an endless input (`/dev/zero`, a FIFO) stops
/// there with [`import_too_large`], as [`read_import_bytes`] does.
pub struct ImportReader<R> {
    inner: R,
    left: u64,
}

impl<R> ImportReader<R> {
    pub fn new(inner: R) -> Self {
        Self {
            inner,
            left: MAX_IMPORT_BYTES,
        }
    }
}

impl<R: Read> Read for ImportReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.left = self
            .left
            .checked_sub(n as u64)
            .ok_or_else(import_too_large)?;
        Ok(n)
    }
}

/// The error for more than `limit` bytes; `hint` says what to do about it.
fn too_large(limit: u64, hint: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::FileTooLarge,
        format!(
            "more than {limit} bytes ({}) to read, the most Detente reads from one file; {hint}",
            human_bytes(limit)
        ),
    )
}

/// A column mapping is a JSON object of a dozen columns, under a kilobyte; 1 MiB leaves a
/// thousand times that and still stops a mapping path that names an endless input.
const MAX_MAPPING_BYTES: u64 = 1 << 20;

/// The text of a CSV column mapping file, at most [`MAX_MAPPING_BYTES`] of it.
pub fn read_mapping_text(path: &Path) -> io::Result<String> {
    let bytes = read_at_most(
        path,
        MAX_MAPPING_BYTES,
        "a column mapping is a small JSON file",
    )?;
    String::from_utf8(bytes).map_err(|_| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            "a column mapping is JSON text in UTF-8",
        )
    })
}

/// Reads the whole file at `path`, but refuses it, after reading at most `limit + 1` bytes,
/// when more than `limit` bytes arrive. `hint` says what to do about it ("split it …").
///
/// The error is an [`io::ErrorKind::FileTooLarge`] whose message names the limit; callers
/// name the file.
pub fn read_at_most(path: &Path, limit: u64, hint: &str) -> io::Result<Vec<u8>> {
    read_at_most_watched(path, limit, hint, &Work::default())
}

/// [`read_at_most`], counting into `work`'s progress (of the file's size when known) and
/// stopping once it is cancelled.
pub fn read_at_most_watched(
    path: &Path,
    limit: u64,
    hint: &str,
    work: &Work,
) -> io::Result<Vec<u8>> {
    let file = File::open(path)?;
    let metadata = file.metadata()?;
    let too_large = || too_large(limit, hint);
    // A regular file's size is known: refused before reading, and read into a buffer of
    // the right size. Anything else (device, pipe, FIFO) says nothing reliable about its
    // length, so only the bytes read count.
    let expected = if metadata.is_file() {
        if metadata.len() > limit {
            return Err(too_large());
        }
        metadata.len()
    } else {
        0
    };
    // One byte more than the limit tells "exactly the limit" from "more than the limit".
    let mut bytes = Vec::with_capacity(usize::try_from(expected.saturating_add(1)).unwrap_or(0));
    work.progress.set_total(expected);
    WatchedReader::new(file, work.cancel.clone(), Arc::clone(&work.progress))
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(bytes)
}

/// `1 GiB`, `64 KiB`, `100 bytes`: the limit as an analyst reads it.
fn human_bytes(n: u64) -> String {
    const UNITS: [(u64, &str); 3] = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")];
    for (size, unit) in UNITS {
        if n >= size && n.is_multiple_of(size) {
            return format!("{} {unit}", n / size);
        }
    }
    format!("{n} bytes")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("detente-read-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_file_up_to_the_limit_is_read_and_a_larger_one_refused() {
        let dir = temp_dir("file");
        let path = dir.join("f");
        std::fs::write(&path, b"0123456789").unwrap();
        assert_eq!(read_at_most(&path, 10, "").unwrap(), b"0123456789");
        let err = read_at_most(&path, 9, "split it").unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::FileTooLarge);
        assert_eq!(
            err.to_string(),
            "more than 9 bytes (9 bytes) to read, the most Detente reads from one file; split it"
        );
        assert_eq!(human_bytes(MAX_PROJECT_BYTES), "1 GiB");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn an_endless_device_is_read_only_up_to_the_limit() {
        // Issue 11: /dev/zero reports a size of 0 and never ends.
        let err = read_at_most(Path::new("/dev/zero"), 1 << 20, "").unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::FileTooLarge);
        assert!(err.to_string().contains("1048576 bytes (1 MiB)"), "{err}");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_fifo_that_keeps_sending_is_cut_at_the_limit() {
        let dir = temp_dir("fifo");
        let fifo = dir.join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return; // no mkfifo here: the device test covers the same path
        }
        let writer_path = fifo.clone();
        let writer = std::thread::spawn(move || {
            use std::io::Write as _;
            let mut w = std::fs::OpenOptions::new()
                .write(true)
                .open(writer_path)
                .unwrap();
            // Writes until the reader goes away (a broken pipe ends the loop).
            let block = [b'x'; 4096];
            while w.write_all(&block).is_ok() {}
        });
        let err = read_at_most(&fifo, 100_000, "").unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::FileTooLarge);
        writer.join().unwrap();
    }
}
