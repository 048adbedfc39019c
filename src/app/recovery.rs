//! Crash recovery: unsaved work is autosaved to a recovery file in the config folder, and
//! a recovery file left by an instance that died is offered at the next start.
//!
//! Recovery files never go beside or over the project file: the project file changes only
//! when the analyst saves, and a shared folder never fills with stray copies. Each running
//! instance writes `recovery-PID.ron`, so two windows never overwrite each other's work and
//! a file whose process is gone is known to be a leftover.
//!
//! The file is one RON header line (title, event count, time, original path) and then the
//! project text unchanged, so the offer ("recover ‘Talks’, 120 events, from 14:05?") reads
//! only the first line, however large the project.

use std::fs;
use std::io::{BufRead as _, BufReader, Read as _};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use super::settings::{DateFormat, TimeZoneChoice, format_instant};
use crate::io::{
    LoadError, MAX_PROJECT_BYTES, SaveError, load_project_str, read_at_most,
    remove_stale_temporaries, to_ron_string, write_atomically,
};
use crate::model::Project;

/// The recovery folder inside the config folder.
pub fn recovery_dir(config_dir: &Path) -> PathBuf {
    config_dir.join("recovery")
}

const PREFIX: &str = "recovery-";
const SUFFIX: &str = ".ron";
/// Marks the header and its layout; a later layout gets a new number.
const LAYOUT: u32 = 1;
/// The header holds only a title and a path; anything longer is not a header.
const MAX_HEADER_BYTES: u64 = 1 << 20;

/// An autosaved copy of a project and what the offer to recover it shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecoveryFile {
    /// Seconds since the Unix epoch.
    pub written_at: i64,
    /// The file the project was opened from or last saved to; `None` when untitled.
    pub origin_path: Option<PathBuf>,
    pub project_title: String,
    pub num_events: usize,
    /// Written by the crash hook as Detente died, not by the autosave clock.
    pub at_crash: bool,
    /// The project in the project file format.
    pub project_text: String,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Header {
    detente_recovery: u32,
    written_at: i64,
    /// Not stored when it is not Unicode: RON cannot hold it, and a wrong path would be
    /// worse than none (the recovered project would be saved to the wrong file).
    origin_path: Option<String>,
    project_title: String,
    num_events: u64,
    /// Left out when false, so that a Detente of before this field reads the header too.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    at_crash: bool,
}

/// What to show before recovering: which project, how big, from when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecoverySummary {
    pub title: String,
    pub num_events: usize,
    pub written_at: i64,
    pub origin_path: Option<PathBuf>,
    /// Kept by the crash hook as Detente died, not autosaved.
    pub at_crash: bool,
}

impl RecoverySummary {
    /// How the work came to be kept: "Autosaved", or "Kept at the crash".
    pub fn kept_how(&self) -> &'static str {
        if self.at_crash {
            "Kept at the crash"
        } else {
            "Autosaved"
        }
    }

    /// “Talks”, 120 events, autosaved 2025-12-20 14:05 +01:00 (from /home/a/talks.ron); "kept
    /// at the crash" instead of "autosaved" for a file the crash hook wrote.
    pub fn describe(&self) -> String {
        let when = format_instant(
            self.written_at,
            &TimeZoneChoice::Local,
            None,
            DateFormat::Iso,
        );
        let events = crate::model::count(self.num_events, "event", "events");
        let from = self.origin_path.as_ref().map_or_else(
            || " (never saved)".to_owned(),
            |p| format!(" (from {})", p.display()),
        );
        let kept = self.kept_how().to_lowercase();
        format!("“{}”, {events}, {kept} {when}{from}", self.title)
    }
}

/// A recovery file left by an instance that is no longer running.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recovery {
    pub path: PathBuf,
    /// The process that wrote it.
    pub pid: u32,
    pub summary: RecoverySummary,
}

fn now_secs() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

fn file_name(pid: u32) -> String {
    format!("{PREFIX}{pid}{SUFFIX}")
}

