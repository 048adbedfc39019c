//! Atomic file replacement: a crash or a full disk at any moment leaves either the old file
//! or the new one, never a torn mix.

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::SaveError;

/// Writes `bytes` to a temporary file beside `path`, flushes it to disk, and renames it over
/// `path`. On any failure the temporary file is removed and `path` is untouched.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_atomically_with(path, |out| out.write_all(bytes))
}

/// Like [`write_atomically`], for output produced piece by piece: `write` streams into a
/// buffered writer on the temporary file, so a 1M-event export never holds its whole text in
/// memory. An error from `write` (an encoder's too) removes the temporary file and leaves
/// `path` untouched.
pub fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), SaveError> {
    // A save killed before its rename leaves its temporary file (a 1M-event project's is
    // 330 MB); the next save to the same path clears those of writers that are gone.
    if let (Some(dir), Some(name)) = (path.parent(), path.file_name()) {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        remove_stale_temporaries(dir, Some(&name.to_string_lossy()));
    }
    let temp = temp_path(path);
    let io_err = |step: &'static str| {
        let path = path.to_path_buf();
        move |source: std::io::Error| SaveError::Io { path, step, source }
    };

    let result = (|| {
        let file = File::create(&temp).map_err(io_err("creating a temporary file beside it"))?;
        // 256 KiB: large enough that a streamed export makes few system calls (a 1M-event
        // CSV is ~300 MB, so ~1,200 writes), small beside the project in memory.
        let mut out = BufWriter::with_capacity(256 * 1024, file);
        write(&mut out).map_err(io_err("writing"))?;
        let file = out
            .into_inner()
            .map_err(|e| io_err("writing")(e.into_error()))?;
        file.sync_all().map_err(io_err("flushing to disk"))?;
        drop(file);
        fs::rename(&temp, path).map_err(io_err("replacing the old file"))?;
        Ok(())
    })();

    if result.is_err() {
        let _ = fs::remove_file(&temp);
    } else {
        sync_parent_dir(path);
    }
    result
}

