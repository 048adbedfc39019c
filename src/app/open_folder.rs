//! Opening a folder in the system's file manager (Help ▸ About's "Open log folder"): the
//! platform's own opener, so no crate is needed for one command.

use std::path::Path;
use std::process::{Command, Stdio};

/// The program that opens a folder here: `explorer` on Windows, `open` on macOS, and the
/// freedesktop `xdg-open` elsewhere.
pub fn opener() -> &'static str {
    if cfg!(target_os = "windows") {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    }
}

/// Opens `dir` (made first if it is missing) in the file manager, without waiting for it.
pub fn open_folder(dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir)
        .map_err(|err| format!("{} could not be made: {err}", dir.display()))?;
    let mut child = Command::new(opener())
        .arg(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|err| {
            format!(
                "{} could not be opened with {}: {err}",
                dir.display(),
                opener()
            )
        })?;
    // Waited for on a thread of its own, so that no zombie is left (Unix) and the UI does
    // not wait; its exit status says nothing useful (explorer returns 1 on success).
    std::thread::spawn(move || {
        let _ = child.wait();
    });
    Ok(())
}
