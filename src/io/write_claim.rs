//! One writer per file within this process. A second write to a file that is being written
//! (an export started twice, a cancelled export still running when the analyst saves to the
//! same path) **waits** until the first is done and then replaces its result: it never
//! interleaves with it, and it is not refused, because the later write is the one the analyst
//! asked for last.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex, PoisonError};
use std::thread::{self, ThreadId};

/// The files being written, each with the thread writing it. A list, not a set: a handful of
/// writes run at once (a save, an export, an autosave), and a scan of those costs nothing.
static WRITING: Mutex<Vec<(PathBuf, ThreadId)>> = Mutex::new(Vec::new());

/// Signalled whenever a write ends, so that the writers waiting look again.
static WRITE_ENDED: Condvar = Condvar::new();

/// The right to write one file, held from the temporary file's creation to its rename, and
/// given back when dropped (after an error or a panic too).
#[derive(Debug)]
pub(super) struct WriteClaim {
    key: PathBuf,
}

impl WriteClaim {
    /// Claims the file `target` (a path whose last part is no symbolic link), waiting while
    /// another thread writes it. A thread that is already writing it (a `write` callback
    /// writing its own destination) gets an error instead of waiting for itself forever.
    pub(super) fn acquire(target: &Path) -> io::Result<Self> {
        let key = claim_key(target);
        let me = thread::current().id();
        let mut writing = WRITING.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            match writing.iter().find(|(path, _)| *path == key) {
                None => break,
                Some((_, writer)) if *writer == me => {
                    return Err(io::Error::other("this thread is already writing this file"));
                }
                Some(_) => {
                    writing = WRITE_ENDED
                        .wait(writing)
                        .unwrap_or_else(PoisonError::into_inner);
                }
            }
        }
        writing.push((key.clone(), me));
        Ok(Self { key })
    }
}

impl Drop for WriteClaim {
    fn drop(&mut self) {
        let mut writing = WRITING.lock().unwrap_or_else(PoisonError::into_inner);
        writing.retain(|(path, _)| *path != self.key);
        drop(writing);
        WRITE_ENDED.notify_all();
    }
}

/// One key for every spelling of a file: its folder made canonical (symbolic links, `..` and
/// relative paths resolved) joined with its name. The file need not exist yet; a folder that
/// does not exist fails the write later, so any key does for it.
fn claim_key(target: &Path) -> PathBuf {
    if let Ok(file) = fs::canonicalize(target) {
        return file;
    }
    let folder = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    match (fs::canonicalize(folder), target.file_name()) {
        (Ok(folder), Some(name)) => folder.join(name),
        _ => std::path::absolute(target).unwrap_or_else(|_| target.to_path_buf()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_of_a_file_is_one_key() {
        let dir = std::env::temp_dir().join(format!("detente-claim-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("sub")).unwrap();
        let direct = dir.join("p.ron");
        let roundabout = dir.join("sub").join("..").join("p.ron");
        assert_eq!(
            claim_key(&direct),
            claim_key(&roundabout),
            "before it exists"
        );
        fs::write(&direct, "x").unwrap();
        assert_eq!(claim_key(&direct), claim_key(&roundabout), "once it exists");
        assert_ne!(claim_key(&direct), claim_key(&dir.join("q.ron")));
    }
}