/// The rename is durable only once the directory entry is on disk. Failing to sync the
/// directory does not undo the save, so it is not an error.
fn sync_parent_dir(path: &Path) {
    #[cfg(unix)]
    if let Some(dir) = path.parent() {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// `dir/.name.tmp-PID`: hidden, in the same directory (so the rename cannot cross file
/// systems), and unique per process.
fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "project".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.tmp-{}", std::process::id()))
}

/// A temporary file whose writer may still be about to rename it is kept for this long when
/// the writer cannot be asked about: a save of the largest project (330 MB) takes seconds,
/// a minute on a slow network drive, so a day is far beyond any save still in progress,
/// and a leftover costs disk space only until the next day's save.
const STALE_AFTER: Duration = Duration::from_hours(24);

/// Removes the temporary files [`write_atomically`] left in `dir` when the process writing
/// them died mid-save (`.NAME.tmp-PID`), for the file named `only_for` or, with `None`, for
/// every file. A temporary of this process, or of a process that may still be writing it,
/// is kept. Failures are ignored: this only frees space.
pub fn remove_stale_temporaries(dir: &Path, only_for: Option<&str>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let own = std::process::id();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some((target, pid)) = name.strip_prefix('.').and_then(|n| n.rsplit_once(".tmp-"))
        else {
            continue;
        };
        let Ok(pid) = pid.parse::<u32>() else {
            continue;
        };
        if pid == own || only_for.is_some_and(|wanted| wanted != target) {
            continue;
        }
        let age = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|modified| SystemTime::now().duration_since(modified).ok());
        if writer_is_gone(pid, age) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Whether the process `pid` that wrote a temporary file `age` ago can no longer rename
/// it. On Linux, when no process `pid` runs (a reused pid keeps the file until that process
/// ends too). Elsewhere, and on a Linux without /proc, there is no cheap portable question
/// to ask, so only a file older than [`STALE_AFTER`] counts as left behind.
fn writer_is_gone(pid: u32, age: Option<Duration>) -> bool {
    #[cfg(target_os = "linux")]
    if Path::new("/proc/self").exists() {
        return !Path::new(&format!("/proc/{pid}")).exists();
    }
    let _ = pid;
    is_old(age)
}

fn is_old(age: Option<Duration>) -> bool {
    age.is_some_and(|age| age > STALE_AFTER)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("detente-atomic-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn replaces_the_file_and_leaves_no_temporary() {
        let dir = temp_dir("replace");
        let path = dir.join("p.detente.ron");
        fs::write(&path, "old").unwrap();
        write_atomically(&path, b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
    }

    #[test]
    fn a_failed_stream_leaves_the_old_file_and_no_temporary() {
        let dir = temp_dir("stream");
        let path = dir.join("out.csv");
        fs::write(&path, "old").unwrap();
        let err = write_atomically_with(&path, |out| {
            out.write_all(b"half of the rows")?;
            Err(std::io::Error::other("the encoder failed"))
        })
        .unwrap_err();
        assert!(err.to_string().contains("the encoder failed"), "{err}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1, "temporary left");

        write_atomically_with(&path, |out| {
            out.write_all(b"new ")?;
            out.write_all(b"rows")
        })
        .unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new rows");
    }

    #[test]
    fn failure_leaves_the_old_file() {
        let dir = temp_dir("fail");
        // The target is a directory: the rename fails after the temporary file was written.
        let path = dir.join("target");
        fs::create_dir(&path).unwrap();
        fs::write(path.join("inside"), "keep").unwrap();
        let err = write_atomically(&path, b"new").unwrap_err();
        assert!(err.to_string().contains("replacing the old file"), "{err}");
        assert_eq!(fs::read_to_string(path.join("inside")).unwrap(), "keep");
        assert_eq!(
            fs::read_dir(&dir).unwrap().count(),
            1,
            "temporary file left behind"
        );
    }

    /// Far above any pid Linux hands out (at most 2^22), so never running.
    const DEAD: u32 = 4_000_000_000;

    #[test]
    fn a_save_removes_the_temporaries_of_dead_writers_of_that_file() {
        // Issue 11: killed imports left `.OUT.detente.ron.tmp-PID` files of 150–213 MB.
        let dir = temp_dir("stale");
        let path = dir.join("out.detente.ron");
        let dead = dir.join(format!(".out.detente.ron.tmp-{DEAD}"));
        let other_file = dir.join(format!(".other.detente.ron.tmp-{DEAD}"));
        let not_ours = dir.join(".out.detente.ron.tmp-notapid");
        for f in [&dead, &other_file, &not_ours] {
            fs::write(f, "half written").unwrap();
        }
        // pid 1 (init) always runs: its temporary may be about to be renamed.
        let running = dir.join(".out.detente.ron.tmp-1");
        fs::write(&running, "being written").unwrap();
        write_atomically(&path, b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        if cfg!(target_os = "linux") {
            assert!(!dead.exists(), "a dead writer's temporary is removed");
        }
        assert!(running.exists(), "a running writer's temporary is kept");
        assert!(
            other_file.exists(),
            "another file's temporary is left to its own saves"
        );
        assert!(not_ours.exists());

        // For a whole folder (the recovery folder at start), every file's.
        remove_stale_temporaries(&dir, None);
        if cfg!(target_os = "linux") {
            assert!(!other_file.exists());
        }
        assert!(running.exists() && not_ours.exists());
    }

    #[test]
    fn without_a_process_table_only_day_old_temporaries_are_stale() {
        assert!(!is_old(None));
        assert!(!is_old(Some(Duration::from_hours(1))));
        assert!(is_old(Some(STALE_AFTER + Duration::from_secs(1))));
    }

    #[test]
    fn missing_directory_is_reported() {
        let path = Path::new("/nonexistent-detente-dir/p.ron");
        let err = write_atomically(path, b"x").unwrap_err();
        assert!(
            err.to_string().contains("creating a temporary file"),
            "{err}"
        );
    }
}