impl RecoveryFile {
    pub fn from_project(project: &Project, origin: Option<&Path>) -> Result<Self, ron::Error> {
        Ok(Self {
            written_at: now_secs(),
            origin_path: origin.map(Path::to_owned),
            project_title: project.title.clone(),
            num_events: project.num_events(),
            at_crash: false,
            project_text: to_ron_string(project)?,
        })
    }

    /// Writes this process's recovery file in `dir` atomically, creating `dir` if needed.
    pub fn write(&self, dir: &Path) -> Result<PathBuf, SaveError> {
        self.write_as(dir, std::process::id())
    }

    fn write_as(&self, dir: &Path, pid: u32) -> Result<PathBuf, SaveError> {
        let path = dir.join(file_name(pid));
        fs::create_dir_all(dir).map_err(|source| SaveError::Io {
            path: path.clone(),
            step: "creating the recovery folder",
            source,
        })?;
        let header = Header {
            detente_recovery: LAYOUT,
            written_at: self.written_at,
            origin_path: self
                .origin_path
                .as_ref()
                .and_then(|p| p.to_str().map(str::to_owned)),
            project_title: self.project_title.clone(),
            num_events: self.num_events as u64,
            at_crash: self.at_crash,
        };
        // RON's compact form escapes line breaks in strings, so the header is one line.
        let mut text = ron::to_string(&header).map_err(|err| SaveError::Encode {
            path: path.clone(),
            message: err.to_string(),
        })?;
        text.push('\n');
        text.push_str(&self.project_text);
        write_atomically(&path, text.as_bytes())?;
        Ok(path)
    }

    /// Reads a recovery file whole.
    pub fn read(path: &Path) -> Result<Self, LoadError> {
        // A project and its one-line header: a file that goes on is not a recovery file.
        let bytes = read_at_most(
            path,
            MAX_PROJECT_BYTES + MAX_HEADER_BYTES,
            "this is not a Detente recovery file",
        )
        .map_err(|err| LoadError::io(path, &err))?;
        let file = path.display().to_string();
        let text = String::from_utf8(bytes)
            .map_err(|_| LoadError::at(&file, 1, 1, "not a Detente recovery file (not UTF-8)"))?;
        let (first, project_text) = text
            .split_once('\n')
            .ok_or_else(|| LoadError::at(&file, 1, 1, "not a Detente recovery file"))?;
        let header = parse_header(first).map_err(|message| LoadError::at(&file, 1, 1, message))?;
        Ok(Self {
            written_at: header.written_at,
            origin_path: header.origin_path.map(PathBuf::from),
            project_title: header.project_title,
            num_events: usize::try_from(header.num_events).unwrap_or(usize::MAX),
            at_crash: header.at_crash,
            project_text: project_text.to_owned(),
        })
    }
}

fn parse_header(line: &str) -> Result<Header, String> {
    let header: Header =
        ron::from_str(line).map_err(|err| format!("not a Detente recovery file: {err}"))?;
    if header.detente_recovery > LAYOUT {
        return Err("this recovery file was written by a newer Detente".to_owned());
    }
    Ok(header)
}

fn read_summary(path: &Path) -> Option<RecoverySummary> {
    let file = fs::File::open(path).ok()?;
    let mut line = String::new();
    BufReader::new(file.take(MAX_HEADER_BYTES))
        .read_line(&mut line)
        .ok()?;
    let header = parse_header(line.trim_end()).ok()?;
    Some(RecoverySummary {
        title: header.project_title,
        num_events: usize::try_from(header.num_events).unwrap_or(usize::MAX),
        written_at: header.written_at,
        origin_path: header.origin_path.map(PathBuf::from),
        at_crash: header.at_crash,
    })
}

/// Autosaves `project` to this process's recovery file in `dir`.
pub fn write_recovery(
    dir: &Path,
    project: &Project,
    origin: Option<&Path>,
) -> Result<PathBuf, SaveError> {
    write_recovery_as(dir, project, origin, false)
}

/// Keeps `project` in this process's recovery file as the crash hook does, marked as kept
/// at the crash: the next start says so instead of "autosaved".
pub fn write_recovery_at_crash(
    dir: &Path,
    project: &Project,
    origin: Option<&Path>,
) -> Result<PathBuf, SaveError> {
    write_recovery_as(dir, project, origin, true)
}

