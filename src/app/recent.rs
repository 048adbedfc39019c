//! Recently opened projects, most recent first, kept in the config folder as RON.
//!
//! Paths are stored canonical, so one file reached through two paths (a symlink, `..`)
//! is listed once. Files that have gone missing stay in the list, marked, because they
//! are often on a drive or share that is only unplugged; the analyst removes them.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::io::{SaveError, write_atomically};

/// Ten fit a File ▸ Open Recent menu without scrolling, as in most desktop apps.
pub const MAX_RECENT: usize = 10;

const RECENT_FILE: &str = "recent.ron";

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RecentEntry {
    pub path: PathBuf,
    /// When it was last opened or saved, in seconds since the Unix epoch.
    pub opened_at: i64,
    /// The file was not there when the list was last checked. Not stored: it is checked
    /// on load and by [`RecentFiles::refresh`].
    #[serde(skip)]
    pub missing: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct RecentFiles {
    entries: Vec<RecentEntry>,
}

/// The canonical path when the file exists, else the path made absolute (so a relative
/// path given on the command line still means the same file tomorrow).
fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_owned())
}

fn now_secs() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

impl RecentFiles {
    pub fn entries(&self) -> &[RecentEntry] {
        &self.entries
    }

    /// Puts `path` first (it was just opened or saved), removing an older mention of the
    /// same file and anything past [`MAX_RECENT`].
    pub fn add(&mut self, path: &Path) {
        self.add_at(path, now_secs());
    }

    fn add_at(&mut self, path: &Path, opened_at: i64) {
        let path = canonical(path);
        self.entries.retain(|e| e.path != path);
        let missing = !path.exists();
        self.entries.insert(
            0,
            RecentEntry {
                path,
                opened_at,
                missing,
            },
        );
        self.entries.truncate(MAX_RECENT);
    }

    /// Removes `path`, whether it is given as stored or by another path to the same file.
    pub fn remove(&mut self, path: &Path) {
        let same = canonical(path);
        self.entries.retain(|e| e.path != same && e.path != path);
    }

    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// Re-checks which files are missing, and merges entries that turn out to be one file
    /// (a folder renamed back, a symlink made), keeping the most recent.
    pub fn refresh(&mut self) {
        let mut seen = Vec::with_capacity(self.entries.len());
        self.entries.retain_mut(|e| {
            e.path = canonical(&e.path);
            e.missing = !e.path.exists();
            let new = !seen.contains(&e.path);
            seen.push(e.path.clone());
            new
        });
        self.entries.truncate(MAX_RECENT);
    }

    /// The project to reopen at start: the most recent one, if it is still there. An older
    /// project is never opened in its place, which would surprise more than an empty window.
    pub fn last_project(&self) -> Option<&Path> {
        self.entries
            .first()
            .filter(|e| !e.missing)
            .map(|e| e.path.as_path())
    }

    /// Reads `dir/recent.ron`, newest first. A missing file is an empty list; a damaged one
    /// is an empty list and a warning.
    pub fn load(dir: &Path) -> (Self, Option<String>) {
        let path = dir.join(RECENT_FILE);
        let (mut recent, warning) = match std::fs::read_to_string(&path) {
            Ok(text) => match ron::from_str::<Self>(&text) {
                Ok(recent) => (recent, None),
                Err(err) => (
                    Self::default(),
                    Some(format!(
                        "the recent files list {} is damaged ({err}); starting a new one",
                        path.display()
                    )),
                ),
            },
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => (Self::default(), None),
            Err(err) => (
                Self::default(),
                Some(format!(
                    "could not read the recent files list {}: {err}",
                    path.display()
                )),
            ),
        };
        // The file may have been edited by hand or by another Detente: keep it in order.
        recent
            .entries
            .sort_by_key(|e| std::cmp::Reverse(e.opened_at));
        recent.refresh();
        (recent, warning)
    }

