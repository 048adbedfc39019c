//! Atomic file replacement: a crash, a `kill -9` or a full disk at any moment leaves either
//! the old file or the new one, never a torn mix.
//!
//! How: the bytes go to a temporary file beside the target (same folder, so the rename cannot
//! cross file systems), which is flushed to disk (`fsync`; a large one partly while it is still
//! being written, `early_flush.rs`), given the old file's permissions,
//! and renamed over the target; then the folder is flushed so the rename itself survives a
//! power cut. A symbolic link is followed: its target is replaced and the link stays a link.
//!
//! Two writers of one path never interleave. In one process (an export started twice, a
//! cancelled export still running while the analyst saves again), a second write to a path
//! that is being written **waits** until the first is done, then replaces its result: the
//! process-wide list in `write_claim.rs` holds the files being written, keyed by the resolved
//! target in its canonical folder, so `a/link.ron` and `real/target.ron` are one file. A
//! `write` callback that writes its own destination is refused. Between processes
//! there is no lock: each writes its own temporary file and the last rename wins, each file
//! whole.
//!
//! The temporary file comes from `tempfile` (`Builder::tempfile_in` + `NamedTempFile::persist`),
//! not `atomic-write-file`: tempfile was already in the dependency tree (proptest's
//! rusty-fork uses it), so it adds no crate, and it does the parts that are easy to get
//! wrong: an exclusive create (`O_EXCL`) under a random name, retried on a collision, so no
//! two writers ever share a temporary (the old `.NAME.tmp-PID` was shared by every thread of
//! a process and truncated by each); and removal of the temporary when it is dropped, so
//! every error path leaves nothing behind. atomic-write-file would bring `nix` and `rand`
//! and still rename over the name it is given. The name keeps our pattern,
//! `.NAME.tmp-PID-RANDOM`, so [`remove_stale_temporaries`] can clear those of a writer killed
//! mid-save.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use tempfile::NamedTempFile;

use super::SaveError;
use super::early_flush::EarlyFlush;
use super::write_claim::WriteClaim;

/// Writes `bytes` to a temporary file beside `path`, flushes it to disk, and renames it over
/// `path` (over the file a symbolic link `path` points to). On any failure the temporary file
/// is removed and `path` is untouched. Waits while this process writes the same file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_atomically_with(path, |out| out.write_all(bytes))
}

/// Like [`write_atomically`], for output produced piece by piece: `write` streams into a
/// buffered writer on the temporary file, so a 1M-event export never holds its whole text in
/// memory. An error from `write` (an encoder's too) removes the temporary file and leaves
/// `path` untouched. `write` must not write `path` itself: that write is refused (it would
/// wait for its own end).
pub fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), SaveError> {
    let io_err = |step: &'static str| {
        let path = path.to_path_buf();
        move |source: io::Error| SaveError::Io { path, step, source }
    };
    let target = resolve_links(path).map_err(io_err("following the symbolic link"))?;
    let _claim =
        WriteClaim::acquire(&target).map_err(io_err("waiting for the other write of it"))?;
    // A save killed before its rename leaves its temporary file (a 1M-event project's is
    // 330 MB); the next save to the same file clears those of writers that are gone.
    if let Some(name) = target.file_name() {
        remove_stale_temporaries(folder_of(&target), Some(&name.to_string_lossy()));
    }

    let temp = create_temporary(&target).map_err(io_err("creating a temporary file beside it"))?;
    // 256 KiB: large enough that a streamed export makes few system calls (a 1M-event CSV is
    // ~300 MB, so ~1,200 writes), small beside the project in memory.
    let second_handle = temp.as_file().try_clone().ok();
    let mut out = BufWriter::with_capacity(256 * 1024, EarlyFlush::new(temp, second_handle));
    // On every `?` below the temporary file is dropped, and dropping it deletes it.
    write(&mut out).map_err(io_err("writing"))?;
    let temp = out
        .into_inner()
        .map_err(|e| io_err("writing")(e.into_error()))?
        .finish()
        .map_err(io_err("flushing to disk"))?;
    keep_permissions(&target, temp.as_file()).map_err(io_err("keeping its permissions"))?;
    temp.as_file()
        .sync_all()
        .map_err(io_err("flushing to disk"))?;
    temp.persist(&target)
        .map_err(|e| io_err("replacing the old file")(e.error))?;
    sync_folder(folder_of(&target));
    Ok(())
}