fn write_recovery_as(
    dir: &Path,
    project: &Project,
    origin: Option<&Path>,
    at_crash: bool,
) -> Result<PathBuf, SaveError> {
    let path = dir.join(file_name(std::process::id()));
    let mut file =
        RecoveryFile::from_project(project, origin).map_err(|err| SaveError::Encode {
            path,
            message: err.to_string(),
        })?;
    file.at_crash = at_crash;
    file.write(dir)
}

/// Whether the instance that wrote a recovery file may still be running. Only Linux can
/// tell cheaply (through /proc); elsewhere every other pid counts as dead, so a leftover
/// is never hidden, at the cost of offering a second window's autosave too.
fn is_alive(pid: u32) -> bool {
    #[cfg(target_os = "linux")]
    {
        let Ok(name) = fs::read_to_string(format!("/proc/{pid}/comm")) else {
            return false;
        };
        // After a crash the pid can be reused by an unrelated program: only a process
        // with our own name counts as a Detente still running.
        fs::read_to_string("/proc/self/comm").map_or(true, |own| own == name)
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = pid;
        false
    }
}

/// Recovery files left by instances that are no longer running, newest first. This
/// process's own file and those of running instances are not listed. Unreadable files are
/// skipped (they cannot be offered), and temporaries of dead writers are removed (at start,
/// this is what clears the `.recovery-PID.ron.tmp-PID-RANDOM` of an instance killed
/// mid-autosave).
pub fn find_recoveries(dir: &Path) -> Vec<Recovery> {
    let own = std::process::id();
    remove_stale_temporaries(dir, None);
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(pid) = name
            .strip_prefix(PREFIX)
            .and_then(|n| n.strip_suffix(SUFFIX))
            .and_then(|n| n.parse::<u32>().ok())
        else {
            continue;
        };
        if pid == own || is_alive(pid) {
            continue;
        }
        let path = entry.path();
        if let Some(summary) = read_summary(&path) {
            found.push(Recovery { path, pid, summary });
        }
    }
    found.sort_by_key(|r| std::cmp::Reverse(r.summary.written_at));
    found
}

/// The newest recovery file left by an instance that died, to offer at start.
pub fn find_recovery(dir: &Path) -> Option<Recovery> {
    find_recoveries(dir).into_iter().next()
}

/// The recovered project, checked like any project file.
pub fn restore(recovery: &Recovery) -> Result<Project, LoadError> {
    let file = RecoveryFile::read(&recovery.path)?;
    let label = format!("{} (recovered)", recovery.path.display());
    load_project_str(&file.project_text, &label)
}

/// Removes this process's recovery file: after a save, or when closing with nothing unsaved.
pub fn discard(dir: &Path) -> std::io::Result<()> {
    remove_if_there(&dir.join(file_name(std::process::id())))
}

/// Removes a leftover the analyst recovered or declined.
pub fn discard_recovery(recovery: &Recovery) -> std::io::Result<()> {
    remove_if_there(&recovery.path)
}