    /// Writes `dir/recent.ron` atomically, creating `dir` if needed. Paths that are not
    /// valid Unicode cannot be written in RON and are left out.
    pub fn save(&self, dir: &Path) -> Result<(), SaveError> {
        let path = dir.join(RECENT_FILE);
        std::fs::create_dir_all(dir).map_err(|source| SaveError::Io {
            path: path.clone(),
            step: "creating the settings folder",
            source,
        })?;
        let storable = Self {
            entries: self
                .entries
                .iter()
                .filter(|e| e.path.to_str().is_some())
                .cloned()
                .collect(),
        };
        let text = ron::ser::to_string_pretty(&storable, ron::ser::PrettyConfig::new()).map_err(
            |err| SaveError::Encode {
                path: path.clone(),
                message: err.to_string(),
            },
        )?;
        write_atomically(&path, text.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("detente-recent-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir.canonicalize().unwrap()
    }

    fn touch(dir: &Path, name: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, "x").unwrap();
        path
    }

    #[test]
    fn most_recent_first_without_duplicates() {
        let dir = temp_dir("order");
        let (a, b) = (touch(&dir, "a.ron"), touch(&dir, "b.ron"));
        let mut recent = RecentFiles::default();
        recent.add(&a);
        recent.add(&b);
        // The same file again, through a path with `..` in it.
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        recent.add(&dir.join("sub/../a.ron"));
        let paths: Vec<_> = recent.entries().iter().map(|e| e.path.clone()).collect();
        assert_eq!(paths, [a.clone(), b]);
        assert_eq!(recent.last_project(), Some(a.as_path()));
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_is_the_same_file() {
        let dir = temp_dir("symlink");
        let a = touch(&dir, "a.ron");
        std::os::unix::fs::symlink(&a, dir.join("link.ron")).unwrap();
        let mut recent = RecentFiles::default();
        recent.add(&a);
        recent.add(&dir.join("link.ron"));
        assert_eq!(recent.entries().len(), 1);
        assert_eq!(recent.entries()[0].path, a);
    }

    #[test]
    fn keeps_at_most_ten() {
        let dir = temp_dir("max");
        let mut recent = RecentFiles::default();
        for i in 0..15 {
            recent.add(&touch(&dir, &format!("{i}.ron")));
        }
        assert_eq!(recent.entries().len(), MAX_RECENT);
        assert_eq!(recent.entries()[0].path, dir.join("14.ron"));
        assert_eq!(recent.entries()[9].path, dir.join("5.ron"));
    }

    #[test]
    fn missing_files_are_kept_and_marked_and_never_reopened() {
        let config = temp_dir("missing-config");
        let dir = temp_dir("missing");
        let (a, b) = (touch(&dir, "a.ron"), touch(&dir, "b.ron"));
        let mut recent = RecentFiles::default();
        recent.add_at(&a, 100);
        recent.add_at(&b, 200);
        recent.save(&config).unwrap();
        std::fs::remove_file(&b).unwrap();
        let (loaded, warning) = RecentFiles::load(&config);
        assert_eq!(warning, None);
        assert_eq!(loaded.entries().len(), 2);
        assert!(loaded.entries()[0].missing && !loaded.entries()[1].missing);
        assert_eq!(
            loaded.last_project(),
            None,
            "an older project must not stand in"
        );
        let mut loaded = loaded;
        loaded.remove(&b);
        assert_eq!(loaded.last_project(), Some(a.as_path()));
    }

    #[test]
    fn round_trips_and_survives_a_damaged_file() {
        let config = temp_dir("file");
        assert_eq!(RecentFiles::load(&config), (RecentFiles::default(), None));
        let a = touch(&config, "a.ron");
        let mut recent = RecentFiles::default();
        recent.add_at(&a, 42);
        recent.save(&config).unwrap();
        assert_eq!(RecentFiles::load(&config).0, recent);
        std::fs::write(config.join(RECENT_FILE), "(entries: [(path: ").unwrap();
        let (loaded, warning) = RecentFiles::load(&config);
        assert!(loaded.entries().is_empty());
        assert!(warning.unwrap().contains("damaged"));
    }

    #[test]
    fn hand_edited_lists_are_sorted_and_merged() {
        let config = temp_dir("edited");
        let a = touch(&config, "a.ron");
        let a_text = a.to_str().unwrap();
        let text = format!(
            "(entries: [(path: \"{a_text}\", opened_at: 1), (path: \"{a_text}\", opened_at: 5), \
             (path: \"/nonexistent/x.ron\", opened_at: 3)])"
        );
        std::fs::write(config.join(RECENT_FILE), text).unwrap();
        let (loaded, _) = RecentFiles::load(&config);
        let summary: Vec<_> = loaded
            .entries()
            .iter()
            .map(|e| (e.opened_at, e.missing))
            .collect();
        assert_eq!(summary, [(5, false), (3, true)]);
    }
}