/// Like [`write_atomically_with`], while `check` runs on a thread of its own: `path` is
/// replaced only if `check` passes too. When it does not, its error comes back as
/// `Ok(Err(…))`, the temporary file is removed and `path` is untouched, as after a failed
/// write. Checking a 1M-event import (0.7 s on one core) so overlaps writing it (2.4 s)
/// instead of coming first (docs/PERFORMANCE.md, Parquet slices).
pub fn write_atomically_checked<E: Send>(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    check: impl FnOnce() -> Result<(), E> + Send,
) -> Result<Result<(), E>, SaveError> {
    std::thread::scope(|scope| {
        let checking = scope.spawn(check);
        let mut refused = None;
        let written = write_atomically_with(path, |out| {
            write(out)?;
            match checking.join() {
                Ok(Ok(())) => Ok(()),
                Ok(Err(err)) => {
                    refused = Some(err);
                    Err(io::Error::other("the check failed"))
                }
                Err(panic) => std::panic::resume_unwind(panic),
            }
        });
        // A failed write leaves the check running: the scope waits for it (its verdict no
        // longer matters).
        match (refused, written) {
            (Some(err), _) => Ok(Err(err)),
            (None, written) => written.map(Ok),
        }
    })
}

/// The folder holding `path` (`.` for a bare file name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// Symbolic links followed in a row before the chain counts as a loop: Linux's own limit
/// (`MAXSYMLINKS`, 40), far beyond any chain an analyst sets up.
const MAX_LINKS: usize = 40;

/// The file that writing `path` must replace: `path` itself, or the end of the chain of
/// symbolic links it starts (relative links resolved from their own folder). Replacing the
/// link instead would cut it from the file it shares (a project kept in a synced folder and
/// linked from the desktop). The end need not exist: a dangling link gets its file created.
fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let points_to = fs::read_link(&current)?;
                // `join` keeps an absolute `points_to` as it is.
                current = folder_of(&current).join(points_to);
            }
            _ => return Ok(current),
        }
    }
    Err(io::Error::other(format!(
        "more than {MAX_LINKS} symbolic links in a row (a loop?)"
    )))
}

/// Random characters in a temporary file's name: 62^8 names, and `tempfile` creates with
/// `O_EXCL` and retries on a collision, so two writers never share one.
const RANDOM_CHARS: usize = 8;

/// `folder/.NAME.tmp-PID-RANDOM`, created empty and exclusively: hidden, in the target's
/// folder (so the rename cannot cross file systems), unique, and recognisable by
/// [`remove_stale_temporaries`]. Deleted when dropped.
fn create_temporary(target: &Path) -> io::Result<NamedTempFile> {
    let name = target
        .file_name()
        .map_or_else(|| "project".into(), |n| n.to_string_lossy().into_owned());
    let prefix = format!(".{name}.tmp-{}-", std::process::id());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).rand_bytes(RANDOM_CHARS);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        // What `File::create` gives a new file: 0o666 less the umask. tempfile's own 0o600
        // would hide a new export from the analyst's group.
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(folder_of(target))
}

/// Gives the temporary file the permissions of the file it replaces (a project shared
/// read-only with a group stays so after a save). A new file keeps the usual ones.
fn keep_permissions(target: &Path, temp: &File) -> io::Result<()> {
    #[cfg(unix)]
    if let Ok(old) = fs::metadata(target)
        && old.is_file()
    {
        temp.set_permissions(old.permissions())?;
    }
    #[cfg(not(unix))]
    let _ = (target, temp);
    Ok(())
}