fn remove_if_there(path: &Path) -> std::io::Result<()> {
    match fs::remove_file(path) {
        Err(err) if err.kind() != std::io::ErrorKind::NotFound => Err(err),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("detente-recovery-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        dir
    }

    /// Far above any pid Linux hands out (at most 2^22), so never alive.
    const DEAD: u32 = 4_000_000_000;

    fn project() -> Project {
        let mut project = crate::io::sample_project().unwrap();
        project.title = "Talks\nin “Geneva”".to_owned();
        project
    }

    #[test]
    fn own_file_is_not_a_leftover_but_a_dead_one_is() {
        let dir = temp_dir("own");
        let origin = Path::new("/home/analyst/talks.ron");
        let path = write_recovery(&dir, &project(), Some(origin)).unwrap();
        assert_eq!(path, dir.join(file_name(std::process::id())));
        assert_eq!(find_recovery(&dir), None);

        let file = RecoveryFile {
            written_at: 1_766_239_200,
            ..RecoveryFile::read(&path).unwrap()
        };
        file.write_as(&dir, DEAD).unwrap();
        let found = find_recovery(&dir).unwrap();
        assert_eq!(found.pid, DEAD);
        assert_eq!(found.summary.title, "Talks\nin “Geneva”");
        assert_eq!(found.summary.num_events, project().num_events());
        assert_eq!(found.summary.origin_path.as_deref(), Some(origin));
        assert!(
            found
                .summary
                .describe()
                .contains("events, autosaved 2025-12-"),
            "{}",
            found.summary.describe()
        );
        assert_eq!(restore(&found).unwrap(), project());
        assert_eq!(found.summary.kept_how(), "Autosaved");

        discard_recovery(&found).unwrap();
        assert_eq!(find_recovery(&dir), None);
        discard(&dir).unwrap();
        assert!(!path.exists());
        discard(&dir).unwrap();
    }

    #[test]
    fn work_kept_at_a_crash_says_so_and_an_older_header_still_reads() {
        let dir = temp_dir("crash");
        let path = write_recovery_at_crash(&dir, &project(), None).unwrap();
        let file = RecoveryFile::read(&path).unwrap();
        assert!(file.at_crash);
        file.write_as(&dir, DEAD).unwrap();
        let found = find_recovery(&dir).unwrap();
        assert!(found.summary.at_crash);
        assert_eq!(found.summary.kept_how(), "Kept at the crash");
        assert!(
            found
                .summary
                .describe()
                .contains("events, kept at the crash 20")
        );
        // An autosave's header has no such field: a Detente of before it reads it alike.
        let autosaved = RecoveryFile::from_project(&project(), None).unwrap();
        let path = autosaved.write(&dir).unwrap();
        let text = fs::read_to_string(&path).unwrap();
        assert!(!text.lines().next().unwrap().contains("at_crash"));
        let header = parse_header(
            "(detente_recovery:1,written_at:5,origin_path:None,project_title:\"T\",num_events:2)",
        )
        .unwrap();
        assert!(!header.at_crash);
        discard(&dir).unwrap();
    }

    #[test]
    fn newest_first_and_damaged_files_skipped() {
        let dir = temp_dir("order");
        let mut file = RecoveryFile::from_project(&project(), None).unwrap();
        file.written_at = 100;
        file.write_as(&dir, DEAD).unwrap();
        file.written_at = 200;
        file.write_as(&dir, DEAD + 1).unwrap();
        fs::write(dir.join(file_name(DEAD + 2)), "garbage").unwrap();
        fs::write(dir.join("notes.txt"), "unrelated").unwrap();
        let temp = dir.join(format!(".{}.tmp-{DEAD}-aB3dE6gH", file_name(DEAD + 3)));
        fs::write(&temp, "half written").unwrap();
        // pid 1 always runs, though it is not Detente: its temporary may be mid-rename, so
        // it stays until no process 1 runs (a leftover costs space, a removal a save).
        let running = dir.join(format!(".{}.tmp-1-aB3dE6gH", file_name(1)));
        fs::write(&running, "being written").unwrap();
        let found = find_recoveries(&dir);
        let pids: Vec<_> = found.iter().map(|r| r.pid).collect();
        assert_eq!(pids, [DEAD + 1, DEAD]);
        assert!(found[0].summary.describe().contains("(never saved)"));
        if cfg!(target_os = "linux") {
            assert!(!temp.exists(), "a dead writer's temporary is removed");
        }
        assert!(running.exists(), "a running writer's temporary is kept");
    }

    #[test]
    fn a_damaged_project_text_is_a_load_error() {
        let dir = temp_dir("damaged");
        let mut file = RecoveryFile::from_project(&project(), None).unwrap();
        file.project_text.truncate(file.project_text.len() / 2);
        file.write_as(&dir, DEAD).unwrap();
        let found = find_recovery(&dir).unwrap();
        let err = restore(&found).unwrap_err();
        assert!(err.file.contains("(recovered)"), "{err}");
    }

    #[test]
    fn missing_folder_means_nothing_to_recover() {
        assert!(find_recoveries(&temp_dir("none")).is_empty());
        assert!(discard(&temp_dir("none")).is_ok());
    }
}
