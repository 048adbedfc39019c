//! Atomic file replacement: a crash or a full disk at any moment leaves either the old file
//! or the new one, never a torn mix.

use std::fs::{self, File};
use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::SaveError;

/// Writes `bytes` to a temporary file beside `path`, flushes it to disk, and renames it over
/// `path`. On any failure the temporary file is removed and `path` is untouched.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let temp = temp_path(path);
    let io_err = |step: &'static str| {
        let path = path.to_path_buf();
        move |source: std::io::Error| SaveError::Io { path, step, source }
    };

    let result = (|| {
        let mut file =
            File::create(&temp).map_err(io_err("creating a temporary file beside it"))?;
        file.write_all(bytes).map_err(io_err("writing"))?;
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