/// The rename is durable only once the folder's entry is on disk. Failing to sync the folder
/// does not undo the save, so it is not an error.
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(folder) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = folder;
}

/// A temporary file whose writer may still be about to rename it is kept for this long when
/// the writer cannot be asked about: a save of the largest project (330 MB) takes seconds,
/// a minute on a slow network drive, so a day is far beyond any save still in progress,
/// and a leftover costs disk space only until the next day's save.
const STALE_AFTER: Duration = Duration::from_hours(24);

/// The file name and writer's pid in the name of one of our temporary files:
/// `.NAME.tmp-PID-RANDOM`, or `.NAME.tmp-PID` as versions before issue 12 named them.
fn parse_temporary_name(file_name: &str) -> Option<(&str, u32)> {
    let (target, rest) = file_name.strip_prefix('.')?.rsplit_once(".tmp-")?;
    let pid = rest.split_once('-').map_or(rest, |(pid, _random)| pid);
    Some((target, pid.parse().ok()?))
}

/// Removes the temporary files [`write_atomically`] left in `dir` when the process writing
/// them died mid-save (`.NAME.tmp-PID-RANDOM`), for the file named `only_for` or, with
/// `None`, for every file. A temporary of this process, or of a process that may still be
/// writing it, is kept. Failures are ignored: this only frees space.
pub fn remove_stale_temporaries(dir: &Path, only_for: Option<&str>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let own = std::process::id();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some((target, pid)) = parse_temporary_name(name) else {
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
    fn a_failed_check_leaves_the_old_file_and_no_temporary() {
        let dir = temp_dir("checked");
        let path = dir.join("p.detente.ron");
        fs::write(&path, "old").unwrap();
        let refused =
            write_atomically_checked(&path, |out| out.write_all(b"new"), || Err("bad")).unwrap();
        assert_eq!(refused, Err("bad"));
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);

        // A failed write is the write's error, whatever the check says.
        let err = write_atomically_checked(
            &path,
            |_| Err(std::io::Error::other("disk full")),
            || Ok::<(), &str>(()),
        )
        .unwrap_err();
        assert!(err.to_string().contains("disk full"), "{err}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");

        let passed =
            write_atomically_checked(&path, |out| out.write_all(b"new"), || Ok::<(), &str>(()));
        assert_eq!(passed.unwrap(), Ok(()));
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
        let dead = dir.join(format!(".out.detente.ron.tmp-{DEAD}-aB3dE6gH"));
        let dead_before_issue_12 = dir.join(format!(".out.detente.ron.tmp-{DEAD}"));
        let other_file = dir.join(format!(".other.detente.ron.tmp-{DEAD}-aB3dE6gH"));
        let not_ours = dir.join(".out.detente.ron.tmp-notapid");
        for f in [&dead, &dead_before_issue_12, &other_file, &not_ours] {
            fs::write(f, "half written").unwrap();
        }
        // pid 1 (init) always runs: its temporary may be about to be renamed.
        let running = dir.join(".out.detente.ron.tmp-1-aB3dE6gH");
        fs::write(&running, "being written").unwrap();
        write_atomically(&path, b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        if cfg!(target_os = "linux") {
            assert!(!dead.exists(), "a dead writer's temporary is removed");
            assert!(!dead_before_issue_12.exists(), "in the old naming too");
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
    fn temporary_names_are_unique_and_ours() {
        let dir = temp_dir("names");
        let target = dir.join("p.detente.ron");
        let (a, b) = (
            create_temporary(&target).unwrap(),
            create_temporary(&target).unwrap(),
        );
        assert_ne!(a.path(), b.path());
        for temp in [&a, &b] {
            let name = temp.path().file_name().unwrap().to_str().unwrap();
            assert_eq!(
                parse_temporary_name(name),
                Some(("p.detente.ron", std::process::id())),
                "{name}"
            );
        }
        drop((a, b));
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 0, "dropped, deleted");
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

    /// Files in `dir` other than `keep`: temporaries left behind.
    fn leftovers(dir: &Path, keep: &[&str]) -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| !keep.contains(&name.as_str()))
            .collect()
    }

    /// What `content` was, for a failure message: its length and first and last bytes.
    fn describe(content: &[u8]) -> String {
        format!(
            "{} bytes, {:?}…{:?}",
            content.len(),
            content.first().map(|&b| b as char),
            content.last().map(|&b| b as char)
        )
    }

    #[test]
    fn two_threads_writing_one_path_never_tear() {
        // Issue 12: both threads' temporary was `.NAME.tmp-PID`, truncated by each, so one
        // rename could publish a mix and the other then failed. 1 and 1.5 MiB: several
        // buffer flushes per write (256 KiB each), so the writes overlap; different lengths
        // and bytes, so a mix or a cut is seen.
        let dir = temp_dir("threads");
        let path = dir.join("p.detente.ron");
        fs::write(&path, "old").unwrap();
        let contents = [vec![b'a'; 1024 * 1024], vec![b'b'; 3 * 512 * 1024]];
        std::thread::scope(|scope| {
            let writers: Vec<_> = contents
                .iter()
                .map(|content| {
                    let path = &path;
                    scope.spawn(move || {
                        for _ in 0..50 {
                            write_atomically_with(path, |out| {
                                // In pieces, as a streamed export writes.
                                content.chunks(100_000).try_for_each(|c| out.write_all(c))
                            })
                            .unwrap();
                        }
                    })
                })
                .collect();
            // Meanwhile, every read finds a whole file.
            let mut reads = 0;
            while !writers
                .iter()
                .all(std::thread::ScopedJoinHandle::is_finished)
            {
                let seen = fs::read(&path).unwrap();
                assert!(
                    seen == b"old" || contents.contains(&seen),
                    "a torn file: {}",
                    describe(&seen)
                );
                reads += 1;
            }
            for writer in writers {
                writer.join().unwrap();
            }
            assert!(reads > 0);
        });
        let last = fs::read(&path).unwrap();
        assert!(contents.contains(&last), "{}", describe(&last));
        assert_eq!(leftovers(&dir, &["p.detente.ron"]), Vec::<String>::new());
    }

    #[test]
    fn a_second_write_of_a_file_waits_for_the_first() {
        let dir = temp_dir("wait");
        let path = dir.join("p.detente.ron");
        fs::write(&path, "old").unwrap();
        #[cfg(unix)]
        let first_path = {
            // Through a link: the same file under another name is the same file to wait for.
            let link = dir.join("link.ron");
            std::os::unix::fs::symlink("p.detente.ron", &link).unwrap();
            link
        };
        #[cfg(not(unix))]
        let first_path = path.clone();
        std::thread::scope(|scope| {
            // Made in here, so that a failed assertion drops `release_tx` and the first
            // writer's wait ends instead of hanging the test.
            let (started_tx, started_rx) = std::sync::mpsc::channel();
            let (release_tx, release_rx) = std::sync::mpsc::channel::<()>();
            let (second_done_tx, second_done_rx) = std::sync::mpsc::channel();
            let first_path = &first_path;
            let first = scope.spawn(move || {
                write_atomically_with(first_path, |out| {
                    out.write_all(b"first ")?;
                    started_tx.send(()).unwrap();
                    release_rx.recv().unwrap();
                    out.write_all(b"write")
                })
            });
            started_rx.recv().unwrap();
            let path = &path;
            let second = scope.spawn(move || {
                let result = write_atomically(path, b"second write");
                second_done_tx.send(()).unwrap();
                result
            });
            // 300 ms: the second write (12 bytes) takes well under 1 ms when not held back.
            let waited = second_done_rx.recv_timeout(Duration::from_millis(300));
            assert!(waited.is_err(), "the second write did not wait");
            assert_eq!(fs::read_to_string(path).unwrap(), "old");
            release_tx.send(()).unwrap();
            first.join().unwrap().unwrap();
            second.join().unwrap().unwrap();
        });
        assert_eq!(fs::read_to_string(&path).unwrap(), "second write");
        assert_eq!(
            leftovers(&dir, &["p.detente.ron", "link.ron"]),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_write_from_inside_a_write_of_the_same_file_is_refused() {
        let dir = temp_dir("reentrant");
        let path = dir.join("p.csv");
        let mut inner = None;
        write_atomically_with(&path, |out| {
            inner = Some(write_atomically(&path, b"inner"));
            out.write_all(b"outer")
        })
        .unwrap();
        let err = inner.unwrap().unwrap_err();
        assert!(err.to_string().contains("already writing"), "{err}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "outer");
        // Another file may be written from inside (an export writing a side file).
        write_atomically_with(&path, |out| {
            write_atomically(&dir.join("side.txt"), b"side").unwrap();
            out.write_all(b"again")
        })
        .unwrap();
        assert_eq!(fs::read_to_string(dir.join("side.txt")).unwrap(), "side");
    }

    #[cfg(unix)]
    #[test]
    fn the_file_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o7777;
        let dir = temp_dir("mode");
        let path = dir.join("p.detente.ron");
        // Unusual modes, so that neither the umask's default nor tempfile's 0o600 matches.
        for wanted in [0o640, 0o604, 0o444] {
            fs::write(&path, "old").ok();
            fs::set_permissions(&path, fs::Permissions::from_mode(wanted)).unwrap();
            write_atomically(&path, b"new").unwrap();
            assert_eq!(fs::read_to_string(&path).unwrap(), "new");
            assert_eq!(mode(&path), wanted, "{wanted:o} became {:o}", mode(&path));
            fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        }
        // A new file gets what `File::create` gives one (0o666 less the umask).
        let usual = dir.join("usual.txt");
        File::create(&usual).unwrap();
        let new = dir.join("new.csv");
        write_atomically(&new, b"new").unwrap();
        assert_eq!(mode(&new), mode(&usual), "{:o}", mode(&new));
    }

    #[cfg(unix)]
    #[test]
    fn writing_a_link_replaces_its_target_and_keeps_the_link() {
        use std::os::unix::fs::symlink;
        let dir = temp_dir("link");
        fs::create_dir(dir.join("synced")).unwrap();
        let real = dir.join("synced").join("p.detente.ron");
        fs::write(&real, "old").unwrap();
        // A relative link, and a link to that link by an absolute path.
        let link = dir.join("p.detente.ron");
        symlink("synced/p.detente.ron", &link).unwrap();
        let link_to_link = dir.join("desktop.ron");
        symlink(&link, &link_to_link).unwrap();
        for (written, text) in [(&link, "via the link"), (&link_to_link, "via two links")] {
            write_atomically(written, text.as_bytes()).unwrap();
            assert_eq!(fs::read_to_string(&real).unwrap(), text);
            assert!(fs::symlink_metadata(&link).unwrap().is_symlink());
            assert!(fs::symlink_metadata(&link_to_link).unwrap().is_symlink());
            assert_eq!(
                fs::read_link(&link).unwrap(),
                Path::new("synced/p.detente.ron")
            );
        }
        assert_eq!(
            leftovers(&dir.join("synced"), &["p.detente.ron"]),
            Vec::<String>::new()
        );

        // A dangling link gets its file; a loop is an error, not a hang.
        let dangling = dir.join("new.csv");
        symlink("synced/new.csv", &dangling).unwrap();
        write_atomically(&dangling, b"rows").unwrap();
        assert_eq!(
            fs::read_to_string(dir.join("synced/new.csv")).unwrap(),
            "rows"
        );
        assert!(fs::symlink_metadata(&dangling).unwrap().is_symlink());
        symlink("loop-b", dir.join("loop-a")).unwrap();
        symlink("loop-a", dir.join("loop-b")).unwrap();
        let err = write_atomically(&dir.join("loop-a"), b"x").unwrap_err();
        assert!(err.to_string().contains("symbolic link"), "{err}");
    }
}
